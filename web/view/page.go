package view

import "nnplay/web/i18n"

// Page is what every page's layout needs.
type Page struct {
	M     *i18n.Messages
	Lang  i18n.Lang
	Nav   string // the current section: "home", "neuron", "conv", "network"
	Path  string // the page's path, "/neuron"
	Query string // the canonical query of what is shown, "" for defaults
	Title string
	// LangLinks switch the language and keep the rest of the state.
	LangLinks []LangLink
	// NavQuery is the query links to other pages carry: the language, when
	// the link set one.
	NavQuery string
	// Preview is the path of the page's preview image (og:image), or "".
	Preview string
	// Desc is the page's description for link previews.
	Desc string
	// Base is the site's absolute URL without a trailing slash, for the
	// canonical link and previews ("https://nnplay.example"); the server
	// sets it, with the asset paths.
	Base   string
	Assets Assets
	// Script names the page's own glue in web/static ("conv.js"), loaded
	// after app.js; "" for none.
	Script string
	// Module names the page's WebAssembly module, built from wasm/MODULE
	// to web/static/app.MODULE.wasm (the page's data-live name); "" for a
	// page that does not go live.
	Module string
}

// Assets are the fingerprinted paths of the static files a page loads.
type Assets struct {
	CSS, JS, WasmExec, Wasm string
	Icon                    string // the favicon
	Page                    string // the page's own script, if any
}

// LangLink is one entry of the language switch.
type LangLink struct {
	Lang    i18n.Lang
	Name    string
	Href    string
	Current bool
}

// Link returns path with the query q, or path alone when q is empty.
func Link(path, q string) string {
	if q == "" {
		return path
	}
	return path + "?" + q
}

// URL returns the page's own link.
func (p *Page) URL() string { return Link(p.Path, p.Query) }

// langLinks builds the switch from encode, which returns the page's
// canonical query with the language set to l.
func langLinks(path string, current i18n.Lang, encode func(l i18n.Lang) string) []LangLink {
	var out []LangLink
	for _, l := range i18n.Langs() {
		out = append(out, LangLink{Lang: l, Name: l.Name(), Href: Link(path, encode(l)), Current: l == current})
	}
	return out
}

// Option is an <option> or a checkbox of a list that comes from a registry.
type Option struct {
	Value    string
	Label    string
	Selected bool
}
