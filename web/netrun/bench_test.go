package netrun

import (
	"context"
	"testing"

	"nnplay/web/state"
	"nnplay/web/view"
)

// BenchmarkReplay measures a server replay per epoch for networks of
// several sizes, to calibrate state.MaxReplayCost's cost model: it reports
// ns per epoch and ns per (point × parameter) of that model.
func BenchmarkReplay(b *testing.B) {
	for _, tc := range []struct{ name, q string }{
		{"default", "e=200"},
		{"tfp-2-8-1", "h=8&out=tanh&e=200"},
		{"2-16-16-1", "h=16,16&e=100"},
		{"7-16x6-1", "in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&e=20"},
		{"regression-1200", "data=reg-plane&h=4&e=100"},
		{"default-bs1", "bs=1&e=200"},
		{"7-16x6-1-bs1", "in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&bs=1&e=20"},
		{"7-16x6-1-bs30", "in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&bs=30&e=20"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			q, _ := state.ParseQuery(tc.q)
			s, err := state.DecodeNetwork(q)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := Replay(context.Background(), s); err != nil {
					b.Fatal(err)
				}
			}
			perEpoch := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(s.Epoch)
			b.ReportMetric(perEpoch, "ns/epoch")
			b.ReportMetric(perEpoch/float64(s.NumPoints()*s.Params()), "ns/pt·param")
			b.ReportMetric(perEpoch/float64(s.NumPoints()*(s.Params()+state.ReplayOverhead)), "ns/cost")
		})
	}
}

// BenchmarkNetworkFrame times the parts of a browser frame of training on
// the page, as the wasm module runs them (run it under GOOS=js GOARCH=wasm
// for the browser's figures): an epoch, the numbers' update, the heatmaps
// with their pixels, and the heavy update (diagram, charts, form) that
// goes out about four times a second.
func BenchmarkNetworkFrame(b *testing.B) {
	for _, tc := range []struct{ name, q string }{
		{"default", "e=100"},
		{"largest", "in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&e=10"},
	} {
		q, _ := state.ParseQuery(tc.q)
		s, _ := state.DecodeNetwork(q)
		r, err := Replay(context.Background(), s)
		if err != nil {
			b.Fatal(err)
		}
		var heat, rgba []byte
		n, _ := view.HeatGrid(s.Params())
		b.Run(tc.name+"/epoch", func(b *testing.B) {
			for b.Loop() {
				r.S.Epoch = 10
				r.Play(context.Background(), 1)
			}
		})
		b.Run(tc.name+"/numbers", func(b *testing.B) {
			for b.Loop() {
				view.Network(r, "en", view.NetworkOptions{NoHeat: true, Light: true}).Live(false).JSON()
			}
		})
		b.Run(tc.name+"/heatmaps", func(b *testing.B) {
			for b.Loop() {
				heat = view.HeatmapsTo(heat, r, n)
				rgba = view.HeatRGBATo(rgba, heat, false)
			}
		})
		b.Run(tc.name+"/heavy", func(b *testing.B) {
			for b.Loop() {
				view.Network(r, "en", view.NetworkOptions{NoHeat: true}).Live(true).JSON()
			}
		})
	}
}
