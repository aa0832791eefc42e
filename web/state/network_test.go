package state

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
)

func decodeNet(t *testing.T, raw string) (Network, error) {
	t.Helper()
	q, err := ParseQuery(raw)
	if err != nil {
		return Network{}, err
	}
	return DecodeNetwork(q)
}

// TestNetworkGolden pins links: what a query decodes to, and that Encode
// writes exactly the canonical form. Changing one breaks old links.
func TestNetworkGolden(t *testing.T) {
	t.Parallel()
	two := []engine.Point{{X: -1, Y: 2, Label: 1}, {X: 0.05, Y: -6, Label: -1}}
	for _, tc := range []struct {
		in, canonical string
		mod           func(*Network)
	}{
		{"", "", func(*Network) {}},
		{"v=1&data=circle&noise=0&train=50&seed=1&in=x1,x2&h=4&act=tanh&out=sigmoid&lr=0.03&bs=10&reg=none&rr=0&e=0&tool=probe&px=1&py=1", "", func(*Network) {}},
		{"lang=en&h=4,2&e=120", "v=1&lang=en&h=4,2&e=120", func(n *Network) { n.Lang, n.Hidden, n.Epoch = i18n.EN, []int{4, 2}, 120 }},
		{"h=", "v=1&h=", func(n *Network) { n.Hidden = []int{} }},
		{"in=x2&in=sinx1&in=x1sq&in=", "v=1&in=x2,x1sq,sinx1", func(n *Network) { n.Features = []string{"x2", "x1sq", "sinx1"} }},
		{"data=reg-plane", "v=1&data=reg-plane", func(n *Network) { n.Data, n.Out = "reg-plane", "linear" }},
		{"data=reg-plane&out=sigmoid", "v=1&data=reg-plane&out=sigmoid", func(n *Network) { n.Data, n.Out = "reg-plane", "sigmoid" }},
		{"out=tanh&lr=3&bs=1&reg=l2&rr=0.001&seed=4294967295&noise=50&train=90", "v=1&noise=50&train=90&seed=4294967295&out=tanh&lr=3&bs=1&reg=l2&rr=0.001", func(n *Network) {
			n.Out, n.LR, n.Batch, n.Reg, n.RegRate, n.Seed, n.Noise, n.Split = "tanh", 3, 1, "l2", 0.001, MaxSeed, 50, 90
		}},
		{"data=own", "v=1&data=own", func(n *Network) { n.Data, n.Tool = OwnData, ToolPos }},
		{"data=own&pts=ZKB5AAE", "v=1&data=own&pts=ZKB5AAE", func(n *Network) {
			n.Data, n.Tool, n.Points = OwnData, ToolPos, []engine.Point{two[0], two[1]}
		}},
		{"data=own&tool=probe", "v=1&data=own&tool=probe", func(n *Network) { n.Data, n.Tool = OwnData, ToolProbe }},
		{"e=30&ed=20,w1.2.3,-0.5&ed=10,b2.1,1e-07&ed=25,lr,0.3&ed=25,bs,5&ed=25,reg,l1&ed=25,rr,0.01", "v=1&e=30&ed=10,b2.1,1e-07&ed=20,w1.2.3,-0.5&ed=25,bs,5&ed=25,lr,0.3&ed=25,reg,l1&ed=25,rr,0.01", func(n *Network) {
			n.Epoch = 30
			n.Edits = []Edit{
				{Epoch: 10, Kind: EditBias, Target: Sel{Kind: 'n', L: 2, J: 1}, Value: 1e-7},
				{Epoch: 20, Kind: EditWeight, Target: Sel{Kind: 'w', L: 1, I: 2, J: 3}, Value: -0.5},
				{Epoch: 25, Kind: EditBatch, Value: 5}, {Epoch: 25, Kind: EditLR, Value: 0.3},
				{Epoch: 25, Kind: EditReg, Reg: "l1"}, {Epoch: 25, Kind: EditRegRate, Value: 0.01},
			}
		}},
		// A later edit of one weight at one epoch wins; a setting record
		// equal to what follows it, or at epoch 0, changes nothing.
		{"e=5&ed=5,w1.1.1,1&ed=5,w1.1.1,2&ed=3,lr,0.03&ed=0,lr,1", "v=1&e=5&ed=5,w1.1.1,2", func(n *Network) {
			n.Epoch, n.Edits = 5, []Edit{{Epoch: 5, Kind: EditWeight, Target: Sel{Kind: 'w', L: 1, I: 1, J: 1}, Value: 2}}
		}},
		{"stop=500&tl=0.05&test=1&disc=1&sel=w2.3.1&px=-2.5&py=0", "v=1&stop=500&tl=0.05&test=1&disc=1&sel=w2.3.1&px=-2.5&py=0", func(n *Network) {
			n.StopAt, n.StopLoss, n.ShowTest, n.Discrete, n.Sel, n.ProbeX, n.ProbeY = 500, 0.05, true, true, Sel{Kind: 'w', L: 2, I: 3, J: 1}, -2.5, 0
		}},
		{"test=0&sel=", "", func(*Network) {}},
		{"noise=1e1&lr=0,3", "v=1&noise=10&lr=0.3", func(n *Network) { n.Noise, n.LR = 10, 0.3 }},
		{"utm_source=chat", "", func(*Network) {}},
		// Ops.
		{"h=4,2&e=9&op=add-n2", "v=1&h=4,3", func(n *Network) { n.Hidden = []int{4, 3} }},
		{"h=1&op=del-layer", "v=1&h=", func(n *Network) { n.Hidden = []int{} }},
		{"op=add-layer", "v=1&h=4,2", func(n *Network) { n.Hidden = []int{4, 2} }},
		{"e=7&ed=3,w1.1.1,1&op=reset", "", func(*Network) {}},
		{"e=7&sel=n1.2&wv=0.25&op=set", "v=1&e=7&ed=7,b1.2,0.25&sel=n1.2", func(n *Network) {
			n.Epoch, n.Sel = 7, Sel{Kind: 'n', L: 1, J: 2}
			n.Edits = []Edit{{Epoch: 7, Kind: EditBias, Target: n.Sel, Value: 0.25}}
		}},
		{"op=sel-w1.1.4", "v=1&sel=w1.1.4", func(n *Network) { n.Sel = Sel{Kind: 'w', L: 1, I: 1, J: 4} }},
		{"data=own&pt.x=0&pt.y=300", "v=1&data=own&pts=AAAB", func(n *Network) {
			n.Data, n.Tool, n.Points = OwnData, ToolPos, []engine.Point{{X: -6, Y: -6, Label: 1}}
		}},
		{"pt.x=175&pt.y=100", "v=1&py=2", func(n *Network) { n.ProbeX, n.ProbeY = 1, 2 }},
		{"data=own&pts=ZKB5AAE&tool=del&pt.x=125&pt.y=100", "v=1&data=own&pts=eQAA&tool=del", func(n *Network) {
			n.Data, n.Tool, n.Points = OwnData, ToolRemove, []engine.Point{two[1]}
		}},
		// The form's memory: a new start restarts the run; a setting changed
		// mid-run is recorded; a new kind of data brings its output.
		{"e=40&h=5&k=x", "v=1&h=5", func(n *Network) { n.Hidden = []int{5} }},
		{"e=40&lr=0.3&plr=0.03&pbs=10&k=" + defaultStartKey(), "v=1&lr=0.3&e=40&ed=40,lr,0.03", func(n *Network) {
			n.LR, n.Epoch, n.Edits = 0.3, 40, []Edit{{Epoch: 40, Kind: EditLR, Value: 0.03}}
		}},
		{"data=reg-gauss&out=sigmoid&pdata=circle", "v=1&data=reg-gauss", func(n *Network) { n.Data, n.Out = "reg-gauss", "linear" }},
		{"data=own&tool=probe&pdata=circle", "v=1&data=own", func(n *Network) { n.Data, n.Tool = OwnData, ToolPos }},
		{"data=xor&tool=neg&pdata=own&pts=AAAB", "v=1&data=xor&pts=AAAB", func(n *Network) { n.Data, n.Points = "xor", []engine.Point{{X: -6, Y: -6, Label: 1}} }},
	} {
		n, err := decodeNet(t, tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		want := DefaultNetwork()
		tc.mod(&want)
		if !reflect.DeepEqual(n, want) {
			t.Errorf("%q decodes to\n%+v, want\n%+v", tc.in, n, want)
		}
		if got := n.Encode(); got != tc.canonical {
			t.Errorf("%q encodes as %q, want %q", tc.in, got, tc.canonical)
		}
	}
}

// TestNetworkErrors checks that every bad value is reported with its key
// and what is allowed, at, under and over every limit.
func TestNetworkErrors(t *testing.T) {
	t.Parallel()
	ok := func(in string) struct {
		in   string
		want []FieldError
	} {
		return struct {
			in   string
			want []FieldError
		}{in, nil}
	}
	bad := func(in string, want ...FieldError) struct {
		in   string
		want []FieldError
	} {
		return struct {
			in   string
			want []FieldError
		}{in, want}
	}
	manyPts := func(k int) string {
		var pts []engine.Point
		for i := range k {
			pts = append(pts, engine.Point{X: PointCoord(i % 241), Y: PointCoord(i / 241), Label: 1})
		}
		return "data=own&pts=" + encodePoints(pts)
	}
	edits := func(k int) string {
		var b strings.Builder
		b.WriteString("e=1000")
		for i := range k {
			b.WriteString("&ed=" + strconv.Itoa(i) + ",w1.1.1,1")
		}
		return b.String()
	}
	for _, tc := range []struct {
		in   string
		want []FieldError
	}{
		bad("v=2", FieldError{Key: "v", Problem: UnknownVersion}),
		bad("data=moons", FieldError{Key: "data", Problem: Unknown}),
		ok("noise=50"), bad("noise=51", FieldError{Key: "noise", Problem: OutOfRange}), bad("noise=-1", FieldError{Key: "noise", Problem: OutOfRange}),
		bad("noise=2.5", FieldError{Key: "noise", Problem: NotInteger}), bad("noise=x", FieldError{Key: "noise", Problem: NotNumber}),
		ok("train=10"), ok("train=90"), bad("train=9", FieldError{Key: "train", Problem: OutOfRange}), bad("train=91", FieldError{Key: "train", Problem: OutOfRange}),
		ok("seed=0"), ok("seed=4294967295"), bad("seed=4294967296", FieldError{Key: "seed", Problem: OutOfRange}), bad("seed=-1", FieldError{Key: "seed", Problem: OutOfRange}),
		bad("seed=99999999999999999999999", FieldError{Key: "seed", Problem: OutOfRange}),
		bad("in=", FieldError{Key: "in", Problem: TooFew}), bad("in=x3", FieldError{Key: "in", Problem: Unknown}),
		ok("in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2"),
		ok("h=16,16,16,16,16,16"), bad("h=16,16,16,16,16,16,16", FieldError{Key: "h", Problem: TooMany, Got: 7}),
		bad("h=17", FieldError{Key: "h", Index: 1, Problem: OutOfRange}), bad("h=4,0", FieldError{Key: "h", Index: 2, Problem: OutOfRange}),
		bad("h=2.5", FieldError{Key: "h", Index: 1, Problem: NotInteger}), bad("h=4,,2", FieldError{Key: "h", Index: 2, Problem: NotNumber}),
		bad("act=gelu", FieldError{Key: "act", Problem: Unknown}), bad("out=softmax", FieldError{Key: "out", Problem: Unknown}),
		ok("lr=10"), ok("lr=0.000001"), bad("lr=10.5", FieldError{Key: "lr", Problem: OutOfRange}), bad("lr=0", FieldError{Key: "lr", Problem: OutOfRange}),
		bad("lr=NaN", FieldError{Key: "lr", Problem: NotFinite}), bad("lr=-0.1", FieldError{Key: "lr", Problem: OutOfRange}),
		ok("bs=1"), ok("bs=30"), bad("bs=0", FieldError{Key: "bs", Problem: OutOfRange}), bad("bs=31", FieldError{Key: "bs", Problem: OutOfRange}),
		bad("reg=l3", FieldError{Key: "reg", Problem: Unknown}),
		ok("rr=0"), ok("rr=10"), bad("rr=10.01", FieldError{Key: "rr", Problem: OutOfRange}), bad("rr=-1", FieldError{Key: "rr", Problem: OutOfRange}),
		ok("e=2807"), bad("e=2808", FieldError{Key: "e", Problem: TooCostly, Got: 2808, Want: 2807}),
		bad("e=1000001", FieldError{Key: "e", Problem: OutOfRange}), bad("e=-1", FieldError{Key: "e", Problem: OutOfRange}),
		ok("in=x1&h=&data=own&pts=ZKB5AAE&e=952380"), bad("in=x1&h=&data=own&pts=ZKB5AAE&e=1000001", FieldError{Key: "e", Problem: OutOfRange}),
		bad("data=own&pts=AAAB&e=1", FieldError{Key: "e", Problem: TooCostly, Got: 1, Want: 0}),
		bad("h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&e=104", FieldError{Key: "e", Problem: TooCostly, Got: 104, Want: 103}),
		ok("h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&e=103"),
		ok(manyPts(engine.MaxPoints)), bad(manyPts(engine.MaxPoints+1), FieldError{Key: "pts", Problem: TooMany, Got: engine.MaxPoints + 1}),
		bad("data=own&pts=AAA", FieldError{Key: "pts", Problem: Malformed}), bad("data=own&pts=8fEB", FieldError{Key: "pts", Problem: Malformed}),
		bad("data=own&pts=AAAC", FieldError{Key: "pts", Problem: Malformed}), bad("data=own&pts=!!", FieldError{Key: "pts", Problem: Malformed}),
		ok("pts=AAAB"),
		bad("tool=pos", FieldError{Key: "tool", Problem: Conflict}), bad("tool=eraser", FieldError{Key: "tool", Problem: Unknown}),
		ok("e=1000&ed=0,w1.1.1,1000"), bad("e=1000&ed=0,w1.1.1,1001", FieldError{Key: "ed", Index: 1, Problem: OutOfRange}),
		ok(edits(MaxEdits)), bad(edits(MaxEdits+1), FieldError{Key: "ed", Problem: TooMany, Got: MaxEdits + 1}),
		bad("e=4&ed=5,w1.1.1,1", FieldError{Key: "ed", Index: 1, Problem: OutOfRange}),
		bad("e=4&ed=2,w1.3.1,1", FieldError{Key: "ed", Index: 1, Problem: Conflict}),
		bad("e=4&ed=2,b0.1,1", FieldError{Key: "ed", Index: 1, Problem: Conflict}),
		bad("e=4&ed=2,lr,0", FieldError{Key: "ed", Index: 1, Problem: OutOfRange}), bad("e=4&ed=2,bs,31", FieldError{Key: "ed", Index: 1, Problem: OutOfRange}),
		bad("e=4&ed=2,zz,1", FieldError{Key: "ed", Index: 1, Problem: Malformed}), bad("e=4&ed=2,lr", FieldError{Key: "ed", Index: 1, Problem: Malformed}),
		ok("stop=1000000"), bad("stop=1000001", FieldError{Key: "stop", Problem: OutOfRange}),
		ok("tl=100"), bad("tl=101", FieldError{Key: "tl", Problem: OutOfRange}),
		bad("test=yes", FieldError{Key: "test", Problem: Unknown}), bad("disc=2", FieldError{Key: "disc", Problem: Unknown}),
		bad("sel=n3.1", FieldError{Key: "sel", Problem: OutOfRange}), bad("sel=n1.5", FieldError{Key: "sel", Problem: OutOfRange}),
		bad("sel=x1", FieldError{Key: "sel", Problem: Malformed}), bad("sel=w1.01.1", FieldError{Key: "sel", Problem: Malformed}),
		ok("sel=n0.2"), ok("sel=n2.1"), ok("sel=w2.4.1"), bad("sel=w0.1.1", FieldError{Key: "sel", Problem: OutOfRange}),
		ok("px=6&py=-6"), bad("px=6.01", FieldError{Key: "px", Problem: OutOfRange}),
		bad("op=launch", FieldError{Key: "op", Problem: Unknown}), bad("h=16&op=add-n1", FieldError{Key: "op", Problem: Unknown}),
		bad("h=1&op=del-n1", FieldError{Key: "op", Problem: Unknown}), bad("h=1,1,1,1,1,1&op=add-layer", FieldError{Key: "op", Problem: Unknown}),
		bad("op=set&wv=1", FieldError{Key: "op", Problem: Unknown}), bad("sel=n1.1&op=set&wv=abc", FieldError{Key: "wv", Problem: NotNumber}),
		bad("sel=n1.1&op=set&wv=1001", FieldError{Key: "wv", Problem: OutOfRange}),
		bad("pt.x=0&pt.y=301", FieldError{Key: "pt.y", Problem: OutOfRange}),
		bad(manyPts(engine.MaxPoints)+"&pt.x=1&pt.y=1", FieldError{Key: "pts", Problem: TooMany, Got: engine.MaxPoints + 1}),
		bad("e=1&e=2", FieldError{Key: "e", Problem: TooMany, Got: 2}),
	} {
		_, err := decodeNet(t, tc.in)
		if tc.want == nil {
			if err != nil {
				t.Errorf("%.80q: %v", tc.in, err)
			}
			continue
		}
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("%.80q: error %v, want Errors", tc.in, err)
			continue
		}
		if len(es) != len(tc.want) {
			t.Errorf("%.80q: %d errors (%v), want %d", tc.in, len(es), es, len(tc.want))
			continue
		}
		for i, e := range es {
			w := tc.want[i]
			if e.Key != w.Key || e.Index != w.Index || e.Problem != w.Problem || (w.Got != 0 && e.Got != w.Got) || (w.Want != 0 && e.Want != w.Want) {
				t.Errorf("%.80q: error %d = %+v, want %+v", tc.in, i, *e, w)
			}
			if e.Error() == "" {
				t.Errorf("%.80q: empty message", tc.in)
			}
		}
	}
}

