package engine_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"nnplay/engine"
)

func TestGrayFromRGBA(t *testing.T) {
	t.Parallel()
	pix := []byte{
		255, 0, 0, 255, // red: (77·255 + 128) >> 8 = 77
		0, 255, 0, 255, // green: 149
		0, 0, 255, 255, // blue: 29
		200, 200, 200, 255, // grey keeps its level
		0, 0, 0, 0, // transparent is white
		0, 0, 0, 128, // half-transparent black over white: ⌊(255·127 + 127)/255⌋ = 127
		255, 255, 255, 255,
		10, 20, 30, 255, // (770 + 3000 + 870 + 128) >> 8 = 18
	}
	var m engine.Map
	engine.GrayFromRGBA(&m, pix, 4, 2)
	want := []float32{77, 149, 29, 200, 255, 127, 255, 18}
	if m.W != 4 || m.H != 2 || !slices.Equal(m.Data, want) {
		t.Errorf("GrayFromRGBA = %v %dx%d, want %v", m.Data, m.W, m.H, want)
	}
	for g := range 256 {
		engine.GrayFromRGBA(&m, []byte{byte(g), byte(g), byte(g), 255}, 1, 1)
		if m.Data[0] != float32(g) {
			t.Fatalf("grey %d became %v", g, m.Data[0])
		}
	}
	if !panics(func() { engine.GrayFromRGBA(&m, pix, 3, 2) }) {
		t.Error("a length mismatch did not panic")
	}
}

func TestGrayFromBytesRoundTrip(t *testing.T) {
	t.Parallel()
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	var m engine.Map
	engine.GrayFromBytes(&m, b, 16, 16)
	if got := engine.GrayTo(nil, m, engine.Clip); !slices.Equal(got, b) {
		t.Errorf("GrayTo(Clip) is not GrayFromBytes' inverse: %v", got)
	}
	if !panics(func() { engine.GrayFromBytes(&m, b, 16, 15) }) {
		t.Error("a length mismatch did not panic")
	}
}

func TestFitSize(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ w, h, side, ww, wh int }{
		{5, 5, 256, 5, 5}, {256, 256, 256, 256, 256}, {512, 512, 256, 256, 256},
		{1024, 768, 256, 256, 192}, {768, 1024, 256, 192, 256}, {4000, 3, 256, 256, 1},
		{451, 300, 128, 128, 85}, {300, 451, 128, 85, 128}, {257, 1, 256, 256, 1},
	} {
		if w, h := engine.FitSize(tc.w, tc.h, tc.side); w != tc.ww || h != tc.wh {
			t.Errorf("FitSize(%d, %d, %d) = %d, %d; want %d, %d", tc.w, tc.h, tc.side, w, h, tc.ww, tc.wh)
		}
	}
	if !panics(func() { engine.FitSize(0, 1, 1) }) {
		t.Error("an empty size did not panic")
	}
}

