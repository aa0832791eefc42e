// The programs run under the host's Python: not in the js/wasm test run.

//go:build !js

package pycode_test

import (
	"context"
	"math"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/netrun"
	"nnplay/web/pycode"
	"nnplay/web/state"
)

// maxLossRelError is the tolerance for the losses a network program
// prints against the server's replay: NumPy's matrix products (BLAS, with
// its own order and fused multiply-adds), exp and tanh differ from the
// engine's in the last bits, and training carries the difference from
// epoch to epoch. Measured over the links below: 6.3·10⁻¹⁴ at most, for
// learning rates up to the default 0.03 (see networkLinks).
const maxLossRelError = 1e-9

// networkExactEpilogue prints the final losses with every digit.
const networkExactEpilogue = `
print("EXACT", repr(float(mean_loss(X_train, y_train))), repr(float(mean_loss(X_test, y_test))))
`

// networkLinks are the links the network's program is checked on: the
// defaults, the lesson's network (one input layer, one hidden layer, one
// output layer) trained, a run with settings changed and a weight set by
// hand during it, and random ones.
func networkLinks() []string {
	links := []string{
		"",
		"e=100",
		"h=4,2&e=300&ed=120,w2.1.1,0.5&ed=200,lr,0.03&lr=0.1",
		"data=reg-plane&e=40&h=3&act=relu&ed=0,b1.2,-0.25&ed=10,w1.1.3,2",
		"data=own",
	}
	rng := rand.New(rand.NewPCG(3, 3))
	feats := engine.Features()
	acts := engine.Activations()
	for i := range 18 {
		q := url.Values{}
		data := engine.Datasets()[rng.IntN(len(engine.Datasets()))]
		q.Set("data", data.Name())
		q.Set("noise", strconv.Itoa(rng.IntN(engine.MaxNoise+1)))
		q.Set("train", strconv.Itoa(10*(1+rng.IntN(9))))
		q.Set("seed", strconv.Itoa(rng.IntN(1000)))
		var in []string
		for _, f := range feats {
			if rng.IntN(2) == 0 || len(in) == 0 && f.Name() == "sinx2" {
				in = append(in, f.Name())
			}
		}
		q.Set("in", strings.Join(in, ","))
		var h []string
		for range rng.IntN(4) {
			h = append(h, strconv.Itoa(1+rng.IntN(8)))
		}
		q.Set("h", strings.Join(h, ","))
		q.Set("act", acts[rng.IntN(len(acts))].Name())
		if !data.Regression() && i%3 == 0 {
			q.Set("out", "tanh")
		}
		// Learning rates up to the default: past it some runs turn chaotic,
		// and NumPy's last-bit differences grow to percents in tens of
		// epochs (measured: 0.49 relative at epoch 41 of a tanh network
		// with lr = 0.1); no tolerance holds for those.
		q.Set("lr", []string{"0.003", "0.01", "0.03"}[rng.IntN(3)])
		q.Set("bs", strconv.Itoa(1+rng.IntN(engine.MaxBatchSize)))
		q.Set("reg", []string{"none", "l1", "l2"}[rng.IntN(3)])
		q.Set("rr", []string{"0", "0.001", "0.003"}[rng.IntN(3)])
		q.Set("e", strconv.Itoa(10+rng.IntN(60)))
		links = append(links, q.Encode())
	}
	return links
}

// TestNetworkProgram runs the network's program for each link and
// compares the losses it prints, epoch by epoch and at the end, with the
// server's replay of the link.
func TestNetworkProgram(t *testing.T) {
	t.Parallel()
	var states []state.Network
	var programs []string
	for i, link := range networkLinks() {
		q, _ := url.ParseQuery(link)
		n, err := state.DecodeNetwork(q)
		if err != nil {
			t.Fatalf("%s: %v", link, err)
		}
		states = append(states, n)
		prog := pycode.Network(n, i18n.Langs()[i%2])
		script := prog.Python()
		if i%2 == 1 {
			nb := prog.Notebook()
			validateNotebook(t, nb)
			script = notebookScript(t, nb)
		}
		if n.Trainable() {
			script += networkExactEpilogue
		}
		programs = append(programs, script)
	}
	worst, worstFinal := 0.0, 0.0
	for i, out := range runPython(t, programs...) {
		n := states[i]
		mc := &i18n.For(i18n.Langs()[i%2]).Code
		run, err := netrun.Replay(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		if run.P == nil {
			if strings.TrimSpace(out) != mc.NetNoData {
				t.Errorf("link %s: with no data the program prints %q", n.Encode(), out)
			}
			continue
		}
		byEpoch := map[int]engine.Metrics{}
		for _, m := range run.History() {
			byEpoch[m.Epoch] = m
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		exact := numbersIn(lines[len(lines)-1])
		lines = lines[:len(lines)-1]
		if len(exact) != 2 {
			t.Fatalf("link %s: no exact losses: %q", n.Encode(), out)
		}
		now := run.Metrics()
		for k, w := range []float64{now.TrainLoss, now.TestLoss} {
			e := math.Abs(exact[k]-w) / math.Abs(w)
			worstFinal = max(worstFinal, e)
			if e > maxLossRelError {
				t.Errorf("link %s: final loss %v in Python, %v on the server", n.Encode(), exact[k], w)
			}
		}
		if len(lines) < 2 {
			t.Fatalf("link %s: the program printed %q", n.Encode(), out)
		}
		check := func(line string, epoch int, want engine.Metrics) {
			nums := numbersIn(line)
			if len(nums) != 3 || int(nums[0]) != epoch {
				t.Fatalf("link %s: line %q, want epoch %d and two losses", n.Encode(), line, epoch)
			}
			for k, w := range []float64{want.TrainLoss, want.TestLoss} {
				e := math.Abs(nums[k+1]-w) / math.Abs(w)
				// The program prints six digits: that rounding is not an error.
				e = max(0, e-0.5e-5)
				worst = max(worst, e)
				if e > maxLossRelError {
					t.Errorf("link %s, epoch %d: loss %v in Python, %v on the server", n.Encode(), epoch, nums[k+1], w)
				}
			}
		}
		seen := 0
		for _, line := range lines[:len(lines)-1] {
			if _, said, _ := strings.Cut(mc.NetDiverged, "}: "); strings.Contains(line, said) {
				if !run.Diverged() || int(numbersIn(line)[0]) != run.S.Epoch+1 {
					t.Errorf("link %s: %q, but the server's run diverged: %v, at epoch %d", n.Encode(), line, run.Diverged(), run.S.Epoch+1)
				}
				continue
			}
			epoch := int(numbersIn(line)[0])
			m, ok := byEpoch[epoch]
			if !ok {
				t.Fatalf("link %s: printed epoch %d the server has no record of", n.Encode(), epoch)
			}
			check(line, epoch, m)
			seen++
		}
		if want := min(run.S.Epoch, pycode.MaxPrintedEpochs) + 1; seen < want && !run.Diverged() {
			t.Errorf("link %s: %d epochs printed, want at least %d", n.Encode(), seen, want)
		}
		check(lines[len(lines)-1], run.S.Epoch, run.Metrics())
	}
	t.Logf("final losses: at most %.3g relative error; printed losses: at most %.3g beyond their six digits", worstFinal, worst)
}

// numbersIn returns the numbers in a printed line.
func numbersIn(line string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == ',' || r == ':' }) {
		if v, err := strconv.ParseFloat(f, 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}
