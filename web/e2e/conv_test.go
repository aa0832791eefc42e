//go:build !js

package e2e

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// convLive waits until the wasm module runs /conv and painted its maps.
func (e *e2e) convLive(ctx context.Context) {
	e.t.Helper()
	e.waitFor(ctx, "the live /conv page", `!!document.querySelector('[data-live-ok]:not([hidden])') && !document.querySelector('canvas[data-map="fm-1"]').hidden && !!globalThis.nnplay`)
	e.waitFor(ctx, "the first paint", `(() => { const c = document.querySelector('canvas[data-map="fm-1"]'); return c.getContext('2d').getImageData(0, 0, 1, 1).data[3] === 255; })()`)
}

// TestE2EConvScreens takes the screenshots a person checks and checks
// that nothing overflows a 360-pixel phone screen.
func TestE2EConvScreens(t *testing.T) {
	e := startE2E(t)
	for _, lang := range []string{"ru", "en"} {
		for _, size := range []struct {
			name string
			w, h int64
		}{{"desktop", 1280, 900}, {"phone", 360, 740}} {
			ctx := e.tab()
			e.do(ctx, chromedp.EmulateViewport(size.w, size.h))
			for _, page := range []string{"/conv?lang=" + lang, "/conv?lang=" + lang + "&img=camera&k=sobel-left&k=outline&pad=same", "/conv?lang=" + lang + "&k=nope&stride=9"} {
				e.do(ctx, chromedp.Navigate(e.srv.URL+page))
				if strings.Contains(page, "nope") {
					e.waitFor(ctx, "the error summary", `!document.querySelector('[data-errors]').hidden`)
				} else {
					e.convLive(ctx)
				}
				if size.w == 360 {
					var scroll, client int
					fmt.Sscan(e.eval(ctx, `document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth`), &scroll, &client)
					if scroll > client {
						t.Errorf("%s %s: the page is %d px wide on a %d px screen", lang, page, scroll, client)
					}
				}
				name := "conv"
				if strings.Contains(page, "camera") {
					name = "conv-photo"
				} else if strings.Contains(page, "nope") {
					name = "conv-error"
				}
				e.shot(ctx, name+"-"+lang+"-"+size.name)
			}
		}
	}
}

// convHash is a JS expression hashing a canvas's pixels (FNV-1a), so two
// browsers' pictures can be compared exactly.
func convHash(selector string) string {
	return `(() => { const c = document.querySelector(` + quote(selector) + `); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		let h = 2166136261; for (const b of d) { h ^= b; h = Math.imul(h, 16777619) >>> 0; } return c.width + 'x' + c.height + ':' + h; })()`
}

// imgHash hashes an <img>'s pixels the same way, by drawing it on a canvas
// (the evaluation runs even where the page's own scripts are disabled).
func imgHash(selector string) string {
	return `(() => { const i = document.querySelector(` + quote(selector) + `); const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight;
		const x = c.getContext('2d'); x.drawImage(i, 0, 0); const d = x.getImageData(0, 0, c.width, c.height).data;
		let h = 2166136261; for (const b of d) { h ^= b; h = Math.imul(h, 16777619) >>> 0; } return c.width + 'x' + c.height + ':' + h; })()`
}

func tableText(key string) string {
	return `Array.from(document.querySelectorAll('table[data-table="` + key + `"] tbody tr')).map(r => Array.from(r.cells).slice(1).map(c => c.textContent).join(',')).join(';')`
}

func nospace(s string) string { return strings.Join(strings.Fields(s), "") }

