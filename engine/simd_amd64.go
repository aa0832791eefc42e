//go:build goexperiment.simd && amd64

package engine

import (
	"simd/archsimd"
	"sync"
)

// The SIMD kernels of the hot loops, built with GOEXPERIMENT=simd on amd64
// and chosen at run time by CPU feature. Each vector lane computes one
// output, adding the same rounded products in the same order as the pure-Go
// loops: a multiply, then an add (never a fused multiply-add, whose single
// rounding changes results). So both paths give the same bits; the tests
// compare them on random inputs.
//
// Each kernel ends with ClearAVXUpperBits: without it, the SSE code that
// runs afterwards (gonum, the runtime) pays for false dependencies on the
// upper halves of the vector registers, 1.8–3× slower.

// vecLevel is the widest vector unit the kernels use.
type vecLevel uint8

const (
	vecNone   vecLevel = iota // pure Go
	vecAVX2                   // 256-bit
	vecAVX512                 // 512-bit
)

// vecCPU is what this CPU supports; vecUse is what the kernels use (the
// tests lower it to compare the paths).
var vecCPU, vecUse = detectVec(), detectVec()

func detectVec() vecLevel {
	switch {
	case archsimd.X86.AVX512():
		return vecAVX512
	case archsimd.X86.AVX2():
		return vecAVX2
	}
	return vecNone
}

// convTap is one term of every output's sum in a row: the input at
// base[off+i] for output i, times w.
type convTap struct {
	off int
	w   float32
}

// convRows holds input rows prepared for the vector loops: zero-padded and,
// for stride s > 1, split into s phases (phase p holds padded columns p,
// p+s, p+2s…), so that tap v of output i reads phase v mod s at i + v/s, as
// in stride 1. Rows are kept in kh slots, one per row of the window, and
// each input row is prepared once.
type convRows struct {
	buf  []float32
	tags []int // input row held by each slot, or −1
}

var convRowsPool = sync.Pool{New: func() any { return new(convRows) }}

// conv2DVec writes the convolution's outputs with vector lanes and returns
// true, or returns false if the CPU has no AVX2.
func conv2DVec(out []float32, src Map, p *plan) bool {
	if vecUse == vecNone {
		return false
	}
	lanes := 8
	if vecUse == vecAVX512 {
		lanes = 16
	}
	ow, oh, s, kw := p.ow, p.oh, p.s, p.kw
	span := (ow-1)*s + kw // padded input columns under one output row
	// In place: stride 1 and no column outside the image.
	direct := s == 1 && p.pl == 0 && span <= src.W
	phase := ow + (kw-1)/s // length of one phase of a prepared row
	var rows *convRows
	if !direct {
		rows = convRowsPool.Get().(*convRows)
		rows.buf = grow(rows.buf, p.kh*s*phase)
		rows.tags = rows.tags[:0]
		for range p.kh {
			rows.tags = append(rows.tags, -1)
		}
	}
	var taps [MaxKernelSize * MaxKernelSize]convTap
	for oy := range oh {
		o := out[oy*ow : (oy+1)*ow]
		base := src.Data
		if !direct {
			base = rows.buf
		}
		nt := 0
		for u := range p.kh {
			iy := oy*s + u - p.pt
			if uint(iy) >= uint(src.H) {
				continue // padding: its products are zeros, which add nothing
			}
			w := p.w[u*kw : (u+1)*kw]
			if direct {
				for v, wv := range w {
					taps[nt] = convTap{iy*src.W + v, wv}
					nt++
				}
				continue
			}
			slot := iy % p.kh
			at := slot * s * phase
			if rows.tags[slot] != iy {
				rows.prepare(rows.buf[at:at+s*phase], src.Data[iy*src.W:(iy+1)*src.W], p.pl, s, phase)
				rows.tags[slot] = iy
			}
			for v, wv := range w {
				taps[nt] = convTap{at + (v%s)*phase + v/s, wv}
				nt++
			}
		}
		if nt == 0 {
			clear(o) // only padding under the window: +0
			continue
		}
		if lanes == 16 {
			convRow16(o, base, taps[:nt])
		} else {
			convRow8(o, base, taps[:nt])
		}
	}
	if rows != nil {
		convRowsPool.Put(rows)
	}
	archsimd.ClearAVXUpperBits()
	return true
}

// grow returns b resized to n, reusing its storage if it can.
func grow(b []float32, n int) []float32 {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]float32, n)
}

