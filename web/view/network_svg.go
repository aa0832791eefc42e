package view

import (
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/livechart"
	"nnplay/web/state"
	"nnplay/web/textf"
)

// The network diagram's geometry, in SVG user units.
const (
	nodeSize  = 36
	colWidth  = 104
	rowHeight = 46
	diagLeft  = 58 // room for the input labels
	diagTop   = 10
)

// Thumb draws heatmap k (0 the output, then the hidden neurons in
// BoundaryTo's order) in the box at (x, y) of the given size.
type Thumb func(k int, x, y, size float64) string

// CanvasThumb is the browser's thumbnail: a canvas the page's script paints
// the wasm module's pixels into.
func CanvasThumb(n int) Thumb {
	return func(k int, x, y, size float64) string {
		return `<foreignObject x="` + ftoa(x) + `" y="` + ftoa(y) + `" width="` + ftoa(size) + `" height="` + ftoa(size) +
			`"><canvas xmlns="http://www.w3.org/1999/xhtml" class="heat" data-heat="` + strconv.Itoa(k) + `" width="` + strconv.Itoa(n) + `" height="` + strconv.Itoa(n) + `"></canvas></foreignObject>`
	}
}

// ImageThumb draws a thumbnail from an image URL (the server's PNG data
// URIs), src(k) for heatmap k.
func ImageThumb(src func(k int) string) Thumb {
	return func(k int, x, y, size float64) string {
		return `<image class="heat" href="` + textf.EscapeHTML(src(k)) + `" x="` + ftoa(x) + `" y="` + ftoa(y) + `" width="` + ftoa(size) + `" height="` + ftoa(size) + `" preserveAspectRatio="none"/>`
	}
}

// NeuronName is how the page writes neuron j (1-based) of layer l: the
// feature's label for inputs, h₁,₂ for hidden neurons, o for the output.
func NeuronName(s *state.Network, l, j int) string {
	switch {
	case l == 0 && j >= 1 && j <= len(s.Features):
		f, _ := engine.FeatureByName(s.Features[j-1])
		return f.Label()
	case l == len(s.Hidden)+1:
		return "o"
	}
	return "h" + Sub(l) + "," + Sub(j)
}

