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
	// Glossary is the lesson's terms, each with where to try it.
	Glossary []GlossaryEntry
}

// GlossaryEntry is one term of the home page's glossary.
type GlossaryEntry struct {
	ID         string // the anchor, "t-stride"
	Term       string
	Definition string
	Try        string // the link to the page and state where it can be tried, or ""
}

// tryIt says where each glossary term can be tried: a page in the state
// that shows it (stride: /conv with a stride of 2). Terms without a page
// of their own yet (RNN, LSTM, GRU, autoencoder, RCNN, transformer,
// U-Net, normalization, dropout, softmax) have none: there is no /rnn or
// /cnn page to point at, and a link back to the glossary would not help.
var tryIt = map[string]func(lang i18n.Lang) string{
	"network": func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Epoch = 300 }) },
	"neuron":  func(l i18n.Lang) string { return neuronLink(l, func(*state.Neuron) {}) },
	"weight":  func(l i18n.Lang) string { return neuronLink(l, func(n *state.Neuron) { n.W[0] = 3 }) },
	"bias":    func(l i18n.Lang) string { return neuronLink(l, func(n *state.Neuron) { n.B = -2 }) },
	"activation": func(l i18n.Lang) string {
		return neuronLink(l, func(n *state.Neuron) { n.Compare = []string{"sigmoid", "tanh", "relu", "step"} })
	},
	"sigmoid":          func(l i18n.Lang) string { return neuronLink(l, func(*state.Neuron) {}) },
	"input-layer":      func(l i18n.Lang) string { return networkLink(l, func(*state.Network) {}) },
	"hidden-layer":     func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Hidden = []int{8} }) },
	"output-layer":     func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Out = "tanh" }) },
	"fully-connected":  func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Hidden = []int{4, 4} }) },
	"loss":             func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Epoch = 200 }) },
	"gradient-descent": func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.LR, n.Epoch = 0.1, 100 }) },
	"backprop":         func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Epoch = 50 }) },
	"epoch":            func(l i18n.Lang) string { return networkLink(l, func(n *state.Network) { n.Epoch = 1 }) },
	"overfitting": func(l i18n.Lang) string {
		return networkLink(l, func(n *state.Network) {
			n.Split, n.Noise, n.Hidden, n.Epoch, n.ShowTest = 10, 50, []int{8, 8}, 1000, true
		})
	},
	"regularization": func(l i18n.Lang) string {
		return networkLink(l, func(n *state.Network) { n.Reg, n.RegRate, n.Epoch = "l2", 0.01, 300 })
	},
	"supervised": func(l i18n.Lang) string { return networkLink(l, func(*state.Network) {}) },
	"feature":    func(l i18n.Lang) string { return convLink(l, func(*state.Conv) {}) },
	"kernel": func(l i18n.Lang) string {
		return convLink(l, func(c *state.Conv) { c.Image = "digit"; c.Kernels = []state.Kernel{{Preset: "sobel-left"}} })
	},
	"stride":  func(l i18n.Lang) string { return convLink(l, func(c *state.Conv) { c.Stride = 2 }) },
	"padding": func(l i18n.Lang) string { return convLink(l, func(c *state.Conv) { c.Pad = "same" }) },
	"pooling": func(l i18n.Lang) string { return convLink(l, func(c *state.Conv) { c.Image = "digit" }) },
	"cnn": func(l i18n.Lang) string {
		return convLink(l, func(c *state.Conv) { c.Image = "digit"; c.Act = "relu" })
	},
	"frameworks": func(l i18n.Lang) string { return convLink(l, func(c *state.Conv) { c.Stride, c.Pad = 2, "same" }) },
}

func neuronLink(l i18n.Lang, set func(*state.Neuron)) string {
	n := state.DefaultNeuron()
	n.Lang = l
	n.X, n.W = append([]float64(nil), n.X...), append([]float64(nil), n.W...)
	set(&n)
	return Link(NeuronPath, n.Encode())
}

func networkLink(l i18n.Lang, set func(*state.Network)) string {
	n := state.DefaultNetwork()
	n.Lang = l
	set(&n)
	return Link("/network", n.Encode())
}

func convLink(l i18n.Lang, set func(*state.Conv)) string {
	c := state.DefaultConv()
	c.Lang = l
	set(&c)
	return Link("/conv", c.Encode())
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
		Built:    map[string]bool{"neuron": true, "conv": true, "network": true},
		Glossary: glossary(m, h.Lang),
	}
}

// glossary lists the terms with their try-it links, which keep the link's
// language (none when the page follows the browser's).
func glossary(m *i18n.Messages, lang i18n.Lang) []GlossaryEntry {
	out := make([]GlossaryEntry, len(m.Home.Glossary))
	for i, t := range m.Home.Glossary {
		out[i] = GlossaryEntry{ID: "t-" + t.Key, Term: t.Term, Definition: t.Definition}
		if try := tryIt[t.Key]; try != nil {
			out[i].Try = try(lang)
		}
	}
	return out
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
