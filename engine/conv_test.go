package engine_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"nnplay/engine"
)

// The lesson's example (also workload C0 in shared/bench/anchors).
var (
	lessonImage = []float32{
		1, 2, 0, 0, 3,
		0, 1, 2, 3, 1,
		0, 0, 1, 2, 3,
		3, 2, 1, 2, 0,
		1, 0, 3, 1, 2,
	}
	lessonKernel = []float32{
		1, 0, 1,
		0, 1, 0,
		1, 0, 1,
	}
	lessonOutput = []float32{
		3, 6, 10,
		6, 9, 6,
		7, 4, 11,
	}
)

func TestConvLesson(t *testing.T) {
	t.Parallel()
	var out engine.Map
	engine.Conv2D{}.ApplyTo(&out, engine.NewMap(5, 5, lessonImage), engine.NewMap(3, 3, lessonKernel))
	if out.W != 3 || out.H != 3 {
		t.Fatalf("output is %d×%d, want 3×3", out.W, out.H)
	}
	for i, v := range out.Data {
		if v != lessonOutput[i] {
			t.Fatalf("output %v, want %v", out.Data, lessonOutput)
		}
	}
	lesson, _ := engine.KernelByName("lesson")
	engine.Conv2D{Flip: true}.ApplyTo(&out, engine.NewMap(5, 5, lessonImage), lesson.Map())
	for i, v := range out.Data {
		if v != lessonOutput[i] {
			t.Fatalf("flipped (symmetric) kernel: output %v, want %v", out.Data, lessonOutput)
		}
	}
}

// refPads returns the zeros before and after an axis of n pixels, kernel k,
// stride s, written independently of the engine: for Same, TensorFlow's own
// formula (tf.nn.convolution's documentation, "same" padding):
//
//	P = max(k − s, 0) if n mod s = 0, else max(k − n mod s, 0); P/2 before.
func refPads(p engine.Padding, n, k, s int) (before, after int) {
	switch p {
	case engine.Same:
		var total int
		if n%s == 0 {
			total = max(k-s, 0)
		} else {
			total = max(k-n%s, 0)
		}
		return total / 2, total - total/2
	case engine.Full:
		return k - 1, k - 1
	}
	return 0, 0
}

// refConv is the definition, written as plainly as possible: every window
// position, padding zeros included, in window order, summed in float32 from 0.
func refConv(src, k engine.Map, c engine.Conv2D) engine.Map {
	s := max(c.Stride, 1)
	pt, ph := refPads(c.Padding, src.H, k.H, s)
	pl, pw := refPads(c.Padding, src.W, k.W, s)
	size := func(n, k, p int) int {
		if n == 0 || n+p < k {
			return 0
		}
		return (n+p-k)/s + 1
	}
	ow, oh := size(src.W, k.W, pl+pw), size(src.H, k.H, pt+ph)
	out := engine.NewMap(ow, oh, nil)
	for y := range oh {
		for x := range ow {
			var sum float32
			for u := range k.H {
				for v := range k.W {
					var px float32
					iy, ix := y*s+u-pt, x*s+v-pl
					if iy >= 0 && iy < src.H && ix >= 0 && ix < src.W {
						px = src.At(ix, iy)
					}
					w := k.At(v, u)
					if c.Flip {
						w = k.At(k.W-1-v, k.H-1-u)
					}
					sum += float32(px * w)
				}
			}
			out.Set(x, y, sum)
		}
	}
	return out
}

// randMap returns a w×h map of values uniform in [−r, r), rounded to float32.
func randMap(rng *rand.Rand, w, h int, r float64) engine.Map {
	m := engine.NewMap(w, h, nil)
	for i := range m.Data {
		m.Data[i] = float32((rng.Float64()*2 - 1) * r)
	}
	return m
}

// sameBits reports whether a and b are the same size with bit-identical values.
func sameBits(a, b engine.Map) bool {
	if a.W != b.W || a.H != b.H || len(a.Data) != len(b.Data) {
		return false
	}
	for i := range a.Data {
		if math.Float32bits(a.Data[i]) != math.Float32bits(b.Data[i]) {
			return false
		}
	}
	return true
}

