package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
)

// Limits of a playground Config, as the page offers them.
const (
	MaxHiddenLayers = 6   // hidden layers, from 0
	MaxLayerSize    = 16  // neurons in a hidden layer, from 1
	MaxBatchSize    = 30  // examples per SGD step, from 1
	MaxNoise        = 50  // percent
	MinTrainPercent = 10  // percent of the points used for training
	MaxTrainPercent = 90  //
	MaxPoints       = 500 // user's own points, from MinPoints
	MinPoints       = 2   // so that the training and test sets are not empty
	MaxLearningRate = 10  // learning rates lie in (0, MaxLearningRate]
	MaxRegRate      = 10  // regularization rates lie in [0, MaxRegRate]
)

// Config is the state of the network exercise: the data, the network and
// its training, as TensorFlow Playground's controls set them.
type Config struct {
	// The data: Dataset's generator, or the user's own Points when there
	// are any, shuffled and split by TrainPercent.
	Dataset      Dataset
	Points       []Point
	Noise        int // percent, 0 … MaxNoise; ignored for Points
	TrainPercent int // MinTrainPercent … MaxTrainPercent

	// The network: the input features, the sizes of the hidden layers, their
	// activation and the output (sigmoid, tanh or linear: one unit).
	Features   []Feature
	Hidden     []int
	Activation Activation
	Output     Output

	// The training, as SGD: these may change without resetting the network.
	LearningRate   float64
	BatchSize      int
	Regularization Regularization
	RegRate        float64

	// Seed seeds the data (stream 1 of a PCG) and the initial weights
	// (stream 2), so the same Config always starts from the same state.
	Seed uint64
}

// DefaultConfig returns the configuration a new exercise starts with:
// TensorFlow Playground's defaults (circle, no noise, half the points for
// training, x₁ and x₂, tanh, learning rate 0.03, batch size 10) with one
// hidden layer of 4 neurons and a sigmoid output trained with
// cross-entropy.
func DefaultConfig() Config {
	return Config{
		Dataset:      Circle,
		TrainPercent: 50,
		Features:     DefaultFeatures(),
		Hidden:       []int{4},
		Activation:   Tanh,
		Output:       SigmoidOutput,
		LearningRate: 0.03,
		BatchSize:    10,
		Seed:         1,
	}
}

// ConfigError reports a Config field whose value is outside its limits.
type ConfigError struct {
	Field string // the Config field, such as "Hidden"
	Msg   string // what is wrong, with the allowed range
}

func (e *ConfigError) Error() string { return "engine: " + e.Field + ": " + e.Msg }

func cfgErr(field string, msg ...string) error {
	e := &ConfigError{Field: field}
	for _, m := range msg {
		e.Msg += m
	}
	return e
}

// cfgItoa and cfgFtoa format numbers for messages without package fmt, which
// would add to the wasm module's size.
func cfgItoa(i int) string { return strconv.Itoa(i) }