// prepare writes the input row r, padded with pl zeros before it and zeros
// after, split into s phases of n values, to dst.
func (*convRows) prepare(dst, r []float32, pl, s, n int) {
	if s == 1 {
		dst = dst[:n]
		lo := min(pl, n)
		clear(dst[:lo])
		c := copy(dst[lo:], r)
		clear(dst[lo+c:])
		return
	}
	for ph := range s {
		d := dst[ph*n : (ph+1)*n]
		for j := range d {
			x := ph + j*s - pl // image column of padded column ph + j·s
			if uint(x) < uint(len(r)) {
				d[j] = r[x]
			} else {
				d[j] = 0
			}
		}
	}
}

// convRow8 sets o[i] = Σ_t base[t.off+i]·t.w, taps in order, starting from
// +0, eight outputs per vector.
func convRow8(o, base []float32, taps []convTap) {
	n := len(o)
	if n < 8 {
		convRowScalar(o, base, taps)
		return
	}
	i := 0
	for ; i+32 <= n; i += 32 {
		var a0, a1, a2, a3 archsimd.Float32x8
		for _, t := range taps {
			w := archsimd.BroadcastFloat32x8(t.w)
			x := (*[32]float32)(base[t.off+i:])
			a0 = a0.Add(archsimd.LoadFloat32x8((*[8]float32)(x[0:8])).Mul(w))
			a1 = a1.Add(archsimd.LoadFloat32x8((*[8]float32)(x[8:16])).Mul(w))
			a2 = a2.Add(archsimd.LoadFloat32x8((*[8]float32)(x[16:24])).Mul(w))
			a3 = a3.Add(archsimd.LoadFloat32x8((*[8]float32)(x[24:32])).Mul(w))
		}
		oo := o[i:][:32]
		a0.Store((*[8]float32)(oo[0:8]))
		a1.Store((*[8]float32)(oo[8:16]))
		a2.Store((*[8]float32)(oo[16:24]))
		a3.Store((*[8]float32)(oo[24:32]))
	}
	for ; i < n; i += 8 {
		// The last block overlaps the one before it, whose outputs it
		// recomputes with the same bits.
		i = min(i, n-8)
		var a archsimd.Float32x8
		for _, t := range taps {
			x := (*[8]float32)(base[t.off+i:])
			a = a.Add(archsimd.LoadFloat32x8(x).Mul(archsimd.BroadcastFloat32x8(t.w)))
		}
		a.Store((*[8]float32)(o[i:][:8]))
	}
}

// convRow16 is convRow8 with sixteen outputs per vector (AVX-512).
func convRow16(o, base []float32, taps []convTap) {
	n := len(o)
	if n < 16 {
		convRow8(o, base, taps)
		return
	}
	i := 0
	for ; i+64 <= n; i += 64 {
		var a0, a1, a2, a3 archsimd.Float32x16
		for _, t := range taps {
			w := archsimd.BroadcastFloat32x16(t.w)
			x := (*[64]float32)(base[t.off+i:])
			a0 = a0.Add(archsimd.LoadFloat32x16((*[16]float32)(x[0:16])).Mul(w))
			a1 = a1.Add(archsimd.LoadFloat32x16((*[16]float32)(x[16:32])).Mul(w))
			a2 = a2.Add(archsimd.LoadFloat32x16((*[16]float32)(x[32:48])).Mul(w))
			a3 = a3.Add(archsimd.LoadFloat32x16((*[16]float32)(x[48:64])).Mul(w))
		}
		oo := o[i:][:64]
		a0.Store((*[16]float32)(oo[0:16]))
		a1.Store((*[16]float32)(oo[16:32]))
		a2.Store((*[16]float32)(oo[32:48]))
		a3.Store((*[16]float32)(oo[48:64]))
	}
	for ; i < n; i += 16 {
		i = min(i, n-16)
		var a archsimd.Float32x16
		for _, t := range taps {
			x := (*[16]float32)(base[t.off+i:])
			a = a.Add(archsimd.LoadFloat32x16(x).Mul(archsimd.BroadcastFloat32x16(t.w)))
		}
		a.Store((*[16]float32)(o[i:][:16]))
	}
}

// convRowScalar is convRow8 one output at a time, for rows shorter than a
// vector.
func convRowScalar(o, base []float32, taps []convTap) {
	for i := range o {
		var s float32
		for _, t := range taps {
			s += float32(base[t.off+i] * t.w)
		}
		o[i] = s
	}
}