// TestConvMatchesReference runs every padding × stride × kernel size (1..7,
// square and not) × flip on random images, including images smaller than
// the kernel, and wants the reference's exact bits.
func TestConvMatchesReference(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	sizes := [][2]int{{1, 1}, {2, 3}, {5, 5}, {7, 4}, {16, 16}, {23, 17}, {40, 9}}
	var out engine.Map
	for kh := 1; kh <= engine.MaxKernelSize; kh++ {
		for kw := 1; kw <= engine.MaxKernelSize; kw++ {
			if kw != kh && (kw+kh)%3 != 0 { // all squares and a third of the rest
				continue
			}
			k := randMap(rng, kw, kh, 2)
			for _, sz := range sizes {
				src := randMap(rng, sz[0], sz[1], 100)
				for _, p := range engine.Paddings() {
					for s := 1; s <= engine.MaxStride; s++ {
						for _, flip := range []bool{false, true} {
							c := engine.Conv2D{Stride: s, Padding: p, Flip: flip}
							c.ApplyTo(&out, src, k)
							if want := refConv(src, k, c); !sameBits(out, want) {
								t.Fatalf("%d×%d image, %d×%d kernel, %+v: got %v, want %v", sz[0], sz[1], kw, kh, c, out.Data, want.Data)
							}
						}
					}
				}
			}
		}
	}
}

// TestConvPresetsOnPixels convolves a 64×64 image of pixel values 0..255
// with every preset in every padding, as the page does.
func TestConvPresetsOnPixels(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	src := engine.NewMap(64, 64, nil)
	for i := range src.Data {
		src.Data[i] = float32(rng.IntN(256))
	}
	var out engine.Map
	for _, k := range engine.Kernels() {
		for _, p := range engine.Paddings() {
			c := engine.Conv2D{Padding: p}
			c.ApplyTo(&out, src, k.Map())
			if want := refConv(src, k.Map(), c); !sameBits(out, want) {
				t.Errorf("%s, %v: differs from the reference", k.Name(), p)
			}
		}
	}
}

func TestConvFlip(t *testing.T) {
	t.Parallel()
	src := engine.NewMap(5, 5, lessonImage)
	k := engine.NewMap(3, 3, []float32{1, 2, 3, 4, 5, 6, 7, 8, 9})
	rot := engine.NewMap(3, 3, []float32{9, 8, 7, 6, 5, 4, 3, 2, 1})
	var xcorr, conv, rotXcorr engine.Map
	for _, p := range engine.Paddings() {
		engine.Conv2D{Padding: p}.ApplyTo(&xcorr, src, k)
		engine.Conv2D{Padding: p, Flip: true}.ApplyTo(&conv, src, k)
		engine.Conv2D{Padding: p}.ApplyTo(&rotXcorr, src, rot)
		if sameBits(xcorr, conv) {
			t.Errorf("%v: convolution equals cross-correlation for an asymmetric kernel", p)
		}
		if !sameBits(conv, rotXcorr) {
			t.Errorf("%v: convolution %v, cross-correlation with the rotated kernel %v", p, conv.Data, rotXcorr.Data)
		}
	}
	// Valid, top-left window: Σ in·k = 1·1+2·2+0·3+0·4+1·5+2·6+0·7+0·8+1·9 = 31,
	// and with the kernel rotated: 1·9+2·8+0+0+1·5+2·4+0+0+1·1 = 39.
	engine.Conv2D{}.ApplyTo(&xcorr, src, k)
	engine.Conv2D{Flip: true}.ApplyTo(&conv, src, k)
	if xcorr.At(0, 0) != 31 || conv.At(0, 0) != 39 {
		t.Errorf("out[0][0] = %v (cross-correlation), %v (convolution); want 31, 39", xcorr.At(0, 0), conv.At(0, 0))
	}
}

