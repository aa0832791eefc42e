//go:build js && wasm

// Command conv is the /conv page's WebAssembly module (wasm/glue).
package main

import (
	"errors"
	"net/url"
	"slices"
	"syscall/js"

	"nnplay/engine"
	"nnplay/wasm/glue"
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/state"
	"nnplay/web/view"
)

// conv is the /conv page's glue state: the last valid state and page,
// and buffers reused from stroke to stroke, so a stroke allocates little
// and every map crosses to JS in one copy.
var conv struct {
	st   state.Conv
	lang i18n.Lang
	page *view.ConvPage
	buf  view.ConvBuffers    // the page's maps, reused
	rgba []byte              // the canvas's pixels, copied in
	img  engine.Map          // the drawing as grey levels
	pix  map[string][]byte   // each map's RGBA pixels
	out  map[string]js.Value // each map's Uint8ClampedArray, reused
	// drawn is set by a stroke and cleared once the drawing is in the
	// state: a form update in between (the form's px is older) must keep
	// the drawing, not lose the stroke.
	drawn bool
}

func main() {
	glue.Program = func(query string, lang i18n.Lang) *pycode.Program {
		q, err := state.ParseQuery(query)
		if err != nil {
			return nil
		}
		st, err := state.DecodeConv(q)
		if err != nil {
			return nil
		}
		return pycode.Conv(st, lang)
	}

	glue.Serve("conv", convUpdate, map[string]glue.Func{
		"convPaint":    convPaint,
		"convStroke":   convStroke,
		"convCommit":   convCommit,
		"convSetImage": convSetImage,
	})
}

// convUpdate is the /conv page's form update. op "refill" asks for the
// form's fields back (after a preset is picked); other ops go to the state.
func convUpdate(q url.Values, lang i18n.Lang, op string) *view.Live {
	if op == "refill" {
		q.Del("op")
	}
	c, err := state.DecodeConv(q)
	if err != nil {
		return view.ConvInvalid(q, err, lang).Live(false)
	}
	if conv.drawn && c.Image == state.SourceDraw {
		c.SetPicture(conv.img, c.Orig)
		c.FitLink()
	}
	conv.drawn = false // kept above, or another source was chosen
	return convShow(c, lang, false).Live(op != "")
}

// convShow makes c the page's state and computes its page.
func convShow(c state.Conv, lang i18n.Lang, draft bool) *view.ConvPage {
	conv.st, conv.lang = c, lang
	conv.page = view.ConvInto(&conv.buf, c, lang, draft)
	return conv.page
}

// convPaint(skipInput, keys) returns the maps of the last update as [key,
// width, height, Uint8ClampedArray of RGBA pixels] for a canvas's
// ImageData: all of them, or those named in the array keys; skipInput
// leaves out the input (during a stroke the canvas is the input).
func convPaint(args []js.Value) (any, error) {
	p := conv.page
	if p == nil || p.Result == nil {
		return js.Global().Get("Array").New(), nil
	}
	if conv.pix == nil {
		conv.pix, conv.out = map[string][]byte{}, map[string]js.Value{}
	}
	r := p.Result
	maps := append([]view.MapView{r.In}, r.Maps...)
	if len(args) > 0 && args[0].Truthy() {
		maps = maps[1:]
	}
	if len(args) > 1 && glue.IsArray(args[1]) {
		want := map[string]bool{}
		for i := range args[1].Length() {
			want[args[1].Index(i).String()] = true
		}
		maps = slices.DeleteFunc(maps, func(mv view.MapView) bool { return !want[mv.Key] })
	}
	maps = append(maps, r.Act...)
	maps = append(maps, r.Pool...)
	list := js.Global().Get("Array").New(len(maps))
	for i, mv := range maps {
		px := mv.Display.RGBA(conv.pix[mv.Key], mv.Map)
		conv.pix[mv.Key] = px
		dst, ok := conv.out[mv.Key]
		if !ok || dst.Length() != len(px) {
			dst = js.Global().Get("Uint8ClampedArray").New(len(px))
			conv.out[mv.Key] = dst
		}
		js.CopyBytesToJS(dst, px)
		list.SetIndex(i, []any{mv.Key, mv.W, mv.H, dst})
	}
	return list, nil
}

