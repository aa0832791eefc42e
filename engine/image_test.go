package engine_test

import (
	"math"
	"testing"

	"nnplay/engine"
)

func TestDisplay(t *testing.T) {
	t.Parallel()
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	m := engine.NewMap(9, 1, []float32{0, 10, -10, 5, -5, 2.5, 300, -1e-30, 0.0001})
	div := engine.GrayTo(nil, m, engine.Diverging)
	// 0 → 128; ±max → 255, 1; ±max/2 → ⌊128.5 ± 63.5⌋ = 192, 65.
	// 300 is the max here, so 10 → ⌊128.5 + 127·10/300⌋ = 132.
	if want := []byte{128, 132, 124, 130, 126, 129, 255, 128, 128}; string(div) != string(want) {
		t.Errorf("diverging: %v, want %v", div, want)
	}
	m2 := engine.NewMap(5, 1, []float32{0, 10, -10, 5, -5})
	if got, want := engine.GrayTo(nil, m2, engine.Diverging), []byte{128, 255, 1, 192, 65}; string(got) != string(want) {
		t.Errorf("diverging ±10: %v, want %v", got, want)
	}
	clip := engine.GrayTo(nil, engine.NewMap(8, 1, []float32{-5, 0, 0.49, 0.5, 127.6, 255, 256, 1e9}), engine.Clip)
	if want := []byte{0, 0, 0, 1, 128, 255, 255, 255}; string(clip) != string(want) {
		t.Errorf("clip: %v, want %v", clip, want)
	}
	special := engine.NewMap(4, 1, []float32{inf, -inf, nan, 2})
	if got, want := engine.GrayTo(nil, special, engine.Diverging), []byte{255, 1, 128, 255}; string(got) != string(want) {
		t.Errorf("diverging Inf/NaN: %v, want %v", got, want)
	}
	if got, want := engine.GrayTo(nil, special, engine.Clip), []byte{255, 0, 0, 2}; string(got) != string(want) {
		t.Errorf("clip Inf/NaN: %v, want %v", got, want)
	}
	if got := engine.GrayTo(nil, engine.NewMap(3, 1, nil), engine.Diverging); string(got) != "\x80\x80\x80" {
		t.Errorf("all zeros: %v, want 128s", got)
	}

	// RGBA: grey, opaque, same levels; dst reused.
	buf := make([]byte, 0, 64)
	rgba := engine.RGBATo(buf, m2, engine.Diverging)
	if len(rgba) != 20 || &rgba[0] != &buf[:1][0] {
		t.Fatalf("RGBATo: len %d, reused %v", len(rgba), &rgba[0] == &buf[:1][0])
	}
	for i, g := range engine.GrayTo(nil, m2, engine.Diverging) {
		if p := rgba[4*i : 4*i+4]; p[0] != g || p[1] != g || p[2] != g || p[3] != 255 {
			t.Errorf("pixel %d = %v, want grey %d", i, p, g)
		}
	}
	if !panics(func() { engine.GrayTo(nil, m, engine.Scale(2)) }) {
		t.Error("unknown Scale did not panic")
	}
	for i, want := range []string{"diverging", "clip"} {
		s := engine.Scales()[i]
		if got, ok := engine.ScaleByName(want); s.String() != want || !ok || got != s {
			t.Errorf("scale %d: %q, ScaleByName(%q) = %v, %v", i, s, want, got, ok)
		}
	}
}
