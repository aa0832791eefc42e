// Package state is nnplay's one URL-state codec: it is the only code that
// parses or builds a query string, and the server and the wasm module both
// use it, so a link means the same thing everywhere.
//
// # Overview
//
// Each page has a config type (Neuron, …) with a Decode function that reads
// url.Values and validates every field against the limits below, and an
// Encode method that writes the canonical query string:
//
//   - versioned: it starts with v=1 (a link without v is read as the
//     current version; an unknown version is an error, never a guess);
//   - canonical: fixed key order, defaults omitted, numbers in their
//     shortest exact form, so one state has exactly one link and the
//     default state is the empty query;
//   - validated: a bad value is an Errors list naming the parameter, the
//     value given and what is allowed — never a silent change. Parameters
//     the page does not know (utm_source, fbclid, …) are ignored.
//
// # One table per page
//
// Each page's keys are one table in canonical order (neuronParams,
// convParams, networkParams, in each page's codec file), and both the
// decoder and Encode read it, so the order, the defaults and the limits
// are written once. A key of one value or one list is one line: its key,
// its field, and its spec with the limits (oneOf, flag, number, rate,
// whole, count, unsigned, tokenSet, intList). Its default is the field's
// value in the page's default state, or dflt, a function of the keys
// before it (the output's default follows the data). Composite keys
// (pictures, points, kernels, edits) have their own read and write,
// called from their place in the table. A new setting is a field, its
// default if not zero, one line in its page's table, and its use.
//
// The /network form's own input (its buttons, its plot clicks, the hidden
// fields that remember what it was rendered with) is in network_form.go;
// the recorded edits of a run in network_edits.go.
//
// ParseQuery parses a raw query strictly: where net/url's URL.Query drops a
// malformed pair in silence, ParseQuery reports it.
//
// # Numbers
//
// Every number of every page, in a link or a form (a single value, a list,
// a grid, a kernel, an edit's epoch and value, a size, a cell, a plot
// click), is read by one parser (number.go) with one syntax:
//
//	[space] [sign] digits [point [digits]] [exponent] [space]
//	[space] [sign] point digits [exponent] [space]
//
// sign is "+", "-" or the typographic "−"; point is "."; exponent is "e"
// or "E", an optional sign and digits; space is any white space. So 2,
// +2, 2., .5, 0.50, 5e-1, 5E-1 and −0.5 are numbers; hex (0x1p4), digit
// separators (1_0), inf, NaN, 1e, e5 and "" are not. A decimal comma is
// the point where one number is typed alone and may have a fraction (x,
// w, b, lr, rr, tl, px, py, wv, pt.x, pt.y): 0,5 is 0.5. Not in a list,
// where the comma separates values (grid, k, kv, batch, h, ed, at), nor in
// a whole-number field (noise, train, seed, e, stop, bs, stride, psize,
// pstride, sel, src), where "1,000" could mean a thousand. A whole-number
// field takes the same syntax with a whole value: 1e1 and 10.0 are 10,
// 2.5 is an error.
//
// The value is the typed number's nearest double, or an error, never a
// changed number: a value past the largest double (1e400) is out of range,
// and a value that is not zero but nearer zero than the smallest normal
// double, 2.2250738585072014e-308 (1e-400 would read as 0, and 1e-310
// keeps fewer digits than typed), is an error of its own (Underflow).
// Zero in any spelling (0, -0, 0.0e-999) is 0. Links nnplay writes use
// the shortest exact form (FormatNumber), which reads back to the same
// double. The indices inside tokens (n2.1, w2.3.1, del3, delk2, add-n2)
// are names, not numbers: plain digits without sign or leading zero.
//
// # Limits
//
// Every value a link can carry is bounded; the bounds are the exported
// constants of this package and of engine, documented where they are
// declared:
//
//	query string               MaxQueryBytes = 8192 bytes
//	neuron inputs n            1 … engine.MaxInputs (8)
//	x, w, b                    finite, |v| ≤ MaxAbsValue (1e6)
//	batch                      ≤ MaxBatchRows (1000) rows of n numbers
//	act, cmp                   tokens of engine.Activations()
//	lang                       ru, en
//
// The /conv page (Conv):
//
//	img                        tokens of gallery.Images(), grid, draw
//	grid (typed image)         1…engine.MaxGridSide (16) rows of equally
//	                           many numbers (1…16), |v| ≤ MaxConvValue (1e4)
//	px (picture)               1…engine.MaxImageSide (256) px each way; at
//	                           most 2 + 256·256 bytes are ever inflated, so
//	                           a corrupt, truncated or oversized stream is an
//	                           error, never a large allocation
//	src (size before shrinking) "WxH", larger than the picture, sides
//	                           ≤ engine.MaxUploadSide (4096)
//	k (kernels)                1…engine.MaxKernels (8), each a token of
//	                           engine.Kernels() or 1…7 × 1…7 numbers,
//	                           |w| ≤ MaxConvValue
//	stride                     1…engine.MaxStride (4)
//	pad                        valid, same, full
//	flip                       1
//	scale                      diverging, clip
//	pool                       max, avg
//	psize                      engine.MinPoolSize…MaxPoolSize (2…3)
//	pstride                    1…engine.MaxPoolStride (3)
//	sel                        1…the number of kernels
//	at                         "x,y" inside the selected feature map
//	op                         first, prev, next, last
//
// A drawn or uploaded picture whose link would pass LinkBudget is shrunk
// (Conv.FitLink) and the link says from what size (src).
//
// The /network page (Network):
//
//	data                       engine.Datasets() tokens, or own
//	pts (own points)           ≤ engine.MaxPoints (500), on a 0.05 grid of [−6, 6]²
//	noise                      0 … engine.MaxNoise (50), whole
//	train (training share)     engine.MinTrainPercent (10) … MaxTrainPercent (90), whole
//	seed                       0 … MaxSeed (4294967295)
//	in (features)              1 … 7 of engine.Features()
//	h (hidden layers)          0 … engine.MaxHiddenLayers (6) of 1 … MaxLayerSize (16)
//	act, out, reg              registry tokens (out: sigmoid, tanh, linear)
//	lr                         MinRate (1e-6) … engine.MaxLearningRate (10)
//	bs (batch size)            1 … engine.MaxBatchSize (30)
//	rr (regularization rate)   0 … engine.MaxRegRate (10)
//	e (epoch reached)          0 … MaxEpochs (10⁶), and the replay bound
//	                           after ck (or the start): epochs × points ×
//	                           (parameters + ReplayOverhead (40)) ≤
//	                           MaxReplayCost (8·10⁷): 2807 epochs of the
//	                           default network, 103 of the largest
//	ck (checkpoint)            only when e is past the replay bound: the
//	                           weights after an epoch ≤ e, e − epoch within
//	                           the bound; exactly the network's parameter
//	                           count (≤ MaxCheckpointParams, 1505), each
//	                           finite float64; at most 8 + 8·1505 bytes are
//	                           ever inflated. A network whose checkpoint
//	                           may not fit in 8 KB (CheckpointFits: about
//	                           620 parameters) stops at the replay bound
//	ed (edits)                 ≤ MaxEdits (100), at epochs ≤ e; a weight or
//	                           bias |v| ≤ MaxAbsWeight (1000)
//	stop                       0 … MaxEpochs; tl 0 … MaxStopLoss (100)
//	px, py (probe point)       [−6, 6]
//	pt.x, pt.y (plot click)    0 … PlotSize (300)
//
// The server's own limits (request size, timeouts, uploads, cache and
// admission) are in package web's Config and the README's Operations.
package state
