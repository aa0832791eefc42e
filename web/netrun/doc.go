// Package netrun is the network page's training run and its live session.
//
// # Overview
//
// A Run is a network trained as its link describes it: the playground of
// the state's start, trained epoch by epoch with the settings and hand
// edits the state records, each at its epoch. The server replays a link
// with it (Replay, Advance; a Snapshot of the result is cached and
// Restored for the page, its images and exports), and the browser plays
// with it, so both reach the same weights to the last bit.
//
// A Session is the page's live run in the browser: it follows the form's
// updates, catches up with a link's epoch a frame at a time, trains by
// the stopping rules, and decides what each frame sends (the numbers every
// frame, the heavy parts a few times a second, nothing unchanged since
// the last time). Its clock is injected, so its scheduling is tested
// natively; the wasm module only converts its calls.
//
// The package depends on view (a Run is a view.NetworkRun, and a Session
// builds view.Live updates) and never on syscall/js. The runs of later
// pages (CNN, RNN) belong here too, each with a Session of its own.
package netrun
