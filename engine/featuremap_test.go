package engine_test

import (
	"math"
	"testing"

	"nnplay/engine"
)

func TestActivateTo(t *testing.T) {
	t.Parallel()
	src := engine.NewMap(4, 2, []float32{-2, -0.5, 0, 0.5, 2, 100, -100, float32(math.Copysign(0, -1))})
	var dst engine.Map
	for _, a := range engine.Activations() {
		engine.ActivateTo(&dst, src, a)
		if dst.W != 4 || dst.H != 2 {
			t.Fatalf("%s: %d×%d", a.Name(), dst.W, dst.H)
		}
		for i, v := range src.Data {
			if want := float32(a.Eval(float64(v))); math.Float32bits(dst.Data[i]) != math.Float32bits(want) {
				t.Errorf("%s(%v) = %v, want %v", a.Name(), v, dst.Data[i], want)
			}
		}
	}
	inPlace := engine.NewMap(4, 2, append([]float32(nil), src.Data...))
	engine.ActivateTo(&inPlace, inPlace, engine.ReLU)
	if want := []float32{0, 0, 0, 0.5, 2, 100, 0, 0}; !equal(inPlace.Data, want) || math.Signbit(float64(inPlace.Data[7])) {
		t.Errorf("ReLU in place: %v, want %v", inPlace.Data, want)
	}
	if !panics(func() { engine.ActivateTo(&dst, src, engine.Activation{}) }) {
		t.Error("the zero Activation did not panic")
	}
}

func TestMap(t *testing.T) {
	t.Parallel()
	m := engine.NewMap(3, 2, nil)
	m.Set(2, 1, 7)
	if m.At(2, 1) != 7 || m.Data[5] != 7 || m.Row(1)[2] != 7 || len(m.Row(0)) != 3 {
		t.Errorf("Set/At/Row disagree: %v", m.Data)
	}
	if got := engine.NewMap(2, 1, []float32{-3, float32(math.Inf(-1))}).MaxAbs(); got != 3 {
		t.Errorf("MaxAbs = %v, want 3", got)
	}
	for name, f := range map[string]func(){
		"At(3, 0)":  func() { m.At(3, 0) },
		"At(0, 2)":  func() { m.At(0, 2) },
		"Set(−1,0)": func() { m.Set(-1, 0, 1) },
		"Row(2)":    func() { m.Row(2) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}
