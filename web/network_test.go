package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/netrun"
	"nnplay/web/state"
	"nnplay/web/view"
)

func TestNetworkPages(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	for _, tc := range []struct {
		target   string
		contains []string
	}{
		{"/network", []string{`lang="ru"`, "Простая нейронная сеть", `data-live="network"`, `data-out="epoch"`, `name="h" value="4"`, `<svg xmlns="http://www.w3.org/2000/svg" class="net"`, `<input type="image" name="pt" class="nojs-only heat" src="data:image/png;base64,`, `/network/loss.svg`}},
		{"/network?v=1&lang=en&h=4,2&e=200&sel=n2.1", []string{"Hidden layers: 2", "Layer 2: 2 neurons", "Hidden layer 2, neuron 1", "z = w₁·h₁,₁ + w₂·h₁,₂ + w₃·h₁,₃ + w₄·h₁,₄ + b =", "Set the bias", `aria-pressed="false"`}},
		{"/network?v=1&lang=en&data=own", []string{"Place at least two points", `value="own" checked`, `name="tool" value="pos" checked`}},
		{"/network?v=1&lang=en&data=reg-gauss&e=5", []string{`title="regression has no accuracy: its answer is a number, not a class">—</output>`, `value="linear" selected`}},
		{"/network?v=1&lang=en&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&e=103", []string{"Training stops at epoch 103. Past it the link must hold the weights themselves", "1505 weights do not fit in a link (8 KB). To train longer, shrink the network"}},
		{"/network?v=1&lang=en&data=own&pts=ZKB5AAE&e=3&sel=w1.2.1", []string{"Weight of the link x₂ → h₁,₁", "Set the weight"}},
	} {
		rec := get(s, tc.target)
		if rec.Code != 200 {
			t.Errorf("%s: status %d", tc.target, rec.Code)
			continue
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%s: body lacks %q", tc.target, want)
			}
		}
		if rec.Header().Get("ETag") == "" {
			t.Errorf("%s: no ETag", tc.target)
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", logs)
	}
}

// TestNetworkOps: the no-JavaScript form's buttons apply their action and
// land on the canonical link of the result.
func TestNetworkOps(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	def := state.DefaultNetwork()
	k := def.StartKey()
	for _, tc := range []struct{ target, location string }{
		{"/network?v=1&op=train10", "/network?v=1&e=10"},
		{"/network?v=1&e=10&op=train100", "/network?v=1&e=110"},
		{"/network?v=1&e=10&stop=50&op=train1000", "/network?v=1&e=50&stop=50"},
		{"/network?v=1&h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&lr=0.001&e=60&op=train100", "/network?v=1&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&h=16,16,16,16,16,16&lr=0.001&e=103"},
		{"/network?v=1&e=10&op=reset", "/network"},
		{"/network?v=1&op=add-n1", "/network?v=1&h=5"},
		{"/network?v=1&op=add-layer", "/network?v=1&h=4,2"},
		{"/network?v=1&e=30&op=sel-w1.2.3", "/network?v=1&e=30&sel=w1.2.3"},
		{"/network?v=1&e=30&sel=w1.2.3&wv=0.5&op=set", "/network?v=1&e=30&ed=30,w1.2.3,0.5&sel=w1.2.3"},
		// The form as submitted: every field, the hidden memory of what it
		// was rendered with, and a changed learning rate mid-run.
		{"/network?data=circle&noise=0&train=50&seed=1&in=&in=x1&in=x2&h=4&e=30&sel=&k=" + k + "&pdata=circle&plr=0.03&pbs=10&preg=none&prr=0&act=tanh&out=sigmoid&lr=0.3&bs=10&reg=none&rr=0&stop=0&tl=0&px=1&py=1&wv=", "/network?v=1&lr=0.3&e=30&ed=30,lr,0.03"},
		// A new hidden layer size from the form restarts the run.
		{"/network?h=4&e=30&k=" + k + "&op=add-n1", "/network?v=1&h=5"},
		{"/network?data=spiral&e=30&k=" + k + "&pdata=circle", "/network?v=1&data=spiral"},
		{"/network?data=own&k=" + k + "&pdata=circle&pt.x=75&pt.y=75", "/network?v=1&data=own&pts=PLQB"},
		{"/network?v=1&px=2&pt.x=0&pt.y=0", "/network?v=1&px=-6&py=6"},
	} {
		rec := get(s, tc.target)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != tc.location {
			t.Errorf("%s: %d to %q, want 302 to %q", tc.target, rec.Code, rec.Header().Get("Location"), tc.location)
		}
	}
	// Regenerate picks a new seed and starts again.
	rec := get(s, "/network?v=1&e=40&op=regen")
	if loc := rec.Header().Get("Location"); rec.Code != 302 || !strings.HasPrefix(loc, "/network?v=1&seed=") || strings.Contains(loc, "e=") {
		t.Errorf("regen: %d %q", rec.Code, loc)
	}
}

