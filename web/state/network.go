package state

import (
	"hash/fnv"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
)

// Limits of a /network link, beside the engine's (engine.MaxHiddenLayers,
// engine.MaxLayerSize, …).
const (
	// MaxSeed is the largest seed; Regenerate draws seeds below it.
	MaxSeed = 1<<32 - 1
	// MaxEpochs bounds the epoch a link may reach, whatever the network.
	MaxEpochs = 20000
	// MaxReplayCost bounds the work of replaying a link on the server:
	// epochs × points × (parameters + ReplayOverhead). Every epoch trains
	// on the training points and scores all of them, about a multiply-add
	// per parameter each way, plus a fixed cost per point (measured by
	// view's BenchmarkReplay: 2–5.5 ns per unit on this project's 2-core
	// machine, for networks from 17 to 1 505 parameters). 8·10⁷ is 0.2–0.45 s
	// of one core natively and about three times that in the browser; the
	// default network (17 parameters, 500 points) reaches 2 807 epochs,
	// the largest (1 505 parameters) 103.
	MaxReplayCost = 80_000_000
	// ReplayOverhead is the cost model's fixed work per point and epoch,
	// in parameters.
	ReplayOverhead = 40
	// MaxEdits bounds the recorded edits (weights set by hand, training
	// settings changed mid-run).
	MaxEdits = 100
	// MaxAbsWeight bounds a weight or bias set by hand.
	MaxAbsWeight = 1000
	// MaxStopLoss bounds the test-loss threshold of the stopping rule.
	MaxStopLoss = 100
	// PlotSize is the side of the no-JavaScript plot in CSS pixels: the
	// coordinates its clicks send (pt.x, pt.y) are on this scale.
	PlotSize = 300
	// ProbeStep is the grid a probe point set by a click snaps to.
	ProbeStep = 0.1
	// MinRate is the smallest learning rate.
	MinRate = 1e-6
)

// OwnData is the data token of the user's own points.
const OwnData = "own"

// The tools of a click on the plot.
const (
	ToolProbe  = "probe" // show the network's arithmetic at that point
	ToolPos    = "pos"   // place a point of class 1 (label +1, blue)
	ToolNeg    = "neg"   // place a point of class 0 (label −1, orange)
	ToolRemove = "del"   // remove the nearest own point
)

// Tools lists the tools in the order the page offers them.
func Tools() []string { return []string{ToolProbe, ToolPos, ToolNeg, ToolRemove} }

// Network is the state of the /network page.
//
// Link parameters, in canonical order:
//
//	lang   interface language
//	data   dataset token (engine.Datasets) or "own"
//	pts    own points, see network_points.go; used when data=own, kept
//	       with other data so that switching back restores them
//	noise  percent, 0 … engine.MaxNoise (whole)
//	train  percent of the points used for training, 10 … 90 (whole)
//	seed   data and initial weights, 0 … MaxSeed
//	in     input features, comma-separated tokens (engine.Features);
//	       "in=" alone (the form's marker) with nothing else is an error
//	h      hidden layer sizes, comma-separated: "4,2"; "h=" is none
//	act    hidden activation token
//	out    output and loss: sigmoid (cross-entropy), tanh (squared,
//	       TensorFlow Playground's), linear (squared, regression)
//	lr, bs, reg, rr   learning rate, batch size, regularization, its rate
//	e      the epoch reached
//	ed     an edit, repeated, in order: "E,w2.3.1,V" sets the weight into
//	       neuron 1 of layer 2 from neuron 3 of layer 1 after E epochs;
//	       "E,b2.1,V" a bias; "E,lr,V" (and bs, reg, rr) records that the
//	       epochs up to E were trained with V (lr etc. above hold the
//	       setting in effect after the last such edit)
//	stop   stop playing at this epoch (0: never)
//	tl     stop playing when the test loss falls below it (0: never)
//	test   1: show the test points
//	disc   1: discretize the output
//	tool   what a click on the plot does: probe, pos, neg, del
//	sel    the neuron ("n2.1") or weight ("w2.3.1") whose arithmetic is shown
//	px, py the point where the arithmetic is shown
//
// Layers are numbered from 0 (the input features) to len(Hidden)+1 (the
// output); neurons within a layer from 1.
//
// Parameters that are read once and never written back: op (an action of
// the form's buttons), wv (the value for op=set), pt.x and pt.y (a click
// on the no-JavaScript plot), and k, pdata, plr, pbs, preg, prr: what the
// form was rendered with, so that a change of the network's start resets
// the run and a change of a training setting mid-run is recorded as an
// edit.
type Network struct {
	Lang     i18n.Lang
	Data     string
	Points   []engine.Point
	Noise    int
	Split    int
	Seed     uint64
	Features []string
	Hidden   []int
	Act      string
	Out      string
	LR       float64
	Batch    int
	Reg      string
	RegRate  float64
	Epoch    int
	Edits    []Edit
	StopAt   int
	StopLoss float64
	ShowTest bool
	Discrete bool
	Tool     string
	Sel      Sel
	ProbeX   float64
	ProbeY   float64

	// Advance is the number of epochs an op asked to train, within the
	// stopping rules and the replay bound; the caller resolves it (it
	// needs the training) and sets Epoch. It is never encoded.
	Advance int
	// Regenerate is set by op=regen; the caller picks a seed with Reseed.
	Regenerate bool
}

