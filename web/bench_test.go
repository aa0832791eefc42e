package web

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"syscall"
	"testing"
	"time"

	"nnplay/engine"
	"nnplay/web/state"
)

// processCPU returns the CPU time (user and system) the process has used:
// on a shared, busy machine it measures a request's cost better than the
// wall clock.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
}

// benchmarkGet measures one request through the whole router and
// middleware (no network).
func benchmarkGet(b *testing.B, target string) {
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	cpu := processCPU()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
	}
	reportCPU(b, processCPU()-cpu)
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

// convDrawing256 is the link of a 256×256 drawing (a ring and a bar):
// what a student shares after drawing on the largest canvas.
func convDrawing256() string { return convDrawing(0) }

func convDrawing(dot int) string {
	c := convDrawingState(dot)
	return c.Encode()
}

func convDrawingState(dot int) state.Conv {
	const n = 256
	m := engine.NewMap(n, n, nil)
	for y := range n {
		for x := range n {
			d := (x-128)*(x-128) + (y-120)*(y-120)
			if d > 70*70 && d < 82*82 || y > 220 && y < 232 && x > 40 && x < 216 {
				m.Data[y*n+x] = 255
			}
		}
	}
	m.Data[dot] = 128
	c := state.DefaultConv()
	c.SetPicture(m, [2]int{})
	c.Kernels = []state.Kernel{{Preset: "sobel-top"}}
	c.Pad = "same"
	c.FitLink()
	return c
}

// convDrawing256Max is the costliest /conv link the limits allow: the
// 256×256 drawing with 8 kernels of 7×7 (same padding).
func convDrawing256Max() string {
	c := convDrawingState(0)
	c.Kernels = nil
	for k := range engine.MaxKernels {
		w := make([][]float64, engine.MaxKernelSize)
		for u := range w {
			w[u] = make([]float64, engine.MaxKernelSize)
			for v := range w[u] {
				w[u][v] = float64((u*7+v*3+k)%9 - 4)
			}
		}
		c.Kernels = append(c.Kernels, state.Kernel{Weights: w})
	}
	c.FitLink()
	return c.Encode()
}

func BenchmarkConvPage(b *testing.B)    { benchmarkGet(b, "/conv") }
func BenchmarkConvPage256(b *testing.B) { benchmarkGet(b, "/conv?"+convDrawing256()) }
func BenchmarkConvPage256Max(b *testing.B) {
	benchmarkGet(b, "/conv?"+convDrawing256Max())
}

// BenchmarkConvPage256New alternates two drawings, so every request
// inflates and re-deflates its picture (the codec remembers only the
// last one).
func BenchmarkConvPage256New(b *testing.B) {
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	links := []string{"/conv?" + convDrawing(0), "/conv?" + convDrawing(1)}
	i := 0
	for b.Loop() {
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", links[i%2], nil))
		if rec.Code != 200 {
			b.Fatalf("%d", rec.Code)
		}
		i++
	}
}

func BenchmarkConvPhoto(b *testing.B)      { benchmarkGet(b, "/conv?v=1&img=camera&k=sobel-left&k=outline") }
func BenchmarkConvMapPNG256(b *testing.B)  { benchmarkGet(b, "/conv/map/fm-1.png?"+convDrawing256()) }
func BenchmarkConvPreviewPNG(b *testing.B) { benchmarkGet(b, "/conv/preview.png?"+convDrawing256()) }

// benchmarkFresh measures a state that is not cached: each iteration asks
// a new server (the render and the replay), the server built untimed.
func benchmarkFresh(b *testing.B, target string) {
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := processCPU()
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d", target, rec.Code)
		}
		cpu += processCPU() - start
	}
	reportCPU(b, cpu)
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
