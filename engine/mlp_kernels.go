package engine

import "math"

// This file holds the MLP's inner loops. They work on whole batches (rows
// of a row-major matrix) so that a layer costs a few calls rather than one
// per neuron: a Go function call costs tens of nanoseconds under wasm.
//
// Every sum has one fixed order, whatever the blocking:
//
//	z[r][j]  = (0 + a[r][0]·W[0][j] + a[r][1]·W[1][j] + …) + b[j]   (as Neuron.Z)
//	gW[i][j] = 0 + a[0][i]·d[0][j] + a[1][i]·d[1][j] + …           (rows in order)
//	gb[j]    = 0 + d[0][j] + d[1][j] + …
//	dA[r][i] = 0 + W[i][0]·d[r][0] + W[i][1]·d[r][1] + …
//
// and every product is rounded before it is added, so the results are
// bit-identical on every platform and between the training, evaluation and
// grid code paths. The vector kernels (simd_dense_amd64.go), where the
// build and CPU allow them, keep the same orders.

// smallLayer is the most weights (in·out) for which the kernels go row by
// row; larger layers go a few weight rows at a time for all the batch's
// rows, so that the weights are read from memory once per batch.
const smallLayer = 2048

// The small-layer loops below are unrolled by four and written out rather
// than calling helpers: under wasm every loop iteration goes through the
// function's block dispatcher and every call spills its arguments to
// memory, both of which cost more than the multiply-adds of a small layer.

