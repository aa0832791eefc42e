package engine_test

import (
	"math/rand/v2"
	"testing"

	"nnplay/engine"
)

func TestLabelKind(t *testing.T) {
	t.Parallel()
	two := engine.TwoClasses
	if two.Real() || two.Classes() != 2 || two != engine.ClassLabels(2) {
		t.Fatalf("TwoClasses = %+v", two)
	}
	if !engine.RealLabels.Real() || engine.RealLabels.Classes() != 0 || engine.RealLabels != (engine.LabelKind{}) {
		t.Fatalf("RealLabels = %+v", engine.RealLabels)
	}
	// TensorFlow Playground's labels: −1 is class 0, +1 class 1.
	for _, tc := range []struct {
		label float64
		class int
	}{{-1, 0}, {1, 1}, {0, 0}, {0.5, 1}, {-0.5, 0}} {
		if got := two.Class(tc.label); got != tc.class {
			t.Errorf("two classes: Class(%v) = %d, want %d", tc.label, got, tc.class)
		}
	}
	if two.Label(0) != -1 || two.Label(1) != 1 {
		t.Errorf("two classes: labels %v, %v", two.Label(0), two.Label(1))
	}
	for _, k := range []int{2, 3, 5} {
		kind := engine.ClassLabels(k)
		for c := range k {
			if got := kind.Class(kind.Label(c)); got != c {
				t.Errorf("%d classes: Class(Label(%d)) = %d", k, c, got)
			}
		}
	}
	five := engine.ClassLabels(5)
	if five.Class(-3) != 0 || five.Class(9) != 4 || five.Class(2.5) != 2 {
		t.Errorf("five classes: out-of-range labels give %d, %d, %d", five.Class(-3), five.Class(9), five.Class(2.5))
	}
	for name, f := range map[string]func(){
		"one class":       func() { engine.ClassLabels(1) },
		"class of a real": func() { engine.RealLabels.Class(0.5) },
		"label of a real": func() { engine.RealLabels.Label(0) },
		"class too large": func() { two.Label(2) },
		"negative class":  func() { two.Label(-1) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}

// TestDatasetLabels checks that every dataset's points carry labels of its
// kind: for classes exactly the label of a class.
func TestDatasetLabels(t *testing.T) {
	t.Parallel()
	for _, d := range engine.Datasets() {
		kind := d.Labels()
		if kind.Real() != d.Regression() {
			t.Errorf("%s: Labels %+v, Regression %v", d.Name(), kind, d.Regression())
		}
		seen := map[int]bool{}
		for _, p := range d.Generate(rand.New(rand.NewPCG(1, 2)), d.Size(), 0.5) {
			if kind.Real() {
				continue
			}
			c := kind.Class(p.Label)
			if kind.Label(c) != p.Label {
				t.Fatalf("%s: label %v is no class's", d.Name(), p.Label)
			}
			seen[c] = true
		}
		if !kind.Real() && len(seen) != kind.Classes() {
			t.Errorf("%s: %d of %d classes drawn", d.Name(), len(seen), kind.Classes())
		}
	}
}
