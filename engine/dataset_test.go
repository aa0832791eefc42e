package engine_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"nnplay/engine"
)

func TestDatasetRegistry(t *testing.T) {
	t.Parallel()
	want := []struct {
		name       string
		regression bool
		size       int
	}{
		{"circle", false, 500}, {"xor", false, 500}, {"gauss", false, 500}, {"spiral", false, 500},
		{"reg-plane", true, 1200}, {"reg-gauss", true, 1200},
	}
	got := engine.Datasets()
	if len(got) != len(want) {
		t.Fatalf("%d datasets, want %d", len(got), len(want))
	}
	for i, d := range got {
		if d.Name() != want[i].name || d.Regression() != want[i].regression || d.Size() != want[i].size {
			t.Errorf("dataset %d = %s %v %d, want %v", i, d.Name(), d.Regression(), d.Size(), want[i])
		}
		if b, ok := engine.DatasetByName(d.Name()); !ok || b.Name() != d.Name() {
			t.Errorf("DatasetByName(%q) = %q, %v", d.Name(), b.Name(), ok)
		}
	}
	if _, ok := engine.DatasetByName("Circle"); ok {
		t.Error("names are case-sensitive tokens")
	}
	got[0] = engine.Spiral
	if engine.Datasets()[0].Name() != "circle" {
		t.Error("Datasets returned the registry itself, not a copy")
	}
}

// TestDatasetsGenerate checks every dataset at every noise level: the
// count, the plane, the labels and their balance.
func TestDatasetsGenerate(t *testing.T) {
	t.Parallel()
	for _, d := range engine.Datasets() {
		for _, noise := range []float64{0, 0.25, 0.5} {
			pts := d.Generate(rand.New(rand.NewPCG(1, 1)), d.Size(), noise)
			if len(pts) != d.Size() {
				t.Fatalf("%s: %d points, want %d", d.Name(), len(pts), d.Size())
			}
			pos := 0
			for _, p := range pts {
				if !(math.Abs(p.X) <= engine.PlaneRange && math.Abs(p.Y) <= engine.PlaneRange) {
					t.Fatalf("%s noise %v: point %v off the plane", d.Name(), noise, p)
				}
				switch {
				case d.Regression():
					// reg-plane's label is (x₁ + x₂)/10 plus noise: at most 1.8.
					if !(math.Abs(p.Label) <= 1.8) {
						t.Fatalf("%s: label %v", d.Name(), p.Label)
					}
				case p.Label == 1:
					pos++
				case p.Label != -1:
					t.Fatalf("%s: label %v, want ±1", d.Name(), p.Label)
				}
			}
			if !d.Regression() && (pos < len(pts)/4 || pos > 3*len(pts)/4) {
				t.Errorf("%s noise %v: %d of %d positive", d.Name(), noise, pos, len(pts))
			}
		}
	}
}

// TestDatasetsNoNoise checks the noise-free labels against each dataset's
// definition.
func TestDatasetsNoNoise(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(2, 2))
	for _, p := range engine.Circle.Generate(rng, 500, 0) {
		r := math.Hypot(p.X, p.Y)
		if (r < 2.5) != (p.Label == 1) || (r > 2.5 && r < 3.5) || r > 5 {
			t.Fatalf("circle: %v at radius %v", p, r)
		}
	}
	for _, p := range engine.XOR.Generate(rng, 500, 0) {
		if (p.X*p.Y >= 0) != (p.Label == 1) || math.Abs(p.X) < 0.3 || math.Abs(p.Y) < 0.3 {
			t.Fatalf("xor: %v", p)
		}
	}
	for _, p := range engine.Gauss.Generate(rng, 500, 0) {
		if (p.X+p.Y > 0) != (p.Label == 1) && math.Abs(p.X+p.Y) > 4 {
			t.Fatalf("gauss: %v far on the wrong side", p)
		}
	}
	sp := engine.Spiral.Generate(rng, 500, 0)
	if sp[0].X != 0 || sp[0].Y != 0 || sp[0].Label != 1 || sp[250].Label != -1 {
		t.Errorf("spiral starts at %v, %v", sp[0], sp[250])
	}
	for _, p := range engine.RegPlane.Generate(rng, 1200, 0) {
		if math.Abs(p.Label-(p.X+p.Y)/10) > 1e-15 {
			t.Fatalf("reg-plane: %v", p)
		}
	}
	for _, p := range engine.RegGauss.Generate(rng, 1200, 0) {
		if math.Abs(p.Label) > 1 {
			t.Fatalf("reg-gauss: %v", p)
		}
	}
	// At a bump's centre the label is its sign.
	if l := engine.RegGauss.Generate(rand.New(rand.NewPCG(3, 3)), 1, 0)[0]; math.IsNaN(l.Label) {
		t.Errorf("reg-gauss label %v", l)
	}
}

