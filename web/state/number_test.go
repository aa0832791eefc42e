package state

import (
	"errors"
	"math"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestScanNumber pins the one number syntax (doc.go, Numbers).
func TestScanNumber(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in    string
		comma bool
		want  float64
		p     Problem
	}{
		{"2", false, 2, 0}, {"+2", false, 2, 0}, {"-2", false, -2, 0}, {"−2", false, -2, 0},
		{"2.", false, 2, 0}, {".5", false, 0.5, 0}, {"-.5", false, -0.5, 0}, {"0.50", false, 0.5, 0},
		{"5e-1", false, 0.5, 0}, {"5E-1", false, 0.5, 0}, {"1e5", false, 1e5, 0}, {"1E+5", false, 1e5, 0},
		{" 2\t", false, 2, 0}, {"\u00a02", false, 2, 0}, {"-0", false, 0, 0}, {"0.0e-999", false, 0, 0},
		{"0.1", false, 0.1, 0}, {"2.2250738585072014e-308", false, minNormal, 0},
		{"1.7976931348623157e308", false, math.MaxFloat64, 0},
		{"0,5", true, 0.5, 0}, {",5", true, 0.5, 0}, {"−1,25e1", true, -12.5, 0},
		{"0,5", false, 0, NotNumber}, {"1,000", false, 0, NotNumber}, {"1,2,3", true, 0, NotNumber},
		{"1.2,3", true, 0, NotNumber}, {"1,2.3", true, 0, NotNumber},
		{"", false, 0, NotNumber}, {" ", false, 0, NotNumber}, {".", false, 0, NotNumber}, {"-", false, 0, NotNumber},
		{"e5", false, 0, NotNumber}, {"1e", false, 0, NotNumber}, {"1e+", false, 0, NotNumber}, {"1e5.5", false, 0, NotNumber},
		{"0x10", false, 0, NotNumber}, {"0x1p4", false, 0, NotNumber}, {"0X1P-4", false, 0, NotNumber},
		{"1_0", false, 0, NotNumber}, {"0b1", false, 0, NotNumber}, {"0o7", false, 0, NotNumber},
		{"--2", false, 0, NotNumber}, {"+-2", false, 0, NotNumber}, {"−-2", false, 0, NotNumber}, {"2-", false, 0, NotNumber},
		{"1..2", false, 0, NotNumber}, {"1.2.3", false, 0, NotNumber}, {"1 2", false, 0, NotNumber}, {"２", false, 0, NotNumber},
		{"inf", false, 0, NotFinite}, {"+Inf", false, 0, NotFinite}, {"-infinity", false, 0, NotFinite},
		{"NaN", false, 0, NotFinite}, {"∞", false, 0, NotFinite},
		{"1e400", false, 0, OutOfRange}, {"-1e400", false, 0, OutOfRange}, {"1e99999999999999999999", false, 0, OutOfRange},
		{"1e-400", false, 0, Underflow}, {"-1e-400", false, 0, Underflow}, {"1e-310", false, 0, Underflow},
		{"2.2250738585072011e-308", false, 0, Underflow}, {"0.0001e-305", false, 0, Underflow},
		{"1e-99999999999999999999", false, 0, Underflow},
	} {
		v, p := scanNumber(tc.in, tc.comma)
		if p != tc.p || v != tc.want || math.Signbit(v) != math.Signbit(tc.want) {
			t.Errorf("scanNumber(%q, comma %v) = %v, %v; want %v, %v", tc.in, tc.comma, v, p, tc.want, tc.p)
		}
	}
}

// TestScanNumberRoundTrip: what FormatNumber writes reads back exactly.
func TestScanNumberRoundTrip(t *testing.T) {
	t.Parallel()
	for _, v := range []float64{0, 1, -1, 0.1, 1e-7, 1e6, 1.5e-300, minNormal, math.MaxFloat64, -math.Pi, 1.0 / 3} {
		got, p := scanNumber(FormatNumber(v), false)
		if p != 0 || got != v {
			t.Errorf("%v writes %q, reads %v (%v)", v, FormatNumber(v), got, p)
		}
	}
}

// numberField is one numeric key of one page: read puts a spelling in a
// link of its page and returns the number the page read, and whether it
// read one.
type numberField struct {
	name  string
	base  string // a whole value in the field's range, in digits
	frac  bool   // the field takes fractions (and 0.5 is in its range)
	comma bool   // a decimal comma is the point
	read  func(v string) (float64, error)
}

