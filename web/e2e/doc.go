// Package e2e holds nnplay's browser tests: they start the real server
// (package web, with the wasm module make wasm built and embedded) on a
// loopback port and drive it in headless Chromium, as a person does —
// typing, clicking, drawing, reloading, opening a copied link in another
// browser and without JavaScript — and read what the page shows and what
// the address bar holds.
//
// With CI set they fail when Chromium is missing; elsewhere they skip with
// a note (apt-get install chromium). They need make wasm first (make test
// does it). Timings are benchmarks, not tests: make bench-e2e reports the
// network page's frame times.
//
// The package has no code of its own: everything is in its _test.go files.
package e2e