// Sel names a neuron or a weight of the network; the zero value is none.
type Sel struct {
	Kind byte // 'n' neuron, 'w' weight, 0 none
	L    int  // the layer (of the neuron; the weight's target layer)
	I    int  // the weight's source neuron, 1-based, in layer L−1
	J    int  // the neuron, 1-based
}

// String returns the link form: "n2.1", "w2.3.1", or "".
func (s Sel) String() string {
	switch s.Kind {
	case 'n':
		return "n" + strconv.Itoa(s.L) + "." + strconv.Itoa(s.J)
	case 'w':
		return "w" + strconv.Itoa(s.L) + "." + strconv.Itoa(s.I) + "." + strconv.Itoa(s.J)
	}
	return ""
}

// ParseSel reads a Sel's link form.
func ParseSel(s string) (Sel, bool) {
	if len(s) < 2 || (s[0] != 'n' && s[0] != 'w') {
		return Sel{}, false
	}
	parts := strings.Split(s[1:], ".")
	want := 2
	if s[0] == 'w' {
		want = 3
	}
	if len(parts) != want {
		return Sel{}, false
	}
	nums := make([]int, want)
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || v > 99 || p != strconv.Itoa(v) {
			return Sel{}, false
		}
		nums[i] = v
	}
	if s[0] == 'n' {
		return Sel{Kind: 'n', L: nums[0], J: nums[1]}, true
	}
	return Sel{Kind: 'w', L: nums[0], I: nums[1], J: nums[2]}, true
}

// EditKind says what an Edit changes.
type EditKind string

// The kinds of Edit.
const (
	EditWeight  EditKind = "w"
	EditBias    EditKind = "b"
	EditLR      EditKind = "lr"
	EditBatch   EditKind = "bs"
	EditReg     EditKind = "reg"
	EditRegRate EditKind = "rr"
)

// Edit is one change made during a run. A weight or bias edit sets
// Target's value after Epoch epochs; a setting edit records that the
// epochs up to Epoch were trained with Value (or Reg).
type Edit struct {
	Epoch  int
	Kind   EditKind
	Target Sel     // w: the weight; b: the neuron
	Value  float64 // the weight, bias, learning rate, batch size or rate
	Reg    string  // for EditReg
}

// setting reports whether the edit records a training setting.
func (e Edit) setting() bool { return e.Kind != EditWeight && e.Kind != EditBias }