func TestPointsCodec(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		var pts []engine.Point
		for range rng.IntN(60) {
			pts = append(pts, SnapPoint(rng.Float64()*12-6, rng.Float64()*12-6, float64(rng.IntN(2)*2-1)))
		}
		s := encodePoints(pts)
		got, ok := decodePoints(s)
		if !ok || !reflect.DeepEqual(got, sortPoints(pts)) && len(pts) > 0 {
			t.Fatalf("%d points: %q → %v, %v", len(pts), s, got, ok)
		}
	}
	if PointCoord(0) != -6 || PointCoord(PointCells) != 6 || PointCoord(120) != 0 || PointIndex(-7) != 0 || PointIndex(1.02) != 140 {
		t.Error("the point grid is off")
	}
	if x, y := PlotToPlane(0, 0); x != -6 || y != 6 {
		t.Errorf("plot corner at (%g, %g)", x, y)
	}
}

// randomNetwork returns a valid random state.
func randomNetwork(rng *rand.Rand) Network {
	n := DefaultNetwork()
	names := DataNames()
	n.Data = names[rng.IntN(len(names))]
	n.Out = DefaultOutput(n.Data)
	n.Tool = DefaultTool(n.Data)
	if n.Data == OwnData {
		for range rng.IntN(30) {
			n.Points = append(n.Points, SnapPoint(rng.Float64()*12-6, rng.Float64()*12-6, float64(rng.IntN(2)*2-1)))
		}
		n.Points = sortPoints(n.Points)
		if len(n.Points) == 0 {
			n.Points = nil
		}
		n.Tool = Tools()[rng.IntN(4)]
	}
	n.Noise, n.Split, n.Seed = rng.IntN(51), 10+rng.IntN(81), uint64(rng.Uint32())
	n.Features = nil
	for _, f := range featureNames() {
		if rng.IntN(2) == 0 {
			n.Features = append(n.Features, f)
		}
	}
	if len(n.Features) == 0 {
		n.Features = []string{"x1sq"}
	}
	n.Hidden = make([]int, rng.IntN(4))
	for i := range n.Hidden {
		n.Hidden[i] = 1 + rng.IntN(6)
	}
	acts := activationNames()
	n.Act = acts[rng.IntN(len(acts))]
	n.Out = OutputNames()[rng.IntN(3)]
	n.LR = []float64{0.00001, 0.003, 0.03, 1, 10}[rng.IntN(5)]
	n.Batch = 1 + rng.IntN(30)
	n.Reg = regNames()[rng.IntN(3)]
	n.RegRate = []float64{0, 0.001, 0.3}[rng.IntN(3)]
	if n.MaxEpoch() > 0 {
		n.Epoch = rng.IntN(min(n.MaxEpoch(), 300) + 1)
	}
	for range rng.IntN(4) {
		e := Edit{Epoch: rng.IntN(n.Epoch + 1), Kind: EditWeight, Value: float64(rng.IntN(200)-100) / 8}
		sz := n.Sizes()
		l := 1 + rng.IntN(len(sz)-1)
		e.Target = Sel{Kind: 'w', L: l, I: 1 + rng.IntN(sz[l-1]), J: 1 + rng.IntN(sz[l])}
		if rng.IntN(2) == 0 {
			e.Kind, e.Target = EditBias, Sel{Kind: 'n', L: l, J: e.Target.J}
		}
		if rng.IntN(3) == 0 {
			e.Kind, e.Target, e.Value = EditLR, Sel{}, []float64{0.1, 0.3}[rng.IntN(2)]
		}
		n.Edits = append(n.Edits, e)
	}
	n.Edits = canonicalEdits(n.Edits, &n)
	if b := n.ReplayBound(); b > 0 && n.MaxEpoch() > b && rng.IntN(3) == 0 {
		// Past the bound, from a checkpoint within it.
		c := &Checkpoint{Epoch: b + 1 + rng.IntN(50), Params: make([]float64, n.Params())}
		for i := range c.Params {
			c.Params[i] = rng.NormFloat64()
		}
		n.Epoch = min(MaxEpochs, c.Epoch+rng.IntN(b+1))
		n.SetCheckpoint(c)
	}
	n.StopAt = rng.IntN(3) * 100
	n.StopLoss = []float64{0, 0.05, MaxStopLoss}[rng.IntN(3)]
	n.ShowTest, n.Discrete = rng.IntN(2) == 0, rng.IntN(2) == 0
	if rng.IntN(2) == 0 {
		n.Lang = i18n.Langs()[rng.IntN(2)]
	}
	if rng.IntN(3) == 0 {
		n.Sel = Sel{Kind: 'n', L: 0, J: 1}
	}
	n.ProbeX, n.ProbeY = float64(rng.IntN(121)-60)/10, float64(rng.IntN(121)-60)/10
	return n
}

