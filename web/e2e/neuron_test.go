//go:build !js

package e2e

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestE2ENeuron is the lesson's first exercise as a student does it.
func TestE2ENeuron(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/neuron?lang=en"))
	e.live(ctx)
	if got := e.text(ctx, "output"); got != "σ(0.75) = 0.679179" {
		t.Fatalf("initial output %q", got)
	}
	// The module's functions reject misuse with an Error; they never throw
	// a Go panic across the boundary.
	for _, call := range []string{`nnplay.update('nope', [], '')`, `nnplay.update('neuron', 'not an array', '')`, `nnplay.update('neuron', [[1, 2]], '')`, `nnplay.update()`} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](call+`.then(() => 'resolved', (e) => e instanceof Error ? 'Error: ' + e.message : 'not an Error')`, chromedp.EvalAwaitPromise))
		if err != nil || !strings.HasPrefix(got, "Error: nnplay") {
			t.Errorf("%s: %q, %v", call, got, err)
		}
	}
	// A marker survives only if the page is never reloaded.
	e.eval(ctx, `window.__noReload = 'yes'`)

	// Change a weight: the output, the curve and the address bar follow.
	e.typeInto(ctx, "f-w-1", "2")
	e.waitFor(ctx, "z = 2.25", `document.querySelector('[data-out="z"]').textContent === '2.25'`)
	if got := e.text(ctx, "output"); got != "σ(2.25) = 0.904651" {
		t.Errorf("output after w₁ = 2: %q", got)
	}
	if got := e.text(ctx, "sum"); got != "2·1 + (−0.25)·2 + 0.75" {
		t.Errorf("sum written out: %q", got)
	}
	if !strings.Contains(e.eval(ctx, `document.querySelector('[data-svg="curve"] svg').outerHTML`), "(2.25; 0.904651)") {
		t.Error("the curve's marked point did not move")
	}
	want := "?v=1&lang=en&x=1&x=2&w=2&w=-0.25"
	e.waitFor(ctx, "the address bar", `location.search === `+quote(want))
	if e.eval(ctx, `window.__noReload || ''`) != "yes" {
		t.Error("the page reloaded")
	}
	link := e.eval(ctx, `location.href`)

	// Switch the activation and drag nothing: the select recomputes too.
	e.do(ctx, chromedp.SetValue(chromedp.ID("f-act"), "tanh"))
	e.eval(ctx, `document.getElementById('f-act').dispatchEvent(new Event('change', {bubbles: true})), ''`)
	e.waitFor(ctx, "tanh", `document.querySelector('[data-out="output"]').textContent.startsWith('tanh(2.25)')`)
	e.waitFor(ctx, "act=tanh in the link", `location.search.endsWith('&act=tanh')`)

	// The copied link opens the same numbers in another person's browser...
	other := e.tab()
	e.do(other, chromedp.Navigate(link))
	e.live(other)
	if got := e.text(other, "output"); got != "σ(2.25) = 0.904651" {
		t.Errorf("the link opened %q", got)
	}
	// ... and without JavaScript, rendered by the server.
	nojs := e.tab()
	if _, err := chromedp.Call(nojs, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	e.do(nojs, chromedp.Navigate(link))
	if got := e.text(nojs, "output"); got != "σ(2.25) = 0.904651" {
		t.Errorf("without JavaScript the link shows %q", got)
	}
	if got := e.eval(nojs, `document.documentElement.className`); got != "no-js" {
		t.Errorf("without JavaScript the page's class is %q", got)
	}
	if got := e.eval(nojs, `document.querySelector('[data-svg="curve"] img').getAttribute('src')`); !strings.HasPrefix(got, "/neuron/curve.svg?v=1") {
		t.Errorf("the server chart is %q", got)
	}
}

