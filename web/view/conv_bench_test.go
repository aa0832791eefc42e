package view

import (
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// strokeState is a 256×256 drawing (a filled disc) ⊗ sobel-top, same
// padding: the convolution page's state during a stroke.
func strokeState() (state.Conv, engine.Map) {
	const n = 256
	img := engine.NewMap(n, n, nil)
	for y := range n {
		for x := range n {
			if (x-128)*(x-128)+(y-100)*(y-100) < 60*60 {
				img.Data[y*n+x] = 255
			}
		}
	}
	c := state.DefaultConv()
	c.Kernels = []state.Kernel{{Preset: "sobel-top"}}
	c.Pad = "same"
	return c, img
}

// BenchmarkConvStroke256 is the wasm module's work for one frame of a
// stroke on a 256×256 canvas, but for the copies across to JS: the
// drawing made the state's picture, the page's draft update computed and
// written as JSON, and every map but the input made RGBA pixels.
func BenchmarkConvStroke256(b *testing.B) {
	c, img := strokeState()
	pix := map[string][]byte{}
	var buf ConvBuffers
	// As the wasm module does: the drawing is the input; its levels are
	// made when the stroke ends.
	c.Image, c.Pic = state.SourceDraw, state.Picture{W: img.W, H: img.H}
	buf.Input = img
	for b.Loop() {
		p := ConvInto(&buf, c, i18n.EN, true)
		_ = p.Live(false).JSON()
		r := p.Result
		for _, mv := range append(append(append([]MapView(nil), r.Maps...), r.Act...), r.Pool...) {
			pix[mv.Key] = mv.Display.RGBA(pix[mv.Key], mv.Map)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/stroke")
}

// BenchmarkConvCommit256 is the end of a stroke: the picture encoded into
// the link and the whole page update built.
func BenchmarkConvCommit256(b *testing.B) {
	c, img := strokeState()
	c.SetPicture(img, [2]int{})
	for b.Loop() {
		c.Pic.Gray[0]++ // a new picture each time: no cached encoding
		d := c
		d.FitLink()
		_ = Conv(d, i18n.EN, false).Live(true).JSON()
	}
	b.ReportMetric(b.Elapsed().Seconds()*1e3/float64(b.N), "ms/commit")
}
