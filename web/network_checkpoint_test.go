package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"nnplay/web/netrun"
	"nnplay/web/state"
	"nnplay/web/view"
)

// TestCheckpointLinks: links past the replay bound, of networks small to
// the largest whose checkpoint fits, open on the server at the epoch and
// loss they were played to in the browser's run; a training button on
// such a link goes on past the bound. It logs each link's length and the
// server's time to open it (-v), the figures of the README.
func TestCheckpointLinks(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, c := range []struct {
		name, q string
		epochs  int
	}{
		{"default", "", 5000},
		{"spiral 8,8", "data=spiral&h=8,8", 2000},
		{"largest with a checkpoint", "h=16,16,16", 400},
		{"6×16, all features (no checkpoint)", "in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16", 400},
	} {
		v, _ := state.ParseQuery(c.q)
		n, err := state.DecodeNetwork(v)
		if err != nil {
			t.Fatal(err)
		}
		n.Lang = "en"
		run, err := netrun.NewRun(n)
		if err != nil {
			t.Fatal(err)
		}
		run.Play(context.Background(), c.epochs)
		link := "/network?" + run.S.Encode()
		if len(link) > state.MaxQueryBytes {
			t.Errorf("%s: a link of %d bytes", c.name, len(link))
		}
		if want := run.S.CheckpointFits(); strings.Contains(link, "&ck=") != want || (run.S.Epoch == c.epochs) != want {
			t.Errorf("%s: epoch %d, link %.80q…", c.name, run.S.Epoch, link)
		}
		start := time.Now()
		rec := get(s, link)
		took := time.Since(start)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", c.name, rec.Code)
			continue
		}
		if loss := view.Exact(run.Metrics().TestLoss); !strings.Contains(rec.Body.String(), loss) {
			t.Errorf("%s: the page lacks the test loss %s", c.name, loss)
		}
		t.Logf("%s (%d parameters, bound %d): epoch %d, link %d bytes, opened in %v",
			c.name, n.Params(), n.ReplayBound(), run.S.Epoch, len(link), took.Round(time.Millisecond))

		if !run.S.CheckpointFits() {
			continue
		}
		rec = get(s, link+"&op=train1000")
		loc := rec.Header().Get("Location")
		u, err := url.Parse(loc)
		if rec.Code/100 != 3 || err != nil || !strings.Contains(loc, "&ck=") {
			t.Errorf("%s: +1000 answers %d %q", c.name, rec.Code, loc)
			continue
		}
		if got, want := u.Query().Get("e"), run.S.Epoch+min(1000, n.ReplayBound()); got != strconv.Itoa(want) {
			t.Errorf("%s: +1000 from %d goes to %s, want %d", c.name, run.S.Epoch, got, want)
		}
		if rec = get(s, loc); rec.Code != 200 {
			t.Errorf("%s: the link +1000 gave: status %d", c.name, rec.Code)
		}
	}
}
