package state

import (
	"bytes"
	"compress/flate"
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
)

func decodeConv(t testing.TB, raw string) (Conv, error) {
	t.Helper()
	q, err := ParseQuery(raw)
	if err != nil {
		return Conv{}, err
	}
	return DecodeConv(q)
}

// A 2×2 picture [0 255; 255 0] and its px value, pinned: changing the
// picture codec breaks every shared drawing.
var (
	goldenPic = Picture{W: 2, H: 2, Gray: []byte{0, 255, 255, 0}}
	goldenPx  = "BcABAQAAAIKg-D_aYOU"
	// stdPx is goldenPic as compress/flate encodes it: any DEFLATE stream
	// is read, so links made by another encoder keep opening.
	stdPx = "YmRk-P-fERAAAP__"
)

// TestConvGolden pins links: what a query decodes to, and that Encode
// writes exactly the canonical form. Changing one breaks old links.
func TestConvGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, canonical string
		mod           func(*Conv)
	}{
		{"", "", func(*Conv) {}},
		{"v=1&img=lesson&k=lesson&stride=1&pad=valid&scale=diverging&act=relu&pool=max&psize=2&pstride=2&sel=1&at=0,0", "", func(*Conv) {}},
		{"lang=en&img=camera", "v=1&lang=en&img=camera", func(c *Conv) { c.Lang, c.Image = i18n.EN, "camera" }},
		{"grid=1,2~3,4", "v=1&grid=1,2~3,4", func(c *Conv) { c.Image, c.Grid = SourceGrid, [][]float64{{1, 2}, {3, 4}} }},
		{"img=grid&grid=1 2%0D%0A3 -0.5%0A", "v=1&grid=1,2~3,-0.5", func(c *Conv) { c.Image, c.Grid = SourceGrid, [][]float64{{1, 2}, {3, -0.5}} }},
		{"img=lesson&grid=1,2&px=abc", "", func(*Conv) {}},
		{"px=" + goldenPx, "v=1&px=" + goldenPx, func(c *Conv) { c.Image, c.Pic = SourceDraw, goldenPic }},
		{"img=draw&px=" + goldenPx + "&src=20x10", "v=1&px=" + goldenPx + "&src=20x10", func(c *Conv) { c.Image, c.Pic, c.Orig = SourceDraw, goldenPic, [2]int{20, 10} }},
		{"k=sobel-left&k=1,0~0,-1", "v=1&k=sobel-left&k=1,0~0,-1", func(c *Conv) {
			c.Kernels = []Kernel{{Preset: "sobel-left"}, {Weights: [][]float64{{1, 0}, {0, -1}}}}
		}},
		{"k=outline&k=custom&kv=&kv=1%3B2%3B3&f=1", "v=1&k=outline&k=1~2~3", func(c *Conv) {
			c.Kernels = []Kernel{{Preset: "outline"}, {Weights: [][]float64{{1}, {2}, {3}}}}
		}},
		{"stride=2&pad=same&flip=1&scale=clip&act=tanh&pool=avg&psize=3", "v=1&stride=2&pad=same&flip=1&scale=clip&act=tanh&pool=avg&psize=3", func(c *Conv) {
			c.Stride, c.Pad, c.Flip, c.Scale, c.Act, c.Pool, c.PoolSize, c.PoolStride = 2, "same", true, "clip", "tanh", "avg", 3, 3
		}},
		{"psize=3&pstride=1", "v=1&psize=3&pstride=1", func(c *Conv) { c.PoolSize, c.PoolStride = 3, 1 }},
		{"pstride=2", "", func(*Conv) {}},
		{"k=lesson&k=identity&sel=2&at=2,1", "v=1&k=lesson&k=identity&sel=2&at=2,1", func(c *Conv) {
			c.Kernels, c.Sel, c.At = []Kernel{{Preset: "lesson"}, {Preset: "identity"}}, 2, [2]int{2, 1}
		}},
		{"op=next", "v=1&at=1,0", func(c *Conv) { c.At = [2]int{1, 0} }},
		{"at=2,0&op=next", "v=1&at=0,1", func(c *Conv) { c.At = [2]int{0, 1} }},
		{"at=2,2&op=next", "", func(*Conv) {}},
		{"op=prev", "v=1&at=2,2", func(c *Conv) { c.At = [2]int{2, 2} }},
		{"at=1,1&op=first", "", func(*Conv) {}},
		{"op=last", "v=1&at=2,2", func(c *Conv) { c.At = [2]int{2, 2} }},
		{"f=1&at=5,5&k=lesson&sel=3", "", func(*Conv) {}},
		{"k=box-blur&pad=full&stride=4", "v=1&k=box-blur&stride=4&pad=full", func(c *Conv) {
			c.Kernels, c.Pad, c.Stride = []Kernel{{Preset: "box-blur"}}, "full", 4
		}},
		{"utm_source=x", "", func(*Conv) {}},
		{"img=camera&px=&src=&grid=1", "v=1&img=camera", func(c *Conv) { c.Image = "camera" }},
		{"op=addk", "v=1&k=lesson&k=identity", func(c *Conv) { c.Kernels = append(c.Kernels, Kernel{Preset: "identity"}) }},
		{"k=lesson&k=outline&k=emboss&sel=3&at=1,1&op=delk1", "v=1&k=outline&k=emboss&sel=2&at=1,1", func(c *Conv) {
			c.Kernels, c.Sel, c.At = []Kernel{{Preset: "outline"}, {Preset: "emboss"}}, 2, [2]int{1, 1}
		}},
		{"k=1&k=lesson&sel=1&at=4,4&op=delk1", "", func(*Conv) {}},
		{"k=lesson&k=1&sel=2&at=4,4&op=delk2", "", func(*Conv) {}},
	} {
		c, err := decodeConv(t, tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		want := DefaultConv()
		tc.mod(&want)
		if !reflect.DeepEqual(c, want) {
			t.Errorf("%q decodes to %+v, want %+v", tc.in, c, want)
		}
		if got := c.Encode(); got != tc.canonical {
			t.Errorf("%q encodes as %q, want %q", tc.in, got, tc.canonical)
		}
	}
}

