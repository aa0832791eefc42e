package view

import (
	"os"
	"regexp"
	"testing"

	"nnplay/engine"
)

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// TestActivationColors checks that each activation of the registry has its
// own colour, and that the first nine keep the Okabe–Ito colours the
// charts have always had.
func TestActivationColors(t *testing.T) {
	t.Parallel()
	seen := map[string]string{}
	for i, a := range engine.Activations() {
		c := ActivationColor(a.Name())
		if other, ok := seen[c]; ok {
			t.Errorf("%s and %s share the colour %s", other, a.Name(), c)
		}
		seen[c] = a.Name()
		if i < len(okabeIto) && c != okabeIto[i] {
			t.Errorf("%s: colour %s, want Okabe–Ito's %s", a.Name(), c, okabeIto[i])
		}
	}
	if c := ActivationColor("no-such"); c != okabeIto[0] {
		t.Errorf("unknown activation: %s", c)
	}
}

// TestSeriesColors checks that the series colours stay distinct well past
// the Okabe–Ito set, so a registry that grows never repeats a colour.
func TestSeriesColors(t *testing.T) {
	t.Parallel()
	const n = MaxSeries
	cs := SeriesColors(n)
	if len(cs) != n {
		t.Fatalf("%d colours, want %d", len(cs), n)
	}
	seen := map[string]int{}
	for i, c := range cs {
		if !hexColor.MatchString(c) {
			t.Errorf("colour %d: %q", i, c)
		}
		if j, ok := seen[c]; ok {
			t.Errorf("colours %d and %d are both %s", j, i, c)
		}
		seen[c] = i
		if i < len(okabeIto) && c != okabeIto[i] {
			t.Errorf("colour %d: %s, want %s", i, c, okabeIto[i])
		}
	}
	if got := SeriesColors(3); len(got) != 3 || got[2] != cs[2] {
		t.Errorf("SeriesColors(3) = %v", got)
	}
	// Pure hues and greys of the HSL conversion.
	for _, tc := range []struct {
		h, s, l int
		want    string
	}{{0, 100, 50, "#ff0000"}, {120, 100, 50, "#00ff00"}, {240, 100, 50, "#0000ff"}, {60, 100, 50, "#ffff00"}, {300, 100, 50, "#ff00ff"}, {0, 0, 50, "#808080"}, {0, 0, 100, "#ffffff"}} {
		if got := hslHex(tc.h, tc.s, tc.l); got != tc.want {
			t.Errorf("hsl(%d, %d%%, %d%%) = %s, want %s", tc.h, tc.s, tc.l, got, tc.want)
		}
	}
}

// TestClassColors checks the class palette: one colour per class of
// every dataset, the points' colours of each label kind, and the same
// colours in app.css's swatches.
func TestClassColors(t *testing.T) {
	t.Parallel()
	for _, d := range engine.Datasets() {
		if k := d.Labels().Classes(); k > ClassColors() {
			t.Errorf("%s has %d classes, the palette %d colours", d.Name(), k, ClassColors())
		}
	}
	seen := map[string]bool{ColorMid: true}
	for c := range ClassColors() {
		if col := ClassColor(c); seen[col] || !hexColor.MatchString(col) {
			t.Errorf("class %d: colour %s repeats or is malformed", c, col)
		} else {
			seen[col] = true
		}
	}
	two := engine.TwoClasses
	if PointColor(two, -1) != ClassColor(0) || PointColor(two, 1) != ClassColor(1) {
		t.Error("two classes: −1 should be class 0's colour, +1 class 1's")
	}
	if PointColor(engine.RealLabels, 0.5) != WeightColor(0.5) {
		t.Error("real labels should take the weights' scale")
	}
	if rgbNeg != [3]int{0xf5, 0x93, 0x22} || rgbPos != [3]int{0x08, 0x77, 0xbd} || rgbOf("#0072B2") != [3]int{0x00, 0x72, 0xb2} {
		t.Errorf("rgb %v %v", rgbNeg, rgbPos)
	}
	css, err := os.ReadFile("../static/app.css")
	if err != nil {
		t.Fatal(err)
	}
	for class, sel := range map[int]string{0: "neg", 1: "pos"} {
		m := regexp.MustCompile(`\.swatch\.` + sel + ` \{ background: (#[0-9a-f]{6}); \}`).FindSubmatch(css)
		if m == nil || string(m[1]) != ClassColor(class) {
			t.Errorf("app.css .swatch.%s: %q, want class %d's %s", sel, m, class, ClassColor(class))
		}
	}
}