// TestE2ENeuronInputsAndErrors adds and removes inputs, types a bad value
// and a batch, and opens a bad link.
func TestE2ENeuronInputsAndErrors(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/neuron?lang=en"))
	e.live(ctx)

	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="add"]`)))
	e.waitFor(ctx, "a third input", `!document.getElementById('f-x-3').closest('[data-item]').hidden`)
	e.waitFor(ctx, "three inputs in the link", `location.search === '?v=1&lang=en&x=1&x=2&x=0&w=0.5&w=-0.25&w=0'`)
	if got := e.eval(ctx, `document.activeElement.id`); got != "f-x-3" {
		t.Errorf("focus is on %q, want the new input", got)
	}
	e.typeInto(ctx, "f-x-3", "4")
	e.typeInto(ctx, "f-w-3", "0.5")
	e.waitFor(ctx, "z = 2.75", `document.querySelector('[data-out="z"]').textContent === '2.75'`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="del1"]`)))
	e.waitFor(ctx, "input 1 removed", `location.search === '?v=1&lang=en&x=2&x=4&w=-0.25&w=0.5'`)
	if got := e.eval(ctx, `document.getElementById('f-x-1').value + ' ' + document.getElementById('f-w-2').value`); got != "2 0.5" {
		t.Errorf("after removing input 1 the fields hold %q", got)
	}

	// A bad value: a message names the field, the value and what is
	// allowed; the address bar keeps the last good link.
	before := e.eval(ctx, `location.search`)
	e.typeInto(ctx, "f-b", "abc")
	e.waitFor(ctx, "the field's error", `document.querySelector('[data-error-for="f-b"]:not([hidden])')?.textContent.includes('abc')`)
	msg := e.eval(ctx, `document.querySelector('[data-error-for="f-b"]').textContent`)
	for _, s := range []string{"Bias b", "abc", "not a number", "-1000000", "1000000"} {
		if !strings.Contains(msg, s) {
			t.Errorf("error %q lacks %q", msg, s)
		}
	}
	if e.eval(ctx, `document.getElementById('f-b').getAttribute('aria-invalid')`) != "true" {
		t.Error("the bad field is not marked aria-invalid")
	}
	if got := e.eval(ctx, `location.search`); got != before {
		t.Errorf("a bad value changed the link to %q", got)
	}
	e.typeInto(ctx, "f-b", "1\n") // Enter recomputes; it must not press "add an input"
	e.waitFor(ctx, "the error cleared", `document.querySelector('[data-error-for="f-b"]').hidden && document.querySelector('[data-errors]').hidden`)

	if got := e.eval(ctx, `String(document.querySelectorAll('.input-row:not([hidden])').length)`); got != "2" {
		t.Errorf("after Enter in a field there are %s inputs, want 2", got)
	}

	// A batch: every row's output in a table, and the CSV link follows.
	e.eval(ctx, `(() => { const t = document.getElementById('f-batch'); t.focus(); t.value = ''; return ''; })()`)
	e.do(ctx, chromedp.SendKeys(chromedp.ID("f-batch"), "1, 2\n3 4\n"))
	e.waitFor(ctx, "two batch rows", `document.querySelectorAll('table[data-table="batch"] tbody tr').length === 2`)
	if got := e.eval(ctx, `document.querySelector('table[data-table="batch"] tbody tr:last-child').innerText.replace(/\s+/g, ' ').trim()`); got != "2 3 4 2.25 0.904651" {
		t.Errorf("batch row 2 reads %q", got)
	}
	if got := e.eval(ctx, `document.querySelector('[data-href="csv"]').getAttribute('href')`); !strings.Contains(got, "batch=1,2~3,4") {
		t.Errorf("CSV link %q", got)
	}

	// A bad link: the page says what is wrong, in the form, with a 400.
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/neuron?lang=en&x=1&w=oops&act=softmax"))
	e.waitFor(ctx, "the error summary", `!document.querySelector('[data-errors]').hidden`)
	summary := e.eval(ctx, `document.querySelector('[data-errors]').innerText`)
	for _, s := range []string{"oops", "softmax", "sigmoid, tanh"} {
		if !strings.Contains(summary, s) {
			t.Errorf("error summary lacks %q:\n%s", s, summary)
		}
	}
	if got := e.eval(ctx, `document.getElementById('f-w-1').value`); got != "oops" {
		t.Errorf("the form shows %q, want the bad value to fix", got)
	}

	// One list with and without JavaScript: a weight missing from the link
	// (the form shows it as 0) is listed by the live page as by the server.
	const missing = "/neuron?lang=en&x=1&x=2&w=1"
	e.do(ctx, chromedp.Navigate(e.srv.URL+missing))
	e.waitFor(ctx, "the live mode", `!!document.querySelector('[data-live-ok]:not([hidden])')`)
	live := e.eval(ctx, `Array.from(document.querySelectorAll('[data-error-list] li')).map((li) => li.textContent).join('|')`)
	res, err := http.Get(e.srv.URL + missing)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var server []string
	list := regexp.MustCompile(`(?s)<ul data-error-list>.*?</ul>`).FindString(string(body))
	for _, m := range regexp.MustCompile(`<li><a href="#[^"]+">(.*?)</a></li>`).FindAllStringSubmatch(list, -1) {
		server = append(server, html.UnescapeString(m[1]))
	}
	if live != strings.Join(server, "|") || live == "" {
		t.Errorf("with JavaScript the summary lists %q, without %q", live, server)
	}
}