// String returns the edit's link form.
func (e Edit) String() string {
	s := strconv.Itoa(e.Epoch) + ","
	switch e.Kind {
	case EditWeight, EditBias:
		t := e.Target
		if e.Kind == EditBias {
			s += "b" + strconv.Itoa(t.L) + "." + strconv.Itoa(t.J)
		} else {
			s += t.String()
		}
		return s + "," + FormatNumber(e.Value)
	case EditReg:
		return s + "reg," + e.Reg
	}
	return s + string(e.Kind) + "," + FormatNumber(e.Value)
}

// DefaultNetwork returns the state of /network with no parameters:
// engine.DefaultConfig (the circle, 2 features, one hidden layer of 4 tanh
// neurons, a sigmoid output with cross-entropy) at epoch 0.
func DefaultNetwork() Network {
	c := engine.DefaultConfig()
	n := Network{
		Data: c.Dataset.Name(), Noise: c.Noise, Split: c.TrainPercent, Seed: c.Seed,
		Hidden: slices.Clone(c.Hidden), Act: c.Activation.Name(), Out: c.Output.Name(),
		LR: c.LearningRate, Batch: c.BatchSize, Reg: c.Regularization.Name(), RegRate: c.RegRate,
		Tool: ToolProbe, ProbeX: 1, ProbeY: 1,
	}
	for _, f := range c.Features {
		n.Features = append(n.Features, f.Name())
	}
	return n
}

// Regression reports whether the data is a regression dataset.
func (n *Network) Regression() bool {
	d, ok := engine.DatasetByName(n.Data)
	return ok && d.Regression()
}

// DefaultOutput returns the output a dataset starts with: the sigmoid with
// cross-entropy for classes, linear for regression.
func DefaultOutput(data string) string {
	if d, ok := engine.DatasetByName(data); ok && d.Regression() {
		return engine.LinearOutput.Name()
	}
	return engine.SigmoidOutput.Name()
}

// DefaultTool returns the tool a dataset starts with: placing points on
// one's own, the arithmetic at a point otherwise.
func DefaultTool(data string) string {
	if data == OwnData {
		return ToolPos
	}
	return ToolProbe
}

// DataNames lists the data tokens in the order the page offers them.
func DataNames() []string { return append(tokens(engine.Datasets(), engine.Dataset.Name), OwnData) }

func featureNames() []string { return tokens(engine.Features(), engine.Feature.Name) }

func outputNames() []string {
	return []string{engine.SigmoidOutput.Name(), engine.TanhOutput.Name(), engine.LinearOutput.Name()}
}

func regNames() []string { return tokens(engine.Regularizations(), engine.Regularization.Name) }

// Sizes returns the network's layer sizes from the inputs to the output.
func (n *Network) Sizes() []int {
	return append(append([]int{len(n.Features)}, n.Hidden...), 1)
}

// Params returns the number of weights and biases.
func (n *Network) Params() int {
	s := n.Sizes()
	p := 0
	for l := 1; l < len(s); l++ {
		p += s[l-1]*s[l] + s[l]
	}
	return p
}

// NumPoints returns the number of points the network learns from.
func (n *Network) NumPoints() int {
	if n.Data == OwnData {
		return len(n.Points)
	}
	d, _ := engine.DatasetByName(n.Data)
	return d.Size()
}

// Trainable reports whether there is data to train on: own data needs
// engine.MinPoints points.
func (n *Network) Trainable() bool {
	return n.Data != OwnData || len(n.Points) >= engine.MinPoints
}

// MaxEpoch returns the furthest epoch a link of this network and data may
// reach: MaxEpochs, or less where the replay's cost, epochs × points ×
// (parameters + ReplayOverhead), would pass MaxReplayCost; 0 when there is
// nothing to train on.
func (n *Network) MaxEpoch() int {
	if !n.Trainable() {
		return 0
	}
	return min(MaxEpochs, MaxReplayCost/(n.NumPoints()*(n.Params()+ReplayOverhead)))
}

