package engine

import (
	"encoding/binary"
	"math"
)

// MaxUploadSide bounds the sides of a picture the playground accepts for
// conversion (a photo from a phone is about 4000 px wide); it is scaled down
// to MaxImageSide before use.
const MaxUploadSide = 4096

// GrayFromRGBA sets dst to the w×h grey image of pix, non-premultiplied RGBA
// with four bytes per pixel, row-major (the layout of a canvas ImageData
// and of image.NRGBA's Pix). Each level is the ITU-R BT.601 luma in 8-bit
// fixed point, composited over white by the pixel's alpha:
//
//	l = (77·R + 150·G + 29·B + 128) >> 8
//	v = ⌊(l·A + 255·(255 − A) + 127) / 255⌋
//
// so v is an integer 0..255, a grey pixel (R = G = B) keeps its level, and
// a transparent one is white. It panics if w or h is negative or
// len(pix) != 4·w·h.
func GrayFromRGBA(dst *Map, pix []byte, w, h int) {
	if w < 0 || h < 0 || len(pix) != 4*w*h {
		panic("engine: RGBA data length does not match its size")
	}
	dst.reuse(w, h)
	for i := range dst.Data {
		p := binary.LittleEndian.Uint32(pix[4*i:])
		r, g, b, a := p&0xff, p>>8&0xff, p>>16&0xff, p>>24
		l := (77*r + 150*g + 29*b + 128) >> 8
		if a != 255 {
			l = (l*a + 255*(255-a) + 127) / 255
		}
		dst.Data[i] = float32(l)
	}
}

// GrayFromBytes sets dst to the w×h image of grey levels b, one byte per
// pixel row-major. GrayTo with the Clip scale is its inverse for maps of
// integers 0..255. It panics if w or h is negative or len(b) != w·h.
func GrayFromBytes(dst *Map, b []byte, w, h int) {
	if w < 0 || h < 0 || len(b) != w*h {
		panic("engine: grey data length does not match its size")
	}
	dst.reuse(w, h)
	for i, v := range b {
		dst.Data[i] = float32(v)
	}
}

// FitSize returns the size of a w×h picture scaled down, keeping its aspect
// ratio, to fit in side×side: w and h themselves when they fit, else the
// longer side becomes side and the shorter one is rounded to the nearest
// pixel (at least 1). It panics if an argument is less than 1.
func FitSize(w, h, side int) (int, int) {
	if w < 1 || h < 1 || side < 1 {
		panic("engine: FitSize of an empty size")
	}
	if w <= side && h <= side {
		return w, h
	}
	if w >= h {
		return side, max(1, (2*h*side+w)/(2*w))
	}
	return max(1, (2*w*side+h)/(2*h)), side
}

// DownscaleTo sets dst to src scaled down to w×h by area averaging: each
// output pixel is the mean of the source area it covers, each source pixel
// weighted by the part of it inside that area, rounded to the nearest
// integer (halves up). For a picture of integer levels the sums are exact,
// so the result is the same on every platform. dst must not share storage
// with src. It panics if w or h is less than 1 or larger than src's size.
func DownscaleTo(dst *Map, src Map, w, h int) {
	src.check()
	if w < 1 || h < 1 || w > src.W || h > src.H {
		panic("engine: DownscaleTo size out of range")
	}
	if sameStorage(dst.Data, src.Data) {
		panic("engine: dst shares storage with src")
	}
	// Along an axis of n source pixels and m outputs, output o covers
	// [o·n, (o+1)·n) and source pixel j covers [j·m, (j+1)·m), in units
	// of 1/m source pixels: the overlaps are integers summing to n.
	type span struct{ first, last int }
	spans := func(n, m int) []span {
		s := make([]span, m)
		for o := range s {
			s[o] = span{o * n / m, ((o+1)*n - 1) / m}
		}
		return s
	}
	weight := func(o, j, n, m int) float64 {
		return float64(min((j+1)*m, (o+1)*n) - max(j*m, o*n))
	}
	xs, ys := spans(src.W, w), spans(src.H, h)
	// Rows first: tmp[y][x] = Σ_j weight·src[y][j], then the columns.
	tmp := make([]float64, src.H*w)
	for y := range src.H {
		row := src.Data[y*src.W : (y+1)*src.W]
		for x, sp := range xs {
			var acc float64
			for j := sp.first; j <= sp.last; j++ {
				acc += float64(weight(x, j, src.W, w) * float64(row[j]))
			}
			tmp[y*w+x] = acc
		}
	}
	dst.reuse(w, h)
	area := float64(src.W) * float64(src.H)
	for y, sp := range ys {
		for x := range w {
			var acc float64
			for i := sp.first; i <= sp.last; i++ {
				acc += float64(weight(y, i, src.H, h) * tmp[i*w+x])
			}
			dst.Data[y*w+x] = float32(math.Floor(acc/area + 0.5))
		}
	}
}

