//go:build goexperiment.simd && amd64

package engine

import (
	"simd/archsimd"
	"sync"
)

// The dense layers' products with vector lanes along the output columns.
// Each lane keeps one sum in a register and adds its rounded products in
// the order mlp_kernels.go documents, so the bits are those of the pure-Go
// loops.

// gemm describes c[p][j] = init + Σ_q x[p·xp + q·xq]·y[q·ldy + j], q in
// order, for p < rows and j < cols, where init is c's value on entry if
// load is set and +0 otherwise; then bias[j] is added if bias is not nil.
type gemm struct {
	c         []float64
	ldc       int
	x         []float64
	xp, xq    int
	y         []float64
	ldy       int
	rows, sum int // p and q ranges
	cols      int
	load      bool
	bias      []float64
}

// minVecWork is the fewest products for which the vector loops pay: below
// it (the TensorFlow-Playground-sized layers) the call, the setup and the
// transition out of AVX cost more than the pure-Go loops.
const minVecWork = 1024

// run computes g with the widest vectors the CPU allows and returns true,
// or returns false (computing nothing) without AVX2, if cols is less than
// one vector or the work is below minVecWork.
func (g *gemm) run() bool {
	switch {
	case g.rows*g.sum*g.cols < minVecWork:
		return false
	case vecUse == vecAVX512 && g.cols >= 8:
		g.run8()
	case vecUse >= vecAVX2 && g.cols >= 4:
		g.run4()
	default:
		return false
	}
	archsimd.ClearAVXUpperBits()
	return true
}

// scalar computes columns [j0, cols) of rows [p0, p1) one at a time, in the
// same order as the vector loops.
func (g *gemm) scalar(p0, p1, j0 int) {
	for p := p0; p < p1; p++ {
		for j := j0; j < g.cols; j++ {
			var s float64
			if g.load {
				s = g.c[p*g.ldc+j]
			}
			for q := range g.sum {
				s += float64(g.x[p*g.xp+q*g.xq] * g.y[q*g.ldy+j])
			}
			if g.bias != nil {
				s += g.bias[j]
			}
			g.c[p*g.ldc+j] = s
		}
	}
}

// run8 is run with 8 lanes (AVX-512): blocks of 4 rows × 16 columns, whose
// 8 sums stay in registers while q runs.
func (g *gemm) run8() {
	x, y, c := g.x, g.y, g.c
	xp, xq, ldy, ldc := g.xp, g.xq, g.ldy, g.ldc
	p := 0
	for ; p+4 <= g.rows; p += 4 {
		j := 0
		for ; j+16 <= g.cols; j += 16 {
			var c00, c01, c10, c11, c20, c21, c30, c31 archsimd.Float64x8
			if g.load {
				c00, c01 = load8x2(c[p*ldc+j:])
				c10, c11 = load8x2(c[(p+1)*ldc+j:])
				c20, c21 = load8x2(c[(p+2)*ldc+j:])
				c30, c31 = load8x2(c[(p+3)*ldc+j:])
			}
			x0, x1, x2, x3 := x[p*xp:], x[(p+1)*xp:], x[(p+2)*xp:], x[(p+3)*xp:]
			for q := range g.sum {
				y0, y1 := load8x2(y[q*ldy+j:])
				b := archsimd.BroadcastFloat64x8(x0[q*xq])
				c00 = c00.Add(y0.Mul(b))
				c01 = c01.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x8(x1[q*xq])
				c10 = c10.Add(y0.Mul(b))
				c11 = c11.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x8(x2[q*xq])
				c20 = c20.Add(y0.Mul(b))
				c21 = c21.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x8(x3[q*xq])
				c30 = c30.Add(y0.Mul(b))
				c31 = c31.Add(y1.Mul(b))
			}
			if g.bias != nil {
				b0, b1 := load8x2(g.bias[j:])
				c00, c01 = c00.Add(b0), c01.Add(b1)
				c10, c11 = c10.Add(b0), c11.Add(b1)
				c20, c21 = c20.Add(b0), c21.Add(b1)
				c30, c31 = c30.Add(b0), c31.Add(b1)
			}
			store8x2(c[p*ldc+j:], c00, c01)
			store8x2(c[(p+1)*ldc+j:], c10, c11)
			store8x2(c[(p+2)*ldc+j:], c20, c21)
			store8x2(c[(p+3)*ldc+j:], c30, c31)
		}
		g.rows8(p, p+4, j)
	}
	g.rows8(p, g.rows, 0)
}