// StartKey identifies what a run starts from (the data, the split, the
// seed and the network's shape): when it changes, the run starts again.
func (n *Network) StartKey() string {
	var w writer
	w.add("data", n.Data)
	if n.Data == OwnData {
		w.add("pts", encodePoints(n.Points))
	}
	w.add("noise", strconv.Itoa(n.Noise))
	w.add("train", strconv.Itoa(n.Split))
	w.add("seed", strconv.FormatUint(n.Seed, 10))
	w.add("in", strings.Join(n.Features, ","))
	w.add("h", joinInts(n.Hidden))
	w.add("act", n.Act)
	w.add("out", n.Out)
	h := fnv.New64a()
	h.Write([]byte(w.b.String()))
	return strconv.FormatUint(h.Sum64(), 36)
}

// ReplayQuery returns the canonical query of what the run depends on: the
// state without the language and the page's view settings, so the states
// that show one run differently share its replay.
func (n *Network) ReplayQuery() string {
	r := DefaultNetwork()
	r.Data, r.Noise, r.Split, r.Seed = n.Data, n.Noise, n.Split, n.Seed
	if n.Data == OwnData {
		r.Points = n.Points
	}
	r.Features, r.Hidden, r.Act, r.Out = n.Features, n.Hidden, n.Act, n.Out
	r.LR, r.Batch, r.Reg, r.RegRate = n.LR, n.Batch, n.Reg, n.RegRate
	r.Epoch, r.Edits = n.Epoch, n.Edits
	r.Tool = DefaultTool(n.Data)
	return r.Encode()
}

// Restart starts the run again at epoch 0 with the current settings: the
// recorded edits go, and a selection the network no longer has.
func (n *Network) Restart() {
	n.Epoch, n.Edits = 0, nil
	if !n.validSel(n.Sel) {
		n.Sel = Sel{}
	}
}

// Reseed sets a new seed (new data and initial weights) and restarts.
func (n *Network) Reseed(seed uint64) {
	n.Seed = seed % (MaxSeed + 1)
	n.Regenerate = false
	n.Restart()
}

// validSel reports whether s names a neuron or weight of n (or is none).
func (n *Network) validSel(s Sel) bool {
	sz := n.Sizes()
	switch s.Kind {
	case 0:
		return true
	case 'n':
		return s.L >= 0 && s.L < len(sz) && s.J >= 1 && s.J <= sz[s.L]
	case 'w':
		return s.L >= 1 && s.L < len(sz) && s.I >= 1 && s.I <= sz[s.L-1] && s.J >= 1 && s.J <= sz[s.L]
	}
	return false
}