func TestOutSize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		n, k, s int
		p       engine.Padding
		want    int
	}{
		{5, 3, 1, engine.Valid, 3}, // the lesson
		{5, 3, 1, engine.Same, 5},
		{5, 3, 1, engine.Full, 7},
		{5, 3, 2, engine.Valid, 2},
		{5, 3, 2, engine.Same, 3},
		{5, 3, 2, engine.Full, 4},
		{6, 3, 2, engine.Same, 3}, // ⌈6/2⌉, as TensorFlow
		{7, 2, 1, engine.Same, 7}, // even K: pads 0 before, 1 after
		{7, 4, 3, engine.Same, 3},
		{256, 7, 4, engine.Valid, 63},
		{256, 3, 1, engine.Same, 256},
		{1024, 3, 1, engine.Valid, 1022}, // C1
		{1024, 7, 1, engine.Valid, 1018}, // C2
		{3, 5, 1, engine.Valid, 0},       // kernel larger than the image
		{4, 5, 2, engine.Valid, 0},       // ⌊−1/2⌋+1 must not become 1
		{3, 5, 1, engine.Same, 3},
		{1, 7, 4, engine.Full, 2},
		{0, 3, 1, engine.Full, 0},
		{0, 1, 1, engine.Same, 0},
	} {
		if got := engine.OutSize(tc.n, tc.k, tc.s, tc.p); got != tc.want {
			t.Errorf("OutSize(%d, %d, %d, %v) = %d, want %d", tc.n, tc.k, tc.s, tc.p, got, tc.want)
		}
	}
	for _, tc := range []struct {
		p             engine.Padding
		n, k, s       int
		before, after int
	}{
		{engine.Valid, 5, 3, 1, 0, 0}, {engine.Same, 5, 3, 1, 1, 1}, {engine.Same, 5, 4, 1, 1, 2}, {engine.Same, 5, 1, 1, 0, 0},
		{engine.Same, 5, 2, 1, 0, 1}, {engine.Full, 5, 3, 1, 2, 2}, {engine.Same, 9, 7, 1, 3, 3}, {engine.Same, 9, 6, 1, 2, 3},
		{engine.Same, 6, 3, 2, 0, 1}, // the ramp: 1 zero after, 0 before
		{engine.Same, 5, 3, 2, 1, 1}, {engine.Same, 7, 3, 3, 1, 1}, {engine.Same, 9, 3, 3, 0, 0},
	} {
		if b, a := tc.p.Pads(tc.n, tc.k, tc.s); b != tc.before || a != tc.after {
			t.Errorf("%v.Pads(%d, %d, %d) = %d, %d; want %d, %d", tc.p, tc.n, tc.k, tc.s, b, a, tc.before, tc.after)
		}
	}
	if w, h := (engine.Conv2D{Stride: 2, Padding: engine.Same}).OutDims(7, 4, 3, 2); w != 4 || h != 2 {
		t.Errorf("OutDims = %d×%d, want 4×2", w, h)
	}
}

