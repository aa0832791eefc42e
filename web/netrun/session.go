package netrun

import (
	"context"
	"math/rand/v2"
	"net/url"
	"strconv"
	"sync"
	"time"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

// Frame scheduling (see Session.Step).
const (
	// CatchUpBudget is how long one frame replays a link while catching up.
	CatchUpBudget = 12 * time.Millisecond
	// HeavyEvery is how often the heavy parts (diagram, charts, form) go
	// out during play, at most; a big network's go out less often, so
	// they take at most a tenth of the time.
	HeavyEvery = 250 * time.Millisecond
	// LocateEvery is how often the address bar follows the epoch during
	// play; it follows every other change at once.
	LocateEvery = time.Second
	// MaxStep is the most epochs one Step trains.
	MaxStep = 1000
)

// Session is the network page's live session in the browser: the run the
// page trains, frame by frame. Its run's state is the truth for what the
// form cannot hold (the epoch, the edits, the points, the selection); the
// form holds the controls. The wasm glue holds one Session and converts
// its calls; a Session is safe for concurrent use.
type Session struct {
	now  func() time.Time // the clock
	seed func() uint64    // a new seed, for the regenerate button

	mu    sync.Mutex
	run   *Run
	lang  i18n.Lang
	stop  view.Stop
	frame int
	heat  []byte // the heatmap bytes, engine.BoundaryTo
	rgba  []byte // their pixels
	n     int    // the heatmaps' grid
	fresh bool   // rgba holds heatmaps the page has not taken
	// When the address bar and the heavy parts of the page were last
	// updated during play, and how long the heavy parts took.
	located, drawn time.Time
	heavyCost      time.Duration
	// The seldom-changing parts last sent, so a frame need not resend them.
	sent map[string]string
}

// NewSession returns a session with no run yet (the first Update starts
// it). now is its clock (time.Now in the browser); seed draws the seed of
// a regenerated dataset (nil: math/rand/v2).
func NewSession(now func() time.Time, seed func() uint64) *Session {
	if seed == nil {
		seed = func() uint64 { return rand.Uint64N(state.MaxSeed + 1) }
	}
	return &Session{now: now, seed: seed}
}

// Frame is one Step's result.
type Frame struct {
	Live     *view.Live
	Stop     view.Stop // why training stopped, "" if it may go on
	CatchUp  bool      // the run is still replaying its link
	Pixels   int       // the bytes of new heatmaps to take (TakePixels), 0 if none
	N        int       // their grid
	Relocate bool      // the address bar should now hold Live.Query
}

// JSON returns the frame for the page's script: "stop", "catchup",
// "pixels", "n" and "live" (view.Live.JSON).
func (f *Frame) JSON() []byte {
	b := []byte(`{"stop":`)
	b = strconv.AppendQuote(b, string(f.Stop))
	b = append(b, `,"catchup":`...)
	b = strconv.AppendBool(b, f.CatchUp)
	b = append(b, `,"pixels":`...)
	b = strconv.AppendInt(b, int64(f.Pixels), 10)
	b = append(b, `,"n":`...)
	b = strconv.AppendInt(b, int64(f.N), 10)
	b = append(b, `,"live":`...)
	b = append(b, f.Live.JSON()...)
	return append(b, '}')
}

// Live reports whether the session has a run (the page went live).
func (s *Session) Live() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.run != nil
}

// Update is the /network form's update: it decodes the form with the
// session's hidden values, applies the op, and brings the run along: a
// new start begins a new run (which catches up with the link's epoch
// frame by frame), a training setting or a weight set by hand takes
// effect at once, a step trains.
func (s *Session) Update(q url.Values, lang i18n.Lang, op string) *view.Live {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lang = lang
	if s.run != nil {
		s.run.S.SetHidden(q)
	}
	n, err := state.DecodeNetwork(q)
	if err != nil {
		return view.NetworkInvalid(q, err, lang).Live(false)
	}
	before := ""
	if s.run != nil {
		before = s.run.S.Sel.String()
	}
	live := s.follow(n)
	// The edit field shows the selected weight's value when the selection
	// changes or it was set; not after typing, which it would overwrite.
	if op != "set" && n.Sel.String() == before {
		delete(live.Form, "wv")
	}
	return live
}

// follow makes the session's run follow n and returns the page's update.
func (s *Session) follow(n state.Network) *view.Live {
	if n.Regenerate {
		n.Reseed(s.seed())
	}
	advance := n.Advance
	n.Advance = 0
	r := s.run
	if r == nil || n.StartKey() != r.S.StartKey() || n.Epoch < r.S.Epoch {
		nr, err := NewRun(n)
		if err != nil {
			return &view.Live{Query: n.Encode(), Errors: []view.FieldError{{Message: err.Error()}}}
		}
		s.run, s.stop = nr, view.Playing
		r = nr
	} else {
		r.S = n
		r.Apply()
	}
	if !r.CaughtUp() {
		return view.CatchingUp(r, s.lang)
	}
	if advance > 0 {
		_, s.stop = r.Play(context.Background(), advance)
	} else {
		s.stop = view.Playing
	}
	return s.page(true)
}

// page builds the page of the session's run; full adds the heavy parts
// (leaving out those sent unchanged before) and computes the heatmaps.
func (s *Session) page(full bool) *view.Live {
	start := s.now()
	p := view.Network(s.run, s.lang, view.NetworkOptions{Stop: s.stop, NoHeat: true, Light: !full})
	live := p.Live(full)
	if full {
		if s.sent == nil {
			s.sent = map[string]string{}
		}
		for _, k := range []string{"points", "edits"} {
			if v, ok := live.SVG[k]; ok && s.sent[k] == v {
				delete(live.SVG, k)
			} else {
				s.sent[k] = v
			}
		}
		s.drawn = s.now()
		s.heavyCost = s.drawn.Sub(start)
		s.heatmaps()
	}
	return live
}

