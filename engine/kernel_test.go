package engine_test

import (
	"testing"

	"nnplay/engine"
)

func TestKernelRegistry(t *testing.T) {
	t.Parallel()
	want := []struct {
		name string
		num  []int
		den  int
	}{
		{"lesson", []int{1, 0, 1, 0, 1, 0, 1, 0, 1}, 1},
		{"identity", []int{0, 0, 0, 0, 1, 0, 0, 0, 0}, 1},
		{"box-blur", []int{1, 1, 1, 1, 1, 1, 1, 1, 1}, 9},
		{"gaussian-blur", []int{1, 2, 1, 2, 4, 2, 1, 2, 1}, 16},
		{"sharpen", []int{0, -1, 0, -1, 5, -1, 0, -1, 0}, 1},
		{"outline", []int{-1, -1, -1, -1, 8, -1, -1, -1, -1}, 1},
		{"sobel-left", []int{1, 0, -1, 2, 0, -2, 1, 0, -1}, 1},
		{"sobel-right", []int{-1, 0, 1, -2, 0, 2, -1, 0, 1}, 1},
		{"sobel-top", []int{1, 2, 1, 0, 0, 0, -1, -2, -1}, 1},
		{"sobel-bottom", []int{-1, -2, -1, 0, 0, 0, 1, 2, 1}, 1},
		{"emboss", []int{-2, -1, 0, -1, 1, 1, 0, 1, 2}, 1},
	}
	got := engine.Kernels()
	if len(got) != len(want) {
		t.Fatalf("%d kernels, want %d", len(got), len(want))
	}
	for i, k := range got {
		w := want[i]
		num, den := k.Fraction()
		if k.Name() != w.name || k.Size() != 3 || den != w.den || len(num) != len(w.num) {
			t.Fatalf("kernel %d: %q %d×%d /%d, want %q /%d", i, k.Name(), k.Size(), k.Size(), den, w.name, w.den)
		}
		m := k.Map()
		for j := range num {
			if num[j] != w.num[j] || m.Data[j] != float32(w.num[j])/float32(w.den) {
				t.Errorf("%s: weight %d = %d/%d (%v)", k.Name(), j, num[j], den, m.Data[j])
			}
		}
		if b, ok := engine.KernelByName(k.Name()); !ok || b.Name() != k.Name() {
			t.Errorf("KernelByName(%q) = %q, %v", k.Name(), b.Name(), ok)
		}
		num[0] = 99
		m.Data[0] = 99
		if n2, _ := k.Fraction(); n2[0] == 99 || k.Map().Data[0] == 99 {
			t.Errorf("%s: Fraction or Map share the preset's storage", k.Name())
		}
	}
	if _, ok := engine.KernelByName("Sharpen"); ok {
		t.Error("tokens are case-sensitive")
	}
	got[0] = got[1]
	if engine.Kernels()[0].Name() != "lesson" {
		t.Error("Kernels returned the registry itself, not a copy")
	}
	// The blurs keep the brightness of a flat image; the edge detectors
	// give 0 on it.
	for _, k := range engine.Kernels() {
		num, den := k.Fraction()
		s := 0
		for _, n := range num {
			s += n
		}
		switch k.Name() {
		case "box-blur", "gaussian-blur", "identity", "sharpen", "emboss":
			if s != den {
				t.Errorf("%s: weights sum to %d/%d, want 1", k.Name(), s, den)
			}
		case "outline", "sobel-left", "sobel-right", "sobel-top", "sobel-bottom":
			if s != 0 {
				t.Errorf("%s: weights sum to %d, want 0", k.Name(), s)
			}
		}
	}
	var zero engine.Kernel
	if !panics(func() { zero.Map() }) {
		t.Error("the zero Kernel's Map did not panic")
	}
}
