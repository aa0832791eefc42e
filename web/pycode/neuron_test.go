// The programs run under the host's Python: not in the js/wasm test run.

//go:build !js

package pycode_test

import (
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/state"
	"nnplay/web/view"
)

// neuronExactEpilogue, appended to a neuron program, prints its results
// with every digit (repr), so the test can compare bits.
const neuronExactEpilogue = `
print("EXACT", repr(float(z)), repr(float(a)), repr(float(%s_deriv(z, a))))
`

// maxActError is the tolerance for f(z) and f′(z), in ε·max(1, |value|)
// (ε = 2⁻⁵²): NumPy's exp, tanh and log1p are not the engine's portable
// ones, and e^z − 1 (ELU) turns their last-bit difference near z = 0 into
// an absolute one. z itself is exact.
const maxActError = 4

// actError returns |a − b| in units of ε·max(1, |b|).
func actError(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / (0x1p-52 * max(1, math.Abs(b)))
}

// neuronStates are the states the neuron's program is checked on: the
// defaults (the lesson's exercise), every activation, and random ones.
func neuronStates() []state.Neuron {
	var out []state.Neuron
	out = append(out, state.DefaultNeuron())
	for _, a := range engine.Activations() {
		n := state.DefaultNeuron()
		n.Act = a.Name()
		n.Batch = [][]float64{{0, 0}, {-3, 1.5}, {1e6, -1e6}, {2, 1}}
		out = append(out, n)
		z := state.DefaultNeuron() // z = 0 exactly: the kinks
		z.Act, z.B = a.Name(), 0
		out = append(out, z)
	}
	// Link values that are numbers in odd spellings: the program must hold
	// them as plain decimal numbers (see TestNeuronLinkText).
	for _, raw := range oddLinks {
		q, _ := url.ParseQuery(raw)
		n, err := state.DecodeNeuron(q)
		if err != nil {
			panic(raw + ": " + err.Error())
		}
		out = append(out, n)
	}
	rng := rand.New(rand.NewPCG(1, 1))
	acts := engine.Activations()
	num := func() float64 {
		switch rng.IntN(4) {
		case 0:
			return float64(rng.IntN(21) - 10)
		case 1:
			return math.Round((rng.Float64()*2-1)*1e4) / 1e3
		case 2:
			return (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(12)-6))
		}
		return rng.NormFloat64()
	}
	for range 40 {
		k := 1 + rng.IntN(engine.MaxInputs)
		n := state.Neuron{Act: acts[rng.IntN(len(acts))].Name(), B: num(), Compare: []string{"sigmoid"}}
		for range k {
			n.X, n.W = append(n.X, num()), append(n.W, num())
		}
		for range rng.IntN(4) {
			row := make([]float64, k)
			for i := range row {
				row[i] = num()
			}
			n.Batch = append(n.Batch, row)
		}
		// Through the link and back, as the page gets it.
		q, _ := url.ParseQuery(n.Encode())
		d, err := state.DecodeNeuron(q)
		if err != nil {
			panic(err)
		}
		out = append(out, d)
	}
	return out
}

