package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/view"
)

func newTestServer(t testing.TB) (*Server, *bytes.Buffer) {
	t.Helper()
	var logs bytes.Buffer
	// Every request comes from httptest's one address: no per-client
	// bound (TestClientLimits tests them).
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(&logs, nil)), ClientInFlight: -1, ClientRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	return s, &logs
}

// get sends a GET through the whole router, with headers as "Key: value".
func get(s *Server, target string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	return rec
}

func TestPages(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, tc := range []struct {
		target, accept string
		status         int
		contains       []string
	}{
		{"/", "", 200, []string{`lang="ru"`, "Нейросети: основы", "Свёрточная нейронная сеть (CNN)", "RCNN", "Слой отсева (dropout)", "Трансформер", "рекуррентные свёрточные нейронные сети", `href="/conv"`, `href="/network"`, "Открыть сеть"}},
		{"/", "en-US,en;q=0.9", 200, []string{`lang="en"`, "Neural networks: the basics", "Pooling layer", "Autoencoder", "U-Net"}},
		{"/", "de-DE,en;q=0.5,ru;q=0.8", 200, []string{`lang="ru"`}},
		{"/?v=1&lang=en", "ru", 200, []string{`lang="en"`, `href="/neuron?v=1&amp;lang=en"`}},
		{"/neuron", "", 200, []string{"Нейрон и функция активации", "σ(0.75) = 0.679179", "σ′(0.75) = 0.217895", "0.5·1 + (−0.25)·2 + 0.75", `data-out="z" title="0.75"`}},
		{"/neuron?v=1&lang=en&x=3&w=-1&b=0&act=relu", "", 200, []string{"ReLU(−3) = 0", "ReLU′(−3) = 0", "(−1)·3 + 0"}},
		{"/neuron?v=1&x=1&w=1&b=-1&act=step", "", 200, []string{"step(0) = 1", "производная не определена"}},
		{"/neuron?v=1&x=1&w=1e06&b=1000", "", 200, []string{"σ(1.001·10⁶) = 1"}},
		{"/nope", "", 404, []string{"Страница не найдена"}},
		{"/nope?lang=en", "", 404, []string{"Page not found"}},
	} {
		rec := get(s, tc.target, "Accept-Language: "+tc.accept)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, rec.Code, tc.status)
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%s: body lacks %q", tc.target, want)
			}
		}
		if rec.Code == 200 && rec.Header().Get("ETag") == "" {
			t.Errorf("%s: no ETag", tc.target)
		}
	}
}

// TestCanonicalRedirects: one state, one URL. A form submission, a
// reordered or spelt-out link and an op all land on the canonical link.
func TestCanonicalRedirects(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, tc := range []struct{ target, location string }{
		{"/neuron?x=1&w=0.5&x=2&w=-0.25&b=0.75&act=sigmoid&batch=&cmp=&cmp=sigmoid&cmp=tanh&cmp=relu", "/neuron"},
		{"/neuron?act=tanh&v=1", "/neuron?v=1&act=tanh"},
		{"/neuron?lang=en&x=1&x=2&w=1&w=1&op=add", "/neuron?v=1&lang=en&x=1&x=2&x=0&w=1&w=1&w=0"},
		{"/neuron?op=del2", "/neuron?v=1&x=1&w=0.5"},
		{"/neuron?b=0,5", "/neuron?v=1&b=0.5"},
		{"/neuron?b=%2B.5e1", "/neuron?v=1&b=5"},
		{"/network?e=2e1&ed=1e1,lr,5E-1", "/network?v=1&e=20&ed=10,lr,0.5"},
		{"/neuron?utm_source=chat", "/neuron"},
		{"/?v=1", "/"},
	} {
		rec := get(s, tc.target)
		if rec.Code != http.StatusFound || rec.Header().Get("Location") != tc.location {
			t.Errorf("%s: %d to %q, want 302 to %q", tc.target, rec.Code, rec.Header().Get("Location"), tc.location)
		}
	}
}