// rows8 computes columns [j0, cols) of rows [p0, p1), 8 columns at a time.
func (g *gemm) rows8(p0, p1, j0 int) {
	x, y, c := g.x, g.y, g.c
	for p := p0; p < p1; p++ {
		xr := x[p*g.xp:]
		cr := c[p*g.ldc:]
		j := j0
		for ; j+8 <= g.cols; j += 8 {
			var s archsimd.Float64x8
			if g.load {
				s = archsimd.LoadFloat64x8((*[8]float64)(cr[j:]))
			}
			for q := range g.sum {
				yv := archsimd.LoadFloat64x8((*[8]float64)(y[q*g.ldy+j:]))
				s = s.Add(yv.Mul(archsimd.BroadcastFloat64x8(xr[q*g.xq])))
			}
			if g.bias != nil {
				s = s.Add(archsimd.LoadFloat64x8((*[8]float64)(g.bias[j:])))
			}
			s.Store((*[8]float64)(cr[j:]))
		}
		g.scalar(p, p+1, j)
	}
}

func load8x2(s []float64) (archsimd.Float64x8, archsimd.Float64x8) {
	a := (*[16]float64)(s)
	return archsimd.LoadFloat64x8((*[8]float64)(a[:8])), archsimd.LoadFloat64x8((*[8]float64)(a[8:]))
}

func store8x2(s []float64, u, v archsimd.Float64x8) {
	a := (*[16]float64)(s)
	u.Store((*[8]float64)(a[:8]))
	v.Store((*[8]float64)(a[8:]))
}

// run4 is run with 4 lanes (AVX2): blocks of 4 rows × 8 columns.
func (g *gemm) run4() {
	x, y, c := g.x, g.y, g.c
	xp, xq, ldy, ldc := g.xp, g.xq, g.ldy, g.ldc
	p := 0
	for ; p+4 <= g.rows; p += 4 {
		j := 0
		for ; j+8 <= g.cols; j += 8 {
			var c00, c01, c10, c11, c20, c21, c30, c31 archsimd.Float64x4
			if g.load {
				c00, c01 = load4x2(c[p*ldc+j:])
				c10, c11 = load4x2(c[(p+1)*ldc+j:])
				c20, c21 = load4x2(c[(p+2)*ldc+j:])
				c30, c31 = load4x2(c[(p+3)*ldc+j:])
			}
			x0, x1, x2, x3 := x[p*xp:], x[(p+1)*xp:], x[(p+2)*xp:], x[(p+3)*xp:]
			for q := range g.sum {
				y0, y1 := load4x2(y[q*ldy+j:])
				b := archsimd.BroadcastFloat64x4(x0[q*xq])
				c00 = c00.Add(y0.Mul(b))
				c01 = c01.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x4(x1[q*xq])
				c10 = c10.Add(y0.Mul(b))
				c11 = c11.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x4(x2[q*xq])
				c20 = c20.Add(y0.Mul(b))
				c21 = c21.Add(y1.Mul(b))
				b = archsimd.BroadcastFloat64x4(x3[q*xq])
				c30 = c30.Add(y0.Mul(b))
				c31 = c31.Add(y1.Mul(b))
			}
			if g.bias != nil {
				b0, b1 := load4x2(g.bias[j:])
				c00, c01 = c00.Add(b0), c01.Add(b1)
				c10, c11 = c10.Add(b0), c11.Add(b1)
				c20, c21 = c20.Add(b0), c21.Add(b1)
				c30, c31 = c30.Add(b0), c31.Add(b1)
			}
			store4x2(c[p*ldc+j:], c00, c01)
			store4x2(c[(p+1)*ldc+j:], c10, c11)
			store4x2(c[(p+2)*ldc+j:], c20, c21)
			store4x2(c[(p+3)*ldc+j:], c30, c31)
		}
		g.rows4(p, p+4, j)
	}
	g.rows4(p, g.rows, 0)
}

