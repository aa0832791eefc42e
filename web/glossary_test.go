package web

import (
	"regexp"
	"strings"
	"testing"

	"nnplay/web/i18n"
)

// glossaryKeys are the terms the issue asks the glossary to cover.
var glossaryKeys = []string{"neuron", "weight", "bias", "activation", "sigmoid", "input-layer", "hidden-layer",
	"output-layer", "epoch", "loss", "gradient-descent", "backprop", "overfitting", "regularization", "feature",
	"kernel", "stride", "padding", "pooling", "fully-connected", "normalization", "dropout", "softmax",
	"supervised", "cnn", "rnn", "lstm", "gru", "autoencoder", "rcnn", "transformer", "unet", "frameworks"}

// TestGlossary: every term the lesson uses is there in both languages,
// each with a one-line definition, and every "try it" link opens its page
// with 200 as written (a canonical link, not a redirect), in both
// languages.
func TestGlossary(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	ru, en := i18n.For(i18n.RU).Home.Glossary, i18n.For(i18n.EN).Home.Glossary
	if len(ru) != len(en) {
		t.Fatalf("%d terms in Russian, %d in English", len(ru), len(en))
	}
	keys := map[string]bool{}
	for i := range ru {
		if ru[i].Key != en[i].Key || ru[i].Term == "" || en[i].Term == "" || ru[i].Definition == "" || en[i].Definition == "" {
			t.Errorf("term %d: %+v / %+v", i, ru[i], en[i])
		}
		for _, d := range []string{ru[i].Definition, en[i].Definition} {
			if strings.Contains(d, "\n") || len([]rune(d)) > 300 {
				t.Errorf("%s: not a one-line definition (%d characters)", ru[i].Key, len([]rune(d)))
			}
		}
		keys[ru[i].Key] = true
	}
	for _, k := range glossaryKeys {
		if !keys[k] {
			t.Errorf("the glossary lacks %q", k)
		}
	}
	try := regexp.MustCompile(`<a class="try" href="([^"]+)"`)
	for _, home := range []string{"/?v=1&lang=ru", "/?v=1&lang=en", "/"} {
		body := get(s, home).Body.String()
		for _, k := range glossaryKeys {
			if !strings.Contains(body, `id="t-`+k+`"`) {
				t.Errorf("%s: no entry t-%s", home, k)
			}
		}
		links := try.FindAllStringSubmatch(body, -1)
		if len(links) < 20 {
			t.Errorf("%s: %d try-it links", home, len(links))
		}
		for _, l := range links {
			href := strings.ReplaceAll(l[1], "&amp;", "&")
			if rec := get(s, href); rec.Code != 200 {
				t.Errorf("%s: try-it %s answers %d %s", home, href, rec.Code, rec.Header().Get("Location"))
			}
		}
	}
	if body := get(s, "/?v=1&lang=ru").Body.String(); !strings.Contains(body, `href="/conv?v=1&amp;lang=ru&amp;stride=2"`) {
		t.Error("«шаг» does not open /conv with a stride of 2")
	}
}