// TestBadLinks: a 400 page with the form, naming field, value and what is
// allowed — never a 500, never a silent change.
func TestBadLinks(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	for _, tc := range []struct {
		target   string
		status   int
		contains []string
	}{
		{"/neuron?lang=en&b=abc", 400, []string{"Bias b = “abc”: not a number", "from -1000000 to 1000000", `id="f-b"`, `value="abc"`, `aria-invalid="true"`}},
		{"/neuron?b=NaN", 400, []string{"NaN и бесконечность не допускаются"}},
		{"/neuron?b=Inf", 400, []string{"«Inf»"}},
		{"/neuron?lang=en&b=2e6", 400, []string{"out of the allowed range"}},
		{"/neuron?lang=en&act=softmax", 400, []string{"“softmax”: no such value", "sigmoid, tanh, relu, leaky-relu, elu, softplus, silu, linear, step", `<option value="softmax" selected>softmax</option>`}},
		{"/neuron?lang=en" + strings.Repeat("&x=1&w=1", 9), 400, []string{"too many: 9", "from 1 to 8"}},
		{"/neuron?lang=en&x=1&x=2&w=1", 400, []string{"1 value where 2 are needed"}},
		{"/neuron?lang=en&batch=1,2~3", 400, []string{"row 2", "1 number where 2 are needed"}},
		{"/neuron?lang=en&v=7", 400, []string{"unknown link version", "Allowed: 1"}},
		{"/neuron?lang=xx", 400, []string{"Язык (lang) = «xx»", "ru, en"}},
		{"/neuron?b=%zz", 400, []string{"Ссылка повреждена"}},
		{"/neuron?b=1;act=tanh", 400, []string{"Ссылка повреждена"}},
		{"/neuron?b=" + strings.Repeat("1", state.MaxQueryBytes), 414, []string{"Слишком длинная ссылка", "8192"}},
		{"/neuron?lang=en&b=<script>alert(1)</script>", 400, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
		{"/?lang=de", 400, []string{"В ссылке ошибка"}},
		// One number syntax for every field: hex and digit separators are
		// refused everywhere, and no number is changed in silence.
		{"/conv?v=1&lang=en&grid=0x1p4,1~1,1", 400, []string{"row 1, number 1 = “0x1p4”: not a number"}},
		{"/network?v=1&lang=en&lr=0x1p-4", 400, []string{"Learning rate (lr) = “0x1p-4”: not a number", "from 0.000001 to 10"}},
		{"/network?v=1&lang=en&noise=1_0", 400, []string{"“1_0”: not a number"}},
		{"/neuron?v=1&lang=en&b=0x1p4", 400, []string{"Bias b = “0x1p4”: not a number"}},
		{"/neuron?v=1&lang=en&b=1e-400", 400, []string{"Bias b = “1e-400”: too near zero", "zero is written 0"}},
		{"/neuron?v=1&b=1e-400", 400, []string{"«1e-400»: слишком близко к нулю"}},
		{"/neuron?v=1&lang=en&b=1e400", 400, []string{"Bias b = “1e400”: out of the allowed range"}},
	} {
		rec := get(s, tc.target)
		if rec.Code != tc.status {
			t.Errorf("%s: status %d, want %d", tc.target, rec.Code, tc.status)
		}
		body := rec.Body.String()
		for _, want := range tc.contains {
			if !strings.Contains(body, want) {
				t.Errorf("%s: body lacks %q", tc.target, want)
			}
		}
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: a payload from the link reached the page unescaped", tc.target)
		}
		if rec.Header().Get("Cache-Control") != "no-store" {
			t.Errorf("%s: an error is cacheable: %q", tc.target, rec.Header().Get("Cache-Control"))
		}
	}
	if strings.Contains(logs.String(), "level=ERROR") {
		t.Errorf("bad links were logged as server errors:\n%s", logs)
	}
}

