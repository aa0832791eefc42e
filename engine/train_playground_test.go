package engine_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"nnplay/engine"
)

func TestConfigValidate(t *testing.T) {
	t.Parallel()
	if err := engine.DefaultConfig().Validate(); err != nil {
		t.Fatalf("DefaultConfig: %v", err)
	}
	for _, tc := range []struct {
		field string
		edit  func(*engine.Config)
	}{
		{"Dataset", func(c *engine.Config) { c.Dataset = engine.Dataset{} }},
		{"Points", func(c *engine.Config) { c.Points = []engine.Point{{X: 1, Y: 1, Label: 1}} }},
		{"Points", func(c *engine.Config) { c.Points = []engine.Point{{X: 1}, {X: 6.5}} }},
		{"Points", func(c *engine.Config) { c.Points = []engine.Point{{X: 1}, {Y: math.NaN()}} }},
		{"Points", func(c *engine.Config) { c.Points = []engine.Point{{X: 1}, {Label: 2}} }},
		{"Points", func(c *engine.Config) { c.Points = make([]engine.Point, engine.MaxPoints+1) }},
		{"Noise", func(c *engine.Config) { c.Noise = 51 }},
		{"Noise", func(c *engine.Config) { c.Noise = -1 }},
		{"TrainPercent", func(c *engine.Config) { c.TrainPercent = 95 }},
		{"TrainPercent", func(c *engine.Config) { c.TrainPercent = 5 }},
		{"Features", func(c *engine.Config) { c.Features = nil }},
		{"Features", func(c *engine.Config) { c.Features = []engine.Feature{engine.FeatureX1, engine.FeatureX1} }},
		{"Features", func(c *engine.Config) { c.Features = []engine.Feature{{}} }},
		{"Hidden", func(c *engine.Config) { c.Hidden = []int{1, 2, 3, 4, 5, 6, 7} }},
		{"Hidden", func(c *engine.Config) { c.Hidden = []int{4, 17} }},
		{"Hidden", func(c *engine.Config) { c.Hidden = []int{0} }},
		{"Activation", func(c *engine.Config) { c.Activation = engine.Activation{} }},
		{"Output", func(c *engine.Config) { c.Output = engine.SoftmaxOutput }},
		{"Output", func(c *engine.Config) { c.Output = engine.Output{} }},
		{"LearningRate", func(c *engine.Config) { c.LearningRate = 0 }},
		{"LearningRate", func(c *engine.Config) { c.LearningRate = 11 }},
		{"LearningRate", func(c *engine.Config) { c.LearningRate = math.NaN() }},
		{"BatchSize", func(c *engine.Config) { c.BatchSize = 0 }},
		{"BatchSize", func(c *engine.Config) { c.BatchSize = 31 }},
		{"RegRate", func(c *engine.Config) { c.RegRate = -0.1 }},
		{"RegRate", func(c *engine.Config) { c.RegRate = math.Inf(1) }},
	} {
		c := engine.DefaultConfig()
		tc.edit(&c)
		err := c.Validate()
		var ce *engine.ConfigError
		if !errors.As(err, &ce) || ce.Field != tc.field {
			t.Errorf("%s: Validate() = %v", tc.field, err)
			continue
		}
		if _, err := engine.NewPlayground(c); err == nil {
			t.Errorf("%s: NewPlayground accepted %v", tc.field, ce)
		}
	}
	// The limits themselves are allowed.
	c := engine.DefaultConfig()
	c.Hidden = []int{16, 1, 16, 1, 16, 1}
	c.Noise, c.TrainPercent, c.BatchSize, c.LearningRate, c.RegRate = 50, 90, 30, 10, 10
	c.Features = engine.Features()
	c.Hidden = append(c.Hidden[:0:0], 16, 1, 16, 1, 16, 1)
	if err := c.Validate(); err != nil {
		t.Errorf("limits: %v", err)
	}
	c.Hidden = nil // no hidden layer: logistic regression
	if err := c.Validate(); err != nil {
		t.Errorf("no hidden layer: %v", err)
	}
}

