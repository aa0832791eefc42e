package engine

import "math"

// Limits of the convolution playground. The engine enforces the kernel,
// stride and pooling limits (it panics beyond them); the map sizes are
// limits for links and uploads, which the web layer validates: the engine
// itself accepts larger maps (the benchmarks use 1024×1024).
const (
	MaxKernelSize = 7   // largest kernel side
	MaxStride     = 4   // largest convolution stride
	MaxImageSide  = 256 // largest side of a drawn or uploaded image, in pixels
	MaxGridSide   = 16  // largest side of a grid of numbers typed into a link
	MaxKernels    = 8   // most kernels convolved at once in one link
	MinPoolSize   = 2   // smallest pooling window side
	MaxPoolSize   = 3   // largest pooling window side
	MaxPoolStride = 3   // largest pooling stride
)

// Padding says which zeros surround the input of a convolution.
type Padding int

const (
	// Valid adds no padding: the kernel stays inside the image, and the
	// output shrinks by K−1.
	Valid Padding = iota
	// Same pads so that the output is ⌈N/S⌉ pixels along an axis of N with
	// stride S, exactly as TensorFlow and Keras do: P = max((⌈N/S⌉ − 1)·S +
	// K − N, 0) zeros in all, ⌊P/2⌋ before and the rest after (the odd
	// zero at the bottom and right). With stride 1 that is K−1 zeros and
	// the output has the input's size; with a larger stride the padding
	// depends on N, and may be 0. PyTorch rejects same padding with
	// stride > 1.
	Same
	// Full adds K−1 zeros on every side, so every overlap of kernel and
	// image counts: the output grows by K−1.
	Full
)

var paddingNames = [...]string{Valid: "valid", Same: "same", Full: "full"}

// String returns p's stable token, as used in links: "valid", "same" or
// "full".
func (p Padding) String() string {
	if p < 0 || int(p) >= len(paddingNames) {
		return "Padding(?)"
	}
	return paddingNames[p]
}

// Paddings returns every padding in the order they are listed to users.
func Paddings() []Padding { return []Padding{Valid, Same, Full} }

// PaddingByName returns the padding whose String is name, and whether there
// is one.
func PaddingByName(name string) (Padding, bool) {
	for i, n := range paddingNames {
		if n == name {
			return Padding(i), true
		}
	}
	return 0, false
}

// Pads returns the number of zeros p adds before and after an axis of n
// pixels for a kernel of side k and the given stride (Same depends on all
// three; see Same). It panics if p is not a valid Padding, n < 0, k < 1 or
// stride < 1.
func (p Padding) Pads(n, k, stride int) (before, after int) {
	if k < 1 || n < 0 || stride < 1 {
		panic("engine: bad padding arguments")
	}
	switch p {
	case Valid:
		return 0, 0
	case Same:
		out := (n + stride - 1) / stride
		total := max((out-1)*stride+k-n, 0)
		return total / 2, total - total/2
	case Full:
		return k - 1, k - 1
	}
	panic("engine: unknown Padding")
}

// OutSize returns the length of a convolution's output along an axis of n
// input pixels, for a kernel side k, the given stride and padding:
//
//	out = ⌊(n − k + P)/s⌋ + 1,  P = before + after (Pads)
//
// which for Same is ⌈n/s⌉; or 0 if n is 0 or the padded axis is shorter
// than the kernel. It panics if n < 0, k < 1, stride < 1 or p is unknown.
func OutSize(n, k, stride int, p Padding) int {
	b, a := p.Pads(n, k, stride)
	if n == 0 || n+b+a < k {
		return 0
	}
	return (n+b+a-k)/stride + 1
}

// Conv2D describes a 2-D convolution of a single-channel map with a kernel,
// as deep-learning libraries define it (cross-correlation):
//
//	out[y][x] = Σ_u Σ_v in[y·S + u − Pt][x·S + v − Pl] · k[u][v]
//
// where in is zero outside the image (padding), S is the stride and Pt, Pl
// are the zeros added at the top and left (Padding.Pads, which for Same
// depends on the image's size and the stride, as in Keras). With Flip set the
// kernel is first rotated by 180°, k[u][v] → k[Kh−1−u][Kw−1−v], which is the
// convolution of mathematics and signal processing.
//
// Summation order: each output is accumulated in float32, starting from 0,
// adding the rounded products window row by row, top to bottom, each row left
// to right. Products with padding zeros are skipped, which changes nothing
// (they are ±0, and a float32 sum that starts at +0 is never −0); so are
// zero weights on amd64, which changes nothing for finite input. Breakdown
// shows the same sum, term by term, with the same bits. For finite input
// the results are bit-identical on every platform (non-finite input gives
// IEEE results, but NaN bits may differ).
//
// The zero value is the deep-learning default: valid padding, stride 1,
// cross-correlation.
type Conv2D struct {
	Stride  int     // 1..MaxStride; 0 means 1
	Padding Padding // Valid, Same or Full
	Flip    bool    // rotate the kernel 180° (true convolution)
}