// TestE2EScreens takes the screenshots a person checks (desktop and phone,
// both languages) when NNPLAY_SCREENSHOTS names a directory, and checks
// that nothing overflows a 360-pixel phone screen.
func TestE2EScreens(t *testing.T) {
	e := startE2E(t)
	for _, lang := range []string{"ru", "en"} {
		for _, size := range []struct {
			name string
			w, h int64
		}{{"desktop", 1280, 900}, {"phone", 360, 740}} {
			ctx := e.tab()
			e.do(ctx, chromedp.EmulateViewport(size.w, size.h))
			for _, page := range []string{"/neuron?lang=" + lang + "&x=1&x=-2&x=0.5&w=0.5&w=1&w=-1&b=0.3&batch=1,2,3~0,0,0", "/?lang=" + lang} {
				e.do(ctx, chromedp.Navigate(e.srv.URL+page))
				if strings.HasPrefix(page, "/neuron") {
					e.live(ctx)
				}
				if w := e.eval(ctx, `document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth`); size.w == 360 {
					var scroll, client int
					fmt.Sscan(w, &scroll, &client)
					if scroll > client {
						t.Errorf("%s %s: the page is %d px wide on a %d px screen", lang, page, scroll, client)
					}
				}
				name := strings.Trim(strings.NewReplacer("/", "", "?", "-").Replace(strings.SplitN(page, "&", 2)[0]), "-")
				if name == "" || strings.HasPrefix(name, "lang") {
					name = "home"
				}
				e.shot(ctx, name+"-"+lang+"-"+size.name)
			}
		}
	}
}

// TestE2ENeuronNothingLost: the address bar always holds the state, so a
// reload and the back button bring it back; and when the module cannot
// load, the page says so and works as the server's form.
func TestE2ENeuronNothingLost(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/neuron?lang=en"))
	e.live(ctx)
	e.typeInto(ctx, "f-x-1", "-3")
	e.waitFor(ctx, "the link", `location.search === '?v=1&lang=en&x=-3&x=2&w=0.5&w=-0.25'`)
	e.do(ctx, chromedp.Reload())
	e.live(ctx)
	if got := e.eval(ctx, `document.getElementById('f-x-1').value + ' ' + document.querySelector('[data-out="z"]').textContent`); got != "-3 −1.25" {
		t.Errorf("after a reload: %q", got)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(`header a[href^="/?"], header a.brand`)))
	e.waitFor(ctx, "the home page", `location.pathname === '/'`)
	e.eval(ctx, `history.back(), ''`) // the page may come from the back-forward cache: no load event
	e.waitFor(ctx, "back on the neuron", `location.pathname === '/neuron' && document.getElementById('f-x-1')?.value === '-3'`)
	e.live(ctx)
	if got := e.text(ctx, "z"); got != "−1.25" {
		t.Errorf("after the back button z = %q", got)
	}

	// The module fails to load: the page says so, shows the submit button,
	// and the form is computed by the server.
	broken := e.tab()
	if _, err := chromedp.Call(broken, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(broken, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/static/app.*.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	e.do(broken, chromedp.Navigate(e.srv.URL+"/neuron?lang=en"))
	e.waitFor(broken, "the failure note", `!!document.querySelector('[data-live-failed]:not([hidden])')`)
	if got := e.eval(broken, `document.documentElement.className`); got != "no-js" {
		t.Errorf("after the failure the page's class is %q", got)
	}
	e.typeInto(broken, "f-b", "2")
	e.do(broken, chromedp.Click(chromedp.CSS(`#neuron-form button.submit`)))
	e.waitFor(broken, "the server's answer", `location.search === '?v=1&lang=en&b=2' && document.querySelector('[data-out="z"]').textContent === '2'`)
}
