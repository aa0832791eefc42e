package state

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
)

// convParams are the /conv link's keys in canonical order.
func convParams() []param[*Conv] { return convTable.get(buildConvParams) }

var convTable paramTable[*Conv]

func buildConvParams() []param[*Conv] {
	return []param[*Conv]{
		{key: "lang", field: func(c *Conv) any { return &c.Lang }, spec: language},
		{key: "img", also: []string{"grid", "px", "src"}, read: (*reader).convImage, write: writeImage},
		{key: "k", also: []string{"kv"}, read: (*reader).convKernels, write: writeKernels},
		{key: "stride", field: func(c *Conv) any { return &c.Stride }, spec: count(1, engine.MaxStride)},
		{key: "pad", field: func(c *Conv) any { return &c.Pad }, spec: oneOf(paddingNames)},
		{key: "flip", field: func(c *Conv) any { return &c.Flip }, spec: flag("1")},
		{key: "scale", field: func(c *Conv) any { return &c.Scale }, spec: oneOf(scaleNames)},
		{key: "act", field: func(c *Conv) any { return &c.Act }, spec: oneOf(activationNames)},
		{key: "pool", field: func(c *Conv) any { return &c.Pool }, spec: oneOf(poolNames)},
		{key: "psize", field: func(c *Conv) any { return &c.PoolSize }, spec: count(engine.MinPoolSize, engine.MaxPoolSize)},
		{key: "pstride", field: func(c *Conv) any { return &c.PoolStride }, spec: count(1, engine.MaxPoolStride),
			dflt: func(c *Conv) any { return c.PoolSize }},
		// DecodeConv reads sel and at after the others: their ranges depend on
		// them.
		{key: "sel", write: func(w *writer, c, def *Conv) {
			if c.Sel != def.Sel {
				w.add("sel", strconv.Itoa(c.Sel))
			}
		}},
		{key: "at", write: func(w *writer, c, def *Conv) {
			if c.At != def.At {
				w.add("at", strconv.Itoa(c.At[0])+","+strconv.Itoa(c.At[1]))
			}
		}},
	}
}

// DecodeConv reads a /conv link. On any invalid value it returns the
// Errors found and the defaults for them.
func DecodeConv(q url.Values) (Conv, error) {
	r := reader{q: q}
	r.version()
	c := DefaultConv()
	_, form := q["f"]
	readParams(&r, convParams(), &c)

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
	w, errW := parseWhole(key, 0, ws, 1, engine.MaxUploadSide)
	h, errH := parseWhole(key, 0, hs, 1, engine.MaxUploadSide)
	if !ok || errW != nil || errH != nil || w < p.W || h < p.H || (w == p.W && h == p.H) {
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
			v, fe := parseNumber(key, i+1, f, false, -MaxConvValue, MaxConvValue)
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

// writeImage writes the image: a preset's token, the typed grid, or the
// picture and the size it had before it was shrunk.
func writeImage(w *writer, c, def *Conv) {
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
}

// writeKernels writes every kernel, a preset's token or typed weights,
// unless they are the default ones.
func writeKernels(w *writer, c, def *Conv) {
	if slices.EqualFunc(c.Kernels, def.Kernels, equalKernel) {
		return
	}
	for _, k := range c.Kernels {
		if k.Preset != "" {
			w.add("k", k.Preset)
		} else {
			w.add("k", FormatRows(k.Weights))
		}
	}
}

// cell reads at: "x,y" inside a w×h output.
func (r *reader) cell(s string, w, h int) [2]int {
	xs, ys, ok := strings.Cut(s, ",")
	x, errX := parseWhole("at", 0, xs, math.MinInt32, math.MaxInt32)
	y, errY := parseWhole("at", 0, ys, math.MinInt32, math.MaxInt32)
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
		k, ok := tokenIndex(s[4:])
		if ok && 1 <= k && k <= len(c.Kernels) {
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
	writeParams(&w, convParams(), &c, &def)
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
