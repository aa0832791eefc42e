package engine_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnplay/engine"
)

// refPool is the definition: every full window, row by row.
func refPool(src engine.Map, op engine.PoolOp, size, stride int) engine.Map {
	ow, oh := 0, 0
	if src.W >= size {
		ow = (src.W-size)/stride + 1
	}
	if src.H >= size {
		oh = (src.H-size)/stride + 1
	}
	out := engine.NewMap(ow, oh, nil)
	for y := range oh {
		for x := range ow {
			acc := src.At(x*stride, y*stride)
			if op == engine.AvgPool {
				acc = 0
			}
			for u := range size {
				for v := range size {
					px := src.At(x*stride+v, y*stride+u)
					if op == engine.MaxPool {
						if px > acc || px != px {
							acc = px
						}
					} else {
						acc += px
					}
				}
			}
			if op == engine.AvgPool {
				acc /= float32(size * size)
			}
			out.Set(x, y, acc)
		}
	}
	return out
}

func TestPool(t *testing.T) {
	t.Parallel()
	// 4×5 map, 2×2 max with stride 2: the last column and row are dropped.
	src := engine.NewMap(5, 4, []float32{
		1, 2, 3, 4, 50,
		5, 6, 7, 8, 50,
		-1, -2, -3, -4, 50,
		-5, -6, -7, -8, 50,
	})
	var out engine.Map
	engine.Pool2D{}.ApplyTo(&out, src)
	if want := []float32{6, 8, -1, -3}; out.W != 2 || out.H != 2 || !equal(out.Data, want) {
		t.Errorf("2×2 max pool: %d×%d %v, want 2×2 %v", out.W, out.H, out.Data, want)
	}
	engine.Pool2D{Op: engine.AvgPool}.ApplyTo(&out, src)
	if want := []float32{3.5, 5.5, -3.5, -5.5}; !equal(out.Data, want) {
		t.Errorf("2×2 avg pool: %v, want %v", out.Data, want)
	}
	engine.Pool2D{Size: 3, Stride: 1}.ApplyTo(&out, src)
	if want := []float32{7, 8, 50, 7, 8, 50}; out.W != 3 || out.H != 2 || !equal(out.Data, want) {
		t.Errorf("3×3/1 max pool: %d×%d %v, want 3×2 %v", out.W, out.H, out.Data, want)
	}
	engine.Pool2D{Size: 3}.ApplyTo(&out, src) // stride 3: one window fits
	if out.W != 1 || out.H != 1 || out.Data[0] != 7 {
		t.Errorf("3×3/3 max pool: %d×%d %v", out.W, out.H, out.Data)
	}
	engine.Pool2D{Size: 3}.ApplyTo(&out, engine.NewMap(2, 9, nil))
	if out.W != 0 || len(out.Data) != 0 {
		t.Errorf("window wider than the map: %d×%d", out.W, out.H)
	}
	nan := float32(math.NaN())
	engine.Pool2D{}.ApplyTo(&out, engine.NewMap(2, 2, []float32{1, nan, 3, 2}))
	if out.Data[0] == out.Data[0] {
		t.Errorf("max pool dropped a NaN: %v", out.Data[0])
	}

	rng := rand.New(rand.NewPCG(1, 1))
	for _, sz := range [][2]int{{1, 1}, {2, 2}, {7, 5}, {16, 16}, {33, 20}} {
		src := randMap(rng, sz[0], sz[1], 10)
		for _, op := range engine.PoolOps() {
			for size := engine.MinPoolSize; size <= engine.MaxPoolSize; size++ {
				for stride := 1; stride <= engine.MaxPoolStride; stride++ {
					p := engine.Pool2D{Op: op, Size: size, Stride: stride}
					p.ApplyTo(&out, src)
					if want := refPool(src, op, size, stride); !sameBits(out, want) {
						t.Errorf("%d×%d, %+v: %v, want %v", sz[0], sz[1], p, out.Data, want.Data)
					}
					if w, h := p.OutDims(sz[0], sz[1]); w != out.W || h != out.H {
						t.Errorf("%+v: OutDims %d×%d, output %d×%d", p, w, h, out.W, out.H)
					}
				}
			}
		}
	}
}

func TestPoolPanics(t *testing.T) {
	t.Parallel()
	src := engine.NewMap(6, 6, nil)
	var out engine.Map
	for _, p := range []engine.Pool2D{{Size: 1}, {Size: 4}, {Stride: 4}, {Stride: -1}, {Op: 2}} {
		if !panics(func() { p.ApplyTo(&out, src) }) {
			t.Errorf("%+v did not panic", p)
		}
	}
	if !panics(func() { engine.Pool2D{}.ApplyTo(&src, src) }) {
		t.Error("dst == src did not panic")
	}
}

func TestPoolOpTokens(t *testing.T) {
	t.Parallel()
	for i, want := range []string{"max", "avg"} {
		op := engine.PoolOps()[i]
		if op.String() != want {
			t.Errorf("op %d is %q, want %q", i, op, want)
		}
		if got, ok := engine.PoolOpByName(want); !ok || got != op {
			t.Errorf("PoolOpByName(%q) = %v, %v", want, got, ok)
		}
	}
	if _, ok := engine.PoolOpByName("mean"); ok {
		t.Error("PoolOpByName accepted an unknown token")
	}
}

func equal(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