func TestAPI(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/api/neuron?v=1&x=2&w=3&b=1&act=linear&batch=1~2")
	var ok view.NeuronJSON
	if rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &ok) != nil || ok.Z != 7 || ok.Output != 7 || len(ok.Batch) != 2 || ok.Batch[1].Z != 7 {
		t.Errorf("api: %d %s", rec.Code, rec.Body)
	}
	rec = get(s, "/api/neuron?lang=en&x=1&w=abc", "Accept-Language: ru")
	var bad apiError
	if rec.Code != 400 || json.Unmarshal(rec.Body.Bytes(), &bad) != nil || len(bad.Fields) != 1 || bad.Fields[0].Key != "w" || !strings.Contains(bad.Fields[0].Message, "abc") {
		t.Errorf("bad api link: %d %s", rec.Code, rec.Body)
	}
	rec = get(s, "/api/nothing")
	if rec.Code != 404 || !strings.Contains(rec.Header().Get("Content-Type"), "json") {
		t.Errorf("unknown api: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

func TestCSVAndCharts(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/neuron.csv?v=1&x=1&w=2&b=0&act=linear&batch=1~-0.5~1e-07")
	want := "x1,z,linear(z)\n1,2,2\n-0.5,-1,-1\n1e-07,2e-07,2e-07\n"
	if rec.Code != 200 || rec.Body.String() != want || !strings.Contains(rec.Header().Get("Content-Disposition"), "neuron.csv") {
		t.Errorf("csv: %d %q", rec.Code, rec.Body)
	}
	for _, path := range []string{view.NeuronCurvePath, view.NeuronComparePath} {
		rec = get(s, path+"?v=1&act=tanh")
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/svg+xml" || !strings.Contains(rec.Body.String(), "<svg") {
			t.Errorf("%s: %d %s", path, rec.Code, rec.Header().Get("Content-Type"))
		}
		if rec.Header().Get("Content-Security-Policy") != svgCSP {
			t.Errorf("%s: CSP %q", path, rec.Header().Get("Content-Security-Policy"))
		}
	}
	rec = get(s, view.NeuronPreviewPath+"?v=1&act=relu")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\x89PNG")) {
		t.Errorf("preview: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	page := get(s, "/neuron?v=1&act=relu").Body.String()
	if !strings.Contains(page, `<meta property="og:image" content="/neuron/preview.png?v=1&amp;act=relu">`) {
		t.Error("the page has no og:image of its own state")
	}
}

func TestConditionalGet(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	first := get(s, "/neuron?v=1&b=2")
	etag := first.Header().Get("ETag")
	if etag == "" || first.Header().Get("Cache-Control") != cachePages {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.Header().Get("Cache-Control"))
	}
	if again := get(s, "/neuron?v=1&b=2"); again.Header().Get("ETag") != etag {
		t.Error("the same state gave another ETag: pages are not deterministic")
	}
	if rec := get(s, "/neuron?v=1&b=2", "If-None-Match: "+etag); rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
		t.Errorf("conditional GET: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if rec := get(s, "/neuron?v=1&b=2", "If-None-Match: \"other\""); rec.Code != 200 {
		t.Errorf("stale ETag: %d", rec.Code)
	}
}

func TestSecurityHeaders(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, target := range []string{"/", "/neuron", "/nope", "/neuron?b=x"} {
		h := get(s, target).Header()
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", target, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows inline code", target)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", target, h)
		}
	}
	// No inline script or style anywhere the CSP would block.
	for _, target := range []string{"/", "/neuron?v=1&batch=1,2"} {
		body := get(s, target).Body.String()
		if regexp.MustCompile(`<script>|<script [^>]*>[^<]|style="|<style`).MatchString(body) {
			t.Errorf("%s has inline script or style", target)
		}
	}
}

