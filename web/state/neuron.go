package state

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
)

// MaxBatchRows bounds the rows of a neuron's batch of inputs.
const MaxBatchRows = 1000

// Neuron is the state of the /neuron page.
//
// Link parameters, in canonical order:
//
//	lang   interface language (absent: the browser's choice)
//	x, w   one per input, repeated: x=1&x=2&w=0.5&w=-0.25 (both or neither)
//	b      the bias
//	act    the activation's token
//	batch  rows of inputs: numbers joined by ",", rows by "~"
//	cmp    activations to compare, repeated; "cmp=" alone means none
//	op     an action, applied once and never written back: "add" appends
//	       an input, "del3" removes input 3 (the no-JavaScript form's
//	       buttons use it)
type Neuron struct {
	Lang    i18n.Lang
	X, W    []float64
	B       float64
	Act     string
	Batch   [][]float64
	Compare []string
}

// DefaultNeuron returns the state of /neuron with no parameters: two inputs
// and the sigmoid, the lesson's first exercise.
func DefaultNeuron() Neuron {
	return Neuron{
		X:       []float64{1, 2},
		W:       []float64{0.5, -0.25},
		B:       0.75,
		Act:     engine.Sigmoid.Name(),
		Compare: defaultCompare(),
	}
}

func defaultCompare() []string {
	return []string{engine.Sigmoid.Name(), engine.Tanh.Name(), engine.ReLU.Name()}
}

// activationNames lists the registry's tokens in order.
func activationNames() []string { return tokens(engine.Activations(), engine.Activation.Name) }

// neuronParams are the /neuron link's keys in canonical order.
func neuronParams() []param[*Neuron] { return neuronTable.get(buildNeuronParams) }

var neuronTable paramTable[*Neuron]

func buildNeuronParams() []param[*Neuron] {
	return []param[*Neuron]{
		{key: "lang", field: func(n *Neuron) any { return &n.Lang }, spec: language},
		{key: "x", also: []string{"w"}, read: (*reader).inputs, write: writeInputs},
		{key: "b", field: func(n *Neuron) any { return &n.B }, spec: number(MaxAbsValue)},
		{key: "act", field: func(n *Neuron) any { return &n.Act }, spec: oneOf(activationNames)},
		{key: "batch", read: func(r *reader, n *Neuron) {
			if s, ok := r.single("batch"); ok {
				n.Batch = r.batch(s, len(n.X))
			}
		}, write: func(w *writer, n, _ *Neuron) {
			if len(n.Batch) > 0 {
				w.add("batch", FormatRows(n.Batch))
			}
		}},
		{key: "cmp", field: func(n *Neuron) any { return &n.Compare }, spec: tokenSet(activationNames, "", 0)},
	}
}

// DecodeNeuron reads a /neuron link. On any invalid value it returns the
// Errors found (every one, not just the first) and the defaults for them.
func DecodeNeuron(q url.Values) (Neuron, error) {
	r := reader{q: q}
	r.version()
	n := DefaultNeuron()
	readParams(&r, neuronParams(), &n)
	if s, ok := r.single("op"); ok && len(r.errs) == 0 {
		r.neuronOp(&n, s)
	}
	return n, r.errs.err()
}

// inputs reads x and w: as many of each, or neither.
func (r *reader) inputs(n *Neuron) {
	x, hasX := r.numbers("x", MaxAbsValue)
	w, hasW := r.numbers("w", MaxAbsValue)
	switch {
	case hasX && hasW:
		n.X, n.W = x, w
	case hasX:
		r.errs = append(r.errs, &FieldError{Key: "w", Problem: Mismatch, Got: 0, Want: len(x), Allowed: Allowed{Kind: AllowNone}})
	case hasW:
		r.errs = append(r.errs, &FieldError{Key: "x", Problem: Mismatch, Got: 0, Want: len(w), Allowed: Allowed{Kind: AllowNone}})
	}
	if hasX && hasW {
		inputs := Allowed{Kind: AllowCount, Min: 1, Max: engine.MaxInputs}
		switch {
		case len(x) > engine.MaxInputs:
			r.errs = append(r.errs, &FieldError{Key: "x", Problem: TooMany, Got: len(x), Allowed: inputs})
		case len(x) != len(w):
			r.errs = append(r.errs, &FieldError{Key: "w", Problem: Mismatch, Got: len(w), Want: len(x), Allowed: Allowed{Kind: AllowNone}})
		}
	}
}

