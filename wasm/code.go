//go:build js && wasm

package main

import (
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/view"
)

// addCode puts the page's program for the update's state into live: the
// code panel's text and its download links, so the code changes with the
// page. A state with errors leaves the panel as it was (marked stale).
func addCode(page string, live *view.Live, lang i18n.Lang) {
	if len(live.Errors) > 0 {
		return
	}
	prog, ok := pycode.ForQuery(page, live.Query, lang)
	if !ok {
		return
	}
	if live.Text == nil {
		live.Text = map[string]string{}
	}
	if live.Href == nil {
		live.Href = map[string]string{}
	}
	live.Text["code"] = prog.Panel()
	live.Href["code-py"] = view.Link("/"+page+".py", live.Query)
	live.Href["code-ipynb"] = view.Link("/"+page+".ipynb", live.Query)
}