func numberFields() []numberField {
	q := func(kv ...string) url.Values {
		out := url.Values{}
		for i := 0; i < len(kv); i += 2 {
			out[kv[i]] = append(out[kv[i]], kv[i+1])
		}
		return out
	}
	nq := func(get func(Neuron) float64, tmpl ...string) func(string) (float64, error) {
		return func(v string) (float64, error) {
			n, err := DecodeNeuron(q(fill(tmpl, v)...))
			if err != nil {
				return 0, err
			}
			return get(n), nil
		}
	}
	cq := func(get func(Conv) float64, tmpl ...string) func(string) (float64, error) {
		return func(v string) (float64, error) {
			c, err := DecodeConv(q(fill(tmpl, v)...))
			if err != nil {
				return 0, err
			}
			return get(c), nil
		}
	}
	wq := func(get func(Network) float64, tmpl ...string) func(string) (float64, error) {
		return func(v string) (float64, error) {
			n, err := DecodeNetwork(q(fill(tmpl, v)...))
			if err != nil {
				return 0, err
			}
			return get(n), nil
		}
	}
	// A hidden field the form remembers is ignored when it is not a
	// number: reading one is recording the edit.
	memory := func(tmpl ...string) func(string) (float64, error) {
		return func(v string) (float64, error) {
			n, err := DecodeNetwork(q(fill(tmpl, v)...))
			if err == nil && len(n.Edits) == 0 {
				err = errors.New("ignored")
			}
			if err != nil {
				return 0, err
			}
			return n.Edits[0].Value, nil
		}
	}
	edit := func(n Network) float64 {
		if len(n.Edits) == 0 {
			return math.NaN()
		}
		return n.Edits[0].Value
	}
	return []numberField{
		{"neuron x", "2", true, true, nq(func(n Neuron) float64 { return n.X[0] }, "x", "V", "w", "1")},
		{"neuron w", "2", true, true, nq(func(n Neuron) float64 { return n.W[0] }, "x", "1", "w", "V")},
		{"neuron b", "2", true, true, nq(func(n Neuron) float64 { return n.B }, "b", "V")},
		{"neuron batch", "2", true, false, nq(func(n Neuron) float64 { return n.Batch[0][0] }, "batch", "V,1")},
		{"conv grid", "2", true, false, cq(func(c Conv) float64 { return c.Grid[0][1] }, "grid", "1,V~1,1")},
		{"conv k", "2", true, false, cq(func(c Conv) float64 { return c.Kernels[0].Weights[0][0] }, "k", "V,1~1,1")},
		{"conv kv", "2", true, false, cq(func(c Conv) float64 { return c.Kernels[0].Weights[0][0] }, "k", CustomKernel, "kv", "V,1~1,1")},
		{"conv stride", "2", false, false, cq(func(c Conv) float64 { return float64(c.Stride) }, "stride", "V")},
		{"conv psize", "2", false, false, cq(func(c Conv) float64 { return float64(c.PoolSize) }, "psize", "V")},
		{"conv pstride", "2", false, false, cq(func(c Conv) float64 { return float64(c.PoolStride) }, "pstride", "V")},
		{"conv sel", "2", false, false, cq(func(c Conv) float64 { return float64(c.Sel) }, "k", "identity", "k", "identity", "sel", "V")},
		{"conv at", "2", false, false, cq(func(c Conv) float64 { return float64(c.At[0]) }, "at", "V,1")},
		{"conv src", "20", false, false, cq(func(c Conv) float64 { return float64(c.Orig[0]) }, "px", goldenPx, "src", "Vx10")},
		{"network noise", "2", false, false, wq(func(n Network) float64 { return float64(n.Noise) }, "noise", "V")},
		{"network train", "20", false, false, wq(func(n Network) float64 { return float64(n.Split) }, "train", "V")},
		{"network seed", "2", false, false, wq(func(n Network) float64 { return float64(n.Seed) }, "seed", "V")},
		{"network h", "2", false, false, wq(func(n Network) float64 { return float64(n.Hidden[1]) }, "h", "4,V")},
		{"network lr", "2", true, true, wq(func(n Network) float64 { return n.LR }, "lr", "V")},
		{"network bs", "2", false, false, wq(func(n Network) float64 { return float64(n.Batch) }, "bs", "V")},
		{"network rr", "2", true, true, wq(func(n Network) float64 { return n.RegRate }, "rr", "V")},
		{"network e", "2", false, false, wq(func(n Network) float64 { return float64(n.Epoch) }, "e", "V")},
		{"network stop", "2", false, false, wq(func(n Network) float64 { return float64(n.StopAt) }, "stop", "V")},
		{"network tl", "2", true, true, wq(func(n Network) float64 { return n.StopLoss }, "tl", "V")},
		{"network px", "2", true, true, wq(func(n Network) float64 { return n.ProbeX }, "px", "V")},
		{"network py", "2", true, true, wq(func(n Network) float64 { return n.ProbeY }, "py", "V")},
		{"network ed epoch", "2", false, false, wq(func(n Network) float64 { return float64(n.Edits[0].Epoch) }, "e", "20", "ed", "V,w1.1.1,1")},
		{"network ed lr", "2", true, false, wq(edit, "e", "20", "ed", "5,lr,V")},
		{"network ed rr", "2", true, false, wq(edit, "e", "20", "ed", "5,rr,V")},
		{"network ed bs", "2", false, false, wq(edit, "e", "20", "ed", "5,bs,V")},
		{"network ed weight", "2", true, false, wq(edit, "e", "20", "ed", "5,w1.1.1,V")},
		{"network ed bias", "2", true, false, wq(edit, "e", "20", "ed", "5,b1.1,V")},
		{"network wv", "2", true, true, wq(edit, "e", "20", "sel", "n1.1", "op", "set", "wv", "V")},
		{"network pt.x", "2", true, true, wq(func(n Network) float64 { return n.ProbeX }, "pt.x", "V", "pt.y", "150")},
		{"network pt.y", "2", true, true, wq(func(n Network) float64 { return n.ProbeY }, "pt.x", "150", "pt.y", "V")},
		{"network plr", "2", true, true, memory("e", "20", "lr", "1", "plr", "V")},
		{"network prr", "2", true, true, memory("e", "20", "rr", "1", "prr", "V")},
		{"network pbs", "2", false, false, memory("e", "20", "bs", "5", "pbs", "V")},
	}
}