// stride returns c's stride, checked. It panics if c is invalid.
func (c Conv2D) stride() int {
	s := c.Stride
	if s == 0 {
		s = 1
	}
	if s < 1 || s > MaxStride {
		panic("engine: stride out of range")
	}
	c.Padding.Pads(1, 1, 1) // panics on an unknown padding
	return s
}

// OutDims returns the width and height of the output for a w×h input and a
// kw×kh kernel. It panics if c is invalid.
func (c Conv2D) OutDims(w, h, kw, kh int) (ow, oh int) {
	s := c.stride()
	return OutSize(w, kw, s, c.Padding), OutSize(h, kh, s, c.Padding)
}

// checkKernel panics unless k is a 1×1 to 7×7 map of finite weights.
func checkKernel(k Map) {
	k.check()
	if k.W < 1 || k.H < 1 || k.W > MaxKernelSize || k.H > MaxKernelSize {
		panic("engine: kernel size out of range")
	}
	for _, w := range k.Data {
		// A non-finite weight times a padding zero would be NaN, not 0.
		if w != w || math.IsInf(float64(w), 0) {
			panic("engine: kernel weight is not finite")
		}
	}
}

// plan is a checked convolution: sizes, padding and the (flipped) weights.
type plan struct {
	s, kw, kh, pt, pl int
	ow, oh            int
	w                 [MaxKernelSize * MaxKernelSize]float32 // row-major kh×kw
}

func (c Conv2D) plan(src, k Map) plan {
	src.check()
	checkKernel(k)
	p := plan{s: c.stride(), kw: k.W, kh: k.H}
	p.pt, _ = c.Padding.Pads(src.H, k.H, p.s)
	p.pl, _ = c.Padding.Pads(src.W, k.W, p.s)
	p.ow, p.oh = c.OutDims(src.W, src.H, k.W, k.H)
	n := len(k.Data)
	copy(p.w[:n], k.Data)
	if c.Flip {
		for i := range n {
			p.w[i] = k.Data[n-1-i] // row-major reversal is the 180° rotation
		}
	}
	return p
}

// ApplyTo sets dst to the convolution of src with kernel k. dst must not
// share storage with src. It panics if c is invalid, k is not a 1×1 to 7×7
// map of finite weights, or a map's data does not match its size. If the
// kernel does not fit the padded image the output is 0×0.
func (c Conv2D) ApplyTo(dst *Map, src, k Map) {
	p := c.plan(src, k)
	if sameStorage(dst.Data, src.Data) {
		panic("engine: dst shares storage with src")
	}
	dst.reuse(p.ow, p.oh)
	conv2D(dst.Data, src, &p)
}

// ApplyEachTo convolves src with each kernel, writing the i-th feature map
// to dst[i], and returns dst resized to len(kernels), reusing its maps'
// storage. It panics as ApplyTo does.
func (c Conv2D) ApplyEachTo(dst []Map, src Map, kernels []Map) []Map {
	if cap(dst) >= len(kernels) {
		dst = dst[:len(kernels)]
	} else {
		dst = append(dst[:cap(dst)], make([]Map, len(kernels)-cap(dst))...)
	}
	for i, k := range kernels {
		c.ApplyTo(&dst[i], src, k)
	}
	return dst
}

// Tap is one term of a convolution sum: an input position under the
// kernel, its value, the weight over it and their product.
type Tap struct {
	X, Y    int     // input column and row; outside the image for padding
	Pad     bool    // the position is padding: Pixel is 0
	Pixel   float32 // the input value (0 for padding)
	Weight  float32 // the kernel weight (after the flip, if any)
	Product float32 // Pixel × Weight, rounded to float32
}

// Breakdown is the computation of one output value, as the playground shows
// it when a student taps an output cell: "Σ pixel × weight = value".
type Breakdown struct {
	X, Y int     // the output position
	W, H int     // the window (kernel) size
	Taps []Tap   // W·H terms, row-major over the window, in summation order
	Sum  float32 // Σ Product, bit-identical to the feature map's value
}

// Breakdown returns the window, the products and the sum that give output
// (x, y) of the convolution of src with k. It panics as ApplyTo does, or if
// (x, y) is outside the output.
func (c Conv2D) Breakdown(src, k Map, x, y int) Breakdown {
	p := c.plan(src, k)
	if uint(x) >= uint(p.ow) || uint(y) >= uint(p.oh) {
		panic("engine: output position out of range")
	}
	b := Breakdown{X: x, Y: y, W: p.kw, H: p.kh, Taps: make([]Tap, 0, p.kw*p.kh)}
	for u := range p.kh {
		for v := range p.kw {
			t := Tap{X: x*p.s + v - p.pl, Y: y*p.s + u - p.pt, Weight: p.w[u*p.kw+v]}
			t.Pad = uint(t.X) >= uint(src.W) || uint(t.Y) >= uint(src.H)
			if !t.Pad {
				t.Pixel = src.Data[t.Y*src.W+t.X]
			}
			t.Product = float32(t.Pixel * t.Weight)
			b.Sum += t.Product // padding terms included: they add nothing
			b.Taps = append(b.Taps, t)
		}
	}
	return b
}
