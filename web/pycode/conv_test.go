// The programs run under the host's Python: not in the js/wasm test run.

//go:build !js

package pycode_test

import (
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/gallery"
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/state"
	"nnplay/web/view"
)

// convExactEpilogue prints every map's values with every bit, in the
// order feature maps, activated, pooled.
const convExactEpilogue = `
for maps in (feature_maps, activated, pooled):
    for m in maps:
        print("EXACT", " ".join(repr(float(v)) for v in m.ravel()))
`

// convStates are the states the convolution's program is checked on: the
// lesson's example (the defaults), every preset image and kernel, every
// activation and pooling, and random typed and drawn images with random
// settings.
func convStates() []state.Conv {
	var out []state.Conv
	out = append(out, state.DefaultConv())
	rng := rand.New(rand.NewPCG(2, 2))
	presets := engine.Kernels()
	acts := engine.Activations()
	settings := func(c *state.Conv) {
		c.Stride = 1 + rng.IntN(engine.MaxStride)
		c.Pad = engine.Paddings()[rng.IntN(3)].String()
		c.Flip = rng.IntN(2) == 0
		c.Act = acts[rng.IntN(len(acts))].Name()
		c.Pool = engine.PoolOps()[rng.IntN(2)].String()
		c.PoolSize = engine.MinPoolSize + rng.IntN(engine.MaxPoolSize-engine.MinPoolSize+1)
		c.PoolStride = 1 + rng.IntN(engine.MaxPoolStride)
	}
	for i, im := range gallery.Images() {
		c := state.DefaultConv()
		c.Image = im.Name()
		for k := range 1 + i%3 {
			c.Kernels = append(c.Kernels[:k], state.Kernel{Preset: presets[(3*i+k)%len(presets)].Name()})
		}
		settings(&c)
		out = append(out, c)
	}
	for i := range 24 {
		c := state.DefaultConv()
		if i%3 == 2 {
			w, h := 17+rng.IntN(60), 17+rng.IntN(60)
			pic := state.Picture{W: w, H: h, Gray: make([]byte, w*h)}
			for j := range pic.Gray {
				pic.Gray[j] = byte(rng.IntN(256))
			}
			c.Image, c.Pic = state.SourceDraw, pic
		} else {
			w, h := 1+rng.IntN(engine.MaxGridSide), 1+rng.IntN(engine.MaxGridSide)
			c.Image, c.Grid = state.SourceGrid, make([][]float64, h)
			for y := range c.Grid {
				for range w {
					c.Grid[y] = append(c.Grid[y], math.Round((rng.Float64()*2-1)*1e4)/float64(1+rng.IntN(1000)))
				}
			}
		}
		c.Kernels = nil
		for range 1 + rng.IntN(3) {
			if rng.IntN(2) == 0 {
				c.Kernels = append(c.Kernels, state.Kernel{Preset: presets[rng.IntN(len(presets))].Name()})
				continue
			}
			kw, kh := 1+rng.IntN(engine.MaxKernelSize), 1+rng.IntN(engine.MaxKernelSize)
			k := state.Kernel{Weights: make([][]float64, kh)}
			for y := range k.Weights {
				for range kw {
					k.Weights[y] = append(k.Weights[y], math.Round((rng.Float64()*2-1)*1e4)/1e3)
				}
			}
			c.Kernels = append(c.Kernels, k)
		}
		settings(&c)
		c.Sel = 1 + rng.IntN(len(c.Kernels))
		// Through the link and back, as the page gets it.
		q, err := url.ParseQuery(c.Encode())
		if err != nil {
			panic(err)
		}
		d, err := state.DecodeConv(q)
		if err != nil {
			panic(c.Encode() + ": " + err.Error())
		}
		out = append(out, d)
	}
	return out
}

