//go:build js && wasm

package main

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/url"
	"strconv"
	"sync"
	"syscall/js"
	"time"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

// The network page's session: the run the page trains, frame by frame.
// Its state (view.Run.S) is the truth for what the form cannot hold (the
// epoch, the edits, the points, the selection); the form holds the
// controls.
var net struct {
	sync.Mutex
	run   *view.Run
	lang  i18n.Lang
	stop  view.Stop
	frame int
	heat  []byte // the heatmap bytes, engine.BoundaryTo
	rgba  []byte // their pixels
	n     int    // the heatmaps' grid
	fresh bool   // rgba holds heatmaps the page has not painted
	// When the address bar and the heavy parts of the page were last
	// updated during play, and how long the heavy parts took.
	located, drawn time.Time
	heavyCost      time.Duration
	// The seldom-changing parts last sent, so a frame need not resend them.
	sent map[string]string
}

func init() {
	updates["network"] = networkUpdate
	funcs["netStep"] = netStep
	funcs["netPixels"] = netPixels
	funcs["netTap"] = netTap
	funcs["netKey"] = netKey
}

// networkUpdate is the /network form's update: it decodes the form with
// the session's hidden values, applies the op, and brings the run along:
// a new start begins a new run (which catches up with the link's epoch
// frame by frame), a training setting or a weight set by hand takes
// effect at once, a step trains.
func networkUpdate(q url.Values, lang i18n.Lang, op string) *view.Live {
	net.Lock()
	defer net.Unlock()
	net.lang = lang
	if net.run != nil {
		net.run.S.SetHidden(q)
	}
	s, err := state.DecodeNetwork(q)
	if err != nil {
		return view.NetworkInvalid(q, err, lang).Live(false)
	}
	before := ""
	if net.run != nil {
		before = net.run.S.Sel.String()
	}
	live := setState(s)
	// The edit field shows the selected weight's value when the selection
	// changes or it was set; not after typing, which it would overwrite.
	if op != "set" && s.Sel.String() == before {
		delete(live.Form, "wv")
	}
	return live
}

// setState makes the session follow s and returns the page's update.
func setState(s state.Network) *view.Live {
	if s.Regenerate {
		s.Reseed(rand.Uint64N(state.MaxSeed + 1))
	}
	advance := s.Advance
	s.Advance = 0
	r := net.run
	if r == nil || s.StartKey() != r.S.StartKey() || s.Epoch < r.S.Epoch {
		nr, err := view.NewRun(s)
		if err != nil {
			return &view.Live{Query: s.Encode(), Errors: []view.FieldError{{Message: err.Error()}}}
		}
		net.run, net.stop = nr, view.Playing
		r = nr
	} else {
		r.S = s
		r.Apply()
	}
	if !r.CaughtUp() {
		return catchingUp(r)
	}
	if advance > 0 {
		_, net.stop = r.Play(context.Background(), advance)
	} else {
		net.stop = view.Playing
	}
	return page(true)
}

// catchingUp is the update while the run replays the link.
func catchingUp(r *view.Run) *view.Live { return view.CatchingUp(r, net.lang) }

// page builds the page of the session's run; full adds the heavy parts
// and computes the heatmaps.
func page(full bool) *view.Live {
	r := net.run
	start := time.Now()
	p := view.Network(r, net.lang, view.NetworkOptions{Stop: net.stop, NoHeat: true, Light: !full})
	live := p.Live(full)
	if full {
		if net.sent == nil {
			net.sent = map[string]string{}
		}
		for _, k := range []string{"points", "edits"} {
			if v, ok := live.SVG[k]; ok && net.sent[k] == v {
				delete(live.SVG, k)
			} else {
				net.sent[k] = v
			}
		}
		net.drawn = time.Now()
		net.heavyCost = net.drawn.Sub(start)
		heatmaps()
	}
	return live
}

// heatmaps computes the output's and every hidden neuron's heatmap and
// their pixels, into buffers kept between frames.
func heatmaps() {
	r := net.run
	net.n, _ = view.HeatGrid(r.S.Params())
	net.heat = r.HeatmapsTo(net.heat, net.n)
	net.rgba = view.HeatRGBATo(net.rgba, net.heat, r.S.Discrete)
	net.fresh = true
}

