package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// withVec runs f with the kernels at level l (vecNone: pure Go), then
// restores the level the CPU chose.
func withVec(l vecLevel, f func()) {
	saved := vecUse
	vecUse = l
	defer func() { vecUse = saved }()
	f()
}

// vecLevels returns the levels this CPU and build can run, pure Go first.
func vecLevels() []vecLevel {
	var ls []vecLevel
	for l := vecNone; l <= vecCPU; l++ {
		ls = append(ls, l)
	}
	return ls
}

func sameBits32(a, b []float32) int {
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			return i
		}
	}
	return -1
}

// TestConvVecAgrees compares every vector level's convolution with the
// pure-Go loops on random sizes, kernels, strides and paddings: the same
// bits, border outputs included. (Without GOEXPERIMENT=simd only the pure
// path exists and the test compares it with itself.)
func TestConvVecAgrees(t *testing.T) {
	t.Parallel()
	t.Logf("vector levels: %v", vecLevels())
	rng := rand.New(rand.NewPCG(3, 19))
	rnd := func(w, h int, r float64) Map {
		m := NewMap(w, h, nil)
		for i := range m.Data {
			m.Data[i] = float32((rng.Float64()*2 - 1) * r)
		}
		return m
	}
	for range 300 {
		kw, kh := 1+rng.IntN(MaxKernelSize), 1+rng.IntN(MaxKernelSize)
		k := rnd(kw, kh, 2)
		if rng.IntN(4) == 0 {
			k.Data[rng.IntN(len(k.Data))] = 0
		}
		src := rnd(1+rng.IntN(300), 1+rng.IntN(30), 300)
		c := Conv2D{Stride: 1 + rng.IntN(MaxStride), Padding: Paddings()[rng.IntN(3)], Flip: rng.IntN(2) == 0}
		var want Map
		withVec(vecNone, func() { c.ApplyTo(&want, src, k) })
		for _, l := range vecLevels()[1:] {
			var got Map
			withVec(l, func() { c.ApplyTo(&got, src, k) })
			if got.W != want.W || got.H != want.H {
				t.Fatalf("level %d: %d×%d, want %d×%d", l, got.W, got.H, want.W, want.H)
			}
			if i := sameBits32(got.Data, want.Data); i >= 0 {
				t.Fatalf("level %d, %d×%d image, %d×%d kernel, %+v: output %d is %v, pure Go %v",
					l, src.W, src.H, kw, kh, c, i, got.Data[i], want.Data[i])
			}
		}
	}
}

// TestDenseVecAgrees compares the dense kernels at every vector level with
// the pure-Go loops on random shapes, small and blocked: the same bits.
func TestDenseVecAgrees(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 19))
	rnd := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.NormFloat64() * 3
		}
		return s
	}
	shapes := [][3]int{{32, 784, 128}, {32, 128, 10}, {10, 2, 8}, {10, 8, 1}, {7, 300, 9}, {1, 1, 1}}
	for range 200 {
		shapes = append(shapes, [3]int{1 + rng.IntN(40), 1 + rng.IntN(70), 1 + rng.IntN(40)})
	}
	for _, sh := range shapes {
		nb, in, out := sh[0], sh[1], sh[2]
		a, w, b, d := rnd(nb*in), rnd(in*out), rnd(out), rnd(nb*out)
		gw0, gb0 := rnd(in*out), rnd(out)
		type result struct{ z, gw, gb, da []float64 }
		run := func() result {
			r := result{make([]float64, nb*out), append([]float64(nil), gw0...), append([]float64(nil), gb0...), make([]float64, nb*in)}
			denseForward(r.z, a, w, b, nb, in, out)
			denseGrad(r.gw, r.gb, a, d, nb, in, out)
			denseBack(r.da, w, d, nb, in, out)
			return r
		}
		var want result
		withVec(vecNone, func() { want = run() })
		for _, l := range vecLevels()[1:] {
			var got result
			withVec(l, func() { got = run() })
			for _, c := range []struct {
				name      string
				got, want []float64
			}{{"z", got.z, want.z}, {"gW", got.gw, want.gw}, {"gb", got.gb, want.gb}, {"dA", got.da, want.da}} {
				for i := range c.want {
					if math.Float64bits(c.got[i]) != math.Float64bits(c.want[i]) {
						t.Fatalf("level %d, %d×%d→%d: %s[%d] = %v, pure Go %v", l, nb, in, out, c.name, i, c.got[i], c.want[i])
					}
				}
			}
		}
	}
}

// TestPoolVecAgrees compares vector pooling with the pure-Go loops on
// random maps with ties, ±0 and NaN: the same bits.
func TestPoolVecAgrees(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 19))
	for range 400 {
		src := NewMap(1+rng.IntN(120), 1+rng.IntN(12), nil)
		for i := range src.Data {
			switch rng.IntN(12) {
			case 0:
				src.Data[i] = float32(math.NaN())
			case 1:
				src.Data[i] = float32(math.Copysign(0, -1))
			case 2:
				src.Data[i] = 0
			case 3:
				src.Data[i] = 1 // ties
			default:
				src.Data[i] = float32(rng.NormFloat64() * 100)
			}
		}
		if rng.IntN(2) == 0 { // NaN payloads and signs that the lanes must keep
			src.Data[rng.IntN(len(src.Data))] = math.Float32frombits(0xffc00001)
		}
		p := Pool2D{Op: PoolOps()[rng.IntN(2)], Size: MinPoolSize + rng.IntN(MaxPoolSize-MinPoolSize+1), Stride: 1 + rng.IntN(MaxPoolStride)}
		var want Map
		withVec(vecNone, func() { p.ApplyTo(&want, src) })
		for _, l := range vecLevels()[1:] {
			var got Map
			withVec(l, func() { p.ApplyTo(&got, src) })
			if got.W != want.W || got.H != want.H {
				t.Fatalf("level %d: %d×%d, want %d×%d", l, got.W, got.H, want.W, want.H)
			}
			if i := sameBits32(got.Data, want.Data); i >= 0 {
				t.Fatalf("level %d, %d×%d map, %+v: output %d is %v, pure Go %v", l, src.W, src.H, p, i, got.Data[i], want.Data[i])
			}
		}
	}
}

// TestTanhVecAgrees compares tanhTo's vector lanes with its pure-Go loop on
// every range it distinguishes, the edges and the special values.
func TestTanhVecAgrees(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 19))
	z := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1), 5e-324, -5e-324, 1e-300,
		0.625, math.Nextafter(0.625, 0), math.Nextafter(0.625, 1), -0.625,
		math.Float64frombits(tanhHiBits), math.Nextafter(math.Float64frombits(tanhHiBits), 100), -44.1, 1e300}
	for range 20000 {
		x := rng.NormFloat64() * math.Pow(10, float64(rng.IntN(6)-3))
		z = append(z, x)
	}
	rng.Shuffle(len(z), func(i, j int) { z[i], z[j] = z[j], z[i] })
	want := make([]float64, len(z))
	withVec(vecNone, func() { tanhTo(want, z) })
	for _, l := range vecLevels()[1:] {
		got := make([]float64, len(z))
		withVec(l, func() { tanhTo(got, z) })
		for i := range z {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("level %d: tanh(%v) = %v, pure Go %v", l, z[i], got[i], want[i])
			}
		}
	}
}
