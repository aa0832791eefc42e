package engine_test

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"nnplay/engine"
)

func TestActivationRegistry(t *testing.T) {
	t.Parallel()
	want := []string{"sigmoid", "tanh", "relu", "leaky-relu", "elu", "softplus", "silu", "linear", "step"}
	got := engine.Activations()
	if len(got) != len(want) {
		t.Fatalf("%d activations, want %d", len(got), len(want))
	}
	for i, a := range got {
		if a.Name() != want[i] {
			t.Errorf("activation %d is %q, want %q", i, a.Name(), want[i])
		}
		if a.Formula() == "" || a.DerivFormula() == "" {
			t.Errorf("%s has no formula", a.Name())
		}
		b, ok := engine.ActivationByName(a.Name())
		if !ok || b.Name() != a.Name() {
			t.Errorf("ActivationByName(%q) = %q, %v", a.Name(), b.Name(), ok)
		}
	}
	if _, ok := engine.ActivationByName("Sigmoid"); ok {
		t.Error("names are case-sensitive tokens")
	}
	got[0] = engine.Step
	if engine.Activations()[0].Name() != "sigmoid" {
		t.Error("Activations returned the registry itself, not a copy")
	}
}

func TestActivationValues(t *testing.T) {
	t.Parallel()
	e := math.E
	for _, tc := range []struct {
		act     engine.Activation
		z, y, d float64
	}{
		{engine.Sigmoid, 0, 0.5, 0.25},
		{engine.Sigmoid, 1000, 1, 0},
		{engine.Sigmoid, -1000, 0, 0},
		{engine.Tanh, 0, 0, 1},
		{engine.Tanh, 1000, 1, 0},
		{engine.Tanh, -1000, -1, 0},
		{engine.ReLU, -2, 0, 0},
		{engine.ReLU, 0, 0, 0},
		{engine.ReLU, 3, 3, 1},
		{engine.LeakyReLU, -2, -0.02, 0.01},
		{engine.LeakyReLU, 3, 3, 1},
		{engine.ELU, 1, 1, 1},
		{engine.ELU, -1000, -1, 0},
		{engine.ELU, 0, 0, 1},
		{engine.Softplus, 0, math.Ln2, 0.5},
		{engine.Softplus, 1000, 1000, 1},
		{engine.Softplus, -1000, 0, 0},
		{engine.SiLU, 0, 0, 0.5},
		{engine.SiLU, -1000, 0, 0},
		{engine.SiLU, 1000, 1000, 1},
		{engine.Linear, -7.5, -7.5, 1},
		{engine.Step, 0, 1, 0},
		{engine.Step, -1e-300, 0, 0},
		{engine.Step, 5, 1, 0},
	} {
		y := tc.act.Eval(tc.z)
		d := tc.act.Deriv(tc.z)
		if y != tc.y || d != tc.d {
			t.Errorf("%s(%v) = %v, f′ = %v; want %v, %v", tc.act.Name(), tc.z, y, d, tc.y, tc.d)
		}
	}
	// σ(1) = e/(1+e) and tanh(1) = (e²−1)/(e²+1), to within rounding.
	if y := engine.Sigmoid.Eval(1); math.Abs(y-e/(1+e)) > 1e-16 {
		t.Errorf("σ(1) = %v", y)
	}
	if y := engine.Tanh.Eval(1); math.Abs(y-(e*e-1)/(e*e+1)) > 2.3e-16 {
		t.Errorf("tanh(1) = %v", y)
	}
}

// TestActivationsFiniteAndBounded sweeps far out in both tails: no activation
// overflows or returns NaN for any finite z the link limits allow.
func TestActivationsFiniteAndBounded(t *testing.T) {
	t.Parallel()
	for _, a := range engine.Activations() {
		for _, z := range []float64{-8e6, -1e6, -1000, -745.2, -709.8, -50, -1e-300, 0, 1e-300, 50, 709.8, 745.2, 1000, 1e6, 8e6} {
			y := a.Eval(z)
			d := a.Deriv(z)
			if math.IsNaN(y) || math.IsInf(y, 0) || math.IsNaN(d) || math.IsInf(d, 0) {
				t.Errorf("%s(%v) = %v, f′ = %v", a.Name(), z, y, d)
			}
		}
	}
	for _, z := range []float64{-1000, -100, 100, 1000} {
		if y := engine.Sigmoid.Eval(z); y < 0 || y > 1 {
			t.Errorf("σ(%v) = %v out of [0, 1]", z, y)
		}
		if y := engine.Tanh.Eval(z); y < -1 || y > 1 {
			t.Errorf("tanh(%v) = %v out of [−1, 1]", z, y)
		}
	}
}

