package view

import (
	"net/url"
	"nnplay/web/textf"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/gallery"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// Paths of the convolution page and its resources.
const (
	ConvPath        = "/conv"
	ConvMapPath     = "/conv/map/" // + a map's key + ".png" or ".csv"
	ConvPreviewPath = "/conv/preview.png"
	ConvUploadPath  = "/conv/upload"
)

// MaxTableSide is the largest map side whose numbers the page shows as a
// table and as a grid of cells to step through.
const MaxTableSide = engine.MaxGridSide

// MaxUploadMB bounds an uploaded file.
const MaxUploadMB = 10

// ConvPage is the /conv page: the form, and the result when the state is
// valid.
type ConvPage struct {
	Page
	Form   ConvForm
	Errors []FieldError
	Result *ConvResult // nil when the link has errors
	// Draft is set for the live update of a stroke in progress: links are
	// not built (the picture is encoded once, when the stroke ends).
	Draft bool
}

// ConvForm is the form's content, as strings ready for the fields.
type ConvForm struct {
	Image       string
	Images      []Option
	Grid        string
	Px, Src     string
	Kernels     []KernelRow // engine.MaxKernels rows; the first N are active
	N           int
	Strides     []Option
	Paddings    []Option
	Flip, Clip  bool
	Activations []Option
	PoolOps     []Option
	PoolSizes   []Option
	PoolStrides []Option
	Sel, At     string
	Upload      string // help for the upload field
}

// KernelRow is one kernel's fields.
type KernelRow struct {
	I       int // 1-based
	Options []Option
	Weights string
	Active  bool
}

// Display says how a map's values become grey levels.
type Display struct {
	Scale  engine.Scale // for feature maps
	Range  bool         // for inputs: Lo black, Hi white
	Lo, Hi float32
}

// RGBA writes m's pixels for a canvas (engine.RGBATo or RangeRGBATo).
func (d Display) RGBA(dst []byte, m engine.Map) []byte {
	if d.Range {
		return engine.RangeRGBATo(dst, m, d.Lo, d.Hi)
	}
	return engine.RGBATo(dst, m, d.Scale)
}

// Gray writes m's grey levels for a PNG.
func (d Display) Gray(dst []byte, m engine.Map) []byte {
	if d.Range {
		return engine.RangeGrayTo(dst, m, d.Lo, d.Hi)
	}
	return engine.GrayTo(dst, m, d.Scale)
}

// MapView is one map the page shows: the input, a feature map, its
// activation or its pooling.
type MapView struct {
	Key      string // "in", "fm-1", "act-1", "pool-1": data-map and URL key
	W, H     int
	Caption  string
	Alt      string
	PNG, CSV string // links
	Table    *Table // the numbers, when the map is small
	Map      engine.Map
	Display  Display
}

// ConvResult is everything computed from a valid state.
type ConvResult struct {
	In       MapView
	InRange  string
	Size     []string // the output size worked out, across and down
	SameNote string
	Maps     []MapView // one feature map per kernel
	Act      []MapView
	Pool     []MapView
	Stages   []string // per kernel: "5×5 → 3×3 → 3×3 → 1×1"
	ScaleMsg string
	Empty    bool // the selected kernel's map is empty
	Step     *StepView
	Shrunk   string
	sel      int // the selected kernel, 0-based
}

// StepView is the step-through at one output cell.
type StepView struct {
	Title      string
	Sum        string // "1·1 + 2·0 + … = 3"
	Value      string
	Kernel     Table  // the weights as applied (flipped for true convolution)
	Window     string // SVG over the input: the window's box
	OutBox     string // SVG over the selected map: the cell's box
	Grid       string // SVG of the input's numbers under the window (small inputs)
	OutGrid    string // SVG of the map's cells as links (small maps)
	WindowAlt  string // the window in words, for screen readers
	HasPadding bool   // the window reaches into the padding
}

// Conv builds the page for a valid state.
func Conv(c state.Conv, lang i18n.Lang, draft bool) *ConvPage {
	return ConvInto(nil, c, lang, draft)
}

// ConvBuffers holds the maps of one page for the next: a live page
// computes into the same storage stroke after stroke instead of leaving
// a megabyte to the garbage collector each time. The maps of the page
// built before are overwritten.
type ConvBuffers struct {
	// Input, when it has pixels, is the input image whatever the state's
	// picture holds: a drawing in progress, already grey levels, whose
	// state need only have the size (the levels are made at the end).
	Input      engine.Map
	img        engine.Map
	fm, am, pm [engine.MaxKernels]engine.Map
}

// ConvInto is Conv computing into buf (nil for fresh storage).
func ConvInto(buf *ConvBuffers, c state.Conv, lang i18n.Lang, draft bool) *ConvPage {
	if buf == nil {
		buf = new(ConvBuffers)
	}
	p := convPage(lang, c, draft)
	if !draft { // a stroke's update does not touch the form
		p.Form = convForm(p.M, c, draft)
	}
	p.Result = convResult(p, c, buf)
	return p
}

// ConvInvalid builds the page for a link with errors: the form shows the
// values as given, and each error is localized.
func ConvInvalid(q url.Values, err error, lang i18n.Lang) *ConvPage {
	def := state.DefaultConv()
	p := convPage(lang, def, false)
	p.Query, p.Preview = "", ""
	p.NavQuery = state.Home{Lang: langOf(q)}.Encode()
	p.LangLinks = langLinks(ConvPath, p.Lang, func(l i18n.Lang) string { return state.WithLang(q, l) })
	p.Form = convFormFromValues(p.M, q)
	p.Errors = FieldErrors(p.M, p.M.Conv.FieldNames, err)
	return p
}

func convPage(lang i18n.Lang, c state.Conv, draft bool) *ConvPage {
	m := i18n.For(lang)
	p := &ConvPage{Page: Page{
		M: m, Lang: m.Lang, Nav: "conv", Path: ConvPath,
		NavQuery: state.Home{Lang: c.Lang}.Encode(),
		Title:    m.Conv.Title, Desc: m.Conv.Lead, Script: "conv.js", Module: "conv",
	}, Draft: draft}
	if !draft {
		p.Query = c.Encode()
		p.Preview = Link(ConvPreviewPath, p.Query)
		p.LangLinks = langLinks(ConvPath, m.Lang, func(l i18n.Lang) string {
			c := c
			c.Lang = l
			return c.Encode()
		})
	}
	return p
}

func options(values []string, labels map[string]string, selected string) []Option {
	out := make([]Option, 0, len(values)+1)
	known := false
	for _, v := range values {
		l := labels[v]
		if l == "" {
			l = v
		}
		out = append(out, Option{Value: v, Label: l, Selected: v == selected})
		known = known || v == selected
	}
	if !known && selected != "" {
		out = append(out, Option{Value: selected, Label: selected, Selected: true})
	}
	return out
}

func intOptions(lo, hi int, selected string) []Option {
	var vs []string
	for i := lo; i <= hi; i++ {
		vs = append(vs, strconv.Itoa(i))
	}
	return options(vs, nil, selected)
}

func imageSources() []string {
	var out []string
	for _, im := range gallery.Images() {
		out = append(out, im.Name())
	}
	return append(out, state.SourceGrid, state.SourceDraw)
}

func kernelTokens() []string {
	var out []string
	for _, k := range engine.Kernels() {
		out = append(out, k.Name())
	}
	return append(out, state.CustomKernel)
}

func activationTokens() []string {
	var out []string
	for _, a := range engine.Activations() {
		out = append(out, a.Name())
	}
	return out
}

func kernelLabels(m *i18n.Messages) map[string]string {
	l := map[string]string{state.CustomKernel: m.Conv.Custom}
	for k, v := range m.Conv.Kernels {
		l[k] = v
	}
	return l
}

// MatrixText writes a matrix for a textarea: a line per row.
func MatrixText(m engine.Map) string {
	var b strings.Builder
	for y := range m.H {
		if y > 0 {
			b.WriteByte('\n')
		}
		for x, v := range m.Row(y) {
			if x > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(Input(float64(v)))
		}
	}
	return b.String()
}

func rowsText(rows [][]float64) string {
	var b strings.Builder
	for y, row := range rows {
		if y > 0 {
			b.WriteByte('\n')
		}
		for x, v := range row {
			if x > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(Input(v))
		}
	}
	return b.String()
}

// convForm fills the form from a valid state; a draft has no picture
// link yet (encoding it is the costly part of a stroke).
func convForm(m *i18n.Messages, c state.Conv, draft bool) ConvForm {
	f := ConvForm{Image: c.Image, N: len(c.Kernels), Flip: c.Flip, Clip: c.Scale == engine.Clip.String()}
	f.Images = options(imageSources(), m.Conv.Images, c.Image)
	switch c.Image {
	case state.SourceGrid:
		f.Grid = rowsText(c.Grid)
	case state.SourceDraw:
		if !draft {
			f.Px = state.EncodePicture(c.Pic)
		}
		if c.Orig != [2]int{} {
			f.Src = textf.Sprintf("%dx%d", c.Orig[0], c.Orig[1])
		}
	}
	if w, h := c.ImageSize(); c.Image != state.SourceGrid && w <= engine.MaxGridSide && h <= engine.MaxGridSide {
		f.Grid = MatrixText(c.ImageMap()) // a start for typing one's own
	}
	labels := kernelLabels(m)
	for i := range engine.MaxKernels {
		row := KernelRow{I: i + 1}
		tok, weights := "identity", "0 0 0\n0 1 0\n0 0 0"
		if i < len(c.Kernels) {
			row.Active = true
			k := c.Kernels[i]
			tok = k.Preset
			if tok == "" {
				tok, weights = state.CustomKernel, rowsText(k.Weights)
			} else {
				weights = MatrixText(c.KernelMap(i))
			}
		}
		row.Options = options(kernelTokens(), labels, tok)
		row.Weights = weights
		f.Kernels = append(f.Kernels, row)
	}
	f.setSettings(m, strconv.Itoa(c.Stride), c.Pad, c.Act, c.Pool, strconv.Itoa(c.PoolSize), strconv.Itoa(c.PoolStride))
	f.Sel = strconv.Itoa(c.Sel)
	f.At = textf.Sprintf("%d,%d", c.At[0], c.At[1])
	f.Upload = textf.Sprintf(m.Conv.UploadHelp, engine.MaxImageSide, engine.MaxImageSide, MaxUploadMB)
	return f
}

func (f *ConvForm) setSettings(m *i18n.Messages, stride, pad, act, pool, psize, pstride string) {
	f.Strides = intOptions(1, engine.MaxStride, stride)
	var pads []string
	for _, p := range engine.Paddings() {
		pads = append(pads, p.String())
	}
	f.Paddings = options(pads, m.Conv.Paddings, pad)
	f.Activations = options(activationTokens(), m.Common.Activations, act)
	var ops []string
	for _, o := range engine.PoolOps() {
		ops = append(ops, o.String())
	}
	f.PoolOps = options(ops, m.Conv.PoolOps, pool)
	f.PoolSizes = intOptions(engine.MinPoolSize, engine.MaxPoolSize, psize)
	f.PoolStrides = intOptions(1, engine.MaxPoolStride, pstride)
}

// convFormFromValues fills the form with the values exactly as the link
// gave them.
func convFormFromValues(m *i18n.Messages, q url.Values) ConvForm {
	def := state.DefaultConv()
	f := convForm(m, def, false)
	get := func(key, fallback string) string {
		if vs, ok := q[key]; ok && len(vs) > 0 {
			return vs[0]
		}
		return fallback
	}
	img := get("img", def.Image)
	if _, ok := q["px"]; ok && q.Get("img") == "" {
		img = state.SourceDraw
	} else if _, ok := q["grid"]; ok && q.Get("img") == "" {
		img = state.SourceGrid
	}
	f.Image = img
	f.Images = options(imageSources(), m.Conv.Images, img)
	if vs, ok := q["grid"]; ok {
		f.Grid = strings.NewReplacer("~", "\n", ";", "\n").Replace(vs[0])
	}
	f.Px, f.Src = q.Get("px"), q.Get("src")
	if ks, ok := q["k"]; ok {
		f.N = min(max(len(ks), 1), engine.MaxKernels)
		labels := kernelLabels(m)
		for i := range f.N {
			if i >= len(ks) {
				break
			}
			k := ks[i]
			row := &f.Kernels[i]
			row.Active = true
			if _, ok := engine.KernelByName(k); ok || k == state.CustomKernel {
				row.Options = options(kernelTokens(), labels, k)
				if kv := q["kv"]; len(kv) > i && k == state.CustomKernel {
					row.Weights = kv[i]
				}
				continue
			}
			if k != "" && ('a' > k[0] || k[0] > 'z') {
				row.Options = options(kernelTokens(), labels, state.CustomKernel)
				row.Weights = strings.NewReplacer("~", "\n", ";", "\n").Replace(k)
			} else {
				row.Options = options(kernelTokens(), labels, k)
			}
		}
	}
	f.Flip = q.Get("flip") != ""
	f.Clip = q.Get("scale") == engine.Clip.String()
	f.setSettings(m, get("stride", "1"), get("pad", def.Pad), get("act", def.Act), get("pool", def.Pool), get("psize", "2"), get("pstride", get("psize", "2")))
	f.Sel, f.At = get("sel", "1"), get("at", "0,0")
	return f
}

// kernelName returns kernel i's display name.
func kernelName(m *i18n.Messages, c state.Conv, i int) string {
	if p := c.Kernels[i].Preset; p != "" {
		return m.Conv.Kernels[p]
	}
	return m.Conv.Custom
}

func dims(w, h int) string { return textf.Sprintf("%d×%d", w, h) }

func convResult(p *ConvPage, c state.Conv, buf *ConvBuffers) *ConvResult {
	m, cm := p.M, &p.M.Conv
	r := &ConvResult{}
	var img engine.Map
	switch {
	case len(buf.Input.Data) > 0:
		img = buf.Input
	case c.Image == state.SourceDraw:
		img = buf.img
		engine.GrayFromBytes(&img, c.Pic.Gray, c.Pic.W, c.Pic.H)
		buf.img = img
	default:
		img = c.ImageMap()
	}
	lo, hi := img.Range()
	in := Display{Range: true, Lo: 0, Hi: 255}
	if c.ImageKind() == gallery.Matrix {
		in.Lo, in.Hi = min(lo, 0), hi
		if !(in.Lo < in.Hi) {
			in.Hi = in.Lo + 1
		}
	}
	r.In = p.mapView("in", img, in, textf.Sprintf(cm.InputAlt, img.W, img.H), "")
	r.InRange = textf.Sprintf(cm.InputRange, img.W, img.H, Num(float64(lo)), Num(float64(hi)))
	if c.Orig != [2]int{} {
		r.Shrunk = textf.Sprintf(cm.Shrunk, c.Pic.W, c.Pic.H, c.Orig[0], c.Orig[1])
	}

	conv, pool, act := c.Conv2D(), c.Pool2D(), c.Activation()
	scale := Display{Scale: c.DisplayScale()}
	r.ScaleMsg = cm.Diverging
	if scale.Scale == engine.Clip {
		r.ScaleMsg = cm.Clipped
	}
	actName := m.Common.Activations[c.Act]
	op, _ := engine.PoolOpByName(c.Pool)
	poolName := cm.PoolOps[op.String()]
	for i := range c.Kernels {
		k := c.KernelMap(i)
		fm, am, pm := &buf.fm[i], &buf.am[i], &buf.pm[i]
		conv.ApplyTo(fm, img, k)
		engine.ActivateTo(am, *fm, act)
		pool.ApplyTo(pm, *am)
		name := kernelName(m, c, i)
		flo, fhi := fm.Range()
		mv := p.mapView(textf.Sprintf("fm-%d", i+1), *fm, scale,
			textf.Sprintf(cm.MapAlt, i+1, name, fm.W, fm.H),
			textf.Sprintf(cm.MapCaption, i+1, name, fm.W, fm.H, Num(float64(flo)), Num(float64(fhi))))
		r.Maps = append(r.Maps, mv)
		r.Act = append(r.Act, p.mapView(textf.Sprintf("act-%d", i+1), *am, scale,
			textf.Sprintf(cm.StageAlt, textf.Sprintf(cm.StageAct, actName), am.W, am.H), textf.Sprintf(cm.StageAct, actName)+", "+dims(am.W, am.H)))
		r.Pool = append(r.Pool, p.mapView(textf.Sprintf("pool-%d", i+1), *pm, scale,
			textf.Sprintf(cm.StageAlt, textf.Sprintf(cm.StagePool, poolName, c.PoolSize, c.PoolSize, c.PoolStride), pm.W, pm.H),
			textf.Sprintf(cm.StagePool, poolName, c.PoolSize, c.PoolSize, c.PoolStride)+", "+dims(pm.W, pm.H)))
		r.Stages = append(r.Stages, textf.Sprintf("%s ⊗ %s → %s → %s → %s", dims(img.W, img.H), dims(k.W, k.H), dims(fm.W, fm.H), dims(am.W, am.H), dims(pm.W, pm.H)))
	}

	// The size of the selected kernel's map, worked out.
	k := c.KernelMap(c.Sel - 1)
	pad, _ := engine.PaddingByName(c.Pad)
	r.Size = []string{
		sizeLine(cm, cm.Width, img.W, k.W, c.Stride, pad),
		sizeLine(cm, cm.Height, img.H, k.H, c.Stride, pad),
	}
	if pad == engine.Same {
		r.SameNote = cm.SameNote
	}
	r.sel = c.Sel - 1
	sel := r.Maps[r.sel]
	r.Empty = sel.W*sel.H == 0
	if !r.Empty {
		r.Step = p.step(c, img, k, sel, in)
	}
	return r
}

// sizeLine writes ⌊(W − K + P₁ + P₂)/S⌋ + 1 with the numbers, and where
// the zeros go ("0 zeros before, 1 zero after").
func sizeLine(cm *i18n.ConvMessages, label string, n, k, s int, p engine.Padding) string {
	b, a := p.Pads(n, k, s)
	out := engine.OutSize(n, k, s, p)
	return textf.Sprintf("%s: ⌊(W − K + P₁ + P₂)/S⌋ + 1 = ⌊(%d − %d + %d + %d)/%d⌋ + 1 = %d; ", label, n, k, b, a, s, out) +
		textf.Sprintf(cm.PadSplit, b, a)
}

func (p *ConvPage) mapView(key string, m engine.Map, d Display, alt, caption string) MapView {
	mv := MapView{Key: key, W: m.W, H: m.H, Alt: alt, Caption: caption, Map: m, Display: d}
	if !p.Draft {
		mv.PNG = Link(ConvMapPath+key+".png", p.Query)
		mv.CSV = Link(ConvMapPath+key+".csv", p.Query)
	}
	if m.W <= MaxTableSide && m.H <= MaxTableSide && m.W*m.H > 0 {
		t := &Table{Head: []string{"y \\ x"}}
		for x := range m.W {
			t.Head = append(t.Head, strconv.Itoa(x))
		}
		for y := range m.H {
			row := []string{strconv.Itoa(y)}
			for _, v := range m.Row(y) {
				row = append(row, Num(float64(v)))
			}
			t.Rows = append(t.Rows, row)
		}
		mv.Table = t
	}
	return mv
}

// step builds the step-through at the state's cell.
func (p *ConvPage) step(c state.Conv, img, k engine.Map, sel MapView, in Display) *StepView {
	cm := &p.M.Conv
	conv := c.Conv2D()
	x, y := c.At[0], c.At[1]
	b := conv.Breakdown(img, k, x, y)
	s := &StepView{Title: textf.Sprintf(cm.Cell, x, y, c.Sel), Value: Num(float64(b.Sum))}
	terms := make([]string, len(b.Taps))
	for i, t := range b.Taps {
		terms[i] = Term(float64(t.Pixel)) + "·" + Term(float64(t.Weight))
		s.HasPadding = s.HasPadding || t.Pad
	}
	s.Sum = strings.Join(terms, " + ") + " = " + s.Value
	s.Kernel = Table{}
	for u := range b.H {
		var row []string
		for v := range b.W {
			row = append(row, Num(float64(b.Taps[u*b.W+v].Weight)))
		}
		s.Kernel.Rows = append(s.Kernel.Rows, row)
	}
	x0, y0 := b.Taps[0].X, b.Taps[0].Y
	s.WindowAlt = textf.Sprintf(cm.WindowAlt, b.W, b.H, x0, y0)
	s.Window = boxSVG(img.W, img.H, x0, y0, b.W, b.H, "win")
	s.OutBox = boxSVG(sel.W, sel.H, x, y, 1, 1, "cell")
	s.Grid = gridSVG(img, b, in, img.W > MaxTableSide || img.H > MaxTableSide)

	if sel.W <= MaxTableSide && sel.H <= MaxTableSide {
		s.OutGrid = p.outGridSVG(c, sel, x, y)
	}
	return s
}

// boxSVG is an overlay in the map's own pixels (viewBox 0 0 w h): a box
// of bw×bh pixels at (x, y), which may reach into the padding.
func boxSVG(w, h, x, y, bw, bh int, class string) string {
	return textf.Sprintf(`<svg class="overlay" viewBox="0 0 %d %d" preserveAspectRatio="none" aria-hidden="true"><rect class="%s" x="%d" y="%d" width="%d" height="%d" vector-effect="non-scaling-stroke"></rect></svg>`,
		w, h, class, x, y, bw, bh)
}

const cellPx = 48 // an SVG grid cell's side, in its own units

// gridSVG draws the input's numbers with the padding the window needs and
// the window over them: each covered cell shows its pixel and, small, the
// weight it is multiplied by. crop draws only the window and one pixel
// around it, for an image too large to show whole.
func gridSVG(img engine.Map, b engine.Breakdown, in Display, crop bool) string {
	first, last := b.Taps[0], b.Taps[len(b.Taps)-1]
	minX, minY := min(0, first.X), min(0, first.Y)
	maxX, maxY := max(img.W-1, last.X), max(img.H-1, last.Y)
	if crop {
		minX, minY = max(minX, first.X-1), max(minY, first.Y-1)
		maxX, maxY = min(maxX, last.X+1), min(maxY, last.Y+1)
	}
	cols, rows := maxX-minX+1, maxY-minY+1
	levels := in.Gray(nil, img)
	var sb strings.Builder
	textf.Fprintf(&sb, `<svg class="numgrid" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-hidden="true">`, cols*cellPx, rows*cellPx, cols*cellPx, rows*cellPx)
	taps := map[[2]int]engine.Tap{}
	for _, t := range b.Taps {
		taps[[2]int{t.X, t.Y}] = t
	}
	for gy := range rows {
		for gx := range cols {
			ix, iy := gx+minX, gy+minY
			t, inWin := taps[[2]int{ix, iy}]
			pad := ix < 0 || iy < 0 || ix >= img.W || iy >= img.H
			px, py := gx*cellPx, gy*cellPx
			class, text := "pad", "0"
			if !pad {
				v := img.Data[iy*img.W+ix]
				lv := levels[iy*img.W+ix]
				class, text = "px dark", Num(float64(v))
				if lv >= 128 {
					class = "px light"
				}
				textf.Fprintf(&sb, `<rect x="%d" y="%d" width="%d" height="%d" fill="rgb(%d,%d,%d)"></rect>`, px, py, cellPx, cellPx, lv, lv, lv)
			} else {
				textf.Fprintf(&sb, `<rect class="pad" x="%d" y="%d" width="%d" height="%d"></rect>`, px, py, cellPx, cellPx)
			}
			textf.Fprintf(&sb, `<text class="%s" x="%d" y="%d">%s</text>`, class, px+cellPx/2, py+cellPx/2+2, textf.EscapeHTML(text))
			if inWin {
				textf.Fprintf(&sb, `<text class="w %s" x="%d" y="%d">×%s</text>`, class, px+cellPx-4, py+cellPx-5, textf.EscapeHTML(Num(float64(t.Weight))))
			}
		}
	}
	textf.Fprintf(&sb, `<rect class="win" x="%d" y="%d" width="%d" height="%d"></rect></svg>`,
		(b.Taps[0].X-minX)*cellPx, (b.Taps[0].Y-minY)*cellPx, b.W*cellPx, b.H*cellPx)
	return sb.String()
}

// outGridSVG draws the selected map's numbers, each cell a link to its own
// step (so it works without JavaScript); the current cell is marked.
func (p *ConvPage) outGridSVG(c state.Conv, sel MapView, x, y int) string {
	levels := sel.Display.Gray(nil, sel.Map)
	var sb strings.Builder
	textf.Fprintf(&sb, `<svg class="numgrid out" viewBox="0 0 %d %d" width="%d" height="%d">`, sel.W*cellPx, sel.H*cellPx, sel.W*cellPx, sel.H*cellPx)
	for cy := range sel.H {
		for cx := range sel.W {
			v := sel.Map.Data[cy*sel.W+cx]
			lv := levels[cy*sel.W+cx]
			href := ""
			if !p.Draft {
				href = Link(ConvPath, c.WithAt(cx, cy))
			}
			class := "px dark"
			if lv >= 128 {
				class = "px light"
			}
			cur := ""
			if cx == x && cy == y {
				cur = ` aria-current="true"`
			}
			label := textf.Sprintf(p.M.Conv.CellLink, cx, cy, Num(float64(v)))
			textf.Fprintf(&sb, `<a href="%s" data-at="%d,%d" aria-label="%s"%s><rect x="%d" y="%d" width="%d" height="%d" fill="rgb(%d,%d,%d)"></rect><text class="%s" x="%d" y="%d">%s</text></a>`,
				textf.EscapeHTML(href), cx, cy, textf.EscapeHTML(label), cur, cx*cellPx, cy*cellPx, cellPx, cellPx, lv, lv, lv, class, cx*cellPx+cellPx/2, cy*cellPx+cellPx/2+2, textf.EscapeHTML(Num(float64(v))))
		}
	}
	textf.Fprintf(&sb, `<rect class="cell" x="%d" y="%d" width="%d" height="%d"></rect></svg>`, x*cellPx, y*cellPx, cellPx, cellPx)
	return sb.String()
}

// Live returns what the browser's glue copies into the page. withForm
// refills the fields the update reshaped (an op, a new picture); the
// fields a person may be typing in are refilled only when they are not
// the source (a preset's numbers, a preset kernel's weights).
func (p *ConvPage) Live(withForm bool) *Live {
	if p.Draft && p.Result != nil {
		return p.draftLive()
	}
	l := &Live{Query: p.Query, Errors: p.Errors, Href: map[string]string{}}
	for _, ll := range p.LangLinks {
		l.Href["lang-"+string(ll.Lang)] = ll.Href
	}
	f := &p.Form
	l.Lists = map[string]int{"kernels": f.N, "maps": f.N, "stages": f.N}
	l.Enabled = map[string]bool{"addk": f.N < engine.MaxKernels, "delk": f.N > 1}
	l.Form = map[string][]string{"at": {f.At}, "sel": {f.Sel}}
	if withForm {
		l.Form["img"] = []string{f.Image}
		l.Form["px"] = []string{f.Px}
		l.Form["src"] = []string{f.Src}
		l.Form["grid"] = []string{f.Grid}
		for _, k := range f.Kernels[:f.N] {
			for _, o := range k.Options {
				if o.Selected {
					l.Form["k"] = append(l.Form["k"], o.Value)
				}
			}
			l.Form["kv"] = append(l.Form["kv"], k.Weights)
		}
	}
	r := p.Result
	if r == nil {
		return l
	}
	l.Text = map[string]string{
		"in-range": r.InRange, "size-w": r.Size[0], "size-h": r.Size[1], "same-note": r.SameNote,
		"scale-msg": r.ScaleMsg, "shrunk": r.Shrunk,
	}
	l.Tables = map[string]Table{}
	l.SVG = map[string]string{}
	for _, mv := range slices.Concat(r.Maps, r.Act, r.Pool) {
		l.Text["cap-"+mv.Key] = mv.Caption
		if mv.Table != nil {
			l.Tables[mv.Key] = *mv.Table
		} else {
			l.Tables[mv.Key] = Table{}
		}
		if !p.Draft {
			l.Href["png-"+mv.Key] = mv.PNG
			l.Href["csv-"+mv.Key] = mv.CSV
		}
	}
	for i, s := range r.Stages {
		l.Text[textf.Sprintf("stage-%d", i+1)] = s
		l.SVG["win-"+r.Maps[i].Key] = OutBox(r, i)
	}
	if r.In.Table != nil {
		l.Tables["in"] = *r.In.Table
	} else {
		l.Tables["in"] = Table{}
	}
	if !p.Draft {
		l.Href["png-in"], l.Href["csv-in"] = r.In.PNG, r.In.CSV
	}
	l.Text["empty"] = ""
	if s := r.Step; s != nil {
		l.Text["step-title"], l.Text["step-sum"], l.Text["step-value"], l.Text["win-alt"] = s.Title, s.Sum, s.Value, s.WindowAlt
		l.Tables["kernel"] = s.Kernel
		l.SVG["win-in"], l.SVG["step-grid"], l.SVG["out-grid"] = s.Window, s.Grid, s.OutGrid
	} else {
		l.Text["empty"] = p.M.Conv.Empty
		l.Text["step-title"], l.Text["step-sum"], l.Text["step-value"], l.Text["win-alt"] = "", "", "", ""
		l.Tables["kernel"] = Table{}
		l.SVG["win-in"], l.SVG["step-grid"], l.SVG["out-grid"] = "", "", ""
	}
	return l
}

// draftLive is the update during a stroke: only what the picture's
// pixels change (sizes, settings and links stay as they were).
func (p *ConvPage) draftLive() *Live {
	r := p.Result
	l := &Live{Text: map[string]string{"in-range": r.InRange}, Tables: map[string]Table{}, SVG: map[string]string{}}
	for _, mv := range slices.Concat([]MapView{r.In}, r.Maps, r.Act, r.Pool) {
		if mv.Caption != "" {
			l.Text["cap-"+mv.Key] = mv.Caption
		}
		if mv.Table != nil {
			l.Tables[mv.Key] = *mv.Table
		}
	}
	if s := r.Step; s != nil {
		l.Text["step-sum"], l.Text["step-value"] = s.Sum, s.Value
		if s.Grid != "" {
			l.SVG["step-grid"] = s.Grid
		}
		if s.OutGrid != "" {
			l.SVG["out-grid"] = s.OutGrid
		}
	}
	return l
}

// ConvCSV returns a map's values as CSV records, one row per map row,
// every number in its shortest exact form (so nothing a link carries can
// become a spreadsheet formula). ok is false for an unknown key.
func ConvCSV(r *ConvResult, key string) ([][]string, bool) {
	mv, ok := r.Map(key)
	if !ok {
		return nil, false
	}
	out := make([][]string, mv.H)
	for y := range mv.H {
		rec := make([]string, mv.W)
		for x, v := range mv.Map.Row(y) {
			rec[x] = Exact(float64(v))
		}
		out[y] = rec
	}
	return out, true
}

// Map returns the map with the key, and whether there is one.
func (r *ConvResult) Map(key string) (MapView, bool) {
	for _, mv := range slices.Concat([]MapView{r.In}, r.Maps, r.Act, r.Pool) {
		if mv.Key == key {
			return mv, true
		}
	}
	return MapView{}, false
}

// Grays returns a map's grey levels as the page shows them, for a PNG.
func (mv MapView) Grays() []byte { return mv.Display.Gray(nil, mv.Map) }

// Slots returns maps padded to engine.MaxKernels entries with empty maps
// keyed prefix-i, so the page has a place for every kernel the live
// update may add.
func Slots(maps []MapView, prefix string) []MapView {
	out := append([]MapView(nil), maps...)
	for i := len(out); i < engine.MaxKernels; i++ {
		out = append(out, MapView{Key: textf.Sprintf("%s-%d", prefix, i+1)})
	}
	return out
}

// OutBox returns the cell overlay for feature map i: the step's cell on
// the selected map, nothing on the others.
func OutBox(r *ConvResult, i int) string {
	if r.Step != nil && i == r.sel {
		return r.Step.OutBox
	}
	return ""
}

// Selected returns the index of the kernel the step-through shows.
func (r *ConvResult) Selected() int { return r.sel }

// StageText returns kernel i's sizes through the stage, or "".
func StageText(r *ConvResult, i int) string {
	if i < len(r.Stages) {
		return r.Stages[i]
	}
	return ""
}
