package state

import (
	"errors"
	"math"
	"math/rand/v2"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
)

func decode(t *testing.T, raw string) (Neuron, error) {
	t.Helper()
	q, err := ParseQuery(raw)
	if err != nil {
		return Neuron{}, err
	}
	return DecodeNeuron(q)
}

// TestNeuronGolden pins links: what a query decodes to, and that Encode
// writes exactly the canonical form. Changing one breaks old links.
func TestNeuronGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in, canonical string
		mod           func(*Neuron)
	}{
		{"", "", func(*Neuron) {}},
		{"v=1", "", func(*Neuron) {}},
		{"v=1&b=0.75&act=sigmoid", "", func(*Neuron) {}},
		{"v=1&lang=en", "v=1&lang=en", func(n *Neuron) { n.Lang = i18n.EN }},
		{"b=-2", "v=1&b=-2", func(n *Neuron) { n.B = -2 }},
		{"v=1&x=3&w=0.5", "v=1&x=3&w=0.5", func(n *Neuron) { n.X, n.W = []float64{3}, []float64{0.5} }},
		{"w=1&x=1&w=2&x=0,5&lang=ru", "v=1&lang=ru&x=1&x=0.5&w=1&w=2", func(n *Neuron) {
			n.Lang, n.X, n.W = i18n.RU, []float64{1, 0.5}, []float64{1, 2}
		}},
		{"v=1&b=1000000&act=tanh", "v=1&b=1e06&act=tanh", func(n *Neuron) { n.B, n.Act = 1e6, "tanh" }},
		{"b=0.0000001", "v=1&b=1e-07", func(n *Neuron) { n.B = 1e-7 }},
		{"b=%E2%88%922", "v=1&b=-2", func(n *Neuron) { n.B = -2 }},
		{"b=-0", "v=1&b=0", func(n *Neuron) { n.B = 0 }},
		{"batch=1+2%0D%0A3,4%0A%0A", "v=1&batch=1,2~3,4", func(n *Neuron) { n.Batch = [][]float64{{1, 2}, {3, 4}} }},
		{"x=1&w=1&batch=1,2,3", "v=1&x=1&w=1&batch=1~2~3", func(n *Neuron) {
			n.X, n.W, n.Batch = []float64{1}, []float64{1}, [][]float64{{1}, {2}, {3}}
		}},
		{"batch=", "", func(*Neuron) {}},
		{"cmp=", "v=1&cmp=", func(n *Neuron) { n.Compare = []string{} }},
		{"cmp=&cmp=step&cmp=sigmoid&cmp=step", "v=1&cmp=sigmoid&cmp=step", func(n *Neuron) { n.Compare = []string{"sigmoid", "step"} }},
		{"cmp=relu&cmp=tanh&cmp=sigmoid", "", func(*Neuron) {}},
		{"op=add", "v=1&x=1&x=2&x=0&w=0.5&w=-0.25&w=0", func(n *Neuron) { n.X, n.W = []float64{1, 2, 0}, []float64{0.5, -0.25, 0} }},
		{"op=del1&batch=1,2", "v=1&x=2&w=-0.25&batch=2", func(n *Neuron) { n.X, n.W, n.Batch = []float64{2}, []float64{-0.25}, [][]float64{{2}} }},
		{"utm_source=chat&fbclid=abc", "", func(*Neuron) {}},
	} {
		n, err := decode(t, tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		want := DefaultNeuron()
		tc.mod(&want)
		if !reflect.DeepEqual(n, want) {
			t.Errorf("%q decodes to %+v, want %+v", tc.in, n, want)
		}
		if got := n.Encode(); got != tc.canonical {
			t.Errorf("%q encodes as %q, want %q", tc.in, got, tc.canonical)
		}
	}
}

