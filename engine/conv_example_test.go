package engine_test

import (
	"fmt"

	"nnplay/engine"
)

// The lesson's exercise: a 5×5 image and the filter [[1,0,1],[0,1,0],[1,0,1]],
// valid padding, stride 1.
func ExampleConv2D() {
	img := engine.NewMap(5, 5, []float32{
		1, 2, 0, 0, 3,
		0, 1, 2, 3, 1,
		0, 0, 1, 2, 3,
		3, 2, 1, 2, 0,
		1, 0, 3, 1, 2,
	})
	lesson, _ := engine.KernelByName("lesson")
	var fm engine.Map
	engine.Conv2D{}.ApplyTo(&fm, img, lesson.Map())
	for y := range fm.H {
		fmt.Println(fm.Row(y))
	}
	// Output:
	// [3 6 10]
	// [6 9 6]
	// [7 4 11]
}

// What the page shows when a student taps the top-right output cell.
func ExampleConv2D_Breakdown() {
	img := engine.NewMap(5, 5, []float32{
		1, 2, 0, 0, 3,
		0, 1, 2, 3, 1,
		0, 0, 1, 2, 3,
		3, 2, 1, 2, 0,
		1, 0, 3, 1, 2,
	})
	lesson, _ := engine.KernelByName("lesson")
	b := engine.Conv2D{}.Breakdown(img, lesson.Map(), 2, 0)
	for _, t := range b.Taps {
		fmt.Printf("in[%d][%d] = %g × %g = %g\n", t.Y, t.X, t.Pixel, t.Weight, t.Product)
	}
	fmt.Printf("Σ = %g\n", b.Sum)
	// Output:
	// in[0][2] = 0 × 1 = 0
	// in[0][3] = 0 × 0 = 0
	// in[0][4] = 3 × 1 = 3
	// in[1][2] = 2 × 0 = 0
	// in[1][3] = 3 × 1 = 3
	// in[1][4] = 1 × 0 = 0
	// in[2][2] = 1 × 1 = 1
	// in[2][3] = 2 × 0 = 0
	// in[2][4] = 3 × 1 = 3
	// Σ = 10
}

// A CNN stage on the lesson's image: same padding, ReLU, 2×2 max pooling,
// and the feature map as grey levels for a canvas.
func ExamplePool2D() {
	img := engine.NewMap(5, 5, []float32{
		1, 2, 0, 0, 3,
		0, 1, 2, 3, 1,
		0, 0, 1, 2, 3,
		3, 2, 1, 2, 0,
		1, 0, 3, 1, 2,
	})
	edges, _ := engine.KernelByName("sobel-left")
	var fm, pooled engine.Map
	engine.Conv2D{Padding: engine.Same}.ApplyTo(&fm, img, edges.Map())
	fmt.Println("feature map row 0:", fm.Row(0))
	fmt.Println("grey levels row 0:", engine.GrayTo(nil, fm, engine.Diverging)[:5])
	engine.ActivateTo(&fm, fm, engine.ReLU)
	engine.Pool2D{}.ApplyTo(&pooled, fm)
	fmt.Printf("pooled %d×%d: %v\n", pooled.W, pooled.H, pooled.Data)
	// Output:
	// feature map row 0: [-5 0 2 -5 3]
	// grey levels row 0: [57 128 156 57 170]
	// pooled 2×2: [0 2 1 1]
}