// pixelsArg copies args[0], RGBA pixels of an args[1]×args[2] picture,
// into the reused buffer and converts them to grey levels.
func pixelsArg(args []js.Value) error {
	if len(args) < 3 || args[1].Type() != js.TypeNumber || args[2].Type() != js.TypeNumber {
		return errors.New("nnplay: (pixels, width, height) expected")
	}
	w, h := args[1].Int(), args[2].Int()
	if w < 1 || h < 1 || w > engine.MaxUploadSide || h > engine.MaxUploadSide || args[0].Get("length").Int() != 4*w*h {
		return errors.New("nnplay: the pixels do not match the size")
	}
	if cap(conv.rgba) < 4*w*h {
		conv.rgba = make([]byte, 4*w*h)
	}
	conv.rgba = conv.rgba[:4*w*h]
	js.CopyBytesToGo(conv.rgba, args[0])
	engine.GrayFromRGBA(&conv.img, conv.rgba, w, h)
	return nil
}

// convStroke(pixels, w, h) recomputes the page for the canvas as drawn so
// far, without building links (convCommit does, when the stroke ends).
func convStroke(args []js.Value) (any, error) {
	if err := pixelsArg(args); err != nil {
		return nil, err
	}
	if conv.img.W > engine.MaxImageSide || conv.img.H > engine.MaxImageSide {
		return nil, errors.New("nnplay.convStroke: the canvas is larger than a picture may be")
	}
	conv.drawn = true
	c := conv.st
	if c.Image != state.SourceDraw {
		c.Orig = [2]int{}
	}
	// The picture's levels are made once, at the end of the stroke: until
	// then the page computes from the drawing itself.
	c.Image, c.Grid, c.Pic = state.SourceDraw, nil, state.Picture{W: conv.img.W, H: conv.img.H}
	conv.buf.Input = conv.img
	defer func() { conv.buf.Input = engine.Map{} }()
	return string(convShow(c, conv.lang, true).Live(false).JSON()), nil
}

// convCommit() ends a stroke: the drawing is fitted to a link (shrunk if
// it must be), the page rebuilt with its links, and the address bar set.
func convCommit(args []js.Value) (any, error) {
	c := conv.st
	if conv.drawn || c.Image == state.SourceDraw && c.Pic.Gray == nil { // after strokes
		c.Image = state.SourceDraw
		c.SetPicture(conv.img, c.Orig)
		conv.drawn = false
	}
	c.FitLink()
	p := convShow(c, conv.lang, false)
	glue.SetLocation(p.Query)
	return string(p.Live(true).JSON()), nil
}

// convSetImage(pixels, w, h, scale) makes a picture the image: an upload
// (scale true: made to fit 256×256, its size noted) or a new canvas.
func convSetImage(args []js.Value) (any, error) {
	if err := pixelsArg(args); err != nil {
		return nil, err
	}
	conv.drawn = false
	c := conv.st
	orig := [2]int{conv.img.W, conv.img.H}
	img := conv.img
	if len(args) > 3 && args[3].Truthy() {
		w, h := engine.FitSize(img.W, img.H, engine.MaxImageSide)
		var small engine.Map
		engine.DownscaleTo(&small, img, w, h)
		img = small
	} else if img.W > engine.MaxImageSide || img.H > engine.MaxImageSide {
		return nil, errors.New("nnplay.convSetImage: the canvas is larger than a picture may be")
	}
	c.SetPicture(img, orig)
	c.FitLink()
	p := convShow(c, conv.lang, false)
	glue.SetLocation(p.Query)
	return string(p.Live(true).JSON()), nil
}