// TestNetworkBadLinks: a 400 page with the form, naming the field, the
// value and what is allowed; never a 500.
func TestNetworkBadLinks(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	for _, tc := range []struct {
		target   string
		contains []string
	}{
		{"/network?lang=en&h=17", []string{"Hidden layers (h) #1 = “17”: out of the allowed range. Allowed: from 1 to 16."}},
		{"/network?lang=en&lr=abc", []string{"Learning rate (lr) = “abc”: not a number", `<option value="abc" selected>abc</option>`}},
		{"/network?lang=en&data=moons", []string{"Dataset (data) = “moons”: no such value", "circle, xor, gauss, spiral, reg-plane, reg-gauss, own"}},
		{"/network?lang=en&e=2808", []string{"Epoch (e): too many epochs for the server to replay: 2808, while this network on these points replays at most 2807", `id="f-e"`}},
		{"/network?e=6000", []string{"Эпоха (e): столько эпох сервер не воспроизводит: 6000"}},
		{"/network?lang=en&h=16,16,16,16,16,16&in=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&e=104", []string{"replays at most 103"}},
		{"/network?lang=en&in=", []string{"Inputs (in): too few: 0. Allowed: from 1 to 7."}},
		{"/network?lang=en&noise=2.5", []string{"Noise (noise) = “2.5”: a whole number is needed. Allowed: from 0 to 50."}},
		{"/network?lang=en&seed=-1", []string{"Seed (seed) = “-1”: out of the allowed range. Allowed: from 0 to 4294967295."}},
		{"/network?lang=en&tool=pos", []string{"Click action (tool) = “pos”: does not go with the link&#39;s other values. Allowed: probe."}},
		{"/network?lang=en&e=4&ed=5,w1.1.1,1", []string{"Edit (ed) #1 = “5,w1.1.1,1”: out of the allowed range. Allowed: from 0 to 4."}},
		{"/network?lang=en&sel=n9.9", []string{"Selected neuron or weight (sel) = “n9.9”"}},
		{"/network?lang=en&data=own&pts=!!", []string{"Your points (pts) = “!!”: malformed"}},
		{"/network?lang=en&op=launch", []string{"Action (op) = “launch”: no such value"}},
		{"/network?lang=en&sel=n1.1&op=set&wv=abc", []string{"New value (wv) = “abc”: not a number"}},
		{"/network?lang=en&test=<script>alert(1)</script>", []string{"&lt;script&gt;"}},
		{"/network?lang=en&e=1&e=2", []string{"Epoch (e): too many: 2"}},
	} {
		rec := get(s, tc.target)
		if rec.Code != 400 {
			t.Errorf("%s: status %d", tc.target, rec.Code)
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%s: body lacks %q", tc.target, want)
			}
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: a payload reached the page unescaped", tc.target)
		}
		if !strings.Contains(body, `id="network-form"`) {
			t.Errorf("%s: the 400 page has no form to fix the link", tc.target)
		}
	}
	// Resources of a bad link are 400 too, JSON under /api/.
	for _, target := range []string{view.NetworkPreviewPath, view.NetworkBoundaryPNGPath, view.NetworkLossSVGPath, view.NetworkDataPath, view.NetworkWeightsPath} {
		if rec := get(s, target+"?e=999999"); rec.Code != 400 {
			t.Errorf("%s of a bad link: %d", target, rec.Code)
		}
	}
	rec := get(s, view.NetworkAPIPath+"?lang=en&e=9000")
	var bad apiError
	if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &bad) != nil || len(bad.Fields) != 1 || bad.Fields[0].Key != "e" {
		t.Errorf("api bad link: %d %s", rec.Code, rec.Body)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("bad links were logged as server errors:\n%s", logs)
	}
}

