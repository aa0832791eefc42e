package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestInteriorLoopsAgree runs both forms of the interior loop (gonum's SSE
// axpy on amd64, the direct loops used in WebAssembly) on every platform and
// wants identical bits: the per-platform choice never changes a result.
func TestInteriorLoopsAgree(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	rnd := func(w, h int, r float64) Map {
		m := NewMap(w, h, nil)
		for i := range m.Data {
			m.Data[i] = float32((rng.Float64()*2 - 1) * r)
		}
		return m
	}
	for kh := 1; kh <= MaxKernelSize; kh++ {
		for kw := 1; kw <= MaxKernelSize; kw++ {
			k := rnd(kw, kh, 2)
			k.Data[rng.IntN(len(k.Data))] = 0 // gonum's Saxpy skips zero weights
			for _, sz := range [][2]int{{8, 8}, {37, 11}, {70, 9}} {
				src := rnd(sz[0], sz[1], 300)
				for _, pd := range Paddings() {
					for s := 1; s <= MaxStride; s++ {
						p := Conv2D{Stride: s, Padding: pd}.plan(src, k)
						a := make([]float32, p.ow*p.oh)
						b := make([]float32, p.ow*p.oh)
						conv2DWith(a, src, &p, true)
						conv2DWith(b, src, &p, false)
						for i := range a {
							if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
								t.Fatalf("%d×%d kernel, %v, stride %d: axpy form %v, direct form %v at %d", kw, kh, pd, s, a[i], b[i], i)
							}
						}
					}
				}
			}
		}
	}
}
