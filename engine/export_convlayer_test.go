package engine

// ConvLayer is the multi-channel convolution a CNN is built of. Only its
// tests and benchmark (workload C3) use it until the CNN page does, so it
// is compiled into the tests alone: the page's issue moves it back.

import "math"

// Volume is a stack of C maps of the same size, stored interleaved: the
// value of channel c at column x, row y is Data[(y*W+x)*C+c]. This is
// TensorFlow's NHWC layout for one image (N = 1).
//
// The zero value is an empty volume, usable as a destination.
type Volume struct {
	W, H, C int
	Data    []float32 // len W·H·C
}

// check panics if v's size and data disagree.
func (v Volume) check() {
	if v.W < 0 || v.H < 0 || v.C < 0 || len(v.Data) != v.W*v.H*v.C {
		panic("engine: volume data length does not match its size")
	}
}

// ConvLayer is a CNN convolution layer: Out filters, each Size×Size×In,
// convolved with an In-channel Volume, giving an Out-channel Volume:
//
//	out[y][x][o] = Σ_u Σ_v Σ_i in[y·S + u − Pt][x·S + v − Pl][i] · Weights[u][v][i][o] + Bias[o]
//
// with Weights in TensorFlow's HWIO layout, index ((u*Size+v)*In+i)*Out+o.
// Padding and stride are as in Conv2D (cross-correlation, zeros outside).
// Each output is accumulated in float32 from 0, in the order of u, v, i
// (padding skipped), then the bias is added.
type ConvLayer struct {
	Size    int       // kernel side, 1..MaxKernelSize
	In, Out int       // input and output channels, ≥ 1
	Weights []float32 // len Size·Size·In·Out, HWIO
	Bias    []float32 // len Out, or nil for none
	Stride  int       // 1..MaxStride; 0 means 1
	Padding Padding   // Valid, Same or Full
}

// OutDims returns the width and height of the output for a w×h input.
// It panics if l's stride or padding is invalid.
func (l ConvLayer) OutDims(w, h int) (ow, oh int) {
	return Conv2D{Stride: l.Stride, Padding: l.Padding}.OutDims(w, h, l.Size, l.Size)
}

// ForwardTo sets dst to the layer's output for src. dst must not share
// storage with src. It panics if the sizes of l, its weights or bias, or
// src disagree, a weight is not finite, or the stride or padding is invalid.
func (l ConvLayer) ForwardTo(dst *Volume, src Volume) {
	src.check()
	if l.Size < 1 || l.Size > MaxKernelSize || l.In < 1 || l.Out < 1 ||
		len(l.Weights) != l.Size*l.Size*l.In*l.Out || (l.Bias != nil && len(l.Bias) != l.Out) {
		panic("engine: bad ConvLayer shape")
	}
	if src.C != l.In {
		panic("engine: input channels do not match the layer")
	}
	for _, w := range l.Weights {
		// A non-finite weight times a padding zero would be NaN, not 0.
		if w != w || w > math.MaxFloat32 || w < -math.MaxFloat32 {
			panic("engine: layer weight is not finite")
		}
	}
	s := Conv2D{Stride: l.Stride, Padding: l.Padding}.stride()
	pt, _ := l.Padding.Pads(src.H, l.Size, s)
	pl, _ := l.Padding.Pads(src.W, l.Size, s)
	ow, oh := l.OutDims(src.W, src.H)
	if len(dst.Data) > 0 && len(src.Data) > 0 && &dst.Data[0] == &src.Data[0] {
		panic("engine: dst shares storage with src")
	}
	n := ow * oh * l.Out
	if cap(dst.Data) >= n {
		dst.Data = dst.Data[:n]
	} else {
		dst.Data = make([]float32, n)
	}
	dst.W, dst.H, dst.C = ow, oh, l.Out

	// The weights, repacked so that the loop over input channels reads the
	// four output channels of a block contiguously:
	// packed[(tap*blocks + b)*In + i] = Weights[tap][i][4b : 4b+4].
	nIn, nOut, kk := l.In, l.Out, l.Size*l.Size
	blocks := nOut / 4
	packed := make([][4]float32, kk*blocks*nIn)
	for t := range kk {
		for b := range blocks {
			for i := range nIn {
				copy(packed[(t*blocks+b)*nIn+i][:], l.Weights[(t*nIn+i)*nOut+4*b:])
			}
		}
	}

	// taps holds the in-bounds window positions of one output: the offset of
	// the input pixel and the window index u·Size + v.
	type tap struct{ in, k int }
	taps := make([]tap, 0, kk)
	for oy := range oh {
		for ox := range ow {
			taps = taps[:0]
			for u := range l.Size {
				iy := oy*s + u - pt
				if uint(iy) >= uint(src.H) {
					continue
				}
				for v := range l.Size {
					ix := ox*s + v - pl
					if uint(ix) >= uint(src.W) {
						continue
					}
					taps = append(taps, tap{(iy*src.W + ix) * nIn, u*l.Size + v})
				}
			}
			o := dst.Data[(oy*ow+ox)*nOut:][:nOut]
			// Four output channels at a time, their sums in registers: each
			// input value is loaded once per four products. (With eight,
			// the Go compiler spills a sum to the stack in this loop.)
			for b := range blocks {
				var a0, a1, a2, a3 float32
				for _, t := range taps {
					wb := packed[(t.k*blocks+b)*nIn:][:nIn]
					x := src.Data[t.in:][:len(wb)]
					for i, xv := range x {
						w := &wb[i]
						a0 += float32(xv * w[0])
						a1 += float32(xv * w[1])
						a2 += float32(xv * w[2])
						a3 += float32(xv * w[3])
					}
				}
				oo := o[4*b : 4*b+4 : 4*b+4]
				oo[0], oo[1], oo[2], oo[3] = a0, a1, a2, a3
			}
			for co := 4 * blocks; co < nOut; co++ {
				var a float32
				for _, t := range taps {
					x := src.Data[t.in:][:nIn]
					w := l.Weights[t.k*nIn*nOut+co:]
					for i, xv := range x {
						a += float32(xv * w[i*nOut])
					}
				}
				o[co] = a
			}
			if l.Bias != nil {
				for i, b := range l.Bias {
					o[i] += b
				}
			}
		}
	}
}
