package engine

import "encoding/binary"

// Scale is how map values become 8-bit grey levels for display.
type Scale int

const (
	// Diverging maps 0 to mid-grey 128 and ±M to 255 and 1, where M is the
	// map's largest finite |v| (Map.MaxAbs): px = ⌊128.5 + 127·v/M⌋, so a
	// negative response is as visible as a positive one. +Inf is 255, −Inf
	// 1 and NaN 128; a map with no finite nonzero value is all 128.
	Diverging Scale = iota
	// Clip rounds each value to the nearest integer and clamps it to
	// 0..255, which is what a naive image tool does: negative responses
	// become black and large ones saturate. NaN is 0.
	Clip
)

var scaleNames = [...]string{Diverging: "diverging", Clip: "clip"}

// String returns s's stable token, as used in links: "diverging" or "clip".
func (s Scale) String() string {
	if s < 0 || int(s) >= len(scaleNames) {
		return "Scale(?)"
	}
	return scaleNames[s]
}

// Scales returns every display scale in the order they are listed to users.
func Scales() []Scale { return []Scale{Diverging, Clip} }

// ScaleByName returns the scale whose String is name, and whether there is
// one.
func ScaleByName(name string) (Scale, bool) {
	for i, n := range scaleNames {
		if n == name {
			return Scale(i), true
		}
	}
	return 0, false
}

// GrayTo writes m as 8-bit grey levels, one byte per pixel row-major, to dst
// and returns it resized to m.W·m.H, reusing its storage when it is large
// enough. It panics if s is unknown or m's data does not match its size.
func GrayTo(dst []byte, m Map, s Scale) []byte {
	m.check()
	dst = resizeBytes(dst, len(m.Data))
	f := s.levels(m)
	for i, v := range m.Data {
		dst[i] = f.level(v)
	}
	return dst
}

// RGBATo writes m as opaque grey RGBA pixels (R = G = B = level, A = 255),
// four bytes per pixel row-major, the layout of a canvas ImageData and of
// image.RGBA's Pix, to dst and returns it resized to 4·m.W·m.H, reusing its
// storage when it is large enough. It panics as GrayTo does.
func RGBATo(dst []byte, m Map, s Scale) []byte {
	m.check()
	dst = resizeBytes(dst, 4*len(m.Data))
	f := s.levels(m)
	for i, v := range m.Data {
		g := uint32(f.level(v))
		binary.LittleEndian.PutUint32(dst[4*i:], 0xff000000|g<<16|g<<8|g)
	}
	return dst
}

// levels is a prepared Scale: t = v·mul + add, clamped to [lo, 255].
type levels struct {
	mul, add, lo float32
	nan          byte // the level of NaN
}

func (s Scale) levels(m Map) levels {
	switch s {
	case Diverging:
		f := levels{add: 128.5, lo: 1, nan: 128}
		if mx := m.MaxAbs(); mx > 0 {
			f.mul = 127 / mx
		}
		return f
	case Clip:
		return levels{mul: 1, add: 0.5, lo: 0, nan: 0}
	}
	panic("engine: unknown Scale")
}

// level returns the grey level of v. The arithmetic is float32 with
// explicit roundings, identical everywhere.
func (f levels) level(v float32) byte {
	t := float32(v*f.mul) + f.add
	switch {
	case t >= 255:
		return 255
	case t >= f.lo: // in [0, 255): truncation is ⌊t⌋
		return byte(int32(t))
	case t < f.lo:
		return byte(f.lo)
	}
	return f.nan
}

// resizeBytes returns b with length n, reusing its storage when it is large
// enough.
func resizeBytes(b []byte, n int) []byte {
	if cap(b) >= n {
		return b[:n]
	}
	return make([]byte, n)
}
