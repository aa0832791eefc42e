package chart

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"nnplay/engine"
	"nnplay/web/livechart"
	"nnplay/web/view"
)

// HeatImage returns n×n heatmap bytes (engine.BoundaryTo's encoding, row 0
// at the top) as a paletted image in the page's colours (view.HeatPalette),
// so the server's pictures and the browser's canvases match pixel for
// pixel.
func HeatImage(cells []byte, n int, discrete bool) *image.Paletted {
	if len(cells) != n*n {
		panic("chart: heatmap size mismatch")
	}
	img := image.NewPaletted(image.Rect(0, 0, n, n), heatColors(discrete))
	copy(img.Pix, cells)
	return img
}

var heatColorsCache [2]color.Palette

func heatColors(discrete bool) color.Palette {
	i := 0
	if discrete {
		i = 1
	}
	if heatColorsCache[i] == nil {
		p := view.HeatPalette(discrete)
		pal := make(color.Palette, 256)
		for b, c := range p {
			pal[b] = color.RGBA{c[0], c[1], c[2], c[3]}
		}
		heatColorsCache[i] = pal
	}
	return heatColorsCache[i]
}

func init() {
	heatColors(false) // fill the cache before handlers run concurrently
	heatColors(true)
}

// HeatPNG writes n×n heatmap bytes as a PNG of n×n pixels (the page
// scales it up smoothly).
func HeatPNG(w io.Writer, cells []byte, n int, discrete bool) error {
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, HeatImage(cells, n, discrete))
}

// HeatDataURI returns the heatmap as a PNG data: URI, for pages that show
// it without another request (and another replay).
func HeatDataURI(cells []byte, n int, discrete bool) string {
	var b bytes.Buffer
	if err := HeatPNG(&b, cells, n, discrete); err != nil {
		return ""
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes())
}

// Boundary describes a decision-boundary chart: the output's heatmap over
// the plane with the points on it.
type Boundary struct {
	Cells       []byte // n×n, row 0 at the top
	N           int
	Discrete    bool
	Train, Test []engine.Point   // Test drawn when not nil
	Labels      engine.LabelKind // the points' labels, which set their colours
	Title       string
}

// boundaryPlot builds the chart with axes x₁ and x₂ from −6 to 6.
func boundaryPlot(b *Boundary) (*plot.Plot, error) {
	if b.N < 1 || len(b.Cells) != b.N*b.N {
		return nil, errors.New("chart: bad heatmap")
	}
	p := plot.New()
	p.BackgroundColor = color.White
	p.Title.Text = b.Title
	p.Title.TextStyle.Font = font.From(sans, 12)
	p.X.Label.Text, p.Y.Label.Text = "x₁", "x₂"
	for _, st := range []*font.Font{&p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font} {
		*st = font.From(sans, 12)
	}
	p.X.Tick.Label.Font = font.From(sans, 11)
	p.Y.Tick.Label.Font = font.From(sans, 11)
	r := float64(engine.PlaneRange)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -r, r, -r, r
	p.X.Tick.Marker = ticks{}
	p.Y.Tick.Marker = ticks{}
	p.Add(plotter.NewImage(HeatImage(b.Cells, b.N, b.Discrete), -r, -r, r, r))
	dots := func(pts []engine.Point, ring color.Color) error {
		if len(pts) == 0 {
			return nil
		}
		xys := make(plotter.XYs, len(pts))
		for i, pt := range pts {
			xys[i] = plotter.XY{X: pt.X, Y: pt.Y}
		}
		fill, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		fill.GlyphStyleFunc = func(i int) draw.GlyphStyle {
			c := view.PointColor(b.Labels, pts[i].Label)
			return draw.GlyphStyle{Color: hex(c), Radius: vg.Points(2.6), Shape: draw.CircleGlyph{}}
		}
		rim, err := plotter.NewScatter(xys)
		if err != nil {
			return err
		}
		rim.GlyphStyle = draw.GlyphStyle{Color: ring, Radius: vg.Points(2.8), Shape: draw.RingGlyph{}}
		p.Add(fill, rim)
		return nil
	}
	if err := dots(b.Train, color.White); err != nil {
		return nil, err
	}
	if err := dots(b.Test, color.Black); err != nil {
		return nil, err
	}
	return p, nil
}

