package view

import (
	"math"
	"net/url"
	"nnplay/web/textf"
	"slices"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/livechart"
	"nnplay/web/state"
)

// Paths of the neuron page and its resources.
const (
	NeuronPath        = "/neuron"
	NeuronCSVPath     = "/neuron.csv"
	NeuronCurvePath   = "/neuron/curve.svg"
	NeuronComparePath = "/neuron/compare.svg"
	NeuronPreviewPath = "/neuron/preview.png"
)

// CurvePoints is how many points a curve is sampled at.
const CurvePoints = 241

// NeuronPage is the /neuron page: the form, and the result when the state
// is valid.
type NeuronPage struct {
	Page
	Form   NeuronForm
	Errors []FieldError
	Result *NeuronResult // nil when the link has errors
}

// NeuronForm is the form's content, as strings ready for <input value>.
type NeuronForm struct {
	Inputs      []InputRow // engine.MaxInputs rows; the first N are active
	N           int
	B           string
	Act         string
	Activations []Option
	Batch       string
	Compare     []Option
}

// InputRow is one input and its weight.
type InputRow struct {
	I      int    // 1-based
	Sub    string // "₁"
	X, W   string
	Active bool
}

// NeuronResult is everything computed from a valid state.
type NeuronResult struct {
	Symbolic string // "w₁·x₁ + w₂·x₂ + b"
	Sum      string // "0.5·1 + (−0.25)·2 + 0.75"
	Z        string
	ZExact   string
	Output   string // "σ(0.75) = 0.679179"
	// OutputNote says when f(z) underflowed.
	OutputNote string
	AExact     string
	Deriv      string // "σ′(0.75) = 0.217895"
	DerivNote  string // set where f′ is undefined at z, or underflowed
	ActName    string
	ActNote    string
	Formula    string
	DerivForm  string
	Point      string // "z = 0.75, f(z) = 0.679179"

	Curve      livechart.Chart // its Title is the chart's text alternative
	CurveTable Table

	Batch      *Table
	BatchCount string
	BatchHelp  string

	Compare      livechart.Chart
	CompareTable Table

	CSV string // link to the batch (or the single row) as CSV
}

// Table is a table of strings, for the page and for the live glue.
type Table struct {
	Head []string   `json:"head"`
	Rows [][]string `json:"rows"`
}

// Neuron builds the page for a valid state.
func Neuron(n state.Neuron, lang i18n.Lang) *NeuronPage {
	p := neuronPage(lang, n)
	p.Form = neuronForm(n)
	p.labels()
	p.Result = neuronResult(p.M, n)
	return p
}

// NeuronInvalid builds the page for a link with errors: the form shows the
// values as given, so they can be fixed, and each error is localized.
func NeuronInvalid(q url.Values, err error, lang i18n.Lang) *NeuronPage {
	p := neuronPage(lang, state.DefaultNeuron())
	p.Query, p.Preview = "", ""
	p.NavQuery = state.Home{Lang: langOf(q)}.Encode()
	p.LangLinks = langLinks(NeuronPath, p.Lang, func(l i18n.Lang) string { return state.WithLang(q, l) })
	p.Form = neuronFormFromValues(q)
	p.labels()
	p.Errors = FieldErrors(p.M, p.M.Neuron.FieldNames, err)
	return p
}

// langOf returns the link's language if it names a supported one.
func langOf(q url.Values) i18n.Lang {
	l, _ := i18n.Parse(q.Get("lang"))
	return l
}

func neuronPage(lang i18n.Lang, n state.Neuron) *NeuronPage {
	m := i18n.For(lang)
	q := n.Encode()
	return &NeuronPage{Page: Page{
		M: m, Lang: m.Lang, Nav: "neuron", Path: NeuronPath, Query: q,
		NavQuery: state.Home{Lang: n.Lang}.Encode(),
		Title:    m.Neuron.Title, Desc: m.Neuron.Lead, Module: "neuron",
		Preview: Link(NeuronPreviewPath, q),
		LangLinks: langLinks(NeuronPath, m.Lang, func(l i18n.Lang) string {
			c := n
			c.Lang = l
			return c.Encode()
		}),
	}}
}

func neuronForm(n state.Neuron) NeuronForm {
	f := NeuronForm{N: len(n.X), B: Input(n.B), Act: n.Act}
	for i := range engine.MaxInputs {
		row := InputRow{I: i + 1, Sub: Sub(i + 1), X: "0", W: "0"}
		if i < len(n.X) {
			row.X, row.W, row.Active = Input(n.X[i]), Input(n.W[i]), true
		}
		f.Inputs = append(f.Inputs, row)
	}
	var rows []string
	for _, r := range n.Batch {
		vals := make([]string, len(r))
		for i, v := range r {
			vals[i] = Input(v)
		}
		rows = append(rows, strings.Join(vals, ", "))
	}
	f.Batch = strings.Join(rows, "\n")
	f.setOptions(n.Act, n.Compare)
	return f
}