// DecodeNetwork reads a /network link (or the page's form). On any invalid
// value it returns every error found and the defaults for them.
func DecodeNetwork(q url.Values) (Network, error) {
	r := reader{q: q}
	r.version()
	n := DefaultNetwork()
	n.Lang = r.lang()

	n.Data = r.token("data", n.Data, DataNames())
	if s, ok := r.single("pts"); ok && s != "" {
		pts, ok := decodePoints(s)
		switch {
		case !ok:
			r.errs = append(r.errs, &FieldError{Key: "pts", Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowNone}})
		case len(pts) > engine.MaxPoints:
			r.errs = append(r.errs, &FieldError{Key: "pts", Problem: TooMany, Got: len(pts), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: engine.MaxPoints}})
		default:
			n.Points = pts
		}
	}
	n.Noise = r.integer("noise", n.Noise, 0, engine.MaxNoise)
	n.Split = r.integer("train", n.Split, engine.MinTrainPercent, engine.MaxTrainPercent)
	if s, ok := r.single("seed"); ok {
		v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil || v > MaxSeed {
			p := OutOfRange
			if err != nil && !isRangeErr(err) {
				p = NotInteger
			}
			r.errs = append(r.errs, &FieldError{Key: "seed", Value: shorten(s), Problem: p, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: MaxSeed}})
		} else {
			n.Seed = v
		}
	}
	if vs, ok := r.q["in"]; ok {
		n.Features = r.features(vs)
	}
	if s, ok := r.single("h"); ok {
		n.Hidden = r.hidden(s)
	}
	n.Act = r.token("act", n.Act, activationNames())
	n.Out = r.token("out", DefaultOutput(n.Data), outputNames())
	n.LR = r.rate("lr", n.LR, false, engine.MaxLearningRate)
	n.Batch = r.integer("bs", n.Batch, 1, engine.MaxBatchSize)
	n.Reg = r.token("reg", n.Reg, regNames())
	n.RegRate = r.rate("rr", n.RegRate, true, engine.MaxRegRate)
	n.Epoch = r.integer("e", 0, 0, MaxEpochs)
	if vs, ok := r.q["ed"]; ok {
		n.Edits = r.edits(vs)
	}
	n.StopAt = r.integer("stop", 0, 0, MaxEpochs)
	n.StopLoss = r.rate("tl", 0, true, MaxStopLoss)
	n.ShowTest = r.flag("test")
	n.Discrete = r.flag("disc")
	n.Tool = r.token("tool", DefaultTool(n.Data), Tools())
	if s, ok := r.single("sel"); ok && s != "" {
		sel, ok := ParseSel(s)
		if !ok {
			r.errs = append(r.errs, &FieldError{Key: "sel", Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowOneOf, Options: []string{"n2.1", "w2.3.1"}}})
		} else {
			n.Sel = sel
		}
	}
	n.ProbeX = r.number("px", n.ProbeX, engine.PlaneRange)
	n.ProbeY = r.number("py", n.ProbeY, engine.PlaneRange)
	if len(r.errs) > 0 {
		return n, r.errs
	}

	// What the form was rendered with: a new dataset kind brings its own
	// output; a new start restarts the run; a setting changed mid-run is
	// an edit.
	if s, ok := r.single("pdata"); ok && slices.Contains(DataNames(), s) {
		_, outGiven := q["out"]
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
		r.priorSettings(&n)
	}

	r.check(&n)
	if len(r.errs) > 0 {
		return n, r.errs
	}
	if s, ok := r.single("op"); ok && s != "" {
		r.networkOp(&n, s)
	} else if _, ok := q["pt.x"]; ok {
		r.plotClick(&n)
	}
	n.Edits = canonicalEdits(n.Edits, &n)
	if len(r.errs) == 0 {
		r.checkCost(&n)
	}
	return n, r.errs.err()
}

// check reports the values that are fine alone but not together.
func (r *reader) check(n *Network) {
	if n.Data != OwnData && n.Tool != ToolProbe {
		r.errs = append(r.errs, &FieldError{Key: "tool", Value: n.Tool, Problem: Conflict, Allowed: Allowed{Kind: AllowOneOf, Options: []string{ToolProbe}}})
	}
	if !n.validSel(n.Sel) {
		r.errs = append(r.errs, &FieldError{Key: "sel", Value: n.Sel.String(), Problem: OutOfRange, Allowed: Allowed{Kind: AllowNone}})
	}
	for i, e := range n.Edits {
		switch {
		case e.Epoch > n.Epoch:
			r.errs = append(r.errs, &FieldError{Key: "ed", Index: i + 1, Value: e.String(), Problem: OutOfRange, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(n.Epoch)}})
		case e.Kind == EditWeight && !n.validSel(e.Target), e.Kind == EditBias && (e.Target.L < 1 || !n.validSel(e.Target)):
			r.errs = append(r.errs, &FieldError{Key: "ed", Index: i + 1, Value: e.String(), Problem: Conflict, Allowed: Allowed{Kind: AllowNone}})
		}
	}
}

// checkCost reports an epoch past what the server may replay.
func (r *reader) checkCost(n *Network) {
	if m := n.MaxEpoch(); n.Epoch > m {
		r.errs = append(r.errs, &FieldError{Key: "e", Value: strconv.Itoa(n.Epoch), Problem: TooCostly, Got: n.Epoch, Want: m, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(m)}})
	}
}

