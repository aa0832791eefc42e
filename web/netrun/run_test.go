package netrun

import (
	"context"
	"encoding/json"
	"hash/fnv"
	"math"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

func mustNet(t testing.TB, q string) state.Network {
	t.Helper()
	v, err := state.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	n, err := state.DecodeNetwork(v)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	return n
}

// checksum hashes the bits of the run's weights and of its whole loss
// history: two runs with the same checksum agree to the last bit.
func checksum(r *Run) string {
	h := fnv.New64a()
	put := func(v float64) {
		b := math.Float64bits(v)
		h.Write([]byte{byte(b), byte(b >> 8), byte(b >> 16), byte(b >> 24), byte(b >> 32), byte(b >> 40), byte(b >> 48), byte(b >> 56)})
	}
	for _, p := range r.P.MLP().ParamsTo(nil) {
		put(p)
	}
	for _, m := range r.History() {
		put(float64(m.Epoch))
		put(m.TrainLoss)
		put(m.TestLoss)
	}
	now := r.Metrics()
	put(now.TrainLoss)
	put(now.TestLoss)
	return strconv.FormatUint(h.Sum64(), 16)
}

// TestLivePlayReplays plays a run as the browser does (epoch by epoch,
// changing a setting and a weight on the way, recording them in the state
// as the page does) and checks that replaying the resulting link from
// scratch, as the server does, reaches the same weights, scores and
// history to the last bit.
func TestLivePlayReplays(t *testing.T) {
	t.Parallel()
	for _, q := range []string{
		"", "h=4,2&act=relu&out=tanh", "data=spiral&in=x1,x2,sinx1,sinx2&h=8,8&bs=3&reg=l2&rr=0.001",
		"data=reg-gauss&h=6&lr=0.01", "data=own&pts=ZKB5AAE&h=2",
	} {
		s := mustNet(t, q)
		live, err := NewRun(s)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		live.Play(ctx, 7)
		// A setting changed mid-run, as the form records it.
		s2 := live.S
		s2.SetSettings(0.3, 5, "l1", 0.003)
		live.S = s2
		live.Apply()
		live.Play(ctx, 5)
		// A weight and a bias set by hand.
		s3 := live.S
		s3.SetParam(state.Sel{Kind: 'w', L: 1, I: 1, J: 1}, -0.75)
		s3.SetParam(state.Sel{Kind: 'n', L: len(s3.Hidden) + 1, J: 1}, 0.5)
		live.S = s3
		live.Apply()
		live.Play(ctx, 3)
		// The link the address bar would hold now.
		link := live.S.Encode()
		again := mustNet(t, link)
		replayed, err := Replay(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := checksum(live), checksum(replayed); a != b {
			t.Errorf("%q: played %s, the link %q replays %s", q, a, link, b)
		}
		if live.S.Epoch != 15 || replayed.S.Epoch != 15 {
			t.Errorf("%q: epochs %d and %d", q, live.S.Epoch, replayed.S.Epoch)
		}
		// And from a snapshot, as the server's cache restores it.
		restored, err := Restore(again, replayed.Snapshot())
		if err != nil {
			t.Fatal(err)
		}
		pa := view.Network(replayed, i18n.EN, view.NetworkOptions{}).Live(true)
		pb := view.Network(restored, i18n.EN, view.NetworkOptions{}).Live(true)
		if !reflect.DeepEqual(pa, pb) {
			t.Errorf("%q: the restored page differs from the replayed one", q)
		}
	}
}

// TestReplayGolden pins the losses and a checksum of every weight and the
// history of a few links. The same test runs natively and under
// GOOS=js GOARCH=wasm (make test-wasm): equal constants mean the server
// and the browser reach the same network to the last bit.
func TestReplayGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		q string
	}{
		{"e=200"},
		{"data=xor&h=4,2&act=relu&out=tanh&e=150&ed=100,lr,0.1&ed=120,w2.1.1,0.25"},
		{"data=spiral&noise=20&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=8,6&act=sigmoid&bs=5&reg=l1&rr=0.001&e=60"},
		{"data=reg-plane&h=3&act=silu&e=40"},
	} {
		r, err := Replay(context.Background(), mustNet(t, tc.q))
		if err != nil {
			t.Fatal(err)
		}
		m := r.Metrics()
		got := []string{view.Exact(m.TrainLoss), view.Exact(m.TestLoss), checksum(r)}
		want := goldenReplays[tc.q]
		if want == [3]string{} {
			t.Errorf("%s: no golden values: %q", tc.q, got)
			continue
		}
		if got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("%s on %s/%s: losses %s %s, checksum %s; want %s %s, %s", tc.q, runtime.GOOS, runtime.GOARCH, got[0], got[1], got[2], want[0], want[1], want[2])
		}
	}
}

