package engine

// The loops of Conv2D. Every output is the sum described on Conv2D: +0, then
// the rounded products in window order, padding skipped. Inside the image
// (the interior, where the whole window is in bounds) the sums are formed by
// fast loops; the border outputs by dotAt. All of them add the same terms in
// the same order, so they agree with Breakdown bit for bit; the tests check
// it against a plain reference loop for every padding, stride and kernel
// size.

// conv2D writes the p.ow×p.oh output of the convolution of src to out:
// with vector lanes where the CPU and the build allow (simd_amd64.go),
// otherwise with the loops below.
func conv2D(out []float32, src Map, p *plan) {
	if !conv2DVec(out, src, p) {
		conv2DWith(out, src, p, useAxpy)
	}
}

// conv2DWith is conv2D with the choice of interior loop (interiorRowWith).
func conv2DWith(out []float32, src Map, p *plan, axpyForm bool) {
	xa, xb := interior(src.W, p.kw, p.s, p.pl, p.ow)
	ya, yb := interior(src.H, p.kh, p.s, p.pt, p.oh)
	for oy := range p.oh {
		orow := out[oy*p.ow : (oy+1)*p.ow]
		if oy < ya || oy >= yb {
			for ox := range orow {
				orow[ox] = dotAt(src, p, ox, oy)
			}
			continue
		}
		for ox := 0; ox < xa; ox++ {
			orow[ox] = dotAt(src, p, ox, oy)
		}
		for ox := xb; ox < p.ow; ox++ {
			orow[ox] = dotAt(src, p, ox, oy)
		}
		if xa < xb {
			interiorRowWith(orow[xa:xb], src, p, oy, xa, axpyForm)
		}
	}
}

// interior returns the range [a, b) of outputs along an axis whose window
// lies inside the n input pixels, for kernel side k, stride s, pad before pb
// and on outputs.
func interior(n, k, s, pb, on int) (a, b int) {
	a = min((pb+s-1)/s, on) // first o with o·s ≥ pb
	if n-k+pb < 0 {
		return a, a
	}
	b = min((n-k+pb)/s+1, on) // last o with o·s − pb + k ≤ n, plus one
	return a, max(a, b)
}

// dotAt returns output (ox, oy), any position, padding skipped.
func dotAt(src Map, p *plan, ox, oy int) float32 {
	var sum float32
	for u := range p.kh {
		iy := oy*p.s + u - p.pt
		if uint(iy) >= uint(src.H) {
			continue
		}
		row := src.Data[iy*src.W : (iy+1)*src.W]
		w := p.w[u*p.kw : (u+1)*p.kw]
		for v, wv := range w {
			ix := ox*p.s + v - p.pl
			if uint(ix) >= uint(src.W) {
				continue
			}
			sum += float32(row[ix] * wv)
		}
	}
	return sum
}

// interiorRowWith writes the interior outputs o = out[oy][xa : xa+len(o)],
// in the axpy form or the direct form; the tests compare both on every
// platform.
//
// axpy form: for each tap in window order, o += w·(input row shifted), one
// pass over o per tap. On amd64 axpy is gonum's SSE kernel (4 products at a
// time) and this is the fastest form. In WebAssembly, which has no SIMD in
// Go, the direct form is faster: the sums stay in registers for 4 outputs at
// a time and each input value is loaded once per kernel row.
func interiorRowWith(o []float32, src Map, p *plan, oy, xa int, axpyForm bool) {
	x0 := xa*p.s - p.pl // input column under the window's left edge at xa
	y0 := oy*p.s - p.pt
	n := (len(o)-1)*p.s + p.kw // input columns the row of windows spans
	row := func(u int) []float32 { return src.Data[(y0+u)*src.W+x0:][:n] }
	switch {
	case p.s == 1 && axpyForm:
		clear(o)
		for u := range p.kh {
			r := row(u)
			for v, wv := range p.w[u*p.kw : (u+1)*p.kw] {
				axpy(o, wv, r[v:])
			}
		}
	case p.s == 1 && p.kw == 3 && p.kh == 3:
		row3x3(o, row(0), row(1), row(2), &p.w)
	default:
		clear(o)
		for u := range p.kh {
			w := p.w[u*p.kw : (u+1)*p.kw]
			if p.s == 1 && p.kw == 7 {
				rowPass7(o, row(u), w)
			} else {
				rowPass(o, row(u), w, p.s)
			}
		}
	}
}

// rowPass adds one kernel row to a row of partial sums:
// o[i] += Σ_v r[i·s + v]·w[v], v in order.
func rowPass(o, r, w []float32, s int) {
	for i := range o {
		x := r[i*s:][:len(w)]
		acc := o[i]
		for v, wv := range w {
			acc += float32(x[v] * wv)
		}
		o[i] = acc
	}
}