// denseForward sets z (nb×out) to a·W + b for a (nb×in) and W (in×out).
func denseForward(z, a, w, b []float64, nb, in, out int) {
	z = z[:nb*out]
	a = a[:nb*in]
	w = w[:in*out]
	b = b[:out:out]
	if denseForwardVec(z, a, w, b, nb, in, out) {
		return
	}
	switch {
	case out == 1:
		w, b0 := w[:in:in], b[0]
		for r := range nb {
			ar := a[r*in:][:in:in]
			var s float64
			i := 0
			for ; i+4 <= len(ar); i += 4 {
				a4, w4 := ar[i:i+4:i+4], w[i:i+4:i+4]
				s = s + float64(a4[0]*w4[0]) + float64(a4[1]*w4[1]) + float64(a4[2]*w4[2]) + float64(a4[3]*w4[3])
			}
			for ; i < len(ar); i++ {
				s += float64(ar[i] * w[i])
			}
			z[r] = s + b0
		}
	case in*out > smallLayer:
		denseForwardBlocked(z, a, w, b, nb, in, out)
	case in == 1:
		w0 := w[:out:out]
		for r := range nb {
			a0, zr := a[r], z[r*out:][:out:out]
			j := 0
			for ; j+4 <= len(zr); j += 4 {
				z4, u, b4 := zr[j:j+4:j+4], w0[j:j+4:j+4], b[j:j+4:j+4]
				z4[0] = (0 + float64(a0*u[0])) + b4[0]
				z4[1] = (0 + float64(a0*u[1])) + b4[1]
				z4[2] = (0 + float64(a0*u[2])) + b4[2]
				z4[3] = (0 + float64(a0*u[3])) + b4[3]
			}
			for ; j < len(zr); j++ {
				zr[j] = (0 + float64(a0*w0[j])) + b[j]
			}
		}
	default:
		w0, w1 := w[:out:out], w[out:][:out:out]
		for r := range nb {
			ar, zr := a[r*in:][:in:in], z[r*out:][:out:out]
			a0, a1 := ar[0], ar[1]
			// The first two inputs, and the bias if there are no more.
			j := 0
			if in == 2 {
				for ; j+4 <= len(zr); j += 4 {
					z4, u, v, b4 := zr[j:j+4:j+4], w0[j:j+4:j+4], w1[j:j+4:j+4], b[j:j+4:j+4]
					z4[0] = ((0 + float64(a0*u[0])) + float64(a1*v[0])) + b4[0]
					z4[1] = ((0 + float64(a0*u[1])) + float64(a1*v[1])) + b4[1]
					z4[2] = ((0 + float64(a0*u[2])) + float64(a1*v[2])) + b4[2]
					z4[3] = ((0 + float64(a0*u[3])) + float64(a1*v[3])) + b4[3]
				}
				for ; j < len(zr); j++ {
					zr[j] = ((0 + float64(a0*w0[j])) + float64(a1*w1[j])) + b[j]
				}
				continue
			}
			for ; j+4 <= len(zr); j += 4 {
				z4, u, v := zr[j:j+4:j+4], w0[j:j+4:j+4], w1[j:j+4:j+4]
				z4[0] = (0 + float64(a0*u[0])) + float64(a1*v[0])
				z4[1] = (0 + float64(a0*u[1])) + float64(a1*v[1])
				z4[2] = (0 + float64(a0*u[2])) + float64(a1*v[2])
				z4[3] = (0 + float64(a0*u[3])) + float64(a1*v[3])
			}
			for ; j < len(zr); j++ {
				zr[j] = (0 + float64(a0*w0[j])) + float64(a1*w1[j])
			}
			// The middle inputs, four at a time, then one by one.
			i := 2
			for ; i+4 <= in-1; i += 4 {
				a0, a1, a2, a3 := ar[i], ar[i+1], ar[i+2], ar[i+3]
				w0, w1, w2, w3 := w[i*out:][:out:out], w[(i+1)*out:][:out:out], w[(i+2)*out:][:out:out], w[(i+3)*out:][:out:out]
				j := 0
				for ; j+2 <= len(zr); j += 2 {
					z2, p, q, u, v := zr[j:j+2:j+2], w0[j:j+2:j+2], w1[j:j+2:j+2], w2[j:j+2:j+2], w3[j:j+2:j+2]
					z2[0] = z2[0] + float64(a0*p[0]) + float64(a1*q[0]) + float64(a2*u[0]) + float64(a3*v[0])
					z2[1] = z2[1] + float64(a0*p[1]) + float64(a1*q[1]) + float64(a2*u[1]) + float64(a3*v[1])
				}
				if j < len(zr) {
					zr[j] = zr[j] + float64(a0*w0[j]) + float64(a1*w1[j]) + float64(a2*w2[j]) + float64(a3*w3[j])
				}
			}
			for ; i < in-1; i++ {
				ai, wi := ar[i], w[i*out:][:out:out]
				j := 0
				for ; j+4 <= len(zr); j += 4 {
					z4, u := zr[j:j+4:j+4], wi[j:j+4:j+4]
					z4[0] += float64(ai * u[0])
					z4[1] += float64(ai * u[1])
					z4[2] += float64(ai * u[2])
					z4[3] += float64(ai * u[3])
				}
				for ; j < len(zr); j++ {
					zr[j] += float64(ai * wi[j])
				}
			}
			// The last input and the bias.
			al, wl := ar[in-1], w[(in-1)*out:][:out:out]
			j = 0
			for ; j+4 <= len(zr); j += 4 {
				z4, u, b4 := zr[j:j+4:j+4], wl[j:j+4:j+4], b[j:j+4:j+4]
				z4[0] = (z4[0] + float64(al*u[0])) + b4[0]
				z4[1] = (z4[1] + float64(al*u[1])) + b4[1]
				z4[2] = (z4[2] + float64(al*u[2])) + b4[2]
				z4[3] = (z4[3] + float64(al*u[3])) + b4[3]
			}
			for ; j < len(zr); j++ {
				zr[j] = (zr[j] + float64(al*wl[j])) + b[j]
			}
		}
	}
}

