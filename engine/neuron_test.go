package engine_test

import (
	"math"
	"testing"

	"nnplay/engine"
)

func TestNeuronForward(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		n    engine.Neuron
		x    []float64
		z, a float64
	}{
		{"one input", engine.Neuron{Weights: []float64{2}, Bias: -1, Activation: engine.Linear}, []float64{3}, 5, 5},
		{"zero sum", engine.Neuron{Weights: []float64{0.5, -0.25}, Bias: 0, Activation: engine.Sigmoid}, []float64{1, 2}, 0, 0.5},
		{"relu cuts", engine.Neuron{Weights: []float64{1, 1, 1}, Bias: -10, Activation: engine.ReLU}, []float64{1, 2, 3}, -4, 0},
		{"saturates", engine.Neuron{Weights: []float64{1000, 1000}, Bias: 0, Activation: engine.Sigmoid}, []float64{1, -2}, -1000, 0},
		{"eight inputs", engine.Neuron{Weights: []float64{1, 2, 3, 4, 5, 6, 7, 8}, Bias: 0.5, Activation: engine.Step}, []float64{1, 1, 1, 1, 1, 1, 1, -36}, -259.5, 0},
	} {
		z, a := tc.n.Forward(tc.x)
		if z != tc.z || a != tc.a {
			t.Errorf("%s: z, a = %v, %v; want %v, %v", tc.name, z, a, tc.z, tc.a)
		}
	}
}

func TestNeuronPanicsOnMismatch(t *testing.T) {
	t.Parallel()
	n := engine.Neuron{Weights: []float64{1, 2}, Activation: engine.Sigmoid}
	if !panics(func() { n.Forward([]float64{1}) }) {
		t.Error("Forward with 1 input for 2 weights did not panic")
	}
}

func TestCurveTo(t *testing.T) {
	t.Parallel()
	z, y := engine.CurveTo(nil, nil, engine.Sigmoid, -6, 6, 121)
	if len(z) != 121 || len(y) != 121 {
		t.Fatalf("lengths %d, %d", len(z), len(y))
	}
	if z[0] != -6 || z[60] != 0 || z[120] != 6 || y[60] != 0.5 {
		t.Errorf("z[0], z[60], z[120], y[60] = %v %v %v %v", z[0], z[60], z[120], y[60])
	}
	for i := 1; i < len(y); i++ {
		if !(y[i] > y[i-1]) || !(z[i] > z[i-1]) {
			t.Fatalf("not increasing at %d", i)
		}
	}
	buf := make([]float64, 200)
	z2, _ := engine.CurveTo(buf, nil, engine.Sigmoid, -6, 6, 121)
	if &z2[0] != &buf[0] {
		t.Error("CurveTo did not reuse dst")
	}
	if !panics(func() { engine.CurveTo(nil, nil, engine.Sigmoid, 1, 1, 10) }) {
		t.Error("empty range did not panic")
	}
	if math.IsNaN(y[0]) {
		t.Error("NaN")
	}
}
