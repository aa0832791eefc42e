package engine_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"nnplay/engine"
)

func TestOutputRegistries(t *testing.T) {
	t.Parallel()
	outs := engine.Outputs()
	want := []struct {
		name, loss string
		class      bool
	}{{"sigmoid", "cross-entropy", true}, {"tanh", "squared", true}, {"linear", "squared", false}, {"softmax", "cross-entropy", true}}
	if len(outs) != len(want) {
		t.Fatalf("%d outputs", len(outs))
	}
	for i, o := range outs {
		if o.Name() != want[i].name || o.Loss().Name() != want[i].loss || o.Classification() != want[i].class || o.Formula() == "" {
			t.Errorf("output %d = %s %s %v", i, o.Name(), o.Loss().Name(), o.Classification())
		}
		if p, ok := engine.OutputByName(o.Name()); !ok || p != o {
			t.Errorf("OutputByName(%q) = %v, %v", o.Name(), p, ok)
		}
	}
	for i, l := range engine.Losses() {
		if l.Name() != []string{"squared", "cross-entropy"}[i] || l.Formula() == "" {
			t.Errorf("loss %d = %q", i, l.Name())
		}
		if m, ok := engine.LossByName(l.Name()); !ok || m != l {
			t.Errorf("LossByName(%q) = %v, %v", l.Name(), m, ok)
		}
	}
	for i, r := range engine.Regularizations() {
		if r.Name() != []string{"none", "l1", "l2"}[i] || r.Formula() == "" {
			t.Errorf("regularization %d = %q", i, r.Name())
		}
		if s, ok := engine.RegularizationByName(r.Name()); !ok || s != r {
			t.Errorf("RegularizationByName(%q) = %v, %v", r.Name(), s, ok)
		}
	}
	if (engine.Regularization{}) != engine.NoRegularization {
		t.Error("the zero Regularization is not NoRegularization")
	}
	for _, name := range []string{"", "L1", "mse", "relu"} {
		_, ok1 := engine.OutputByName(name)
		_, ok2 := engine.LossByName(name)
		_, ok3 := engine.RegularizationByName(name)
		if ok1 || ok2 || ok3 {
			t.Errorf("%q found", name)
		}
	}
}

