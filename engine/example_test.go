package engine_test

import (
	"fmt"

	"nnplay/engine"
)

// The lesson's first exercise: the sigmoid of a weighted sum.
func ExampleNeuron_Forward() {
	n := engine.Neuron{
		Weights:    []float64{0.5, -0.25},
		Bias:       0.75,
		Activation: engine.Sigmoid,
	}
	z, a := n.Forward([]float64{1, 2})
	fmt.Printf("z = %g, σ(z) = %.6f\n", z, a)
	// Output: z = 0.75, σ(z) = 0.679179
}

func ExampleActivationByName() {
	for _, name := range []string{"sigmoid", "tanh", "relu"} {
		a, _ := engine.ActivationByName(name)
		y := a.Eval(-1000)
		fmt.Printf("%s(−1000) = %g, %s\n", name, y, a.Formula())
	}
	// Output:
	// sigmoid(−1000) = 0, σ(z) = 1 / (1 + e⁻ᶻ)
	// tanh(−1000) = -1, tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)
	// relu(−1000) = 0, ReLU(z) = max(0, z)
}
