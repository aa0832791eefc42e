package state

import (
	"math"

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
