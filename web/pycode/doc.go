// Package pycode writes, for a page's state, the Python program that
// computes what the page shows: short NumPy code for a student, with the
// lesson's names, a comment per step and the state's own numbers, as a
// script (.py) and as a Jupyter notebook (.ipynb, nbformat 4).
//
// # Overview
//
// Each page has a generator (Neuron, Conv, Network) that takes the decoded
// state (and, for the network, the engine's initial weights and data) and
// returns a Program: cells of explanation in the page's language and cells
// of code. The server sends Program.Python and Program.Notebook as
// downloads; the page's code panel and the wasm module show Program.Panel,
// so switching the activation changes the code at once.
//
// # Safety
//
// Nothing a link carries reaches the code as text: numbers are written by
// strconv in their shortest exact form (Python reads back the same
// float64), names come from the engine's registries, and the only free
// text, the page's link in a comment, is a URL-escaped query on one line.
//
// # Exactness
//
// The code repeats the engine's order of operations where the page promises
// exact numbers: the neuron's sum left to right, and the convolution
// accumulated in float32 tap by tap (the vectorised form), so both print
// the server's digits. NumPy's exp, tanh and matrix products may differ
// from the engine's portable ones in the last bit; the tests state the
// tolerance they allow for those.
package pycode
