package engine

import "math"

// This file holds portable versions of the elementary functions the engine
// needs. They are ports of the Go standard library's pure-Go fallbacks
// (src/math/exp.go, log1p.go, tanh.go; originally FreeBSD's msun and the
// Cephes library), with every product that feeds an addition rounded by an
// explicit float64 conversion so that no architecture may fuse it into an
// FMA. math.Exp and math.Log use assembly on amd64 that wasm does not have,
// so calling them would make native and browser results differ in the last
// bits. Functions that are exact everywhere (Abs, Ldexp, Float64bits, Sqrt)
// are still taken from package math.

// exp returns e**x.
//
// Special cases are exp(+Inf) = +Inf, exp(NaN) = NaN, exp(x) = 0 for
// x < -745.13 and +Inf for x > 709.78 (no overflow to NaN).
func exp(x float64) float64 {
	const (
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28) // 2**-28
	)
	switch {
	case math.IsNaN(x):
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	return expmulti(expReduce(x))
}

// expReduce writes x = k·ln2 + r, with r = hi − lo for extra precision
// and |r| ≤ ln(2)/2.
func expReduce(x float64) (hi, lo float64, k int) {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		log2e = 1.44269504088896338700e+00
	)
	switch {
	case x < 0:
		k = int(float64(log2e*x) - 0.5)
	case x > 0:
		k = int(float64(log2e*x) + 0.5)
	}
	return x - float64(float64(k)*ln2Hi), float64(float64(k) * ln2Lo), k
}

// expPoly returns e**r, r = hi − lo with |r| ≤ ln(2)/2, in [0.7, 1.5].
func expPoly(hi, lo float64) float64 {
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := float64(r * r)
	c := r - float64(t*(p1+float64(t*(p2+float64(t*(p3+float64(t*(p4+float64(t*p5)))))))))
	return 1 - ((lo - float64(r*c)/(2-c)) - hi)
}

// expmulti returns e**r × 2**k where r = hi − lo and |r| ≤ ln(2)/2.
func expmulti(hi, lo float64, k int) float64 {
	y := expPoly(hi, lo)
	// y·2**k is exact while the result stays normal (y > 0.7), so build
	// 2**k from its bits: twice as fast as math.Ldexp, and the same value.
	if -1021 <= k && k <= 1023 {
		return y * math.Float64frombits(uint64(k+1023)<<52)
	}
	return math.Ldexp(y, k)
}

// log1p returns ln(1 + x), accurate also when x is near zero.
//
// Special cases are log1p(+Inf) = +Inf, log1p(±0) = ±0, log1p(-1) = -Inf,
// log1p(x < -1) = NaN, log1p(NaN) = NaN.
func log1p(x float64) float64 {
	const (
		sqrt2M1     = 4.142135623730950488017e-01  // Sqrt(2)-1
		sqrt2HalfM1 = -2.928932188134524755992e-01 // Sqrt(2)/2-1
		small       = 1.0 / (1 << 29)              // 2**-29
		tiny        = 1.0 / (1 << 54)              // 2**-54
		two53       = 1 << 53                      // 2**53
		ln2Hi       = 6.93147180369123816490e-01
		ln2Lo       = 1.90821492927058770002e-10
		lp1         = 6.666666666666735130e-01
		lp2         = 3.999999999940941908e-01
		lp3         = 2.857142874366239149e-01
		lp4         = 2.222219843214978396e-01
		lp5         = 1.818357216161805012e-01
		lp6         = 1.531383769920937332e-01
		lp7         = 1.479819860511658591e-01
	)
	switch {
	case x < -1 || math.IsNaN(x):
		return math.NaN()
	case x == -1:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return math.Inf(1)
	}

	absx := math.Abs(x)
	var f float64
	var iu uint64
	k := 1
	if absx < sqrt2M1 {
		if absx < small {
			if absx < tiny {
				return x
			}
			return x - float64(float64(x*x)*0.5)
		}
		if x > sqrt2HalfM1 {
			k = 0
			f = x
			iu = 1
		}
	}
	var c float64
	if k != 0 {
		var u float64
		if absx < two53 {
			u = 1.0 + x
			iu = math.Float64bits(u)
			k = int((iu >> 52) - 1023)
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			iu = math.Float64bits(u)
			k = int((iu >> 52) - 1023)
			c = 0
		}
		iu &= 0x000fffffffffffff
		if iu < 0x0006a09e667f3bcd { // mantissa of Sqrt(2)
			u = math.Float64frombits(iu | 0x3ff0000000000000)
		} else {
			k++
			u = math.Float64frombits(iu | 0x3fe0000000000000)
			iu = (0x0010000000000000 - iu) >> 2
		}
		f = u - 1.0
	}
	fk := float64(k)
	hfsq := float64(float64(0.5*f) * f)
	if iu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += float64(fk * ln2Lo)
			return float64(fk*ln2Hi) + c
		}
		r := float64(hfsq * (1.0 - float64(0.66666666666666666*f)))
		if k == 0 {
			return f - r
		}
		return float64(fk*ln2Hi) - ((r - (float64(fk*ln2Lo) + c)) - f)
	}
	s := f / (2.0 + f)
	z := float64(s * s)
	r := float64(z * (lp1 + float64(z*(lp2+float64(z*(lp3+float64(z*(lp4+float64(z*(lp5+float64(z*(lp6+float64(z*lp7)))))))))))))
	if k == 0 {
		return f - (hfsq - float64(s*(hfsq+r)))
	}
	return float64(fk*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + (float64(fk*ln2Lo) + c))) - f)
}

// tanhP and tanhQ are the Cephes rational approximation of tanh on |x| < 0.625.
var (
	tanhP = [...]float64{-9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3}
	tanhQ = [...]float64{1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3}
)

// tanh returns the hyperbolic tangent of x: exactly ±1 for |x| > 44, never NaN
// for finite x.
func tanh(x float64) float64 {
	const maxLog = 8.8029691931113054295988e+01 // ln(2**127)
	z := math.Abs(x)
	switch {
	case z > 0.5*maxLog:
		if x < 0 {
			return -1
		}
		return 1
	case z >= 0.625:
		s := exp(2 * z)
		z = 1 - 2/(s+1)
		if x < 0 {
			z = -z
		}
		return z
	case x == 0:
		return x
	}
	s := float64(x * x)
	num := float64(float64(float64(float64(tanhP[0]*s)+tanhP[1])*s) + tanhP[2])
	den := float64(float64(float64(float64(s+tanhQ[0])*s)+tanhQ[1])*s) + tanhQ[2]
	return x + float64(float64(x*s)*num)/den
}

// sigmoid returns the logistic function 1/(1+e^(−x)), computed so that it is
// exactly 0 or 1 far out in the tails and never overflows.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + exp(-x))
	}
	e := exp(x)
	return e / (1 + e)
}

// softplus returns ln(1 + e^x) without overflow: max(x, 0) + ln(1 + e^(−|x|)).
func softplus(x float64) float64 {
	return math.Max(x, 0) + log1p(exp(-math.Abs(x)))
}