// priorSettings records the training settings the form was rendered with,
// when they differ from the new ones, as edits at the current epoch.
func (r *reader) priorSettings(n *Network) {
	if s, ok := r.single("plr"); ok {
		if v, fe := parseNumber("plr", 0, s, engine.MaxLearningRate); fe == nil && v >= MinRate && v != n.LR {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditLR, Value: v})
		}
	}
	if s, ok := r.single("pbs"); ok {
		if v, err := strconv.Atoi(s); err == nil && v >= 1 && v <= engine.MaxBatchSize && v != n.Batch {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditBatch, Value: float64(v)})
		}
	}
	if s, ok := r.single("preg"); ok && slices.Contains(regNames(), s) && s != n.Reg {
		n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditReg, Reg: s})
	}
	if s, ok := r.single("prr"); ok {
		if v, fe := parseNumber("prr", 0, s, engine.MaxRegRate); fe == nil && v >= 0 && v != n.RegRate {
			n.Edits = append(n.Edits, Edit{Epoch: n.Epoch, Kind: EditRegRate, Value: v})
		}
	}
}

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
		l, err := strconv.Atoi(s[5:])
		if err == nil && l >= 1 && l <= len(n.Hidden) && s[5:] == strconv.Itoa(l) {
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
		v, fe := parseNumber("wv", 0, raw, MaxAbsWeight)
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
	px, fx := parseNumber("pt.x", 0, sx, PlotSize)
	py, fy := parseNumber("pt.y", 0, sy, PlotSize)
	for _, fe := range []*FieldError{fx, fy} {
		if fe != nil {
			fe.Allowed = Allowed{Kind: AllowNumber, Min: 0, Max: PlotSize}
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

// integer reads the optional whole number key in [lo, hi].
func (r *reader) integer(key string, def, lo, hi int) int {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseNumber(key, 0, s, math.MaxFloat64)
	if fe == nil && v != math.Trunc(v) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: NotInteger}
	}
	if fe == nil && (v < float64(lo) || v > float64(hi)) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: OutOfRange}
	}
	if fe != nil {
		fe.Allowed = Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}
		r.errs = append(r.errs, fe)
		return def
	}
	return int(v)
}

// rate reads a non-negative number up to hi; zero is allowed if zeroOK.
func (r *reader) rate(key string, def float64, zeroOK bool, hi float64) float64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseNumber(key, 0, s, hi)
	if fe == nil && (v < 0 || v < MinRate && !zeroOK) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: OutOfRange}
	}
	if fe != nil {
		lo := 0.0
		if !zeroOK {
			lo = MinRate
		}
		fe.Allowed = Allowed{Kind: AllowNumber, Min: lo, Max: hi}
		r.errs = append(r.errs, fe)
		return def
	}
	return v
}

// flag reads a checkbox: absent, or "1".
func (r *reader) flag(key string) bool {
	s, ok := r.single(key)
	if !ok {
		return false
	}
	if s == "1" || s == "0" {
		return s == "1"
	}
	r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: []string{"1", "0"}}})
	return false
}

// features reads the feature set: every value of in, each a comma list;
// the form's empty marker adds nothing. The result is in registry order.
func (r *reader) features(vs []string) []string {
	names := featureNames()
	set := map[string]bool{}
	bad := false
	for _, v := range vs {
		for _, t := range strings.Split(v, ",") {
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			if !slices.Contains(names, t) {
				r.errs = append(r.errs, &FieldError{Key: "in", Value: shorten(t), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: names}})
				bad = true
				continue
			}
			set[t] = true
		}
	}
	var out []string
	for _, name := range names {
		if set[name] {
			out = append(out, name)
		}
	}
	if len(out) == 0 && !bad {
		r.errs = append(r.errs, &FieldError{Key: "in", Problem: TooFew, Got: 0, Allowed: Allowed{Kind: AllowCount, Min: 1, Max: float64(len(names))}})
	}
	if len(out) == 0 {
		return DefaultNetwork().Features
	}
	return out
}

