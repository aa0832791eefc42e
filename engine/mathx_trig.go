package engine

import (
	"math"
	"math/bits"
)

// This file adds the portable sin, cos and log that the datasets and the
// sin x features need, ported like mathx.go from the Go standard library's
// pure-Go code (src/math/sin.go, trig_reduce.go, log.go; originally Cephes
// and FreeBSD's msun), with every product that feeds an addition rounded by
// an explicit float64 conversion so that no architecture may fuse it.

// sinP and cosP are the Cephes polynomials for sin and cos on [0, π/4].
var (
	sinP = [...]float64{
		1.58962301576546568060e-10,
		-2.50507477628578072866e-8,
		2.75573136213857245213e-6,
		-1.98412698295895385996e-4,
		8.33333333332211858878e-3,
		-1.66666666666666307295e-1,
	}
	cosP = [...]float64{
		-1.13585365213876817300e-11,
		2.08757008419747316778e-9,
		-2.75573141792967388112e-7,
		2.48015872888517045348e-5,
		-1.38888888888730564116e-3,
		4.16666666666665929218e-2,
	}
)

// sin returns the sine of the radian argument x.
//
// Special cases are sin(±0) = ±0, sin(±Inf) = NaN, sin(NaN) = NaN.
func sin(x float64) float64 {
	switch {
	case x == 0 || math.IsNaN(x):
		return x
	case math.IsInf(x, 0):
		return math.NaN()
	}
	sign := false
	if x < 0 {
		x = -x
		sign = true
	}
	j, z := trigOctant(x)
	if j > 3 {
		sign = !sign
		j -= 4
	}
	var y float64
	if j == 1 || j == 2 {
		y = cosPoly(z)
	} else {
		y = sinPoly(z)
	}
	if sign {
		y = -y
	}
	return y
}

// cos returns the cosine of the radian argument x.
//
// Special cases are cos(±Inf) = NaN, cos(NaN) = NaN.
func cos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	sign := false
	j, z := trigOctant(math.Abs(x))
	if j > 3 {
		j -= 4
		sign = !sign
	}
	if j > 1 {
		sign = !sign
	}
	var y float64
	if j == 1 || j == 2 {
		y = sinPoly(z)
	} else {
		y = cosPoly(z)
	}
	if sign {
		y = -y
	}
	return y
}

// trigOctant reduces x ≥ 0 to its octant j (mod 8, zeros mapped to the
// origin) and z = x − j·π/4 in extended precision.
func trigOctant(x float64) (j uint64, z float64) {
	const (
		pi4A = 7.85398125648498535156e-1 // π/4 split into three parts
		pi4B = 3.77489470793079817668e-8
		pi4C = 2.69515142907905952645e-15
	)
	if x >= trigReduceThreshold {
		return trigReduce(x)
	}
	j = uint64(x * (4 / math.Pi))
	y := float64(j)
	if j&1 == 1 {
		j++
		y++
	}
	j &= 7
	return j, ((x - float64(y*pi4A)) - float64(y*pi4B)) - float64(y*pi4C)
}

func sinPoly(z float64) float64 {
	zz := float64(z * z)
	p := float64(float64(float64(float64(float64(float64(float64(float64(float64(float64(sinP[0]*zz)+sinP[1])*zz)+sinP[2])*zz)+sinP[3])*zz)+sinP[4])*zz) + sinP[5])
	return z + float64(float64(z*zz)*p)
}

func cosPoly(z float64) float64 {
	zz := float64(z * z)
	p := float64(float64(float64(float64(float64(float64(float64(float64(float64(float64(cosP[0]*zz)+cosP[1])*zz)+cosP[2])*zz)+cosP[3])*zz)+cosP[4])*zz) + cosP[5])
	return 1.0 - float64(0.5*zz) + float64(float64(zz*zz)*p)
}

// trigReduceThreshold is the point where Cody–Waite reduction loses
// precision and Payne–Hanek reduction takes over.
const trigReduceThreshold = 1 << 29

// trigReduce is Payne–Hanek reduction of x ≥ trigReduceThreshold by π/4,
// in exact integer arithmetic, from src/math/trig_reduce.go.
func trigReduce(x float64) (j uint64, z float64) {
	const (
		mask  = 0x7FF
		shift = 64 - 11 - 1
		bias  = 1023
	)
	ix := math.Float64bits(x)
	exp := int(ix>>shift&mask) - bias - shift
	ix &^= mask << shift
	ix |= 1 << shift
	digit, bitshift := uint(exp+61)/64, uint(exp+61)%64
	z0 := (mPi4[digit] << bitshift) | (mPi4[digit+1] >> (64 - bitshift))
	z1 := (mPi4[digit+1] << bitshift) | (mPi4[digit+2] >> (64 - bitshift))
	z2 := (mPi4[digit+2] << bitshift) | (mPi4[digit+3] >> (64 - bitshift))
	z2hi, _ := bits.Mul64(z2, ix)
	z1hi, z1lo := bits.Mul64(z1, ix)
	z0lo := z0 * ix
	lo, c := bits.Add64(z1lo, z2hi, 0)
	hi, _ := bits.Add64(z0lo, z1hi, c)
	j = hi >> 61
	hi = hi<<3 | lo>>61
	lz := uint(bits.LeadingZeros64(hi))
	e := uint64(bias - (lz + 1))
	hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
	hi >>= 64 - shift
	hi |= e << shift
	z = math.Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, float64(z * (math.Pi / 4))
}

// mPi4 is the binary digits of 4/π as a uint64 array (from trig_reduce.go).
var mPi4 = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}

// log returns the natural logarithm of x.
//
// Special cases are log(+Inf) = +Inf, log(0) = −Inf, log(x < 0) = NaN,
// log(NaN) = NaN.
func log(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	f1, ki := math.Frexp(x) // exact
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	r := t1 + t2
	hfsq := float64(float64(0.5*f) * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}