// TestSameMatchesKeras checks the example: the 6×6 ramp 1…6 with
// the 3×3 identity kernel, stride 2, "same", gives 2, 4, 6 in every row, as
// Keras' Conv2D(padding="same", strides=2) does; and Pads against
// TensorFlow's formula (refPads) on random sizes, strides and kernels.
func TestSameMatchesKeras(t *testing.T) {
	t.Parallel()
	ramp := make([]float32, 36)
	for i := range ramp {
		ramp[i] = float32(i%6 + 1)
	}
	id := engine.NewMap(3, 3, []float32{0, 0, 0, 0, 1, 0, 0, 0, 0})
	var out engine.Map
	engine.Conv2D{Padding: engine.Same, Stride: 2}.ApplyTo(&out, engine.NewMap(6, 6, ramp), id)
	if out.W != 3 || out.H != 3 {
		t.Fatalf("output %d×%d, want 3×3", out.W, out.H)
	}
	for y := range 3 {
		if r := out.Data[y*3 : y*3+3]; r[0] != 2 || r[1] != 4 || r[2] != 6 {
			t.Errorf("row %d = %v, want [2 4 6] (Keras)", y, r)
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	for range 10000 {
		n, k, s := rng.IntN(300), 1+rng.IntN(engine.MaxKernelSize), 1+rng.IntN(engine.MaxStride)
		b, a := engine.Same.Pads(n, k, s)
		wb, wa := refPads(engine.Same, n, k, s)
		if n > 0 && (b != wb || a != wa) {
			t.Fatalf("Same.Pads(%d, %d, %d) = %d, %d; TensorFlow %d, %d", n, k, s, b, a, wb, wa)
		}
		if got, want := engine.OutSize(n, k, s, engine.Same), (n+s-1)/s; got != want {
			t.Fatalf("OutSize(%d, %d, %d, Same) = %d, want ⌈n/s⌉ = %d", n, k, s, got, want)
		}
	}
}

func TestConvTooSmall(t *testing.T) {
	t.Parallel()
	out := engine.NewMap(2, 2, nil)
	engine.Conv2D{}.ApplyTo(&out, engine.NewMap(2, 2, nil), engine.NewMap(3, 3, nil))
	if out.W != 0 || out.H != 0 || len(out.Data) != 0 {
		t.Errorf("2×2 image ⊗ 3×3 valid: %d×%d %v, want 0×0", out.W, out.H, out.Data)
	}
	var empty engine.Map
	engine.Conv2D{Padding: engine.Full}.ApplyTo(&out, empty, engine.NewMap(3, 3, nil))
	if out.W != 0 || out.H != 0 {
		t.Errorf("empty image: %d×%d", out.W, out.H)
	}
}

func TestBreakdown(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	var out engine.Map
	for _, k := range []engine.Map{engine.NewMap(3, 3, lessonKernel), randMap(rng, 4, 4, 3), randMap(rng, 7, 2, 3)} {
		src := randMap(rng, 9, 8, 50)
		for _, p := range engine.Paddings() {
			for s := 1; s <= engine.MaxStride; s++ {
				for _, flip := range []bool{false, true} {
					c := engine.Conv2D{Stride: s, Padding: p, Flip: flip}
					c.ApplyTo(&out, src, k)
					for y := range out.H {
						for x := range out.W {
							b := c.Breakdown(src, k, x, y)
							if math.Float32bits(b.Sum) != math.Float32bits(out.At(x, y)) {
								t.Fatalf("%+v at (%d, %d): breakdown sum %v, map %v", c, x, y, b.Sum, out.At(x, y))
							}
							if len(b.Taps) != k.W*k.H || b.W != k.W || b.H != k.H || b.X != x || b.Y != y {
								t.Fatalf("breakdown shape %+v", b)
							}
						}
					}
				}
			}
		}
	}

	// The lesson, output (2, 0) = 10: the window at columns 2..4, rows 0..2.
	src, k := engine.NewMap(5, 5, lessonImage), engine.NewMap(3, 3, lessonKernel)
	b := engine.Conv2D{}.Breakdown(src, k, 2, 0)
	wantPx := []float32{0, 0, 3, 2, 3, 1, 1, 2, 3}
	for i, tp := range b.Taps {
		if tp.X != 2+i%3 || tp.Y != i/3 || tp.Pad || tp.Pixel != wantPx[i] || tp.Weight != lessonKernel[i] || tp.Product != wantPx[i]*lessonKernel[i] {
			t.Errorf("tap %d = %+v", i, tp)
		}
	}
	if b.Sum != 10 {
		t.Errorf("sum %v, want 10", b.Sum)
	}

	// Same padding at the corner: the first row and column of the window
	// are padding, at coordinates −1.
	b = engine.Conv2D{Padding: engine.Same}.Breakdown(src, k, 0, 0)
	for i, tp := range b.Taps {
		wantPad := i < 3 || i%3 == 0
		if tp.X != i%3-1 || tp.Y != i/3-1 || tp.Pad != wantPad || (wantPad && tp.Pixel != 0) {
			t.Errorf("same, tap %d = %+v", i, tp)
		}
	}
	if b.Sum != 1+1 { // in[0][0]·k[1][1] + in[1][1]·k[2][2]
		t.Errorf("same, sum %v, want 2", b.Sum)
	}
	// Flip: the weights shown are the rotated kernel's.
	asym := engine.NewMap(3, 3, []float32{1, 2, 3, 4, 5, 6, 7, 8, 9})
	b = engine.Conv2D{Flip: true}.Breakdown(src, asym, 0, 0)
	if b.Taps[0].Weight != 9 || b.Taps[8].Weight != 1 || b.Sum != 39 {
		t.Errorf("flip: weights %v … %v, sum %v; want 9 … 1, 39", b.Taps[0].Weight, b.Taps[8].Weight, b.Sum)
	}
}

func TestApplyEachTo(t *testing.T) {
	t.Parallel()
	src := engine.NewMap(5, 5, lessonImage)
	var ks []engine.Map
	for _, k := range engine.Kernels() {
		ks = append(ks, k.Map())
	}
	c := engine.Conv2D{Padding: engine.Same}
	maps := c.ApplyEachTo(nil, src, ks)
	if len(maps) != len(ks) {
		t.Fatalf("%d maps for %d kernels", len(maps), len(ks))
	}
	var one engine.Map
	for i, k := range ks {
		c.ApplyTo(&one, src, k)
		if !sameBits(maps[i], one) {
			t.Errorf("map %d differs from ApplyTo", i)
		}
	}
	first := &maps[0].Data[0]
	maps = c.ApplyEachTo(maps, src, ks[:2])
	if len(maps) != 2 || &maps[0].Data[0] != first {
		t.Error("ApplyEachTo did not reuse dst")
	}
}

func TestConvPanics(t *testing.T) {
	t.Parallel()
	img := engine.NewMap(5, 5, nil)
	k3 := engine.NewMap(3, 3, nil)
	var out engine.Map
	for name, f := range map[string]func(){
		"stride 5":         func() { engine.Conv2D{Stride: 5}.ApplyTo(&out, img, k3) },
		"stride −1":        func() { engine.Conv2D{Stride: -1}.ApplyTo(&out, img, k3) },
		"padding 3":        func() { engine.Conv2D{Padding: 3}.ApplyTo(&out, img, k3) },
		"kernel 8×8":       func() { engine.Conv2D{}.ApplyTo(&out, img, engine.NewMap(8, 8, nil)) },
		"kernel 0×0":       func() { engine.Conv2D{}.ApplyTo(&out, img, engine.Map{}) },
		"kernel NaN":       func() { engine.Conv2D{}.ApplyTo(&out, img, engine.NewMap(1, 1, []float32{float32(math.NaN())})) },
		"kernel Inf":       func() { engine.Conv2D{}.ApplyTo(&out, img, engine.NewMap(1, 1, []float32{float32(math.Inf(1))})) },
		"short data":       func() { engine.Conv2D{}.ApplyTo(&out, engine.Map{W: 5, H: 5, Data: make([]float32, 24)}, k3) },
		"dst is src":       func() { engine.Conv2D{Padding: engine.Same}.ApplyTo(&img, img, k3) },
		"breakdown (3, 0)": func() { engine.Conv2D{}.Breakdown(img, k3, 3, 0) },
		"breakdown (0,−1)": func() { engine.Conv2D{}.Breakdown(img, k3, 0, -1) },
		"NewMap short":     func() { engine.NewMap(2, 2, []float32{1}) },
		"NewMap negative":  func() { engine.NewMap(-1, 2, nil) },
		"At outside":       func() { img.At(5, 0) },
		"Pads 0":           func() { engine.Valid.Pads(5, 0, 1) },
		"OutSize stride 0": func() { engine.OutSize(5, 3, 0, engine.Valid) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}

func TestPaddingTokens(t *testing.T) {
	t.Parallel()
	want := []string{"valid", "same", "full"}
	for i, p := range engine.Paddings() {
		if p.String() != want[i] {
			t.Errorf("padding %d is %q, want %q", i, p, want[i])
		}
		if q, ok := engine.PaddingByName(want[i]); !ok || q != p {
			t.Errorf("PaddingByName(%q) = %v, %v", want[i], q, ok)
		}
	}
	if _, ok := engine.PaddingByName("Same"); ok {
		t.Error("tokens are case-sensitive")
	}
	if (engine.Conv2D{}) != (engine.Conv2D{Stride: 0, Padding: engine.Valid, Flip: false}) || engine.Padding(0) != engine.Valid {
		t.Error("the zero Conv2D is not valid cross-correlation")
	}
}
