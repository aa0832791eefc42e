package state

import (
	"errors"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
)

// checkpointed returns the default network at epoch e with a checkpoint at
// epoch c of made-up weights.
func checkpointed(e, c int) Network {
	n := DefaultNetwork()
	rng := rand.New(rand.NewPCG(1, 2))
	ck := &Checkpoint{Epoch: c, Params: make([]float64, n.Params())}
	for i := range ck.Params {
		ck.Params[i] = rng.NormFloat64()
	}
	n.Epoch = e
	n.SetCheckpoint(ck)
	return n
}

// TestCheckpointSeed checks the fuzz corpus's checkpointed link (write
// it anew from the failure message after a change of the format).
func TestCheckpointSeed(t *testing.T) {
	t.Parallel()
	want := "go test fuzz v1\nstring(" + strconv.Quote(checkpointed(5000, 3000).Encode()) + ")\n"
	got, err := os.ReadFile("testdata/fuzz/FuzzDecodeNetwork/checkpoint")
	if err != nil || string(got) != want {
		t.Errorf("testdata/fuzz/FuzzDecodeNetwork/checkpoint is not the checkpointed link of this format; want:\n%s", want)
	}
}

func TestCheckpointRoundTrip(t *testing.T) {
	t.Parallel()
	n := checkpointed(5000, 3000)
	n.Edits = []Edit{{Epoch: 3000, Kind: EditWeight, Target: Sel{Kind: 'w', L: 1, I: 1, J: 2}, Value: 0.5}}
	q := n.Encode()
	if !strings.Contains(q, "&ck=") {
		t.Fatalf("%q: no checkpoint", q)
	}
	v, err := ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeNetwork(v)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	if got.Checkpoint == nil || got.Checkpoint.Epoch != 3000 || len(got.Edits) != 1 {
		t.Fatalf("%q: read back as %+v", q, got)
	}
	for i, p := range got.Checkpoint.Params {
		if math.Float64bits(p) != math.Float64bits(n.Checkpoint.Params[i]) {
			t.Fatalf("param %d: %v, want %v", i, p, n.Checkpoint.Params[i])
		}
	}
	if got.Encode() != q {
		t.Errorf("not canonical: %q → %q", q, got.Encode())
	}
}

// TestCheckpointCanonical: a link within the replay bound carries no
// checkpoint, and a checkpoint makes the edits before it pointless.
func TestCheckpointCanonical(t *testing.T) {
	t.Parallel()
	n := DefaultNetwork()
	n.Epoch = 100
	n.SetCheckpoint(&Checkpoint{Epoch: 50, Params: make([]float64, n.Params())})
	if n.Checkpoint != nil {
		t.Error("a checkpoint within the replay bound was kept")
	}
	m := checkpointed(5000, 3000)
	m.Edits = []Edit{
		{Epoch: 2000, Kind: EditWeight, Target: Sel{Kind: 'w', L: 1, I: 1, J: 1}, Value: 1},
		{Epoch: 3000, Kind: EditLR, Value: 0.1},
		{Epoch: 3000, Kind: EditBias, Target: Sel{Kind: 'n', L: 1, J: 1}, Value: 1},
		{Epoch: 4000, Kind: EditLR, Value: 0.3},
	}
	m.SetCheckpoint(m.Checkpoint)
	if len(m.Edits) != 2 || m.Edits[0].Kind != EditBias || m.Edits[1].Epoch != 4000 {
		t.Errorf("edits kept: %v", m.Edits)
	}
	// The decoder drops a checkpoint the link does not need.
	q := checkpointed(5000, 3000).Values()
	q.Set("e", "2000")
	q.Set("ck", encodeCheckpoint(&Checkpoint{Epoch: 1000, Params: make([]float64, 17)}))
	got, err := DecodeNetwork(q)
	if err != nil || got.Checkpoint != nil || strings.Contains(got.Encode(), "ck=") {
		t.Errorf("e=2000 with a checkpoint: %v, %q", err, got.Encode())
	}
}

func TestCheckpointErrors(t *testing.T) {
	t.Parallel()
	good := checkpointed(5000, 3000)
	ck := good.Values().Get("ck")
	raw := func(epoch, count int, params ...float64) string {
		return encodeCheckpoint(&Checkpoint{Epoch: epoch, Params: append(make([]float64, count-len(params)), params...)})
	}
	for _, c := range []struct {
		name, ck, e string
		want        Problem
	}{
		{"not base64", "!!", "5000", Corrupt},
		{"not deflate", "AAAA", "5000", Corrupt},
		{"truncated", ck[:len(ck)/2], "5000", Corrupt},
		{"oversized", raw(3000, MaxCheckpointParams()+1), "5000", TooLarge},
		{"another network", raw(3000, 18), "5000", Mismatch},
		{"NaN", raw(3000, 17, math.NaN()), "5000", NotFinite},
		{"Inf", raw(3000, 17, math.Inf(-1)), "5000", NotFinite},
		{"after the epoch", raw(6000, 17), "5000", OutOfRange},
		{"too far back", raw(100, 17), "5000", TooCostly},
	} {
		q := url.Values{"e": {c.e}, "ck": {c.ck}}
		_, err := DecodeNetwork(q)
		var es Errors
		if !errors.As(err, &es) || len(es) != 1 || es[0].Problem != c.want {
			t.Errorf("%s: %v, want one %v", c.name, err, c.want)
			continue
		}
		if key := es[0].Key; key != "ck" && !(c.want == TooCostly && key == "e") {
			t.Errorf("%s: the error names %q", c.name, key)
		}
	}
	// A byte after the last plane.
	if _, err := decodeCheckpoint(b64.EncodeToString(deflateStream(append([]byte{0x80, 0x17, 17}, make([]byte, 8*17+1)...)))); err != errCorrupt {
		t.Errorf("a trailing byte: %v", err)
	}
}

// TestCheckpointBytes: the bound checkpointBytes promises holds for the
// least compressible weights, of every size.
func TestCheckpointBytes(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 17, 100, 600, MaxCheckpointParams()} {
		c := &Checkpoint{Epoch: MaxEpochs, Params: make([]float64, n)}
		for i := range c.Params {
			c.Params[i] = math.Float64frombits(rng.Uint64() &^ (0x7ff << 52)) // finite, every other bit random
		}
		if got, most := len("&ck=")+len(encodeCheckpoint(c)), checkpointBytes(n); got > most {
			t.Errorf("%d params: %d bytes, more than %d", n, got, most)
		}
	}
}

// TestCheckpointFits pins which networks can train past the replay bound.
func TestCheckpointFits(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		q    string
		fits bool
	}{
		{"", true},
		{"data=spiral&h=8,8", true},
		{"h=16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", false},
		{"h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2", false},
	} {
		n, _ := decodeNet(t, c.q)
		if got := n.CheckpointFits(); got != c.fits {
			t.Errorf("%q (%d params): fits %v", c.q, n.Params(), got)
		}
		if want := n.ReplayBound(); c.fits {
			want = MaxEpochs
			if n.MaxEpoch() != want {
				t.Errorf("%q: max epoch %d, want %d", c.q, n.MaxEpoch(), want)
			}
		} else if n.MaxEpoch() != want {
			t.Errorf("%q: max epoch %d, want %d", c.q, n.MaxEpoch(), want)
		}
	}
}
