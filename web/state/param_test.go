package state

import (
	"math/rand/v2"
	"net/url"
	"slices"
	"testing"
)

// checkTable checks one page's table against states drawn by random:
// every key is the table's once; the default state writes no key; each
// param writes only its own keys, in table order, and what it writes of a
// state it reads back (the decoded state writes it again, byte for byte);
// Encode is the params' writes in table order.
func checkTable[S any](t *testing.T, name string, ps []param[*S], def S, random func(*rand.Rand) S, decode func(url.Values) (S, error), encode func(S) string) {
	t.Helper()
	owner := map[string]int{}
	for i, p := range ps {
		for _, k := range append([]string{p.key}, p.also...) {
			if j, ok := owner[k]; ok {
				t.Errorf("%s: key %q in params %d and %d", name, k, j, i)
			}
			owner[k] = i
		}
		if (p.field == nil) == (p.write == nil) {
			t.Errorf("%s: %q needs a field or a writer, not both", name, p.key)
		}
	}
	writeOne := func(p param[*S], s *S) string {
		var w writer
		writeParam(&w, p, s, &def)
		return w.b.String()
	}
	for _, p := range ps {
		if got := writeOne(p, &def); got != "" {
			t.Errorf("%s: the default state writes %q", name, got)
		}
	}
	rng := rand.New(rand.NewPCG(3, 3))
	seen := map[string]bool{}
	for range 500 {
		s := random(rng)
		var all writer
		for i, p := range ps {
			part := writeOne(p, &s)
			all.addEncoded(part)
			q, err := ParseQuery(part)
			if err != nil {
				t.Fatalf("%s: %q writes %q: %v", name, p.key, part, err)
			}
			for k := range q {
				seen[k] = true
				if owner[k] != i {
					t.Errorf("%s: %q writes %q, a key of %q", name, p.key, k, ps[owner[k]].key)
				}
			}
		}
		if got, want := all.finish(), encode(s); got != want {
			t.Fatalf("%s: the params write %q, Encode %q", name, got, want)
		}
		q, err := ParseQuery(all.finish())
		if err != nil {
			t.Fatal(err)
		}
		got, err := decode(q)
		if err != nil {
			t.Fatalf("%s: %q: %v", name, all.finish(), err)
		}
		for _, p := range ps {
			if a, b := writeOne(p, &s), writeOne(p, &got); a != b {
				t.Errorf("%s: %q writes %q, reads back as %q", name, p.key, a, b)
			}
		}
	}
	// Every key is written by some state; kv is only read.
	for k := range owner {
		if !seen[k] && !slices.Contains([]string{"kv"}, k) {
			t.Errorf("%s: no random state writes %q", name, k)
		}
	}
}

func TestParamTables(t *testing.T) {
	t.Parallel()
	checkTable(t, "neuron", neuronParams(), DefaultNeuron(), randomNeuron, DecodeNeuron, Neuron.Encode)
	checkTable(t, "conv", convParams(), DefaultConv(), randomConv, DecodeConv, Conv.Encode)
	checkTable(t, "network", networkParams(), DefaultNetwork(), randomNetwork, DecodeNetwork, Network.Encode)
}

// TestSelQueries: the link with another selection is the state's own
// link with that selection, and none is the link without sel.
func TestSelQueries(t *testing.T) {
	t.Parallel()
	def := DefaultNetwork()
	withSel := def.SelQueries()
	if got := withSel(Sel{}); got != "" {
		t.Errorf("no selection: %q, want the empty query", got)
	}
	if got := withSel(Sel{Kind: 'n', L: 1, J: 2}); got != "v=1&sel=n1.2" {
		t.Errorf("n1.2: %q", got)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for range 300 {
		n := randomNetwork(rng)
		withSel := n.SelQueries()
		for _, sel := range []Sel{{}, n.Sel, {Kind: 'n', L: 0, J: 1}, {Kind: 'w', L: 1, I: 1, J: 1}} {
			c := n
			c.Sel = sel
			if got, want := withSel(sel), c.Encode(); got != want {
				t.Fatalf("%q with %v: %q, want %q", n.Encode(), sel, got, want)
			}
		}
	}
}

// TestOutputNames: the page offers the engine's one-unit outputs.
func TestOutputNames(t *testing.T) {
	t.Parallel()
	if got := OutputNames(); !slices.Equal(got, []string{"sigmoid", "tanh", "linear"}) {
		t.Errorf("OutputNames() = %v", got)
	}
}