func cfgFtoa(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// Validate returns a *ConfigError for the first field of c outside its
// limits, or nil.
func (c Config) Validate() error {
	if len(c.Points) > 0 {
		if len(c.Points) < MinPoints || len(c.Points) > MaxPoints {
			return cfgErr("Points", cfgItoa(len(c.Points)), " points, want ", cfgItoa(MinPoints), " to ", cfgItoa(MaxPoints))
		}
		for i, p := range c.Points {
			if !(math.Abs(p.X) <= PlaneRange && math.Abs(p.Y) <= PlaneRange) {
				return cfgErr("Points", "point ", cfgItoa(i), " at (", cfgFtoa(p.X), ", ", cfgFtoa(p.Y), ") is outside [−6, 6]²")
			}
			if !(math.Abs(p.Label) <= 1) {
				return cfgErr("Points", "point ", cfgItoa(i), " has label ", cfgFtoa(p.Label), ", want −1 to 1")
			}
		}
	} else if c.Dataset.gen == nil {
		return cfgErr("Dataset", "no dataset and no points")
	}
	if c.Noise < 0 || c.Noise > MaxNoise {
		return cfgErr("Noise", cfgItoa(c.Noise), " %, want 0 to ", cfgItoa(MaxNoise))
	}
	if c.TrainPercent < MinTrainPercent || c.TrainPercent > MaxTrainPercent {
		return cfgErr("TrainPercent", cfgItoa(c.TrainPercent), " %, want ", cfgItoa(MinTrainPercent), " to ", cfgItoa(MaxTrainPercent))
	}
	if len(c.Features) == 0 {
		return cfgErr("Features", "no input features")
	}
	for i, f := range c.Features {
		if f.kind == featNone {
			return cfgErr("Features", "feature ", cfgItoa(i), " is the zero Feature")
		}
		for _, g := range c.Features[:i] {
			if g.kind == f.kind {
				return cfgErr("Features", f.name, " is listed twice")
			}
		}
	}
	if len(c.Hidden) > MaxHiddenLayers {
		return cfgErr("Hidden", cfgItoa(len(c.Hidden)), " hidden layers, want 0 to ", cfgItoa(MaxHiddenLayers))
	}
	for i, s := range c.Hidden {
		if s < 1 || s > MaxLayerSize {
			return cfgErr("Hidden", "hidden layer ", cfgItoa(i+1), " has ", cfgItoa(s), " neurons, want 1 to ", cfgItoa(MaxLayerSize))
		}
	}
	if c.Activation.f == nil {
		return cfgErr("Activation", "no activation")
	}
	switch c.Output.kind {
	case outSigmoid, outTanh, outLinear:
	default:
		return cfgErr("Output", strconv.Quote(c.Output.Name()), ", want sigmoid, tanh or linear")
	}
	if !(c.LearningRate > 0 && c.LearningRate <= MaxLearningRate) {
		return cfgErr("LearningRate", cfgFtoa(c.LearningRate), ", want more than 0 and at most ", cfgItoa(MaxLearningRate))
	}
	if c.BatchSize < 1 || c.BatchSize > MaxBatchSize {
		return cfgErr("BatchSize", cfgItoa(c.BatchSize), ", want 1 to ", cfgItoa(MaxBatchSize))
	}
	if c.Regularization.kind > regL2 {
		return cfgErr("Regularization", "unknown regularization")
	}
	if !(c.RegRate >= 0 && c.RegRate <= MaxRegRate) {
		return cfgErr("RegRate", cfgFtoa(c.RegRate), ", want 0 to ", cfgItoa(MaxRegRate))
	}
	return nil
}

// SGD returns c's training settings.
func (c Config) SGD() SGD {
	return SGD{LearningRate: c.LearningRate, BatchSize: c.BatchSize, Regularization: c.Regularization, RegRate: c.RegRate}
}

// sameStart reports whether c and d start from the same data and initial
// network, that is, differ at most in their training settings.
func (c *Config) sameStart(d *Config) bool {
	return c.Dataset.name == d.Dataset.name && slices.Equal(c.Points, d.Points) &&
		c.Noise == d.Noise && c.TrainPercent == d.TrainPercent &&
		slices.EqualFunc(c.Features, d.Features, func(f, g Feature) bool { return f.kind == g.kind }) &&
		slices.Equal(c.Hidden, d.Hidden) && c.Activation.name == d.Activation.name &&
		c.Output == d.Output && c.Seed == d.Seed
}

// clone returns c with its own copies of the slices.
func (c Config) clone() Config {
	c.Points = slices.Clone(c.Points)
	c.Features = slices.Clone(c.Features)
	c.Hidden = slices.Clone(c.Hidden)
	return c
}

// Playground is the network exercise: a Config's data, its network, the
// training epoch by epoch and the History of its Metrics. One Step is one
// epoch, as TensorFlow Playground's Step button.
//
// A Playground's methods must not be called concurrently.
type Playground struct {
	cfg         Config
	mlp         *MLP
	train, test []Point
	xTrain      []float64 // the training points' features, row-major
	tTrain      []float64 // their targets
	xTest       []float64
	tTest       []float64
	epoch       int
	hist        History
	snap        []float64
}

// NewPlayground returns the exercise c describes at epoch 0: its data
// generated and split and its network initialised (MLP.Init) from c.Seed.
// It returns the error of c.Validate if c is not valid.
func NewPlayground(c Config) (*Playground, error) {
	p := &Playground{}
	if err := p.start(c); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Playground) start(c Config) error {
	if err := c.Validate(); err != nil {
		return err
	}
	p.cfg = c.clone()
	c = p.cfg
	rng := rand.New(rand.NewPCG(c.Seed, 1))
	pts := c.Points
	if len(pts) == 0 {
		pts = c.Dataset.Generate(rng, c.Dataset.Size(), float64(c.Noise)/100)
	}
	p.train, p.test = Split(pts, c.TrainPercent, rng)
	sizes := append(append([]int{len(c.Features)}, c.Hidden...), 1)
	p.mlp = NewMLP(sizes, c.Activation, c.Output)
	p.xTrain = FeaturesTo(p.xTrain, c.Features, p.train)
	p.xTest = FeaturesTo(p.xTest, c.Features, p.test)
	p.tTrain = targetsTo(p.tTrain, c.Output, p.train)
	p.tTest = targetsTo(p.tTest, c.Output, p.test)
	p.Reset()
	return nil
}

func targetsTo(dst []float64, o Output, pts []Point) []float64 {
	dst = resize(dst, len(pts))
	for i, pt := range pts {
		dst[i] = o.target(pt.Label)
	}
	return dst
}

// Reset initialises the network again from the seed (MLP.Init), sets the
// epoch to 0 and restarts the History with the Metrics of epoch 0.
func (p *Playground) Reset() {
	p.mlp.Init(rand.New(rand.NewPCG(p.cfg.Seed, 2)))
	p.epoch = 0
	p.hist.Reset()
	p.hist.Append(p.Metrics())
}

// Resume puts the network at a checkpoint: params (in the order of
// MLP.ParamsTo) as they were after epoch epochs. The History restarts with
// the Metrics of that epoch. Training on from there gives, bit for bit,
// what training on from the original run would: an epoch visits the
// training points in their fixed order and plain SGD keeps no other
// state. It panics if len(params) != MLP().NumParams() or epoch < 0.
func (p *Playground) Resume(epoch int, params []float64) {
	if epoch < 0 {
		panic("engine: negative epoch")
	}
	p.mlp.SetParams(params)
	p.epoch = epoch
	p.hist.Reset()
	p.hist.Append(p.Metrics())
}

// Config returns the playground's configuration.
func (p *Playground) Config() Config { return p.cfg.clone() }

// SetConfig changes the configuration to c. If c differs from the current
// one only in its training settings (LearningRate, BatchSize,
// Regularization, RegRate), the network keeps its weights, epoch and
// History; otherwise the playground starts again as NewPlayground(c) would,
// and SetConfig reports reset. If c is not valid, SetConfig returns the
// error of c.Validate and changes nothing.
func (p *Playground) SetConfig(c Config) (reset bool, err error) {
	if err := c.Validate(); err != nil {
		return false, err
	}
	if p.cfg.sameStart(&c) {
		p.cfg.LearningRate, p.cfg.BatchSize = c.LearningRate, c.BatchSize
		p.cfg.Regularization, p.cfg.RegRate = c.Regularization, c.RegRate
		return false, nil
	}
	return true, p.start(c)
}

// Step trains the network for one epoch, one pass over the training points
// in their (shuffled) order, and appends the new Metrics to the History. If
// the training loss, the test loss or a weight becomes infinite or NaN,
// Step restores the network as it was and returns ErrDiverged.
func (p *Playground) Step() error {
	p.snap = p.mlp.ParamsTo(p.snap)
	if err := p.mlp.Train(p.xTrain, p.tTrain, p.cfg.SGD(), 1); err != nil {
		return err
	}
	p.epoch++
	m := p.Metrics()
	if math.IsNaN(m.TrainLoss) || math.IsInf(m.TrainLoss, 0) || math.IsNaN(m.TestLoss) || math.IsInf(m.TestLoss, 0) {
		p.mlp.SetParams(p.snap)
		p.epoch--
		return ErrDiverged
	}
	p.hist.Append(m)
	return nil
}

// Epoch returns the number of epochs trained since the start.
func (p *Playground) Epoch() int { return p.epoch }

// Metrics returns the network's scores now, at the current epoch. It
// differs from the History's last record after the weights are edited.
func (p *Playground) Metrics() Metrics {
	m := Metrics{Epoch: p.epoch}
	m.TrainLoss, m.TrainAccuracy = p.mlp.Evaluate(p.xTrain, p.tTrain)
	m.TestLoss, m.TestAccuracy = p.mlp.Evaluate(p.xTest, p.tTest)
	return m
}

// History returns the record of Metrics since the start. It is the
// playground's own, updated by later calls to Step.
func (p *Playground) History() *History { return &p.hist }

// MLP returns the network, whose weights the caller may read and set. Its
// inputs are the configured features, in order.
func (p *Playground) MLP() *MLP { return p.mlp }

// TrainPoints returns the training points, in training order. The slice
// is the playground's own and must not be modified.
func (p *Playground) TrainPoints() []Point { return p.train }

// TestPoints returns the test points. The slice is the playground's own
// and must not be modified.
func (p *Playground) TestPoints() []Point { return p.test }

// HiddenNeurons returns the number of neurons in the hidden layers, so that
// BoundaryTo gives 1 + HiddenNeurons() heatmaps.
func (p *Playground) HiddenNeurons() int { return p.mlp.hiddenNeurons() }

// Predict returns the network's output at the point (x1, x2).
func (p *Playground) Predict(x1, x2 float64) float64 {
	x := FeaturesTo(nil, p.cfg.Features, []Point{{X: x1, Y: x2}})
	p.mlp.forward(x, 1)
	return p.mlp.a[len(p.mlp.sizes)-1][0]
}

// BoundaryTo writes the heatmaps of the output and every hidden neuron
// over an n×n grid of the plane to dst, as the function BoundaryTo does.
func (p *Playground) BoundaryTo(dst []byte, n int) []byte {
	return BoundaryTo(dst, p.mlp, p.cfg.Features, n)
}