// fill replaces V in the values of tmpl (key, value, …) with v.
func fill(tmpl []string, v string) []string {
	out := make([]string, len(tmpl))
	for i, s := range tmpl {
		if i%2 == 1 {
			s = strings.ReplaceAll(s, "V", v)
		}
		out[i] = s
	}
	return out
}

// TestNumberSpellings: every numeric key of every page reads the same
// spellings and refuses the same ones, with the same value.
func TestNumberSpellings(t *testing.T) {
	t.Parallel()
	for _, f := range numberFields() {
		b := f.base
		bv, _ := strconv.Atoi(b)
		want, err := f.read(b)
		if err != nil {
			t.Errorf("%s: the base %q: %v", f.name, b, err)
			continue
		}
		same := []string{b, "+" + b, b + ".", b + ".0", b + "e0", b + "E0", b + "0e-1", b + "0E-1",
			"." + b + "e" + strconv.Itoa(len(b)), " " + b + " ", "\t" + b, b + "\u00a0"}
		never := []string{"0x" + strconv.FormatInt(int64(bv), 16), "0x" + strconv.FormatInt(int64(bv), 16) + "p0",
			"1_" + b, b[:1] + "_" + b[1:] + "0", "inf", "+Inf", "-Infinity", "NaN", "nan", "", " ", b + "e", "e" + b,
			"--" + b, "+-" + b, b + ".0.0", b + "..", "0b1", "0o2", b + "f", "1e-400", "1e400", "1e-310", "-1e-400",
			"２", "(" + b + ")"}
		for _, s := range same {
			if got, err := f.read(s); err != nil || got != want {
				t.Errorf("%s: %q reads %v, %v; want %v as %q does", f.name, s, got, err, want, b)
			}
		}
		for _, s := range never {
			if got, err := f.read(s); err == nil {
				t.Errorf("%s: %q accepted as %v", f.name, s, got)
			}
		}
		// A comma where a fraction is typed alone is the point.
		commaOne := b + ",0"
		if got, err := f.read(commaOne); f.comma != (err == nil) || f.comma && got != want {
			t.Errorf("%s: %q reads %v, %v (comma read: %v)", f.name, commaOne, got, err, f.comma)
		}
		half, _ := f.read("0.5")
		for _, s := range []string{".5", "0.50", "5e-1", "5E-1", "0,5"} {
			got, err := f.read(s)
			ok := f.frac && (s != "0,5" || f.comma)
			if ok != (err == nil) || ok && got != half {
				t.Errorf("%s: %q reads %v, %v; a fraction: %v, comma: %v", f.name, s, got, err, f.frac, f.comma)
			}
		}
	}
}

