package view

import (
	"strings"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/state"
)

func oneInput(act string, x float64) state.Neuron {
	n := state.DefaultNeuron()
	n.X, n.W, n.B, n.Act = []float64{x}, []float64{1}, 0, act
	return n
}

// TestNeuronSaturatedDerivatives checks the numbers a teacher checks
// against the textbook where the activation saturates, and that the page
// says in words when a value underflows (in both languages).
func TestNeuronSaturatedDerivatives(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		act        string
		z          float64
		deriv      string
		underflow  bool // f′ is shown as 0 by underflow
		subnormal  bool
		outputNote bool
	}{
		{"sigmoid", 50, "σ′(50) = 1.92875·10⁻²²", false, false, false},
		{"sigmoid", 31.8, "σ′(31.8) = 1.5468·10⁻¹⁴", false, false, false},
		{"tanh", -50, "tanh′(−50) = 1.48803·10⁻⁴³", false, false, false},
		{"tanh", 15, "tanh′(15) = 3.74305·10⁻¹³", false, false, false},
		{"sigmoid", 720, "σ′(720) = ", false, true, false},
		{"sigmoid", 1000, "σ′(1000) = 0", true, false, false},
		{"sigmoid", -1000, "σ′(−1000) = 0", true, false, true},
		{"relu", -1000, "ReLU′(−1000) = 0", false, false, false},
	} {
		for _, lang := range i18n.Langs() {
			m := i18n.For(lang)
			r := Neuron(oneInput(tc.act, tc.z), lang).Result
			if !strings.HasPrefix(r.Deriv, tc.deriv) {
				t.Errorf("%s(%v): %q, want %q", tc.act, tc.z, r.Deriv, tc.deriv)
			}
			says := func(note, msg string) bool {
				return strings.Contains(note, strings.SplitN(msg, "%s", 2)[1][:20])
			}
			if says(r.DerivNote, m.Neuron.Underflow) != tc.underflow || says(r.DerivNote, m.Neuron.Subnormal) != tc.subnormal {
				t.Errorf("%s %s(%v): f′ note %q", lang, tc.act, tc.z, r.DerivNote)
			}
			if says(r.OutputNote, m.Neuron.Underflow) != tc.outputNote {
				t.Errorf("%s %s(%v): output note %q", lang, tc.act, tc.z, r.OutputNote)
			}
		}
	}
}

// TestNeuronFormulaWordsInPageLanguage checks that a formula's words come
// from the page's language: no English on the Russian page.
func TestNeuronFormulaWordsInPageLanguage(t *testing.T) {
	t.Parallel()
	ru := Neuron(oneInput("step", 1), i18n.RU).Result.DerivForm
	en := Neuron(oneInput("step", 1), i18n.EN).Result.DerivForm
	if strings.Contains(ru, "undefined") || !strings.Contains(ru, "не определена") || !strings.Contains(en, "undefined") {
		t.Errorf("step′ formula: ru %q, en %q", ru, en)
	}
}