// denseForwardBlocked is denseForward four weight rows at a time.
func denseForwardBlocked(z, a, w, b []float64, nb, in, out int) {
	clear(z)
	i := 0
	for ; i+4 <= in; i += 4 {
		w0, w1, w2, w3 := w[i*out:][:out:out], w[(i+1)*out:][:out:out], w[(i+2)*out:][:out:out], w[(i+3)*out:][:out:out]
		for r := range nb {
			ar := a[r*in+i:][:4:4]
			a0, a1, a2, a3 := ar[0], ar[1], ar[2], ar[3]
			zr := z[r*out:][:out:out]
			j := 0
			for ; j+4 <= len(zr); j += 4 {
				z4, p, q, u, v := zr[j:j+4:j+4], w0[j:j+4:j+4], w1[j:j+4:j+4], w2[j:j+4:j+4], w3[j:j+4:j+4]
				z4[0] = z4[0] + float64(a0*p[0]) + float64(a1*q[0]) + float64(a2*u[0]) + float64(a3*v[0])
				z4[1] = z4[1] + float64(a0*p[1]) + float64(a1*q[1]) + float64(a2*u[1]) + float64(a3*v[1])
				z4[2] = z4[2] + float64(a0*p[2]) + float64(a1*q[2]) + float64(a2*u[2]) + float64(a3*v[2])
				z4[3] = z4[3] + float64(a0*p[3]) + float64(a1*q[3]) + float64(a2*u[3]) + float64(a3*v[3])
			}
			for ; j < len(zr); j++ {
				zr[j] = zr[j] + float64(a0*w0[j]) + float64(a1*w1[j]) + float64(a2*w2[j]) + float64(a3*w3[j])
			}
		}
	}
	for ; i < in; i++ {
		w0 := w[i*out:][:out:out]
		for r := range nb {
			a0 := a[r*in+i]
			zr := z[r*out:][:out:out]
			for j := range zr {
				zr[j] += float64(a0 * w0[j])
			}
		}
	}
	for r := range nb {
		zr := z[r*out:][:out:out]
		for j := range zr {
			zr[j] += b[j]
		}
	}
}

// denseGrad sets gW (in×out) to aᵀ·d and gb (out) to the column sums of d,
// for a (nb×in) and d (nb×out). gW and gb must be zero on entry (one clear
// of the whole gradient costs less than one per layer).
func denseGrad(gw, gb, a, d []float64, nb, in, out int) {
	gw = gw[:in*out]
	gb = gb[:out:out]
	a = a[:nb*in]
	d = d[:nb*out]
	if denseGradVec(gw, gb, a, d, nb, in, out) {
		return
	}
	if in*out > smallLayer {
		denseGradBlocked(gw, gb, a, d, nb, in, out)
		return
	}
	if out == 1 {
		// Sums over the batch's rows in registers, two inputs at a time.
		gw := gw[:in:in]
		var sb float64
		for _, v := range d {
			sb += v
		}
		gb[0] = sb
		i := 0
		for ; i+2 <= in; i += 2 {
			var s0, s1 float64
			for r, dr := range d {
				a2 := a[r*in+i:][:2:2]
				s0 += float64(a2[0] * dr)
				s1 += float64(a2[1] * dr)
			}
			gw[i], gw[i+1] = s0, s1
		}
		if i < in {
			var s0 float64
			for r, dr := range d {
				s0 += float64(a[r*in+i] * dr)
			}
			gw[i] = s0
		}
		return
	}
	g0 := gw[:out:out]
	for r := range nb {
		dr, ar := d[r*out:][:out:out], a[r*in:][:in:in]
		a0 := ar[0]
		i := 1
		if in == 1 {
			j := 0
			for ; j+4 <= len(dr); j += 4 {
				d4, b4, u := dr[j:j+4:j+4], gb[j:j+4:j+4], g0[j:j+4:j+4]
				b4[0] += d4[0]
				b4[1] += d4[1]
				b4[2] += d4[2]
				b4[3] += d4[3]
				u[0] += float64(a0 * d4[0])
				u[1] += float64(a0 * d4[1])
				u[2] += float64(a0 * d4[2])
				u[3] += float64(a0 * d4[3])
			}
			for ; j < len(dr); j++ {
				gb[j] += dr[j]
				g0[j] += float64(a0 * dr[j])
			}
		} else {
			a1, g1 := ar[1], gw[out:][:out:out]
			j := 0
			for ; j+4 <= len(dr); j += 4 {
				d4, b4, u, v := dr[j:j+4:j+4], gb[j:j+4:j+4], g0[j:j+4:j+4], g1[j:j+4:j+4]
				b4[0] += d4[0]
				b4[1] += d4[1]
				b4[2] += d4[2]
				b4[3] += d4[3]
				u[0] += float64(a0 * d4[0])
				u[1] += float64(a0 * d4[1])
				u[2] += float64(a0 * d4[2])
				u[3] += float64(a0 * d4[3])
				v[0] += float64(a1 * d4[0])
				v[1] += float64(a1 * d4[1])
				v[2] += float64(a1 * d4[2])
				v[3] += float64(a1 * d4[3])
			}
			for ; j < len(dr); j++ {
				gb[j] += dr[j]
				g0[j] += float64(a0 * dr[j])
				g1[j] += float64(a1 * dr[j])
			}
			i = 2
		}
		for ; i < in; i++ {
			ai, g := ar[i], gw[i*out:][:out:out]
			j := 0
			for ; j+4 <= len(dr); j += 4 {
				d4, u := dr[j:j+4:j+4], g[j:j+4:j+4]
				u[0] += float64(ai * d4[0])
				u[1] += float64(ai * d4[1])
				u[2] += float64(ai * d4[2])
				u[3] += float64(ai * d4[3])
			}
			for ; j < len(dr); j++ {
				g[j] += float64(ai * dr[j])
			}
		}
	}
}

