package engine

// Grid and GridsTo give a network's values over the plane as float64s,
// where BoundaryTo gives bytes. Nothing outside the tests needs them, so
// they live here: TestTrainingDeterminism hashes them and TestBoundary
// checks BoundaryTo's bytes against them.

// Grid is a float64 value for each cell of an N×N grid over the plane,
// such as a neuron's output: column c is at x₁ = X(c), row r at x₂ = Y(r),
// and rows go upwards (row 0 is at the bottom, x₂ near −PlaneRange).
type Grid struct {
	N      int
	Values []float64 // row-major, len N·N
}

// Dims returns the number of columns and rows, both N.
func (g Grid) Dims() (c, r int) { return g.N, g.N }

// Z returns the value of the cell in column c and row r.
func (g Grid) Z(c, r int) float64 { return g.Values[r*g.N+c] }

// X returns the x₁ coordinate of the centre of column c.
func (g Grid) X(c int) float64 { return GridCoord(c, g.N) }

// Y returns the x₂ coordinate of the centre of row r.
func (g Grid) Y(r int) float64 { return GridCoord(r, g.N) }

// GridsTo evaluates m, whose inputs are the features fs, over an n×n grid
// of the plane and stores the output's values and then each hidden
// neuron's, in the order of BoundaryTo, as Grids (rows upwards, values as
// computed: a sigmoid output's probability, a ReLU's unclamped output).
// It returns dst resliced to 1 + hidden neurons, reusing the Grids'
// storage when it is large enough. It panics as BoundaryTo does.
func GridsTo(dst []Grid, m *MLP, fs []Feature, n int) []Grid {
	checkGrid(m, fs, n)
	k := 1 + m.hiddenNeurons()
	if cap(dst) >= k {
		dst = dst[:k]
	} else {
		dst = append(dst[:cap(dst)], make([]Grid, k-cap(dst))...)
	}
	for i := range dst {
		dst[i].N = n
		dst[i].Values = resize(dst[i].Values, n*n)
	}
	m.ensure(n)
	in := newGridInputs(fs, n)
	last := len(m.sizes) - 1
	for r := range n {
		m.forward(in.row(r, false), n)
		copy(dst[0].Values[r*n:][:n], m.a[last][:n])
		k := 1
		for l := 1; l < last; l++ {
			size := m.sizes[l]
			a := m.a[l][:n*size]
			for j := range size {
				v := dst[k].Values[r*n:][:n]
				for c := range v {
					v[c] = a[c*size+j]
				}
				k++
			}
		}
	}
	return dst
}

// GridsTo stores the values of the output and every hidden neuron over an
// n×n grid of the plane in dst, as the function GridsTo does.
func (p *Playground) GridsTo(dst []Grid, n int) []Grid {
	return GridsTo(dst, p.mlp, p.cfg.Features, n)
}
