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
	// Network links a teacher shares: a few states at various epochs.
	netShared := make([]string, 6)
	for i := range netShared {
		netShared[i] = networkState(rand.New(rand.NewPCG(11, uint64(i)))).Encode()
	}
	return []kind{
		{name: "network shared link", weight: 12, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NetworkPath, netShared[r.IntN(len(netShared))]), ok
		}},
		// A student's own run is a replay no one has asked for yet; under
		// overload it is refused (503) rather than queued: that is the
		// designed answer, not a failure.
		{name: "network own run (replay)", weight: 2, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NetworkPath, networkState(r).Encode()), []int{200, 503}
		}},
		{name: "network preview", weight: 3, next: func(r *rand.Rand) (string, []int) {
			return view.Link(view.NetworkPreviewPath, netShared[r.IntN(len(netShared))]), ok
		}},
		{name: "network exports", weight: 2, next: func(r *rand.Rand) (string, []int) {
			paths := []string{view.NetworkWeightsPath, view.NetworkHistoryPath, view.NetworkDataPath, view.NetworkLossSVGPath, view.NetworkBoundaryPNGPath}
			return view.Link(paths[r.IntN(len(paths))], netShared[r.IntN(len(netShared))]), ok
		}},
		{name: "network thumbnails", weight: 3, next: func(r *rand.Rand) (string, []int) {
			names := state.DataNames()
			if r.IntN(2) == 0 {
				return view.DatasetThumbURL(names[r.IntN(len(names))]), ok
			}
			fs := engine.Features()
			return view.FeatureThumbURL(fs[r.IntN(len(fs))].Name()), ok
		}},
		{name: "network bad link (400)", weight: 2, next: func(r *rand.Rand) (string, []int) {
			bad := []string{"h=17", "lr=abc", "e=999999", "data=moons", "in=", "ed=5,w9.9.9,1&e=5", "pts=!!&data=own", "seed=-1"}
			return view.NetworkPath + "?" + bad[r.IntN(len(bad))], []int{400}
		}},
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

// networkState is a random valid /network state at an epoch students reach
// (up to 400: a replay of tens of milliseconds).
func networkState(r *rand.Rand) state.Network {
	n := state.DefaultNetwork()
	datasets := engine.Datasets()
	d := datasets[r.IntN(len(datasets))]
	n.Data, n.Out = d.Name(), state.DefaultOutput(d.Name())
	n.Noise = 5 * r.IntN(6)
	n.Hidden = []int{1 + r.IntN(8)}
	if r.IntN(3) == 0 {
		n.Hidden = append(n.Hidden, 1+r.IntN(4))
	}
	acts := []string{"tanh", "relu", "sigmoid", "linear"}
	n.Act = acts[r.IntN(len(acts))]
	n.LR = []float64{0.003, 0.01, 0.03, 0.1}[r.IntN(4)]
	n.Epoch = min(r.IntN(401), n.MaxEpoch())
	if r.IntN(2) == 0 {
		n.Lang = i18n.Langs()[r.IntN(2)]
	}
	return n
}
