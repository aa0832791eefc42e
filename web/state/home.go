package state

import (
	"net/url"

	"nnplay/web/i18n"
)

// Home is the state of the home page: only the language. Its query is
// also what links to the other pages carry to keep an explicit language.
type Home struct {
	Lang i18n.Lang
}

// DecodeHome reads a home-page link.
func DecodeHome(q url.Values) (Home, error) {
	r := reader{q: q}
	r.version()
	h := Home{Lang: r.lang()}
	return h, r.errs.err()
}

// Encode returns h's canonical query string.
func (h Home) Encode() string {
	var w writer
	if h.Lang != "" {
		w.add("lang", string(h.Lang))
	}
	return w.finish()
}