// heatmaps computes the output's and every hidden neuron's heatmap and
// their pixels, into buffers kept between frames.
func (s *Session) heatmaps() {
	r := s.run
	s.n, _ = view.HeatGrid(r.S.Params())
	s.heat = view.HeatmapsTo(s.heat, r, s.n)
	s.rgba = view.HeatRGBATo(s.rgba, s.heat, r.S.Discrete)
	s.fresh = true
}

// Step moves the session on by one frame: while the run catches up with
// its link it replays for about CatchUpBudget; then it trains epochs more
// epochs (0 … MaxStep) by the stopping rules (0: none, just redraw). The
// numbers go out every frame; the diagram, charts and form every
// HeavyEvery (or less often for a big network), when training stops, and
// when epochs is 0; the heatmaps with the heavy parts or every few frames
// (view.HeatGrid). It returns ErrNotLive before the first Update.
func (s *Session) Step(epochs int) (*Frame, error) {
	if epochs < 0 || epochs > MaxStep {
		return nil, errEpochs
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.run
	if r == nil {
		return nil, ErrNotLive
	}
	f := &Frame{}
	if !r.CaughtUp() {
		start := s.now()
		done, _ := r.CatchUp(context.Background(), func() bool { return s.now().Sub(start) < CatchUpBudget })
		if !done || !r.CaughtUp() {
			f.Live, f.CatchUp = view.CatchingUp(r, s.lang), true
		} else {
			f.Live, f.Relocate = s.page(true), true
			s.located = s.now()
		}
	} else {
		if epochs > 0 {
			_, s.stop = r.Play(context.Background(), epochs)
		}
		s.frame++
		_, every := view.HeatGrid(r.S.Params())
		heavy := s.stop != view.Playing || epochs == 0 || s.now().Sub(s.drawn) >= max(HeavyEvery, 10*s.heavyCost)
		f.Live = s.page(heavy)
		if !heavy && s.frame%every == 0 {
			s.heatmaps()
		}
		if s.stop != view.Playing || epochs == 0 || s.now().Sub(s.located) >= LocateEvery {
			f.Relocate = true
			s.located = s.now()
		}
	}
	f.Stop, f.N = s.stop, s.n
	if s.fresh {
		f.Pixels = len(s.rgba)
	}
	return f, nil
}

// TakePixels returns the latest heatmaps' RGBA pixels (n×n for the
// output, then for each hidden neuron, in the order of the page's
// data-heat canvases) and their grid, and marks them taken, if they fit
// in room bytes; else it returns them without marking. The slice is the
// session's: copy it before the next call.
func (s *Session) TakePixels(room int) (rgba []byte, n int, taken bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if room >= len(s.rgba) && len(s.rgba) > 0 {
		s.fresh = false
		return s.rgba, s.n, true
	}
	return s.rgba, s.n, false
}

// PixelsJSON describes the pixels TakePixels returned for the page's
// script: "bytes" (all of them), and when taken "n" (the grid), "size"
// (the bytes of one heatmap) and "offsets" (where heatmap k starts).
func PixelsJSON(rgba []byte, n int, taken bool) []byte {
	size := 4 * n * n
	b := []byte(`{"bytes":`)
	b = strconv.AppendInt(b, int64(len(rgba)), 10)
	if taken {
		b = append(b, `,"n":`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `,"size":`...)
		b = strconv.AppendInt(b, int64(size), 10)
		b = append(b, `,"offsets":[`...)
		for off := 0; off < len(rgba); off += size {
			if off > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(off), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// Tap applies a click or tap on the plot, at (x, y) CSS pixels from the
// top left of a plot drawn width×height, with the state's tool (place or
// remove a point, or move the probe). A tap the state refuses (too many
// points) gives the numbers' update with the error; relocate says the
// address bar should hold the update's query.
func (s *Session) Tap(x, y, width, height float64) (live *view.Live, relocate bool, err error) {
	if !(width > 0 && height > 0) {
		return nil, false, errNoSize
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.run == nil {
		return nil, false, ErrNotLive
	}
	n := s.run.S
	px, py := state.ViewToPlane(x, y, width, height)
	live, relocate = s.apply(n, n.ClickPlane(px, py))
	return live, relocate, nil
}

// Key applies a key pressed on the plot (KeyboardEvent.key): the arrows
// move the probe point, Enter applies the tool there. used is false for a
// key it does not use; the rest is as Tap.
func (s *Session) Key(key string) (live *view.Live, relocate, used bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.run == nil {
		return nil, false, false, ErrNotLive
	}
	n := s.run.S
	used, kerr := n.Key(key)
	if !used {
		return nil, false, false, nil
	}
	live, relocate = s.apply(n, kerr)
	return live, relocate, true, nil
}

// apply follows n, the run's state changed by the plot, or reports why
// the change was refused.
func (s *Session) apply(n state.Network, refused error) (*view.Live, bool) {
	if refused != nil {
		p := view.Network(s.run, s.lang, view.NetworkOptions{NoHeat: true, Light: true})
		live := p.Live(false)
		live.Errors = view.FieldErrors(p.M, p.M.Network.FieldNames, refused)
		return live, false
	}
	return s.follow(n), true
}