// hidden reads the hidden layer sizes: "4,2", or "" for none.
func (r *reader) hidden(s string) []int {
	if strings.TrimSpace(s) == "" {
		return []int{}
	}
	parts := strings.Split(s, ",")
	if len(parts) > engine.MaxHiddenLayers {
		r.errs = append(r.errs, &FieldError{Key: "h", Value: shorten(s), Problem: TooMany, Got: len(parts), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: engine.MaxHiddenLayers}})
		return DefaultNetwork().Hidden
	}
	out := make([]int, len(parts))
	for i, p := range parts {
		v, fe := parseNumber("h", i+1, p, math.MaxFloat64)
		if fe == nil && v != math.Trunc(v) {
			fe = &FieldError{Key: "h", Index: i + 1, Value: shorten(p), Problem: NotInteger}
		}
		if fe == nil && (v < 1 || v > engine.MaxLayerSize) {
			fe = &FieldError{Key: "h", Index: i + 1, Value: shorten(p), Problem: OutOfRange}
		}
		if fe != nil {
			fe.Allowed = Allowed{Kind: AllowCount, Min: 1, Max: engine.MaxLayerSize}
			r.errs = append(r.errs, fe)
			return DefaultNetwork().Hidden
		}
		out[i] = int(v)
	}
	return out
}

// edits reads the ed list; shapes and epochs are checked later.
func (r *reader) edits(vs []string) []Edit {
	if len(vs) > MaxEdits {
		r.errs = append(r.errs, &FieldError{Key: "ed", Problem: TooMany, Got: len(vs), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: MaxEdits}})
		return nil
	}
	var out []Edit
	for i, v := range vs {
		e, ok := parseEdit(v)
		if !ok {
			r.errs = append(r.errs, &FieldError{Key: "ed", Index: i + 1, Value: shorten(v), Problem: Malformed,
				Allowed: Allowed{Kind: AllowOneOf, Options: []string{"E,w2.3.1,V", "E,b2.1,V", "E,lr,V", "E,bs,N", "E,reg,l2", "E,rr,V"}}})
			continue
		}
		out = append(out, e)
	}
	return out
}

// parseEdit reads one edit's link form, with its values within limits.
func parseEdit(s string) (Edit, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return Edit{}, false
	}
	ep, err := strconv.Atoi(parts[0])
	if err != nil || ep < 0 || ep > MaxEpochs || parts[0] != strconv.Itoa(ep) {
		return Edit{}, false
	}
	e := Edit{Epoch: ep}
	num := func(limit float64) bool {
		v, fe := parseNumber("ed", 0, parts[2], limit)
		e.Value = v
		return fe == nil && strings.TrimSpace(parts[2]) == parts[2]
	}
	switch k := parts[1]; {
	case k == "lr":
		e.Kind = EditLR
		return e, num(engine.MaxLearningRate) && e.Value >= MinRate
	case k == "rr":
		e.Kind = EditRegRate
		return e, num(engine.MaxRegRate) && e.Value >= 0
	case k == "bs":
		e.Kind = EditBatch
		v, err := strconv.Atoi(parts[2])
		e.Value = float64(v)
		return e, err == nil && v >= 1 && v <= engine.MaxBatchSize
	case k == "reg":
		e.Kind, e.Reg = EditReg, parts[2]
		return e, slices.Contains(regNames(), parts[2])
	case strings.HasPrefix(k, "w"):
		t, ok := ParseSel(k)
		e.Kind, e.Target = EditWeight, t
		return e, ok && t.Kind == 'w' && num(MaxAbsWeight)
	case strings.HasPrefix(k, "b"):
		t, ok := ParseSel("n" + k[1:])
		e.Kind, e.Target = EditBias, t
		return e, ok && num(MaxAbsWeight)
	}
	return Edit{}, false
}

