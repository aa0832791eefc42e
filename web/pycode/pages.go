package pycode

import (
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// Pages lists the pages that have a program, by their path; page is the
// name ForQuery takes (the page's nav name, "neuron").
func Pages() []string { return []string{"neuron", "conv", "network"} }

// ForQuery returns the program of page for its canonical query, and false
// if the page has no program or the query is not valid.
func ForQuery(page, query string, lang i18n.Lang) (*Program, bool) {
	q, err := state.ParseQuery(query)
	if err != nil {
		return nil, false
	}
	switch page {
	case "neuron":
		n, err := state.DecodeNeuron(q)
		if err != nil {
			return nil, false
		}
		return Neuron(n, lang), true
	case "conv":
		c, err := state.DecodeConv(q)
		if err != nil {
			return nil, false
		}
		return Conv(c, lang), true
	case "network":
		n, err := state.DecodeNetwork(q)
		if err != nil {
			return nil, false
		}
		return Network(n, lang), true
	}
	return nil, false
}
