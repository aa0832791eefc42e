package pycode

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// ConvPath is the page the convolution's program is for.
const ConvPath = "/conv"

// MaxMatrixPixels is the largest image written as a matrix of numbers;
// a larger picture (levels 0…255) is written as its bytes in base64, at
// most 256×256 bytes: 87 KB of text, which the panel shortens.
const MaxMatrixPixels = engine.MaxGridSide * engine.MaxGridSide

// Conv returns the program of a /conv state: the image and the kernels as
// float32 arrays, the convolution as the lesson's loop and as a
// vectorised form that adds the products tap by tap in float32, the
// engine's order (so it prints the page's bits), then the activation and
// the pooling, printing every map as the page shows it.
func Conv(c state.Conv, lang i18n.Lang) *Program {
	m := i18n.For(lang)
	mc := &m.Code
	p := &Program{Lang: m.Lang, Name: "conv"}
	act := c.Activation()
	img := c.ImageMap()
	pad, _ := engine.PaddingByName(c.Pad)

	p.Cells = append(p.Cells, markdown("# "+mc.ConvTitle, "", mc.ConvIntro, "", sourceLine(mc.Source, ConvPath, c.Encode())))
	levels, isBytes := imageBytes(img)
	packed := isBytes && img.W*img.H > MaxMatrixPixels
	if packed {
		p.Cells = append(p.Cells, code("import base64", "", "import numpy as np"))
	} else {
		p.Cells = append(p.Cells, code("import numpy as np"))
	}

	// The image.
	imgTitle := "# " + strings.Replace(strings.Replace(mc.ConvImage, "%d", strconv.Itoa(img.W), 1), "%d", strconv.Itoa(img.H), 1)
	if packed {
		p.Cells = append(p.Cells,
			markdown(imgTitle[2:], "", mc.ConvPacked),
			Cell{Kind: Data, Text: packedLines("packed", levels)},
			code("image = np.frombuffer(base64.b64decode(packed), dtype=np.uint8)",
				"image = image.reshape("+strconv.Itoa(img.H)+", "+strconv.Itoa(img.W)+").astype(np.float32)"))
	} else {
		p.Cells = append(p.Cells, Cell{Kind: Data, Text: imgTitle + "\n" + matrixLines("image", mapRows(img), ", dtype=np.float32")})
	}

	// The kernels: the lesson's "filter" when there is one.
	var kernelLines, names []string
	for i := range c.Kernels {
		k := c.KernelMap(i)
		name := "filter"
		if len(c.Kernels) > 1 {
			name = "filter_" + strconv.Itoa(i+1)
		}
		names = append(names, name)
		label := m.Conv.Custom
		if pr := c.Kernels[i].Preset; pr != "" {
			label = m.Conv.Kernels[pr]
		}
		kernelLines = append(kernelLines, "# "+label, matrixLines(name, mapRows(k), ", dtype=np.float32"))
	}
	kernelLines = append(kernelLines, "filters = ["+strings.Join(names, ", ")+"]")
	if c.Flip {
		kernelLines = append(kernelLines, "# "+mc.ConvFlip, "filters = [np.flip(f) for f in filters]")
	}
	p.Cells = append(p.Cells,
		markdown("## "+mc.ConvFilters),
		code(kernelLines...),
		code(fill(convSetup, "{settings}", mc.ConvSettings, "{stride}", strconv.Itoa(c.Stride),
			"{padding}", pad.String(), "{pads}", mc.ConvPads)),
		markdown("## "+mc.ConvLoopTitle, "", mc.ConvLoop),
		code(convLoop),
		markdown("## "+mc.ConvVecTitle, "", mc.ConvVec),
		code(convVectorised),
	)

	actLines := append([]string{"# " + strings.Replace(mc.ConvAct, "%s", m.Common.Activations[act.Name()], 1)}, activationDef(act, false)...)
	p.Cells = append(p.Cells, markdown("## "+mc.ConvStage), code(actLines...))
	op := c.Pool2D().Op.String()
	p.Cells = append(p.Cells, code(fill(convPool, "{comment}", strings.Replace(mc.ConvPool, "%s", m.Conv.PoolOps[op], 1),
		"{op}", op, "{size}", strconv.Itoa(c.PoolSize), "{stride}", strconv.Itoa(c.PoolStride))))

	f := ident(act.Name())
	sel := strconv.Itoa(c.Sel - 1)
	p.Cells = append(p.Cells,
		markdown("## "+mc.ConvRun),
		code(fill(convRun, "{show}", mc.ConvShow, "{side}", strconv.Itoa(engine.MaxGridSide),
			"{act_step}", mc.ConvActStep, "{f}", f,
			"{map_label}", pyLabel(mc.ConvMapLabel), "{act_label}", pyLabel(mc.ConvActLabel), "{pool_label}", pyLabel(mc.ConvPoolLabel),
			"{check}", mc.ConvCheck, "{sel}", sel, "{diff}", pyLabel(mc.ConvDiff))),
		markdown(mc.ConvNext),
	)
	return p
}

// pyLabel makes a catalog label with a %d verb into an f-string part that
// prints the kernel's number k. The catalog's words hold no braces or
// quotes (a test checks).
func pyLabel(s string) string { return strings.Replace(s, "%d", "{k}", 1) }

