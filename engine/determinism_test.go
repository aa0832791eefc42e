package engine_test

import (
	"math/rand/v2"
	"runtime"
	"testing"

	"nnplay/engine"
)

// neuronChecksum is the checksum of TestNeuronDeterminism's values, computed
// natively on linux/amd64. The same test passes under GOOS=js GOARCH=wasm
// and with GOAMD64=v3 (where the compiler may emit FMA), which shows the
// engine's arithmetic is bit-identical on all three.
const neuronChecksum = 0xc5f2c4aee67e08b6

// TestNeuronDeterminism hashes the exact bits of every activation and its
// derivative on a dense grid (tails included) and of random neurons' outputs.
func TestNeuronDeterminism(t *testing.T) {
	t.Parallel()
	c := newChecksum()
	for _, a := range engine.Activations() {
		for i := -20000; i <= 20000; i++ {
			z := float64(i) / 400 // [−50, 50] in steps of 1/400
			y := a.Eval(z)
			c.add(y, a.Deriv(z))
		}
		for _, z := range []float64{-8e6, -1000, -745.5, -709.5, -44.5, 44.5, 709.5, 745.5, 1000, 8e6} {
			y := a.Eval(z)
			c.add(y, a.Deriv(z))
		}
	}
	// Inputs come from Float64 (exact integer arithmetic), not NormFloat64,
	// whose tail uses math.Exp and math.Log and so differs across CPUs.
	rng := rand.New(rand.NewPCG(1, 1))
	uniform := func(r float64) float64 { return (rng.Float64() - 0.5) * r }
	acts := engine.Activations()
	x := make([]float64, engine.MaxInputs)
	for range 20000 {
		n := 1 + rng.IntN(engine.MaxInputs)
		nr := engine.Neuron{Weights: make([]float64, n), Bias: uniform(6), Activation: acts[rng.IntN(len(acts))]}
		for i := range n {
			x[i] = uniform(20)
			nr.Weights[i] = uniform(8)
		}
		z, a := nr.Forward(x[:n])
		c.add(z, a)
	}
	t.Logf("%s/%s: checksum %#x", runtime.GOOS, runtime.GOARCH, c.sum)
	if c.sum != neuronChecksum {
		t.Errorf("checksum %#x, want %#x", c.sum, uint64(neuronChecksum))
	}
}