func TestPlayground(t *testing.T) {
	t.Parallel()
	c := engine.DefaultConfig()
	p, err := engine.NewPlayground(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.TrainPoints()) != 250 || len(p.TestPoints()) != 250 || p.Epoch() != 0 || p.HiddenNeurons() != 4 {
		t.Fatalf("%d + %d points, epoch %d, %d neurons", len(p.TrainPoints()), len(p.TestPoints()), p.Epoch(), p.HiddenNeurons())
	}
	if h := p.History(); h.Len() != 1 || h.At(0).Epoch != 0 || h.At(0) != p.Metrics() {
		t.Fatalf("History starts with %d records", h.Len())
	}
	for range 5 {
		if err := p.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if p.Epoch() != 5 || p.History().Len() != 6 || p.History().At(5) != p.Metrics() {
		t.Fatalf("after 5 steps: epoch %d, %d records", p.Epoch(), p.History().Len())
	}
	w := p.MLP().ParamsTo(nil)

	// The same Config gives the same playground.
	q, _ := engine.NewPlayground(c)
	for range 5 {
		q.Step()
	}
	if !slices.Equal(w, q.MLP().ParamsTo(nil)) || !slices.Equal(p.TrainPoints(), q.TrainPoints()) {
		t.Error("the same Config trained differently")
	}

	// Training settings keep the weights.
	c2 := c
	c2.LearningRate, c2.BatchSize, c2.Regularization, c2.RegRate = 0.3, 1, engine.L2, 0.01
	if reset, err := p.SetConfig(c2); reset || err != nil {
		t.Fatalf("SetConfig(training) = %v, %v", reset, err)
	}
	if !slices.Equal(w, p.MLP().ParamsTo(nil)) || p.Epoch() != 5 || p.Config().LearningRate != 0.3 {
		t.Error("changing the training settings reset the network")
	}
	p.Step()
	if p.Epoch() != 6 {
		t.Error("no step")
	}

	// Anything else starts again.
	for name, edit := range map[string]func(*engine.Config){
		"hidden":     func(c *engine.Config) { c.Hidden = []int{5} },
		"features":   func(c *engine.Config) { c.Features = []engine.Feature{engine.FeatureX1, engine.FeatureSinX2} },
		"activation": func(c *engine.Config) { c.Activation = engine.ReLU },
		"output":     func(c *engine.Config) { c.Output = engine.TanhOutput },
		"dataset":    func(c *engine.Config) { c.Dataset = engine.XOR },
		"noise":      func(c *engine.Config) { c.Noise = 10 },
		"split":      func(c *engine.Config) { c.TrainPercent = 70 },
		"seed":       func(c *engine.Config) { c.Seed = 2 },
		"points": func(c *engine.Config) {
			c.Points = []engine.Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: 1, Label: -1}, {X: 0, Y: -3, Label: 1}}
		},
	} {
		c3 := c2
		edit(&c3)
		if reset, err := p.SetConfig(c3); !reset || err != nil {
			t.Errorf("SetConfig(%s) = %v, %v", name, reset, err)
		}
		if p.Epoch() != 0 || p.History().Len() != 1 {
			t.Errorf("%s: epoch %d, %d records after a reset", name, p.Epoch(), p.History().Len())
		}
		fresh, _ := engine.NewPlayground(c3)
		if !slices.Equal(fresh.MLP().ParamsTo(nil), p.MLP().ParamsTo(nil)) || !slices.Equal(fresh.TestPoints(), p.TestPoints()) {
			t.Errorf("%s: SetConfig differs from NewPlayground", name)
		}
		if name == "points" && (len(p.TrainPoints()) != 1 || len(p.TestPoints()) != 2) {
			t.Errorf("3 own points split %d + %d", len(p.TrainPoints()), len(p.TestPoints()))
		}
		p.Step()
	}
	bad := c
	bad.BatchSize = 0
	before := p.Config()
	if _, err := p.SetConfig(bad); err == nil || p.Config().BatchSize != before.BatchSize {
		t.Error("an invalid Config was taken")
	}

	// Editing a weight shows in Metrics at once; Reset goes back to the
	// seed's network.
	p.Reset()
	m0 := p.Metrics()
	p.MLP().SetWeight(1, 0, 0, 5)
	if p.Metrics() == m0 {
		t.Error("Metrics ignored an edited weight")
	}
	p.Reset()
	if p.Metrics() != m0 {
		t.Error("Reset did not restore the initial network")
	}
}

func TestPlaygroundRegression(t *testing.T) {
	t.Parallel()
	c := engine.DefaultConfig()
	c.Dataset, c.Output, c.LearningRate = engine.RegPlane, engine.LinearOutput, 0.01
	p, err := engine.NewPlayground(c)
	if err != nil {
		t.Fatal(err)
	}
	for range 50 {
		if err := p.Step(); err != nil {
			t.Fatal(err)
		}
	}
	m := p.Metrics()
	if !(m.TestLoss < 0.01) || !math.IsNaN(m.TestAccuracy) || len(p.TrainPoints()) != 600 {
		t.Errorf("reg-plane: %+v, %d training points", m, len(p.TrainPoints()))
	}
}

func TestPlaygroundDiverges(t *testing.T) {
	t.Parallel()
	c := engine.DefaultConfig()
	c.Dataset, c.Output, c.Activation, c.LearningRate, c.BatchSize = engine.RegPlane, engine.LinearOutput, engine.ReLU, 10, 1
	c.Features = []engine.Feature{engine.FeatureX1Squared, engine.FeatureX2Squared}
	p, _ := engine.NewPlayground(c)
	var err error
	for range 100 {
		if err = p.Step(); err != nil {
			break
		}
	}
	if !errors.Is(err, engine.ErrDiverged) {
		t.Fatalf("err = %v", err)
	}
	m := p.Metrics()
	if math.IsNaN(m.TrainLoss) || math.IsInf(m.TrainLoss, 0) || p.History().At(p.History().Len()-1).Epoch != p.Epoch() {
		t.Errorf("after divergence: %+v at epoch %d", m, p.Epoch())
	}
}

