//go:build !js

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// BenchmarkNetworkFrame measures whole training frames in Chromium (the
// wasm step, the page update and the heatmaps painted) for the default
// network, TensorFlow Playground's and the largest (make bench-e2e). An op
// is one frame of play, so ns/op is the frame interval, the wait for the
// next animation frame included; the frames' own times are the metrics:
// median, 95th percentile and worst, over the last 120 frames (what the
// page keeps). The default network's median frame must fit one 60 Hz
// frame, 16 ms.
func BenchmarkNetworkFrame(b *testing.B) {
	shared := startE2E(b)
	for _, bc := range []struct {
		name, q  string
		fitFrame bool // the median frame must fit 16 ms
	}{
		{"default-2-4-1", "lang=en", true},
		{"tfp-2-8-1-tanh", "lang=en&h=8&out=tanh", false},
		{"largest-7-16x6-1", "lang=en&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001", false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			// Failures must come from this benchmark's goroutine.
			e := &e2e{t: b, browser: shared.browser, srv: shared.srv}
			ctx := e.tab()
			e.do(ctx, chromedp.Navigate(e.srv.URL+"/network?"+bc.q))
			e.networkLive(ctx)
			e.eval(ctx, `Object.assign(nnplayNetStats, {frames: 0, totalMs: 0, maxMs: 0, last: []}), ''`)
			b.ResetTimer()
			e.do(ctx, chromedp.Click(chromedp.CSS(`[data-play]`)))
			e.waitFor(ctx, fmt.Sprintf("%d frames", b.N), fmt.Sprintf(`nnplayNetStats.frames >= %d || document.querySelector('[data-play]').getAttribute('aria-pressed') === 'false'`, b.N))
			b.StopTimer()
			e.eval(ctx, `document.querySelector('[data-play]').click(), ''`)
			stats := e.eval(ctx, `(() => { const s = nnplayNetStats; const l = [...s.last].sort((a, b) => a - b); return [s.frames, l[Math.floor(l.length / 2)], l[Math.floor(l.length * 0.95)], s.maxMs].join(' '); })()`)
			var frames int
			var median, p95, worst float64
			if _, err := fmt.Sscan(stats, &frames, &median, &p95, &worst); err != nil {
				b.Fatalf("frame stats %q: %v", stats, err)
			}
			if frames < b.N {
				b.Fatalf("the play stopped after %d frames of %d", frames, b.N)
			}
			b.ReportMetric(median, "median-ms/frame")
			b.ReportMetric(p95, "p95-ms/frame")
			b.ReportMetric(worst, "max-ms/frame")
			if bc.fitFrame && median > 16 {
				b.Errorf("a median frame of %.2f ms does not fit 16 ms", median)
			}
		})
	}
}