// TestE2EConvLesson is the lesson's example, stepped through as a student
// does: the arithmetic of a cell, the map, next, a cell picked by mouse
// and by keyboard, play and pause, then a preset and a typed kernel.
func TestE2EConvLesson(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/conv?lang=en"))
	e.convLive(ctx)
	if got := nospace(e.text(ctx, "step-sum")); got != "1·1+2·0+0·1+0·0+1·1+2·0+0·1+0·0+1·1=3" {
		t.Errorf("cell (0, 0): %q", got)
	}
	if got := e.eval(ctx, tableText("fm-1")); got != "3,6,10;6,9,6;7,4,11" {
		t.Errorf("the feature map is %q, want the lesson's [[3,6,10],[6,9,6],[7,4,11]]", got)
	}
	e.eval(ctx, `window.__noReload = 'yes'`)

	e.do(ctx, chromedp.Click(chromedp.CSS(`button[value="next"]`)))
	e.waitFor(ctx, "cell (1, 0)", `document.querySelector('[data-out="step-title"]').textContent === 'Cell (1, 0) of map 1'`)
	if got := nospace(e.text(ctx, "step-sum")); got != "2·1+0·0+0·1+1·0+2·1+3·0+0·1+1·0+2·1=6" {
		t.Errorf("cell (1, 0): %q", got)
	}
	e.waitFor(ctx, "at=1,0 in the link", `location.search === '?v=1&lang=en&at=1,0'`)

	// A cell of the map, pressed: its window and arithmetic.
	e.do(ctx, chromedp.Click(chromedp.CSS(`a[data-at="2,2"]`)))
	e.waitFor(ctx, "cell (2, 2)", `document.querySelector('[data-out="step-title"]').textContent === 'Cell (2, 2) of map 1'`)
	if got := nospace(e.text(ctx, "step-sum")); !strings.HasSuffix(got, "=11") {
		t.Errorf("cell (2, 2): %q", got)
	}
	if got := e.eval(ctx, `document.querySelector('[data-svg="win-in"] rect').getAttribute('x') + ',' + document.querySelector('[data-svg="win-in"] rect').getAttribute('y')`); got != "2,2" {
		t.Errorf("the window on the input is at %q, want 2,2", got)
	}
	// And by keyboard: a focused cell activated with Enter.
	e.eval(ctx, `document.querySelector('a[data-at="0,1"]').focus(), ''`)
	e.do(ctx, chromedp.KeyEvent("\r"))
	e.waitFor(ctx, "cell (0, 1) by keyboard", `document.querySelector('[data-out="step-title"]').textContent === 'Cell (0, 1) of map 1'`)

	// Hovering with a mouse shows a cell too.
	var hx, hy float64
	fmt.Sscan(e.eval(ctx, `(() => { const r = document.querySelector('a[data-at="1,2"] rect').getBoundingClientRect(); return (r.left + r.width / 2) + ' ' + (r.top + r.height / 2); })()`), &hx, &hy)
	e.do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, hx-3, hy-3), chromedp.MouseEvent(chromedp.MouseMoved, hx, hy))
	e.waitFor(ctx, "cell (1, 2) by hovering", `document.querySelector('[data-out="step-title"]').textContent === 'Cell (1, 2) of map 1'`)

	// Play moves the window on; pause stops it.
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	e.waitFor(ctx, "playing on from (1, 2)", `/Cell \((2, 2|0, 0|1, 0)\)/.test(document.querySelector('[data-out="step-title"]').textContent)`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
	if got := e.eval(ctx, `document.querySelector('[data-play]').getAttribute('aria-pressed')`); got != "false" {
		t.Errorf("after pause the play button is pressed: %q", got)
	}

	// A preset kernel: the weights are shown, the map and the link follow.
	e.do(ctx, chromedp.Click(chromedp.CSS(`a[data-at="0,0"]`)))
	e.do(ctx, chromedp.SetValue(chromedp.ID("f-k-1"), "sobel-left"))
	e.eval(ctx, `document.getElementById('f-k-1').dispatchEvent(new Event('change', {bubbles: true})), ''`)
	e.waitFor(ctx, "k=sobel-left in the link", `location.search === '?v=1&lang=en&k=sobel-left'`)
	e.waitFor(ctx, "the preset's weights", `document.getElementById('f-kv-1').value === '1 0 -1\n2 0 -2\n1 0 -1'`)
	if got := e.text(ctx, "step-value"); got != "−4" {
		t.Errorf("sobel-left at (0, 0) = %q, want −4 (1 − 4 − 1)", got)
	}
	// Typed weights make the kernel one's own.
	e.eval(ctx, `(() => { const t = document.getElementById('f-kv-1'); t.focus(); t.select(); return ''; })()`)
	e.do(ctx, chromedp.SendKeys(chromedp.ID("f-kv-1"), "1 1\n1 1"))
	e.waitFor(ctx, "a typed 2×2 kernel in the link", `location.search === '?v=1&lang=en&k=1,1~1,1'`)
	if got := e.eval(ctx, `document.getElementById('f-k-1').value`); got != "custom" {
		t.Errorf("after typing weights the kernel is %q", got)
	}
	if got := e.eval(ctx, tableText("fm-1")); got != "4,5,5,7;1,4,8,9;5,4,6,7;6,6,7,5" {
		t.Errorf("2×2 ones: %q", got)
	}
	if e.eval(ctx, `window.__noReload || ''`) != "yes" {
		t.Error("the page reloaded")
	}
}

