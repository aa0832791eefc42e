package main

import (
	"math/rand/v2"
	"strings"

	"nnplay/engine"
	"nnplay/web/gallery"
	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

// mixFor is the realistic mix: a class opening a shared link (the same few
// states, cached), students changing things (many distinct states),
// crawlers fetching previews, the page's static files, and broken links.
// Links are built with package state, the one codec.
func mixFor(statics []string) []kind {
	ok := []int{200}
	shared := make([]string, 8)
	for i := range shared {
		shared[i] = neuronState(rand.New(rand.NewPCG(7, uint64(i)))).Encode()
	}
	var convShared []string
	kernels := engine.Kernels()
	for i, im := range gallery.Images() {
		c := state.DefaultConv()
		c.Image = im.Name()
		c.Kernels = []state.Kernel{{Preset: kernels[i%len(kernels)].Name()}}
		convShared = append(convShared, c.Encode())
	}
	return []kind{
		{name: "home", weight: 6, next: func(*rand.Rand) (string, []int) { return "/", ok }},
		{name: "neuron shared link", weight: 20, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronPath, shared[r.IntN(len(shared))]), ok
		}},
		{name: "neuron own state", weight: 20, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronPath, neuronState(r).Encode()), ok
		}},
		{name: "neuron curve svg", weight: 8, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronCurvePath, shared[r.IntN(len(shared))]), ok
		}},
		{name: "neuron csv", weight: 3, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronCSVPath, neuronState(r).Encode()), ok
		}},
		{name: "preview shared", weight: 6, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronPreviewPath, shared[r.IntN(len(shared))]), ok
		}},
		{name: "preview distinct", weight: 2, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NeuronPreviewPath, neuronState(r).Encode()), ok
		}},
		{name: "static", weight: 12, headers: map[string]string{"Accept-Encoding": "br, gzip"}, next: func(r *rand.Rand) (string, []int) {
			return statics[r.IntN(len(statics))], ok
		}},
		{name: "conv shared link", weight: 10, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.ConvPath, convShared[r.IntN(len(convShared))]), ok
		}},
		{name: "conv drawing", weight: 8, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.ConvPath, convDrawing(r).Encode()), ok
		}},
		{name: "conv map png", weight: 4, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.ConvMapPath+"fm-1.png", convShared[r.IntN(len(convShared))]), ok
		}},
		{name: "conv preview", weight: 3, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.ConvPreviewPath, convShared[r.IntN(len(convShared))]), ok
		}},
		{name: "bad link (400)", weight: 6, next: func(r *rand.Rand) (string, []int) {
			bad := []string{"b=abc", "act=softmax", "x=1&x=2&w=1", "v=9", "batch=1,2~3", "b=1e400", "lang=xx", "b=%zz"}
			return view.NeuronPath + "?" + bad[r.IntN(len(bad))], []int{400}
		}},
		{name: "not found (404)", weight: 2, next: func(r *rand.Rand) (string, []int) {
			return "/" + strings.Repeat("x", 1+r.IntN(20)), []int{404}
		}},
		{name: "too long (414)", weight: 1, next: func(*rand.Rand) (string, []int) {
			return "/neuron?b=" + strings.Repeat("1", state.MaxQueryBytes), []int{414}
		}},
	}
}

// convDrawing is a 128×128 drawing of a few random strokes (bars), as a
// student makes one, with a random preset kernel.
func convDrawing(r *rand.Rand) state.Conv {
	const n = 128
	m := engine.NewMap(n, n, nil)
	for range 3 + r.IntN(5) {
		x, y, w, h := r.IntN(n), r.IntN(n), 2+r.IntN(40), 2+r.IntN(40)
		if r.IntN(2) == 0 {
			w = 3 + r.IntN(6)
		} else {
			h = 3 + r.IntN(6)
		}
		for yy := y; yy < min(n, y+h); yy++ {
			for xx := x; xx < min(n, x+w); xx++ {
				m.Set(xx, yy, 255)
			}
		}
	}
	c := state.DefaultConv()
	c.SetPicture(m, [2]int{})
	kernels := engine.Kernels()
	c.Kernels = []state.Kernel{{Preset: kernels[r.IntN(len(kernels))].Name()}}
	c.FitLink()
	return c
}

// neuronState is a random valid /neuron state, as students make them.
func neuronState(r *rand.Rand) state.Neuron {
	n := state.DefaultNeuron()
	k := 1 + r.IntN(engine.MaxInputs)
	n.X, n.W = make([]float64, k), make([]float64, k)
	for i := range k {
		n.X[i] = float64(r.IntN(41)-20) / 4
		n.W[i] = float64(r.IntN(41)-20) / 8
	}
	n.B = float64(r.IntN(21)-10) / 4
	acts := engine.Activations()
	n.Act = acts[r.IntN(len(acts))].Name()
	if r.IntN(2) == 0 {
		n.Lang = i18n.Langs()[r.IntN(2)]
	}
	for range r.IntN(3) * 20 {
		row := make([]float64, k)
		for i := range row {
			row[i] = float64(r.IntN(21) - 10)
		}
		n.Batch = append(n.Batch, row)
	}
	return n
}
