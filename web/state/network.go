package state

import (
	"hash/fnv"
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
	// MaxEpochs bounds the epoch a link may reach, whatever the network:
	// past the replay bound a link carries a checkpoint, so this is no
	// ceiling a student meets (hours of Play), only a bound on the numbers.
	MaxEpochs = 1_000_000
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
//	ck     the run's checkpoint, when e is past the replay bound
//	       (network_checkpoint.go): the weights at an epoch, from which
//	       the server replays at most the bound
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
	Lang       i18n.Lang
	Data       string
	Points     []engine.Point
	Noise      int
	Split      int
	Seed       uint64
	Features   []string
	Hidden     []int
	Act        string
	Out        string
	LR         float64
	Batch      int
	Reg        string
	RegRate    float64
	Epoch      int
	Checkpoint *Checkpoint // past the replay bound: the run at an epoch, nil before
	Edits      []Edit
	StopAt     int
	StopLoss   float64
	ShowTest   bool
	Discrete   bool
	Tool       string
	Sel        Sel
	ProbeX     float64
	ProbeY     float64

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
		v, ok := tokenIndex(p)
		if !ok || v > 99 {
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

// OutputNames lists the output tokens in the order the page offers them:
// the engine's outputs of one unit (softmax needs one unit per class).
func OutputNames() []string {
	var out []string
	for _, o := range engine.Outputs() {
		if o != engine.SoftmaxOutput {
			out = append(out, o.Name())
		}
	}
	return out
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

// ReplayBound returns the most epochs the server replays for a link of
// this network and data: MaxEpochs, or less where the replay's cost,
// epochs × points × (parameters + ReplayOverhead), would pass
// MaxReplayCost; 0 when there is nothing to train on. A link past it
// carries a checkpoint at most this many epochs back.
func (n *Network) ReplayBound() int {
	if !n.Trainable() {
		return 0
	}
	return min(MaxEpochs, MaxReplayCost/(n.NumPoints()*(n.Params()+ReplayOverhead)))
}

// MaxEpoch returns the furthest epoch a link of this network may reach:
// MaxEpochs when a checkpoint fits in its link, else the replay bound.
func (n *Network) MaxEpoch() int {
	if b := n.ReplayBound(); b == 0 || !n.CheckpointFits() {
		return b
	}
	return MaxEpochs
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
	r.Epoch, r.Checkpoint, r.Edits = n.Epoch, n.Checkpoint, n.Edits
	r.Tool = DefaultTool(n.Data)
	return r.Encode()
}

// Restart starts the run again at epoch 0 with the current settings: the
// recorded edits go, and a selection the network no longer has.
func (n *Network) Restart() {
	n.Epoch, n.Checkpoint, n.Edits = 0, nil, nil
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