// Values returns n's canonical parameters as url.Values, for callers
// that need one parameter's canonical value (the form's hidden fields).
func (n Network) Values() url.Values {
	q, err := ParseQuery(n.Encode())
	if err != nil {
		panic("state: a network state encodes to a query it cannot parse: " + err.Error())
	}
	return q
}

// Encode returns n's canonical query string ("" for the default state).
func (n Network) Encode() string {
	var w writer
	def := DefaultNetwork()
	if n.Lang != "" {
		w.add("lang", string(n.Lang))
	}
	if n.Data != def.Data {
		w.add("data", n.Data)
	}
	if len(n.Points) > 0 {
		w.add("pts", encodePoints(n.Points)) // kept with other data, so switching back restores them
	}
	if n.Noise != def.Noise {
		w.add("noise", strconv.Itoa(n.Noise))
	}
	if n.Split != def.Split {
		w.add("train", strconv.Itoa(n.Split))
	}
	if n.Seed != def.Seed {
		w.add("seed", strconv.FormatUint(n.Seed, 10))
	}
	if !slices.Equal(n.Features, def.Features) {
		w.add("in", strings.Join(n.Features, ","))
	}
	if !slices.Equal(n.Hidden, def.Hidden) {
		w.add("h", joinInts(n.Hidden))
	}
	if n.Act != def.Act {
		w.add("act", n.Act)
	}
	if n.Out != DefaultOutput(n.Data) {
		w.add("out", n.Out)
	}
	if n.LR != def.LR {
		w.add("lr", FormatNumber(n.LR))
	}
	if n.Batch != def.Batch {
		w.add("bs", strconv.Itoa(n.Batch))
	}
	if n.Reg != def.Reg {
		w.add("reg", n.Reg)
	}
	if n.RegRate != def.RegRate {
		w.add("rr", FormatNumber(n.RegRate))
	}
	if n.Epoch != 0 {
		w.add("e", strconv.Itoa(n.Epoch))
	}
	for _, e := range n.Edits {
		w.add("ed", e.String())
	}
	if n.StopAt != 0 {
		w.add("stop", strconv.Itoa(n.StopAt))
	}
	if n.StopLoss != 0 {
		w.add("tl", FormatNumber(n.StopLoss))
	}
	if n.ShowTest {
		w.add("test", "1")
	}
	if n.Discrete {
		w.add("disc", "1")
	}
	if n.Tool != DefaultTool(n.Data) {
		w.add("tool", n.Tool)
	}
	if n.Sel.Kind != 0 {
		w.add("sel", n.Sel.String())
	}
	if n.ProbeX != def.ProbeX {
		w.add("px", FormatNumber(n.ProbeX))
	}
	if n.ProbeY != def.ProbeY {
		w.add("py", FormatNumber(n.ProbeY))
	}
	return w.finish()
}

func joinInts(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}

// Config returns the engine configuration of n's start, with the training
// settings of its first epoch. It assumes n is valid.
func (n *Network) Config() engine.Config {
	c := engine.DefaultConfig()
	if n.Data == OwnData {
		c.Points = slices.Clone(n.Points)
	} else {
		c.Dataset, _ = engine.DatasetByName(n.Data)
	}
	c.Noise, c.TrainPercent, c.Seed = n.Noise, n.Split, n.Seed
	c.Features = nil
	for _, name := range n.Features {
		f, _ := engine.FeatureByName(name)
		c.Features = append(c.Features, f)
	}
	c.Hidden = slices.Clone(n.Hidden)
	c.Activation, _ = engine.ActivationByName(n.Act)
	c.Output, _ = engine.OutputByName(n.Out)
	lr, bs, reg, rr := n.SettingsAt(1)
	c.LearningRate, c.BatchSize, c.RegRate = lr, bs, rr
	c.Regularization, _ = engine.RegularizationByName(reg)
	return c
}
