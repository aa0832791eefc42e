package engine_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnplay/engine"
)

// refLayer is ConvLayer's definition, written plainly: padding zeros
// included, u, v, i order, bias last.
func refLayer(l engine.ConvLayer, src engine.Volume) engine.Volume {
	s := max(l.Stride, 1)
	pt, _ := l.Padding.Pads(src.H, l.Size, s)
	pl, _ := l.Padding.Pads(src.W, l.Size, s)
	ow := engine.OutSize(src.W, l.Size, s, l.Padding)
	oh := engine.OutSize(src.H, l.Size, s, l.Padding)
	out := engine.Volume{W: ow, H: oh, C: l.Out, Data: make([]float32, ow*oh*l.Out)}
	for y := range oh {
		for x := range ow {
			for o := range l.Out {
				var sum float32
				for u := range l.Size {
					for v := range l.Size {
						for i := range l.In {
							var px float32
							iy, ix := y*s+u-pt, x*s+v-pl
							if iy >= 0 && iy < src.H && ix >= 0 && ix < src.W {
								px = src.Data[(iy*src.W+ix)*src.C+i]
							}
							sum += float32(px * l.Weights[((u*l.Size+v)*l.In+i)*l.Out+o])
						}
					}
				}
				if l.Bias != nil {
					sum += l.Bias[o]
				}
				out.Data[(y*ow+x)*l.Out+o] = sum
			}
		}
	}
	return out
}

func TestConvLayer(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	rnd := func(n int, r float64) []float32 {
		d := make([]float32, n)
		for i := range d {
			d[i] = float32((rng.Float64()*2 - 1) * r)
		}
		return d
	}
	var out engine.Volume
	for _, tc := range []struct{ size, in, out, w, h int }{
		{3, 1, 1, 5, 5}, {3, 2, 8, 7, 6}, {1, 3, 9, 4, 4}, {5, 4, 17, 9, 8}, {2, 16, 32, 6, 5}, {7, 1, 3, 3, 3},
	} {
		src := engine.Volume{W: tc.w, H: tc.h, C: tc.in, Data: rnd(tc.w*tc.h*tc.in, 5)}
		for _, p := range engine.Paddings() {
			for s := 1; s <= 2; s++ {
				for _, bias := range []bool{false, true} {
					l := engine.ConvLayer{Size: tc.size, In: tc.in, Out: tc.out, Stride: s, Padding: p,
						Weights: rnd(tc.size*tc.size*tc.in*tc.out, 1)}
					if bias {
						l.Bias = rnd(tc.out, 1)
					}
					l.ForwardTo(&out, src)
					want := refLayer(l, src)
					if out.W != want.W || out.H != want.H || out.C != want.C || len(out.Data) != len(want.Data) {
						t.Fatalf("%+v: output %d×%d×%d, want %d×%d×%d", tc, out.W, out.H, out.C, want.W, want.H, want.C)
					}
					for i := range want.Data {
						if math.Float32bits(out.Data[i]) != math.Float32bits(want.Data[i]) {
							t.Fatalf("%+v %v stride %d bias %v: value %d = %v, want %v", tc, p, s, bias, i, out.Data[i], want.Data[i])
						}
					}
				}
			}
		}
	}

	// One channel in and out: the layer is Conv2D.
	l := engine.ConvLayer{Size: 3, In: 1, Out: 1, Weights: lessonKernel}
	l.ForwardTo(&out, engine.Volume{W: 5, H: 5, C: 1, Data: lessonImage})
	if !equal(out.Data, lessonOutput) {
		t.Errorf("lesson as a layer: %v", out.Data)
	}
}

func TestConvLayerPanics(t *testing.T) {
	t.Parallel()
	src := engine.Volume{W: 4, H: 4, C: 2, Data: make([]float32, 32)}
	var out engine.Volume
	for name, l := range map[string]engine.ConvLayer{
		"in mismatch":  {Size: 3, In: 3, Out: 1, Weights: make([]float32, 27)},
		"short w":      {Size: 3, In: 2, Out: 1, Weights: make([]float32, 17)},
		"bias":         {Size: 1, In: 2, Out: 2, Weights: make([]float32, 4), Bias: make([]float32, 1)},
		"size 8":       {Size: 8, In: 2, Out: 1, Weights: make([]float32, 128)},
		"stride 5":     {Size: 1, In: 2, Out: 1, Weights: make([]float32, 2), Stride: 5},
		"zero outputs": {Size: 1, In: 2, Out: 0},
		"NaN weight":   {Size: 1, In: 2, Out: 1, Weights: []float32{1, float32(math.NaN())}},
	} {
		if !panics(func() { l.ForwardTo(&out, src) }) {
			t.Errorf("%s did not panic", name)
		}
	}
	l := engine.ConvLayer{Size: 1, In: 2, Out: 2, Weights: make([]float32, 4)}
	if !panics(func() { l.ForwardTo(&src, src) }) {
		t.Error("dst == src did not panic")
	}
	if !panics(func() { l.ForwardTo(&out, engine.Volume{W: 2, H: 2, C: 2, Data: make([]float32, 7)}) }) {
		t.Error("short volume did not panic")
	}
}
