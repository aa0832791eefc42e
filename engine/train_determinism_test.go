package engine_test

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"nnplay/engine"
)

// trainChecksum is the checksum of TestTrainingDeterminism's values,
// computed natively on linux/amd64. The same test passes under GOOS=js
// GOARCH=wasm and with GOAMD64=v3 (where the compiler may emit FMA), which
// shows that data generation, training and the heatmaps are bit-identical
// on all three.
const trainChecksum = 0x8011c588108b219e

// TestTrainingDeterminism hashes the exact bits of every dataset at several
// noise levels, and of the weights, metrics and heatmaps of playgrounds
// trained with every activation, every output, L1 and L2, several layer
// sizes and features, and of a softmax network.
func TestTrainingDeterminism(t *testing.T) {
	t.Parallel()
	c := newChecksum()
	for _, d := range engine.Datasets() {
		for _, noise := range []float64{0, 0.3, 0.5} {
			pts := d.Generate(rand.New(rand.NewPCG(3, 4)), d.Size(), noise)
			train, test := engine.Split(pts, 30, rand.New(rand.NewPCG(5, 6)))
			for _, p := range append(train, test...) {
				c.add(p.X, p.Y, p.Label)
			}
		}
	}
	acts := engine.Activations()
	shapes := [][]int{{4}, {8}, {16, 3}, {2, 5, 2}, {1}, nil}
	feats := [][]engine.Feature{
		engine.DefaultFeatures(),
		engine.Features(),
		{engine.FeatureX1Squared, engine.FeatureX2Squared, engine.FeatureSinX1},
	}
	regs := engine.Regularizations()
	datasets := engine.Datasets()
	var buf []byte
	var grids []engine.Grid
	k, diverged := 0, 0
	for _, out := range []engine.Output{engine.SigmoidOutput, engine.TanhOutput, engine.LinearOutput} {
		for _, act := range acts {
			cfg := engine.DefaultConfig()
			cfg.Activation, cfg.Output = act, out
			cfg.Hidden = shapes[k%len(shapes)]
			cfg.Features = feats[k%len(feats)]
			cfg.Regularization, cfg.RegRate = regs[k%len(regs)], 0.003
			cfg.Dataset = datasets[k%4]
			if out == engine.LinearOutput {
				cfg.Dataset = datasets[4+k%2]
			}
			cfg.Noise, cfg.TrainPercent, cfg.BatchSize, cfg.Seed = 5*(k%11), 10+10*(k%9), 1+k%30, uint64(k)
			cfg.LearningRate = 0.03
			k++
			p, err := engine.NewPlayground(cfg)
			if err != nil {
				t.Fatalf("%s/%s: %v", out.Name(), act.Name(), err)
			}
			for range 15 {
				if err := p.Step(); err != nil {
					// Divergence is deterministic too: hash where.
					c.add(float64(p.Epoch()))
					diverged++
					break
				}
			}
			c.add(p.MLP().ParamsTo(nil)...)
			h := p.History()
			for i := range h.Len() {
				m := h.At(i)
				c.add(m.TrainLoss, m.TestLoss, m.TrainAccuracy, m.TestAccuracy)
			}
			buf = p.BoundaryTo(buf, 25)
			for i := 0; i+8 <= len(buf); i += 8 {
				var v uint64
				for _, b := range buf[i : i+8] {
					v = v<<8 | uint64(b)
				}
				c.add(float64(v))
			}
			grids = p.GridsTo(grids, 9)
			for _, g := range grids {
				c.add(g.Values...)
			}
		}
	}
	// A softmax network on three classes.
	rng := rand.New(rand.NewPCG(9, 9))
	x := make([]float64, 60*4)
	y := make([]float64, 60)
	for i := range x {
		x[i] = rng.Float64()*2 - 1
	}
	for i := range y {
		y[i] = float64(rng.IntN(3))
	}
	m := engine.NewMLP([]int{4, 6, 3}, engine.ELU, engine.SoftmaxOutput)
	m.Init(rng)
	if err := m.Train(x, y, engine.SGD{LearningRate: 0.1, BatchSize: 7, Regularization: engine.L1, RegRate: 0.01}, 20); err != nil {
		t.Fatal(err)
	}
	l, a := m.Evaluate(x, y)
	c.add(l, a)
	c.add(m.ParamsTo(nil)...)
	t.Logf("%s/%s: checksum %#x (%d of %d playgrounds diverged)", runtime.GOOS, runtime.GOARCH, c.sum, diverged, k)
	if c.sum != trainChecksum {
		t.Errorf("checksum %#x, want %#x", c.sum, uint64(trainChecksum))
	}
}