func TestStaticAssets(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	page := get(s, "/neuron").Body.String()
	for _, name := range []string{"app.css", "app.js"} {
		url := s.assets.URL(name)
		if url == "" || !strings.Contains(page, url) {
			t.Fatalf("%s: fingerprinted URL %q not in the page", name, url)
		}
		rec := get(s, url, "Accept-Encoding: gzip, br")
		if rec.Code != 200 || rec.Header().Get("Cache-Control") != "public, max-age=31536000, immutable" || rec.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %d %v", name, rec.Code, rec.Header())
		}
	}
	if wasm := s.assets.URL(ModuleFile("network")); wasm != "" {
		rec := get(s, wasm, "Accept-Encoding: gzip, deflate, br, zstd")
		if rec.Header().Get("Content-Type") != "application/wasm" || rec.Header().Get("Content-Encoding") != "br" || !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("wasm: %v", rec.Header())
		}
		if rec := get(s, wasm); rec.Header().Get("Content-Encoding") != "" || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\x00asm")) {
			t.Errorf("wasm without Accept-Encoding: %v", rec.Header())
		}
		if rec := get(s, wasm, "Accept-Encoding: br;q=0, gzip"); rec.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("br;q=0 still got %q", rec.Header().Get("Content-Encoding"))
		}
	}
	for _, bad := range []string{"/static/app.js", "/static/app.000000000000.js", "/static/../server.go", "/static/%2e%2e/server.go"} {
		if rec := get(s, bad); rec.Code != 404 {
			t.Errorf("%s: %d", bad, rec.Code)
		}
	}
	etag := get(s, s.assets.URL("app.js")).Header().Get("ETag")
	if rec := get(s, s.assets.URL("app.js"), "If-None-Match: "+etag); rec.Code != 304 {
		t.Errorf("static conditional GET: %d", rec.Code)
	}
}

// TestPanicBecomes500 injects a fault: the panic is a 500 page (no stack
// trace), it is logged with the request, and the server keeps serving.
func TestPanicBecomes500(t *testing.T) {
	t.Parallel()
	s, logs := newTestServer(t)
	s.echo.GET("/boom", func(echo.Context) error { panic("injected fault") })
	rec := get(s, "/boom?lang=en")
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), "Internal error") || strings.Contains(rec.Body.String(), "injected fault") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("panic: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(logs.String(), "injected fault") || !strings.Contains(logs.String(), "/boom") {
		t.Errorf("the panic was not logged with its request:\n%s", logs)
	}
	if rec := get(s, "/neuron"); rec.Code != 200 {
		t.Errorf("after a panic: %d", rec.Code)
	}
}

func TestNegotiate(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		explicit i18n.Lang
		header   string
		want     i18n.Lang
	}{
		{"", "", i18n.RU}, {"", "en", i18n.EN}, {"", "en-GB,en;q=0.9", i18n.EN},
		{"", "fr,de;q=0.9", i18n.RU}, {"", "en;q=0.3,ru;q=0.7", i18n.RU}, {"", "ru;q=0.2, EN-us;q=0.8", i18n.EN},
		{"", "en;q=0", i18n.RU}, {"", "en;q=abc", i18n.RU}, {i18n.EN, "ru", i18n.EN},
	} {
		if got := negotiate(tc.explicit, tc.header); got != tc.want {
			t.Errorf("negotiate(%q, %q) = %q, want %q", tc.explicit, tc.header, got, tc.want)
		}
	}
}

// TestTemplatesHaveLiveKeys checks that every key the live update sends
// has an element to go to, so a change in one place cannot silently stop
// updating the page.
func TestTemplatesHaveLiveKeys(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	n := state.DefaultNeuron()
	n.Batch = [][]float64{{1, 2}}
	body := get(s, "/neuron?"+n.Encode()).Body.String()
	live := view.Neuron(n, i18n.RU).Live(true)
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
}

func keysOf[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestRunShutsDown starts the real listener, serves, and stops cleanly
// when the context ends.
func TestRunShutsDown(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Addr: "127.0.0.1:0", Log: slog.New(slog.NewTextHandler(io.Discard, nil)), ShutdownTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, func(a string) { addr <- a }) }()
	resp, err := http.Get("http://" + <-addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Error("Run did not return after the context ended")
	}
}