func TestNetworkExports(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	q := "?v=1&lang=en&h=3&e=50&ed=20,w1.1.1,0.5"
	rec := get(s, view.NetworkWeightsPath+q)
	var w view.NetworkJSON
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &w) != nil || w.Epoch != 50 || len(w.Layers) != 2 || len(w.Layers[0].Weights) != 3 || len(w.Layers[0].Weights[0]) != 2 || w.TestLoss == nil {
		t.Errorf("weights: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(rec.Header().Get("Content-Disposition"), "network-weights.json") {
		t.Errorf("weights: %v", rec.Header())
	}
	rec = get(s, view.NetworkDataPath+q)
	rows, err := csv.NewReader(rec.Body).ReadAll()
	if err != nil || len(rows) != 501 || strings.Join(rows[0], ",") != "x1,x2,label,set,output" || rows[1][3] != "train" || rows[500][3] != "test" {
		t.Errorf("data csv: %v, %d rows, %v", err, len(rows), rows[:min(2, len(rows))])
	}
	rec = get(s, view.NetworkHistoryPath+q)
	rows, err = csv.NewReader(rec.Body).ReadAll()
	if err != nil || len(rows) != 52 || rows[51][0] != "50" || strings.Join(rows[0], ",") != "epoch,train_loss,test_loss,train_accuracy,test_accuracy" {
		t.Errorf("history csv: %v, %d rows", err, len(rows))
	}
	for _, tc := range []struct{ path, ctype, magic string }{
		{view.NetworkBoundarySVGPath, "image/svg+xml", "<svg"},
		{view.NetworkBoundaryPNGPath, "image/png", "\x89PNG"},
		{view.NetworkLossSVGPath, "image/svg+xml", "<svg"},
		{view.NetworkLossPNGPath, "image/png", "\x89PNG"},
		{view.NetworkPreviewPath, "image/png", "\x89PNG"},
		{view.NetworkDatasetPrefix + "spiral.png", "image/png", "\x89PNG"},
		{view.NetworkDatasetPrefix + "own.png", "image/png", "\x89PNG"},
		{view.NetworkFeaturePrefix + "sinx2.png", "image/png", "\x89PNG"},
	} {
		target := tc.path
		if !strings.Contains(target, "/dataset/") && !strings.Contains(target, "/feature/") {
			target += q
		}
		rec := get(s, target)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != tc.ctype || !bytes.Contains(rec.Body.Bytes()[:min(200, rec.Body.Len())], []byte(tc.magic)) {
			t.Errorf("%s: %d %s", target, rec.Code, rec.Header().Get("Content-Type"))
		}
		if tc.ctype == "image/svg+xml" && rec.Header().Get("Content-Security-Policy") != svgCSP {
			t.Errorf("%s: CSP %q", target, rec.Header().Get("Content-Security-Policy"))
		}
	}
	for _, bad := range []string{view.NetworkDatasetPrefix + "moons.png", view.NetworkFeaturePrefix + "x3.png", view.NetworkFeaturePrefix + "x1.gif"} {
		if rec := get(s, bad); rec.Code != 404 {
			t.Errorf("%s: %d", bad, rec.Code)
		}
	}
	// A resource of a link that is not canonical goes to the canonical one.
	if rec := get(s, view.NetworkPreviewPath+"?e=5&v=1&utm_source=chat"); rec.Code != 302 || rec.Header().Get("Location") != view.NetworkPreviewPath+"?v=1&e=5" {
		t.Errorf("preview redirect: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	page := get(s, "/network"+q).Body.String()
	for _, want := range []string{
		`<meta property="og:image" content="/network/preview.png?v=1&amp;lang=en&amp;h=3&amp;e=50&amp;ed=20,w1.1.1,0.5">`,
		`href="/network/data.csv?v=1&amp;lang=en&amp;h=3&amp;e=50&amp;ed=20,w1.1.1,0.5"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
}

// TestNetworkDeterministic: the same link gives the same bytes (and ETag),
// from a fresh server too, and a conditional request gets 304.
func TestNetworkDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := newTestServer(t)
	b, _ := newTestServer(t)
	for _, target := range []string{"/network?v=1&h=5,3&act=relu&e=321&ed=100,lr,0.1", view.NetworkWeightsPath + "?v=1&e=77", view.NetworkBoundaryPNGPath + "?v=1&e=77", view.NetworkHistoryPath + "?v=1&e=77"} {
		ra, rb := get(a, target), get(b, target)
		if ra.Code != 200 || !bytes.Equal(ra.Body.Bytes(), rb.Body.Bytes()) || ra.Header().Get("ETag") != rb.Header().Get("ETag") {
			t.Errorf("%s: two servers answer differently (%d, %q vs %q)", target, ra.Code, ra.Header().Get("ETag"), rb.Header().Get("ETag"))
		}
		if rec := get(a, target, "If-None-Match: "+ra.Header().Get("ETag")); rec.Code != 304 {
			t.Errorf("%s: conditional GET %d", target, rec.Code)
		}
	}
}

// TestNetworkAdvanceCached: the page a training button leads to comes
// from the run the button trained, byte for byte what a replay gives.
func TestNetworkAdvanceCached(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/network?v=1&lang=en&e=20&op=train100")
	if rec.Code != 302 || rec.Header().Get("Location") != "/network?v=1&lang=en&e=120" {
		t.Fatalf("train100: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	_, _, hits, _ := s.cache.stats()
	page := get(s, "/network?v=1&lang=en&e=120")
	if _, _, h2, _ := s.cache.stats(); h2 != hits+1 {
		t.Error("the page after training replayed again")
	}
	fresh, _ := newTestServer(t)
	if other := get(fresh, "/network?v=1&lang=en&e=120"); !bytes.Equal(other.Body.Bytes(), page.Body.Bytes()) {
		t.Error("the trained run and the replayed link give different pages")
	}
}

// TestNetworkDivergedLink: a link whose training diverges before its epoch
// shows the run where it stopped, says so, and links only to valid states.
func TestNetworkDivergedLink(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	// lr=10 on this regression diverges within a few epochs; the edit
	// after that is past where the run can go.
	target := "/network?v=1&lang=en&data=reg-plane&h=16,16,16&act=relu&lr=10&e=50&ed=40,w1.1.1,1"
	rec := get(s, target)
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "Training diverged at epoch") {
		t.Fatalf("%d, no note of the divergence", rec.Code)
	}
	for i, m := range regexpHrefs.FindAllStringSubmatch(body, -1) {
		if i > 60 {
			break // the language links, exports and the first of the diagram's
		}
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		if !strings.HasPrefix(href, "/network") || strings.Contains(href, "/network/") {
			continue
		}
		if r := get(s, href); r.Code != 200 && r.Code != 302 {
			t.Errorf("the page links to %s, which answers %d", href, r.Code)
			break
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", logs)
	}
}

var regexpHrefs = regexp.MustCompile(`href="([^"]+)"`)

// TestNetworkReplayShared: a page and its images share one replay; a
// cached page is served without replaying.
func TestNetworkReplayShared(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	q := "?v=1&e=400"
	get(s, "/network"+q)
	entries, _, hits, _ := s.cache.stats()
	for _, target := range []string{view.NetworkLossSVGPath + q, view.NetworkPreviewPath + q, "/network?v=1&e=400&sel=n1.1"} {
		get(s, target)
	}
	e2, _, h2, _ := s.cache.stats()
	if h2-hits < 3 || e2 != entries+3 {
		t.Errorf("the images replayed again: %d hits, %d new entries", h2-hits, e2-entries)
	}
	_, _, h3, _ := s.cache.stats()
	get(s, "/network"+q)
	if _, _, h4, _ := s.cache.stats(); h4 != h3+1 {
		t.Error("a repeated page was not served from the cache")
	}
}

// TestNetworkSingleFlight: many requests for one uncached link at once make
// one replay, none is refused, and all get the same page.
func TestNetworkSingleFlight(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	s.admit = newAdmission(1, 10*time.Millisecond)
	const n = 12
	var wg sync.WaitGroup
	codes := make([]int, n)
	etags := make([]string, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := get(s, "/network?v=1&e=2000")
			codes[i], etags[i] = rec.Code, rec.Header().Get("ETag")
		}()
	}
	wg.Wait()
	for i := range n {
		if codes[i] != 200 || etags[i] != etags[0] {
			t.Errorf("request %d: %d %s", i, codes[i], etags[i])
		}
	}
}

// TestNetworkClientGone: a replay stops when its client disconnects, and
// nothing is cached or logged as an error.
func TestNetworkClientGone(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodGet, "/network?v=1&e=2800", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	start := time.Now()
	s.Handler().ServeHTTP(rec, req)
	if time.Since(start) > 200*time.Millisecond {
		t.Errorf("a cancelled replay took %v", time.Since(start))
	}
	if entries, _, _, _ := s.cache.stats(); entries != 0 {
		t.Errorf("%d entries cached for a client that left", entries)
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("logged as an error:\n%s", logs)
	}
}

// TestNetworkBusy: when the slots are taken, a costly replay gets 503 with
// Retry-After, and cheap pages still answer.
func TestNetworkBusy(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	s.admit = newAdmission(1, 10*time.Millisecond)
	release, started := make(chan struct{}), make(chan struct{})
	s.echo.GET("/hold", func(c echo.Context) error {
		return s.expensive(c, "", func(context.Context) (string, []byte, error) {
			close(started)
			<-release
			return "text/plain", []byte("ok"), nil
		})
	})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); get(s, "/hold") }()
	<-started
	if rec := get(s, "/network?v=1&lang=en&e=1234"); rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("a replay under load: %d", rec.Code)
	}
	if rec := get(s, "/neuron"); rec.Code != 200 {
		t.Errorf("a cheap page under load: %d", rec.Code)
	}
	close(release)
	wg.Wait()
}