// TestNeuronErrors checks that every bad value is reported with its key,
// position, value and what is allowed, and never changed in silence.
func TestNeuronErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in      string
		want    []FieldError // Key, Index, Row, Problem, Got, Want compared
		allowed AllowedKind
	}{
		{"v=2", []FieldError{{Key: "v", Problem: UnknownVersion}}, AllowOneOf},
		{"lang=de", []FieldError{{Key: "lang", Problem: Unknown}}, AllowOneOf},
		{"b=abc", []FieldError{{Key: "b", Problem: NotNumber}}, AllowNumber},
		{"b=", []FieldError{{Key: "b", Problem: NotNumber}}, AllowNumber},
		{"b=NaN", []FieldError{{Key: "b", Problem: NotFinite}}, AllowNumber},
		{"b=-Inf", []FieldError{{Key: "b", Problem: NotFinite}}, AllowNumber},
		{"b=1e400", []FieldError{{Key: "b", Problem: OutOfRange}}, AllowNumber},
		{"b=1000001", []FieldError{{Key: "b", Problem: OutOfRange}}, AllowNumber},
		{"b=1&b=2", []FieldError{{Key: "b", Problem: TooMany, Got: 2}}, AllowCount},
		{"act=softmax", []FieldError{{Key: "act", Problem: Unknown}}, AllowOneOf},
		{"x=1&x=2&w=1", []FieldError{{Key: "w", Problem: Mismatch, Got: 1, Want: 2}}, AllowNone},
		{"x=1", []FieldError{{Key: "w", Problem: Mismatch, Got: 0, Want: 1}}, AllowNone},
		{"x=1&w=oops&x=zz&w=2", []FieldError{{Key: "x", Index: 2, Problem: NotNumber}, {Key: "w", Index: 1, Problem: NotNumber}}, AllowNumber},
		{strings.Repeat("x=1&w=1&", 9), []FieldError{{Key: "x", Problem: TooMany, Got: 9}}, AllowCount},
		{"batch=1,2~3", []FieldError{{Key: "batch", Row: 2, Problem: RowLength, Got: 1, Want: 2}}, AllowNone},
		{"batch=1,x", []FieldError{{Key: "batch", Row: 1, Index: 2, Problem: NotNumber}}, AllowNumber},
		{"x=1&w=1&batch=" + strings.Repeat("1~", MaxBatchRows+1), []FieldError{{Key: "batch", Problem: TooMany, Got: MaxBatchRows + 1}}, AllowCount},
		{"cmp=sigmoid&cmp=gelu", []FieldError{{Key: "cmp", Problem: Unknown}}, AllowOneOf},
		{"op=del9", []FieldError{{Key: "op", Problem: Unknown}}, AllowOneOf},
		{"op=launch", []FieldError{{Key: "op", Problem: Unknown}}, AllowOneOf},
		{"b=%zz", []FieldError{{Problem: BadEscape}}, AllowNone},
		{"b=1;act=tanh", []FieldError{{Problem: BadEscape}}, AllowNone},
	} {
		_, err := decode(t, tc.in)
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("%q: error %v, want Errors", tc.in, err)
			continue
		}
		if len(es) != len(tc.want) {
			t.Errorf("%q: %d errors (%v), want %d", tc.in, len(es), es, len(tc.want))
			continue
		}
		for i, e := range es {
			w := tc.want[i]
			if e.Key != w.Key || e.Index != w.Index || e.Row != w.Row || e.Problem != w.Problem || e.Got != w.Got || e.Want != w.Want {
				t.Errorf("%q: error %d = %+v, want %+v", tc.in, i, *e, w)
			}
			if e.Allowed.Kind != tc.allowed {
				t.Errorf("%q: allowed kind %v, want %v", tc.in, e.Allowed.Kind, tc.allowed)
			}
			if e.Error() == "" {
				t.Errorf("%q: empty message", tc.in)
			}
		}
	}
}

func TestParseQueryLimit(t *testing.T) {
	t.Parallel()
	ok := "b=" + strings.Repeat("0", MaxQueryBytes-2)
	if _, err := ParseQuery(ok); err != nil {
		t.Errorf("a query of exactly MaxQueryBytes: %v", err)
	}
	if _, err := ParseQuery(ok + "0"); err == nil {
		t.Error("a query one byte over MaxQueryBytes was accepted")
	}
}