func TestNetworkRoundTrip(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	for range 2000 {
		n := randomNetwork(rng)
		q := n.Encode()
		got, err := decodeNet(t, q)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if !reflect.DeepEqual(got, n) {
			t.Fatalf("%q round-trips to\n%+v, want\n%+v", q, got, n)
		}
		if again := got.Encode(); again != q {
			t.Fatalf("not canonical: %q, then %q", q, again)
		}
		if len(q) > MaxQueryBytes {
			t.Fatalf("a link of %d bytes", len(q))
		}
	}
}

// TestLongestLink: the most a link can hold still fits MaxQueryBytes.
func TestLongestLink(t *testing.T) {
	t.Parallel()
	n := DefaultNetwork()
	n.Lang, n.Data, n.Tool = i18n.EN, OwnData, ToolRemove
	for i := range engine.MaxPoints {
		n.Points = append(n.Points, engine.Point{X: PointCoord(i % 241), Y: PointCoord(i / 241 * 37), Label: 1})
	}
	n.Points = sortPoints(n.Points)
	n.Features, n.Hidden = featureNames(), []int{16, 16, 16, 16, 16, 16}
	n.Act, n.Out, n.LR, n.RegRate, n.Reg = "leaky-relu", "linear", 0.000123456789, 0.00987654321, "l2"
	n.Epoch = 60
	for i := range MaxEdits {
		n.Edits = append(n.Edits, Edit{Epoch: i % 60, Kind: EditWeight, Target: Sel{Kind: 'w', L: 2 + i%5, I: 10 + i%7, J: 16 - i%6}, Value: -123.456789012345})
	}
	n.Edits = canonicalEdits(n.Edits, &n)
	n.StopAt, n.StopLoss, n.Sel, n.ProbeX, n.ProbeY = 12345, 0.0123456789, Sel{Kind: 'w', L: 6, I: 16, J: 16}, -5.5, 5.5
	q := n.Encode()
	if len(q) > MaxQueryBytes {
		t.Errorf("the longest link is %d bytes, over %d", len(q), MaxQueryBytes)
	}
	if got, err := decodeNet(t, q); err != nil || got.Encode() != q {
		t.Errorf("the longest link does not round-trip: %v", err)
	}
}

