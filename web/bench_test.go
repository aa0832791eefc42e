package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
)

// benchmarkGet measures one request through the whole router and
// middleware (no network).
func benchmarkGet(b *testing.B, target string) {
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
}

func BenchmarkHomePage(b *testing.B)   { benchmarkGet(b, "/") }
func BenchmarkNeuronPage(b *testing.B) { benchmarkGet(b, "/neuron?v=1&batch=1,2~3,4~5,6") }
func BenchmarkNeuronBatch1000(b *testing.B) {
	q := "/neuron?v=1&x=1&w=1&batch=1"
	for range 999 {
		q += "~1"
	}
	benchmarkGet(b, q)
}
func BenchmarkNeuronCurveSVG(b *testing.B)   { benchmarkGet(b, "/neuron/curve.svg?v=1&act=tanh") }
func BenchmarkNeuronPreviewPNG(b *testing.B) { benchmarkGet(b, "/neuron/preview.png?v=1&act=tanh") }

// benchmarkFresh measures a state that is not cached: each iteration asks
// a new server (the render and the replay), the server built untimed.
func benchmarkFresh(b *testing.B, target string) {
	for b.Loop() {
		b.StopTimer()
		s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
}

// The network page: epoch 0, a few hundred epochs and the longest replay
// of the default network, uncached; then a cache hit (benchmarkGet repeats
// one link).
func BenchmarkNetworkPageEpoch0(b *testing.B)    { benchmarkFresh(b, "/network") }
func BenchmarkNetworkPageEpoch300(b *testing.B)  { benchmarkFresh(b, "/network?v=1&e=300") }
func BenchmarkNetworkPageEpoch2807(b *testing.B) { benchmarkFresh(b, "/network?v=1&e=2807") }
func BenchmarkNetworkPageLargest(b *testing.B) {
	benchmarkFresh(b, "/network?v=1&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&e=103")
}
func BenchmarkNetworkPageCached(b *testing.B) { benchmarkGet(b, "/network?v=1&e=300") }
func BenchmarkNetworkPreviewPNG(b *testing.B) { benchmarkFresh(b, "/network/preview.png?v=1&e=300") }