// neuronFormFromValues fills the form with the values exactly as the link
// gave them.
func neuronFormFromValues(q url.Values) NeuronForm {
	def := state.DefaultNeuron()
	xs, ws := q["x"], q["w"]
	if len(xs) == 0 && len(ws) == 0 {
		for i := range def.X {
			xs = append(xs, Input(def.X[i]))
			ws = append(ws, Input(def.W[i]))
		}
	}
	n := min(max(len(xs), len(ws), 1), engine.MaxInputs)
	f := NeuronForm{N: n, B: Input(def.B), Act: def.Act}
	for i := range engine.MaxInputs {
		row := InputRow{I: i + 1, Sub: Sub(i + 1), X: "0", W: "0", Active: i < n}
		if i < len(xs) {
			row.X = xs[i]
		}
		if i < len(ws) {
			row.W = ws[i]
		}
		f.Inputs = append(f.Inputs, row)
	}
	if vs, ok := q["b"]; ok {
		f.B = vs[0]
	}
	act := def.Act
	if vs, ok := q["act"]; ok {
		act = vs[0]
	}
	f.Act = act
	if vs, ok := q["batch"]; ok {
		f.Batch = strings.NewReplacer("~", "\n", ";", "\n").Replace(vs[0])
	}
	cmp := def.Compare
	if vs, ok := q["cmp"]; ok {
		cmp = vs
	}
	f.setOptions(act, cmp)
	return f
}

// setOptions lists the registry's activations. A value the registry does
// not know (from a bad link) is kept as an extra, selected option, so the
// form still holds what the link said until the user fixes it.
func (f *NeuronForm) setOptions(act string, compare []string) {
	f.Activations, f.Compare = nil, nil
	known := map[string]bool{}
	for _, a := range engine.Activations() {
		known[a.Name()] = true
		f.Activations = append(f.Activations, Option{Value: a.Name(), Selected: a.Name() == act})
		f.Compare = append(f.Compare, Option{Value: a.Name(), Selected: slices.Contains(compare, a.Name())})
	}
	if !known[act] {
		f.Activations = append(f.Activations, Option{Value: act, Label: act, Selected: true})
	}
	for _, c := range compare {
		if c != "" && !known[c] {
			f.Compare = append(f.Compare, Option{Value: c, Label: c, Selected: true})
		}
	}
}

// labels fills in the options' labels in the page's language.
func (p *NeuronPage) labels() {
	for _, opts := range [][]Option{p.Form.Activations, p.Form.Compare} {
		for i := range opts {
			if l := p.M.Common.Activations[opts[i].Value]; l != "" {
				opts[i].Label = l
			}
		}
	}
}

// fname returns the function's symbol from its formula: "σ" from
// "σ(z) = …".
func fname(formula string) string {
	if i := strings.Index(formula, "(z)"); i > 0 {
		return formula[:i]
	}
	return "f"
}

// derivFormula returns the activation's f′ formula with the words the
// engine leaves out ("undefined at z = 0") in the page's language.
func derivFormula(m *i18n.Messages, act engine.Activation) string {
	if note := m.Neuron.DerivFormulaNotes[act.Name()]; note != "" {
		return act.DerivFormula() + "; " + note
	}
	return act.DerivFormula()
}

// neverZero lists the activations whose exact value is nonzero for every
// z ≠ 0 (f) and for every z (f′): for them a computed 0 or subnormal is an
// underflow. ReLU's, step's and the line's zeros and tiny values are exact.
var neverZero = map[string]struct{ f, df bool }{
	"sigmoid": {true, true}, "tanh": {true, true}, "elu": {true, true},
	"softplus": {true, true}, "silu": {true, true}, "leaky-relu": {true, false},
}

// underflowNote returns the message (with one verb for the value's name)
// that says v, f(z) or f′(z), underflowed to 0 or to a subnormal; or "".
func underflowNote(m *i18n.Messages, act string, z, v float64, deriv bool) string {
	nz := neverZero[act]
	if (deriv && !nz.df) || (!deriv && (!nz.f || z == 0)) || math.Abs(v) >= 0x1p-1022 {
		return ""
	}
	if v == 0 {
		return m.Neuron.Underflow
	}
	return m.Neuron.Subnormal
}