// denseGradBlocked is denseGrad weight row by weight row, four batch rows
// at a time, so that each row of gW stays in cache.
func denseGradBlocked(gw, gb, a, d []float64, nb, in, out int) {
	for r := range nb {
		dr := d[r*out:][:out:out]
		for j, v := range dr {
			gb[j] += v
		}
	}
	for i := range in {
		g := gw[i*out:][:out:out]
		r := 0
		for ; r+4 <= nb; r += 4 {
			a0, a1, a2, a3 := a[r*in+i], a[(r+1)*in+i], a[(r+2)*in+i], a[(r+3)*in+i]
			d0, d1, d2, d3 := d[r*out:][:out:out], d[(r+1)*out:][:out:out], d[(r+2)*out:][:out:out], d[(r+3)*out:][:out:out]
			j := 0
			for ; j+4 <= len(g); j += 4 {
				g4, p, q, u, v := g[j:j+4:j+4], d0[j:j+4:j+4], d1[j:j+4:j+4], d2[j:j+4:j+4], d3[j:j+4:j+4]
				g4[0] = g4[0] + float64(a0*p[0]) + float64(a1*q[0]) + float64(a2*u[0]) + float64(a3*v[0])
				g4[1] = g4[1] + float64(a0*p[1]) + float64(a1*q[1]) + float64(a2*u[1]) + float64(a3*v[1])
				g4[2] = g4[2] + float64(a0*p[2]) + float64(a1*q[2]) + float64(a2*u[2]) + float64(a3*v[2])
				g4[3] = g4[3] + float64(a0*p[3]) + float64(a1*q[3]) + float64(a2*u[3]) + float64(a3*v[3])
			}
			for ; j < len(g); j++ {
				g[j] = g[j] + float64(a0*d0[j]) + float64(a1*d1[j]) + float64(a2*d2[j]) + float64(a3*d3[j])
			}
		}
		for ; r < nb; r++ {
			a0 := a[r*in+i]
			d0 := d[r*out:][:out:out]
			for j := range g {
				g[j] += float64(a0 * d0[j])
			}
		}
	}
}

