package engine

// MaxInputs is the largest number of inputs a Neuron may have in nnplay.
const MaxInputs = 8

// Neuron is a single artificial neuron:
//
//	z = w·x + b = w₁x₁ + … + wₙxₙ + b
//	a = f(z)
type Neuron struct {
	Weights    []float64
	Bias       float64
	Activation Activation
}

// Z returns the weighted sum w·x + b. The terms are added left to right,
// each product rounded before it is added, so the result is the same on
// every architecture. It panics if len(x) != len(n.Weights).
func (n Neuron) Z(x []float64) float64 {
	return Dot(n.Weights, x) + n.Bias
}

// Forward returns the weighted sum z and the output a = f(z).
// It panics if len(x) != len(n.Weights) or n.Activation is the zero value.
func (n Neuron) Forward(x []float64) (z, a float64) {
	z = n.Z(x)
	return z, n.Activation.Eval(z)
}

// Dot returns Σ w[i]·x[i], adding left to right with each product rounded
// (no FMA), so it is bit-identical everywhere. It panics if the lengths
// differ.
func Dot(w, x []float64) float64 {
	if len(w) != len(x) {
		panic("engine: slice lengths do not match")
	}
	var s float64
	for i, wi := range w {
		s += float64(wi * x[i])
	}
	return s
}

// CurveTo samples f on n evenly spaced points of [lo, hi], writing the
// points to z and f(z) to y, which it returns resliced to n. It panics if
// n < 2 or lo >= hi.
func CurveTo(z, y []float64, f Activation, lo, hi float64, n int) ([]float64, []float64) {
	if n < 2 || !(lo < hi) {
		panic("engine: bad curve range")
	}
	z = resize(z, n)
	y = resize(y, n)
	step := (hi - lo) / float64(n-1)
	for i := range n {
		zi := lo + float64(float64(i)*step)
		if i == n-1 {
			zi = hi
		}
		z[i] = zi
		y[i] = f.Eval(zi)
	}
	return z, y
}

// resize returns s with length n, reusing its storage when it is large enough.
func resize(s []float64, n int) []float64 {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]float64, n)
}
