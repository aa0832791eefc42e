package i18n_test

import (
	"slices"
	"testing"

	"nnplay/engine"
	"nnplay/web/gallery"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// TestEveryOptionNamed: every option of every registry the pages offer
// (the engine's, the gallery's and state's lists) has a word in every
// language, and no word is left for an option that is gone. A new
// registry entry without its words fails here.
func TestEveryOptionNamed(t *testing.T) {
	t.Parallel()
	outputs := names(engine.Outputs(), engine.Output.Name)
	for _, reg := range []struct {
		what    string
		options []string
		words   func(*i18n.Messages) map[string]string
	}{
		{"activation", names(engine.Activations(), engine.Activation.Name), func(m *i18n.Messages) map[string]string { return m.Common.Activations }},
		{"activation note", names(engine.Activations(), engine.Activation.Name), func(m *i18n.Messages) map[string]string { return m.Neuron.ActNotes }},
		{"dataset", state.DataNames(), func(m *i18n.Messages) map[string]string { return m.Network.Datasets }},
		// A feature is named by its formula (x₁², sin x₁), the same in
		// every language.
		{"feature", names(engine.Features(), engine.Feature.Name), func(*i18n.Messages) map[string]string {
			labels := map[string]string{}
			for _, f := range engine.Features() {
				labels[f.Name()] = f.Label()
			}
			return labels
		}},
		{"output", outputs, func(m *i18n.Messages) map[string]string { return m.Network.Outputs }},
		{"output's loss", outputs, func(m *i18n.Messages) map[string]string { return m.Network.LossNames }},
		{"regularization", names(engine.Regularizations(), engine.Regularization.Name), func(m *i18n.Messages) map[string]string { return m.Network.Regs }},
		{"tool", state.Tools(), func(m *i18n.Messages) map[string]string { return m.Network.Tools }},
		{"image", append(names(gallery.Images(), gallery.Image.Name), state.SourceGrid, state.SourceDraw), func(m *i18n.Messages) map[string]string { return m.Conv.Images }},
		{"kernel", names(engine.Kernels(), engine.Kernel.Name), func(m *i18n.Messages) map[string]string { return m.Conv.Kernels }},
		{"padding", names(engine.Paddings(), engine.Padding.String), func(m *i18n.Messages) map[string]string { return m.Conv.Paddings }},
		{"pooling", names(engine.PoolOps(), engine.PoolOp.String), func(m *i18n.Messages) map[string]string { return m.Conv.PoolOps }},
		// The two scales have a sentence each, not a map: a third needs
		// its own sentence, and a line here.
		{"display scale", names(engine.Scales(), engine.Scale.String), func(m *i18n.Messages) map[string]string {
			return map[string]string{engine.Diverging.String(): m.Conv.Diverging, engine.Clip.String(): m.Conv.Clipped}
		}},
	} {
		if len(reg.options) == 0 {
			t.Errorf("the %s registry is empty", reg.what)
		}
		for _, l := range i18n.Langs() {
			words := reg.words(i18n.For(l))
			for _, o := range reg.options {
				if words[o] == "" {
					t.Errorf("%s: %s %q has no word", l, reg.what, o)
				}
			}
			for o := range words {
				if !slices.Contains(reg.options, o) {
					t.Errorf("%s: a word for %s %q, which no registry lists", l, reg.what, o)
				}
			}
		}
	}
}

// names returns each option's token, in the registry's order.
func names[T any](options []T, name func(T) string) []string {
	tokens := make([]string, len(options))
	for i, o := range options {
		tokens[i] = name(o)
	}
	return tokens
}
