//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestE2ECodePanel: the code panel follows the page live. Switching the
// activation changes the program at once (the wasm module writes it), and
// its downloads carry the new link.
func TestE2ECodePanel(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	for _, page := range []struct {
		path, before, after string
		live                func()
	}{
		{"/neuron?lang=en", "def sigmoid(z):", "def tanh(z):", func() { e.live(ctx) }},
		{"/conv?lang=en", "def relu(z):", "def tanh(z):", func() { e.convLive(ctx) }},
	} {
		e.do(ctx, chromedp.Navigate(e.srv.URL+page.path))
		page.live()
		if got := e.text(ctx, "code"); !strings.Contains(got, page.before) || !strings.Contains(got, "import numpy as np") {
			t.Fatalf("%s: the panel shows\n%s", page.path, got)
		}
		e.do(ctx, chromedp.SetValue(chromedp.ID("f-act"), "tanh"))
		e.eval(ctx, `document.getElementById('f-act').dispatchEvent(new Event('change', {bubbles: true})), ''`)
		e.waitFor(ctx, page.path+": the program with tanh", `document.querySelector('[data-out="code"]').textContent.includes(`+quote(page.after)+`)`)
		e.waitFor(ctx, page.path+": its download link", `document.querySelector('[data-href="code-py"]').getAttribute('href').includes('act=tanh')`)
	}
}