// denseBack sets da (nb×in) to d·Wᵀ for d (nb×out) and W (in×out): the
// loss's derivative with respect to the layer's inputs.
func denseBack(da, w, d []float64, nb, in, out int) {
	da = da[:nb*in]
	w = w[:in*out]
	d = d[:nb*out]
	if denseBackVec(da, w, d, nb, in, out) {
		return
	}
	if out == 1 {
		w := w[:in:in]
		for r, dr := range d {
			dar := da[r*in:][:in:in]
			i := 0
			for ; i+4 <= len(dar); i += 4 {
				x4, w4 := dar[i:i+4:i+4], w[i:i+4:i+4]
				x4[0] = 0 + float64(w4[0]*dr)
				x4[1] = 0 + float64(w4[1]*dr)
				x4[2] = 0 + float64(w4[2]*dr)
				x4[3] = 0 + float64(w4[3]*dr)
			}
			for ; i < len(dar); i++ {
				dar[i] = 0 + float64(w[i]*dr)
			}
		}
		return
	}
	for r := range nb {
		dr := d[r*out:][:out:out]
		dar := da[r*in:][:in:in]
		for i := range dar {
			wi := w[i*out:][:out:out]
			var s float64
			j := 0
			for ; j+4 <= len(dr); j += 4 {
				d4, w4 := dr[j:j+4:j+4], wi[j:j+4:j+4]
				s = s + float64(w4[0]*d4[0]) + float64(w4[1]*d4[1]) + float64(w4[2]*d4[2]) + float64(w4[3]*d4[3])
			}
			for ; j < len(dr); j++ {
				s += float64(wi[j] * dr[j])
			}
			dar[i] = s
		}
	}
}

// actKind names the activations whose loops are written out, so that the
// hot loops make no call per element. Each computes exactly what the
// Activation's own function does (tests compare the bits).
type actKind uint8

const (
	actOther actKind = iota
	actTanh
	actSigmoid
	actReLU
	actLeakyReLU
	actLinear
)

func kindOf(a Activation) actKind {
	switch a.name {
	case "tanh":
		return actTanh
	case "sigmoid":
		return actSigmoid
	case "relu":
		return actReLU
	case "leaky-relu":
		return actLeakyReLU
	case "linear":
		return actLinear
	}
	return actOther
}

// activate sets y[k] = f(z[k]).
func activate(k actKind, f Activation, y, z []float64) {
	y = y[:len(z)]
	switch k {
	case actTanh:
		tanhTo(y, z)
	case actSigmoid:
		sigmoidTo(y, z)
	case actReLU:
		for i, v := range z {
			y[i] = max(0, v)
		}
	case actLeakyReLU:
		for i, v := range z {
			if v > 0 {
				y[i] = v
			} else {
				y[i] = LeakyReLUSlope * v
			}
		}
	case actLinear:
		copy(y, z)
	default:
		for i, v := range z {
			y[i] = f.f(v)
		}
	}
}

// activateDeriv multiplies d[k] by f′(z[k]) given y[k] = f(z[k]).
func activateDeriv(k actKind, f Activation, d, z, y []float64) {
	z = z[:len(d):len(d)]
	y = y[:len(d)]
	switch k {
	case actTanh:
		i := 0
		for ; i+4 <= len(d); i += 4 {
			d4, y4 := d[i:i+4:i+4], y[i:i+4:i+4]
			d4[0] = float64(d4[0] * (1 - float64(y4[0]*y4[0])))
			d4[1] = float64(d4[1] * (1 - float64(y4[1]*y4[1])))
			d4[2] = float64(d4[2] * (1 - float64(y4[2]*y4[2])))
			d4[3] = float64(d4[3] * (1 - float64(y4[3]*y4[3])))
		}
		for ; i < len(d); i++ {
			d[i] = float64(d[i] * (1 - float64(y[i]*y[i])))
		}
	case actSigmoid:
		for i, v := range y {
			d[i] = float64(d[i] * float64(v*(1-v)))
		}
	case actReLU:
		for i, v := range z {
			d[i] = float64(d[i] * step01(v > 0))
		}
	case actLeakyReLU:
		for i, v := range z {
			if !(v > 0) {
				d[i] = float64(d[i] * LeakyReLUSlope)
			}
		}
	case actLinear:
	default:
		for i, v := range z {
			d[i] = float64(d[i] * f.df(v, y[i]))
		}
	}
}

// Constants of exp (mathx.go), for the written-out copies below.
const (
	expLn2Hi = 6.93147180369123816490e-01
	expLn2Lo = 1.90821492927058770002e-10
	expLog2e = 1.44269504088896338700e+00
	expP1    = 1.66666666666666657415e-01
	expP2    = -2.77777777770155933842e-03
	expP3    = 6.61375632143793436117e-05
	expP4    = -1.65339022054652515390e-06
	expP5    = 4.13813679705723846039e-08
)