// RangeGrayTo writes m as 8-bit grey levels with lo shown black and hi
// white, linearly in between and clamped outside, to dst and returns it
// resized to m.W·m.H (a picture of levels 0..255 uses lo = 0, hi = 255;
// a matrix of small numbers is stretched to its own range):
//
//	px = ⌊(v − lo)·(255/(hi − lo)) + 0.5⌋, clamped to 0..255; NaN is 0
//
// in float32 with explicit roundings. It panics unless lo < hi, both
// finite, or if m's data does not match its size.
func RangeGrayTo(dst []byte, m Map, lo, hi float32) []byte {
	m.check()
	mul := rangeMul(lo, hi)
	dst = resizeBytes(dst, len(m.Data))
	for i, v := range m.Data {
		dst[i] = rangeLevel(v, lo, mul)
	}
	return dst
}

// RangeRGBATo is RangeGrayTo writing opaque grey RGBA pixels, four bytes
// per pixel as RGBATo does.
func RangeRGBATo(dst []byte, m Map, lo, hi float32) []byte {
	m.check()
	mul := rangeMul(lo, hi)
	dst = resizeBytes(dst, 4*len(m.Data))
	for i, v := range m.Data {
		g := uint32(rangeLevel(v, lo, mul))
		binary.LittleEndian.PutUint32(dst[4*i:], 0xff000000|g<<16|g<<8|g)
	}
	return dst
}

func rangeMul(lo, hi float32) float32 {
	if !(lo < hi) || math.IsInf(float64(lo), 0) || math.IsInf(float64(hi), 0) {
		panic("engine: bad display range")
	}
	return 255 / float32(hi-lo)
}

func rangeLevel(v, lo, mul float32) byte {
	t := float32(float32(v-lo)*mul) + 0.5
	switch {
	case t >= 255:
		return 255
	case t >= 0:
		return byte(int32(t))
	}
	return 0 // below the range, or NaN
}

// Range returns the smallest and largest finite values of m, or 0, 0 if it
// has none. (Comparisons, not the builtin min and max, which are runtime
// calls in WebAssembly.)
func (m Map) Range() (lo, hi float32) {
	lo, hi = math.MaxFloat32, -math.MaxFloat32
	inf := false
	for _, v := range m.Data {
		if v < lo {
			lo = v
		}
		if v > hi {
			hi = v
		}
	}
	if lo < -math.MaxFloat32 || hi > math.MaxFloat32 {
		inf = true
	}
	if inf { // rare: again, skipping the infinities
		lo, hi = math.MaxFloat32, -math.MaxFloat32
		for _, v := range m.Data {
			if v < lo && v >= -math.MaxFloat32 {
				lo = v
			}
			if v > hi && v <= math.MaxFloat32 {
				hi = v
			}
		}
	}
	if lo > hi {
		return 0, 0 // no finite value
	}
	return lo, hi
}
