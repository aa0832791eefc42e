package pycode

import (
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// NeuronPath is the page the neuron's program is for.
const NeuronPath = "/neuron"

// Neuron returns the program of a /neuron state: the inputs, weights and
// bias as numbers, the weighted sum written out left to right (the
// engine's order, so z has the page's bits), the chosen activation and its
// derivative, and the batch when there is one. It prints z, f(z) and
// f′(z) with six significant digits, as the page shows them.
func Neuron(n state.Neuron, lang i18n.Lang) *Program {
	m := i18n.For(lang)
	mc := &m.Code
	act, _ := engine.ActivationByName(n.Act)
	f, sym := ident(act.Name()), symbol(act.Formula())
	p := &Program{Lang: m.Lang, Name: "neuron"}

	p.Cells = append(p.Cells,
		markdown("# "+mc.NeuronTitle, "", mc.NeuronIntro, "", sourceLine(mc.Source, NeuronPath, n.Encode())),
		code("import numpy as np"),
		code("# "+mc.NeuronInputs,
			"x = np.array("+vector(n.X)+")",
			"w = np.array("+vector(n.W)+")",
			"b = "+float(n.B)),
	)

	var terms []string
	for i := range n.X {
		terms = append(terms, "w["+strconv.Itoa(i)+"] * x["+strconv.Itoa(i)+"]")
	}
	p.Cells = append(p.Cells, code(
		"# "+mc.NeuronSum,
		"z = "+strings.Join(terms, " + ")+" + b",
		"# "+mc.NeuronSumVec,
		`print(f"z = {z:.6g}")`,
	))

	actLines := append([]string{"# " + strings.Replace(mc.NeuronAct, "%s", m.Common.Activations[act.Name()], 1)}, activationDef(act, false)...)
	actLines = append(actLines, "",
		"a = "+f+"(z)",
		`print(f"`+sym+`({z:.6g}) = {a:.6g}")`,
	)
	p.Cells = append(p.Cells, code(actLines...))

	derivLines := []string{"# " + mc.NeuronDeriv}
	derivLines = append(derivLines, activationDef(act, true)[4:]...)
	derivLines = append(derivLines, "", `print(f"`+sym+`′({z:.6g}) = {`+f+`_deriv(z, a):.6g}")`)
	p.Cells = append(p.Cells, code(derivLines...))

	if len(n.Batch) > 0 {
		p.Cells = append(p.Cells,
			markdown("## "+mc.NeuronBatch),
			Cell{Kind: Data, Text: rowLines("X", n.Batch)},
			code(
				"Z = np.zeros(len(X))",
				"for i in range(len(w)):",
				"    Z += X[:, i] * w[i]",
				"Z += b",
				"A = "+f+"(Z)",
				"for row, (z_row, a_row) in enumerate(zip(Z, A), start=1):",
				`    print(row, f"{z_row:.6g}", f"{a_row:.6g}")`,
			))
	}
	p.Cells = append(p.Cells, markdown(strings.Replace(strings.Replace(mc.NeuronNext, "%d", strconv.Itoa(len(n.X)), 1), "%d", strconv.Itoa(len(n.X)), 1)))
	return p
}

// symbol returns the function's symbol from its formula: "σ" from
// "σ(z) = …", as the page writes it.
func symbol(formula string) string {
	if i := strings.Index(formula, "(z)"); i > 0 {
		return formula[:i]
	}
	return "f"
}

// sourceLine names the page and its link, escaped as a URL: one line,
// never code.
func sourceLine(format, path, query string) string {
	link := path
	if query != "" {
		link += "?" + query
	}
	return strings.Replace(format, "%s", link, 1)
}