// TestE2EConvDraw draws on the canvas, then opens the link in another
// browser and without JavaScript: the same drawing, the same maps.
func TestE2EConvDraw(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/conv?lang=en&k=sobel-top&pad=same"))
	e.convLive(ctx)
	// The largest canvas: every stroke convolves 256×256 pixels.
	e.eval(ctx, `document.querySelector('[data-canvas-size]').value = '256', ''`)
	e.do(ctx, chromedp.Click(chromedp.CSS(`[data-clear]`)))
	e.waitFor(ctx, "a new 256×256 canvas", `document.getElementById('draw').width === 256 && location.search.includes('px=')`)
	blank := e.eval(ctx, convHash(`canvas[data-map="fm-1"]`))
	link0 := e.eval(ctx, `location.href`)

	// Two strokes with the mouse, as pointer events.
	stroke := func(x0, y0, x1, y1 float64) {
		e.t.Helper()
		var box struct{ X, Y, W float64 }
		r := e.eval(ctx, `(() => { const c = document.getElementById('draw'); c.scrollIntoView({block: 'center'}); const r = c.getBoundingClientRect(); return r.left + ' ' + r.top + ' ' + r.width; })()`)
		fmt.Sscan(r, &box.X, &box.Y, &box.W)
		at := func(f float64) float64 { return f * box.W }
		steps := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MousePressed, box.X+at(x0), box.Y+at(y0), chromedp.ButtonLeft, chromedp.ClickCount(1))}
		for i := 1; i <= 12; i++ {
			f := float64(i) / 12
			steps = append(steps, chromedp.MouseEvent(chromedp.MouseMoved, box.X+at(x0+(x1-x0)*f), box.Y+at(y0+(y1-y0)*f), chromedp.ButtonLeft))
		}
		steps = append(steps, chromedp.MouseEvent(chromedp.MouseReleased, box.X+at(x1), box.Y+at(y1), chromedp.ButtonLeft, chromedp.ClickCount(1)))
		e.do(ctx, steps...)
	}
	stroke(0.2, 0.3, 0.8, 0.35)
	e.waitFor(ctx, "the link to follow the stroke", `location.href !== `+quote(link0)+` && nnplayConvStats.settled()`)
	link1 := e.eval(ctx, `location.href`)
	if got := e.eval(ctx, convHash(`canvas[data-map="fm-1"]`)); got == blank {
		t.Error("the feature map did not change after a stroke")
	}
	stroke(0.5, 0.1, 0.45, 0.9)
	// Committed: the link holds the second stroke, and the maps and the
	// drawing (its levels as the link has them) are painted.
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](`!location.search.includes('&at=') && nnplayConvStats.strokes.length >= 2 && location.href !== `+quote(link1)+` && nnplayConvStats.settled()`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for the second stroke to be committed: %v", err)
	}
	link := e.eval(ctx, `location.href`)
	if len(link) > 8192 {
		t.Errorf("the link is %d bytes", len(link))
	}
	in := e.eval(ctx, convHash(`#draw`))
	fm := e.eval(ctx, convHash(`canvas[data-map="fm-1"]`))
	pool := e.eval(ctx, convHash(`canvas[data-map="pool-1"]`))
	sum := e.text(ctx, "step-sum")
	caption := e.text(ctx, "cap-fm-1")
	t.Logf("per-stroke latency (pointer event → maps painted), ms: %s; link %d bytes", e.eval(ctx, `nnplayConvStats.strokes.map(v => v.toFixed(1)).join(' ')`), len(link))
	e.shot(ctx, "conv-drawn-en-desktop")

	// Nothing drawn is lost: a reload and the back button bring it back.
	e.do(ctx, chromedp.Reload())
	e.convLive(ctx)
	if got := e.eval(ctx, convHash(`#draw`)); got != in {
		t.Errorf("after a reload the drawing is %s, want %s", got, in)
	}
	e.eval(ctx, `document.querySelector('header a.brand').click(), ''`)
	e.waitFor(ctx, "the home page", `location.pathname === '/'`)
	e.eval(ctx, `history.back(), ''`)
	e.waitFor(ctx, "back on /conv", `location.pathname === '/conv'`)
	e.convLive(ctx)
	if got := e.eval(ctx, convHash(`#draw`)); got != in {
		t.Errorf("after the back button the drawing is %s, want %s", got, in)
	}
	if got := e.eval(ctx, `location.href`); got != link {
		t.Errorf("after the back button the link is %s", got)
	}

	// The copied link in another person's browser: the same pixels.
	other := e.tab()
	e.do(other, chromedp.Navigate(link))
	e.convLive(other)
	for _, c := range []struct{ sel, want string }{{"#draw", in}, {`canvas[data-map="fm-1"]`, fm}, {`canvas[data-map="pool-1"]`, pool}} {
		if got := e.eval(other, convHash(c.sel)); got != c.want {
			t.Errorf("%s: %s in the other browser, %s in the first", c.sel, got, c.want)
		}
	}
	if got := e.text(other, "step-sum"); got != sum {
		t.Errorf("the other browser's arithmetic %q, want %q", got, sum)
	}

	// The same link without JavaScript: the server's images and numbers.
	nojs := e.tab()
	if _, err := chromedp.Call(nojs, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	e.do(nojs, chromedp.Navigate(link))
	e.waitFor(nojs, "the server's images", `Array.from(document.querySelectorAll('img.nojs-only')).every(i => i.complete && i.naturalWidth > 0)`)
	if got := e.eval(nojs, imgHash(`.conv-image img.nojs-only`)); got != in {
		t.Errorf("without JavaScript the input is %s, want %s", got, in)
	}
	if got := e.eval(nojs, imgHash(`.map-slot img.nojs-only`)); got != fm {
		t.Errorf("without JavaScript the map is %s, want %s", got, fm)
	}
	if got, want := e.text(nojs, "step-sum"), sum; got != want {
		t.Errorf("without JavaScript the arithmetic is %q, want %q", got, want)
	}
	if got := e.text(nojs, "cap-fm-1"); got != caption {
		t.Errorf("without JavaScript the caption is %q, want %q", got, caption)
	}

	// Undo takes back the last stroke (this one: the reload emptied the
	// undo history, which lives in the page); a bad link is an error page.
	stroke(0.1, 0.8, 0.9, 0.8)
	e.waitFor(ctx, "a third stroke", `location.href !== `+quote(link))
	// A click from the page: after a back-forward-cache restore chromedp's
	// view of the DOM is stale, so it cannot find nodes itself.
	e.eval(ctx, `document.querySelector('[data-undo]').click(), ''`)
	e.waitFor(ctx, "undo back to the two strokes", `location.href === `+quote(link))
	e.do(ctx, chromedp.Navigate(e.srv.URL+"/conv?lang=en&k=nope&px=AAAA"))
	e.waitFor(ctx, "the error summary", `!document.querySelector('[data-errors]').hidden`)
	summary := e.eval(ctx, `document.querySelector('[data-errors]').innerText`)
	for _, s := range []string{"“nope”: no such value", "Drawing (px) = “AAAA”", "damaged", "sobel-left"} {
		if !strings.Contains(summary, s) {
			t.Errorf("error summary lacks %q:\n%s", s, summary)
		}
	}
}

