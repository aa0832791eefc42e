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
