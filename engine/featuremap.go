package engine

import "math"

// Map is a single-channel 2-D map of values: an image, a kernel or a feature
// map. It is stored row-major: the value at column x, row y is
// Data[y*W+x], so Map.Row(y) is row y, top to bottom.
//
// Values are float32. A 1024×1024 float32 map fits in 4 MiB, half the memory
// traffic of float64, which matters because convolution is memory- and
// load-bound; and float32 arithmetic is exact IEEE 754 binary32 both on
// amd64 (SSE) and in WebAssembly (f32 instructions), so results stay
// bit-identical. Pixels 0..255 and the preset kernels' weights are exact in
// float32.
//
// The zero value is an empty 0×0 map, usable as a destination: functions
// named with a To suffix resize their dst, reusing its storage when it is
// large enough.
type Map struct {
	W, H int       // width (columns, x) and height (rows, y)
	Data []float32 // len W·H, row-major
}

// NewMap returns a w×h map over data, which is used, not copied. If data is
// nil a zeroed slice is allocated. It panics if w or h is negative or
// len(data) != w·h.
func NewMap(w, h int, data []float32) Map {
	if w < 0 || h < 0 {
		panic("engine: negative map size")
	}
	if data == nil {
		data = make([]float32, w*h)
	}
	m := Map{W: w, H: h, Data: data}
	m.check()
	return m
}

// At returns the value at column x, row y. It panics if (x, y) is outside m.
func (m Map) At(x, y int) float32 {
	if uint(x) >= uint(m.W) || uint(y) >= uint(m.H) {
		panic("engine: map index out of range")
	}
	return m.Data[y*m.W+x]
}

// Set sets the value at column x, row y. It panics if (x, y) is outside m.
func (m Map) Set(x, y int, v float32) {
	if uint(x) >= uint(m.W) || uint(y) >= uint(m.H) {
		panic("engine: map index out of range")
	}
	m.Data[y*m.W+x] = v
}

// Row returns row y, sharing m's storage. It panics if y is outside m.
func (m Map) Row(y int) []float32 {
	if uint(y) >= uint(m.H) {
		panic("engine: map index out of range")
	}
	return m.Data[y*m.W : (y+1)*m.W : (y+1)*m.W]
}

// MaxAbs returns the largest finite |v| in m, or 0 if there is none.
// Non-finite values are skipped.
func (m Map) MaxAbs() float32 {
	var hi, lo float32
	for _, v := range m.Data {
		hi, lo = maxMin(v, hi, lo)
	}
	if hi <= math.MaxFloat32 && lo >= -math.MaxFloat32 {
		return max(hi, -lo)
	}
	hi, lo = 0, 0 // rare: skip the infinities
	for _, v := range m.Data {
		if v <= math.MaxFloat32 && v >= -math.MaxFloat32 {
			hi, lo = maxMin(v, hi, lo)
		}
	}
	return max(hi, -lo)
}

// maxMin returns max(hi, v), min(lo, v), ignoring NaN.
func maxMin(v, hi, lo float32) (float32, float32) {
	if v > hi {
		hi = v
	}
	if v < lo {
		lo = v
	}
	return hi, lo
}

// check panics if m's size and data disagree.
func (m Map) check() {
	if m.W < 0 || m.H < 0 || len(m.Data) != m.W*m.H {
		panic("engine: map data length does not match its size")
	}
}

// reuse makes m a w×h map, keeping its storage when it is large enough.
// The contents are not cleared.
func (m *Map) reuse(w, h int) {
	m.W, m.H = w, h
	if cap(m.Data) >= w*h {
		m.Data = m.Data[:w*h]
	} else {
		m.Data = make([]float32, w*h)
	}
}

// sameStorage reports whether a and b start at the same element, the usual
// way of passing one map as both dst and src.
func sameStorage(a, b []float32) bool {
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// ActivateTo sets dst to f applied to every value of src and returns dst:
// dst[i] = float32(f(float64(src[i]))). dst may be src itself (&src), which
// activates in place. It panics if f is the zero Activation.
func ActivateTo(dst *Map, src Map, f Activation) {
	if f.f == nil {
		panic("engine: zero Activation")
	}
	src.check()
	if !sameStorage(dst.Data, src.Data) {
		dst.reuse(src.W, src.H)
	}
	dst.W, dst.H = src.W, src.H
	out := dst.Data[:len(src.Data)]
	if f.name == ReLU.name {
		// ReLU inline, with the float64 version's results (v if v > 0 or
		// NaN, else +0): a call per pixel costs more than the rest of a
		// stroke's work in WebAssembly.
		for i, v := range src.Data {
			if !(v > 0 || v != v) {
				v = 0
			}
			out[i] = v
		}
		return
	}
	for i, v := range src.Data {
		out[i] = float32(f.f(float64(v)))
	}
}
