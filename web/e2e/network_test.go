//go:build !js

package e2e

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// networkLive waits until the wasm module runs the network page and has
// caught up with its link.
func (e *e2e) networkLive(ctx context.Context) {
	e.t.Helper()
	e.waitFor(ctx, "the live network", `!!document.querySelector('[data-live-ok]:not([hidden])') && !!document.querySelector('[data-svg="diagram"] canvas[data-heat]') && !document.querySelector('[data-out="status"]').textContent.includes('…')`)
}

// TestE2ENetwork trains a network as a student does: the hidden layer's
// size, play, the loss falling, points placed by clicking, and the link
// opened elsewhere (with and without JavaScript) showing the same epoch
// and loss to the last digit.
func TestE2ENetwork(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en"))
	e.networkLive(ctx)
	e.eval(ctx, `window.__noReload = 'yes'`)
	// The module's functions reject misuse with an Error.
	for _, call := range []string{`nnplay.netStep('x')`, `nnplay.netStep(5000)`, `nnplay.netPixels([1, 2])`, `nnplay.netTap(1, 2)`, `nnplay.netTap(1, 2, 0, 0)`, `nnplay.netKey(3)`} {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](call+`.then(() => 'resolved', (e) => e instanceof Error ? 'Error: ' + e.message : 'not an Error')`, chromedp.EvalAwaitPromise))
		if err != nil || !strings.HasPrefix(got, "Error: nnplay") {
			t.Errorf("%s: %q, %v", call, got, err)
		}
	}

	// The main knob: + on the hidden layer redraws the network.
	if got := e.eval(ctx, `String(document.querySelectorAll('[data-svg="diagram"] canvas[data-heat]').length)`); got != "5" {
		t.Errorf("%s heatmap canvases, want 5 (the output and 4 hidden neurons)", got)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="add-n1"]`)))
	e.waitFor(ctx, "5 hidden neurons", `document.querySelectorAll('[data-svg="diagram"] canvas[data-heat]').length === 6`)
	e.waitFor(ctx, "h=5 in the link", `location.search === '?v=1&lang=en&h=5'`)
	if got := e.text(ctx, "layer-1"); got != "Layer 1: 5 neurons" {
		t.Errorf("layer text %q", got)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="del-n1"]`)))
	e.waitFor(ctx, "back to 4", `location.search === '?v=1&lang=en'`)

	// Play: the epoch counter and the loss move, and the loss falls.
	loss0 := e.text(ctx, "test-loss")
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "epoch 150", `Number(document.querySelector('[data-out="epoch"]').textContent) >= 150`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "paused", `document.querySelector('[data-play]').getAttribute('aria-pressed') === 'false'`)
	e.waitFor(ctx, "the link holds the epoch", `location.search.includes('&e=' + document.querySelector('[data-out="epoch"]').textContent)`)
	loss1 := e.text(ctx, "test-loss")
	l0, _ := strconv.ParseFloat(strings.Replace(loss0, "−", "-", 1), 64)
	l1, _ := strconv.ParseFloat(strings.Replace(loss1, "−", "-", 1), 64)
	if !(l1 < l0/2) {
		t.Errorf("the test loss went from %s to %s on the circle", loss0, loss1)
	}
	if e.eval(ctx, `window.__noReload || ''`) != "yes" {
		t.Error("the page reloaded")
	}
	// Mid-run changes go into the link: a learning rate, a weight set by
	// hand (select the link in the diagram, type, set), then a step.
	e.do(ctx, chromedp.SetValue(chromedp.ID("f-lr"), "0.1"))
	e.eval(ctx, `document.getElementById('f-lr').dispatchEvent(new Event('change', {bubbles: true})), ''`)
	e.waitFor(ctx, "the learning rate recorded", `/&lr=0\.1&e=\d+&ed=\d+,lr,0\.03/.test(location.search)`)
	// (A curved link's box centre is not on it: click the link itself.)
	e.eval(ctx, `document.querySelector('[data-svg="diagram"] a[data-op="sel-w1.2.3"]').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true})), ''`)
	e.waitFor(ctx, "the weight's arithmetic", `document.querySelector('[data-svg="math"]').textContent.includes('x₂ → h₁,₃') && !document.getElementById('f-wv').closest('[data-item]').hidden`)
	e.typeInto(ctx, "f-wv", "-1.5")
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="set"]`)))
	e.waitFor(ctx, "the weight recorded", `/&ed=\d+,w1\.2\.3,-1\.5/.test(location.search)`)
	if got := e.eval(ctx, `document.querySelector('[data-svg="math"] output').textContent`); got != "w = −1.5" {
		t.Errorf("the weight reads %q after setting it", got)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="train1"]`)))
	e.waitFor(ctx, "one more epoch", `location.search.includes('&e=' + document.querySelector('[data-out="epoch"]').textContent) && Number(document.querySelector('[data-out="epoch"]').textContent) > 150`)
	link := e.eval(ctx, `location.href`)
	shown := e.text(ctx, "test-loss")
	epoch := e.text(ctx, "epoch")
	exact := e.eval(ctx, `document.querySelector('[data-out="test-loss"]').title + ' ' + document.querySelector('[data-out="train-loss"]').title`)
	e.shot(ctx, "network-trained")

	// The link in another person's browser: the same epoch and loss, to
	// the last digit, replayed by the wasm module...
	other := e.tab()
	e.do(other, chromedp.Navigate(link))
	e.networkLive(other)
	if got := e.text(other, "epoch"); got != epoch {
		t.Errorf("the link opened at epoch %s, want %s", got, epoch)
	}
	if got := e.eval(other, `document.querySelector('[data-out="test-loss"]').title + ' ' + document.querySelector('[data-out="train-loss"]').title`); got != exact {
		t.Errorf("the link replayed to losses %s, want %s", got, exact)
	}
	// ... and without JavaScript, by the server.
	nojs := e.tab()
	if _, err := chromedp.Call(nojs, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	e.do(nojs, chromedp.Navigate(link))
	if got := e.text(nojs, "epoch"); got != epoch {
		t.Errorf("without JavaScript the link shows epoch %s, want %s", got, epoch)
	}
	if got := e.eval(nojs, `document.querySelector('[data-out="test-loss"]').title + ' ' + document.querySelector('[data-out="train-loss"]').title`); got != exact {
		t.Errorf("without JavaScript the losses are %s, want %s", got, exact)
	}
	if got := e.text(nojs, "test-loss"); got != shown {
		t.Errorf("without JavaScript the test loss reads %q, want %q", got, shown)
	}

	// Own points: pick the dataset, click the plot.
	e.do(ctx, chromedp.Click(chromedp.CSS(`input[name="data"][value="own"]`)))
	e.waitFor(ctx, "own data", `location.search.includes('data=own')`)
	for i, pt := range [][2]int{{60, 60}, {240, 240}, {150, 150}} {
		if i == 1 {
			e.do(ctx, chromedp.Click(chromedp.CSS(`input[name="tool"][value="neg"]`)))
			e.waitFor(ctx, "the orange tool", `location.search.includes('tool=neg')`)
		}
		e.eval(ctx, fmt.Sprintf(`(() => { const c = document.querySelector('.plot canvas'); const r = c.getBoundingClientRect(); c.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: r.left + %d, clientY: r.top + %d})); return ''; })()`, pt[0], pt[1]))
		want := fmt.Sprintf("%d points", i+1)
		if i == 0 {
			want = "1 point " // the noun agrees with the count
		}
		e.waitFor(ctx, want, fmt.Sprintf(`document.querySelector('[data-out="counts"]').textContent.startsWith('%s')`, want))
	}
	e.waitFor(ctx, "the points in the link", `/[?&]pts=[A-Za-z0-9_-]{10}(&|$)/.test(location.search)`)
	if got := e.text(ctx, "counts"); got != "3 points (1 blue, 2 orange)" {
		t.Errorf("counts %q", got)
	}
	// By keyboard: the arrows move the point, Enter places one there.
	e.eval(ctx, `document.querySelector('.plot canvas').focus(), ''`)
	e.do(ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowUp))
	e.waitFor(ctx, "the probe moved", `location.search.includes('px=2&py=1.5')`)
	e.do(ctx, chromedp.KeyEvent(kb.Enter))
	e.waitFor(ctx, "a point placed by keyboard", `document.querySelector('[data-out="counts"]').textContent.startsWith('4 points (1 blue, 3 orange)')`)
	e.shot(ctx, "network-own")
}

