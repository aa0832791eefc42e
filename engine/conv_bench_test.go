package engine_test

import (
	"math"
	"testing"
	"time"

	"nnplay/engine"
)

// The inputs, reference sums and probes of workloads C1–C3 are those of
// shared/bench/anchors/WORKLOADS.md (reference.json: double-precision sums
// from c/conv.c, cross-checked in NumPy).

// c12Image is the 1024×1024 image of C1/C2: ((7x + 13y) mod 256)/255.
func c12Image() engine.Map {
	const n = 1024
	m := engine.NewMap(n, n, nil)
	for y := range n {
		for x := range n {
			m.Data[y*n+x] = float32((7*x+13*y)%256) / 255
		}
	}
	return m
}

// c12Kernel is the K×K kernel of C1/C2: (u·K + v + 1)/64.
func c12Kernel(k int) engine.Map {
	m := engine.NewMap(k, k, nil)
	for i := range m.Data {
		m.Data[i] = float32(i+1) / 64
	}
	return m
}

type workloadRef struct {
	sum, sumAbs float64
	probes      []float64
}

var (
	refC1 = workloadRef{367201.47053032351, 367201.47053032351,
		[]float64{0.072058825753629208, 0.24944853040506132, 0.13547794322948903, 0.52922794322512345, 0.61250000540167093}}
	refC2 = workloadRef{9917908.8789187782, 9917908.8789187782,
		[]float64{5.6806373946601525, 5.1712623268103926, 5.4711398403160274, 11.901041757570056, 14.38774537993595}}
	refC3 = workloadRef{4.5654296875, 72131.303466796875,
		[]float64{0.0330810546875, -0.0301513671875, -0.2811279296875, 0.17620849609375, -0.158447265625}}
)

// check applies WORKLOADS.md's pass rule: sums (accumulated in double)
// within 1e-5·Σ|ref|, probes within 1e-4·max(1, |ref|).
func (r workloadRef) check(tb testing.TB, out []float32, probes []float64) {
	tb.Helper()
	var s, sa float64
	for _, v := range out {
		s += float64(v)
		sa += math.Abs(float64(v))
	}
	tol := 1e-5 * r.sumAbs
	if math.Abs(s-r.sum) > tol || math.Abs(sa-r.sumAbs) > tol {
		tb.Fatalf("Σout = %.17g, Σ|out| = %.17g; want %.17g, %.17g", s, sa, r.sum, r.sumAbs)
	}
	for i, p := range probes {
		if math.Abs(p-r.probes[i]) > 1e-4*math.Max(1, math.Abs(r.probes[i])) {
			tb.Fatalf("probe %d = %.9g, want %.17g", i, p, r.probes[i])
		}
	}
}

func benchmarkC12(b *testing.B, k int, ref workloadRef) {
	img, ker := c12Image(), c12Kernel(k)
	var out engine.Map
	var c engine.Conv2D // valid, stride 1
	c.ApplyTo(&out, img, ker)
	probeY := 511 // out[511][700] for C1, out[509][700] for C2
	if k == 7 {
		probeY = 509
	}
	ref.check(b, out.Data, []float64{float64(out.At(0, 0)), float64(out.At(out.W-1, 0)),
		float64(out.At(700, probeY)), float64(out.At(0, out.H-1)), float64(out.At(out.W-1, out.H-1))})
	cpu := processCPU()
	for b.Loop() {
		c.ApplyTo(&out, img, ker)
	}
	b.ReportMetric(float64(b.N)*float64(len(out.Data))/b.Elapsed().Seconds()/1e6, "Mpix/s")
	reportCPURate(b, processCPU()-cpu, float64(len(out.Data))/1e6, "cpu-Mpix/s")
}

// reportCPURate reports per units of work per CPU second, if CPU time is
// measurable.
func reportCPURate(b *testing.B, cpu time.Duration, per float64, unit string) {
	if cpu > 0 {
		b.ReportMetric(float64(b.N)*per/cpu.Seconds(), unit)
	}
}

func BenchmarkC1Conv3x3(b *testing.B) { benchmarkC12(b, 3, refC1) }
func BenchmarkC2Conv7x7(b *testing.B) { benchmarkC12(b, 7, refC2) }

// BenchmarkC3ConvLayer is workload C3: a 128×128×16 NHWC input, 32 HWIO
// filters 3×3, same padding, no bias.
func BenchmarkC3ConvLayer(b *testing.B) {
	const h, w, cin, cout, k = 128, 128, 16, 32, 3
	src := engine.Volume{W: w, H: h, C: cin, Data: make([]float32, h*w*cin)}
	for y := range h {
		for x := range w {
			for c := range cin {
				src.Data[(y*w+x)*cin+c] = float32((131*y+31*x+7*c)%256-128) / 256
			}
		}
	}
	l := engine.ConvLayer{Size: k, In: cin, Out: cout, Padding: engine.Same, Weights: make([]float32, k*k*cin*cout)}
	for u := range k {
		for v := range k {
			for ci := range cin {
				for co := range cout {
					l.Weights[((u*k+v)*cin+ci)*cout+co] = float32((7*u+5*v+3*ci+co)%17-8) / 64
				}
			}
		}
	}
	var out engine.Volume
	l.ForwardTo(&out, src)
	at := func(y, x, c int) float64 { return float64(out.Data[(y*w+x)*cout+c]) }
	refC3.check(b, out.Data, []float64{at(0, 0, 0), at(0, 127, 31), at(64, 64, 5), at(127, 0, 17), at(127, 127, 31)})
	for b.Loop() {
		l.ForwardTo(&out, src)
	}
	const flop = 2 * h * w * cout * k * k * cin // 150,994,944
	b.ReportMetric(float64(b.N)*flop/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// BenchmarkStroke256 is the convolution page's work per pen stroke: a
// 256×256 drawing ⊗ 3×3 kernel (same padding), ReLU, 2×2 max pooling, and
// both maps as RGBA pixels for the canvases.
func BenchmarkStroke256(b *testing.B) {
	const n = 256
	img := engine.NewMap(n, n, nil)
	for y := range n {
		for x := range n {
			if (x-128)*(x-128)+(y-100)*(y-100) < 60*60 { // a filled disc
				img.Data[y*n+x] = 255
			}
		}
	}
	k, _ := engine.KernelByName("outline")
	km := k.Map()
	var fm, act, pooled engine.Map
	var px1, px2 []byte
	for b.Loop() {
		engine.Conv2D{Padding: engine.Same}.ApplyTo(&fm, img, km)
		engine.ActivateTo(&act, fm, engine.ReLU)
		engine.Pool2D{}.ApplyTo(&pooled, act)
		px1 = engine.RGBATo(px1, fm, engine.Diverging)
		px2 = engine.RGBATo(px2, pooled, engine.Diverging)
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/stroke")
}
