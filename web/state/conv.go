package state

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/gallery"
	"nnplay/web/i18n"
)

// Limits of a /conv link beyond the engine's.
const (
	// MaxConvValue bounds every typed number: image values and weights.
	MaxConvValue = 1e4
	// LinkBudget is the longest query FitLink lets a picture make: the
	// limit less room for the language and an op added to the link.
	LinkBudget = MaxQueryBytes - 128
)

// The image sources besides the presets' tokens.
const (
	SourceGrid = "grid" // typed numbers (Conv.Grid)
	SourceDraw = "draw" // a drawn or uploaded picture (Conv.Pic)
	// CustomKernel is the form's choice of typed weights.
	CustomKernel = "custom"
)

// Conv is the state of the /conv page.
//
// Link parameters, in canonical order:
//
//	lang     interface language (absent: the browser's choice)
//	img      a preset image's token (absent: lesson)
//	grid     a typed image: numbers joined by ",", rows by "~"
//	px       a drawn or uploaded picture (EncodePicture)
//	src      the picture's size before it was shrunk to fit the link, "WxH"
//	k        a kernel, repeated: a preset's token or typed weights as grid
//	stride   1…4 (absent: 1)
//	pad      valid, same or full (absent: valid)
//	flip     1: true convolution, the kernel rotated by 180°
//	scale    clip: show maps clipped to 0…255 (absent: diverging)
//	act      the activation after the convolution (absent: relu)
//	pool     max or avg (absent: max)
//	psize    the pooling window, 2 or 3 (absent: 2)
//	pstride  the pooling stride, 1…3 (absent: psize)
//	sel      the kernel (1-based) whose map the step-through shows
//	at       the output cell the step-through shows, "x,y" from 0
//
// img=grid and img=draw are implied by grid and px. Read, never written:
//
//	kv  a kernel's typed weights, one per k, used where k is "custom"
//	f   the form sent the link: sel and at that the new settings put out
//	    of range fall back to the first map's first cell
//	op  first, prev, next or last: moves at in reading order
type Conv struct {
	Lang       i18n.Lang
	Image      string      // a preset's token, SourceGrid or SourceDraw
	Grid       [][]float64 // the typed image, for SourceGrid
	Pic        Picture     // the picture, for SourceDraw
	Orig       [2]int      // Pic's size before FitLink shrank it, or zero
	Kernels    []Kernel    // 1…engine.MaxKernels
	Stride     int
	Pad        string
	Flip       bool
	Scale      string
	Act        string
	Pool       string
	PoolSize   int
	PoolStride int
	Sel        int    // 1…len(Kernels)
	At         [2]int // x, y
}

// Kernel is one kernel of a Conv: a preset, or typed weights.
type Kernel struct {
	Preset  string      // a preset's token, or "" for Weights
	Weights [][]float64 // rows of equal length, 1…engine.MaxKernelSize each way
}

// DefaultConv returns the state of /conv with no parameters: the lesson's
// example, its 5×5 matrix and its filter.
func DefaultConv() Conv {
	return Conv{
		Image: "lesson", Kernels: []Kernel{{Preset: "lesson"}}, Stride: 1,
		Pad: engine.Valid.String(), Scale: engine.Diverging.String(), Act: engine.ReLU.Name(),
		Pool: engine.MaxPool.String(), PoolSize: 2, PoolStride: 2, Sel: 1,
	}
}

func imageNames() []string { return tokens(gallery.Images(), gallery.Image.Name) }

func kernelNames() []string { return tokens(engine.Kernels(), engine.Kernel.Name) }

func paddingNames() []string { return tokens(engine.Paddings(), engine.Padding.String) }

func scaleNames() []string { return tokens(engine.Scales(), engine.Scale.String) }

func poolNames() []string { return tokens(engine.PoolOps(), engine.PoolOp.String) }

