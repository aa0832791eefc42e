package engine_test

import (
	"fmt"
	"math/rand/v2"

	"nnplay/engine"
)

// XOR, the problem a single neuron cannot solve, learnt by a network with
// three hidden neurons.
func ExampleMLP_Train() {
	x := []float64{0, 0, 0, 1, 1, 0, 1, 1}
	t := []float64{0, 1, 1, 0}
	m := engine.NewMLP([]int{2, 3, 1}, engine.Tanh, engine.SigmoidOutput)
	m.Init(rand.New(rand.NewPCG(1, 1)))
	sgd := engine.SGD{LearningRate: 0.5, BatchSize: 4}
	if err := m.Train(x, t, sgd, 2000); err != nil {
		fmt.Println(err)
		return
	}
	y := m.PredictTo(nil, x)
	for i := range t {
		fmt.Printf("%v xor %v = %.2f\n", x[2*i], x[2*i+1], y[i])
	}
	loss, acc := m.Evaluate(x, t)
	fmt.Printf("loss %.3f, accuracy %.0f%%\n", loss, 100*acc)
	// Output:
	// 0 xor 0 = 0.00
	// 0 xor 1 = 1.00
	// 1 xor 0 = 1.00
	// 1 xor 1 = 0.00
	// loss 0.003, accuracy 100%
}

// The network exercise: TensorFlow Playground's circle, learnt epoch by
// epoch, with the decision boundary as heatmap bytes for a canvas.
func ExamplePlayground() {
	p, err := engine.NewPlayground(engine.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for range 100 {
		if err := p.Step(); err != nil {
			fmt.Println(err)
			return
		}
	}
	m := p.Metrics()
	fmt.Printf("epoch %d: test loss %.3f, accuracy %.2f\n", m.Epoch, m.TestLoss, m.TestAccuracy)
	heat := p.BoundaryTo(nil, engine.MaxGridSize)
	fmt.Printf("%d heatmaps of %d×%d bytes\n", len(heat)/(100*100), 100, 100)
	// Output:
	// epoch 100: test loss 0.257, accuracy 0.99
	// 5 heatmaps of 100×100 bytes
}

func ExampleSpiral() {
	rng := rand.New(rand.NewPCG(1, 2))
	pts := engine.Spiral.Generate(rng, 500, 0)
	train, test := engine.Split(pts, 70, rng)
	fmt.Println(len(train), len(test))
	fmt.Printf("%+.3f\n%+.3f\n", pts[249], pts[499])
	// Output:
	// 350 150
	// {-4.975 -0.219 +1.000}
	// {+4.975 +0.219 -1.000}
}