// TestNetworkLiveKeys: every key the live update sends has its element.
func TestNetworkLiveKeys(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	n := state.DefaultNetwork()
	n.Hidden, n.Epoch, n.Sel, n.Data, n.Tool = []int{3, 2}, 10, state.Sel{Kind: 'n', L: 1, J: 1}, state.OwnData, state.ToolPos
	n.Points = []engine.Point{{X: 1, Y: 1, Label: 1}, {X: -1, Y: -1, Label: -1}}
	body := get(s, "/network?"+n.Encode()).Body.String()
	run, err := netrun.Replay(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	live := view.Network(run, i18n.RU, view.NetworkOptions{}).Live(true)
	check := func(attr string, keys []string) {
		for _, k := range keys {
			if !strings.Contains(body, attr+`="`+k+`"`) {
				t.Errorf("the page has no %s=%q for the live update", attr, k)
			}
		}
	}
	check("data-out", keysOf(live.Text))
	check("data-out", keysOf(live.Title))
	check("data-table", keysOf(live.Tables))
	check("data-svg", keysOf(live.SVG))
	check("data-href", keysOf(live.Href))
	check("data-enable", keysOf(live.Enabled))
	check("data-list", keysOf(live.Lists))
	check("name", keysOf(live.Form))
	check("name", keysOf(live.Checked))
}