// DecodeConv reads a /conv link. On any invalid value it returns the
// Errors found and the defaults for them.
func DecodeConv(q url.Values) (Conv, error) {
	r := reader{q: q}
	r.version()
	c := DefaultConv()
	c.Lang = r.lang()
	_, form := q["f"]

	r.convImage(&c)
	r.convKernels(&c)
	c.Stride = r.intIn("stride", 1, 1, engine.MaxStride)
	c.Pad = r.token("pad", c.Pad, paddingNames())
	c.Flip = r.token("flip", "", []string{"1"}) == "1"
	c.Scale = r.token("scale", c.Scale, scaleNames())
	c.Act = r.token("act", c.Act, activationNames())
	c.Pool = r.token("pool", c.Pool, poolNames())
	c.PoolSize = r.intIn("psize", 2, engine.MinPoolSize, engine.MaxPoolSize)
	c.PoolStride = r.intIn("pstride", c.PoolSize, 1, engine.MaxPoolStride)

	sel, selOK := r.single("sel")
	at, atOK := r.single("at")
	if len(r.errs) > 0 {
		return c, r.errs.err()
	}
	if selOK {
		c.Sel = r.intValue("sel", sel, 1, len(c.Kernels))
		if len(r.errs) > 0 && form {
			r.errs, c.Sel = nil, 1
		}
	}
	ow, oh := c.OutDims()
	if atOK && len(r.errs) == 0 {
		c.At = r.cell(at, ow, oh)
		if len(r.errs) > 0 && form {
			r.errs, c.At = nil, [2]int{}
		}
	}
	if s, ok := r.single("op"); ok && len(r.errs) == 0 {
		r.convOp(&c, s, ow, oh)
	}
	return c, r.errs.err()
}

// convImage reads img, grid, px and src.
func (r *reader) convImage(c *Conv) {
	sources := append(imageNames(), SourceGrid, SourceDraw)
	tok, hasTok := r.single("img")
	gridS, hasGrid := r.single("grid")
	// The form's hidden px and src are empty when there is no picture.
	pxS, hasPx := r.single("px")
	hasPx = hasPx && pxS != ""
	srcS, hasSrc := r.single("src")
	hasSrc = hasSrc && srcS != ""
	switch {
	case hasTok:
		if !slices.Contains(sources, tok) {
			r.errs = append(r.errs, &FieldError{Key: "img", Value: shorten(tok), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: sources}})
			return
		}
	case hasPx && hasGrid:
		r.errs = append(r.errs, &FieldError{Key: "img", Problem: Missing, Allowed: Allowed{Kind: AllowOneOf, Options: []string{SourceGrid, SourceDraw}}})
		return
	case hasPx:
		tok = SourceDraw
	case hasGrid:
		tok = SourceGrid
	default:
		tok = c.Image
	}
	c.Image = tok
	switch tok {
	case SourceGrid:
		if !hasGrid {
			r.errs = append(r.errs, &FieldError{Key: "grid", Problem: Missing, Allowed: Allowed{Kind: AllowNone}})
			return
		}
		c.Grid = r.matrix("grid", gridS, engine.MaxGridSide)
	case SourceDraw:
		if !hasPx {
			r.errs = append(r.errs, &FieldError{Key: "px", Problem: Missing, Allowed: Allowed{Kind: AllowNone}})
			return
		}
		p, err := DecodePicture(pxS)
		if err != nil {
			fe := &FieldError{Key: "px", Value: shorten(pxS), Problem: Corrupt, Allowed: Allowed{Kind: AllowNone}}
			if err == errTooLarge {
				fe.Problem, fe.Allowed = TooLarge, Allowed{Kind: AllowCount, Min: 1, Max: engine.MaxImageSide}
			}
			r.errs = append(r.errs, fe)
			return
		}
		c.Pic = p
		if hasSrc {
			c.Orig = r.size("src", srcS, p)
		}
		return
	}
	if hasSrc {
		r.errs = append(r.errs, &FieldError{Key: "src", Value: shorten(srcS), Problem: Missing, Allowed: Allowed{Kind: AllowNone}})
	}
}