// writeInputs writes x and w, both or (the default) neither.
func writeInputs(w *writer, n, def *Neuron) {
	if slices.Equal(n.X, def.X) && slices.Equal(n.W, def.W) {
		return
	}
	for _, v := range n.X {
		w.add("x", FormatNumber(v))
	}
	for _, v := range n.W {
		w.add("w", FormatNumber(v))
	}
}

// batch parses rows of numbers: rows end at a newline, "~" or ";", numbers
// are separated by commas, spaces or tabs. A one-input neuron takes a plain
// list: every number is a row.
func (r *reader) batch(s string, inputs int) [][]float64 {
	rowSep := func(c rune) bool { return c == '\n' || c == '\r' || c == '~' || c == ';' }
	valSep := func(c rune) bool { return c == ',' || c == ' ' || c == '\t' }
	if inputs == 1 {
		rowSep = func(c rune) bool { return strings.ContainsRune("\n\r~;, \t", c) }
		valSep = func(rune) bool { return false }
	}
	var rows [][]float64
	nerr := len(r.errs)
	for _, line := range strings.FieldsFunc(s, rowSep) {
		fields := strings.FieldsFunc(line, valSep)
		if len(fields) == 0 {
			continue
		}
		rows = append(rows, nil)
		if len(rows) > MaxBatchRows {
			r.errs = append(r.errs, &FieldError{Key: "batch", Value: shorten(s), Problem: TooMany, Got: countRows(s, rowSep, valSep), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: MaxBatchRows}})
			return nil
		}
		row := len(rows)
		if len(fields) != inputs {
			r.errs = append(r.errs, &FieldError{Key: "batch", Row: row, Value: shorten(line), Problem: RowLength, Got: len(fields), Want: inputs, Allowed: Allowed{Kind: AllowNone}})
			continue
		}
		vals := make([]float64, inputs)
		for i, f := range fields {
			v, fe := parseNumber("batch", i+1, f, false, -MaxAbsValue, MaxAbsValue)
			if fe != nil {
				fe.Row = row
				r.errs = append(r.errs, fe)
			}
			vals[i] = v
		}
		rows[row-1] = vals
		if len(r.errs)-nerr >= 10 {
			return nil // enough to fix for now; don't list a thousand
		}
	}
	return rows
}

func countRows(s string, rowSep, valSep func(rune) bool) int {
	n := 0
	for _, line := range strings.FieldsFunc(s, rowSep) {
		if len(strings.FieldsFunc(line, valSep)) > 0 {
			n++
		}
	}
	return n
}

// neuronOp applies the form action s to n.
func (r *reader) neuronOp(n *Neuron, s string) {
	switch {
	case s == "add" && len(n.X) < engine.MaxInputs:
		n.X = append(n.X, 0)
		n.W = append(n.W, 0)
		for i := range n.Batch {
			n.Batch[i] = append(n.Batch[i], 0)
		}
		return
	case strings.HasPrefix(s, "del"):
		i, ok := tokenIndex(s[3:])
		if ok && 1 <= i && i <= len(n.X) && len(n.X) > 1 {
			n.X = slices.Delete(n.X, i-1, i)
			n.W = slices.Delete(n.W, i-1, i)
			for j := range n.Batch {
				n.Batch[j] = slices.Delete(n.Batch[j], i-1, i)
			}
			return
		}
	}
	opts := []string{}
	if len(n.X) < engine.MaxInputs {
		opts = append(opts, "add")
	}
	if len(n.X) > 1 {
		opts = append(opts, "del1…del"+strconv.Itoa(len(n.X)))
	}
	r.errs = append(r.errs, &FieldError{Key: "op", Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: opts}})
}

// Encode returns n's canonical query string ("" for the default state).
func (n Neuron) Encode() string {
	var w writer
	def := DefaultNeuron()
	writeParams(&w, neuronParams(), &n, &def)
	return w.finish()
}

// FormatRows writes rows of numbers as a batch value: "1,2~3,4".
func FormatRows(rows [][]float64) string {
	var b strings.Builder
	for i, row := range rows {
		if i > 0 {
			b.WriteByte('~')
		}
		for j, v := range row {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(FormatNumber(v))
		}
	}
	return b.String()
}