func TestDownscaleTo(t *testing.T) {
	t.Parallel()
	// 4×2 → 2×1: each output is the mean of a 2×2 block.
	src := engine.NewMap(4, 2, []float32{0, 10, 20, 40, 2, 4, 60, 80})
	var dst engine.Map
	engine.DownscaleTo(&dst, src, 2, 1)
	if want := []float32{4, 50}; !slices.Equal(dst.Data, want) {
		t.Errorf("2×2 blocks: %v, want %v", dst.Data, want)
	}
	// 3 → 2 along x: output 0 covers pixel 0 and half of pixel 1:
	// (2·0 + 1·90)/3 = 30; output 1: (1·90 + 2·255)/3 = 200.
	engine.DownscaleTo(&dst, engine.NewMap(3, 1, []float32{0, 90, 255}), 2, 1)
	if want := []float32{30, 200}; !slices.Equal(dst.Data, want) {
		t.Errorf("3→2: %v, want %v", dst.Data, want)
	}
	// Halves round up: (1 + 2)/2 = 1.5 → 2.
	engine.DownscaleTo(&dst, engine.NewMap(2, 1, []float32{1, 2}), 1, 1)
	if dst.Data[0] != 2 {
		t.Errorf("1.5 rounds to %v, want 2", dst.Data[0])
	}
	// The same size is a copy; a constant stays constant at any size; the
	// mean is kept (up to rounding) by a whole-block reduction.
	rng := rand.New(rand.NewPCG(1, 1))
	img := engine.NewMap(97, 61, nil)
	for i := range img.Data {
		img.Data[i] = float32(rng.IntN(256))
	}
	engine.DownscaleTo(&dst, img, 97, 61)
	if !slices.Equal(dst.Data, img.Data) {
		t.Error("downscaling to the same size changed the picture")
	}
	flat := engine.NewMap(97, 61, nil)
	for i := range flat.Data {
		flat.Data[i] = 77
	}
	for _, s := range [][2]int{{1, 1}, {13, 7}, {50, 60}, {96, 1}} {
		engine.DownscaleTo(&dst, flat, s[0], s[1])
		for _, v := range dst.Data {
			if v != 77 {
				t.Fatalf("%v: a constant picture became %v", s, v)
			}
		}
	}
	var mean float64
	for _, v := range img.Data {
		mean += float64(v)
	}
	engine.DownscaleTo(&dst, img, 1, 1)
	if want := math.Floor(mean/float64(len(img.Data)) + 0.5); float64(dst.Data[0]) != want {
		t.Errorf("1×1: %v, want the mean %v", dst.Data[0], want)
	}
	if !panics(func() { engine.DownscaleTo(&dst, img, 98, 1) }) || !panics(func() { engine.DownscaleTo(&dst, img, 0, 1) }) {
		t.Error("upscaling or an empty size did not panic")
	}
}

// TestDownscaleDeterminism pins the exact result of a photo-sized
// reduction; it passes natively and under wasm.
func TestDownscaleDeterminism(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(2, 3))
	img := engine.NewMap(1000, 750, nil)
	for i := range img.Data {
		img.Data[i] = float32(rng.IntN(256))
	}
	var dst engine.Map
	w, h := engine.FitSize(img.W, img.H, engine.MaxImageSide)
	engine.DownscaleTo(&dst, img, w, h)
	c := newChecksum()
	for _, v := range dst.Data {
		c.add(float64(v))
	}
	const want = 0xd0b64c68ce6e7a40
	if c.sum != want {
		t.Errorf("checksum %#x, want %#x", c.sum, uint64(want))
	}
}

func TestRangeGray(t *testing.T) {
	t.Parallel()
	nan := float32(math.NaN())
	m := engine.NewMap(7, 1, []float32{0, 3, 1.5, -1, 4, nan, 1})
	if got, want := engine.RangeGrayTo(nil, m, 0, 3), []byte{0, 255, 128, 0, 255, 0, 85}; !slices.Equal(got, want) {
		t.Errorf("RangeGrayTo = %v, want %v", got, want)
	}
	rgba := engine.RangeRGBATo(nil, m, 0, 3)
	if len(rgba) != 28 || rgba[4] != 255 || rgba[7] != 255 || rgba[8] != 128 || rgba[10] != 128 {
		t.Errorf("RangeRGBATo = %v", rgba)
	}
	if lo, hi := m.Range(); lo != -1 || hi != 4 {
		t.Errorf("Range = %v, %v", lo, hi)
	}
	if lo, hi := engine.NewMap(1, 1, []float32{nan}).Range(); lo != 0 || hi != 0 {
		t.Errorf("Range of NaN = %v, %v", lo, hi)
	}
	if !panics(func() { engine.RangeGrayTo(nil, m, 1, 1) }) {
		t.Error("an empty range did not panic")
	}
}

func TestRangeSpecial(t *testing.T) {
	t.Parallel()
	inf := float32(math.Inf(1))
	for _, tc := range []struct {
		in     []float32
		lo, hi float32
	}{
		{[]float32{3}, 3, 3}, {[]float32{inf, -inf, 2, -5}, -5, 2}, {[]float32{inf}, 0, 0},
		{[]float32{math.MaxFloat32, -math.MaxFloat32}, -math.MaxFloat32, math.MaxFloat32}, {nil, 0, 0},
	} {
		if lo, hi := engine.NewMap(len(tc.in), 1, tc.in).Range(); lo != tc.lo || hi != tc.hi {
			t.Errorf("Range(%v) = %v, %v; want %v, %v", tc.in, lo, hi, tc.lo, tc.hi)
		}
	}
}
