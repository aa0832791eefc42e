package gallery

import (
	"slices"
	"testing"

	"nnplay/engine"
)

func TestLessonExample(t *testing.T) {
	t.Parallel()
	im, _ := ByName("lesson")
	k, _ := engine.KernelByName("lesson")
	var out engine.Map
	engine.Conv2D{}.ApplyTo(&out, im.Map(), k.Map())
	if want := []float32{3, 6, 10, 6, 9, 6, 7, 4, 11}; out.W != 3 || !slices.Equal(out.Data, want) {
		t.Errorf("lesson ⊗ lesson = %v, want %v", out.Data, want)
	}
}

func TestImages(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, im := range Images() {
		m := im.Map()
		w, h := im.Size()
		if m.W != w || m.H != h || w < 1 || h < 1 || w > engine.MaxImageSide || h > engine.MaxImageSide {
			t.Errorf("%s: %d×%d map for a %d×%d image", im.Name(), m.W, m.H, w, h)
		}
		if seen[im.Name()] {
			t.Errorf("%s listed twice", im.Name())
		}
		seen[im.Name()] = true
		lo, hi := m.Range()
		if lo < 0 || hi > 255 || lo == hi {
			t.Errorf("%s: values %v..%v", im.Name(), lo, hi)
		}
		if got, ok := ByName(im.Name()); !ok || got.Name() != im.Name() {
			t.Errorf("ByName(%q) failed", im.Name())
		}
		if im.Kind() == Matrix && (w > engine.MaxGridSide || h > engine.MaxGridSide) {
			t.Errorf("%s: a matrix larger than a typed grid may be", im.Name())
		}
	}
	if _, ok := ByName("nope"); ok {
		t.Error("ByName found an unknown image")
	}
	// The photographs are what the converter made (sizes from NOTICE).
	if len(camera) != 128*128 || len(cat) != 128*85 {
		t.Errorf("photo data: %d, %d bytes", len(camera), len(cat))
	}
}
