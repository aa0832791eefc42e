// Package chart draws the server's charts with gonum/plot, as SVG for pages
// and PNG for link previews.
//
// A chart is described once, as a livechart.Chart (the data, ranges,
// labels and colours that package view computes), and drawn either here on
// the server or by livechart in the browser, so both show the same thing.
// gonum/plot stays on the server: in the wasm module it would add about
// 3 MB of fonts and backends (toolchain.md).
package chart

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"nnplay/web/livechart"
)

// Format is an output format.
type Format string

// The formats Draw writes.
const (
	SVG Format = "svg"
	PNG Format = "png"
)

// sans is the face of all text: the live charts use a sans-serif too.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// Draw writes c in format f to w. Width and Height are CSS pixels (96 per
// inch). Non-finite points are skipped, so a diverged series draws as a gap
// rather than failing.
func Draw(w io.Writer, c *livechart.Chart, f Format) error {
	p, err := build(c)
	if err != nil {
		return err
	}
	return write(w, p, vg.Length(c.Width)*vg.Inch/96, vg.Length(c.Height)*vg.Inch/96, 96, f)
}

// write draws p at width×height in format f to w; dpi sets a PNG's pixels
// per inch (192 for previews: twice the pixels, so text stays legible).
func write(w io.Writer, p *plot.Plot, width, height vg.Length, dpi int, f Format) error {
	switch f {
	case SVG:
		cv := vgsvg.New(width, height)
		p.Draw(draw.New(cv))
		_, err := cv.WriteTo(w)
		return err
	case PNG:
		cv := vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi))
		p.Draw(draw.New(cv))
		return fastPNG(w, cv.Image())
	}
	return errors.New("chart: unknown format " + string(f))
}

func build(c *livechart.Chart) (*plot.Plot, error) {
	if !(c.XMin < c.XMax) || c.Width <= 0 || c.Height <= 0 {
		return nil, errors.New("chart: empty range or size")
	}
	p := plot.New()
	p.BackgroundColor = color.White
	for _, st := range []*font.Font{&p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font, &p.Legend.TextStyle.Font} {
		*st = font.From(sans, 12)
	}
	p.X.Tick.Label.Font = font.From(sans, 11)
	p.Y.Tick.Label.Font = font.From(sans, 11)
	p.X.Label.Text, p.Y.Label.Text = c.XLabel, c.YLabel
	p.X.Min, p.X.Max = c.XMin, c.XMax
	p.Y.Min, p.Y.Max = c.YRange()
	p.X.Tick.Marker = ticks{}
	p.Y.Tick.Marker = ticks{}

	grid := plotter.NewGrid()
	grid.Vertical.Color = hex("#e3e3e3")
	grid.Horizontal.Color = hex("#e3e3e3")
	p.Add(grid)

	for _, s := range c.Series {
		xys := make(plotter.XYs, 0, len(s.X))
		for i := range s.X {
			if isFinite(s.X[i]) && isFinite(s.Y[i]) {
				xys = append(xys, plotter.XY{X: s.X[i], Y: s.Y[i]}) // Line clips to the frame
			}
		}
		if len(xys) == 0 {
			continue
		}
		l, err := plotter.NewLine(xys)
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		l.Color = hex(s.Color)
		l.Width = vg.Points(2)
		p.Add(l)
		if c.Legend {
			p.Legend.Add(s.Label, l)
		}
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(8)

	for _, m := range c.Marks {
		if !isFinite(m.X) || !isFinite(m.Y) || m.X < c.XMin || m.X > c.XMax || m.Y < p.Y.Min || m.Y > p.Y.Max {
			continue
		}
		drop, err := plotter.NewLine(plotter.XYs{{X: m.X, Y: p.Y.Min}, {X: m.X, Y: m.Y}})
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		drop.Color = hex(m.Color)
		drop.Width = vg.Points(0.75)
		dot, err := plotter.NewScatter(plotter.XYs{{X: m.X, Y: m.Y}})
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		dot.GlyphStyle = draw.GlyphStyle{Color: hex(m.Color), Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		label, err := plotter.NewLabels(plotter.XYLabels{XYs: plotter.XYs{{X: m.X, Y: m.Y}}, Labels: []string{m.Label}})
		if err != nil {
			return nil, fmt.Errorf("chart: %w", err)
		}
		label.TextStyle[0].Font = font.From(sans, 11)
		label.Offset = vg.Point{X: vg.Points(7), Y: vg.Points(5)}
		if m.X > c.XMin+(c.XMax-c.XMin)*0.6 {
			label.TextStyle[0].XAlign = draw.XRight
			label.Offset.X = -vg.Points(7)
		}
		p.Add(drop, dot, label)
	}
	return p, nil
}

// ticks places ticks where livechart does, so both charts read the same.
type ticks struct{}

func (ticks) Ticks(lo, hi float64) []plot.Tick {
	var out []plot.Tick
	for _, t := range livechart.Ticks(lo, hi, 7) {
		out = append(out, plot.Tick{Value: t, Label: livechart.TickLabel(t)})
	}
	return out
}

func hex(s string) color.Color {
	if len(s) != 7 || s[0] != '#' {
		return color.Black
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.Black
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// Preview writes c as a link-preview PNG of 1200×630 pixels (the size
// chat apps and LMSs show), drawn at twice the chart's scale so its text
// stays legible as a thumbnail. c's Width and Height should be 600×315.
func Preview(w io.Writer, c *livechart.Chart) error {
	p, err := build(c)
	if err != nil {
		return err
	}
	return write(w, p, vg.Length(c.Width)*vg.Inch/96, vg.Length(c.Height)*vg.Inch/96, 192, PNG)
}