// netStep(epochs) moves the session on by one frame: while the run
// catches up with its link it replays for about 12 ms; then it trains
// epochs more epochs by the stopping rules (0: none, just redraw). It
// resolves with a JSON object: "live" (the page update: the numbers every
// frame, the diagram, charts and form about four times a second), "stop"
// (why training stopped, "" if it may go on), "catchup" (true while
// replaying), "pixels" (the bytes of new heatmaps to fetch with netPixels,
// 0 if none) and "n" (their grid).
func netStep(args []js.Value) (any, error) {
	if len(args) != 1 || args[0].Type() != js.TypeNumber {
		return nil, errors.New("nnplay.netStep(epochs): a number expected")
	}
	epochs := args[0].Int()
	if epochs < 0 || epochs > 1000 {
		return nil, errors.New("nnplay.netStep: epochs must be 0 … 1000")
	}
	net.Lock()
	defer net.Unlock()
	r := net.run
	if r == nil {
		return nil, errors.New("nnplay.netStep: the network page is not live")
	}
	var live *view.Live
	catchup := false
	if !r.CaughtUp() {
		start := time.Now()
		done, _ := r.CatchUp(context.Background(), func() bool { return time.Since(start) < 12*time.Millisecond })
		if !done || !r.CaughtUp() {
			live, catchup = catchingUp(r), true
		} else {
			live = page(true)
			setLocation(live.Query)
			net.located = time.Now()
		}
	} else {
		if epochs > 0 {
			_, net.stop = r.Play(context.Background(), epochs)
		}
		net.frame++
		_, every := view.HeatGrid(r.S.Params())
		// The diagram, charts and form go out four times a second, or
		// less for a big network, so they take at most a tenth of the time.
		heavy := net.stop != view.Playing || epochs == 0 || time.Since(net.drawn) >= max(250*time.Millisecond, 10*net.heavyCost)
		live = page(heavy)
		if !heavy && net.frame%every == 0 {
			heatmaps()
		}
		if net.stop != view.Playing || epochs == 0 || time.Since(net.located) >= time.Second {
			setLocation(live.Query)
			net.located = time.Now()
		}
	}
	pixels := 0
	if net.fresh {
		pixels = len(net.rgba)
	}
	b := []byte(`{"stop":`)
	b = strconv.AppendQuote(b, string(net.stop))
	b = append(b, `,"catchup":`...)
	b = strconv.AppendBool(b, catchup)
	b = append(b, `,"pixels":`...)
	b = strconv.AppendInt(b, int64(pixels), 10)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(net.n), 10)
	b = append(b, `,"live":`...)
	b = append(b, live.JSON()...)
	b = append(b, '}')
	return string(b), nil
}

// netPixels(buffer) copies the latest heatmaps' RGBA pixels into buffer, a
// Uint8Array: n×n pixels for the output, then for each hidden neuron, in
// the order of the page's data-heat canvases. It resolves with JSON:
// "bytes" (all of them; nothing is copied when buffer is shorter), "n"
// (the grid), "size" (the bytes of one heatmap) and "offsets" (where
// heatmap k starts).
func netPixels(args []js.Value) (any, error) {
	if len(args) != 1 || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, errors.New("nnplay.netPixels(buffer): a Uint8Array expected")
	}
	net.Lock()
	defer net.Unlock()
	size := 4 * net.n * net.n
	b := []byte(`{"bytes":`)
	b = strconv.AppendInt(b, int64(len(net.rgba)), 10)
	if args[0].Length() >= len(net.rgba) && len(net.rgba) > 0 {
		js.CopyBytesToJS(args[0], net.rgba)
		net.fresh = false
		b = append(b, `,"n":`...)
		b = strconv.AppendInt(b, int64(net.n), 10)
		b = append(b, `,"size":`...)
		b = strconv.AppendInt(b, int64(size), 10)
		b = append(b, `,"offsets":[`...)
		for off := 0; off < len(net.rgba); off += size {
			if off > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(off), 10)
		}
		b = append(b, ']')
	}
	return string(append(b, '}')), nil
}

// netTap(x, y, width, height) applies a click or tap on the plot, at (x,
// y) CSS pixels from the top left of a plot drawn width×height, with the
// state's tool (place or remove a point, or move the probe), and resolves
// with the page update (JSON).
func netTap(args []js.Value) (any, error) {
	if len(args) != 4 {
		return nil, errors.New("nnplay.netTap(x, y, width, height): four numbers expected")
	}
	v := make([]float64, 4)
	for i, a := range args {
		if a.Type() != js.TypeNumber {
			return nil, errors.New("nnplay.netTap: four numbers expected")
		}
		v[i] = a.Float()
	}
	if !(v[2] > 0 && v[3] > 0) {
		return nil, errors.New("nnplay.netTap: the plot has no size")
	}
	net.Lock()
	defer net.Unlock()
	if net.run == nil {
		return nil, errors.New("nnplay.netTap: the network page is not live")
	}
	s := net.run.S
	x, y := state.ViewToPlane(v[0], v[1], v[2], v[3])
	var live *view.Live
	if err := s.ClickPlane(x, y); err != nil {
		p := view.Network(net.run, net.lang, view.NetworkOptions{NoHeat: true, Light: true})
		live = p.Live(false)
		live.Errors = view.FieldErrors(p.M, p.M.Network.FieldNames, err)
	} else {
		live = setState(s)
		setLocation(live.Query)
	}
	return string(live.JSON()), nil
}

// netKey(key) applies a key pressed on the plot (KeyboardEvent.key): the
// arrows move the probe point, Enter applies the tool there. It resolves
// with the page update (JSON), or null for a key it does not use.
func netKey(args []js.Value) (any, error) {
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return nil, errors.New("nnplay.netKey(key): a string expected")
	}
	net.Lock()
	defer net.Unlock()
	if net.run == nil {
		return nil, errors.New("nnplay.netKey: the network page is not live")
	}
	s := net.run.S
	used, err := s.Key(args[0].String())
	if !used {
		return nil, nil
	}
	var live *view.Live
	if err != nil {
		p := view.Network(net.run, net.lang, view.NetworkOptions{NoHeat: true, Light: true})
		live = p.Live(false)
		live.Errors = view.FieldErrors(p.M, p.M.Network.FieldNames, err)
	} else {
		live = setState(s)
		setLocation(live.Query)
	}
	return string(live.JSON()), nil
}