// imageBytes returns the image's levels as bytes, and whether every value
// is a whole level 0…255 (a picture, not a typed matrix).
func imageBytes(m engine.Map) ([]byte, bool) {
	out := make([]byte, len(m.Data))
	for i, v := range m.Data {
		if !(v >= 0 && v <= 255) || v != float32(math.Trunc(float64(v))) {
			return nil, false
		}
		out[i] = byte(v)
	}
	return out, true
}

// mapRows writes a map's values as float32 literals, whole numbers
// without a decimal point (the array's dtype makes them float32), as
// the lesson writes its matrices.
func mapRows(m engine.Map) [][]string {
	rows := make([][]string, m.H)
	for y := range m.H {
		for _, v := range m.Row(y) {
			s := float32s(v)
			if t, ok := strings.CutSuffix(s, ".0"); ok {
				s = t
			}
			rows[y] = append(rows[y], s)
		}
	}
	return rows
}

// packedLines writes bytes as base64 in a parenthesised string, 76
// characters a line.
func packedLines(name string, data []byte) string {
	s := base64.StdEncoding.EncodeToString(data)
	var b strings.Builder
	b.WriteString(name + " = (\n")
	for len(s) > 0 {
		n := min(76, len(s))
		b.WriteString(`    "` + s[:n] + "\"\n")
		s = s[n:]
	}
	b.WriteString(")")
	return b.String()
}

// The fixed parts of the program, as text with {placeholders} (fill): text
// costs the wasm module far less than code that builds it line by line.
const (
	convSetup = `# {settings}
stride = {stride}
padding = "{padding}"  # valid, same, full

# {pads}
def pads(n, k, stride, padding):
    if padding == "valid":
        return 0, 0
    if padding == "same":  # as TensorFlow/Keras: ceil(n / stride) outputs
        out = -(-n // stride)
        total = max((out - 1) * stride + k - n, 0)
        return total // 2, total - total // 2
    return k - 1, k - 1

def pad_image(image, kernel, stride, padding):
    top, bottom = pads(image.shape[0], kernel.shape[0], stride, padding)
    left, right = pads(image.shape[1], kernel.shape[1], stride, padding)
    return np.pad(image, ((top, bottom), (left, right)))`

	convLoop = `def convolve_loop(image, kernel, stride, padding):
    padded = pad_image(image, kernel, stride, padding)
    kh, kw = kernel.shape
    out_h = max((padded.shape[0] - kh) // stride + 1, 0)
    out_w = max((padded.shape[1] - kw) // stride + 1, 0)
    feature_map = np.zeros((out_h, out_w), dtype=np.float32)
    for i in range(out_h):
        for j in range(out_w):
            y, x = i * stride, j * stride
            feature_map[i][j] = np.sum(padded[y:y+kh, x:x+kw] * kernel)
    return feature_map`

	convVectorised = `def convolve(image, kernel, stride, padding):
    padded = pad_image(image, kernel, stride, padding)
    kh, kw = kernel.shape
    out_h = max((padded.shape[0] - kh) // stride + 1, 0)
    out_w = max((padded.shape[1] - kw) // stride + 1, 0)
    feature_map = np.zeros((out_h, out_w), dtype=np.float32)
    for u in range(kh):
        for v in range(kw):
            window = padded[u:u + stride*out_h:stride, v:v + stride*out_w:stride]
            feature_map += window * kernel[u, v]
    return feature_map`

	convPool = `# {comment}
pool_op = "{op}"  # max, avg
pool_size = {size}
pool_stride = {stride}

def pool(fmap, size, stride, op):
    out_h = max((fmap.shape[0] - size) // stride + 1, 0)
    out_w = max((fmap.shape[1] - size) // stride + 1, 0)
    windows = [fmap[u:u + stride*out_h:stride, v:v + stride*out_w:stride]
               for u in range(size) for v in range(size)]
    if op == "max":
        return np.max(windows, axis=0)
    total = np.zeros((out_h, out_w), dtype=np.float32)
    for w in windows:
        total += w
    return total / np.float32(size * size)`

	convRun = `# {show}
def show(title, m):
    print(f"{title}: {m.shape[1]}×{m.shape[0]}")
    if m.size == 0:
        return
    if max(m.shape) <= {side}:
        for row in m:
            print(" ".join(f"{v:.6g}" for v in row))
    else:
        print(f"min {m.min():.6g}, max {m.max():.6g}")

feature_maps, activated, pooled = [], [], []
for k, kernel in enumerate(filters, start=1):
    feature_map = convolve(image, kernel, stride, padding)
    # {act_step}
    activated_map = {f}(feature_map.astype(np.float64)).astype(np.float32)
    pooled_map = pool(activated_map, pool_size, pool_stride, pool_op)
    feature_maps.append(feature_map)
    activated.append(activated_map)
    pooled.append(pooled_map)
    show(f"{map_label}", feature_map)
    show(f"{act_label}", activated_map)
    show(f"{pool_label}", pooled_map)

# {check}
loop = convolve_loop(image, filters[{sel}], stride, padding)
if loop.size:
    print(f"{diff}: {np.abs(loop - feature_maps[{sel}]).max():.3g}")`
)
