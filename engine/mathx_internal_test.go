package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps returns the distance between a and b in units in the last place.
func ulps(a, b float64) uint64 {
	if a == b {
		return 0
	}
	ia, ib := int64(math.Float64bits(a)), int64(math.Float64bits(b))
	if (ia < 0) != (ib < 0) {
		return math.MaxUint64
	}
	if ia > ib {
		return uint64(ia - ib)
	}
	return uint64(ib - ia)
}

// TestPortableAgreesWithMath checks the ports against package math: they
// are the same algorithms, so they may differ from amd64's assembly Exp only
// in the last bits.
func TestPortableAgreesWithMath(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 200000 {
		// amd64's assembly math.Exp overflows early (exp(709.44) = +Inf,
		// though e^709.44 ≈ 1.3e308), so compare below that.
		x := (rng.Float64() - 0.5) * 1400
		if i%2 == 0 {
			x = (rng.Float64() - 0.5) * 4
		}
		// Each is within an ulp of e^x, so they are within two of each other.
		if d := ulps(exp(x), math.Exp(x)); d > 2 {
			t.Fatalf("exp(%v) = %v, math.Exp = %v (%d ulp)", x, exp(x), math.Exp(x), d)
		}
		// math.Tanh calls the assembly Exp, whose last-bit difference
		// 1 − 2/(s+1) can double.
		if d := ulps(tanh(x), math.Tanh(x)); d > 2 {
			t.Fatalf("tanh(%v) = %v, math.Tanh = %v (%d ulp)", x, tanh(x), math.Tanh(x), d)
		}
		if y := math.Abs(x); ulps(log1p(y), math.Log1p(y)) > 1 {
			t.Fatalf("log1p(%v) = %v, math.Log1p = %v", y, log1p(y), math.Log1p(y))
		}
	}
}

func TestPortableSpecialCases(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	for _, tc := range []struct {
		name string
		got  float64
		want float64
	}{
		{"exp(0)", exp(0), 1},
		{"exp(1)", exp(1), math.E},
		{"exp(-inf)", exp(-inf), 0},
		{"exp(inf)", exp(inf), inf},
		{"exp(1000)", exp(1000), inf},
		{"exp(-1000)", exp(-1000), 0},
		{"log1p(0)", log1p(0), 0},
		{"log1p(-1)", log1p(-1), -inf},
		{"log1p(inf)", log1p(inf), inf},
		{"log1p(e-1)", log1p(math.E - 1), 1},
		{"tanh(0)", tanh(0), 0},
		{"tanh(inf)", tanh(inf), 1},
		{"tanh(-inf)", tanh(-inf), -1},
		{"tanh(1000)", tanh(1000), 1},
		{"tanh(-1000)", tanh(-1000), -1},
		{"sigmoid(0)", sigmoid(0), 0.5},
		{"sigmoid(1000)", sigmoid(1000), 1},
		{"sigmoid(-1000)", sigmoid(-1000), 0},
		{"sigmoid(inf)", sigmoid(inf), 1},
		{"sigmoid(-inf)", sigmoid(-inf), 0},
		{"softplus(0)", softplus(0), math.Ln2},
		{"softplus(1000)", softplus(1000), 1000},
		{"softplus(-1000)", softplus(-1000), 0},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	for _, f := range []func(float64) float64{exp, log1p, tanh, sigmoid, softplus} {
		if !math.IsNaN(f(math.NaN())) {
			t.Errorf("NaN in, not NaN out")
		}
	}
	if !math.IsNaN(log1p(-2)) {
		t.Errorf("log1p(-2) is not NaN")
	}
}
