//go:build !js

package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

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
			for _, page := range []string{"/conv?lang=" + lang, "/conv?lang=" + lang + "&img=camera&k=sobel-left&k=outline&pad=same"} {
				e.do(ctx, chromedp.Navigate(e.srv.URL+page))
				e.convLive(ctx)
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
				}
				e.shot(ctx, name+"-"+lang+"-"+size.name)
			}
		}
	}
}
