package netrun

import (
	"context"
	"math"
	"nnplay/web/view"
	"strings"
	"testing"
	"time"

	"nnplay/engine"
	"nnplay/web/state"
)

// lossBits are one epoch's scores, to the bit.
type lossBits struct{ train, test uint64 }

func bitsOf(m engine.Metrics) lossBits {
	return lossBits{math.Float64bits(m.TrainLoss), math.Float64bits(m.TestLoss)}
}

// playTo plays r epoch by epoch up to epoch to, as the page does, making
// the edits edit asks for at each epoch, and records every epoch's scores.
func playTo(t *testing.T, r *Run, to int, losses map[int]lossBits, edit func(r *Run)) {
	t.Helper()
	for r.S.Epoch < to {
		edit(r)
		if done, stop := r.Play(context.Background(), 1); done != 1 {
			t.Fatalf("stopped at epoch %d: %v", r.S.Epoch, stop)
		}
		losses[r.S.Epoch] = bitsOf(r.Metrics())
	}
	edit(r)
}

// midRunEdits changes the learning rate at epoch 5000 and sets a weight at
// 9000, one of the chain's stops, as the page records them.
func midRunEdits(r *Run) {
	switch r.S.Epoch {
	case 5000:
		if r.S.LR != 0.1 {
			r.S.SetSettings(0.1, r.S.Batch, r.S.Reg, r.S.RegRate)
			r.Apply()
		}
	case 9000:
		w := state.Sel{Kind: 'w', L: 1, I: 1, J: 1}
		if len(r.S.Edits) == 0 || r.S.Edits[len(r.S.Edits)-1].Target != w {
			r.S.SetParam(w, 0.25)
			r.Apply()
		}
	}
}

// TestCheckpointChain: a 20,000-epoch run of the default network, stopped
// at several epochs past the replay bound, its link opened (replaying at
// most the bound after the link's checkpoint) and played on, gives the
// same losses at every epoch and the same final weights as the
// uninterrupted run, bit for bit.
func TestCheckpointChain(t *testing.T) {
	t.Parallel()
	const last = 20000
	whole, err := NewRun(state.DefaultNetwork())
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]lossBits{}
	playTo(t, whole, last, want, midRunEdits)

	start, _ := NewRun(state.DefaultNetwork())
	got := map[int]lossBits{}
	r := start
	for _, stop := range []int{3001, 9000, 14321, last} {
		playTo(t, r, stop, got, midRunEdits)
		link := r.S.Encode()
		if !strings.Contains(link, "&ck=") {
			t.Fatalf("epoch %d: the link carries no checkpoint: %q", stop, link)
		}
		s := mustNet(t, link)
		if d := s.Epoch - s.ReplayFrom(); d > s.ReplayBound() {
			t.Fatalf("epoch %d: %d epochs after the checkpoint, past the bound", stop, d)
		}
		opened, err := Replay(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		if opened.At() != stop || bitsOf(opened.Metrics()) != bitsOf(r.Metrics()) {
			t.Fatalf("epoch %d: the opened link is at %d with %+v, want %+v", stop, opened.At(), opened.Metrics(), r.Metrics())
		}
		r = opened
	}
	for e := 1; e <= last; e++ {
		if got[e] != want[e] {
			t.Fatalf("epoch %d: losses %+v, want %+v", e, got[e], want[e])
		}
	}
	a, b := whole.P.MLP().ParamsTo(nil), r.P.MLP().ParamsTo(nil)
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Fatalf("param %d: %v, want %v", i, b[i], a[i])
		}
	}
}

// TestAdvancePastBound: the no-JavaScript training buttons go on past the
// replay bound, each press answering with a link that opens where it
// stopped.
func TestAdvancePastBound(t *testing.T) {
	t.Parallel()
	n := mustNet(t, "data=spiral&h=8,8")
	bound := n.ReplayBound()
	for press := 0; n.Epoch <= bound+10; press++ {
		n.Advance = 1000
		before := n.Epoch
		run, err := Advance(context.Background(), &n)
		if err != nil {
			t.Fatal(err)
		}
		if n.Epoch != before+min(1000, bound) {
			t.Fatalf("press %d: epoch %d → %d", press, before, n.Epoch)
		}
		s := mustNet(t, n.Encode())
		opened, err := Replay(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		if bitsOf(opened.Metrics()) != bitsOf(run.Metrics()) {
			t.Fatalf("press %d: the link opens with %+v, the press showed %+v", press, opened.Metrics(), run.Metrics())
		}
	}
}

// TestSessionPlaysPastBound: the live page plays on past the replay
// bound, its link carrying a checkpoint, and a form update on the way (as
// the page sends when a field changes) keeps the run.
func TestSessionPlaysPastBound(t *testing.T) {
	t.Parallel()
	s, _ := newSession(time.Millisecond)
	update(s, "h=8,8&data=spiral", "")
	bound := s.run.S.ReplayBound()
	for s.run.S.Epoch < bound+300 {
		f := mustStep(t, s, MaxStep)
		if f.Stop != view.Playing {
			t.Fatalf("stopped at epoch %d: %v", s.run.S.Epoch, f.Stop)
		}
		if s.run.S.Epoch > bound && !strings.Contains(f.Live.Query, "&ck=") {
			t.Fatalf("epoch %d: the link %q has no checkpoint", s.run.S.Epoch, f.Live.Query)
		}
	}
	at := s.run.S.Epoch
	q := s.run.S.Values()
	q.Set("test", "1")
	live := s.Update(q, "en", "")
	if len(live.Errors) > 0 || s.run.S.Epoch != at || !s.run.CaughtUp() {
		t.Fatalf("an update at epoch %d: %+v, epoch %d", at, live.Errors, s.run.S.Epoch)
	}
	mustStep(t, s, 1)
	if s.run.S.Epoch != at+1 {
		t.Fatalf("after the update, epoch %d, want %d", s.run.S.Epoch, at+1)
	}
}
