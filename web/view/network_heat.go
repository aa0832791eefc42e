package view

import "nnplay/engine"

// heatLighten is how far a heatmap's colours are mixed with white (of
// 256), so the points drawn on it in full colour stand out.
const heatLighten = 140

var heatPalettes = [2][256][4]byte{makePalette(false), makePalette(true)}

// HeatPalette returns the RGBA colour of each heatmap byte (engine's
// BoundaryTo encoding: 0 … 254 from −1 to +1, 255 NaN): a smooth
// orange–grey–blue scale, or only the side of zero when discrete.
func HeatPalette(discrete bool) *[256][4]byte {
	if discrete {
		return &heatPalettes[1]
	}
	return &heatPalettes[0]
}

func makePalette(discrete bool) [256][4]byte {
	var p [256][4]byte
	for b := range 256 {
		var c [3]int
		switch {
		case b == engine.HeatmapNaN:
			c = rgbNaN
		case discrete && b < engine.HeatmapZero:
			c = rgbNeg
		case discrete && b > engine.HeatmapZero:
			c = rgbPos
		case discrete:
			c = rgbMid
		case b <= engine.HeatmapZero:
			c = mix(rgbNeg, rgbMid, b, engine.HeatmapZero)
		default:
			c = mix(rgbMid, rgbPos, b-engine.HeatmapZero, engine.HeatmapMax-engine.HeatmapZero)
		}
		for i := range 3 {
			p[b][i] = byte(c[i] + (255-c[i])*heatLighten/256)
		}
		p[b][3] = 255
	}
	return p
}

// mix returns a + (b − a)·k/n, channel by channel, in integers.
func mix(a, b [3]int, k, n int) [3]int {
	var c [3]int
	for i := range 3 {
		c[i] = a[i] + (b[i]-a[i])*k/n
	}
	return c
}

// HeatRGBATo writes the RGBA pixels of heatmap bytes to dst, which it
// returns resliced to 4·len(heat), reusing its storage when it can: the
// browser wraps them in an ImageData as they are.
func HeatRGBATo(dst, heat []byte, discrete bool) []byte {
	if cap(dst) >= 4*len(heat) {
		dst = dst[:4*len(heat)]
	} else {
		dst = make([]byte, 4*len(heat))
	}
	p := HeatPalette(discrete)
	for i, b := range heat {
		d, c := dst[4*i:4*i+4:4*i+4], &p[b]
		d[0], d[1], d[2], d[3] = c[0], c[1], c[2], c[3]
	}
	return dst
}

// WeightColor returns a link's colour for weight w: orange for negative,
// blue for positive, fading to grey towards zero (TensorFlow Playground's
// scale, saturated at |w| = 1).
func WeightColor(w float64) string {
	if w != w {
		return colorNaN
	}
	k := int(min(max(w, -1), 1)*1000 + 0.5*sign(w))
	var c [3]int
	if k < 0 {
		c = mix(rgbMid, rgbNeg, -k, 1000)
	} else {
		c = mix(rgbMid, rgbPos, k, 1000)
	}
	const hex = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i := range 3 {
		b[1+2*i], b[2+2*i] = hex[c[i]>>4], hex[c[i]&15]
	}
	return string(b)
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// WeightWidth returns a link's stroke width for weight w: 1 to 8 pixels,
// growing with |w| up to 4 (NaN draws thin).
func WeightWidth(w float64) float64 {
	a := w
	if a < 0 {
		a = -a
	}
	if !(a >= 0) {
		a = 0
	}
	return 1 + 7*min(a, 4)/4
}

// Heatmap work budget: a frame's heatmaps cost about n²·parameters
// multiply-adds. The grid shrinks with the network so that big networks
// keep the page responsive, and past that they are redrawn every few
// frames (the engine's note: a 6×16 network with 100×100 heatmaps takes
// about 50 ms in wasm).
const heatBudget = 400_000

// HeatGrid returns the heatmap resolution for a network of params
// parameters (100, 50 or 25 cells a side) and how often to recompute the
// heatmaps while training, in frames.
func HeatGrid(params int) (n, every int) {
	for _, n := range []int{engine.MaxGridSize, 50} {
		if n*n*params <= heatBudget {
			return n, 1
		}
	}
	n = 25
	return n, (n*n*params + heatBudget - 1) / heatBudget
}