// rowPass7 is rowPass for 7 weights and stride 1, 4 outputs at a time, each
// input loaded once: r has len(o)+6 values.
func rowPass7(o, r, w []float32) {
	w = w[:7]
	w0, w1, w2, w3, w4, w5, w6 := w[0], w[1], w[2], w[3], w[4], w[5], w[6]
	i := 0
	for ; i+4 <= len(o); i += 4 {
		x := r[i : i+10 : i+10]
		oo := o[i : i+4 : i+4]
		s0, s1, s2, s3 := oo[0], oo[1], oo[2], oo[3]
		// x0..x3 is a sliding window: tap v reads x[v : v+4].
		x0, x1, x2, x3 := x[0], x[1], x[2], x[3]
		s0 += float32(x0 * w0)
		s1 += float32(x1 * w0)
		s2 += float32(x2 * w0)
		s3 += float32(x3 * w0)
		x0 = x[4]
		s0 += float32(x1 * w1)
		s1 += float32(x2 * w1)
		s2 += float32(x3 * w1)
		s3 += float32(x0 * w1)
		x1 = x[5]
		s0 += float32(x2 * w2)
		s1 += float32(x3 * w2)
		s2 += float32(x0 * w2)
		s3 += float32(x1 * w2)
		x2 = x[6]
		s0 += float32(x3 * w3)
		s1 += float32(x0 * w3)
		s2 += float32(x1 * w3)
		s3 += float32(x2 * w3)
		x3 = x[7]
		s0 += float32(x0 * w4)
		s1 += float32(x1 * w4)
		s2 += float32(x2 * w4)
		s3 += float32(x3 * w4)
		x0 = x[8]
		s0 += float32(x1 * w5)
		s1 += float32(x2 * w5)
		s2 += float32(x3 * w5)
		s3 += float32(x0 * w5)
		x1 = x[9]
		s0 += float32(x2 * w6)
		s1 += float32(x3 * w6)
		s2 += float32(x0 * w6)
		s3 += float32(x1 * w6)
		oo[0], oo[1], oo[2], oo[3] = s0, s1, s2, s3
	}
	rowPass(o[i:], r[i:], w, 1)
}

// row3x3 computes a row of 3×3, stride-1 outputs from three input rows of
// len(o)+2 values, 4 outputs at a time with the nine weights in registers.
func row3x3(o, r0, r1, r2 []float32, w *[MaxKernelSize * MaxKernelSize]float32) {
	w00, w01, w02 := w[0], w[1], w[2]
	w10, w11, w12 := w[3], w[4], w[5]
	w20, w21, w22 := w[6], w[7], w[8]
	i := 0
	for ; i+4 <= len(o); i += 4 {
		a := r0[i : i+6 : i+6]
		b := r1[i : i+6 : i+6]
		c := r2[i : i+6 : i+6]
		var s0, s1, s2, s3 float32
		s0 += float32(a[0] * w00)
		s1 += float32(a[1] * w00)
		s2 += float32(a[2] * w00)
		s3 += float32(a[3] * w00)
		s0 += float32(a[1] * w01)
		s1 += float32(a[2] * w01)
		s2 += float32(a[3] * w01)
		s3 += float32(a[4] * w01)
		s0 += float32(a[2] * w02)
		s1 += float32(a[3] * w02)
		s2 += float32(a[4] * w02)
		s3 += float32(a[5] * w02)
		s0 += float32(b[0] * w10)
		s1 += float32(b[1] * w10)
		s2 += float32(b[2] * w10)
		s3 += float32(b[3] * w10)
		s0 += float32(b[1] * w11)
		s1 += float32(b[2] * w11)
		s2 += float32(b[3] * w11)
		s3 += float32(b[4] * w11)
		s0 += float32(b[2] * w12)
		s1 += float32(b[3] * w12)
		s2 += float32(b[4] * w12)
		s3 += float32(b[5] * w12)
		s0 += float32(c[0] * w20)
		s1 += float32(c[1] * w20)
		s2 += float32(c[2] * w20)
		s3 += float32(c[3] * w20)
		s0 += float32(c[1] * w21)
		s1 += float32(c[2] * w21)
		s2 += float32(c[3] * w21)
		s3 += float32(c[4] * w21)
		s0 += float32(c[2] * w22)
		s1 += float32(c[3] * w22)
		s2 += float32(c[4] * w22)
		s3 += float32(c[5] * w22)
		oo := o[i : i+4 : i+4]
		oo[0], oo[1], oo[2], oo[3] = s0, s1, s2, s3
	}
	for ; i < len(o); i++ {
		a := r0[i : i+3 : i+3]
		b := r1[i : i+3 : i+3]
		c := r2[i : i+3 : i+3]
		var s float32
		s += float32(a[0] * w00)
		s += float32(a[1] * w01)
		s += float32(a[2] * w02)
		s += float32(b[0] * w10)
		s += float32(b[1] * w11)
		s += float32(b[2] * w12)
		s += float32(c[0] * w20)
		s += float32(c[1] * w21)
		s += float32(c[2] * w22)
		o[i] = s
	}
}
