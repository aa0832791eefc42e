package engine

import "math"

// PlaneRange is the half-width of the playground's plane: inputs and
// heatmaps cover [−PlaneRange, PlaneRange]², as in TensorFlow Playground.
const PlaneRange = 6

// MaxGridSize is the largest heatmap resolution, in cells per side:
// TensorFlow Playground's 100.
const MaxGridSize = 100

// Heatmap byte codes (see BoundaryTo).
const (
	HeatmapZero = 127 // the byte of the value 0, the middle of the scale
	HeatmapMax  = 254 // the byte of +1; 0 is the byte of −1
	HeatmapNaN  = 255 // the byte of NaN
)

// GridCoord returns the centre of cell i of n along either axis of the
// plane: −PlaneRange + (i + ½)·2·PlaneRange/n.
func GridCoord(i, n int) float64 {
	return float64(float64(2*i+1-n)*PlaneRange) / float64(n)
}

// heatByte encodes s, a value on the scale [−1, 1], as a heatmap byte. The
// clamps are written so that they compile to selects, not branches: a
// branch costs a trip through the function's block dispatcher under wasm.
func heatByte(s float64) byte {
	u := math.Float64bits(s)
	if s > 1 {
		u = 0x3ff0000000000000 // 1
	}
	if s < -1 {
		u = 0xbff0000000000000 // −1
	}
	v := math.Float64frombits(u)
	b := int(float64(HeatmapZero*v) + (HeatmapZero + 0.5))
	if v != v {
		b = HeatmapNaN
	}
	return byte(b)
}

// heatBytesTo writes to dst the heatmap bytes of a[c·stride + j] for each
// cell c, stretched from [0, 1] to [−1, 1] if unit is set.
func heatBytesTo(dst []byte, a []float64, stride, j int, unit bool) {
	if unit {
		for c := range dst {
			dst[c] = heatByte(float64(2*a[c*stride+j]) - 1)
		}
		return
	}
	for c := range dst {
		dst[c] = heatByte(a[c*stride+j])
	}
}

// unitRange reports whether the activation's values lie in [0, 1], so that
// heatmaps stretch them over the whole scale.
func unitRange(a Activation) bool { return a.name == "sigmoid" || a.name == "step" }

// gridInputs builds the network inputs of a grid's rows. A feature of x₁
// alone is computed once per column, one of x₂ alone once per row, so a row
// costs no call per cell; the values are those of Feature.Eval.
type gridInputs struct {
	fs  []Feature
	n   int
	col []float64 // col[i·n + c]: feature i at column c, for features of x₁
	x   []float64 // the row's inputs, n rows of len(fs)
}

func newGridInputs(fs []Feature, n int) *gridInputs {
	g := &gridInputs{fs: fs, n: n, col: make([]float64, len(fs)*n), x: make([]float64, n*len(fs))}
	for i, f := range fs {
		for c := range n {
			g.col[i*n+c] = f.Eval(GridCoord(c, n), 0)
		}
	}
	return g
}

// row returns the inputs of row r, counted from the bottom, or from the
// top if top is set.
func (g *gridInputs) row(r int, top bool) []float64 {
	n, nf := g.n, len(g.fs)
	if top {
		r = n - 1 - r
	}
	y := GridCoord(r, n)
	x := g.x[:n*nf]
	for i, f := range g.fs {
		switch f.kind {
		case featX1, featX1Sq, featSinX1:
			col := g.col[i*n:][:n]
			for c, v := range col {
				x[c*nf+i] = v
			}
		case featX1X2:
			for c := range n {
				x[c*nf+i] = float64(GridCoord(c, n) * y)
			}
		default:
			v := f.Eval(0, y)
			for c := range n {
				x[c*nf+i] = v
			}
		}
	}
	return x
}

func checkGrid(m *MLP, fs []Feature, n int) {
	if n < 1 || n > MaxGridSize {
		panic("engine: grid size out of range")
	}
	if len(fs) != m.sizes[0] {
		panic("engine: features do not match the network's inputs")
	}
	if m.sizes[len(m.sizes)-1] != 1 {
		panic("engine: heatmaps need a network with one output")
	}
}

// hiddenNeurons returns the number of neurons in m's hidden layers.
func (m *MLP) hiddenNeurons() int {
	h := 0
	for _, s := range m.sizes[1 : len(m.sizes)-1] {
		h += s
	}
	return h
}

// BoundaryTo evaluates m, whose inputs are the features fs, over an n×n
// grid of the plane and writes one heatmap byte per cell to dst: first the
// output's n×n heatmap (the decision boundary), then one for each hidden
// neuron, layer by layer, neuron by neuron. It returns dst resliced to
// (1 + hidden neurons)·n², reusing its storage when it is large enough.
//
// Within a heatmap, cells are row-major with row 0 at the top (x₂ near
// +PlaneRange), the order of a canvas's ImageData. A byte encodes a value s
// of the scale [−1, 1] as round(127·(s + 1)), so 0 is −1, HeatmapZero is 0
// and HeatmapMax is +1; values outside the scale are clamped and NaN is
// HeatmapNaN. A neuron whose values lie in [0, 1] (a sigmoid output,
// sigmoid or step hidden neurons) shows s = 2a − 1, so that a sigmoid
// output's 0.5 is the middle of the scale; others show s = a.
//
// BoundaryTo panics if n is not in [1, MaxGridSize], len(fs) differs from
// m's inputs, or m has more than one output.
func BoundaryTo(dst []byte, m *MLP, fs []Feature, n int) []byte {
	checkGrid(m, fs, n)
	cells := n * n
	dst = dst[:0]
	if need := (1 + m.hiddenNeurons()) * cells; cap(dst) >= need {
		dst = dst[:need]
	} else {
		dst = make([]byte, need)
	}
	m.ensure(n)
	in := newGridInputs(fs, n)
	last := len(m.sizes) - 1
	outUnit := m.out.kind == outSigmoid
	hidUnit := unitRange(m.hidden)
	for r := range n {
		m.forward(in.row(r, true), n)
		heatBytesTo(dst[r*n:][:n], m.a[last][:n], 1, 0, outUnit)
		k := 1
		for l := 1; l < last; l++ {
			size := m.sizes[l]
			for j := range size {
				heatBytesTo(dst[k*cells+r*n:][:n], m.a[l][:n*size], size, j, hidUnit)
				k++
			}
		}
	}
	return dst
}

// HeatmapTo writes the feature's heatmap over an n×n grid of the plane to
// dst, as BoundaryTo does for neurons, with the feature divided by its
// largest |value| on the plane (6 for x₁, 36 for x₁², 1 for sin x₁), and
// returns dst resliced to n², reusing its storage when it is large enough.
// It panics if f is the zero Feature or n is not in [1, MaxGridSize].
func (f Feature) HeatmapTo(dst []byte, n int) []byte {
	if n < 1 || n > MaxGridSize {
		panic("engine: grid size out of range")
	}
	if f.kind == featNone {
		panic("engine: zero Feature")
	}
	if cap(dst) >= n*n {
		dst = dst[:n*n]
	} else {
		dst = make([]byte, n*n)
	}
	for r := range n {
		y := GridCoord(n-1-r, n)
		for c := range n {
			dst[r*n+c] = heatByte(f.Eval(GridCoord(c, n), y) / f.max)
		}
	}
	return dst
}