// TestE2ENetworkStops: play stops by the rules, and says why.
func TestE2ENetworkStops(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en&stop=40"))
	e.networkLive(ctx)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "stopped at 40", `document.querySelector('[data-out="status"]').textContent === 'Stopped at epoch 40, as set.' && location.search === '?v=1&lang=en&e=40&stop=40'`)
	if got := e.eval(ctx, `document.querySelector('[data-play]').getAttribute('aria-pressed')`); got != "false" {
		t.Error("the play button did not come back")
	}
	// A learning rate far too high: training diverges, and the page says so.
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en&data=reg-plane&h=16,16,16&act=relu&lr=10"))
	e.networkLive(ctx)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "the divergence note", `document.querySelector('[data-out="status"]').textContent.startsWith('Training diverged at epoch ')`)
	e.shot(ctx, "network-diverged")
	// A link being replayed says how far it has got, and keeps what the
	// server drew until it is done.
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&e=103"))
	e.networkLive(ctx)
	if got := e.text(ctx, "status"); got != "Training stops at epoch 103. Past it the link must hold the weights themselves, and this network's 1505 weights do not fit in a link (8 KB). To train longer, shrink the network: fewer hidden layers, neurons or inputs, down to 638 weights." {
		t.Errorf("at the limit the status reads %q", got)
	}
}

