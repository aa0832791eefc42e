// Package engine is nnplay's compute core: the neuron and its activations,
// and (in later files) convolution, pooling and a small trainable network.
//
// # Overview
//
// The engine is pure: it imports only the standard library and gonum's
// numeric packages, never syscall/js, net/http, gonum/plot, templ or Echo
// (a test enforces it). The same code is compiled into the server and into
// the browser's WebAssembly module.
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
