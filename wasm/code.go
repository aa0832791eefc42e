//go:build js && wasm

package main

import (
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/state"
	"nnplay/web/view"
)

// addCode puts the page's program for the update's state into live: the
// code panel's text and its download links, so the code changes with the
// page. A state with errors leaves the panel as it was (marked stale).
func addCode(page string, live *view.Live, lang i18n.Lang) {
	if len(live.Errors) > 0 {
		return
	}
	if live.Text == nil {
		live.Text = map[string]string{}
	}
	if live.Href == nil {
		live.Href = map[string]string{}
	}
	live.Href["code-py"] = view.Link("/"+page+".py", live.Query)
	live.Href["code-ipynb"] = view.Link("/"+page+".ipynb", live.Query)
	if prog := program(page, live.Query, lang); prog != nil {
		live.Text["code"] = prog.Panel()
	}
}

// program returns the page's program for the panel, or nil. The network's
// panel is the server's, as the page was loaded (its downloads follow the
// page): its generator would take the module past its download budget
// (measured: 1,003,024 bytes of brotli with it, 986,789 without, against
// the Makefile's 1,000,000).
func program(page, query string, lang i18n.Lang) *pycode.Program {
	q, err := state.ParseQuery(query)
	if err != nil {
		return nil
	}
	switch page {
	case "neuron":
		if n, err := state.DecodeNeuron(q); err == nil {
			return pycode.Neuron(n, lang)
		}
	case "conv":
		if c, err := state.DecodeConv(q); err == nil {
			return pycode.Conv(c, lang)
		}
	}
	return nil
}