func TestMLPParams(t *testing.T) {
	t.Parallel()
	m := engine.NewMLP([]int{3, 4, 2}, engine.ReLU, engine.LinearOutput)
	if m.NumParams() != 3*4+4+4*2+2 || m.Layers() != 2 || !slices.Equal(m.Sizes(), []int{3, 4, 2}) {
		t.Fatalf("NumParams %d, Layers %d, Sizes %v", m.NumParams(), m.Layers(), m.Sizes())
	}
	if m.Hidden().Name() != "relu" || m.Output() != engine.LinearOutput {
		t.Error("Hidden or Output")
	}
	p := make([]float64, m.NumParams())
	for i := range p {
		p[i] = float64(i)
	}
	m.SetParams(p)
	// ParamsTo's documented order: layer 1 weights w[i][j] (i outer), its
	// biases, then layer 2.
	if m.Weight(1, 0, 0) != 0 || m.Weight(1, 0, 3) != 3 || m.Weight(1, 2, 1) != 9 || m.Bias(1, 0) != 12 || m.Bias(1, 3) != 15 ||
		m.Weight(2, 0, 0) != 16 || m.Weight(2, 3, 1) != 23 || m.Bias(2, 1) != 25 {
		t.Error("ParamsTo order")
	}
	m.SetWeight(2, 1, 0, -7)
	m.SetBias(1, 2, 0.5)
	q := m.ParamsTo(nil)
	if q[18] != -7 || q[14] != 0.5 {
		t.Errorf("SetWeight/SetBias wrote %v, %v", q[18], q[14])
	}
	n := m.Neuron(2, 1)
	if !slices.Equal(n.Weights, []float64{17, 19, 21, 23}) || n.Bias != 25 || n.Activation.Name() != "linear" {
		t.Errorf("Neuron(2, 1) = %+v", n)
	}
	n.Weights[0] = 99
	if m.Weight(2, 0, 1) != 17 {
		t.Error("Neuron shares the weights")
	}
	for name, f := range map[string]func(){
		"one size":        func() { engine.NewMLP([]int{3}, engine.ReLU, engine.LinearOutput) },
		"size 0":          func() { engine.NewMLP([]int{3, 0, 1}, engine.ReLU, engine.LinearOutput) },
		"zero output":     func() { engine.NewMLP([]int{3, 1}, engine.ReLU, engine.Output{}) },
		"zero activation": func() { engine.NewMLP([]int{3, 2, 1}, engine.Activation{}, engine.LinearOutput) },
		"weight layer 0":  func() { m.Weight(0, 0, 0) },
		"weight layer 3":  func() { m.Weight(3, 0, 0) },
		"weight from 3":   func() { m.SetWeight(1, 3, 0, 1) },
		"bias 4":          func() { m.Bias(1, 4) },
		"params length":   func() { m.SetParams(p[1:]) },
		"predict length":  func() { m.PredictTo(nil, []float64{1, 2}) },
		"train lengths":   func() { m.Train([]float64{1, 2, 3}, []float64{1}, engine.SGD{LearningRate: 1, BatchSize: 1}, 1) },
		"batch 0":         func() { m.Train(nil, nil, engine.SGD{LearningRate: 1}, 1) },
		"rate 0":          func() { m.Train(nil, nil, engine.SGD{BatchSize: 1}, 1) },
		"rate Inf":        func() { m.Train(nil, nil, engine.SGD{LearningRate: math.Inf(1), BatchSize: 1}, 1) },
		"reg rate < 0":    func() { m.Train(nil, nil, engine.SGD{LearningRate: 1, BatchSize: 1, RegRate: -1}, 1) },
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
	// No hidden layers: logistic regression, any hidden activation.
	engine.NewMLP([]int{2, 1}, engine.Activation{}, engine.SigmoidOutput)
}

func TestMLPInit(t *testing.T) {
	t.Parallel()
	m := engine.NewMLP([]int{2, 5, 3, 1}, engine.Tanh, engine.TanhOutput)
	m.Init(rand.New(rand.NewPCG(1, 1)))
	p := m.ParamsTo(nil)
	m.Init(rand.New(rand.NewPCG(1, 1)))
	if !slices.Equal(p, m.ParamsTo(nil)) {
		t.Error("Init is not deterministic")
	}
	// TensorFlow Playground's draw order: neuron by neuron, its weights in
	// input order.
	rng := rand.New(rand.NewPCG(1, 1))
	for j := range 5 {
		for i := range 2 {
			if w := m.Weight(1, i, j); w != rng.Float64()-0.5 {
				t.Fatalf("w[%d][%d] = %v out of order", i, j, w)
			}
		}
	}
	for l, s := range m.Sizes()[1:] {
		for j := range s {
			if m.Bias(l+1, j) != 0.1 {
				t.Errorf("bias %d,%d = %v", l+1, j, m.Bias(l+1, j))
			}
		}
	}
	for _, w := range p {
		if w < -0.5 || w >= 0.5 {
			t.Errorf("weight %v", w)
		}
	}
}

// TestMLPMatchesNeurons checks, for every activation and output, that the
// network computes exactly what its neurons (Neuron, the lesson's first
// exercise) compute one by one.
func TestMLPMatchesNeurons(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for _, act := range engine.Activations() {
		for _, out := range []engine.Output{engine.SigmoidOutput, engine.TanhOutput, engine.LinearOutput} {
			sizes := []int{3, 6, 5, 2}
			m := engine.NewMLP(sizes, act, out)
			p := m.ParamsTo(nil)
			for i := range p {
				p[i] = rng.Float64()*4 - 2
			}
			m.SetParams(p)
			const n = 9
			x := make([]float64, n*3)
			for i := range x {
				x[i] = rng.Float64()*6 - 3
			}
			y := m.PredictTo(nil, x)
			for r := range n {
				a := x[r*3 : r*3+3]
				for l := 1; l <= m.Layers(); l++ {
					next := make([]float64, sizes[l])
					for j := range next {
						_, next[j] = m.Neuron(l, j).Forward(a)
					}
					a = next
				}
				for j, v := range a {
					if math.Float64bits(v) != math.Float64bits(y[r*2+j]) {
						t.Fatalf("%s/%s: example %d output %d = %v, neurons give %v", act.Name(), out.Name(), r, j, y[r*2+j], v)
					}
				}
			}
		}
	}
	// Softmax: the probabilities sum to 1 and follow z.
	m := engine.NewMLP([]int{2, 3}, engine.Activation{}, engine.SoftmaxOutput)
	m.SetParams([]float64{1, 0, -1, 0, 2, 0, 0, 0, 1000})
	y := m.PredictTo(nil, []float64{1, 1})
	if math.Abs(y[0]+y[1]+y[2]-1) > 1e-15 || y[2] != 1 || y[0] != 0 {
		t.Errorf("softmax = %v", y)
	}
}

// objective is J = mean loss + rate·Σ R(w), computed independently of
// GradientTo from Loss and the weights.
func objective(m *engine.MLP, x, t []float64, reg engine.Regularization, rate float64) float64 {
	j := m.Loss(x, t)
	sizes := m.Sizes()
	for l := 1; l < len(sizes); l++ {
		for i := range sizes[l-1] {
			for k := range sizes[l] {
				w := m.Weight(l, i, k)
				switch reg {
				case engine.L1:
					j += rate * math.Abs(w)
				case engine.L2:
					j += rate * 0.5 * w * w
				}
			}
		}
	}
	return j
}

// TestGradientFiniteDifferences checks GradientTo against central
// differences for every hidden activation, output and regularization.
// Where a perturbation crosses a kink (ReLU, leaky ReLU and step at 0) the
// one-sided differences disagree and the parameter is skipped.
func TestGradientFiniteDifferences(t *testing.T) {
	t.Parallel()
	const h = 1e-6
	rng := rand.New(rand.NewPCG(1, 1))
	for _, act := range engine.Activations() {
		for _, out := range engine.Outputs() {
			for _, reg := range engine.Regularizations() {
				nout := 2
				if out == engine.SoftmaxOutput {
					nout = 3
				}
				m := engine.NewMLP([]int{3, 4, 3, nout}, act, out)
				p := m.ParamsTo(nil)
				for i := range p {
					p[i] = rng.Float64()*2 - 1
				}
				m.SetParams(p)
				const n = 5
				x := make([]float64, n*3)
				for i := range x {
					x[i] = rng.Float64()*4 - 2
				}
				var tg []float64
				for range n {
					switch out {
					case engine.SigmoidOutput:
						tg = append(tg, float64(rng.IntN(2)), 0.3) // 0.3: a soft target
					case engine.SoftmaxOutput:
						tg = append(tg, float64(rng.IntN(3)))
					default:
						tg = append(tg, rng.Float64()*2-1, float64(2*rng.IntN(2)-1))
					}
				}
				const rate = 0.1
				g := m.GradientTo(nil, x, tg, reg, rate)
				checked := 0
				for k := range p {
					q := slices.Clone(p)
					f := func(d float64) float64 {
						q[k] = p[k] + d
						m.SetParams(q)
						return objective(m, x, tg, reg, rate)
					}
					j0, jp, jm := f(0), f(h), f(-h)
					if math.Abs((jp-j0)-(j0-jm)) > 1e-3*h {
						continue // a kink
					}
					fd := (jp - jm) / (2 * h)
					if math.Abs(g[k]-fd) > 1e-6*math.Max(1, math.Abs(fd)) {
						t.Errorf("%s/%s/%s: ∂J/∂θ[%d] = %v, finite difference %v", act.Name(), out.Name(), reg.Name(), k, g[k], fd)
					}
					checked++
				}
				m.SetParams(p)
				if checked < len(p)/2 && act.Name() != "step" {
					t.Errorf("%s/%s/%s: only %d of %d parameters checked", act.Name(), out.Name(), reg.Name(), checked, len(p))
				}
			}
		}
	}
}

// TestSGDStep checks that one full-batch step of Train is θ − lr·∇J, and
// L1's stop at zero.
func TestSGDStep(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(2, 2))
	x := make([]float64, 8*2)
	tg := make([]float64, 8)
	for i := range x {
		x[i] = rng.Float64()*4 - 2
	}
	for i := range tg {
		tg[i] = float64(rng.IntN(2))
	}
	for _, reg := range []engine.Regularization{engine.NoRegularization, engine.L2} {
		m := engine.NewMLP([]int{2, 3, 1}, engine.Tanh, engine.SigmoidOutput)
		m.Init(rand.New(rand.NewPCG(3, 3)))
		p := m.ParamsTo(nil)
		g := m.GradientTo(nil, x, tg, reg, 0.3)
		if err := m.Train(x, tg, engine.SGD{LearningRate: 0.5, BatchSize: 8, Regularization: reg, RegRate: 0.3}, 1); err != nil {
			t.Fatal(err)
		}
		for k, v := range m.ParamsTo(nil) {
			if want := p[k] - 0.5*g[k]; math.Abs(v-want) > 1e-15 {
				t.Errorf("%s: θ[%d] = %v after the step, want %v", reg.Name(), k, v, want)
			}
		}
	}
	// L1: input 1 is always 0, so its weights get no gradient and the
	// penalty alone moves them, by lr·λ = 0.01, stopping at 0.
	m := engine.NewMLP([]int{2, 1}, engine.Activation{}, engine.LinearOutput)
	m.SetParams([]float64{0.3, 0.004, 0})
	x2 := []float64{1, 0, -1, 0}
	t2 := []float64{0.3, -0.3} // already fitted by w₀ = 0.3
	s := engine.SGD{LearningRate: 0.1, BatchSize: 2, Regularization: engine.L1, RegRate: 0.1}
	m.Train(x2, t2, s, 1)
	if w := m.Weight(1, 1, 0); w != 0 {
		t.Errorf("L1 took 0.004 to %v, want 0", w)
	}
	if w := m.Weight(1, 0, 0); math.Abs(w-0.29) > 1e-12 {
		t.Errorf("L1 took 0.3 to %v, want 0.29", w)
	}
	m.Train(x2, t2, s, 1)
	if w := m.Weight(1, 1, 0); w != 0 {
		t.Errorf("a zero weight moved to %v", w)
	}
}

