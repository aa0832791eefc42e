// Package engine is nnplay's compute core: the neuron and its activations,
// convolution and pooling, and a small trainable network with its datasets.
//
// # Overview
//
// The engine is pure: it imports only the standard library and gonum's
// numeric packages (blas/gonum's SSE kernels, on amd64), never syscall/js, net/http, gonum/plot, templ or Echo
// (a test enforces it). The same code is compiled into the server and into
// the browser's WebAssembly module.
//
// # Convolution
//
// A Map is a single-channel image, kernel or feature map (float32, row-major,
// indexed [y][x]). Conv2D convolves a map with a kernel as deep-learning
// libraries do (cross-correlation; Flip gives true convolution), with valid,
// same or full zero padding and a stride; OutSize gives the output size and
// Breakdown the window, products and sum behind one output, with the same
// bits as the feature map. ActivateTo, Pool2D and GrayTo/RGBATo finish a CNN
// stage for display. Kernels/KernelByName are the preset registry; Paddings, PoolOps
// and Scales list the other options, with stable tokens. GrayFromRGBA,
// FitSize, DownscaleTo and RangeGrayTo turn a drawn or uploaded picture
// into grey levels and back for display (imageconv.go), in integer or
// explicitly rounded arithmetic, so the browser and the server agree.
//
// Each output is summed in float32 in one documented order (see Conv2D), so
// results are bit-identical natively, where the loops use vector lanes or
// gonum's SSE axpy, and in WebAssembly, where they are plain Go loops.
//
// # The trainable network
//
// MLP is a fully connected network of float64 weights: any layer sizes, one
// hidden activation from the registry, and an Output that fixes the output
// activation and its loss (σ with cross-entropy, TensorFlow Playground's
// tanh with the squared loss, linear with the squared loss for regression,
// softmax with cross-entropy for classes). Train runs mini-batch SGD in the
// given order, with L1 or L2 regularization of the weights as TensorFlow
// Playground defines it, and returns ErrDiverged, with the weights restored,
// when a parameter stops being finite. ParamsTo's order is documented, so
// links can carry weights.
//
// Playground builds the exercise on it: a Config's Dataset (TensorFlow
// Playground's generators, drawn from an explicit *rand.Rand) or the user's
// own Points, split by Split; input Features of (x₁, x₂); one epoch per Step
// and a History of Metrics. BoundaryTo writes the output's and every hidden
// neuron's heatmap in one call, one byte per cell, for a canvas or a chart.
//
// Datasets and features use portable sin, cos and log (mathx_trig.go), and
// Gaussian samples come from Float64 (Marsaglia's polar method), never from
// rand's NormFloat64, whose tails use math.Exp and math.Log.
//
// # Speed under wasm
//
// Go's wasm code sends every loop iteration and every branch through its
// function's block dispatcher, and a call spills its arguments to memory, so
// the MLP's loops work on whole batches, are unrolled by four, and write tanh
// and σ out in full (bit for bit the registry's functions) instead of
// calling them.
//
// # Vector kernels (GOEXPERIMENT=simd)
//
// Built with GOEXPERIMENT=simd on amd64 (Go 1.26's experimental
// simd/archsimd), the hot loops use vector lanes: Conv2D (every kernel,
// stride and padding; padded and strided input rows are prepared once),
// the dense layers' products, tanh of a layer, and pooling with stride 1
// or 2 (simd_*_amd64.go). The widest unit the CPU has is chosen at start
// (AVX-512, else AVX2, else the pure-Go loops). Each lane computes one
// output with the same rounded products, added in the same order, never
// fused, so the results keep their bits; each kernel ends with
// ClearAVXUpperBits, without which the SSE code that follows runs up to 3×
// slower. Without the experiment, and in WebAssembly, simd_other.go stands
// in and the pure-Go loops run.
//
// # Determinism
//
// The engine's results are bit-identical natively and under GOOS=js
// GOARCH=wasm, so a link renders on the server exactly as its owner saw it in
// the browser. Two things would break that, and the engine avoids both:
//
//   - math.Exp, math.Log and math.Tanh have amd64 assembly but no wasm
//     assembly, so the engine computes them with its own portable code
//     (mathx.go), ported from the Go standard library's pure-Go fallbacks.
//   - The compiler may fuse x*y + z into one FMA instruction on some
//     architectures. A product that is then added is rounded explicitly with
//     float64(x*y), which the Go specification says prevents fusion.
//
// Randomness always comes from an explicit *rand.Rand; the engine has no
// global generator.
//
// # Errors
//
// Misuse (mismatched lengths, a zero-value Activation) panics with an
// "engine: " message, as documented on each function. Outcomes that depend
// on the data are returned as errors.
package engine
