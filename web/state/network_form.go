package state

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
)

// formMemory applies what the form was rendered with (pdata, k and the
// prior settings): a new dataset kind brings its own output; a new start
// restarts the run; a setting changed mid-run is an edit.
func (r *reader) formMemory(n *Network) {
	if s, ok := r.single("pdata"); ok && slices.Contains(DataNames(), s) {
		_, outGiven := r.q["out"]
		if DefaultOutput(s) != DefaultOutput(n.Data) && (!outGiven || n.Out == DefaultOutput(s)) {
			n.Out = DefaultOutput(n.Data)
		}
		switch {
		case s == n.Data:
		case n.Data != OwnData:
			n.Tool = ToolProbe // the other tools place own points
		case n.Tool == DefaultTool(s):
			n.Tool = DefaultTool(n.Data)
		}
	}
	if k, ok := r.single("k"); ok && k != n.StartKey() {
		n.Restart()
	} else if n.Epoch > 0 {
		r.priorSettings(n)
	}
}

// formAction applies the form's action: a button (op) or a click on the
// no-JavaScript plot (pt.x, pt.y).
func (r *reader) formAction(n *Network) {
	if s, ok := r.single("op"); ok && s != "" {
		r.networkOp(n, s)
	} else if _, ok := r.q["pt.x"]; ok {
		r.plotClick(n)
	}
}

// hiddenKeys are the form's hidden fields: the page's script changes them
// without touching the form.
var hiddenKeys = []string{"h", "e", "ck", "ed", "pts", "sel", "k", "pdata", "plr", "pbs", "preg", "prr"}

// SetHidden overrides the hidden fields of the form's values q with n's:
// a session that keeps n is the truth for what the form cannot hold (the
// epoch, the edits, the points, the selection) and for what the form was
// rendered with.
func (n *Network) SetHidden(q url.Values) {
	for _, k := range hiddenKeys {
		q.Del(k)
	}
	cur := n.Values()
	for _, k := range []string{"e", "ck", "ed", "pts", "sel"} {
		if vs, ok := cur[k]; ok {
			q[k] = vs
		}
	}
	q.Set("h", joinInts(n.Hidden)) // even the default, as the form has it
	q.Set("k", n.StartKey())
	q.Set("pdata", n.Data)
	q.Set("plr", FormatNumber(n.LR))
	q.Set("pbs", strconv.Itoa(n.Batch))
	q.Set("preg", n.Reg)
	q.Set("prr", FormatNumber(n.RegRate))
}

// priorSettings records the training settings the form was rendered with,
// when they differ from the new ones, as edits at the current epoch.
func (r *reader) priorSettings(n *Network) {
	if s, ok := r.single("plr"); ok {
		if v, fe := parseNumber("plr", 0, s, true, MinRate, engine.MaxLearningRate); fe == nil && v != n.LR {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditLR, Value: v})
		}
	}
	if s, ok := r.single("pbs"); ok {
		if v, fe := parseWhole("pbs", 0, s, 1, engine.MaxBatchSize); fe == nil && v != n.Batch {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditBatch, Value: float64(v)})
		}
	}
	if s, ok := r.single("preg"); ok && slices.Contains(regNames(), s) && s != n.Reg {
		n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditReg, Reg: s})
	}
	if s, ok := r.single("prr"); ok {
		if v, fe := parseNumber("prr", 0, s, true, 0, engine.MaxRegRate); fe == nil && v != n.RegRate {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditRegRate, Value: v})
		}
	}
}

// networkOp applies the form action s.
func (r *reader) networkOp(n *Network, s string) {
	restartIf := func(changed bool) {
		if changed {
			n.Restart()
		}
	}
	switch {
	case s == "reset":
		n.Restart()
		return
	case s == "regen":
		n.Regenerate = true
		return
	case s == "train1" || s == "train10" || s == "train100" || s == "train1000":
		k, _ := strconv.Atoi(s[5:])
		n.Advance = k
		return
	case s == "add-layer" && len(n.Hidden) < engine.MaxHiddenLayers:
		n.Hidden = append(n.Hidden, 2)
		restartIf(true)
		return
	case s == "del-layer" && len(n.Hidden) > 0:
		n.Hidden = n.Hidden[:len(n.Hidden)-1]
		restartIf(true)
		return
	case strings.HasPrefix(s, "add-n") || strings.HasPrefix(s, "del-n"):
		l, ok := tokenIndex(s[5:])
		if ok && l >= 1 && l <= len(n.Hidden) {
			d := 1
			if s[0] == 'd' {
				d = -1
			}
			if v := n.Hidden[l-1] + d; v >= 1 && v <= engine.MaxLayerSize {
				n.Hidden = slices.Clone(n.Hidden)
				n.Hidden[l-1] = v
				restartIf(true)
				return
			}
		}
	case s == "clear" && n.Data == OwnData:
		restartIf(len(n.Points) > 0)
		n.Points = nil
		return
	case strings.HasPrefix(s, "sel-"):
		if s == "sel-" {
			n.Sel = Sel{}
			return
		}
		if sel, ok := ParseSel(s[4:]); ok && n.validSel(sel) {
			n.Sel = sel
			return
		}
	case s == "set" && (n.Sel.Kind == 'w' || n.Sel.Kind == 'n' && n.Sel.L >= 1):
		raw, _ := r.single("wv")
		v, fe := parseNumber("wv", 0, raw, true, -MaxAbsWeight, MaxAbsWeight)
		if fe != nil {
			r.errs = append(r.errs, fe)
			return
		}
		n.SetParam(n.Sel, v)
		return
	}
	r.errs = append(r.errs, &FieldError{Key: "op", Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: networkOps(n)}})
}