// TestConvProgram runs the convolution's program for each state and
// compares what it prints with the page: each map's size and numbers as
// the page's tables show them (its range when it is too large for a
// table), every value to the bit, and the lesson's loop within
// convLoopTolerance of the vectorised form.
func TestConvProgram(t *testing.T) {
	t.Parallel()
	states := convStates()
	var programs []string
	for i, c := range states {
		prog := pycode.Conv(c, i18n.Langs()[i%2])
		script := prog.Python()
		if i%2 == 1 {
			nb := prog.Notebook()
			validateNotebook(t, nb)
			script = notebookScript(t, nb)
		}
		programs = append(programs, script+convExactEpilogue)
	}
	worstLoop := 0.0
	for i, out := range runPython(t, programs...) {
		c := states[i]
		lang := i18n.Langs()[i%2]
		r := view.Conv(c, lang, false).Result
		mc := &i18n.For(lang).Code
		lines := strings.Split(strings.TrimSpace(out), "\n")

		var want, got []string
		var exact [][]string
		for _, line := range lines {
			switch {
			case strings.HasPrefix(line, "EXACT"):
				exact = append(exact, strings.Fields(line)[1:])
			case strings.HasPrefix(line, strings.Split(mc.ConvDiff, ":")[0]):
				d, _ := strconv.ParseFloat(line[strings.LastIndex(line, " ")+1:], 64)
				sel := c.KernelMap(c.Sel - 1)
				img := c.ImageMap()
				limit := convLoopTolerance(img, sel)
				if d > limit {
					t.Errorf("state %s: the lesson's loop differs from the vectorised form by %g, more than %g", c.Encode(), d, limit)
				}
				if limit > 0 {
					worstLoop = max(worstLoop, d/limit)
				}
			default:
				got = append(got, pageNums(t, line))
			}
		}
		for k := range c.Kernels {
			for j, mv := range []view.MapView{r.Maps[k], r.Act[k], r.Pool[k]} {
				label := []string{mc.ConvMapLabel, mc.ConvActLabel, mc.ConvPoolLabel}[j]
				want = append(want, strings.Replace(label, "%d", strconv.Itoa(k+1), 1)+": "+strconv.Itoa(mv.W)+"×"+strconv.Itoa(mv.H))
				switch {
				case mv.W*mv.H == 0:
				case mv.Table != nil:
					for _, row := range mv.Table.Rows {
						want = append(want, strings.Join(row[1:], " "))
					}
				default:
					lo, hi := mv.Map.Range()
					want = append(want, "min "+view.Num(float64(lo))+", max "+view.Num(float64(hi)))
				}
				// The bits.
				e := exact[j*len(c.Kernels)+k]
				if len(e) != len(mv.Map.Data) {
					t.Fatalf("state %s: map %s has %d values in Python, %d on the server", c.Encode(), mv.Key, len(e), len(mv.Map.Data))
				}
				for n, s := range e {
					v, _ := strconv.ParseFloat(s, 64)
					if float32(v) != mv.Map.Data[n] {
						t.Fatalf("state %s: map %s value %d is %v in Python, %v on the server", c.Encode(), mv.Key, n, v, mv.Map.Data[n])
					}
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("state %s: the program prints\n%s\nthe page shows\n%s", c.Encode(), strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	t.Logf("the lesson's loop: at most %.3g of the tolerance from the vectorised form", worstLoop)
}

// convLoopTolerance bounds the difference between the lesson's loop
// (np.sum's pairwise order) and the engine's order for a kernel: each
// float32 sum of n products is within n·2⁻²⁴·Σ|products| of the exact
// one, so two orders are within 2·49·2⁻²⁴ of max|image|·Σ|kernel|.
func convLoopTolerance(img, k engine.Map) float64 {
	var maxPixel, sumWeights float64
	for _, v := range img.Data {
		maxPixel = max(maxPixel, math.Abs(float64(v)))
	}
	for _, w := range k.Data {
		sumWeights += math.Abs(float64(w))
	}
	return 2 * 49 * 0x1p-24 * maxPixel * sumWeights
}

// pageNums writes a printed line's numbers as the page does (view.Num),
// leaving the words.
func pageNums(t *testing.T, line string) string {
	t.Helper()
	if title, size, ok := strings.Cut(line, ": "); ok && strings.Contains(size, "×") {
		return title + ": " + size
	}
	if rest, ok := strings.CutPrefix(line, "min "); ok {
		lo, hi, _ := strings.Cut(rest, ", max ")
		return "min " + pageNum(t, lo) + ", max " + pageNum(t, hi)
	}
	f := strings.Fields(line)
	for i := range f {
		f[i] = pageNum(t, f[i])
	}
	return strings.Join(f, " ")
}