// TestNeuronProgram runs the neuron's program for each state and compares
// what it prints with the page: z, f(z), f′(z) and the batch rows in the
// page's digits; z exactly and f, f′ within maxActULPs.
func TestNeuronProgram(t *testing.T) {
	t.Parallel()
	worst := 0.0
	states := neuronStates()
	var programs []string
	for i, n := range states {
		act, _ := engine.ActivationByName(n.Act)
		prog := pycode.Neuron(n, i18n.Langs()[i%2])
		// The script and, for every other state, the notebook's cells.
		script := prog.Python()
		if i%2 == 1 {
			nb := prog.Notebook()
			validateNotebook(t, nb)
			script = notebookScript(t, nb)
		}
		programs = append(programs, script+strings.Replace(neuronExactEpilogue, "%s", strings.ReplaceAll(act.Name(), "-", "_"), 1))
	}
	outs := runPython(t, programs...)
	for i, n := range states {
		lang := i18n.Langs()[i%2]
		act, _ := engine.ActivationByName(n.Act)
		out := outs[i]
		lines := strings.Split(strings.TrimSpace(out), "\n")
		p := view.Neuron(n, lang)
		r := p.Result
		sym := r.Output[:strings.Index(r.Output, "(")]

		want := []string{"z = " + r.Z, r.Output, r.Deriv}
		if r.Batch != nil {
			for _, row := range r.Batch.Rows {
				want = append(want, row[0]+" "+row[len(row)-2]+" "+row[len(row)-1])
			}
		}
		got := make([]string, 0, len(lines))
		for _, line := range lines[:len(lines)-1] {
			got = append(got, pageLine(t, line, sym))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("state %s: the program prints\n%s\nthe page shows\n%s", n.Encode(), strings.Join(got, "\n"), strings.Join(want, "\n"))
			continue
		}

		exact := strings.Fields(lines[len(lines)-1])
		if len(exact) != 4 || exact[0] != "EXACT" {
			t.Fatalf("no exact line: %q", lines[len(lines)-1])
		}
		nr := engine.Neuron{Weights: n.W, Bias: n.B, Activation: act}
		z, a := nr.Forward(n.X)
		d := act.Deriv(z)
		vals := make([]float64, 3)
		for k, s := range exact[1:] {
			vals[k], _ = strconv.ParseFloat(s, 64)
		}
		if math.Float64bits(vals[0]) != math.Float64bits(z) && !(vals[0] == 0 && z == 0) {
			t.Errorf("state %s: z = %v in Python, %v on the server", n.Encode(), vals[0], z)
		}
		for k, want := range []float64{a, d} {
			e := actError(vals[k+1], want)
			worst = max(worst, e)
			if e > maxActError {
				t.Errorf("state %s: %s = %v in Python, %v on the server: %.3g ε apart", n.Encode(), []string{"f(z)", "f′(z)"}[k], vals[k+1], want, e)
			}
		}
	}
	t.Logf("f(z), f′(z): at most %.3g ε·max(1, |f|) from the server", worst)
}

// pageLine writes a printed line as the page writes it: every number in
// view.Num's form.
func pageLine(t *testing.T, line, sym string) string {
	t.Helper()
	if rest, ok := strings.CutPrefix(line, "z = "); ok {
		return "z = " + pageNum(t, rest)
	}
	for _, prefix := range []string{sym + "′(", sym + "("} {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			arg, val, _ := strings.Cut(rest, ") = ")
			return prefix + pageNum(t, arg) + ") = " + pageNum(t, val)
		}
	}
	f := strings.Fields(line)
	if len(f) != 3 {
		t.Fatalf("unexpected line %q", line)
	}
	return f[0] + " " + pageNum(t, f[1]) + " " + pageNum(t, f[2])
}

// oddLinks spell numbers in every way the link decoder accepts.
var oddLinks = []string{
	"x=.25e0&x=%E2%88%921,5&w=2.5e-308&w=-0&b=+1e6&act=tanh",
	"x=%201e-7%20&w=1E3&b=3.&act=elu&batch=1.0~-2.5e-308",
}

// TestNeuronLinkText: a link's text reaches the program only as numbers
// Go wrote: its spellings (".25e0", "+1e6") never appear in the code,
// only in the page's link in a comment, which stays on one line.
func TestNeuronLinkText(t *testing.T) {
	t.Parallel()
	for _, raw := range oddLinks {
		q, _ := url.ParseQuery(raw)
		n, err := state.DecodeNeuron(q)
		if err != nil {
			t.Fatal(err)
		}
		src := pycode.Neuron(n, i18n.EN).Python()
		var code []string
		for _, line := range strings.Split(src, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "#") {
				code = append(code, line)
			}
		}
		for _, spelling := range []string{".25e0", "+1e6", " 1e-7 ", "−", "1,5", "E3", "3.,", "3.\n", "-0]", "-0,"} {
			if strings.Contains(strings.Join(code, "\n"), spelling) {
				t.Errorf("link %s: the code holds %q", raw, spelling)
			}
		}
	}
}
