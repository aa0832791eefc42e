package engine_test

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"nnplay/engine"
)

// convChecksum is the checksum of TestConvDeterminism's values, computed
// natively on linux/amd64 (where the interior loops use gonum's SSE axpy).
// The same test passes under GOOS=js GOARCH=wasm (the direct loops) and with
// GOAMD64=v3 (where the compiler may emit FMA), which shows that the
// convolution stage is bit-identical on all three.
const convChecksum = 0x57f1d7cba6965714

// TestConvDeterminism hashes the exact bits of convolutions (every padding,
// stride, flip and kernel size, on images large enough to use the fast
// interior loops), activations, pooling, display bytes, breakdown sums and a
// multi-channel layer.
func TestConvDeterminism(t *testing.T) {
	t.Parallel()
	c := newChecksum()
	addMap := func(m engine.Map) {
		c.add(float64(m.W), float64(m.H))
		for _, v := range m.Data {
			c.add(float64(v))
		}
	}
	// Inputs: exact pixel values and uniform floats (Float64 is exact integer
	// arithmetic, the same everywhere).
	rng := rand.New(rand.NewPCG(1, 1))
	pixels := engine.NewMap(70, 45, nil)
	for i := range pixels.Data {
		pixels.Data[i] = float32(rng.IntN(256))
	}
	images := []engine.Map{pixels, randMap(rng, 70, 45, 3), randMap(rng, 9, 13, 100)}
	var kernels []engine.Map
	for _, k := range engine.Kernels() {
		kernels = append(kernels, k.Map())
	}
	for k := 1; k <= engine.MaxKernelSize; k++ {
		kernels = append(kernels, randMap(rng, k, k, 1), randMap(rng, k, 8-k, 1))
	}
	var fm, act, pooled engine.Map
	var px []byte
	for _, img := range images {
		for _, k := range kernels {
			for _, p := range engine.Paddings() {
				for s := 1; s <= engine.MaxStride; s++ {
					for _, flip := range []bool{false, true} {
						conv := engine.Conv2D{Stride: s, Padding: p, Flip: flip}
						conv.ApplyTo(&fm, img, k)
						addMap(fm)
						if fm.W > 0 && fm.H > 0 {
							c.add(float64(conv.Breakdown(img, k, fm.W/2, fm.H-1).Sum))
						}
					}
				}
			}
		}
	}
	// The per-stroke pipeline on the pixel image, every activation, pooling
	// and scale.
	edges, _ := engine.KernelByName("sobel-top")
	engine.Conv2D{Padding: engine.Same}.ApplyTo(&fm, pixels, edges.Map())
	for _, a := range engine.Activations() {
		engine.ActivateTo(&act, fm, a)
		addMap(act)
		for _, op := range engine.PoolOps() {
			for size := engine.MinPoolSize; size <= engine.MaxPoolSize; size++ {
				for stride := 1; stride <= engine.MaxPoolStride; stride++ {
					engine.Pool2D{Op: op, Size: size, Stride: stride}.ApplyTo(&pooled, act)
					addMap(pooled)
				}
			}
		}
		for _, s := range engine.Scales() {
			px = engine.RGBATo(px, act, s)
			for _, b := range px {
				c.add(float64(b))
			}
		}
	}
	// A small multi-channel layer.
	l := engine.ConvLayer{Size: 3, In: 3, Out: 10, Padding: engine.Same, Weights: randMap(rng, 90, 3, 1).Data, Bias: randMap(rng, 10, 1, 1).Data}
	var out engine.Volume
	l.ForwardTo(&out, engine.Volume{W: 12, H: 11, C: 3, Data: randMap(rng, 36, 11, 2).Data})
	for _, v := range out.Data {
		c.add(float64(v))
	}
	t.Logf("%s/%s: checksum %#x", runtime.GOOS, runtime.GOARCH, c.sum)
	if c.sum != convChecksum {
		t.Errorf("checksum %#x, want %#x", c.sum, uint64(convChecksum))
	}
}
