package view

import "nnplay/engine"

// The palette: every colour that stands for something (a class, an
// activation, a series) is chosen here, for the pages, the server's charts
// and the browser's canvases alike.

// classColors are the classes' colours, by class index (engine.LabelKind):
// TensorFlow Playground's orange for class 0 (label −1) and blue for class
// 1 (+1), a diverging pair that stays apart for the common colour-vision
// deficiencies (they differ in lightness as well as hue). app.css's
// .swatch.neg and .swatch.pos repeat them (a test checks).
var classColors = []string{"#f59322", "#0877bd"}

// ColorMid is the middle of the diverging class scale, the value 0.
const ColorMid = "#e8eaeb"

// colorNaN draws what is not a number: a heatmap cell, a weight.
const colorNaN = "#bbbbbb"

// ClassColor returns the colour of class c. It panics if the palette has
// no colour for c.
func ClassColor(c int) string { return classColors[c] }

// ClassColors returns the number of classes the palette can colour.
func ClassColors() int { return len(classColors) }

// PointColor returns the fill of a data point labelled label, of the label
// kind kind: its class's colour, or for a real value the diverging scale of
// WeightColor.
func PointColor(kind engine.LabelKind, label float64) string {
	if kind.Real() {
		return WeightColor(label)
	}
	return ClassColor(kind.Class(label))
}

// The diverging scale's end points and middle as RGB, for the heatmaps and
// the weights.
var (
	rgbNeg = rgbOf(ClassColor(0))
	rgbPos = rgbOf(ClassColor(1))
	rgbMid = rgbOf(ColorMid)
	rgbNaN = rgbOf(colorNaN)
)

// rgbOf returns the channels of a colour written "#rrggbb".
func rgbOf(hex string) [3]int {
	var c [3]int
	for i := range 3 {
		c[i] = hexDigit(hex[1+2*i])<<4 | hexDigit(hex[2+2*i])
	}
	return c
}

func hexDigit(b byte) int {
	switch {
	case b >= 'a':
		return int(b-'a') + 10
	case b >= 'A':
		return int(b-'A') + 10
	}
	return int(b - '0')
}

// Loss chart colours: the Okabe–Ito bluish green and reddish purple, kept
// apart from the class colours.
const (
	ColorTrainLoss = "#009E73"
	ColorTestLoss  = "#CC79A7"
)

// Colors used by single-curve charts.
const (
	CurveColor = "#0072B2"
	MarkColor  = "#D55E00"
)

// okabeIto is the Okabe–Ito colour-blind-safe set (its yellow darkened to
// read on white), the first colours of SeriesColors.
var okabeIto = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999", "#8C6D00"}

// MaxSeries is the most colours SeriesColors gives.
const MaxSeries = 100

// SeriesColors returns n distinct colours for the series of a chart: the
// Okabe–Ito set, then further hues a golden angle apart, each kept only if
// it is new, so that the list never repeats itself. It panics if n >
// MaxSeries.
func SeriesColors(n int) []string {
	if n > MaxSeries {
		panic("view: more series than colours")
	}
	out := make([]string, 0, n)
	seen := map[string]bool{}
	add := func(c string) {
		if len(out) < n && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range okabeIto {
		add(c)
	}
	// Hues in integer degrees·1000 with a fixed saturation and lightness,
	// so that the server and the browser compute the same colours.
	for h := 0; len(out) < n; h += 137_508 {
		add(hslHex(h/1000%360, 65, 42))
	}
	return out
}

// hslHex returns the colour of hue h (degrees), saturation s and lightness
// l (percent) as "#rrggbb", in integer arithmetic.
func hslHex(h, s, l int) string {
	// chroma and the RGB of the hue's sextant, all scaled by 100·255.
	c := (100 - abs(2*l-100)) * s * 255 / 100
	x := c * (60 - abs(h%120-60)) / 60
	m := l*255 - c/2
	var r, g, b int
	switch h / 60 {
	case 0:
		r, g = c, x
	case 1:
		r, g = x, c
	case 2:
		g, b = c, x
	case 3:
		g, b = x, c
	case 4:
		r, b = x, c
	default:
		r, b = c, x
	}
	const digits = "0123456789abcdef"
	out := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range [3]int{r + m, g + m, b + m} {
		v = min(max((v+50)/100, 0), 255)
		out[1+2*i], out[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(out)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// activationColors gives each activation of the registry its own colour,
// in the registry's order.
var activationColors = func() map[string]string {
	acts := engine.Activations()
	colors := SeriesColors(len(acts))
	m := make(map[string]string, len(acts))
	for i, a := range acts {
		m[a.Name()] = colors[i]
	}
	return m
}()

// ActivationColor returns the colour that stands for the activation name
// in every chart, server or live; an unknown name gets the first colour.
func ActivationColor(name string) string {
	if c, ok := activationColors[name]; ok {
		return c
	}
	return okabeIto[0]
}
