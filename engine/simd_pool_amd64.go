//go:build goexperiment.simd && amd64

package engine

import "simd/archsimd"

// Pooling with vector lanes, one output per lane, for strides 1 and 2 (the
// classic 2×2 pool with stride 2 among them). Each lane reduces its window
// as maxPool and avgPool do: the max keeps the first of equal values and
// takes a NaN (v > acc or v is NaN), the average adds from +0 in window
// order and divides.

// Lane i of the stride-2 loads takes element 2i (even) or 2i+1 (odd) of
// two consecutive vectors.
var (
	pickEven8  = [8]uint32{0, 1, 4, 5, 2, 3, 6, 7} // after SelectFromPairGrouped(0, 2, 4, 6)
	pickEven16 = [16]uint32{0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30}
)

// poolVec writes the ow×oh pooled src to out and returns true, or returns
// false if the CPU, the stride or the map's width leave it to the pure-Go
// loops.
func poolVec(out []float32, src Map, op PoolOp, size, stride, ow, oh int) bool {
	if vecUse == vecNone || stride > 2 {
		return false
	}
	lanes := 8
	if vecUse == vecAVX512 {
		lanes = 16
	}
	// A block of outputs from i loads inputs [i·stride, i·stride + reach).
	reach := (lanes-1)*stride + size
	if stride == 2 {
		reach = 2*lanes + size - 1 // two whole vectors from each window column
	}
	if ow < lanes || src.W < reach {
		return false
	}
	last := (src.W - reach) / stride // the last block start whose loads fit the row
	div := float32(size * size)
	for oy := range oh {
		o := out[oy*ow : (oy+1)*ow]
		rows := src.Data[oy*stride*src.W:]
		for i := 0; i < ow; i += lanes {
			// The last blocks overlap the ones before, recomputing their
			// outputs with the same bits.
			i = min(i, ow-lanes, last)
			if lanes == 16 {
				pool16(o[i:], rows, src.W, i*stride, op, size, stride, div)
			} else {
				pool8(o[i:], rows, src.W, i*stride, op, size, stride, div)
			}
			if i == last && last+lanes < ow {
				// Past the loads that fit: one output at a time.
				for j := last + lanes; j < ow; j++ {
					o[j] = poolAt(rows, src.W, j*stride, op, size, div)
				}
				break
			}
		}
	}
	archsimd.ClearAVXUpperBits()
	return true
}

// poolAt reduces the window whose top-left input is rows[x0], as the
// vector lanes do.
func poolAt(rows []float32, w, x0 int, op PoolOp, size int, div float32) float32 {
	if op == MaxPool {
		acc := rows[x0]
		for u := range size {
			for _, v := range rows[u*w+x0:][:size] {
				if v > acc || v != v {
					acc = v
				}
			}
		}
		return acc
	}
	var acc float32
	for u := range size {
		for _, v := range rows[u*w+x0:][:size] {
			acc += v
		}
	}
	return acc / div
}

// pool8 writes 8 outputs to o from the windows whose top-left inputs are
// rows[x0], rows[x0+stride]…
func pool8(o, rows []float32, w, x0 int, op PoolOp, size, stride int, div float32) {
	even := archsimd.LoadUint32x8(&pickEven8)
	load := func(at int) archsimd.Float32x8 {
		if stride == 1 {
			return archsimd.LoadFloat32x8((*[8]float32)(rows[at:]))
		}
		x := (*[16]float32)(rows[at:])
		a := archsimd.LoadFloat32x8((*[8]float32)(x[:8]))
		b := archsimd.LoadFloat32x8((*[8]float32)(x[8:]))
		return a.SelectFromPairGrouped(0, 2, 4, 6, b).Permute(even)
	}
	var acc archsimd.Float32x8
	if op == MaxPool {
		acc = load(x0)
	}
	for u := range size {
		for v := range size {
			x := load(u*w + x0 + v)
			if op == MaxPool {
				acc = x.Merge(acc, x.Greater(acc).Or(x.IsNaN()))
			} else {
				acc = acc.Add(x)
			}
		}
	}
	if op == AvgPool {
		acc = acc.Div(archsimd.BroadcastFloat32x8(div))
	}
	acc.Store((*[8]float32)(o))
}

// pool16 is pool8 with 16 outputs (AVX-512).
func pool16(o, rows []float32, w, x0 int, op PoolOp, size, stride int, div float32) {
	even := archsimd.LoadUint32x16(&pickEven16)
	load := func(at int) archsimd.Float32x16 {
		if stride == 1 {
			return archsimd.LoadFloat32x16((*[16]float32)(rows[at:]))
		}
		x := (*[32]float32)(rows[at:])
		a := archsimd.LoadFloat32x16((*[16]float32)(x[:16]))
		b := archsimd.LoadFloat32x16((*[16]float32)(x[16:]))
		return a.ConcatPermute(b, even)
	}
	var acc archsimd.Float32x16
	if op == MaxPool {
		acc = load(x0)
	}
	for u := range size {
		for v := range size {
			x := load(u*w + x0 + v)
			if op == MaxPool {
				acc = x.Merge(acc, x.Greater(acc).Or(x.IsNaN()))
			} else {
				acc = acc.Add(x)
			}
		}
	}
	if op == AvgPool {
		acc = acc.Div(archsimd.BroadcastFloat32x16(div))
	}
	acc.Store((*[16]float32)(o))
}