func TestPictureCodec(t *testing.T) {
	t.Parallel()
	if got := EncodePicture(goldenPic); got != goldenPx {
		t.Errorf("EncodePicture = %q, want %q", got, goldenPx)
	}
	if got, err := DecodePicture(stdPx); err != nil || !reflect.DeepEqual(got, goldenPic) {
		t.Errorf("DecodePicture(%q) = %v, %v", stdPx, got, err)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	for _, size := range [][2]int{{1, 1}, {1, 256}, {256, 1}, {7, 5}, {256, 256}} {
		p := Picture{W: size[0], H: size[1], Gray: make([]byte, size[0]*size[1])}
		for i := range p.Gray {
			p.Gray[i] = byte(rng.IntN(256))
		}
		got, err := DecodePicture(EncodePicture(p))
		if err != nil || !reflect.DeepEqual(got, p) {
			t.Errorf("%v: round trip %v", size, err)
		}
	}
}

// deflate compresses raw as a px value, for hand-made bad pictures.
func deflate(raw []byte) string {
	var b bytes.Buffer
	zw, _ := flate.NewWriter(&b, flate.BestSpeed)
	zw.Write(raw)
	zw.Close()
	return b64.EncodeToString(b.Bytes())
}

// TestConvErrors checks every limit at, just under and just over, and
// that each bad value is named with its key and what is allowed.
func TestConvErrors(t *testing.T) {
	t.Parallel()
	grid := func(w, h int) string {
		rows := make([]string, h)
		for i := range rows {
			rows[i] = strings.TrimSuffix(strings.Repeat("1,", w), ",")
		}
		return strings.Join(rows, "~")
	}
	ks := func(n int) string { return strings.Repeat("k=identity&", n) }
	// A 1×1 picture with one level too many: what a decompression bomb's
	// first bytes look like.
	bomb := deflate(append([]byte{0, 0, 7}, make([]byte, 1<<16)...))
	full := Picture{W: 256, H: 256, Gray: make([]byte, 256*256)}
	pxFull := EncodePicture(full)
	ok := []string{
		"stride=1", "stride=4", "k=" + grid(7, 7), "k=" + grid(1, 1), ks(8),
		"grid=" + grid(16, 16), "grid=" + grid(1, 1), "grid=10000,-10000", "k=1e4", "psize=2", "psize=3",
		"pstride=1", "pstride=3", "at=2,2", "px=" + pxFull, "px=" + goldenPx + "&src=4096x4096", "px=" + goldenPx + "&src=2x3",
	}
	for _, in := range ok {
		if _, err := decodeConv(t, in); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
	for _, tc := range []struct {
		in   string
		want FieldError // Key, Item, Index, Row, Problem, Got compared
	}{
		{"v=2", FieldError{Key: "v", Problem: UnknownVersion}},
		{"stride=0", FieldError{Key: "stride", Problem: OutOfRange}},
		{"stride=5", FieldError{Key: "stride", Problem: OutOfRange}},
		{"stride=x", FieldError{Key: "stride", Problem: NotNumber}},
		{"stride=1&stride=2", FieldError{Key: "stride", Problem: TooMany, Got: 2}},
		{ks(9), FieldError{Key: "k", Problem: TooMany, Got: 9}},
		{"k=" + grid(8, 7), FieldError{Key: "k", Item: 1, Row: 1, Problem: TooMany, Got: 8}},
		{"k=identity&k=" + grid(7, 8), FieldError{Key: "k", Item: 2, Problem: TooMany, Got: 8}},
		{"k=identity&k=nope", FieldError{Key: "k", Index: 2, Problem: Unknown}},
		{"k=1,2~3", FieldError{Key: "k", Item: 1, Row: 2, Problem: Mismatch, Got: 1}},
		{"k=10001", FieldError{Key: "k", Item: 1, Index: 1, Row: 1, Problem: OutOfRange}},
		{"k=-", FieldError{Key: "k", Item: 1, Index: 1, Row: 1, Problem: NotNumber}},
		{"k=custom&k=custom&kv=1", FieldError{Key: "kv", Problem: Mismatch, Got: 1}},
		{"k=custom&kv=x", FieldError{Key: "kv", Item: 1, Index: 1, Row: 1, Problem: NotNumber}},
		{"k=custom", FieldError{Key: "k", Index: 1, Problem: Unknown}},
		{"grid=" + grid(17, 1), FieldError{Key: "grid", Row: 1, Problem: TooMany, Got: 17}},
		{"grid=" + grid(1, 17), FieldError{Key: "grid", Problem: TooMany, Got: 17}},
		{"grid=1,NaN", FieldError{Key: "grid", Index: 2, Row: 1, Problem: NotFinite}},
		{"grid=10000.5", FieldError{Key: "grid", Index: 1, Row: 1, Problem: OutOfRange}},
		{"grid=~~", FieldError{Key: "grid", Problem: TooFew}},
		{"img=grid", FieldError{Key: "grid", Problem: Missing}},
		{"img=draw", FieldError{Key: "px", Problem: Missing}},
		{"img=photo", FieldError{Key: "img", Problem: Unknown}},
		{"grid=1&px=" + goldenPx, FieldError{Key: "img", Problem: Missing}},
		{"px=!!", FieldError{Key: "px", Problem: Corrupt}},
		{"img=draw&px=", FieldError{Key: "px", Problem: Missing}},
		{"px=" + goldenPx[:len(goldenPx)-9], FieldError{Key: "px", Problem: Corrupt}},
		{"px=" + deflate([]byte{1, 1, 0, 0, 0}), FieldError{Key: "px", Problem: Corrupt}},
		{"px=" + bomb, FieldError{Key: "px", Problem: TooLarge}},
		{"px=" + goldenPx + "&src=2x2", FieldError{Key: "src", Problem: Malformed}},
		{"px=" + goldenPx + "&src=4097x2", FieldError{Key: "src", Problem: Malformed}},
		{"px=" + goldenPx + "&src=big", FieldError{Key: "src", Problem: Malformed}},
		{"src=10x10", FieldError{Key: "src", Problem: Missing}},
		{"pad=half", FieldError{Key: "pad", Problem: Unknown}},
		{"flip=yes", FieldError{Key: "flip", Problem: Unknown}},
		{"scale=log", FieldError{Key: "scale", Problem: Unknown}},
		{"act=softmax", FieldError{Key: "act", Problem: Unknown}},
		{"pool=min", FieldError{Key: "pool", Problem: Unknown}},
		{"psize=1", FieldError{Key: "psize", Problem: OutOfRange}},
		{"psize=4", FieldError{Key: "psize", Problem: OutOfRange}},
		{"pstride=0", FieldError{Key: "pstride", Problem: OutOfRange}},
		{"pstride=4", FieldError{Key: "pstride", Problem: OutOfRange}},
		{"sel=2", FieldError{Key: "sel", Problem: OutOfRange}},
		{"sel=0", FieldError{Key: "sel", Problem: OutOfRange}},
		{"at=3,0", FieldError{Key: "at", Problem: OutOfRange}},
		{"at=0,3", FieldError{Key: "at", Problem: OutOfRange}},
		{"at=-1,0", FieldError{Key: "at", Problem: OutOfRange}},
		{"at=1", FieldError{Key: "at", Problem: Malformed}},
		{"k=" + grid(7, 7) + "&at=1,0", FieldError{Key: "at", Problem: OutOfRange}},
		{"op=jump", FieldError{Key: "op", Problem: Unknown}},
		{"op=delk1", FieldError{Key: "op", Problem: Unknown}},
		{"k=lesson&k=lesson&op=delk3", FieldError{Key: "op", Problem: Unknown}},
		{ks(8) + "op=addk", FieldError{Key: "op", Problem: Unknown}},
		{"lang=de", FieldError{Key: "lang", Problem: Unknown}},
	} {
		_, err := decodeConv(t, tc.in)
		var es Errors
		if !errors.As(err, &es) || len(es) == 0 {
			t.Errorf("%.60q: error %v, want Errors", tc.in, err)
			continue
		}
		e, w := es[0], tc.want
		if e.Key != w.Key || e.Item != w.Item || e.Index != w.Index || e.Row != w.Row || e.Problem != w.Problem || e.Got != w.Got {
			t.Errorf("%.60q: error %+v, want %+v", tc.in, *e, w)
		}
		if e.Error() == "" || e.Allowed.Kind == 0 {
			t.Errorf("%.60q: no message or no allowed values: %+v", tc.in, *e)
		}
	}
}

// randomConv returns a valid random state.
func randomConv(rng *rand.Rand) Conv {
	c := DefaultConv()
	if rng.IntN(2) == 0 {
		c.Lang = i18n.Langs()[rng.IntN(2)]
	}
	matrix := func(side int, scale float64) [][]float64 {
		w, h := 1+rng.IntN(side), 1+rng.IntN(side)
		m := make([][]float64, h)
		for y := range m {
			m[y] = make([]float64, w)
			for x := range m[y] {
				m[y][x] = float64(rng.IntN(2001)-1000) / scale
			}
		}
		return m
	}
	switch rng.IntN(3) {
	case 0:
		names := imageNames()
		c.Image = names[rng.IntN(len(names))]
	case 1:
		c.Image, c.Grid = SourceGrid, matrix(engine.MaxGridSide, 10)
	case 2:
		p := Picture{W: 1 + rng.IntN(40), H: 1 + rng.IntN(40)}
		p.Gray = make([]byte, p.W*p.H)
		for i := range p.Gray {
			p.Gray[i] = byte(rng.IntN(4) * 85)
		}
		c.Image, c.Pic = SourceDraw, p
		if rng.IntN(2) == 0 {
			c.Orig = [2]int{p.W + rng.IntN(100), p.H + 1 + rng.IntN(100)}
		}
	}
	c.Kernels = nil
	presets := kernelNames()
	for range 1 + rng.IntN(engine.MaxKernels) {
		if rng.IntN(2) == 0 {
			c.Kernels = append(c.Kernels, Kernel{Preset: presets[rng.IntN(len(presets))]})
		} else {
			c.Kernels = append(c.Kernels, Kernel{Weights: matrix(engine.MaxKernelSize, 100)})
		}
	}
	c.Stride = 1 + rng.IntN(engine.MaxStride)
	c.Pad = paddingNames()[rng.IntN(3)]
	c.Flip = rng.IntN(2) == 0
	c.Scale = scaleNames()[rng.IntN(2)]
	c.Act = activationNames()[rng.IntN(len(activationNames()))]
	c.Pool = poolNames()[rng.IntN(2)]
	c.PoolSize = 2 + rng.IntN(2)
	c.PoolStride = 1 + rng.IntN(3)
	c.Sel = 1 + rng.IntN(len(c.Kernels))
	if w, h := c.OutDims(); w*h > 0 {
		c.At = [2]int{rng.IntN(w), rng.IntN(h)}
	}
	return c
}

func TestConvRoundTrip(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for range 1000 {
		c := randomConv(rng)
		q := c.Encode()
		got, err := decodeConv(t, q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Fatalf("%q round-trips to %+v, want %+v", q, got, c)
		}
		if again := got.Encode(); again != q {
			t.Fatalf("not canonical: %q, then %q", q, again)
		}
	}
}

// TestFitLink shrinks a picture that cannot fit until its link does.
func TestFitLink(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	c := DefaultConv()
	noise := engine.NewMap(256, 200, nil)
	for i := range noise.Data {
		noise.Data[i] = float32(rng.IntN(256))
	}
	c.SetPicture(noise, [2]int{1024, 800})
	c.At = [2]int{250, 190}
	if !c.FitLink() {
		t.Fatal("a 256×200 noise picture fit the link unshrunk")
	}
	q := c.Encode()
	if len(q) > LinkBudget || c.Orig != [2]int{1024, 800} || c.Pic.W >= 256 || c.At != [2]int{} {
		t.Errorf("after FitLink: %d bytes, orig %v, %d×%d, at %v", len(q), c.Orig, c.Pic.W, c.Pic.H, c.At)
	}
	// 256:200 kept within a pixel.
	if d := c.Pic.W*200 - c.Pic.H*256; d > 256 || d < -256 {
		t.Errorf("aspect changed: %d×%d", c.Pic.W, c.Pic.H)
	}
	if got, err := decodeConv(t, q); err != nil || !reflect.DeepEqual(got, c) {
		t.Errorf("the fitted link does not round-trip: %v", err)
	}
	// A picture that fits is left alone.
	small := DefaultConv()
	small.SetPicture(engine.NewMap(256, 256, nil), [2]int{})
	if small.FitLink() || small.Pic.W != 256 || small.Orig != [2]int{} {
		t.Errorf("a black 256×256 picture was shrunk to %d×%d", small.Pic.W, small.Pic.H)
	}
}

func FuzzDecodeConv(f *testing.F) {
	for _, s := range []string{
		"", "v=1&grid=1,2~3,4&k=sobel-left&k=1,0~0,-1&stride=2&pad=same&flip=1&sel=2&at=1,0",
		"px=" + goldenPx + "&src=20x10", "img=camera&op=next", "k=custom&kv=1%3B2&f=1&at=9,9",
		"px=" + deflate([]byte{0, 0, 7, 1}), "px=%zz", "grid=1e400", "img=cat&psize=3&pstride=1&act=tanh&pool=avg&scale=clip",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseQuery(raw)
		if err != nil {
			return
		}
		c, err := DecodeConv(q)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%q: error %v is not Errors", raw, err)
			}
			return
		}
		// A valid state is canonical after one Encode, computable, and
		// within the engine's limits.
		canon := c.Encode()
		c2, err := decodeConv(t, canon)
		if err != nil || c2.Encode() != canon {
			t.Fatalf("%q → %q → %v", raw, canon, err)
		}
		w, h := c.ImageSize()
		if w < 1 || h < 1 || w > engine.MaxImageSide || h > engine.MaxImageSide || len(c.Kernels) < 1 || len(c.Kernels) > engine.MaxKernels {
			t.Fatalf("%q: image %d×%d, %d kernels", raw, w, h, len(c.Kernels))
		}
		img := c.ImageMap()
		var out engine.Map
		for i := range c.Kernels {
			c.Conv2D().ApplyTo(&out, img, c.KernelMap(i))
		}
		if ow, oh := c.OutDims(); ow*oh > 0 {
			c.Conv2D().Breakdown(img, c.KernelMap(c.Sel-1), c.At[0], c.At[1])
		}
	})
}
