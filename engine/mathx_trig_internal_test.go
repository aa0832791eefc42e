package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestTrigAgreesWithMath checks the ports against package math: they are
// the same algorithms, so they agree to the last bit wherever math's are
// not fused (amd64 without FMA), and within an ulp anywhere.
func TestTrigAgreesWithMath(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for i := range 300000 {
		var x float64
		switch i % 3 {
		case 0:
			x = (rng.Float64() - 0.5) * 24 // the plane and beyond
		case 1:
			x = (rng.Float64() - 0.5) * 4e9 // past the Payne–Hanek threshold
		default:
			x = math.Ldexp(rng.Float64(), rng.IntN(2000)-1000)
		}
		if d := ulps(sin(x), math.Sin(x)); d > 1 {
			t.Fatalf("sin(%v) = %v, math.Sin = %v (%d ulp)", x, sin(x), math.Sin(x), d)
		}
		if d := ulps(cos(x), math.Cos(x)); d > 1 && math.Abs(cos(x)) > 1e-300 {
			t.Fatalf("cos(%v) = %v, math.Cos = %v (%d ulp)", x, cos(x), math.Cos(x), d)
		}
		if y := math.Abs(x); y > 0 {
			if d := ulps(log(y), math.Log(y)); d > 1 {
				t.Fatalf("log(%v) = %v, math.Log = %v (%d ulp)", y, log(y), math.Log(y), d)
			}
		}
	}
}

func TestTrigSpecialCases(t *testing.T) {
	t.Parallel()
	inf := math.Inf(1)
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"sin(0)", sin(0), 0},
		{"sin(π/2)", sin(math.Pi / 2), 1},
		{"sin(−π/2)", sin(-math.Pi / 2), -1},
		{"cos(0)", cos(0), 1},
		{"cos(π)", cos(math.Pi), -1},
		{"log(1)", log(1), 0},
		{"log(e)", log(math.E), 1},
		{"log(0)", log(0), -inf},
		{"log(inf)", log(inf), inf},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if !math.Signbit(sin(math.Copysign(0, -1))) {
		t.Error("sin(−0) is not −0")
	}
	for _, v := range []float64{sin(inf), sin(-inf), sin(math.NaN()), cos(inf), cos(math.NaN()), log(-1), log(math.NaN())} {
		if !math.IsNaN(v) {
			t.Errorf("got %v, want NaN", v)
		}
	}
}
