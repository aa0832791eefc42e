//go:build js && wasm

package glue

import (
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/view"
)

// Program, when a page's module sets it, gives the page's program for a
// canonical query, or nil. The network's module sets none: its panel is
// the server's, as the page was loaded (its downloads follow the page),
// since the run moves the link on every frame.
var Program func(query string, lang i18n.Lang) *pycode.Program

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
	if Program == nil {
		return
	}
	if prog := Program(live.Query, lang); prog != nil {
		live.Text["code"] = prog.Panel()
	}
}