// tanhTo sets y[k] = tanh(z[k]), bit for bit, with exp and the common
// cases of tanh written out: the calls would cost more than the arithmetic.
func tanhTo(y, z []float64) {
	y = y[:len(z):len(z)]
	n := tanhVec(y, z) // vector lanes where the build and CPU allow, the same bits
	y, z = y[n:], z[n:]
	for i, x := range z {
		a := math.Abs(x)
		ab := math.Float64bits(a)
		if ab-tanhLoBits <= tanhExpSpan {
			// exp(2a) for 2a in [1.25, 88.1]: k is in [2, 127], so the
			// scaling by 2**k is exact and needs no Ldexp.
			v := 2 * a
			k := int(float64(expLog2e*v) + 0.5)
			hi := v - float64(float64(k)*expLn2Hi)
			lo := float64(float64(k) * expLn2Lo)
			r := hi - lo
			t := float64(r * r)
			c := r - float64(t*(expP1+float64(t*(expP2+float64(t*(expP3+float64(t*(expP4+float64(t*expP5)))))))))
			e := float64((1 - ((lo - float64(r*c)/(2-c)) - hi)) * math.Float64frombits(uint64(k+1023)<<52))
			y[i] = math.Copysign(1-2/(e+1), x)
		} else if ab-1 < tanhLoBits-1 { // 0 < a < 0.625
			q := float64(x * x)
			num := float64(float64(float64(float64(tanhP[0]*q)+tanhP[1])*q) + tanhP[2])
			den := float64(float64(float64(float64(q+tanhQ[0])*q)+tanhQ[1])*q) + tanhQ[2]
			y[i] = x + float64(float64(x*q)*num)/den
		} else {
			y[i] = tanh(x) // ±0, NaN, the flat tails
		}
	}
}

// Bit patterns bounding tanh's branches. For a = |x| ≥ 0, the bits of a
// grow with a and NaN's are above +Inf's, so one unsigned comparison of
// bits − lo with hi − lo tests lo ≤ a ≤ hi, and fails for NaN: fewer
// branches, each of which costs a trip through the block dispatcher under
// wasm.
const (
	tanhLoBits  = 0x3fe4000000000000 // 0.625
	tanhHiBits  = 0x404601e678fc457b // 0.5·ln(2¹²⁷) = 44.014845965556525
	tanhExpSpan = tanhHiBits - tanhLoBits
)

// sigmoidTo sets y[k] = σ(z[k]), bit for bit, with exp's common case
// written out.
func sigmoidTo(y, z []float64) {
	const (
		loBits = 0x3e30000000000000 // 2**-28: below it exp(−a) = 1 − a
		hiBits = 0x4086200000000000 // 708: up to it 2**k is normal
	)
	y = y[:len(z):len(z)]
	for i, x := range z {
		a := math.Abs(x)
		var e float64 // e^(−a)
		if math.Float64bits(a)-loBits <= hiBits-loBits {
			// k is in [−1021, −1], so 2**k is a normal number.
			v := -a
			k := int(float64(expLog2e*v) - 0.5)
			hi := v - float64(float64(k)*expLn2Hi)
			lo := float64(float64(k) * expLn2Lo)
			r := hi - lo
			t := float64(r * r)
			c := r - float64(t*(expP1+float64(t*(expP2+float64(t*(expP3+float64(t*(expP4+float64(t*expP5)))))))))
			e = float64((1 - ((lo - float64(r*c)/(2-c)) - hi)) * math.Float64frombits(uint64(k+1023)<<52))
		} else {
			e = exp(-a)
		}
		// σ(x) = 1/(1 + e) for x ≥ 0 and e/(1 + e) below: the numerator
		// is chosen by its bits, which compiles to a select, not a branch.
		num := uint64(0x3ff0000000000000) // 1
		if !(x >= 0) {
			num = math.Float64bits(e)
		}
		y[i] = math.Float64frombits(num) / (1 + e)
	}
}