// size reads src: "WxH", larger than the picture p it was shrunk to.
func (r *reader) size(key, s string, p Picture) [2]int {
	ws, hs, ok := strings.Cut(s, "x")
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if !ok || errW != nil || errH != nil || w < p.W || h < p.H || w > engine.MaxUploadSide || h > engine.MaxUploadSide || (w == p.W && h == p.H) {
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowCount, Min: float64(max(p.W, p.H)), Max: engine.MaxUploadSide}})
		return [2]int{}
	}
	return [2]int{w, h}
}

// matrix parses rows of numbers, rows ending at "~", ";" or a newline and
// numbers separated by commas or spaces, at most side×side, every row as
// long as the first (a shorter or longer row is a Mismatch).
func (r *reader) matrix(key, s string, side int) [][]float64 {
	rowSep := func(c rune) bool { return c == '\n' || c == '\r' || c == '~' || c == ';' }
	valSep := func(c rune) bool { return c == ',' || c == ' ' || c == '\t' }
	var rows [][]float64
	nerr := len(r.errs)
	lines := strings.FieldsFunc(s, rowSep)
	for _, line := range lines {
		fields := strings.FieldsFunc(line, valSep)
		if len(fields) == 0 {
			continue
		}
		rows = append(rows, nil)
		row := len(rows)
		if row > side {
			r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: TooMany, Got: countRows(s, rowSep, valSep), Allowed: Allowed{Kind: AllowCount, Min: 1, Max: float64(side)}})
			return nil
		}
		if len(fields) > side {
			r.errs = append(r.errs, &FieldError{Key: key, Row: row, Value: shorten(line), Problem: TooMany, Got: len(fields), Allowed: Allowed{Kind: AllowCount, Min: 1, Max: float64(side)}})
			continue
		}
		if row > 1 && rows[0] != nil && len(fields) != len(rows[0]) {
			r.errs = append(r.errs, &FieldError{Key: key, Row: row, Value: shorten(line), Problem: Mismatch, Got: len(fields), Want: len(rows[0]), Allowed: Allowed{Kind: AllowNone}})
			continue
		}
		vals := make([]float64, len(fields))
		for i, f := range fields {
			v, fe := parseNumber(key, i+1, f, MaxConvValue)
			if fe != nil {
				fe.Row = row
				r.errs = append(r.errs, fe)
			}
			vals[i] = v
		}
		rows[row-1] = vals
		if len(r.errs)-nerr >= 10 {
			return nil
		}
	}
	if len(rows) == 0 && len(r.errs) == nerr {
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: TooFew, Got: 0, Allowed: Allowed{Kind: AllowCount, Min: 1, Max: float64(side)}})
	}
	return rows
}

// convKernels reads k, with kv for custom kernels.
func (r *reader) convKernels(c *Conv) {
	ks, ok := r.q["k"]
	if !ok {
		return
	}
	kvs, hasKV := r.q["kv"]
	limit := Allowed{Kind: AllowCount, Min: 1, Max: engine.MaxKernels}
	switch {
	case len(ks) > engine.MaxKernels:
		r.errs = append(r.errs, &FieldError{Key: "k", Problem: TooMany, Got: len(ks), Allowed: limit})
		return
	case hasKV && len(kvs) != len(ks):
		r.errs = append(r.errs, &FieldError{Key: "kv", Problem: Mismatch, Got: len(kvs), Want: len(ks), Allowed: Allowed{Kind: AllowNone}})
		return
	}
	presets := kernelNames()
	c.Kernels = make([]Kernel, len(ks))
	for i, s := range ks {
		key, index := "k", i+1
		switch {
		case slices.Contains(presets, s):
			c.Kernels[i] = Kernel{Preset: s}
			continue
		case s == CustomKernel && hasKV:
			key, s = "kv", kvs[i]
		case s == "" || 'a' <= s[0] && s[0] <= 'z':
			r.errs = append(r.errs, &FieldError{Key: "k", Index: index, Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: presets}})
			continue
		}
		nerr := len(r.errs)
		w := r.matrix(key, s, engine.MaxKernelSize)
		for _, e := range r.errs[nerr:] {
			e.Item = index // which kernel; Row and Index say where in it
		}
		c.Kernels[i] = Kernel{Weights: w}
	}
}

