package engine

import "math"

// expm1 returns e**x − 1, accurate also when x is near zero, where
// exp(x) − 1 loses the digits of x. It is a port of the Go standard
// library's pure-Go expm1 (src/math/expm1.go, from FreeBSD's msun), with
// every product that feeds an addition rounded by an explicit float64
// conversion so that no architecture may fuse it into an FMA (mathx.go).
//
// Special cases are expm1(+Inf) = +Inf, expm1(−Inf) = −1, expm1(NaN) = NaN;
// it is −1 for x < −56·ln2 and +Inf for x ≥ 709.78.
func expm1(x float64) float64 {
	const (
		othreshold = 7.09782712893383973096e+02 // 0x40862E42FEFA39EF
		ln2X56     = 3.88162421113569373274e+01 // 0x4043687a9f1af2b1
		ln2HalfX3  = 1.03972077083991796413e+00 // 0x3ff0a2b23f3bab73
		ln2Half    = 3.46573590279972654709e-01 // 0x3fd62e42fefa39ef
		ln2Hi      = 6.93147180369123816490e-01 // 0x3fe62e42fee00000
		ln2Lo      = 1.90821492927058770002e-10 // 0x3dea39ef35793c76
		invLn2     = 1.44269504088896338700e+00 // 0x3ff71547652b82fe
		tiny       = 1.0 / (1 << 54)            // 2**-54
		// Scaled coefficients of the rational approximation on |x| ≤ ln2/2.
		q1 = -3.33333333333331316428e-02
		q2 = 1.58730158725481460165e-03
		q3 = -7.93650757867487942473e-05
		q4 = 4.00821782732936239552e-06
		q5 = -2.01099218183624371326e-07
	)
	switch {
	case math.IsInf(x, 1) || math.IsNaN(x):
		return x
	case math.IsInf(x, -1):
		return -1
	}
	absx, sign := x, false
	if x < 0 {
		absx, sign = -x, true
	}
	if absx >= ln2X56 {
		if sign {
			return -1
		}
		if absx >= othreshold {
			return math.Inf(1)
		}
	}

	// Reduce: x = k·ln2 + r, r = hi − lo, c the rounding error of r.
	var c float64
	var k int
	switch {
	case absx > ln2Half:
		var hi, lo float64
		if absx < ln2HalfX3 {
			if !sign {
				hi, lo, k = x-ln2Hi, ln2Lo, 1
			} else {
				hi, lo, k = x+ln2Hi, -ln2Lo, -1
			}
		} else {
			if !sign {
				k = int(float64(invLn2*x) + 0.5)
			} else {
				k = int(float64(invLn2*x) - 0.5)
			}
			t := float64(k)
			hi = x - float64(t*ln2Hi) // t·ln2Hi is exact here
			lo = float64(t * ln2Lo)
		}
		x = hi - lo
		c = (hi - x) - lo
	case absx < tiny:
		return x
	}

	hfx := float64(0.5 * x)
	hxs := float64(x * hfx)
	r1 := 1 + float64(hxs*(q1+float64(hxs*(q2+float64(hxs*(q3+float64(hxs*(q4+float64(hxs*q5)))))))))
	t := 3 - float64(r1*hfx)
	e := float64(hxs * ((r1 - t) / (6.0 - float64(x*t))))
	if k == 0 {
		return x - (float64(x*e) - hxs)
	}
	e = float64(x*(e-c)) - c
	e -= hxs
	switch {
	case k == -1:
		return float64(0.5*(x-e)) - 0.5
	case k == 1:
		if x < -0.25 {
			return -2 * (e - (x + 0.5))
		}
		return 1 + float64(2*(x-e))
	case k <= -2 || k > 56: // exp(x) − 1 is exact enough
		y := 1 - (e - x)
		y = math.Float64frombits(math.Float64bits(y) + uint64(k)<<52) // y·2**k
		return y - 1
	}
	if k < 20 {
		t := math.Float64frombits(0x3ff0000000000000 - (0x20000000000000 >> uint(k))) // 1 − 2**−k
		y := t - (e - x)
		return math.Float64frombits(math.Float64bits(y) + uint64(k)<<52)
	}
	t = math.Float64frombits(uint64(0x3ff-k) << 52) // 2**−k
	y := x - (e + t)
	y++
	return math.Float64frombits(math.Float64bits(y) + uint64(k)<<52)
}

// expSplit returns y and k with e**x = y·2ᵏ and y in [0.7, 1.5], for
// −1075 < x < 709.78: exp's reduction without its final scaling, so that
// a caller can multiply y by a factor before scaling a product that would
// otherwise pass through a subnormal e**x. exp(x) is Ldexp(y, k) bit for
// bit.
func expSplit(x float64) (y float64, k int) {
	hi, lo, k := expReduce(x)
	return expPoly(hi, lo), k
}