// TestE2ENetworkCheckpoint plays the largest network whose checkpoint fits
// in a link (609 parameters) past its replay bound (246 epochs; the link
// opens at 240, replayed, to save the test a minute of one epoch a
// frame), then opens the address bar's link, which now carries a
// checkpoint, in fresh tabs with and without JavaScript: the same epoch
// and the same test loss.
func TestE2ENetworkCheckpoint(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en&h=16,16,16&e=240"))
	e.networkLive(ctx)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	deadline := time.Now().Add(75 * time.Second)
	for e.eval(ctx, `String(+document.querySelector('[data-out="epoch"]').textContent > 270)`) != "true" {
		if time.Now().After(deadline) {
			t.Fatalf("still at epoch %s: %s", e.text(ctx, "epoch"), e.text(ctx, "status"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "the paused link", `location.search.includes('&ck=') && location.search.includes('&e=' + document.querySelector('[data-out="epoch"]').textContent + '&')`)
	link, epoch, loss := e.eval(ctx, `location.search`), e.text(ctx, "epoch"), e.text(ctx, "test-loss")

	js := e.tab()
	e.do(js, chromedp.Navigate(e.srv.URL+"/network"+link))
	e.networkLive(js)
	if got, gotLoss := e.text(js, "epoch"), e.text(js, "test-loss"); got != epoch || gotLoss != loss {
		t.Errorf("opened with JavaScript: epoch %s, test loss %s; want %s, %s", got, gotLoss, epoch, loss)
	}
	noJS := e.tab()
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	e.do(noJS, chromedp.Navigate(e.srv.URL+"/network"+link))
	e.waitFor(noJS, "the page", `document.readyState === 'complete'`)
	if got, gotLoss := e.text(noJS, "epoch"), e.text(noJS, "test-loss"); got != epoch || gotLoss != loss {
		t.Errorf("opened without JavaScript: epoch %s, test loss %s; want %s, %s", got, gotLoss, epoch, loss)
	}
}

// TestE2ENetworkScreens takes the screenshots a person checks (desktop and
// phone, both languages) and checks nothing overflows a 360-pixel screen.
func TestE2ENetworkScreens(t *testing.T) {
	e := startE2E(t)
	for _, lang := range []string{"ru", "en"} {
		for _, size := range []struct {
			name string
			w, h int64
		}{{"desktop", 1280, 900}, {"phone", 360, 740}} {
			ctx := e.tab()
			e.do(ctx, chromedp.EmulateViewport(size.w, size.h))
			e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang="+lang+"&h=4,2&e=300&sel=n1.2&test=1"))
			e.networkLive(ctx)
			if size.w == 360 {
				var scroll, client int
				fmt.Sscan(e.eval(ctx, `document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth`), &scroll, &client)
				if scroll > client {
					t.Errorf("%s: the page is %d px wide on a %d px screen", lang, scroll, client)
				}
			}
			e.shot(ctx, "network-"+lang+"-"+size.name)
		}
	}
}

// TestE2ENetworkNoScript uses the page as a GET form, with JavaScript off:
// a click on the plot places a point (an image button), the training
// buttons train on the server, a click on the diagram selects a neuron.
func TestE2ENetworkNoScript(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en&data=own"))
	// The plot's image button: a click at (75, 75) of 300 is (−3, 3).
	clickPlot := func(px, py float64) {
		e.waitFor(ctx, "the plot", `!!document.querySelector('.plot input[type=image]') && document.readyState === 'complete'`)
		e.eval(ctx, `document.querySelector('.plot').scrollIntoView({block: 'center'}), ''`)
		var xy [2]float64
		for i, side := range []string{"left", "top"} {
			v, _ := strconv.ParseFloat(e.eval(ctx, `String(document.querySelector('.plot input[type=image]').getBoundingClientRect().`+side+`)`), 64)
			xy[i] = v
		}
		e.do(ctx, chromedp.MouseClickXY(xy[0]+px, xy[1]+py))
	}
	clickPlot(75, 75)
	e.waitFor(ctx, "a point placed by the server", `location.search === '?v=1&lang=en&data=own&pts=PLQB'`)
	clickPlot(225, 225)
	e.waitFor(ctx, "two points", `document.querySelector('[data-out="counts"]')?.textContent === '2 points (2 blue, 0 orange)'`)

	e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?lang=en"))
	e.waitFor(ctx, "the page", `document.readyState === 'complete' && location.search === '?v=1&lang=en'`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="train100"]`)))
	e.waitFor(ctx, "100 epochs on the server", `location.search === '?v=1&lang=en&e=100' && document.querySelector('[data-out="epoch"]').textContent === '100'`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="add-n1"]`)))
	e.waitFor(ctx, "a new neuron restarts", `location.search === '?v=1&lang=en&h=5'`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-svg="diagram"] a[data-op="sel-n1.3"] rect`)))
	e.waitFor(ctx, "the neuron's arithmetic", `location.search.endsWith('&sel=n1.3') && document.querySelector('[data-svg="math"]').textContent.includes('Hidden layer 1, neuron 3')`)
	e.typeInto(ctx, "f-wv", "2")
	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="set"]`)))
	e.waitFor(ctx, "the bias set", `location.search === '?v=1&lang=en&h=5&ed=0,b1.3,2&sel=n1.3' && document.getElementById('f-wv').value === '2'`)
	e.shot(ctx, "network-nojs")
}
