package engine

import (
	"math/rand/v2"
	"testing"
)

// BenchmarkKernelsM1 times each inner loop of one M1 batch (2 → 8 → 1,
// batch 10), to see where a training step's time goes.
func BenchmarkKernelsM1(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	r := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.Float64()*2 - 1
		}
		return s
	}
	const nb = 10
	x, w1, b1, w2, b2 := r(nb*2), r(16), r(8), r(8), r(1)
	z1, a1, d1, z2, d2 := r(nb*8), r(nb*8), r(nb*8), r(nb), r(nb)
	g1, gb1, g2, gb2 := r(16), r(8), r(8), r(1)
	for _, bm := range []struct {
		name string
		f    func()
	}{
		{"forward1", func() { denseForward(z1, x, w1, b1, nb, 2, 8) }},
		{"tanh80", func() { tanhTo(a1, z1) }},
		{"forward2", func() { denseForward(z2, a1, w2, b2, nb, 8, 1) }},
		{"grad2", func() { denseGrad(g2, gb2, a1, d2, nb, 8, 1) }},
		{"back2", func() { denseBack(d1, w2, d2, nb, 8, 1) }},
		{"deriv80", func() { activateDeriv(actTanh, Tanh, d1, z1, a1) }},
		{"grad1", func() { clear(g1); clear(gb1); denseGrad(g1, gb1, x, d1, nb, 2, 8) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				for range 100 {
					bm.f()
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(b.N)/100, "ns/call")
		})
	}
	m := NewMLP([]int{2, 8, 1}, Tanh, TanhOutput)
	m.Init(rng)
	m.ensure(nb)
	m.grad = make([]float64, m.NumParams())
	t := r(nb)
	sgd := SGD{LearningRate: 0.03, BatchSize: 10}
	b.Run("update", func(b *testing.B) {
		for b.Loop() {
			for range 100 {
				m.update(nb, sgd)
			}
		}
		b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(b.N)/100, "ns/call")
	})
	b.Run("batch", func(b *testing.B) {
		for b.Loop() {
			for range 100 {
				m.forward(x, nb)
				m.backward(x, t, nb)
				m.update(nb, sgd)
			}
		}
		b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(b.N)/100, "ns/call")
	})
}