// diagram draws the network: its nodes (input features, hidden neurons
// with their heatmaps, the output) and links coloured and sized by weight.
// Every node and link is a link to the state with it selected (data-op for
// the page's script), so it works with and without JavaScript.
func diagram(m *i18n.Messages, s *state.Network, mlp *engine.MLP, thumb Thumb, featureURL func(string) string) string {
	sizes := s.Sizes()
	rows := 0
	for _, n := range sizes {
		rows = max(rows, n)
	}
	w := diagLeft + (len(sizes)-1)*colWidth + nodeSize + 24
	h := diagTop*2 + rows*rowHeight
	pos := func(l, j int) (x, y float64) { // top left of node j (1-based) of layer l
		x = float64(diagLeft + l*colWidth)
		y = float64(diagTop) + float64(rows-sizes[l])*rowHeight/2 + float64(j-1)*rowHeight + (rowHeight-nodeSize)/2
		return
	}
	selHref := selLinker(s)

	var hiddenSizes []string
	for _, n := range s.Hidden {
		hiddenSizes = append(hiddenSizes, strconv.Itoa(n))
	}
	hs := strings.Join(hiddenSizes, ", ")
	if hs == "" {
		hs = m.Network.NoHidden
	}
	alt := textf.Sprintf(m.Network.DiagramAlt, len(s.Features), hs, s.Params())

	var b strings.Builder
	b.Grow(2048 + 400*s.Params())
	cls := "net"
	if len(sizes) > 4 || rows > 8 {
		cls = "net wide" // too much to shrink into a phone: it scrolls
	}
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="` + cls + `" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(h) + `" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" role="group" aria-label="` + textf.EscapeHTML(alt) + `" ` + font + `>`)
	b.WriteString(`<g class="links">`)
	// Links are most of a big network's diagram, which the page redraws
	// while it trains: they are written with appends, not concatenations.
	links := 0
	for l := 1; l < len(sizes); l++ {
		links += sizes[l-1] * sizes[l]
	}
	hit := links <= 128 // a wide, invisible stroke to tap; dense links are too close to tap anyway
	buf := make([]byte, 0, 512)
	for l := 1; l < len(sizes); l++ {
		for j := 1; j <= sizes[l]; j++ {
			x2, y2 := pos(l, j)
			y2 += nodeSize / 2
			for i := 1; i <= sizes[l-1]; i++ {
				x1, y1 := pos(l-1, i)
				x1 += nodeSize
				y1 += nodeSize / 2
				wt := mlp.Weight(l, i-1, j-1)
				sel := state.Sel{Kind: 'w', L: l, I: i, J: j}
				mid := (x1 + x2) / 2
				d := buf[:0]
				d = append(d, 'M')
				d = appendF(d, x1)
				d = append(d, ' ')
				d = appendF(d, y1)
				d = append(d, 'C')
				d = appendF(d, mid)
				d = append(d, ' ')
				d = appendF(d, y1)
				d = append(d, ' ')
				d = appendF(d, mid)
				d = append(d, ' ')
				d = appendF(d, y2)
				d = append(d, ' ')
				d = appendF(d, x2)
				d = append(d, ' ')
				d = appendF(d, y2)
				buf = d
				label := textf.EscapeHTML("w " + NeuronName(s, l-1, i) + " → " + NeuronName(s, l, j) + " = " + Num(wt))
				b.WriteString(`<a href="`)
				b.WriteString(textf.EscapeHTML(selHref(sel)))
				b.WriteString(`" data-op="sel-`)
				b.WriteString(sel.String())
				b.WriteString(`"><title>`) // the link's accessible name
				b.WriteString(label)
				b.WriteString(`</title>`)
				if hit {
					b.WriteString(`<path class="hit" d="`)
					b.Write(d)
					b.WriteString(`"/>`)
				}
				b.WriteString(`<path class="w`)
				if s.Sel == sel {
					b.WriteString(` sel`)
				}
				b.WriteString(`" d="`)
				b.Write(d)
				b.WriteString(`" stroke="`)
				b.WriteString(WeightColor(wt))
				b.WriteString(`" stroke-width="`)
				b.Write(appendF(buf[len(buf):], WeightWidth(wt)))
				b.WriteString(`"/></a>`)
			}
		}
	}
	b.WriteString(`</g><g class="nodes">`)
	k := 1
	last := len(sizes) - 1
	for l := range sizes {
		for j := 1; j <= sizes[l]; j++ {
			x, y := pos(l, j)
			sel := state.Sel{Kind: 'n', L: l, J: j}
			name := NeuronName(s, l, j)
			var label string
			switch {
			case l == 0:
				label = textf.Sprintf(m.Network.InputFeature, name)
			case l == last:
				label = m.Network.OutputNeuron
			default:
				label = textf.Sprintf(m.Network.HiddenNeuron, l, j)
			}
			if l > 0 {
				label += ", b = " + Num(mlp.Bias(l, j-1))
			}
			cls := "node"
			if s.Sel == sel {
				cls = "node sel"
			}
			b.WriteString(`<a href="` + textf.EscapeHTML(selHref(sel)) + `" data-op="sel-` + sel.String() + `" aria-label="` + textf.EscapeHTML(label) + `"><title>` + textf.EscapeHTML(label) + `</title>`)
			switch {
			case l == 0:
				b.WriteString(`<image href="` + textf.EscapeHTML(featureURL(s.Features[j-1])) + `" x="` + ftoa(x) + `" y="` + ftoa(y) + `" width="` + ftoa(nodeSize) + `" height="` + ftoa(nodeSize) + `" preserveAspectRatio="none"/>`)
				b.WriteString(`<text x="` + ftoa(x-6) + `" y="` + ftoa(y+nodeSize/2+5) + `" text-anchor="end">` + textf.EscapeHTML(name) + `</text>`)
			case l == last:
				b.WriteString(thumb(0, x, y, nodeSize))
				b.WriteString(`<text x="` + ftoa(x+nodeSize+6) + `" y="` + ftoa(y+nodeSize/2+5) + `">o</text>`)
			default:
				b.WriteString(thumb(k, x, y, nodeSize))
				k++
			}
			b.WriteString(`<rect class="` + cls + `" x="` + ftoa(x) + `" y="` + ftoa(y) + `" width="` + ftoa(nodeSize) + `" height="` + ftoa(nodeSize) + `" rx="3" pointer-events="all"/></a>`)
		}
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// selLinker returns a function giving the link of s with a selection; a
// second click on the selected one deselects it.
func selLinker(s *state.Network) func(state.Sel) string {
	withSel := s.SelQueries()
	return func(sel state.Sel) string {
		if sel == s.Sel {
			sel = state.Sel{} // a second click deselects
		}
		return Link(NetworkPath, withSel(sel))
	}
}

// plotX and plotY map the plane to the PlotSize plot.
func plotX(x float64) float64 {
	return (x + engine.PlaneRange) * state.PlotSize / (2 * engine.PlaneRange)
}
func plotY(y float64) float64 {
	return (engine.PlaneRange - y) * state.PlotSize / (2 * engine.PlaneRange)
}

// pointsSVG draws the points over the plot (training points white-ringed,
// test points black-ringed when shown), the probe point and the axes'
// ticks, as an overlay the size of the plot.
func pointsSVG(s *state.Network, train, test []engine.Point) string {
	var b strings.Builder
	b.Grow(128 + 64*(len(train)+len(test)))
	sz := strconv.Itoa(state.PlotSize)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="points" viewBox="0 0 ` + sz + " " + sz + `" overflow="visible" aria-hidden="true" ` + font + ` font-size="11">`)
	labels := s.Labels()
	dot := func(p engine.Point, ring string) {
		fill := PointColor(labels, p.Label)
		b.WriteString(`<circle cx="` + ftoa(plotX(p.X)) + `" cy="` + ftoa(plotY(p.Y)) + `" r="3.5" fill="` + fill + `" stroke="` + ring + `"/>`)
	}
	for _, p := range train {
		dot(p, "#fff")
	}
	if s.ShowTest || s.Data == state.OwnData { // one's own points never vanish
		for _, p := range test {
			dot(p, "#000")
		}
	}
	{ // the probe point: where the arithmetic is shown, and the keyboard's cursor
		x, y := plotX(s.ProbeX), plotY(s.ProbeY)
		b.WriteString(`<g class="probe" stroke="#000" stroke-width="1.5" fill="none">`)
		b.WriteString(`<circle cx="` + ftoa(x) + `" cy="` + ftoa(y) + `" r="6" stroke="#fff" stroke-width="4"/><circle cx="` + ftoa(x) + `" cy="` + ftoa(y) + `" r="6"/>`)
		b.WriteString(`<path d="M` + ftoa(x-11) + " " + ftoa(y) + "h7M" + ftoa(x+4) + " " + ftoa(y) + "h7M" + ftoa(x) + " " + ftoa(y-11) + "v7M" + ftoa(x) + " " + ftoa(y+4) + `v7"/></g>`)
	}
	for _, t := range []float64{-6, -3, 0, 3, 6} {
		l := livechart.TickLabel(t)
		b.WriteString(`<text x="` + ftoa(plotX(t)) + `" y="` + ftoa(state.PlotSize+13) + `" text-anchor="middle">` + l + `</text>`)
		b.WriteString(`<text x="-4" y="` + ftoa(plotY(t)+4) + `" text-anchor="end">` + l + `</text>`)
	}
	b.WriteString(`<text x="` + ftoa(state.PlotSize+4) + `" y="` + ftoa(state.PlotSize+13) + `">x₁</text><text x="-4" y="-4" text-anchor="end">x₂</text>`)
	b.WriteString(`</svg>`)
	return b.String()
}

const font = `font-family="Liberation Sans, Arial, Helvetica, sans-serif"`

// appendF appends v rounded to a tenth, as ftoa writes it.
func appendF(b []byte, v float64) []byte {
	r := float64(int64(v*10+0.5*sign(v))) / 10
	return strconv.AppendFloat(b, r, 'f', -1, 64)
}

func ftoa(v float64) string {
	r := float64(int64(v*10+0.5*sign(v))) / 10
	return strconv.FormatFloat(r, 'f', -1, 64)
}