// TestNumberErrors: a refused number is an error naming the key and the
// value, and 1e-400 and 1e400 say what is wrong with them.
func TestNumberErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in  string
		key string
		p   Problem
	}{
		{"b=1e-400", "b", Underflow}, {"b=1e400", "b", OutOfRange}, {"b=0x1p4", "b", NotNumber}, {"b=1_0", "b", NotNumber},
		{"x=1e-310&w=1", "x", Underflow},
		{"grid=0x1p4,1~1,1", "grid", NotNumber}, {"grid=1e-400,1~1,1", "grid", Underflow},
		{"k=1e-400", "k", Underflow},
		{"lr=0x1p-4", "lr", NotNumber}, {"lr=1_0", "lr", NotNumber}, {"rr=1e-400", "rr", Underflow},
		{"noise=0x1p2", "noise", NotNumber}, {"seed=1e400", "seed", OutOfRange}, {"e=1e-400", "e", Underflow},
		{"e=9&ed=5,w1.1.1,1e-400", "ed", Underflow}, {"e=9&ed=5,lr,0x1p-4", "ed", NotNumber},
		{"e=9&ed=0x5,lr,0.1", "ed", NotNumber}, {"e=9&ed=5,bs,1e400", "ed", OutOfRange},
		{"sel=n1.1&op=set&wv=1e-400", "wv", Underflow}, {"pt.x=1e-400&pt.y=1", "pt.x", Underflow},
	} {
		q, err := ParseQuery(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		var errs [3]error
		_, errs[0] = DecodeNeuron(q)
		_, errs[1] = DecodeConv(q)
		_, errs[2] = DecodeNetwork(q)
		found := false
		for _, err := range errs {
			var es Errors
			if errors.As(err, &es) && len(es) == 1 && es[0].Key == tc.key {
				found = true
				if e := es[0]; e.Problem != tc.p || e.Value == "" || !strings.Contains(tc.in, e.Value) || e.Allowed.Kind == 0 {
					t.Errorf("%q: %+v, want %v naming the value", tc.in, *e, tc.p)
				}
			}
		}
		if !found {
			t.Errorf("%q: no page reports %s: %v", tc.in, tc.key, errs)
		}
	}
}

// TestTokenIndex: the indices inside tokens have one spelling.
func TestTokenIndex(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]int{"0": 0, "1": 1, "12": 12, "9999": 9999} {
		if v, ok := tokenIndex(s); !ok || v != want {
			t.Errorf("tokenIndex(%q) = %v, %v", s, v, ok)
		}
	}
	for _, s := range []string{"", "01", "+1", "-1", "1e1", " 1", "1.0", "0x1", "99999"} {
		if v, ok := tokenIndex(s); ok {
			t.Errorf("tokenIndex(%q) = %v, accepted", s, v)
		}
	}
}

// numberPattern is the syntax of doc.go written as a regular expression,
// a second reading of it for the fuzz target.
var numberPattern = regexp.MustCompile(`^[+\-−]?([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][+\-]?[0-9]+)?$`)

// FuzzScanNumber: scanNumber accepts what the pattern does (a comma only
// when asked), gives strconv's nearest double, and never a changed number.
func FuzzScanNumber(f *testing.F) {
	for _, s := range []string{"2", "-0.5", "0,5", ".5", "5.", "1e5", "1E-5", "0x1p4", "1_0", "inf", " 2 ", "1e-400", "1e400", "−3"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, comma bool) {
		v, p := scanNumber(s, comma)
		trimmed := strings.TrimSpace(s)
		syntax := numberPattern.MatchString(trimmed) && (comma || !strings.Contains(trimmed, ","))
		if syntax != (p != NotNumber && p != NotFinite) {
			t.Fatalf("%q (comma %v): problem %v, pattern says %v", s, comma, p, syntax)
		}
		if !syntax {
			return
		}
		norm := strings.NewReplacer("−", "-", ",", ".").Replace(trimmed)
		want, err := strconv.ParseFloat(norm, 64)
		switch {
		case err != nil || math.IsInf(want, 0):
			if p != OutOfRange {
				t.Fatalf("%q: %v, %v; want out of range", s, v, p)
			}
		case want != 0 && math.Abs(want) < minNormal || want == 0 && strings.ContainsAny(strings.Split(strings.ToLower(norm), "e")[0], "123456789"):
			if p != Underflow {
				t.Fatalf("%q: %v, %v; want underflow", s, v, p)
			}
		case p != 0 || v != want:
			t.Fatalf("%q: %v, %v; want %v", s, v, p, want)
		}
	})
}