func TestReplayQueryAndStartKey(t *testing.T) {
	t.Parallel()
	a, _ := decodeNet(t, "lang=en&e=20&sel=n1.1&test=1&px=3&stop=40")
	b, _ := decodeNet(t, "e=20")
	if a.ReplayQuery() != b.ReplayQuery() || a.ReplayQuery() != "v=1&e=20" {
		t.Errorf("replay queries %q, %q", a.ReplayQuery(), b.ReplayQuery())
	}
	c, _ := decodeNet(t, "e=20&lr=0.1")
	if a.StartKey() != c.StartKey() {
		t.Error("a training setting changed the start key")
	}
	d, _ := decodeNet(t, "h=5")
	if a.StartKey() == d.StartKey() {
		t.Error("the network's shape did not change the start key")
	}
}

// TestReplayBound pins the documented bound: the i18n message quotes it.
func TestReplayBound(t *testing.T) {
	t.Parallel()
	if MaxReplayCost != 8e7 {
		t.Error("MaxReplayCost changed: update the TooCostly messages in i18n and doc.go")
	}
	if got := DefaultNetwork(); got.ReplayBound() != 2807 || got.Params() != 17 || got.NumPoints() != 500 {
		t.Errorf("default network: replay bound %d, %d params, %d points", got.ReplayBound(), got.Params(), got.NumPoints())
	}
}