// rows4 computes columns [j0, cols) of rows [p0, p1), 4 columns at a time.
func (g *gemm) rows4(p0, p1, j0 int) {
	x, y, c := g.x, g.y, g.c
	for p := p0; p < p1; p++ {
		xr := x[p*g.xp:]
		cr := c[p*g.ldc:]
		j := j0
		for ; j+4 <= g.cols; j += 4 {
			var s archsimd.Float64x4
			if g.load {
				s = archsimd.LoadFloat64x4((*[4]float64)(cr[j:]))
			}
			for q := range g.sum {
				yv := archsimd.LoadFloat64x4((*[4]float64)(y[q*g.ldy+j:]))
				s = s.Add(yv.Mul(archsimd.BroadcastFloat64x4(xr[q*g.xq])))
			}
			if g.bias != nil {
				s = s.Add(archsimd.LoadFloat64x4((*[4]float64)(g.bias[j:])))
			}
			s.Store((*[4]float64)(cr[j:]))
		}
		g.scalar(p, p+1, j)
	}
}

func load4x2(s []float64) (archsimd.Float64x4, archsimd.Float64x4) {
	a := (*[8]float64)(s)
	return archsimd.LoadFloat64x4((*[4]float64)(a[:4])), archsimd.LoadFloat64x4((*[4]float64)(a[4:]))
}

func store4x2(s []float64, u, v archsimd.Float64x4) {
	a := (*[8]float64)(s)
	u.Store((*[4]float64)(a[:4]))
	v.Store((*[4]float64)(a[4:]))
}

// denseForwardVec is denseForward with vector lanes, if the CPU has them:
// z[r][j] = (0 + Σ_i a[r][i]·W[i][j]) + b[j].
func denseForwardVec(z, a, w, b []float64, nb, in, out int) bool {
	g := gemm{c: z, ldc: out, x: a, xp: in, xq: 1, y: w, ldy: out, rows: nb, sum: in, cols: out, bias: b[:out]}
	return g.run()
}

// denseGradVec is denseGrad with vector lanes, if the CPU has them:
// gW[i][j] += Σ_r a[r][i]·d[r][j] and gb[j] += Σ_r d[r][j], r in order.
func denseGradVec(gw, gb, a, d []float64, nb, in, out int) bool {
	g := gemm{c: gw, ldc: out, x: a, xp: 1, xq: in, y: d, ldy: out, rows: in, sum: nb, cols: out, load: true}
	if !g.run() {
		return false
	}
	// gb as one more row of products: 1·d[r][j] is exactly d[r][j].
	ones := onesPool.Get().(*[]float64)
	if len(*ones) < nb {
		*ones = make([]float64, nb)
		for i := range *ones {
			(*ones)[i] = 1
		}
	}
	gbg := gemm{c: gb, ldc: out, x: *ones, xq: 1, y: d, ldy: out, rows: 1, sum: nb, cols: out, load: true}
	if !gbg.run() {
		gbg.scalar(0, 1, 0) // too little work for vectors: the same sums
	}
	onesPool.Put(ones)
	return true
}

var onesPool = sync.Pool{New: func() any { return new([]float64) }}

// denseBackVec is denseBack with vector lanes, if the CPU has them:
// da[r][i] = 0 + Σ_j W[i][j]·d[r][j]. The lanes run along i, so W is
// first transposed (in·out values against nb·in·out products).
func denseBackVec(da, w, d []float64, nb, in, out int) bool {
	if vecUse == vecNone || in < 4 || nb*in*out < minVecWork {
		return false
	}
	wt := transposePool.Get().(*[]float64)
	if cap(*wt) < in*out {
		*wt = make([]float64, in*out)
	}
	t := (*wt)[:in*out]
	for i := range in {
		for j, v := range w[i*out : (i+1)*out] {
			t[j*in+i] = v
		}
	}
	g := gemm{c: da, ldc: in, x: d, xp: out, xq: 1, y: t, ldy: in, rows: nb, sum: out, cols: in}
	ok := g.run()
	transposePool.Put(wt)
	return ok
}

var transposePool = sync.Pool{New: func() any { return new([]float64) }}