// intIn reads the optional integer key in [lo, hi], with def when absent.
func (r *reader) intIn(key string, def, lo, hi int) int {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	return r.intValue(key, s, lo, hi)
}

func (r *reader) intValue(key, s string, lo, hi int) int {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < lo || v > hi {
		p := OutOfRange
		if err != nil {
			p = NotNumber
		}
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: p, Allowed: Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}})
		return lo
	}
	return v
}

// cell reads at: "x,y" inside a w×h output.
func (r *reader) cell(s string, w, h int) [2]int {
	xs, ys, ok := strings.Cut(s, ",")
	x, errX := strconv.Atoi(strings.TrimSpace(xs))
	y, errY := strconv.Atoi(strings.TrimSpace(ys))
	switch {
	case !ok || errX != nil || errY != nil:
		r.errs = append(r.errs, &FieldError{Key: "at", Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowNone}})
	case w*h == 0 && (x != 0 || y != 0):
		r.errs = append(r.errs, &FieldError{Key: "at", Value: shorten(s), Problem: OutOfRange, Allowed: Allowed{Kind: AllowOneOf, Options: []string{"0,0"}}})
	case w*h > 0 && (x < 0 || y < 0 || x >= w || y >= h):
		r.errs = append(r.errs, &FieldError{Key: "at", Value: shorten(s), Problem: OutOfRange,
			Allowed: Allowed{Kind: AllowOneOf, Options: []string{"0,0 … " + strconv.Itoa(w-1) + "," + strconv.Itoa(h-1)}}})
	default:
		return [2]int{x, y}
	}
	return [2]int{}
}

// convOp applies the form's action s: moving the step-through's cell in
// reading order, or adding (addk) or removing (delkN) a kernel.
func (r *reader) convOp(c *Conv, s string, w, h int) {
	n := w * h
	i := c.At[1]*w + c.At[0]
	switch {
	case s == "first":
		i = 0
	case s == "last":
		i = n - 1
	case s == "next":
		i = (i + 1) % max(n, 1)
	case s == "prev":
		i = (i - 1 + n) % max(n, 1)
	case s == "addk" && len(c.Kernels) < engine.MaxKernels:
		c.Kernels = append(c.Kernels, Kernel{Preset: "identity"})
		return
	case strings.HasPrefix(s, "delk") && len(c.Kernels) > 1:
		k, err := strconv.Atoi(s[4:])
		if err == nil && 1 <= k && k <= len(c.Kernels) {
			c.Kernels = slices.Delete(c.Kernels, k-1, k)
			if c.Sel > k || c.Sel > len(c.Kernels) {
				c.Sel--
			}
			c.clampAt()
			return
		}
		fallthrough
	default:
		opts := []string{"first", "prev", "next", "last"}
		if len(c.Kernels) < engine.MaxKernels {
			opts = append(opts, "addk")
		}
		if len(c.Kernels) > 1 {
			opts = append(opts, "delk1…delk"+strconv.Itoa(len(c.Kernels)))
		}
		r.errs = append(r.errs, &FieldError{Key: "op", Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: opts}})
		return
	}
	if n == 0 {
		c.At = [2]int{}
		return
	}
	c.At = [2]int{i % w, i / w}
}

