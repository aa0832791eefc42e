package view

import (
	"math"
	"testing"
)

func TestNum(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {0.5, "0.5"}, {-0.25, "−0.25"}, {1.0 / 3, "0.333333"},
		{0.6791786991753931, "0.679179"}, {1e6, "1·10⁶"}, {-1.5e-7, "−1.5·10⁻⁷"},
		{123456789, "1.23457·10⁸"}, {math.Inf(-1), "−∞"}, {math.NaN(), "NaN"},
	} {
		if got := Num(tc.v); got != tc.want {
			t.Errorf("Num(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
	if Term(-2) != "(−2)" || Term(2) != "2" || TermExact(-0.125) != "(−0.125)" {
		t.Errorf("Term: %q %q %q", Term(-2), Term(2), TermExact(-0.125))
	}
	if Input(-1e6) != "-1000000" || Input(1e-7) != "1e-07" || Input(0.1) != "0.1" {
		t.Errorf("Input: %q %q %q", Input(-1e6), Input(1e-7), Input(0.1))
	}
	if Sub(12) != "₁₂" {
		t.Errorf("Sub(12) = %q", Sub(12))
	}
}