// ChartRange returns the half-width R of the z range [−R, R] a chart shows:
// 6, or enough to show z with a margin, rounded to a round number.
func ChartRange(z float64) float64 {
	need := math.Abs(z) * 1.15
	if need <= 6 || math.IsNaN(need) {
		return 6
	}
	mag := math.Pow(10, math.Floor(math.Log10(need)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= need {
			return m * mag
		}
	}
	return 10 * mag
}

func neuronResult(m *i18n.Messages, n state.Neuron) *NeuronResult {
	act, _ := engine.ActivationByName(n.Act)
	nr := engine.Neuron{Weights: n.W, Bias: n.B, Activation: act}
	z, a := nr.Forward(n.X)
	d := act.Deriv(z)
	f := fname(act.Formula())
	mn := &m.Neuron

	r := &NeuronResult{
		Z: Num(z), ZExact: Exact(z), AExact: Exact(a),
		Output:    textf.Sprintf("%s(%s) = %s", f, Num(z), Num(a)),
		Deriv:     textf.Sprintf("%s′(%s) = %s", f, Num(z), Num(d)),
		ActName:   m.Common.Activations[act.Name()],
		ActNote:   mn.ActNotes[act.Name()],
		Formula:   act.Formula(),
		DerivForm: derivFormula(m, act),
		Point:     textf.Sprintf("z = %s, %s(z) = %s", Num(z), f, Num(a)),
		CSV:       Link(NeuronCSVPath, n.Encode()),
	}
	if z == 0 && (act.Name() == engine.Step.Name() || act.Name() == engine.ReLU.Name() || act.Name() == engine.LeakyReLU.Name()) {
		r.DerivNote = mn.DerivUndefined
	}
	if u := underflowNote(m, act.Name(), z, a, false); u != "" {
		r.OutputNote = textf.Sprintf(u, textf.Sprintf("%s(%s)", f, Num(z)))
	}
	if u := underflowNote(m, act.Name(), z, d, true); u != "" {
		r.DerivNote = textf.Sprintf(u, textf.Sprintf("%s′(%s)", f, Num(z)))
	}
	var sym, sum []string
	for i := range n.X {
		sym = append(sym, textf.Sprintf("w%s·x%s", Sub(i+1), Sub(i+1)))
		sum = append(sum, TermExact(n.W[i])+"·"+TermExact(n.X[i]))
	}
	r.Symbolic = strings.Join(sym, " + ") + " + b"
	r.Sum = strings.Join(sum, " + ") + " + " + TermExact(n.B)

	// The curve, with the neuron's point marked.
	R := ChartRange(z)
	zs, ys := engine.CurveTo(nil, nil, act, -R, R, CurvePoints)
	r.Curve = livechart.Chart{
		ID: "curve", Title: r.ActName, Width: 520, Height: 320, XLabel: "z", YLabel: f + "(z)",
		XMin: -R, XMax: R,
		Series: []livechart.Series{{Label: r.ActName, Color: CurveColor, X: zs, Y: ys}},
		Marks:  []livechart.Mark{{X: z, Y: a, Color: MarkColor, Label: textf.Sprintf("(%s; %s)", Num(z), Num(a))}},
	}
	r.Curve.Title = textf.Sprintf(mn.CurveAlt, r.ActName, Num(-R), Num(R), Num(z), Num(a))
	r.CurveTable = Table{Head: []string{"z", f + "(z)"}}
	for _, t := range livechart.Ticks(-R, R, 7) {
		r.CurveTable.Rows = append(r.CurveTable.Rows, []string{Num(t), Num(act.Eval(t))})
	}

	if len(n.Batch) > 0 {
		t := &Table{Head: []string{mn.ColRow}}
		for i := range n.X {
			t.Head = append(t.Head, "x"+Sub(i+1))
		}
		t.Head = append(t.Head, "z", f+"(z)")
		for i, row := range n.Batch {
			z, a := nr.Forward(row)
			cells := []string{textf.Sprint(i + 1)}
			for _, v := range row {
				cells = append(cells, Num(v))
			}
			t.Rows = append(t.Rows, append(cells, Num(z), Num(a)))
		}
		r.Batch = t
	}
	r.BatchCount = textf.Sprintf(mn.BatchRows, len(n.Batch))
	r.BatchHelp = textf.Sprintf(mn.BatchHelp, len(n.X))

	// The comparison: every chosen activation on the same range.
	r.Compare = livechart.Chart{ID: "compare", Width: 520, Height: 320, XLabel: "z", YLabel: "f(z)", XMin: -R, XMax: R, Legend: true}
	r.CompareTable = Table{Head: []string{"z"}}
	points := []float64{-4, -2, -1, 0, 1, 2, 4}
	var names []string
	for _, name := range n.Compare {
		c, _ := engine.ActivationByName(name)
		label := m.Common.Activations[name]
		names = append(names, label)
		zs, ys := engine.CurveTo(nil, nil, c, -R, R, CurvePoints)
		r.Compare.Series = append(r.Compare.Series, livechart.Series{Label: label, Color: ActivationColor(name), X: zs, Y: ys})
		r.CompareTable.Head = append(r.CompareTable.Head, label)
	}
	for _, p := range points {
		row := []string{Num(p)}
		for _, name := range n.Compare {
			c, _ := engine.ActivationByName(name)
			row = append(row, Num(c.Eval(p)))
		}
		r.CompareTable.Rows = append(r.CompareTable.Rows, row)
	}
	r.Compare.Title = textf.Sprintf(mn.CompareAlt, strings.Join(names, ", "))
	return r
}

// Live returns what the browser's glue copies into the page after a change.
// withForm adds the form's values, for changes that reshape the form (an
// input added or removed).
func (p *NeuronPage) Live(withForm bool) *Live {
	l := &Live{Query: p.Query, Errors: p.Errors, Href: map[string]string{}}
	for _, ll := range p.LangLinks {
		l.Href["lang-"+string(ll.Lang)] = ll.Href
	}
	if withForm || p.Result == nil {
		l.Lists = map[string]int{"inputs": p.Form.N}
		l.Enabled = map[string]bool{"add": p.Form.N < engine.MaxInputs, "remove": p.Form.N > 1}
	}
	if withForm {
		l.Form = map[string][]string{"b": {p.Form.B}, "batch": {p.Form.Batch}}
		for _, in := range p.Form.Inputs[:p.Form.N] {
			l.Form["x"] = append(l.Form["x"], in.X)
			l.Form["w"] = append(l.Form["w"], in.W)
		}
	}
	r := p.Result
	if r == nil {
		return l
	}
	l.Text = map[string]string{
		"symbolic": r.Symbolic, "sum": r.Sum, "z": r.Z, "output": r.Output, "output-note": r.OutputNote, "deriv": r.Deriv,
		"deriv-note": r.DerivNote, "act-name": r.ActName, "act-note": r.ActNote,
		"formula": r.Formula, "deriv-formula": r.DerivForm, "point": r.Point,
		"batch-count": r.BatchCount, "batch-help": r.BatchHelp,
	}
	l.Title = map[string]string{"z": r.ZExact, "output": r.AExact}
	l.Tables = map[string]Table{"curve": r.CurveTable, "compare": r.CompareTable}
	if r.Batch != nil {
		l.Tables["batch"] = *r.Batch
	} else {
		l.Tables["batch"] = Table{}
	}
	l.SVG = map[string]string{"curve": r.Curve.SVG(), "compare": r.Compare.SVG()}
	l.Href["csv"] = r.CSV
	return l
}

// NeuronCSV returns the batch (or the single input when there is no batch)
// as CSV records: the inputs, z and f(z), every number in its shortest
// exact form. Every cell is a number or a fixed header, so nothing a link
// carries can become a spreadsheet formula.
func NeuronCSV(n state.Neuron) [][]string {
	act, _ := engine.ActivationByName(n.Act)
	nr := engine.Neuron{Weights: n.W, Bias: n.B, Activation: act}
	rows := n.Batch
	if len(rows) == 0 {
		rows = [][]float64{n.X}
	}
	head := make([]string, 0, len(n.X)+2)
	for i := range n.X {
		head = append(head, textf.Sprintf("x%d", i+1))
	}
	out := [][]string{append(head, "z", act.Name()+"(z)")}
	for _, x := range rows {
		z, a := nr.Forward(x)
		rec := make([]string, 0, len(x)+2)
		for _, v := range x {
			rec = append(rec, Exact(v))
		}
		out = append(out, append(rec, Exact(z), Exact(a)))
	}
	return out
}

// NeuronJSON is the neuron's result as data, for /api/neuron.
type NeuronJSON struct {
	Query      string      `json:"query"`
	Activation string      `json:"activation"`
	Z          float64     `json:"z"`
	Output     float64     `json:"output"`
	Derivative float64     `json:"derivative"`
	Batch      []NeuronRow `json:"batch,omitempty"`
}

// NeuronRow is one row of a batch's result.
type NeuronRow struct {
	X      []float64 `json:"x"`
	Z      float64   `json:"z"`
	Output float64   `json:"output"`
}

// NeuronData computes n's result as data.
func NeuronData(n state.Neuron) NeuronJSON {
	act, _ := engine.ActivationByName(n.Act)
	nr := engine.Neuron{Weights: n.W, Bias: n.B, Activation: act}
	z, a := nr.Forward(n.X)
	out := NeuronJSON{Query: n.Encode(), Activation: n.Act, Z: z, Output: a, Derivative: act.Deriv(z)}
	for _, x := range n.Batch {
		z, a := nr.Forward(x)
		out.Batch = append(out.Batch, NeuronRow{X: x, Z: z, Output: a})
	}
	return out
}