// Encode returns c's canonical query string ("" for the default state).
// A picture is written whole; FitLink shrinks one that makes the link too
// long.
func (c Conv) Encode() string {
	var w writer
	def := DefaultConv()
	if c.Lang != "" {
		w.add("lang", string(c.Lang))
	}
	switch c.Image {
	case SourceGrid:
		w.add("grid", FormatRows(c.Grid))
	case SourceDraw:
		w.add("px", EncodePicture(c.Pic))
		if c.Orig != [2]int{} {
			w.add("src", strconv.Itoa(c.Orig[0])+"x"+strconv.Itoa(c.Orig[1]))
		}
	case def.Image:
	default:
		w.add("img", c.Image)
	}
	if !slices.EqualFunc(c.Kernels, def.Kernels, equalKernel) {
		for _, k := range c.Kernels {
			if k.Preset != "" {
				w.add("k", k.Preset)
			} else {
				w.add("k", FormatRows(k.Weights))
			}
		}
	}
	if c.Stride != def.Stride {
		w.add("stride", strconv.Itoa(c.Stride))
	}
	if c.Pad != def.Pad {
		w.add("pad", c.Pad)
	}
	if c.Flip {
		w.add("flip", "1")
	}
	if c.Scale != def.Scale {
		w.add("scale", c.Scale)
	}
	if c.Act != def.Act {
		w.add("act", c.Act)
	}
	if c.Pool != def.Pool {
		w.add("pool", c.Pool)
	}
	if c.PoolSize != def.PoolSize {
		w.add("psize", strconv.Itoa(c.PoolSize))
	}
	if c.PoolStride != c.PoolSize {
		w.add("pstride", strconv.Itoa(c.PoolStride))
	}
	if c.Sel != def.Sel {
		w.add("sel", strconv.Itoa(c.Sel))
	}
	if c.At != def.At {
		w.add("at", strconv.Itoa(c.At[0])+","+strconv.Itoa(c.At[1]))
	}
	return w.finish()
}

func equalKernel(a, b Kernel) bool {
	return a.Preset == b.Preset && slices.EqualFunc(a.Weights, b.Weights, slices.Equal[[]float64])
}

// WithOp returns c's link with the action op added, for the no-JavaScript
// step buttons: the server applies it and redirects to the result.
func (c Conv) WithOp(op string) string {
	q := c.Encode()
	if q == "" {
		return "v=" + strconv.Itoa(Version) + "&op=" + escape(op)
	}
	return q + "&op=" + escape(op)
}

// WithAt returns c's link with the step-through at cell (x, y).
func (c Conv) WithAt(x, y int) string {
	c.At = [2]int{x, y}
	return c.Encode()
}

// ImageMap returns the input image as a map.
func (c Conv) ImageMap() engine.Map {
	switch c.Image {
	case SourceGrid:
		m := engine.NewMap(len(c.Grid[0]), len(c.Grid), nil)
		for y, row := range c.Grid {
			for x, v := range row {
				m.Data[y*m.W+x] = float32(v)
			}
		}
		return m
	case SourceDraw:
		var m engine.Map
		engine.GrayFromBytes(&m, c.Pic.Gray, c.Pic.W, c.Pic.H)
		return m
	}
	im, _ := gallery.ByName(c.Image)
	return im.Map()
}

// ImageKind returns whether the input is a picture (levels 0…255) or a
// matrix of numbers.
func (c Conv) ImageKind() gallery.Kind {
	switch c.Image {
	case SourceGrid:
		return gallery.Matrix
	case SourceDraw:
		return gallery.Picture
	}
	im, _ := gallery.ByName(c.Image)
	return im.Kind()
}

// ImageSize returns the input's width and height.
func (c Conv) ImageSize() (int, int) {
	switch c.Image {
	case SourceGrid:
		return len(c.Grid[0]), len(c.Grid)
	case SourceDraw:
		return c.Pic.W, c.Pic.H
	}
	im, _ := gallery.ByName(c.Image)
	return im.Size()
}

