package craftjpeg

import "bytes"

// Progressive returns a w×h grey progressive JPEG of the given number of scans,
// each the same few bytes: an AC scan whose end-of-band runs skip every
// block. Each scan costs the decoder a pass over the whole picture, so the
// file's cost grows with its scans, not its bytes (issue 18: 296 KB of
// 3,000 scans took 15.9 s of CPU).
func Progressive(w, h, scans int) []byte {
	var b bytes.Buffer
	seg := func(marker byte, payload ...byte) {
		b.Write([]byte{0xff, marker, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)})
		b.Write(payload)
	}
	b.Write([]byte{0xff, 0xd8})
	seg(0xdb, append([]byte{0}, bytes.Repeat([]byte{1}, 64)...)...) // one table of ones
	seg(0xc2, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 1, 1, 0x11, 0)
	// One AC table of one code, "0", for the symbol 0xe0: a run of 2^14 +
	// 14 more bits of ends of band.
	seg(0xc4, append([]byte{0x10, 1}, append(make([]byte, 15), 0xe0)...)...)
	blocks := ((w + 7) / 8) * ((h + 7) / 8)
	var data []byte
	var acc uint32
	var nbits int
	put := func(v uint32, n int) {
		acc, nbits = acc<<n|v, nbits+n
		for nbits >= 8 {
			c := byte(acc >> (nbits - 8))
			data = append(data, c)
			if c == 0xff {
				data = append(data, 0) // stuffed
			}
			nbits -= 8
		}
	}
	for left := blocks; left > 0; left -= 1<<15 - 1 {
		put(0, 1)
		put(1<<14-1, 14)
	}
	if nbits > 0 {
		put(1<<(8-nbits)-1, 8-nbits)
	}
	for range scans {
		seg(0xda, 1, 1, 0x00, 1, 63, 0) // component 1, AC table 0, bands 1–63
		b.Write(data)
	}
	b.Write([]byte{0xff, 0xd9})
	return b.Bytes()
}
