package engine

import "math/rand/v2"

// MLP is a fully connected feed-forward network (a multi-layer perceptron):
// an input layer, any number of hidden layers sharing one activation, and
// an Output layer.
//
// Layers are numbered from 0 (the inputs) to Layers() (the outputs). Layer
// l ≥ 1 computes, for each of its neurons j,
//
//	z_j = Σ_i w_ij·a_i + b_j     (the sum as in Neuron.Z)
//	a_j = f(z_j)
//
// from the outputs a_i of layer l−1, with f the hidden activation or, for
// the last layer, the Output's. The weights and biases are float64 and the
// results are bit-identical on every platform (see the package docs).
//
// An MLP keeps scratch space between calls, so its methods must not be
// called concurrently. The zero value has no layers; use NewMLP.
type MLP struct {
	sizes  []int
	hidden Activation
	hk     actKind
	out    Output

	// params holds every layer's weights then biases, layer after layer;
	// layer l's weights start at off[l], row-major in×out (w[i][j] from
	// input i to neuron j), and its out biases follow them. ParamsTo
	// exposes this order.
	params []float64
	off    []int

	grad    []float64 // like params
	snap    []float64 // params at the start of an epoch, to undo divergence
	z, a, d [][]float64
	rows    int // rows the scratch matrices hold
}

// NewMLP returns a network whose layers have the given sizes, from the
// inputs to the outputs, with all weights and biases zero (see Init).
// hidden is the activation of every hidden layer; it may be the zero
// Activation if there are no hidden layers.
//
// NewMLP panics if there are fewer than two sizes, a size is less than 1,
// out is the zero Output, or hidden is the zero Activation while there are
// hidden layers.
func NewMLP(sizes []int, hidden Activation, out Output) *MLP {
	if len(sizes) < 2 {
		panic("engine: an MLP needs an input and an output layer")
	}
	for _, s := range sizes {
		if s < 1 {
			panic("engine: layer size less than 1")
		}
	}
	if out.kind == outNone {
		panic("engine: zero Output")
	}
	if len(sizes) > 2 && hidden.f == nil {
		panic("engine: zero Activation")
	}
	m := &MLP{
		sizes:  append([]int(nil), sizes...),
		hidden: hidden,
		hk:     kindOf(hidden),
		out:    out,
		off:    make([]int, len(sizes)),
	}
	n := 0
	for l := 1; l < len(sizes); l++ {
		m.off[l] = n
		n += sizes[l-1]*sizes[l] + sizes[l]
	}
	m.params = make([]float64, n)
	return m
}

// Layers returns the number of layers after the input layer: the number of
// hidden layers plus one.
func (m *MLP) Layers() int { return len(m.sizes) - 1 }

// Sizes returns the number of neurons of each layer, from the inputs to the
// outputs. The returned slice is a copy.
func (m *MLP) Sizes() []int { return append([]int(nil), m.sizes...) }

// Hidden returns the activation of the hidden layers.
func (m *MLP) Hidden() Activation { return m.hidden }

// Output returns the output layer's kind.
func (m *MLP) Output() Output { return m.out }

// NumParams returns the number of weights and biases.
func (m *MLP) NumParams() int { return len(m.params) }

// targetWidth is the number of targets per example: one class index for
// softmax, one value per output unit otherwise.
func (m *MLP) targetWidth() int {
	if m.out.kind == outSoftmax {
		return 1
	}
	return m.sizes[len(m.sizes)-1]
}

// index returns the position of w_ij of layer l in params.
func (m *MLP) index(l, i, j int) int {
	if l < 1 || l >= len(m.sizes) || i < 0 || i >= m.sizes[l-1] || j < 0 || j >= m.sizes[l] {
		panic("engine: weight index out of range")
	}
	return m.off[l] + i*m.sizes[l] + j
}

// biasIndex returns the position of b_j of layer l in params.
func (m *MLP) biasIndex(l, j int) int {
	if l < 1 || l >= len(m.sizes) || j < 0 || j >= m.sizes[l] {
		panic("engine: bias index out of range")
	}
	return m.off[l] + m.sizes[l-1]*m.sizes[l] + j
}

// Weight returns the weight from neuron i of layer l−1 to neuron j of
// layer l. It panics if an index is out of range.
func (m *MLP) Weight(l, i, j int) float64 { return m.params[m.index(l, i, j)] }

// SetWeight sets the weight from neuron i of layer l−1 to neuron j of
// layer l. It panics if an index is out of range.
func (m *MLP) SetWeight(l, i, j int, w float64) { m.params[m.index(l, i, j)] = w }

// Bias returns the bias of neuron j of layer l. It panics if an index is
// out of range.
func (m *MLP) Bias(l, j int) float64 { return m.params[m.biasIndex(l, j)] }

// SetBias sets the bias of neuron j of layer l. It panics if an index is
// out of range.
func (m *MLP) SetBias(l, j int, b float64) { m.params[m.biasIndex(l, j)] = b }

