//go:build goexperiment.simd && amd64

package engine

import (
	"math"
	"simd/archsimd"
)

// tanhVec sets y[k] = tanh(z[k]) for the first k of len(z) rounded down to
// 4, four lanes at a time, and returns that count (0 without AVX2). Each
// lane evaluates both of tanhTo's written-out branches with the same
// operations in the same order, and keeps the one its |x| selects; lanes in
// neither (±0, NaN, the flat tails) go to tanh one by one, as in tanhTo.
func tanhVec(y, z []float64) int {
	if vecUse == vecNone || len(z) < 4 {
		return 0
	}
	var (
		signBit = archsimd.BroadcastUint64x4(1 << 63)
		lo      = archsimd.BroadcastFloat64x4(math.Float64frombits(tanhLoBits))
		hiEnd   = archsimd.BroadcastFloat64x4(math.Float64frombits(tanhHiBits))
		zero    = archsimd.BroadcastFloat64x4(0)
		one     = archsimd.BroadcastFloat64x4(1)
		two     = archsimd.BroadcastFloat64x4(2)
		half    = archsimd.BroadcastFloat64x4(0.5)
	)
	n := len(z) &^ 3
	y = y[:n]
	for i := 0; i < n; i += 4 {
		x := archsimd.LoadFloat64x4((*[4]float64)(z[i:]))
		xb := x.AsUint64x4()
		a := xb.AndNot(signBit).AsFloat64x4()
		inExp := a.GreaterEqual(lo).And(a.LessEqual(hiEnd))
		inSmall := a.Greater(zero).And(a.Less(lo))

		// exp(2a) as tanhTo writes it out.
		v := a.Add(a)
		k := archsimd.BroadcastFloat64x4(expLog2e).Mul(v).Add(half).ConvertToInt32()
		kf := k.ConvertToFloat64()
		h := v.Sub(kf.Mul(archsimd.BroadcastFloat64x4(expLn2Hi)))
		l := kf.Mul(archsimd.BroadcastFloat64x4(expLn2Lo))
		r := h.Sub(l)
		t := r.Mul(r)
		p := t.Mul(archsimd.BroadcastFloat64x4(expP5))
		p = t.Mul(p.Add(archsimd.BroadcastFloat64x4(expP4)))
		p = t.Mul(p.Add(archsimd.BroadcastFloat64x4(expP3)))
		p = t.Mul(p.Add(archsimd.BroadcastFloat64x4(expP2)))
		p = t.Mul(p.Add(archsimd.BroadcastFloat64x4(expP1)))
		c := r.Sub(p)
		scale := k.ExtendToInt64().Add(archsimd.BroadcastInt64x4(1023)).ShiftAllLeft(52).AsFloat64x4()
		e := one.Sub(l.Sub(r.Mul(c).Div(two.Sub(c))).Sub(h)).Mul(scale)
		big := one.Sub(two.Div(e.Add(one)))
		big = big.AsUint64x4().AndNot(signBit).Or(xb.And(signBit)).AsFloat64x4() // Copysign(big, x)

		// The rational function below 0.625.
		q := x.Mul(x)
		num := archsimd.BroadcastFloat64x4(tanhP[0]).Mul(q).Add(archsimd.BroadcastFloat64x4(tanhP[1])).Mul(q).Add(archsimd.BroadcastFloat64x4(tanhP[2]))
		den := q.Add(archsimd.BroadcastFloat64x4(tanhQ[0])).Mul(q).Add(archsimd.BroadcastFloat64x4(tanhQ[1])).Mul(q).Add(archsimd.BroadcastFloat64x4(tanhQ[2]))
		small := x.Add(x.Mul(q).Mul(num).Div(den))

		big.Merge(small, inExp).Store((*[4]float64)(y[i:]))
		if done := inExp.Or(inSmall).ToBits(); done != 0xf {
			for j := range 4 {
				if done&(1<<j) == 0 {
					y[i+j] = tanh(z[i+j])
				}
			}
		}
	}
	archsimd.ClearAVXUpperBits()
	return n
}