// DrawBoundary writes the boundary chart, size×size CSS pixels, as SVG or
// PNG.
func DrawBoundary(w io.Writer, b *Boundary, size int, f Format) error {
	p, err := boundaryPlot(b)
	if err != nil {
		return err
	}
	side := vg.Length(size) * vg.Inch / 96
	return write(w, p, side, side, 96, f)
}

// fastPNG encodes with the fastest compression: a smooth heatmap makes the
// default level slow (half the time of a preview) for a few per cent.
func fastPNG(w io.Writer, img image.Image) error {
	return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
}

// NetworkPreview writes a state's link preview: a 1200×630 PNG with the
// decision boundary on the left and the loss chart on the right.
func NetworkPreview(w io.Writer, b *Boundary, loss *livechart.Chart) error {
	bp, err := boundaryPlot(b)
	if err != nil {
		return err
	}
	lp, err := build(loss)
	if err != nil {
		return err
	}
	lp.Title.Text = loss.Title
	lp.Title.TextStyle.Font = font.From(sans, 11)
	const wpx, hpx = 600, 315 // drawn at 192 DPI: 1200×630 pixels
	width, height := vg.Length(wpx)*vg.Inch/96, vg.Length(hpx)*vg.Inch/96
	c := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(192))
	dc := draw.New(c)
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	left := draw.Crop(dc, 0, height-width, 0, 0)
	right := draw.Crop(dc, height, 0, 0, 0)
	bp.Draw(left)
	lp.Draw(right)
	return fastPNG(w, c.Image())
}

// DatasetThumb writes a dataset's thumbnail: its points (seed 1, no noise)
// as dots on a light square of size×size pixels. Own data shows a few
// hand-placed points.
func DatasetThumb(w io.Writer, pts []engine.Point, labels engine.LabelKind, size int) error {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	bg := color.RGBA{0xf4, 0xf6, 0xf9, 255}
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = bg.R, bg.G, bg.B, bg.A
	}
	scale := float64(size) / (2 * engine.PlaneRange)
	for _, p := range pts {
		col := color.RGBAModel.Convert(hex(view.PointColor(labels, p.Label))).(color.RGBA)
		cx, cy := (p.X+engine.PlaneRange)*scale, (engine.PlaneRange-p.Y)*scale
		disk(img, cx, cy, 1.6, col)
	}
	return png.Encode(w, img)
}

// FeatureThumb writes a feature's heatmap (engine.Feature.HeatmapTo) as a
// PNG of n×n pixels.
func FeatureThumb(w io.Writer, f engine.Feature, n int) error {
	return HeatPNG(w, f.HeatmapTo(nil, n), n, false)
}

// disk fills a disk of radius r at (cx, cy), anti-aliased by coverage of
// 4×4 samples per pixel.
func disk(img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	b := img.Bounds()
	for y := int(math.Floor(cy - r)); y <= int(math.Ceil(cy+r)); y++ {
		for x := int(math.Floor(cx - r)); x <= int(math.Ceil(cx+r)); x++ {
			if !image.Pt(x, y).In(b) {
				continue
			}
			cover := 0
			for sy := range 4 {
				for sx := range 4 {
					dx, dy := float64(x)+(float64(sx)+0.5)/4-cx, float64(y)+(float64(sy)+0.5)/4-cy
					if dx*dx+dy*dy <= r*r {
						cover++
					}
				}
			}
			if cover == 0 {
				continue
			}
			i := img.PixOffset(x, y)
			for k, v := range []uint8{c.R, c.G, c.B} {
				old := int(img.Pix[i+k])
				img.Pix[i+k] = uint8(old + (int(v)-old)*cover/16)
			}
		}
	}
}