// TestNoFormatErrors renders every page, good and bad, in both languages
// and looks for textf's (or fmt's) mark of a wrong verb or argument.
func TestNoFormatErrors(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	targets := []string{
		"/", "/neuron?v=1&batch=1,2~3,4&act=step", "/neuron?b=x&act=y&v=3", "/nope",
		"/conv", "/conv?v=1&img=camera&k=sobel-left&k=outline&at=3,4", "/conv?v=1&k=zz&stride=9",
		"/network", "/network?v=1&e=40&h=3,2", "/network?v=1&e=99999", "/network?v=1&h=99",
		"/api/neuron?b=x", "/neuron.csv?v=1&batch=1,2",
	}
	for _, lang := range []string{"ru", "en"} {
		for _, target := range targets {
			sep := "?"
			if strings.Contains(target, "?") {
				sep = "&"
			}
			rec := get(s, target+sep+"lang="+lang)
			if rec.Code == http.StatusFound {
				rec = get(s, rec.Header().Get("Location"))
			}
			if rec.Code >= 500 {
				t.Errorf("%s (%s): %d", target, lang, rec.Code)
			}
			if i := strings.Index(rec.Body.String(), "%!"); i >= 0 {
				t.Errorf("%s (%s): a format error: %q", target, lang, rec.Body.String()[max(0, i-80):min(rec.Body.Len(), i+40)])
			}
		}
	}
}

// TestHeaderLimit runs the real listener: headers under MaxHeaderBytes are
// served, far over it get 431.
func TestHeaderLimit(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Addr: "127.0.0.1:0", Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addr := make(chan string, 1)
	go s.Run(ctx, func(a string) { addr <- a })
	base := "http://" + <-addr
	for _, tc := range []struct {
		size   int
		status int
	}{{32 << 10, 200}, {128 << 10, http.StatusRequestHeaderFieldsTooLarge}} {
		req, _ := http.NewRequest("GET", base+"/healthz", nil)
		req.Header.Set("X-Padding", strings.Repeat("a", tc.size))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("a %d-byte header: %d, want %d", tc.size, resp.StatusCode, tc.status)
		}
	}
}

// TestAbsoluteURLsFromConfig: a page's canonical and preview URLs come from
// -public-url, or are relative; never from the request's Host header (the
// responses are cacheable and do not vary by Host).
func TestAbsoluteURLsFromConfig(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, target := range []string{"/neuron?v=1&act=relu", "/conv", "/network?v=1&e=5"} {
		page := get(s, target, "Host: evil.example").Body.String()
		if strings.Contains(page, "evil.example") {
			t.Errorf("%s reflects the Host header", target)
		}
	}
	pub, err := New(Config{PublicURL: "https://nnplay.example", Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	page := get(pub, "/neuron?v=1&act=relu", "Host: evil.example").Body.String()
	if !strings.Contains(page, `<link rel="canonical" href="https://nnplay.example/neuron?v=1&amp;act=relu">`) || strings.Contains(page, "evil.example") {
		t.Error("with -public-url, the canonical link is not the configured one")
	}
}

// TestIsolationAndHSTSHeaders: CORP and COOP on every response; HSTS only when
// configured.
func TestIsolationAndHSTSHeaders(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/")
	if rec.Header().Get("Cross-Origin-Resource-Policy") != "same-site" || rec.Header().Get("Cross-Origin-Opener-Policy") != "same-origin" {
		t.Errorf("headers: %v", rec.Header())
	}
	if rec.Header().Get("Strict-Transport-Security") != "" {
		t.Error("HSTS without -hsts")
	}
	tls, _ := New(Config{HSTS: true, Log: slog.New(slog.DiscardHandler)})
	if get(tls, "/").Header().Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS with -hsts")
	}
}