func TestDivergence(t *testing.T) {
	t.Parallel()
	m := engine.NewMLP([]int{1, 4, 1}, engine.ReLU, engine.LinearOutput)
	m.Init(rand.New(rand.NewPCG(1, 1)))
	x := []float64{100, -200, 300, 50}
	tg := []float64{1, -1, 3, 0.5}
	s := engine.SGD{LearningRate: 10, BatchSize: 1}
	var err error
	var before []float64
	for range 100 {
		before = m.ParamsTo(before)
		if err = m.Train(x, tg, s, 1); err != nil {
			break
		}
	}
	if !errors.Is(err, engine.ErrDiverged) {
		t.Fatalf("err = %v, want ErrDiverged", err)
	}
	if !slices.Equal(before, m.ParamsTo(nil)) {
		t.Error("the weights were not restored")
	}
	for _, v := range before {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("restored weight %v", v)
		}
	}
}

func TestEvaluate(t *testing.T) {
	t.Parallel()
	// One sigmoid unit with z = x: the loss of target t is softplus(−z)
	// for t = 1 and softplus(z) for t = 0.
	m := engine.NewMLP([]int{1, 1}, engine.Activation{}, engine.SigmoidOutput)
	m.SetParams([]float64{1, 0})
	x := []float64{2, -1, 3, 0.5}
	tg := []float64{1, 1, 0, 0}
	sp := func(z float64) float64 { return math.Log1p(math.Exp(z)) }
	want := (sp(-2) + sp(1) + sp(3) + sp(0.5)) / 4
	l, acc := m.Evaluate(x, tg)
	if math.Abs(l-want) > 1e-15 || acc != 0.25 {
		t.Errorf("Evaluate = %v, %v; want %v, 0.25", l, acc, want)
	}
	m = engine.NewMLP([]int{1, 3}, engine.Activation{}, engine.SoftmaxOutput)
	m.SetParams([]float64{0, 1, 2, 0, 0, 0})
	l, acc = m.Evaluate([]float64{1, -1}, []float64{2, 0})
	lse := func(z ...float64) float64 {
		s := 0.0
		for _, v := range z {
			s += math.Exp(v)
		}
		return math.Log(s)
	}
	want = (lse(0, 1, 2) - 2 + lse(0, -1, -2) - 0) / 2
	if math.Abs(l-want) > 1e-15 || acc != 1 {
		t.Errorf("softmax Evaluate = %v, %v; want %v, 1", l, acc, want)
	}
	m = engine.NewMLP([]int{1, 1}, engine.Activation{}, engine.LinearOutput)
	m.SetParams([]float64{2, 1})
	if l, acc := m.Evaluate([]float64{1, 0}, []float64{1, 1}); l != (0.5*4+0)/2 || !math.IsNaN(acc) {
		t.Errorf("linear Evaluate = %v, %v", l, acc)
	}
	if l, acc := m.Evaluate(nil, nil); !math.IsNaN(l) || !math.IsNaN(acc) {
		t.Errorf("Evaluate of nothing = %v, %v", l, acc)
	}
	if !panics(func() { m.Evaluate([]float64{1}, nil) }) {
		t.Error("mismatched Evaluate did not panic")
	}
	if !panics(func() {
		s := engine.NewMLP([]int{1, 2}, engine.Activation{}, engine.SoftmaxOutput)
		s.Evaluate([]float64{1}, []float64{2})
	}) {
		t.Error("class index 2 of 2 did not panic")
	}
}

// TestCircleNeedsFourNeurons is the playground's classic lesson: one
// hidden neuron draws one straight line and cannot separate the disk from
// the ring; four can.
func TestCircleNeedsFourNeurons(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		hidden   int
		min, max float64 // bounds on the test loss
	}{{1, 0.45, math.Inf(1)}, {4, 0, 0.1}} {
		c := engine.DefaultConfig()
		c.Hidden = []int{tc.hidden}
		c.LearningRate = 0.1
		p, err := engine.NewPlayground(c)
		if err != nil {
			t.Fatal(err)
		}
		for range 300 {
			if err := p.Step(); err != nil {
				t.Fatal(err)
			}
		}
		m := p.Metrics()
		t.Logf("%d hidden neurons: test loss %.4f, accuracy %.3f", tc.hidden, m.TestLoss, m.TestAccuracy)
		if m.TestLoss < tc.min || m.TestLoss > tc.max {
			t.Errorf("%d hidden neurons: test loss %v, want %v to %v", tc.hidden, m.TestLoss, tc.min, tc.max)
		}
	}
}
