package state

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"testing"

	"nnplay/engine"
)

func TestNetworkPendingOps(t *testing.T) {
	t.Parallel()
	n, err := decodeNet(t, "e=3&op=train100")
	if err != nil || n.Advance != 100 || n.Epoch != 3 || n.Encode() != "v=1&e=3" {
		t.Errorf("train100: %+v, %v", n, err)
	}
	n, err = decodeNet(t, "e=3&ed=2,w1.1.1,1&op=regen")
	if err != nil || !n.Regenerate {
		t.Fatalf("regen: %+v, %v", n, err)
	}
	n.Reseed(77)
	if n.Encode() != "v=1&seed=77" {
		t.Errorf("after Reseed: %q", n.Encode())
	}
}

func TestNetworkKeys(t *testing.T) {
	t.Parallel()
	n := DefaultNetwork()
	n.Data, n.Tool = OwnData, ToolNeg
	for _, k := range []string{"ArrowLeft", "ArrowLeft", "ArrowUp", "Enter", "ArrowDown", "Tab"} {
		ok, err := n.Key(k)
		if err != nil || ok != (k != "Tab") {
			t.Errorf("%s: %v, %v", k, ok, err)
		}
	}
	if n.ProbeX != 0 || n.ProbeY != 1 || len(n.Points) != 1 || n.Points[0] != (engine.Point{X: 0, Y: 1.5, Label: -1}) {
		t.Errorf("after the keys: probe (%g, %g), points %v", n.ProbeX, n.ProbeY, n.Points)
	}
	for range 20 {
		n.Key("ArrowRight")
	}
	if n.ProbeX != 6 {
		t.Errorf("the probe left the plane: %g", n.ProbeX)
	}
}

// TestSetHidden: the hidden fields a session sets make the form decode
// to the session's state, whatever the form held, with no restart and no
// setting recorded.
func TestSetHidden(t *testing.T) {
	t.Parallel()
	n, err := decodeNet(t, "h=3&e=12&ed=5,w1.1.1,0.5&sel=n1.2&lr=0.3")
	if err != nil {
		t.Fatal(err)
	}
	q := url.Values{"h": {"7"}, "e": {"99"}, "pts": {"AAAB"}, "sel": {"w1.1.1"}, "plr": {"3"}, "lr": {"0.3"}}
	n.SetHidden(q)
	want := url.Values{
		"h": {"3"}, "e": {"12"}, "ed": {"5,w1.1.1,0.5"}, "sel": {"n1.2"}, "lr": {"0.3"},
		"k": {n.StartKey()}, "pdata": {"circle"}, "plr": {"0.3"}, "pbs": {"10"}, "preg": {"none"}, "prr": {"0"},
	}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("hidden fields\n%v, want\n%v", q, want)
	}
	// The default network too sets h: the form's field is never absent.
	q = url.Values{}
	def := DefaultNetwork()
	def.SetHidden(q)
	if q.Get("h") != "4" || q.Has("e") || q.Has("sel") {
		t.Errorf("default: %v", q)
	}

	rng := rand.New(rand.NewPCG(9, 9))
	for range 300 {
		n := randomNetwork(rng)
		q := n.Values()
		for _, k := range hiddenKeys {
			q.Set(k, "junk")
		}
		n.SetHidden(q)
		got, err := DecodeNetwork(q)
		if err != nil {
			t.Fatalf("%q: %v", q.Encode(), err)
		}
		if !reflect.DeepEqual(got, n) {
			t.Fatalf("%q decodes to\n%+v, want\n%+v", q.Encode(), got, n)
		}
	}
}
