package engine

import (
	"math"
	"math/rand/v2"
	"testing"
)

// activationInputs returns a dense sweep of [−50, 50] plus the edges of
// every branch of exp, tanh and σ, the tails and the special values.
func activationInputs() []float64 {
	var z []float64
	for i := -20000; i <= 20000; i++ {
		z = append(z, float64(i)/400)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for range 20000 {
		z = append(z, (rng.Float64()-0.5)*100, (rng.Float64()-0.5)*3)
	}
	const maxLog = 8.8029691931113054295988e+01
	for _, e := range []float64{0.625, 0.5 * maxLog, 0.5 / (1 << 28), 1.0 / (1 << 28), 708, 709, 745.2, 1000, 8e6} {
		for _, v := range []float64{e, math.Nextafter(e, 0), math.Nextafter(e, math.Inf(1))} {
			z = append(z, v, -v)
		}
	}
	return append(z, 0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324, -5e-324)
}

func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}

// TestWrittenOutActivationsMatch checks that the hot loops' written-out
// activations and derivatives give exactly the bits of the registry's
// functions, for every activation.
func TestWrittenOutActivationsMatch(t *testing.T) {
	t.Parallel()
	z := activationInputs()
	y := make([]float64, len(z))
	d := make([]float64, len(z))
	for _, a := range Activations() {
		k := kindOf(a)
		activate(k, a, y, z)
		for i := range d {
			d[i] = 1.5
		}
		activateDeriv(k, a, d, z, y)
		bad := 0
		for i, v := range z {
			wy := a.Eval(v)
			wd := float64(1.5 * a.df(v, wy)) // backprop's f′, not the exact Deriv
			if !sameBits(y[i], wy) || !sameBits(d[i], wd) {
				if bad++; bad < 5 {
					t.Errorf("%s(%v) = %v, f′ = %v; registry %v, %v", a.Name(), v, y[i], d[i], wy, wd)
				}
			}
		}
	}
	// The outputs' own loops.
	sigmoidTo(y, z)
	tanhTo(d, z)
	for i, v := range z {
		if !sameBits(y[i], sigmoid(v)) || !sameBits(d[i], tanh(v)) {
			t.Fatalf("at %v: σ %v, %v; tanh %v, %v", v, y[i], sigmoid(v), d[i], tanh(v))
		}
	}
}

func TestKindOf(t *testing.T) {
	t.Parallel()
	want := map[string]actKind{"tanh": actTanh, "sigmoid": actSigmoid, "relu": actReLU, "leaky-relu": actLeakyReLU, "linear": actLinear}
	for _, a := range Activations() {
		if got := kindOf(a); got != want[a.Name()] {
			t.Errorf("kindOf(%s) = %d, want %d", a.Name(), got, want[a.Name()])
		}
	}
}

// TestKernelsMatchNaive compares the blocked loops with the plain
// definitions, bit for bit, on every remainder of the blocking.
func TestKernelsMatchNaive(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	r := func() float64 { return rng.Float64()*4 - 2 }
	type shape struct{ in, out int }
	var shapes []shape
	for _, in := range []int{1, 2, 3, 4, 5, 6, 7, 8, 13} {
		for _, out := range []int{1, 2, 3, 5, 8} {
			shapes = append(shapes, shape{in, out})
		}
	}
	// Past smallLayer: the blocked loops, with every remainder.
	shapes = append(shapes, shape{67, 33}, shape{64, 36}, shape{65, 34}, shape{66, 35}, shape{2049, 1})
	for _, sh := range shapes {
		in, out := sh.in, sh.out
		{
			for _, nb := range []int{1, 3, 4, 7, 10} {
				a, w, b, d := make([]float64, nb*in), make([]float64, in*out), make([]float64, out), make([]float64, nb*out)
				for _, s := range [][]float64{a, w, b, d} {
					for i := range s {
						s[i] = r()
					}
				}
				z := make([]float64, nb*out)
				denseForward(z, a, w, b, nb, in, out)
				gw, gb := make([]float64, in*out), make([]float64, out)
				denseGrad(gw, gb, a, d, nb, in, out)
				da := make([]float64, nb*in)
				denseBack(da, w, d, nb, in, out)
				for row := range nb {
					for j := range out {
						var s float64
						for i := range in {
							s += float64(a[row*in+i] * w[i*out+j])
						}
						if want := s + b[j]; !sameBits(z[row*out+j], want) {
							t.Fatalf("in %d out %d nb %d: z[%d][%d] = %v, want %v", in, out, nb, row, j, z[row*out+j], want)
						}
					}
					for i := range in {
						var s float64
						for j := range out {
							s += float64(w[i*out+j] * d[row*out+j])
						}
						if !sameBits(da[row*in+i], s) {
							t.Fatalf("in %d out %d nb %d: da[%d][%d] = %v, want %v", in, out, nb, row, i, da[row*in+i], s)
						}
					}
				}
				for j := range out {
					var sb float64
					for row := range nb {
						sb += d[row*out+j]
					}
					if !sameBits(gb[j], sb) {
						t.Fatalf("gb[%d] = %v, want %v", j, gb[j], sb)
					}
					for i := range in {
						var s float64
						for row := range nb {
							s += float64(a[row*in+i] * d[row*out+j])
						}
						if !sameBits(gw[i*out+j], s) {
							t.Fatalf("in %d out %d nb %d: gw[%d][%d] = %v, want %v", in, out, nb, i, j, gw[i*out+j], s)
						}
					}
				}
			}
		}
	}
}
