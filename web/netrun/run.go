package netrun

import (
	"context"
	"errors"
	"math"

	"nnplay/engine"
	"nnplay/web/state"
	"nnplay/web/view"
)

// Run is a network's training run as a link describes it: the playground
// of the state's start, trained epoch by epoch with the training settings
// and the hand edits the state records, each at its epoch. The server
// replays a link with it and the browser plays with it, so both reach the
// same weights to the last bit (the engine is bit-identical natively and
// in wasm).
//
// S is the state the run is heading for: its Epoch is the target. The
// playground may be behind it (the browser catches up a link frame by
// frame); At reports where it is.
type Run struct {
	S        state.Network
	P        *engine.Playground // nil when there is nothing to train (no points)
	diverged bool               // an epoch diverged; the run stays at the epoch before

	// A run restored from a Snapshot has no training history of its own.
	restored *Snapshot
}

// NewRun returns the run of s at epoch 0, or at its checkpoint's, heading
// for s.Epoch. s must be valid (state.DecodeNetwork's result).
func NewRun(s state.Network) (*Run, error) {
	r := &Run{S: s}
	if !s.Trainable() {
		return r, nil
	}
	p, err := engine.NewPlayground(s.Config())
	if err != nil {
		return nil, err
	}
	r.P = p
	if c := s.Checkpoint; c != nil {
		p.Resume(c.Epoch, c.Params)
	}
	r.applyEdits(p.Epoch())
	return r, nil
}

// Replay returns the run of s trained to s.Epoch. It stops between epochs
// when ctx is done and returns ctx's error. An epoch that diverges ends
// the run early with Diverged set (and S.Epoch the epoch reached).
func Replay(ctx context.Context, s state.Network) (*Run, error) {
	r, err := NewRun(s)
	if err != nil {
		return nil, err
	}
	if _, err := r.CatchUp(ctx, nil); err != nil {
		return nil, err
	}
	return r, nil
}

// State returns the state the run is heading for (&r.S).
func (r *Run) State() *state.Network { return &r.S }

// Playground returns the run's playground, nil when there is nothing to
// train.
func (r *Run) Playground() *engine.Playground { return r.P }

// Diverged reports whether an epoch diverged; the run then stays at the
// epoch before it.
func (r *Run) Diverged() bool { return r.diverged }

// Advance trains n.Advance more epochs from n's epoch by the stopping
// rules, as the no-JavaScript form's training buttons ask, and moves n
// along: its epoch, checkpoint and edits become the run's (short of the
// request when an epoch diverges), and n.Advance 0. One request replays at
// most the bound and trains at most the bound more, so a press trains
// fewer epochs than asked on a network whose bound is smaller. It stops
// when ctx is done and returns ctx's error.
func Advance(ctx context.Context, n *state.Network) (*Run, error) {
	run, err := Replay(ctx, *n)
	if err != nil {
		return nil, err
	}
	run.Play(ctx, min(n.Advance, n.ReplayBound()))
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	n.Epoch, n.Checkpoint, n.Edits, n.Advance = run.S.Epoch, run.S.Checkpoint, run.S.Edits, 0
	return run, nil
}

// At returns the epoch the playground has reached.
func (r *Run) At() int {
	switch {
	case r.restored != nil:
		return r.restored.Epoch
	case r.P == nil:
		return 0
	}
	return r.P.Epoch()
}

// CaughtUp reports whether the playground has reached the state's epoch.
func (r *Run) CaughtUp() bool { return r.At() >= r.S.Epoch || r.diverged }

// CatchUp trains toward S.Epoch while more (nil: always) says so, checking
// ctx between epochs, and reports whether it got there.
func (r *Run) CatchUp(ctx context.Context, more func() bool) (bool, error) {
	for r.P != nil && r.P.Epoch() < r.S.Epoch && !r.diverged {
		if err := ctx.Err(); err != nil {
			return false, err
		}
		if more != nil && !more() {
			return false, nil
		}
		if err := r.stepOnce(); err != nil {
			r.stopAt(r.P.Epoch())
			break
		}
	}
	if r.P != nil {
		r.applyEdits(r.P.Epoch())
		r.settings(r.S.LR, r.S.Batch, r.S.Reg, r.S.RegRate)
	}
	return true, nil
}

// Apply makes a caught-up run follow its state after a change that keeps
// the run (a training setting, a weight set by hand at this epoch): the
// edits of the current epoch and the current settings take effect now.
func (r *Run) Apply() {
	if r.P == nil || !r.CaughtUp() {
		return
	}
	r.applyEdits(r.P.Epoch())
	r.settings(r.S.LR, r.S.Batch, r.S.Reg, r.S.RegRate)
}

// stopAt ends the state at epoch e, short of its link's, where an epoch
// diverged: the edits past it go, so the state's link stays valid.
func (r *Run) stopAt(e int) {
	r.S.Epoch = e
	keep := r.S.Edits[:0:0]
	for _, ed := range r.S.Edits {
		if ed.Epoch <= e {
			keep = append(keep, ed)
		}
	}
	r.S.Edits = keep
}

// stepOnce trains the next epoch with the edits and settings the state
// records for it.
func (r *Run) stepOnce() error {
	e := r.P.Epoch()
	r.applyEdits(e)
	r.settings(r.S.SettingsAt(e + 1))
	if err := r.P.Step(); err != nil {
		if errors.Is(err, engine.ErrDiverged) {
			r.diverged = true
		}
		return err
	}
	return nil
}

// applyEdits sets the weights and biases the state edits after epoch e.
func (r *Run) applyEdits(e int) {
	m := r.P.MLP()
	for _, ed := range r.S.Edits {
		if ed.Epoch != e {
			continue
		}
		switch t := ed.Target; ed.Kind {
		case state.EditWeight:
			m.SetWeight(t.L, t.I-1, t.J-1, ed.Value)
		case state.EditBias:
			m.SetBias(t.L, t.J-1, ed.Value)
		}
	}
}

// settings makes the playground train with these settings; the weights
// stay (engine.Playground.SetConfig).
func (r *Run) settings(lr float64, batch int, reg string, regRate float64) {
	c := r.P.Config()
	g, _ := engine.RegularizationByName(reg)
	if c.LearningRate == lr && c.BatchSize == batch && c.Regularization == g && c.RegRate == regRate {
		return
	}
	c.LearningRate, c.BatchSize, c.Regularization, c.RegRate = lr, batch, g, regRate
	r.P.SetConfig(c) // only training settings differ: no reset, no error
}

// Play trains up to n more epochs past the state's, as the Play button
// does, moving S.Epoch along, and stops early by the state's rules: at
// epoch StopAt, when the test loss falls below StopLoss, at the link's
// limit (MaxEpoch), or when an epoch diverges. It must be caught up.
//
// Past the replay bound S keeps a checkpoint: when the epochs since the
// last one (or the start) pass the bound, the weights of the epoch just
// trained become the next, so S's link always opens with at most the
// bound replayed.
func (r *Run) Play(ctx context.Context, n int) (int, view.Stop) {
	if r.P == nil {
		return 0, view.StopNoData
	}
	limit, bound := r.S.MaxEpoch(), r.S.ReplayBound()
	done := 0
	for ; done < n; done++ {
		if ctx.Err() != nil {
			return done, view.Playing
		}
		if r.S.Epoch >= limit {
			return done, view.StopLimit
		}
		before := r.lastTestLoss()
		if err := r.stepOnce(); err != nil {
			return done, view.StopDiverg
		}
		r.S.Epoch = r.P.Epoch()
		if r.S.Epoch-r.S.ReplayFrom() > bound {
			r.S.SetCheckpoint(&state.Checkpoint{Epoch: r.S.Epoch, Params: r.P.MLP().ParamsTo(nil)})
		}
		r.settings(r.S.LR, r.S.Batch, r.S.Reg, r.S.RegRate)
		if r.S.StopAt > 0 && r.S.Epoch == r.S.StopAt {
			return done + 1, view.StopEpoch
		}
		if l := r.S.StopLoss; l > 0 && r.lastTestLoss() < l && !(before < l) {
			return done + 1, view.StopLoss
		}
	}
	if r.S.Epoch >= limit {
		return done, view.StopLimit
	}
	return done, view.Playing
}

func (r *Run) lastTestLoss() float64 {
	h := r.P.History()
	if h.Len() == 0 {
		return math.NaN()
	}
	return h.At(h.Len() - 1).TestLoss
}

// Metrics returns the network's scores now (after any edit at this epoch).
func (r *Run) Metrics() engine.Metrics {
	if r.restored != nil {
		return r.restored.Now
	}
	if r.P == nil {
		return engine.Metrics{TrainLoss: math.NaN(), TestLoss: math.NaN(), TrainAccuracy: math.NaN(), TestAccuracy: math.NaN()}
	}
	// The history's record of this epoch holds the same scores, computed
	// from the same weights, unless a weight was set by hand since.
	e := r.P.Epoch()
	if h := r.P.History(); h.Len() > 0 && h.At(h.Len()-1).Epoch == e && !r.editedAt(e) {
		return h.At(h.Len() - 1)
	}
	m := r.P.Metrics()
	m.Epoch = e
	return m
}

// editedAt reports whether a weight or bias was set after epoch e.
func (r *Run) editedAt(e int) bool {
	for _, ed := range r.S.Edits {
		if ed.Epoch == e && (ed.Kind == state.EditWeight || ed.Kind == state.EditBias) {
			return true
		}
	}
	return false
}

// History returns the record of the run's Metrics (engine.History: thinned
// to at most engine.MaxHistory records, always with the latest).
func (r *Run) History() []engine.Metrics {
	if r.restored != nil {
		return r.restored.History
	}
	if r.P == nil {
		return nil
	}
	h := r.P.History()
	out := make([]engine.Metrics, h.Len())
	for i := range out {
		out[i] = h.At(i)
	}
	return out
}
