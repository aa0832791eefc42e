//go:build !js

package e2e

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"nnplay/web"
)

// e2e is one browser and one server for a test or a benchmark.
type e2e struct {
	t       testing.TB
	browser context.Context
	srv     *httptest.Server
}

// startE2E starts the real server on a loopback port and a headless
// Chromium. With CI set a missing Chromium fails the test; elsewhere it
// skips with a note.
func startE2E(t testing.TB) *e2e {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium not found and CI is set: .ci/run installs it (apt-get install chromium)")
		}
		t.Skip("Chromium not found: apt-get install chromium to run the browser tests")
	}
	// The server embeds web/static when it is compiled: the module must
	// have been built before.
	for _, m := range []string{"neuron", "conv", "network"} {
		if _, err := fs.Stat(web.Static(), web.ModuleFile(m)); err != nil {
			t.Fatalf("web/static/%s is missing: run make wasm (make test does) before go test", web.ModuleFile(m))
		}
	}
	s, err := web.New(web.Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path), chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), // small /dev/shm in CI containers
		chromedp.Flag("lang", "en-US"), chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil { // launch; no timeout on this context
		t.Fatal(err)
	}
	return &e2e{t: t, browser: browser, srv: srv}
}

func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab opens a fresh browser context (its own cookies, storage and cache,
// like another person's browser) and returns it with a timeout.
func (e *e2e) tab(opts ...chromedp.ContextOption) context.Context {
	e.t.Helper()
	ctx, cancel := chromedp.NewContext(e.browser, append(opts, chromedp.WithNewBrowserContext())...)
	e.t.Cleanup(cancel)
	tctx, tcancel := context.WithTimeout(ctx, 120*time.Second)
	e.t.Cleanup(tcancel)
	return tctx
}

func (e *e2e) do(ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		e.t.Fatal(err)
	}
}

func (e *e2e) eval(ctx context.Context, js string) string {
	e.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		e.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls the JS boolean expression until it holds. A navigation
// in between (the page's context destroyed) is waited out, not an error.
func (e *e2e) waitFor(ctx context.Context, what, js string) {
	e.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+js+")")); err == nil && ok {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	e.t.Fatalf("waiting for %s (%s): %v\npage text: %s", what, js, err, e.eval(ctx, `document.querySelector('main')?.innerText.slice(0, 1500) ?? ''`))
}

// live waits until the wasm module runs the page.
func (e *e2e) live(ctx context.Context) {
	e.t.Helper()
	e.waitFor(ctx, "the live mode", `!!document.querySelector('[data-live-ok]:not([hidden])') && !!document.querySelector('[data-svg="curve"] svg')`)
}

// typeInto replaces a text field's value by typing, as a person does.
func (e *e2e) typeInto(ctx context.Context, id, text string) {
	e.t.Helper()
	e.eval(ctx, `(() => { const el = document.getElementById(`+quote(id)+`); el.focus(); el.select(); return ''; })()`)
	e.do(ctx, chromedp.SendKeys(chromedp.ID(id), text))
}

func (e *e2e) text(ctx context.Context, key string) string {
	e.t.Helper()
	return e.eval(ctx, `document.querySelector('[data-out="`+key+`"]')?.textContent ?? ''`)
}

// shot saves a full-page screenshot when NNPLAY_SCREENSHOTS names a
// directory, for a person to check.
func (e *e2e) shot(ctx context.Context, name string) {
	e.t.Helper()
	dir := os.Getenv("NNPLAY_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
