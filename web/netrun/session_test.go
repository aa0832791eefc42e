package netrun

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"nnplay/web/i18n"
	"nnplay/web/view"
)

// clock is a fake clock: each reading advances it by tick.
type clock struct {
	t    time.Time
	tick time.Duration
}

func (c *clock) now() time.Time {
	c.t = c.t.Add(c.tick)
	return c.t
}

func newSession(tick time.Duration) (*Session, *clock) {
	c := &clock{t: time.Unix(1e9, 0), tick: tick}
	return NewSession(c.now, func() uint64 { return 7 }), c
}

// update sends the form as the page's glue does: its fields, and op both
// as a field and as the update's op.
func update(s *Session, query, op string) *view.Live {
	q, _ := url.ParseQuery(query)
	if op != "" {
		q.Set("op", op)
	}
	return s.Update(q, i18n.EN, op)
}

func mustStep(t *testing.T, s *Session, epochs int) *Frame {
	t.Helper()
	f, err := s.Step(epochs)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestSessionCatchesUp: a link's epoch is replayed a budget per frame,
// then the page goes live at the very run the server replays.
func TestSessionCatchesUp(t *testing.T) {
	t.Parallel()
	const link = "v=1&lang=en&e=60"
	s, _ := newSession(time.Millisecond) // about 12 epochs a frame
	live := update(s, link, "")
	if !strings.Contains(live.Text["status"], "0") || live.SVG != nil || live.Query != link {
		t.Fatalf("the first update while catching up: %+v", live)
	}
	frames := 0
	var f *Frame
	for f = mustStep(t, s, 1); f.CatchUp; f = mustStep(t, s, 1) {
		if frames++; frames > 20 {
			t.Fatal("still catching up after 20 frames")
		}
		if f.Relocate || f.Live.SVG != nil {
			t.Fatalf("frame %d while catching up: %+v", frames, f)
		}
	}
	if frames < 3 {
		t.Errorf("caught up with 60 epochs in %d frames of 12 ms", frames)
	}
	// The frame that catches up trains nothing more and shows it all.
	if !f.Relocate || f.Live.Text["epoch"] != "60" || f.Live.SVG["diagram"] == "" || f.Pixels == 0 || f.Live.Query != link {
		t.Errorf("the caught-up frame: relocate %v, epoch %q, pixels %d, query %q", f.Relocate, f.Live.Text["epoch"], f.Pixels, f.Live.Query)
	}
	replayed, err := Replay(context.Background(), mustNet(t, link))
	if err != nil {
		t.Fatal(err)
	}
	if a, b := checksum(s.run), checksum(replayed); a != b {
		t.Errorf("caught up to %s, the server replays %s", a, b)
	}
}

// TestSessionFrames: the numbers go out every frame, the heavy parts
// every HeavyEvery, the address bar follows every LocateEvery.
func TestSessionFrames(t *testing.T) {
	t.Parallel()
	s, c := newSession(0)
	if _, err := s.Step(1); !errors.Is(err, ErrNotLive) {
		t.Errorf("a step before the page is live: %v", err)
	}
	if update(s, "v=1", "").SVG["diagram"] == "" {
		t.Fatal("the first update has no diagram")
	}
	if _, err := s.Step(MaxStep + 1); err == nil {
		t.Error("a step of too many epochs")
	}
	f := mustStep(t, s, 1)
	if f.Live.SVG != nil || f.Live.Text["epoch"] != "1" || f.Stop != view.Playing || !f.Relocate {
		t.Errorf("a light frame: %+v", f)
	}
	c.t = c.t.Add(HeavyEvery / 2)
	f = mustStep(t, s, 1)
	if f.Live.SVG != nil || f.Relocate {
		t.Errorf("a frame %v after the last: heavy %v, relocate %v", HeavyEvery/2, f.Live.SVG != nil, f.Relocate)
	}
	c.t = c.t.Add(HeavyEvery / 2)
	f = mustStep(t, s, 1)
	if f.Live.SVG["diagram"] == "" || f.Live.Tables == nil || f.Pixels == 0 || f.Relocate {
		t.Errorf("a frame %v after the heavy parts: heavy %v, pixels %d, relocate %v", HeavyEvery, f.Live.SVG != nil, f.Pixels, f.Relocate)
	}
	c.t = c.t.Add(LocateEvery)
	if f = mustStep(t, s, 1); !f.Relocate || f.Live.Text["epoch"] != "4" {
		t.Errorf("a frame %v after the address bar: relocate %v, epoch %s", LocateEvery, f.Relocate, f.Live.Text["epoch"])
	}
	// A redraw (0 epochs) sends everything and relocates at once.
	if f = mustStep(t, s, 0); f.Live.SVG["diagram"] == "" || !f.Relocate || f.Live.Text["epoch"] != "4" {
		t.Errorf("a redraw: %+v", f)
	}
	// The pixels are taken once, and only into a buffer they fit.
	if _, _, taken := s.TakePixels(10); taken {
		t.Error("the pixels taken into 10 bytes")
	}
	rgba, n, taken := s.TakePixels(1 << 20)
	if !taken || len(rgba) != 5*4*n*n {
		t.Errorf("pixels: %d bytes of grid %d, taken %v", len(rgba), n, taken)
	}
	if !strings.Contains(string(PixelsJSON(rgba, n, true)), `"offsets":[0,`) {
		t.Errorf("pixels JSON %s", PixelsJSON(rgba, n, true))
	}
	if s.fresh {
		t.Error("the pixels are still fresh once taken")
	}
}

// TestSessionStops: training stops by the state's rules, and the frame
// says why.
func TestSessionStops(t *testing.T) {
	t.Parallel()
	s, _ := newSession(0)
	update(s, "v=1&stop=25", "")
	for i, want := range []view.Stop{view.Playing, view.Playing, view.StopEpoch} {
		f := mustStep(t, s, 10)
		if f.Stop != want {
			t.Errorf("step %d: stop %q, want %q", i, f.Stop, want)
		}
		if want != view.Playing && (!f.Relocate || f.Live.Text["epoch"] != "25" || f.Live.SVG["diagram"] == "") {
			t.Errorf("the stopping frame: %+v", f)
		}
	}
	// The form's step button trains at once; a state with no points cannot.
	if live := update(s, "v=1", "train10"); live.Text["epoch"] != "35" {
		t.Errorf("after train10: epoch %q", live.Text["epoch"])
	}
	s, _ = newSession(0)
	update(s, "v=1&data=own", "")
	if f := mustStep(t, s, 1); f.Stop != view.StopNoData {
		t.Errorf("no points: %q", f.Stop)
	}
}

// TestSessionResendsOnlyChanges: a frame leaves out the points and the
// edits when they are as last sent.
func TestSessionResendsOnlyChanges(t *testing.T) {
	t.Parallel()
	s, _ := newSession(0)
	update(s, "v=1&data=own&pts=ZKB5AAE", "")
	f := mustStep(t, s, 0)
	if _, ok := f.Live.SVG["points"]; ok || f.Live.SVG["diagram"] == "" {
		t.Errorf("a redraw resends the points: %v", keys(f.Live.SVG))
	}
	if _, ok := f.Live.SVG["edits"]; ok {
		t.Error("a redraw resends the edits")
	}
	live, relocate, err := s.Tap(10, 10, 100, 100)
	if err != nil || !relocate || live.SVG["points"] == "" || !strings.Contains(live.Query, "pts=") || live.Query == "v=1&data=own&pts=ZKB5AAE" {
		t.Errorf("a tap: %v, relocate %v, %q, svg %v", err, relocate, live.Query, keys(live.SVG))
	}
	if _, _, err := s.Tap(1, 1, 0, 0); err == nil {
		t.Error("a tap on a plot of no size")
	}
	if _, _, used, err := s.Key("x"); used || err != nil {
		t.Errorf("the key x: used %v, %v", used, err)
	}
	if live, _, used, err := s.Key("ArrowLeft"); !used || err != nil || live == nil {
		t.Errorf("the key ArrowLeft: used %v, %v", used, err)
	}
}

// TestSessionSelectionAndEdit: the edit field shows the selected weight
// when the selection changes or a weight is set, and a weight set by hand
// takes effect at once, recorded at its epoch.
func TestSessionSelectionAndEdit(t *testing.T) {
	t.Parallel()
	s, _ := newSession(0)
	update(s, "v=1", "")
	mustStep(t, s, 5)
	live := update(s, "v=1", "sel-n1.2")
	if _, ok := live.Form["wv"]; !ok || s.run.S.Sel.String() != "n1.2" {
		t.Errorf("a new selection: wv %v, sel %s", live.Form["wv"], s.run.S.Sel)
	}
	// The form's hidden fields are the session's: a stale selection or
	// epoch in the form does not win.
	live = update(s, "v=1&sel=w1.1.1&e=0", "")
	if _, ok := live.Form["wv"]; ok || s.run.S.Sel.String() != "n1.2" || s.run.S.Epoch != 5 {
		t.Errorf("the same selection: wv %v, sel %s, epoch %d", live.Form["wv"], s.run.S.Sel, s.run.S.Epoch)
	}
	live = update(s, "v=1&wv=0.5", "set")
	if got := live.Form["wv"]; len(got) != 1 || got[0] != "0.5" {
		t.Errorf("after set: wv %v", got)
	}
	if b := s.run.P.MLP().Bias(1, 1); b != 0.5 {
		t.Errorf("the bias is %g, want 0.5 at once", b)
	}
	if !strings.Contains(live.Query, "&ed=5,b1.2,0.5") {
		t.Errorf("the edit is not in the link: %q", live.Query)
	}
	if live = update(s, "v=1&wv=abc", "set"); len(live.Errors) == 0 {
		t.Error("a weight that is not a number")
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
