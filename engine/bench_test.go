package engine_test

import (
	"testing"

	"nnplay/engine"
)

// benchmarkActivation evaluates a and its derivative on 1000 points of [−8, 8].
func benchmarkActivation(b *testing.B, a engine.Activation) {
	z := make([]float64, 1000)
	for i := range z {
		z[i] = -8 + 16*float64(i)/float64(len(z)-1)
	}
	for b.Loop() {
		for _, zi := range z {
			a.Eval(zi)
			a.Deriv(zi)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(z))/b.Elapsed().Seconds()/1e6, "Mevals/s")
}

func BenchmarkActivations(b *testing.B) {
	for _, a := range engine.Activations() {
		b.Run(a.Name(), func(b *testing.B) { benchmarkActivation(b, a) })
	}
}

func BenchmarkNeuronForward8(b *testing.B) {
	n := engine.Neuron{Weights: []float64{1, -2, 3, -4, 5, -6, 7, -8}, Bias: 0.5, Activation: engine.Sigmoid}
	x := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8}
	for b.Loop() {
		n.Forward(x)
	}
}