// goldenReplays: train loss, test loss and checksum, recorded natively on
// amd64 and checked equal under wasm.
var goldenReplays = map[string][3]string{
	"e=200": {"0.12196392677837631", "0.13033880973427386", "aa8be4c152f5554c"},
	"data=xor&h=4,2&act=relu&out=tanh&e=150&ed=100,lr,0.1&ed=120,w2.1.1,0.25":                              {"0.23212229338083865", "0.23095152861952212", "53d452cd76e7ad7d"},
	"data=spiral&noise=20&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=8,6&act=sigmoid&bs=5&reg=l1&rr=0.001&e=60": {"0.6878298766290845", "0.6991715655156919", "7200ab17d9707675"},
	"data=reg-plane&h=3&act=silu&e=40": {"2.669410056591641e-05", "2.7348990970378954e-05", "110e00eeb9c148be"},
}

func TestNetworkLiveJSON(t *testing.T) {
	t.Parallel()
	for _, q := range []string{"e=20&sel=n1.2", "data=own&pts=ZKB5AAE&sel=w1.1.1&test=1", "data=own", "h=&sel=n0.1&e=3&ed=2,w1.2.1,1"} {
		r, err := Replay(context.Background(), mustNet(t, q))
		if err != nil {
			t.Fatal(err)
		}
		for _, full := range []bool{false, true} {
			l := view.Network(r, i18n.RU, view.NetworkOptions{}).Live(full)
			var got, want any
			if err := json.Unmarshal(l.JSON(), &got); err != nil {
				t.Fatalf("%s: not JSON: %v", q, err)
			}
			std, _ := json.Marshal(l)
			json.Unmarshal(std, &want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the hand-written JSON differs", q)
			}
		}
	}
}

// TestPlayStops checks the stopping rules and the link's limit.
func TestPlayStops(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	r, _ := NewRun(mustNet(t, "stop=25"))
	if n, why := r.Play(ctx, 100); n != 25 || why != view.StopEpoch || r.S.Epoch != 25 {
		t.Errorf("stop=25: %d epochs, %q, at %d", n, why, r.S.Epoch)
	}
	r, _ = NewRun(mustNet(t, "tl=0.3"))
	n, why := r.Play(ctx, 1000)
	if why != view.StopLoss || !(r.Metrics().TestLoss < 0.3) {
		t.Errorf("tl=0.3: %d epochs, %q, test loss %g", n, why, r.Metrics().TestLoss)
	}
	if h := r.History(); h[len(h)-2].TestLoss < 0.3 {
		t.Error("the loss was below the threshold an epoch earlier")
	}
	s := mustNet(t, "h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&lr=0.001&e=97")
	r, _ = Replay(ctx, s)
	if n, why := r.Play(ctx, 100); n != 6 || why != view.StopLimit || r.S.Epoch != 103 {
		t.Errorf("at the limit: %d epochs, %q, at %d", n, why, r.S.Epoch)
	}
	r, _ = NewRun(mustNet(t, "lr=10&act=relu&out=linear&data=reg-plane&h=16,16,16"))
	if _, why := r.Play(ctx, 200); why != view.StopDiverg {
		t.Errorf("lr=10: %q, want divergence", why)
	}
	if !strings.Contains(view.Network(r, i18n.EN, view.NetworkOptions{Stop: view.StopDiverg, Light: true}).Result.Status, "diverged") {
		t.Error("no note of the divergence")
	}
	r, _ = NewRun(mustNet(t, "data=own"))
	if _, why := r.Play(ctx, 1); why != view.StopNoData {
		t.Errorf("no points: %q", why)
	}
}

// TestCircleNeedsNeurons: the lesson's point, through the page's own run.
func TestCircleNeedsNeurons(t *testing.T) {
	t.Parallel()
	loss := func(q string) float64 {
		r, err := Replay(context.Background(), mustNet(t, q))
		if err != nil {
			t.Fatal(err)
		}
		return r.Metrics().TestLoss
	}
	one, four := loss("h=1&e=400"), loss("h=4&e=400")
	if !(one > 0.4 && four < 0.1) {
		t.Errorf("test loss with 1 hidden neuron %g, with 4: %g", one, four)
	}
}
