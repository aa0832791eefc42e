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

// homeParams are the home page's link keys.
func homeParams() []param[*Home] { return homeTable.get(buildHomeParams) }

var homeTable paramTable[*Home]

func buildHomeParams() []param[*Home] {
	return []param[*Home]{
		{key: "lang", field: func(h *Home) any { return &h.Lang }, spec: language},
	}
}

// DecodeHome reads a home-page link.
func DecodeHome(q url.Values) (Home, error) {
	r := reader{q: q}
	r.version()
	var h Home
	readParams(&r, homeParams(), &h)
	return h, r.errs.err()
}

// Encode returns h's canonical query string.
func (h Home) Encode() string {
	var w writer
	writeParams(&w, homeParams(), &h, &Home{})
	return w.finish()
}