func TestShortenedValue(t *testing.T) {
	t.Parallel()
	_, err := decode(t, "act="+strings.Repeat("я", 100))
	es := err.(Errors)
	if got := []rune(es[0].Value); len(got) != MaxShownValue {
		t.Errorf("shown value has %d runes, want %d", len(got), MaxShownValue)
	}
}

// randomNeuron returns a valid random state.
func randomNeuron(rng *rand.Rand) Neuron {
	acts := activationNames()
	n := DefaultNeuron()
	k := 1 + rng.IntN(engine.MaxInputs)
	num := func() float64 {
		switch rng.IntN(4) {
		case 0:
			return float64(rng.IntN(21) - 10)
		case 1:
			return math.Round(rng.Float64()*2000-1000) / 100
		case 2:
			return (rng.Float64()*2 - 1) * MaxAbsValue
		}
		return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(12)-8))
	}
	n.X, n.W = make([]float64, k), make([]float64, k)
	for i := range k {
		n.X[i], n.W[i] = num(), num()
	}
	n.B = num()
	n.Act = acts[rng.IntN(len(acts))]
	if rng.IntN(2) == 0 {
		n.Lang = i18n.Langs()[rng.IntN(2)]
	}
	for range rng.IntN(5) {
		row := make([]float64, k)
		for i := range row {
			row[i] = num()
		}
		n.Batch = append(n.Batch, row)
	}
	n.Compare = []string{}
	for _, a := range acts {
		if rng.IntN(3) == 0 {
			n.Compare = append(n.Compare, a)
		}
	}
	return n
}

func TestNeuronRoundTrip(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		n := randomNeuron(rng)
		q := n.Encode()
		got, err := decode(t, q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if len(n.Compare) == 3 && reflect.DeepEqual(n.Compare, defaultCompare()) {
			n.Compare = defaultCompare()
		}
		if !reflect.DeepEqual(got, n) {
			t.Fatalf("%q round-trips to %+v, want %+v", q, got, n)
		}
		if again := got.Encode(); again != q {
			t.Fatalf("not canonical: %q, then %q", q, again)
		}
	}
}

func FuzzDecodeNeuron(f *testing.F) {
	for _, s := range []string{"", "v=1&x=1&w=2&b=3&act=tanh", "batch=1,2~3,4&cmp=", "op=del1", "b=%zz", "x=1e400", "lang=en&op=add&batch=1%0A2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseQuery(raw)
		if err != nil {
			return
		}
		n, err := DecodeNeuron(q)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%q: error %v is not Errors", raw, err)
			}
			return
		}
		// A valid state is canonical after one Encode and within limits.
		c := n.Encode()
		if len(c) > 2*MaxQueryBytes {
			t.Fatalf("%q: canonical form of %d bytes", raw, len(c))
		}
		q2, err := ParseQuery(c)
		if err != nil {
			t.Fatalf("canonical %q does not parse: %v", c, err)
		}
		n2, err := DecodeNeuron(q2)
		if err != nil || n2.Encode() != c {
			t.Fatalf("%q → %q → %v, %q", raw, c, err, n2.Encode())
		}
		if len(n.X) < 1 || len(n.X) > engine.MaxInputs || len(n.X) != len(n.W) {
			t.Fatalf("%q: %d inputs, %d weights", raw, len(n.X), len(n.W))
		}
	})
}

// TestParseQueryAgreesWithNetURL: the strict parser reads every query as
// url.ParseQuery does, and fails exactly where it fails.
func TestParseQueryAgreesWithNetURL(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{"", "a=1", "a=1&a=2&b=", "&&a=1&", "a", "a=%41%zz", "a=1;b=2", "a=%E2%88%92&b=x+y", "%3D=%26", "=v", "a==b"} {
		want, werr := url.ParseQuery(raw)
		got, gerr := ParseQuery(raw)
		if (werr != nil) != (gerr != nil) || werr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("ParseQuery(%q) = %v, %v; net/url: %v, %v", raw, got, gerr, want, werr)
		}
	}
}