// KernelMap returns kernel i (0-based) as a map.
func (c Conv) KernelMap(i int) engine.Map {
	k := c.Kernels[i]
	if k.Preset != "" {
		p, _ := engine.KernelByName(k.Preset)
		return p.Map()
	}
	m := engine.NewMap(len(k.Weights[0]), len(k.Weights), nil)
	for y, row := range k.Weights {
		for x, v := range row {
			m.Data[y*m.W+x] = float32(v)
		}
	}
	return m
}

// Conv2D returns the convolution the state describes.
func (c Conv) Conv2D() engine.Conv2D {
	p, _ := engine.PaddingByName(c.Pad)
	return engine.Conv2D{Stride: c.Stride, Padding: p, Flip: c.Flip}
}

// Pool2D returns the pooling the state describes.
func (c Conv) Pool2D() engine.Pool2D {
	op, _ := engine.PoolOpByName(c.Pool)
	return engine.Pool2D{Op: op, Size: c.PoolSize, Stride: c.PoolStride}
}

// Activation returns the activation after the convolution.
func (c Conv) Activation() engine.Activation {
	a, _ := engine.ActivationByName(c.Act)
	return a
}

// DisplayScale returns the scale feature maps are shown with.
func (c Conv) DisplayScale() engine.Scale {
	s, _ := engine.ScaleByName(c.Scale)
	return s
}

// OutDims returns the size of the selected kernel's feature map.
func (c Conv) OutDims() (int, int) {
	w, h := c.ImageSize()
	k := c.Kernels[c.Sel-1]
	kw, kh := 0, 0
	if k.Preset != "" {
		p, _ := engine.KernelByName(k.Preset)
		kw, kh = p.Size(), p.Size()
	} else {
		kw, kh = len(k.Weights[0]), len(k.Weights)
	}
	return c.Conv2D().OutDims(w, h, kw, kh)
}

// SetPicture makes m, a map of levels 0…255, the state's image, as drawn
// or uploaded; orig is the size it had before any scaling, or zero.
func (c *Conv) SetPicture(m engine.Map, orig [2]int) {
	c.Image = SourceDraw
	c.Pic = Picture{W: m.W, H: m.H, Gray: engine.GrayTo(nil, m, engine.Clip)}
	c.Grid = nil
	if orig == [2]int{m.W, m.H} {
		orig = [2]int{}
	}
	c.Orig = orig
	c.clampAt()
}

// clampAt moves the step-through to the first cell when the output no
// longer has its cell.
func (c *Conv) clampAt() {
	if ow, oh := c.OutDims(); c.At[0] >= ow || c.At[1] >= oh {
		c.At = [2]int{}
	}
}

// FitLink shrinks a drawn or uploaded picture until the state's link fits
// LinkBudget, by area averaging, and reports whether it did. The page
// shows what the link holds, and says it was shrunk (Orig).
func (c *Conv) FitLink() bool {
	if c.Image != SourceDraw {
		return false
	}
	shrunk := false
	for {
		q := c.Encode()
		if len(q) <= LinkBudget || c.Pic.W*c.Pic.H == 1 {
			return shrunk
		}
		if !shrunk && c.Orig == [2]int{} {
			c.Orig = [2]int{c.Pic.W, c.Pic.H}
		}
		// The picture's part of the link scales with its area: aim a
		// little below the budget.
		px := len(EncodePicture(c.Pic))
		target := max(px-(len(q)-LinkBudget), 64)
		ratio := math.Sqrt(float64(target) / float64(px) * 0.95)
		side := min(int(float64(max(c.Pic.W, c.Pic.H))*ratio), max(c.Pic.W, c.Pic.H)-1)
		w, h := engine.FitSize(c.Pic.W, c.Pic.H, max(side, 1))
		var src, dst engine.Map
		engine.GrayFromBytes(&src, c.Pic.Gray, c.Pic.W, c.Pic.H)
		engine.DownscaleTo(&dst, src, w, h)
		c.Pic = Picture{W: w, H: h, Gray: engine.GrayTo(nil, dst, engine.Clip)}
		c.clampAt()
		shrunk = true
	}
}
