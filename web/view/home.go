package view

import (
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// HomePage is the lesson's map.
type HomePage struct {
	Page
	// Built reports which exercise pages exist yet, by Nav key.
	Built map[string]bool
}

// Home builds the home page.
func Home(h state.Home, lang i18n.Lang) *HomePage {
	m := i18n.For(lang)
	return &HomePage{
		Page: Page{
			M: m, Lang: m.Lang, Nav: "home", Path: "/", Query: h.Encode(),
			NavQuery: h.Encode(), Title: m.Home.Title, Desc: m.Home.Lead,
			LangLinks: langLinks("/", m.Lang, func(l i18n.Lang) string { return state.Home{Lang: l}.Encode() }),
		},
		Built: map[string]bool{"neuron": true, "conv": true, "network": true},
	}
}

// ErrorPage is a page for an HTTP error.
type ErrorPage struct {
	Page
	Status  int
	Heading string
	Text    string
}

// Error builds an error page in lang; path is the page that failed.
func Error(lang i18n.Lang, status int, heading, text string) *ErrorPage {
	m := i18n.For(lang)
	return &ErrorPage{
		Page: Page{
			M: m, Lang: m.Lang, Nav: "", Path: "/", Title: heading, Desc: text,
			LangLinks: langLinks("/", m.Lang, func(l i18n.Lang) string { return state.Home{Lang: l}.Encode() }),
		},
		Status: status, Heading: heading, Text: text,
	}
}