// networkOps lists the actions the state allows, for the error message.
func networkOps(n *Network) []string {
	ops := []string{"reset", "regen", "train1", "train10", "train100", "train1000"}
	if len(n.Hidden) < engine.MaxHiddenLayers {
		ops = append(ops, "add-layer")
	}
	if len(n.Hidden) > 0 {
		ops = append(ops, "del-layer", "add-n1…"+strconv.Itoa(len(n.Hidden)), "del-n1…"+strconv.Itoa(len(n.Hidden)))
	}
	if n.Data == OwnData {
		ops = append(ops, "clear")
	}
	ops = append(ops, "sel-…")
	if n.Sel.Kind == 'w' || n.Sel.Kind == 'n' && n.Sel.L >= 1 {
		ops = append(ops, "set")
	}
	return ops
}

// plotClick applies a click on the plot at pixel (pt.x, pt.y) of PlotSize.
func (r *reader) plotClick(n *Network) {
	sx, _ := r.single("pt.x")
	sy, _ := r.single("pt.y")
	px, fx := parseNumber("pt.x", 0, sx, true, 0, PlotSize)
	py, fy := parseNumber("pt.y", 0, sy, true, 0, PlotSize)
	for _, fe := range []*FieldError{fx, fy} {
		if fe != nil {
			r.errs = append(r.errs, fe)
		}
	}
	if fx != nil || fy != nil {
		return
	}
	x, y := PlotToPlane(px, py)
	r.Click(n, x, y)
}

// PlotToPlane converts a position on the PlotSize plot (pixels from the
// top left) to the plane's coordinates.
func PlotToPlane(px, py float64) (x, y float64) {
	px, py = min(max(px, 0), PlotSize), min(max(py, 0), PlotSize)
	return px*2*engine.PlaneRange/PlotSize - engine.PlaneRange, engine.PlaneRange - py*2*engine.PlaneRange/PlotSize
}

// ViewToPlane converts a position on the plot drawn w×h pixels (from the
// top left) to the plane's coordinates.
func ViewToPlane(x, y, w, h float64) (float64, float64) {
	return PlotToPlane(x*PlotSize/w, y*PlotSize/h)
}

// removeRadius is how near a click must be to the own point it removes.
const removeRadius = 0.4

// Click applies a click on the plane at (x, y) with n's tool. Errors (too
// many points) are reported to r.
func (r *reader) Click(n *Network, x, y float64) {
	switch n.Tool {
	case ToolProbe:
		snap := func(v float64) float64 {
			return min(max(math.Round(v/ProbeStep)*ProbeStep, -engine.PlaneRange), engine.PlaneRange)
		}
		n.ProbeX, n.ProbeY = snap(x), snap(y)
		if n.ProbeX == 0 {
			n.ProbeX = 0
		}
		if n.ProbeY == 0 {
			n.ProbeY = 0
		}
		// Round to the digits a person would type.
		n.ProbeX, _ = strconv.ParseFloat(strconv.FormatFloat(n.ProbeX, 'f', 1, 64), 64)
		n.ProbeY, _ = strconv.ParseFloat(strconv.FormatFloat(n.ProbeY, 'f', 1, 64), 64)
	case ToolPos, ToolNeg:
		if len(n.Points) >= engine.MaxPoints {
			r.errs = append(r.errs, &FieldError{Key: "pts", Problem: TooMany, Got: len(n.Points) + 1, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: engine.MaxPoints}})
			return
		}
		n.Points = sortPoints(append(slices.Clone(n.Points), SnapPoint(x, y, toolLabel(n.Tool))))
		n.Restart()
	case ToolRemove:
		best, bestD := -1, removeRadius*removeRadius
		for i, p := range n.Points {
			dx, dy := p.X-x, p.Y-y
			if d := dx*dx + dy*dy; d <= bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 {
			n.Points = slices.Delete(slices.Clone(n.Points), best, best+1)
			n.Restart()
		}
	}
}

// KeyStep is how far an arrow key moves the probe point.
const KeyStep = 0.5

// Key applies a key pressed on the plot, for keyboard users: the arrows
// move the probe point by KeyStep, Enter applies the tool there (places or
// removes an own point). It reports whether the key is one of these.
func (n *Network) Key(key string) (bool, error) {
	move := func(v *float64, d float64) {
		*v = min(max(math.Round((*v+d)*10)/10, -engine.PlaneRange), engine.PlaneRange)
		if *v == 0 {
			*v = 0
		}
	}
	switch key {
	case "ArrowLeft":
		move(&n.ProbeX, -KeyStep)
	case "ArrowRight":
		move(&n.ProbeX, KeyStep)
	case "ArrowUp":
		move(&n.ProbeY, KeyStep)
	case "ArrowDown":
		move(&n.ProbeY, -KeyStep)
	case "Enter", " ":
		if n.Tool == ToolProbe {
			return true, nil
		}
		return true, n.ClickPlane(n.ProbeX, n.ProbeY)
	default:
		return false, nil
	}
	return true, nil
}

// ClickPlane applies a click on the plane at (x, y) with n's tool, as a
// click on the no-JavaScript plot does, and returns what went wrong.
func (n *Network) ClickPlane(x, y float64) error {
	r := reader{}
	r.Click(n, x, y)
	return r.errs.err()
}