func FuzzDecodeNetwork(f *testing.F) {
	for _, s := range []string{
		"", "v=1&lang=en&h=4,2&e=120", "data=own&pts=ZKB5AAE&tool=del&pt.x=100&pt.y=50",
		"e=30&ed=20,w1.2.3,-0.5&ed=10,b2.1,1e-07&ed=25,lr,0.3&ed=25,bs,5&ed=25,reg,l1&ed=25,rr,0.01",
		"e=40&lr=0.3&plr=0.03&pbs=10&preg=l1&prr=1&k=x&pdata=xor", "h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&e=104",
		"op=add-n1", "op=sel-w1.1.1", "sel=n1.1&op=set&wv=3", "in=&h=", "seed=4294967296", "pts=%zz", "data=own&op=clear",
	} {
		f.Add(s)
	}
	f.Add(checkpointed(5000, 3000).Encode())
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := ParseQuery(raw)
		if err != nil {
			return
		}
		n, err := DecodeNetwork(q)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("%q: error %v is not Errors", raw, err)
			}
			for _, e := range es {
				_ = e.Error()
			}
			return
		}
		if n.Regenerate {
			n.Reseed(9)
		}
		// A valid state is canonical after one Encode, within limits, and
		// gives the engine a valid configuration.
		c := n.Encode()
		if len(c) > MaxQueryBytes {
			t.Fatalf("%q: canonical form of %d bytes", raw, len(c))
		}
		q2, err := ParseQuery(c)
		if err != nil {
			t.Fatalf("canonical %q does not parse: %v", c, err)
		}
		n2, err := DecodeNetwork(q2)
		if err != nil || n2.Encode() != c {
			t.Fatalf("%q → %q → %v, %q", raw, c, err, n2.Encode())
		}
		if n.Epoch > n.MaxEpoch() || len(n.Edits) > MaxEdits {
			t.Fatalf("%q: epoch %d past %d, %d edits", raw, n.Epoch, n.MaxEpoch(), len(n.Edits))
		}
		if c := n.Checkpoint; c != nil && (len(c.Params) != n.Params() || c.Epoch > n.Epoch ||
			n.Epoch-c.Epoch > n.ReplayBound() || n.Epoch <= n.ReplayBound()) {
			t.Fatalf("%q: checkpoint at %d of %d params, epoch %d, bound %d", raw, c.Epoch, len(c.Params), n.Epoch, n.ReplayBound())
		}
		if n.Trainable() {
			if err := n.Config().Validate(); err != nil {
				t.Fatalf("%q: the engine rejects the state: %v", raw, err)
			}
		}
	})
}

func defaultStartKey() string {
	n := DefaultNetwork()
	return n.StartKey()
}
