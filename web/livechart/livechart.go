// Package livechart draws small line charts as SVG text, for the browser.
//
// The server draws its charts with gonum/plot (package chart), but plot
// would add about 3 MB of fonts and backends to the wasm module, so the live
// charts that redraw on every keystroke are made here instead: a few hundred
// lines of strconv and strings. The look follows package chart's, so the
// page does not jump when the live chart replaces the server's.
//
// The SVG uses presentation attributes only (no style attributes), so it can
// be inlined under a Content-Security-Policy without 'unsafe-inline'.
package livechart

import (
	"math"
	"strconv"
	"strings"

	"nnplay/web/textf"
)

// Series is one line of a chart.
type Series struct {
	Label string
	Color string // an SVG colour, "#0072B2"
	X, Y  []float64
}

// Mark is a point drawn as a dot with a label.
type Mark struct {
	X, Y  float64
	Color string
	Label string
}

// Chart is a line chart. Width and Height are the SVG's viewBox size in
// pixels; the zero Y range means "fit the data".
type Chart struct {
	ID             string // unique on the page: it prefixes the SVG's ids
	Title          string // the accessible name
	Width, Height  int
	XLabel, YLabel string
	XMin, XMax     float64
	YMin, YMax     float64
	Series         []Series
	Marks          []Mark
	Legend         bool
}

const (
	padLeft   = 52
	padRight  = 14
	padTop    = 12
	padBottom = 40
	font      = `font-family="Liberation Sans, Arial, Helvetica, sans-serif"`
	axisColor = "#555"
	gridColor = "#e3e3e3"
	textColor = "#222"
)