func TestDatasetDeterministic(t *testing.T) {
	t.Parallel()
	for _, d := range engine.Datasets() {
		a := d.Generate(rand.New(rand.NewPCG(7, 7)), 100, 0.3)
		b := d.Generate(rand.New(rand.NewPCG(7, 7)), 100, 0.3)
		c := d.Generate(rand.New(rand.NewPCG(8, 7)), 100, 0.3)
		if !slices.Equal(a, b) {
			t.Errorf("%s: same seed, different points", d.Name())
		}
		if slices.Equal(a, c) {
			t.Errorf("%s: different seeds, same points", d.Name())
		}
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	pts := engine.Circle.Generate(rand.New(rand.NewPCG(1, 1)), 500, 0)
	orig := slices.Clone(pts)
	for _, tc := range []struct{ n, pct, train int }{
		{500, 50, 250}, {500, 10, 50}, {500, 90, 450}, {7, 50, 3}, {2, 10, 1}, {2, 90, 1}, {3, 90, 2}, {1, 50, 0}, {0, 50, 0},
	} {
		train, test := engine.Split(pts[:tc.n], tc.pct, rand.New(rand.NewPCG(1, 2)))
		if len(train) != tc.train || len(test) != tc.n-tc.train {
			t.Errorf("Split(%d, %d%%) = %d + %d, want %d + %d", tc.n, tc.pct, len(train), len(test), tc.train, tc.n-tc.train)
		}
		all := append(slices.Clone(train), test...)
		cmp := func(a, b engine.Point) int {
			if a.X != b.X {
				if a.X < b.X {
					return -1
				}
				return 1
			}
			if a.Y < b.Y {
				return -1
			}
			if a.Y > b.Y {
				return 1
			}
			return 0
		}
		slices.SortFunc(all, cmp)
		want := slices.Clone(pts[:tc.n])
		slices.SortFunc(want, cmp)
		if !slices.Equal(all, want) {
			t.Errorf("Split(%d, %d%%) is not a partition of the points", tc.n, tc.pct)
		}
	}
	if !slices.Equal(pts, orig) {
		t.Error("Split modified its input")
	}
	a, _ := engine.Split(pts, 50, rand.New(rand.NewPCG(5, 5)))
	b, _ := engine.Split(pts, 50, rand.New(rand.NewPCG(5, 5)))
	if !slices.Equal(a, b) {
		t.Error("Split is not deterministic")
	}
	if slices.Equal(a, pts[:250]) {
		t.Error("Split did not shuffle")
	}
}

func TestDatasetPanics(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for name, f := range map[string]func(){
		"zero dataset":   func() { engine.Dataset{}.Generate(rng, 10, 0) },
		"negative count": func() { engine.Circle.Generate(rng, -1, 0) },
		"noise > 1":      func() { engine.Circle.Generate(rng, 10, 1.5) },
		"noise NaN":      func() { engine.Circle.Generate(rng, 10, math.NaN()) },
		"split 101 %":    func() { engine.Split(nil, 101, rng) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}

func TestFeatureRegistry(t *testing.T) {
	t.Parallel()
	want := []struct{ name, label string }{
		{"x1", "x₁"}, {"x2", "x₂"}, {"x1sq", "x₁²"}, {"x2sq", "x₂²"}, {"x1x2", "x₁x₂"}, {"sinx1", "sin x₁"}, {"sinx2", "sin x₂"},
	}
	got := engine.Features()
	if len(got) != len(want) {
		t.Fatalf("%d features, want %d", len(got), len(want))
	}
	for i, f := range got {
		if f.Name() != want[i].name || f.Label() != want[i].label {
			t.Errorf("feature %d = %s %s, want %v", i, f.Name(), f.Label(), want[i])
		}
		if g, ok := engine.FeatureByName(f.Name()); !ok || g.Name() != f.Name() {
			t.Errorf("FeatureByName(%q) = %q, %v", f.Name(), g.Name(), ok)
		}
	}
	if _, ok := engine.FeatureByName("x"); ok {
		t.Error("found feature x")
	}
	x1, x2 := 1.5, -2.0
	vals := []float64{1.5, -2, 2.25, 4, -3, math.Sin(1.5), math.Sin(-2)}
	for i, f := range got {
		if v := f.Eval(x1, x2); math.Abs(v-vals[i]) > 1e-15 {
			t.Errorf("%s(1.5, −2) = %v, want %v", f.Name(), v, vals[i])
		}
	}
	if d := engine.DefaultFeatures(); len(d) != 2 || d[0].Name() != "x1" || d[1].Name() != "x2" {
		t.Errorf("DefaultFeatures() = %v", d)
	}
	if !panics(func() { engine.Feature{}.Eval(0, 0) }) {
		t.Error("zero Feature did not panic")
	}
}

func TestFeaturesTo(t *testing.T) {
	t.Parallel()
	fs := []engine.Feature{engine.FeatureX1X2, engine.FeatureX2, engine.FeatureSinX1}
	pts := []engine.Point{{X: 1, Y: 2}, {X: -3, Y: 0.5}}
	got := engine.FeaturesTo(make([]float64, 1, 100), fs, pts)
	want := []float64{2, 2, math.Sin(1), -1.5, 0.5, math.Sin(-3)}
	if len(got) != len(want) || cap(got) != 100 {
		t.Fatalf("len %d cap %d", len(got), cap(got))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-15 {
			t.Errorf("FeaturesTo[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestFeatureHeatmap(t *testing.T) {
	t.Parallel()
	h := engine.FeatureX1.HeatmapTo(nil, 4)
	// Columns at x₁ = −4.5, −1.5, 1.5, 4.5 → s = −0.75, −0.25, 0.25, 0.75.
	want := []byte{32, 95, 159, 222}
	for r := range 4 {
		if !slices.Equal(h[r*4:r*4+4], want) {
			t.Errorf("row %d = %v, want %v", r, h[r*4:r*4+4], want)
		}
	}
	h = engine.FeatureX2.HeatmapTo(h, 4)
	if h[0] != 222 || h[12] != 32 {
		t.Errorf("x₂ heatmap starts %v … %v: row 0 should be the top", h[0], h[12])
	}
	if h := engine.FeatureX1Squared.HeatmapTo(nil, 2); h[0] != 159 { // x₁ = ±3: s = 9/36
		t.Errorf("x₁² heatmap %v", h)
	}
}
