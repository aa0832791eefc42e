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
// ParseQuery parses a raw query strictly: where net/url's URL.Query drops a
// malformed pair in silence, ParseQuery reports it.
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
package state