// SVG returns the chart as an <svg> element.
func (c *Chart) SVG() string {
	ymin, ymax := c.YRange()
	w, h := float64(c.Width), float64(c.Height)
	plotW, plotH := w-padLeft-padRight, h-padTop-padBottom
	sx := func(x float64) float64 { return padLeft + (x-c.XMin)/(c.XMax-c.XMin)*plotW }
	sy := func(y float64) float64 { return padTop + (ymax-y)/(ymax-ymin)*plotH }

	var b strings.Builder
	b.Grow(8192)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 `)
	b.WriteString(itoa(c.Width) + " " + itoa(c.Height))
	b.WriteString(`" ` + font + ` font-size="12"><title>`)
	b.WriteString(textf.EscapeHTML(c.Title))
	b.WriteString(`</title><rect width="100%" height="100%" fill="#fff"/>`)

	// Grid and tick labels.
	for _, t := range Ticks(c.XMin, c.XMax, 7) {
		x := sx(t)
		line(&b, x, padTop, x, padTop+plotH, gridColor, 1)
		text(&b, x, padTop+plotH+16, "middle", TickLabel(t))
	}
	for _, t := range Ticks(ymin, ymax, 6) {
		y := sy(t)
		line(&b, padLeft, y, padLeft+plotW, y, gridColor, 1)
		text(&b, padLeft-6, y+4, "end", TickLabel(t))
	}
	// Zero axes, when in view, are darker: they carry the meaning of z = 0.
	if c.XMin < 0 && c.XMax > 0 {
		line(&b, sx(0), padTop, sx(0), padTop+plotH, "#aaa", 1)
	}
	if ymin < 0 && ymax > 0 {
		line(&b, padLeft, sy(0), padLeft+plotW, sy(0), "#aaa", 1)
	}
	b.WriteString(`<rect x="` + ftoa(padLeft) + `" y="` + ftoa(padTop) + `" width="` + ftoa(plotW) + `" height="` + ftoa(plotH) + `" fill="none" stroke="` + axisColor + `"/>`)
	text(&b, padLeft+plotW/2, h-6, "middle", c.XLabel)
	b.WriteString(`<text x="14" y="` + ftoa(padTop+plotH/2) + `" text-anchor="middle" fill="` + textColor + `" transform="rotate(-90 14 ` + ftoa(padTop+plotH/2) + `)">` + textf.EscapeHTML(c.YLabel) + `</text>`)

	// Lines, clipped to the plot area.
	clip := c.ID + "-clip"
	b.WriteString(`<clipPath id="` + textf.EscapeHTML(clip) + `"><rect x="` + ftoa(padLeft) + `" y="` + ftoa(padTop) + `" width="` + ftoa(plotW) + `" height="` + ftoa(plotH) + `"/></clipPath><g clip-path="url(#` + textf.EscapeHTML(clip) + `)">`)
	for _, s := range c.Series {
		b.WriteString(`<polyline fill="none" stroke-width="2.5" stroke-linejoin="round" stroke="` + textf.EscapeHTML(s.Color) + `" points="`)
		for i := range s.X {
			if math.IsNaN(s.Y[i]) || math.IsInf(s.Y[i], 0) {
				continue
			}
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(ftoa(sx(s.X[i])) + "," + ftoa(clamp(sy(s.Y[i]), -1e4, 1e4)))
		}
		b.WriteString(`"/>`)
	}
	b.WriteString(`</g>`)
	for _, m := range c.Marks {
		x, y := sx(m.X), sy(m.Y)
		if x < padLeft-1 || x > padLeft+plotW+1 || y < padTop-1 || y > padTop+plotH+1 {
			continue
		}
		line(&b, x, y, x, padTop+plotH, m.Color, 1)
		b.WriteString(`<circle cx="` + ftoa(x) + `" cy="` + ftoa(y) + `" r="5.5" fill="` + textf.EscapeHTML(m.Color) + `" stroke="#fff" stroke-width="2"/>`)
		anchor, dx := "start", 9.0
		if x > padLeft+plotW*0.6 {
			anchor, dx = "end", -9
		}
		dy := -9.0
		if y < padTop+20 {
			dy = 18
		}
		b.WriteString(`<text x="` + ftoa(x+dx) + `" y="` + ftoa(y+dy) + `" text-anchor="` + anchor + `" fill="` + textColor + `" font-weight="bold" stroke="#fff" stroke-width="3" paint-order="stroke">` + textf.EscapeHTML(m.Label) + `</text>`)
	}
	if c.Legend && len(c.Series) > 0 {
		y := padTop + 16.0
		for _, s := range c.Series {
			line(&b, padLeft+10, y-4, padLeft+30, y-4, s.Color, 3)
			b.WriteString(`<text x="` + ftoa(padLeft+36) + `" y="` + ftoa(y) + `" fill="` + textColor + `" stroke="#fff" stroke-width="3" paint-order="stroke">` + textf.EscapeHTML(s.Label) + `</text>`)
			y += 17
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// YRange returns the y range shown: YMin…YMax when set, else the data's
// range padded by 8 % so lines do not touch the frame (a flat series gets
// ±1 around its value).
func (c *Chart) YRange() (lo, hi float64) {
	if c.YMin < c.YMax {
		return c.YMin, c.YMax
	}
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, y := range s.Y {
			if !math.IsNaN(y) && !math.IsInf(y, 0) {
				lo, hi = min(lo, y), max(hi, y)
			}
		}
	}
	for _, m := range c.Marks {
		lo, hi = min(lo, m.Y), max(hi, m.Y)
	}
	if !(lo < hi) {
		if math.IsInf(lo, 0) {
			return -1, 1
		}
		return lo - 1, hi + 1
	}
	pad := (hi - lo) * 0.08
	return lo - pad, hi + pad
}

// Ticks returns about n round tick values in [lo, hi]: multiples of 1, 2
// or 5 times a power of ten.
func Ticks(lo, hi float64, n int) []float64 {
	if !(lo < hi) || n < 2 {
		return nil
	}
	raw := (hi - lo) / float64(n-1)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var ts []float64
	for t := math.Ceil(lo/step) * step; t <= hi+step*1e-9; t += step {
		if math.Abs(t) < step*1e-9 {
			t = 0
		}
		ts = append(ts, t)
	}
	return ts
}

// TickLabel formats a tick value briefly with a true minus sign.
func TickLabel(v float64) string {
	s := strconv.FormatFloat(v, 'g', 4, 64)
	s = strings.Replace(s, "e+0", "e", 1)
	s = strings.Replace(s, "e+", "e", 1)
	return strings.Replace(s, "-", "−", 1)
}

func line(b *strings.Builder, x1, y1, x2, y2 float64, color string, width float64) {
	b.WriteString(`<line x1="` + ftoa(x1) + `" y1="` + ftoa(y1) + `" x2="` + ftoa(x2) + `" y2="` + ftoa(y2) + `" stroke="` + textf.EscapeHTML(color) + `" stroke-width="` + ftoa(width) + `"/>`)
}

func text(b *strings.Builder, x, y float64, anchor, s string) {
	b.WriteString(`<text x="` + ftoa(x) + `" y="` + ftoa(y) + `" text-anchor="` + anchor + `" fill="` + textColor + `">` + textf.EscapeHTML(s) + `</text>`)
}

func ftoa(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
func itoa(v int) string     { return strconv.Itoa(v) }

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }
