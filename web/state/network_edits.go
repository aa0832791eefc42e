package state

import (
	"slices"
	"strings"
)

// SetSettings changes the training settings to those of m, recording the
// old ones as edits when the run is past epoch 0, as the form does.
func (n *Network) SetSettings(lr float64, batch int, reg string, regRate float64) {
	if n.Epoch > 0 {
		if lr != n.LR {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditLR, Value: n.LR})
		}
		if batch != n.Batch {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditBatch, Value: float64(n.Batch)})
		}
		if reg != n.Reg {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditReg, Reg: n.Reg})
		}
		if regRate != n.RegRate {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditRegRate, Value: n.RegRate})
		}
	}
	n.LR, n.Batch, n.Reg, n.RegRate = lr, batch, reg, regRate
	n.Edits = canonicalEdits(n.Edits, n)
}

// SetParam records a weight (s a weight) or bias (s a neuron) set by hand
// at the current epoch.
func (n *Network) SetParam(s Sel, v float64) {
	e := Edit{Epoch: n.Epoch, Kind: EditWeight, Target: s, Value: v}
	if s.Kind == 'n' {
		e.Kind = EditBias
	}
	n.Edits = canonicalEdits(append(n.Edits, e), n)
}

// canonicalEdits puts edits in their one order and drops what changes
// nothing: a later edit of the same weight at the same epoch replaces an
// earlier one; of two records of a setting at one epoch the first (the
// value the epochs were trained with) stays; a record equal to the value
// that follows it, or at epoch 0, goes.
func canonicalEdits(es []Edit, n *Network) []Edit {
	type key struct {
		epoch int
		kind  EditKind
		t     Sel
	}
	seen := map[key]int{}
	var out []Edit
	for _, e := range es {
		k := key{e.Epoch, e.Kind, e.Target}
		if i, ok := seen[k]; ok {
			if !e.setting() {
				out[i] = e
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b Edit) int {
		if a.Epoch != b.Epoch {
			return a.Epoch - b.Epoch
		}
		return strings.Compare(a.sortKey(), b.sortKey())
	})
	// Drop setting records equal to what follows them.
	keep := out[:0]
	for i, e := range out {
		if e.setting() {
			if e.Epoch == 0 || e.sameSetting(nextSetting(out[i+1:], e.Kind, n)) {
				continue
			}
		}
		keep = append(keep, e)
	}
	if len(keep) == 0 {
		return nil
	}
	return keep
}

// sortKey orders the edits of one epoch: weights and biases by layer and
// neuron, then the settings.
func (e Edit) sortKey() string {
	pad := func(v int) string { return string(rune('0'+v/10)) + string(rune('0'+v%10)) }
	switch e.Kind {
	case EditWeight, EditBias:
		return "0" + pad(e.Target.L) + string(e.Kind) + pad(e.Target.J) + pad(e.Target.I)
	}
	return "1" + string(e.Kind)
}

// nextSetting returns the value of kind after the edit before rest: the
// next record of it, or n's current value.
func nextSetting(rest []Edit, kind EditKind, n *Network) Edit {
	for _, e := range rest {
		if e.Kind == kind {
			return e
		}
	}
	cur := Edit{Kind: kind}
	switch kind {
	case EditLR:
		cur.Value = n.LR
	case EditBatch:
		cur.Value = float64(n.Batch)
	case EditReg:
		cur.Reg = n.Reg
	case EditRegRate:
		cur.Value = n.RegRate
	}
	return cur
}

func (e Edit) sameSetting(f Edit) bool { return e.Value == f.Value && e.Reg == f.Reg }

// SettingsAt returns the training settings epoch k (1-based) trains with.
func (n *Network) SettingsAt(k int) (lr float64, batch int, reg string, regRate float64) {
	lr, batch, reg, regRate = n.LR, n.Batch, n.Reg, n.RegRate
	found := map[EditKind]bool{}
	for _, e := range n.Edits {
		if !e.setting() || e.Epoch < k || found[e.Kind] {
			continue
		}
		found[e.Kind] = true
		switch e.Kind {
		case EditLR:
			lr = e.Value
		case EditBatch:
			batch = int(e.Value)
		case EditReg:
			reg = e.Reg
		case EditRegRate:
			regRate = e.Value
		}
	}
	return
}