// TestDerivativesMatchFiniteDifferences checks every f′ against the central
// difference (f(z+h) − f(z−h)) / 2h away from the kinks at 0.
func TestDerivativesMatchFiniteDifferences(t *testing.T) {
	t.Parallel()
	const h = 1e-6
	for _, a := range engine.Activations() {
		for z := -6.0; z <= 6; z += 0.37 {
			if math.Abs(z) < 2*h {
				continue
			}
			want := (a.Eval(z+h) - a.Eval(z-h)) / (2 * h)
			got := a.Deriv(z)
			if math.Abs(got-want) > 1e-6*math.Max(1, math.Abs(want)) {
				t.Errorf("%s′(%v) = %v, finite difference %v", a.Name(), z, got, want)
			}
		}
	}
}

// TestDerivativeIdentities checks that the exact derivatives agree with the
// textbook forms σ(1 − σ) and 1 − tanh², which backprop uses, to within an
// ulp of 1: training's gradient and the page's f′ differ only where f′ is
// below the rounding of σ near 1.
func TestDerivativeIdentities(t *testing.T) {
	t.Parallel()
	const ulp1 = 0x1p-52
	for z := -40.0; z <= 40; z += 0.25 {
		s := engine.Sigmoid.Eval(z)
		if d := engine.Sigmoid.Deriv(z); math.Abs(d-s*(1-s)) > ulp1 {
			t.Errorf("σ′(%v) = %v, σ(1−σ) = %v", z, d, s*(1-s))
		}
		th := engine.Tanh.Eval(z)
		if d := engine.Tanh.Deriv(z); math.Abs(d-(1-th*th)) > ulp1 {
			t.Errorf("tanh′(%v) = %v, 1−tanh² = %v", z, d, 1-th*th)
		}
		if d := engine.Softplus.Deriv(z); d != s {
			t.Errorf("softplus′(%v) = %v, σ = %v", z, d, s)
		}
		// tanh(z) = 2σ(2z) − 1.
		if d := math.Abs(th - (2*engine.Sigmoid.Eval(2*z) - 1)); d > 4e-16 {
			t.Errorf("tanh(%v) − (2σ(2z) − 1) = %v", z, d)
		}
	}
}

func TestZeroActivationPanics(t *testing.T) {
	t.Parallel()
	var a engine.Activation
	if !panics(func() { a.Eval(1) }) || !panics(func() { a.Deriv(1) }) {
		t.Error("the zero Activation did not panic")
	}
}

func TestFormulasNameTheFunction(t *testing.T) {
	t.Parallel()
	for _, a := range engine.Activations() {
		if !strings.Contains(a.DerivFormula(), "′") {
			t.Errorf("%s: derivative formula %q has no prime", a.Name(), a.DerivFormula())
		}
	}
}

// TestFormulasHoldNoWords checks that every formula the engine gives is
// typeset (no ASCII ^) and holds no words, only the functions' symbols:
// the words around a formula come from the page's language.
func TestFormulasHoldNoWords(t *testing.T) {
	t.Parallel()
	symbols := map[string]bool{"tanh": true, "ReLU": true, "LeakyReLU": true, "ELU": true, "softplus": true,
		"SiLU": true, "step": true, "max": true, "ln": true, "exp": true}
	var formulas []string
	for _, a := range engine.Activations() {
		formulas = append(formulas, a.Formula(), a.DerivFormula())
	}
	for _, o := range engine.Outputs() {
		formulas = append(formulas, o.Formula(), o.Loss().Formula())
	}
	for _, r := range engine.Regularizations() {
		formulas = append(formulas, r.Formula())
	}
	for _, f := range formulas {
		if strings.Contains(f, "^") {
			t.Errorf("%q is not typeset", f)
		}
		// Sub- and superscript letters (ⱼ, ᶻ) are modifiers, not words.
		words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) || unicode.Is(unicode.Lm, r) })
		for _, w := range words {
			if len([]rune(w)) > 1 && !symbols[w] {
				t.Errorf("%q holds the word %q", f, w)
			}
		}
	}
}

// panics reports whether f panics.
func panics(f func()) (panicked bool) {
	defer func() { panicked = recover() != nil }()
	f()
	return false
}