// ParamsTo copies every weight and bias to dst, which it returns resliced
// to NumParams, reusing its storage when it is large enough. The order is
// layer by layer from layer 1; within layer l, first the weights w_ij for
// i = 0 … sizes[l−1]−1 (outer) and j = 0 … sizes[l]−1 (inner), then the
// biases b_j.
func (m *MLP) ParamsTo(dst []float64) []float64 {
	dst = resize(dst, len(m.params))
	copy(dst, m.params)
	return dst
}

// SetParams sets every weight and bias from p, in the order of ParamsTo.
// It panics if len(p) != NumParams().
func (m *MLP) SetParams(p []float64) {
	if len(p) != len(m.params) {
		panic("engine: wrong number of parameters")
	}
	copy(m.params, p)
}

// Init sets the weights and biases by TensorFlow Playground's rule: every
// weight uniform in [−0.5, 0.5), drawn with rng neuron by neuron (layer l,
// neuron j, then its weights from i = 0 up), and every bias 0.1.
func (m *MLP) Init(rng *rand.Rand) {
	for l := 1; l < len(m.sizes); l++ {
		in, out := m.sizes[l-1], m.sizes[l]
		w := m.params[m.off[l]:][:in*out]
		for j := range out {
			for i := range in {
				w[i*out+j] = rng.Float64() - 0.5
			}
		}
		b := m.params[m.off[l]+in*out:][:out]
		for j := range b {
			b[j] = 0.1
		}
	}
}

// Neuron returns neuron j of layer l as a Neuron, with a copy of its
// weights, so that the page can show its arithmetic. An output neuron has
// the Output's activation; a softmax output, which no single neuron
// computes, gets Linear (its z). It panics if an index is out of range.
func (m *MLP) Neuron(l, j int) Neuron {
	b := m.biasIndex(l, j)
	in, out := m.sizes[l-1], m.sizes[l]
	w := make([]float64, in)
	for i := range w {
		w[i] = m.params[m.off[l]+i*out+j]
	}
	act := m.hidden
	if l == len(m.sizes)-1 {
		switch m.out.kind {
		case outSigmoid:
			act = Sigmoid
		case outTanh:
			act = Tanh
		default:
			act = Linear
		}
	}
	return Neuron{Weights: w, Bias: m.params[b], Activation: act}
}

// weights returns layer l's weight matrix and biases.
func (m *MLP) weights(l int) (w, b []float64) {
	in, out := m.sizes[l-1], m.sizes[l]
	return m.params[m.off[l]:][:in*out], m.params[m.off[l]+in*out:][:out]
}

// ensure sizes the scratch matrices for batches of up to rows examples.
func (m *MLP) ensure(rows int) {
	if rows <= m.rows && m.z != nil {
		return
	}
	rows = max(rows, m.rows)
	L := len(m.sizes)
	m.z, m.a, m.d = make([][]float64, L), make([][]float64, L), make([][]float64, L)
	for l := 1; l < L; l++ {
		m.z[l] = make([]float64, rows*m.sizes[l])
		m.a[l] = make([]float64, rows*m.sizes[l])
		m.d[l] = make([]float64, rows*m.sizes[l])
	}
	m.rows = rows
}

// forward runs nb examples (x, row-major nb×inputs) through the network,
// leaving each layer's z and outputs in m.z and m.a.
func (m *MLP) forward(x []float64, nb int) {
	m.ensure(nb)
	a := x
	last := len(m.sizes) - 1
	for l := 1; l <= last; l++ {
		in, out := m.sizes[l-1], m.sizes[l]
		w, b := m.weights(l)
		z, y := m.z[l][:nb*out], m.a[l][:nb*out]
		denseForward(z, a, w, b, nb, in, out)
		if l < last {
			activate(m.hk, m.hidden, y, z)
		} else {
			m.out.forward(y, z, nb, out)
		}
		a = y
	}
}

// checkData panics unless x and t hold the same number of examples for m,
// and returns that number.
func (m *MLP) checkData(x, t []float64) int {
	in, tw := m.sizes[0], m.targetWidth()
	n := len(x) / in
	if len(x) != n*in || len(t) != n*tw {
		panic("engine: data lengths do not match the network")
	}
	return n
}

// evalRows is how many examples PredictTo and Evaluate run at once.
const evalRows = 128

// PredictTo computes the outputs for the examples in x (row-major, one row
// of Sizes()[0] inputs per example) and writes them to dst, one row of
// outputs per example; it returns dst resliced, reusing its storage when it
// is large enough. It panics if len(x) is not a multiple of the number of
// inputs.
func (m *MLP) PredictTo(dst, x []float64) []float64 {
	in, out := m.sizes[0], m.sizes[len(m.sizes)-1]
	n := len(x) / in
	if len(x) != n*in {
		panic("engine: data lengths do not match the network")
	}
	dst = resize(dst, n*out)
	for s := 0; s < n; s += evalRows {
		nb := min(evalRows, n-s)
		m.forward(x[s*in:], nb)
		copy(dst[s*out:], m.a[len(m.sizes)-1][:nb*out])
	}
	return dst
}