// TestE2EConvUpload opens a picture file in the browser: the browser
// decodes it, the module makes it grey and small, and the page says so;
// a file that is no picture gets a message.
func TestE2EConvUpload(t *testing.T) {
	e := startE2E(t)
	ctx := e.tab()
	dir := t.TempDir()
	pic := image.NewNRGBA(image.Rect(0, 0, 600, 300))
	for y := range 300 {
		for x := range 600 {
			pic.Set(x, y, color.NRGBA{uint8(x / 3), uint8(y), 100, 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, pic)
	good, bad := filepath.Join(dir, "wide.png"), filepath.Join(dir, "notes.png")
	os.WriteFile(good, b.Bytes(), 0o644)
	os.WriteFile(bad, []byte("not a picture"), 0o644)

	e.do(ctx, chromedp.Navigate(e.srv.URL+"/conv?lang=en"))
	e.convLive(ctx)
	e.do(ctx, chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{bad}))
	e.waitFor(ctx, "the bad file's message", `!document.querySelector('[data-upload-error]').hidden`)
	if got := e.eval(ctx, `document.querySelector('[data-upload-error]').textContent`); !strings.Contains(got, "not a PNG, JPEG or GIF") {
		t.Errorf("bad file: %q", got)
	}
	e.do(ctx, chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{good}))
	e.waitFor(ctx, "the picture in the link", `location.search.includes('&src=600x300')`)
	if got := e.text(ctx, "shrunk"); !strings.Contains(got, "the original is 600×300") {
		t.Errorf("the page does not say the picture was scaled down: %q", got)
	}
	if got := e.eval(ctx, `document.getElementById('draw').width + 'x' + document.getElementById('draw').height`); got != "256x128" {
		t.Errorf("the canvas is %s, want 256x128", got)
	}
	if got := e.eval(ctx, `document.querySelector('[data-upload-error]').hidden ? 'hidden' : 'shown'`); got != "hidden" {
		t.Error("the old error is still shown")
	}
}
