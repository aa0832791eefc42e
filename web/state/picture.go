package state

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"io"
	"sync"
)

// Picture is a drawn or uploaded grey picture as a link carries it: W×H
// levels 0..255, one byte per pixel, row-major.
type Picture struct {
	W, H int
	Gray []byte
}

// The picture codec. A px value is
//
//	base64url( raw DEFLATE( W−1, H−1, PNG-Paeth-filtered levels ) )
//
// without padding: two bytes of size, then each level minus the Paeth
// prediction from its left, upper and upper-left neighbours, mod 256, so
// flat areas and smooth strokes become runs of zeros. A decoder inflates
// at most 2 + W·H + 1 bytes, so no stream can make it allocate or work
// more than a 256×256 picture needs.

var b64 = base64.RawURLEncoding

// pictureCache remembers the last picture encoded or decoded: a page
// builds many links to one state, and the live page sends the same px
// back with every change.
var pictureCache struct {
	sync.Mutex
	p Picture
	s string
}

func cachedPx(p Picture) (string, bool) {
	pictureCache.Lock()
	defer pictureCache.Unlock()
	c := pictureCache.p
	if c.W == p.W && c.H == p.H && bytes.Equal(c.Gray, p.Gray) && pictureCache.s != "" {
		return pictureCache.s, true
	}
	return "", false
}

func cachedPicture(s string) (Picture, bool) {
	pictureCache.Lock()
	defer pictureCache.Unlock()
	if s == pictureCache.s && s != "" {
		p := pictureCache.p
		p.Gray = bytes.Clone(p.Gray) // the caller may change it; the cache must not
		return p, true
	}
	return Picture{}, false
}

func remember(p Picture, s string) {
	pictureCache.Lock()
	defer pictureCache.Unlock()
	pictureCache.p = Picture{W: p.W, H: p.H, Gray: bytes.Clone(p.Gray)}
	pictureCache.s = s
}

// EncodePicture returns p's px value. It panics if p's size is outside
// 1…256 or its data does not match its size.
func EncodePicture(p Picture) string {
	if p.W < 1 || p.H < 1 || p.W > 256 || p.H > 256 || len(p.Gray) != p.W*p.H {
		panic("state: bad Picture")
	}
	if s, ok := cachedPx(p); ok {
		return s
	}
	s := encodePicture(p)
	remember(p, s)
	return s
}

func encodePicture(p Picture) string {
	raw := make([]byte, 2+len(p.Gray))
	raw[0], raw[1] = byte(p.W-1), byte(p.H-1)
	paeth(raw[2:], p.Gray, p.W, false)
	return b64.EncodeToString(deflateStream(raw))
}

// errPicture is what is wrong with a px value.
var (
	errCorrupt  = errors.New("corrupt")
	errTooLarge = errors.New("too large")
)

// DecodePicture reads a px value. The picture's levels must not be
// modified: they may be shared with other decodes of the same value.
func DecodePicture(s string) (Picture, error) {
	if p, ok := cachedPicture(s); ok {
		return Picture{W: p.W, H: p.H, Gray: bytes.Clone(p.Gray)}, nil
	}
	p, err := decodePicture(s)
	if err == nil {
		remember(p, s)
	}
	return p, err
}

func decodePicture(s string) (Picture, error) {
	z, err := b64.DecodeString(s)
	if err != nil || len(z) == 0 {
		return Picture{}, errCorrupt
	}
	zr := flate.NewReader(bytes.NewReader(z))
	defer zr.Close()
	var head [2]byte
	if _, err := io.ReadFull(zr, head[:]); err != nil {
		return Picture{}, errCorrupt
	}
	p := Picture{W: int(head[0]) + 1, H: int(head[1]) + 1}
	filtered := make([]byte, p.W*p.H+1) // one more: anything after the levels is an error
	n, err := io.ReadFull(zr, filtered)
	switch {
	case n == len(filtered):
		return Picture{}, errTooLarge
	case err != io.ErrUnexpectedEOF || n != p.W*p.H:
		return Picture{}, errCorrupt
	}
	p.Gray = make([]byte, p.W*p.H)
	paeth(p.Gray, filtered[:n], p.W, true)
	return p, nil
}

// paeth filters src into dst (or, with undo, reverses the filter), as PNG's
// filter type 4 does for one byte per pixel.
func paeth(dst, src []byte, w int, undo bool) {
	for i := range src {
		var a, b, c int // left, up, upper-left, 0 outside the picture
		out := dst
		if !undo {
			out = src // predict from the original levels
		}
		x := i % w
		if x > 0 {
			a = int(out[i-1])
		}
		if i >= w {
			b = int(out[i-w])
			if x > 0 {
				c = int(out[i-w-1])
			}
		}
		p := a + b - c
		pa, pb, pc := abs(p-a), abs(p-b), abs(p-c)
		pred := c
		switch {
		case pa <= pb && pa <= pc:
			pred = a
		case pb <= pc:
			pred = b
		}
		if undo {
			dst[i] = src[i] + byte(pred)
		} else {
			dst[i] = src[i] - byte(pred)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