func TestHistory(t *testing.T) {
	t.Parallel()
	var h engine.History
	for e := range 5000 {
		h.Append(engine.Metrics{Epoch: e, TrainLoss: float64(e), TestLoss: -float64(e), TrainAccuracy: 1, TestAccuracy: 0.5})
		if h.Len() > engine.MaxHistory {
			t.Fatalf("%d records at epoch %d", h.Len(), e)
		}
		if m := h.At(h.Len() - 1); m.Epoch != e || m.TestLoss != -float64(e) {
			t.Fatalf("latest record %+v at epoch %d", m, e)
		}
	}
	if h.Len() < engine.MaxHistory/2 {
		t.Errorf("only %d records", h.Len())
	}
	prev := -1
	for i := range h.Len() {
		e := h.At(i).Epoch
		if e <= prev {
			t.Fatalf("epochs not increasing at %d", i)
		}
		prev = e
	}
	if m := h.At(3); m.TrainAccuracy != 1 || m.Epoch == 0 {
		t.Errorf("record 3: %+v", m)
	}
	h.Reset()
	if h.Len() != 0 {
		t.Error("Reset")
	}
}

func TestBoundary(t *testing.T) {
	t.Parallel()
	c := engine.DefaultConfig()
	c.Hidden = []int{3, 2}
	c.Activation = engine.Sigmoid
	c.Features = []engine.Feature{engine.FeatureX1, engine.FeatureX2, engine.FeatureX1X2, engine.FeatureSinX2}
	p, _ := engine.NewPlayground(c)
	for range 20 {
		p.Step()
	}
	const n = 7
	b := p.BoundaryTo(nil, n)
	g := p.GridsTo(nil, n)
	if len(b) != 6*n*n || len(g) != 6 {
		t.Fatalf("%d bytes, %d grids", len(b), len(g))
	}
	for k, grid := range g {
		if c, r := grid.Dims(); c != n || r != n {
			t.Fatalf("grid dims %d×%d", c, r)
		}
		for r := range n {
			for col := range n {
				v := grid.Z(col, r)
				// Sigmoid everywhere: bytes show 2v − 1.
				want := byte(int(127*(2*v-1) + 127.5))
				// Bytes are top-down, grids bottom-up.
				if got := b[k*n*n+(n-1-r)*n+col]; got != want {
					t.Fatalf("grid %d cell (%d, %d): byte %d, value %v", k, col, r, got, v)
				}
			}
		}
	}
	// The output grid is the network's prediction at the cell centres.
	for r := range n {
		for col := range n {
			if got, want := g[0].Z(col, r), p.Predict(g[0].X(col), g[0].Y(r)); got != want {
				t.Fatalf("cell (%d, %d) = %v, Predict %v", col, r, got, want)
			}
		}
	}
	if g[0].X(0) != -6+6.0/7 || g[0].Y(n-1) != 6-6.0/7 || engine.GridCoord(3, 7) != 0 {
		t.Errorf("cell centres %v, %v", g[0].X(0), g[0].Y(n-1))
	}
	// Storage is reused.
	b2 := p.BoundaryTo(b[:0], n)
	g2 := p.GridsTo(g, n)
	if &b2[0] != &b[0] || &g2[0].Values[0] != &g[0].Values[0] {
		t.Error("storage not reused")
	}
	for name, f := range map[string]func(){
		"size 0":   func() { p.BoundaryTo(nil, 0) },
		"size 101": func() { p.GridsTo(nil, 101) },
		"features": func() { engine.BoundaryTo(nil, p.MLP(), engine.DefaultFeatures(), 5) },
		"outputs": func() {
			engine.GridsTo(nil, engine.NewMLP([]int{2, 2}, engine.Tanh, engine.LinearOutput), engine.DefaultFeatures(), 5)
		},
	} {
		if !panics(f) {
			t.Errorf("%s did not panic", name)
		}
	}
}

// TestHeatBytes checks the byte scale at its ends, its middle and NaN.
func TestHeatBytes(t *testing.T) {
	t.Parallel()
	m := engine.NewMLP([]int{1, 1}, engine.Activation{}, engine.LinearOutput)
	for _, tc := range []struct {
		bias float64
		want byte
	}{{0, engine.HeatmapZero}, {1, engine.HeatmapMax}, {-1, 0}, {5, engine.HeatmapMax}, {-5, 0}, {0.5, 191}, {math.NaN(), engine.HeatmapNaN}} {
		m.SetParams([]float64{0, tc.bias})
		if b := engine.BoundaryTo(nil, m, []engine.Feature{engine.FeatureX1}, 1); b[0] != tc.want {
			t.Errorf("value %v: byte %d, want %d", tc.bias, b[0], tc.want)
		}
	}
}
