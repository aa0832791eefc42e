// Package engine is nnplay's compute core: the neuron and its activations,
// and (in later files) convolution, pooling and a small trainable network.
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
// stage for display; ConvLayer is the multi-channel layer (NHWC input, HWIO
// weights). Kernels/KernelByName are the preset registry; Paddings, PoolOps
// and Scales list the other options, with stable tokens. GrayFromRGBA,
// FitSize, DownscaleTo and RangeGrayTo turn a drawn or uploaded picture
// into grey levels and back for display (imageconv.go), in integer or
// explicitly rounded arithmetic, so the browser and the server agree.
//
// Each output is summed in float32 in one documented order (see Conv2D), so
// results are bit-identical natively, where the interior loops use gonum's
// SSE axpy, and in WebAssembly, where they are plain Go loops.
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
