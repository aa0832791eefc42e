// Command favicon draws nnplay's icon, a neuron (three inputs into one
// unit), and writes it as an ICO file holding one 32×32 PNG (the form
// every current browser reads):
//
//	go run ./internal/tools/favicon > web/static/favicon.ico
//
// The icon is drawn here rather than kept as a binary from elsewhere, so
// that it can be redrawn.
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const side = 32

func main() {
	img := image.NewNRGBA(image.Rect(0, 0, side, side))
	ink := color.NRGBA{0x33, 0x41, 0x55, 0xff}  // the inputs
	unit := color.NRGBA{0x25, 0x63, 0xeb, 0xff} // the neuron
	cx, cy, r := 22.0, 16.0, 8.5
	for y := range side {
		for x := range side {
			px, py := float64(x)+0.5, float64(y)+0.5
			// Coverage by 4×4 supersampling, for smooth edges.
			var in, line float64
			for sy := range 4 {
				for sx := range 4 {
					qx, qy := px-0.5+(float64(sx)+0.5)/4, py-0.5+(float64(sy)+0.5)/4
					if math.Hypot(qx-cx, qy-cy) <= r {
						in++
						continue
					}
					for _, y0 := range []float64{5, 16, 27} {
						if segmentDist(qx, qy, 1.5, y0, cx, cy) <= 1.3 {
							line++
							break
						}
					}
				}
			}
			switch {
			case in > 0:
				c := unit
				c.A = uint8(255 * (in + line) / 16)
				img.SetNRGBA(x, y, c)
			case line > 0:
				c := ink
				c.A = uint8(255 * line / 16)
				img.SetNRGBA(x, y, c)
			}
		}
	}
	var p bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		log.Fatal(err)
	}
	// ICONDIR, one ICONDIRENTRY, then the PNG.
	var out bytes.Buffer
	for _, v := range []any{uint16(0), uint16(1), uint16(1),
		uint8(side), uint8(side), uint8(0), uint8(0), uint16(1), uint16(32), uint32(p.Len()), uint32(6 + 16)} {
		binary.Write(&out, binary.LittleEndian, v)
	}
	out.Write(p.Bytes())
	if _, err := os.Stdout.Write(out.Bytes()); err != nil {
		log.Fatal(err)
	}
}

// segmentDist returns the distance from (x, y) to the segment (x0, y0)–(x1, y1).
func segmentDist(x, y, x0, y0, x1, y1 float64) float64 {
	dx, dy := x1-x0, y1-y0
	t := max(0, min(1, ((x-x0)*dx+(y-y0)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-(x0+t*dx), y-(y0+t*dy))
}
