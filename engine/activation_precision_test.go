package engine_test

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
)

// maxActivationUlps is how far from the exact value an activation or its
// derivative may be: a few roundings of exp, a sum and a quotient.
const maxActivationUlps = 4

// TestActivationsAgainstMpmath compares every activation and derivative
// with testdata/activations.txt, computed at 100 digits by
// testdata/gen_activations.py, at ±1e-9, ±0.5, ±20, ±50, ±700, ±745, ±1000
// and 1,000 random points: each within maxActivationUlps of the exact
// value, which also rules out a 0 or ∞ where the exact value is a normal
// float64.
func TestActivationsAgainstMpmath(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/activations.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	acts := engine.Activations()
	sc := bufio.NewScanner(f)
	rows := 0
	worst := make([][2]float64, len(acts))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Fields(line)
		if len(cols) != 1+2*len(acts) {
			t.Fatalf("%q: %d columns, want %d", line, len(cols), 1+2*len(acts))
		}
		v := make([]float64, len(cols))
		for i, c := range cols {
			if v[i], err = strconv.ParseFloat(c, 64); err != nil {
				t.Fatal(err)
			}
		}
		z := v[0]
		rows++
		for i, a := range acts {
			for j, got := range []float64{a.Eval(z), a.Deriv(z)} {
				want := v[1+2*i+j]
				u := ulps(got, want)
				worst[i][j] = max(worst[i][j], u)
				if u > maxActivationUlps {
					t.Errorf("%s%s(%v) = %v, want %v (%.3g ulps)", a.Name(), []string{"", "′"}[j], z, got, want, u)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows != 14+1000 {
		t.Errorf("%d points in the table, want 1014", rows)
	}
	for i, a := range acts {
		t.Logf("%-10s worst f %.2f ulps, f′ %.2f ulps", a.Name(), worst[i][0], worst[i][1])
	}
}

// ulps returns |got − want| in units of the last place of want (of the
// smallest subnormal, where want is subnormal or 0); NaN and a wrong
// infinity count as +Inf.
func ulps(got, want float64) float64 {
	if got == want {
		return 0
	}
	if math.IsNaN(got) || math.IsInf(got, 0) || math.IsInf(want, 0) {
		return math.Inf(1)
	}
	a := math.Abs(want)
	ulp := math.Nextafter(a, math.Inf(1)) - a
	return math.Abs(got-want) / ulp
}
