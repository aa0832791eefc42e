package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

func TestCacheBound(t *testing.T) {
	t.Parallel()
	c := newCache(1000)
	for i := range 100 {
		c.put(fmt.Sprint("k", i), "x", make([]byte, 90))
	}
	entries, bytes, _, _ := c.stats()
	if bytes > 1000 || entries == 0 {
		t.Errorf("%d entries, %d bytes: over the bound", entries, bytes)
	}
	if _, _, ok := c.get("k99"); !ok {
		t.Error("the newest entry was evicted")
	}
	if _, _, ok := c.get("k0"); ok {
		t.Error("the oldest entry was kept")
	}
	c.put("huge", "x", make([]byte, 400))
	if _, _, ok := c.get("huge"); ok {
		t.Error("an entry over a quarter of the bound was kept")
	}
}

func TestAdmission(t *testing.T) {
	t.Parallel()
	a := newAdmission(2, 20*time.Millisecond)
	ctx := context.Background()
	for i := range 2 {
		if err := a.acquire(ctx); err != nil {
			t.Fatalf("free slot %d refused: %v", i, err)
		}
	}
	if err := a.acquire(ctx); err != errBusy {
		t.Errorf("third acquire: %v, want errBusy", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	a2 := newAdmission(1, time.Hour)
	a2.acquire(ctx)
	if err := a2.acquire(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("acquire after the client left: %v", err)
	}
	a.release()
	if a.acquire(ctx) != nil {
		t.Error("a released slot was not reusable")
	}
}

// TestExpensiveSheds: when every slot is busy, expensive requests get 503
// with Retry-After while cheap pages still answer.
func TestExpensiveSheds(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	s.admit = newAdmission(1, 10*time.Millisecond)
	release := make(chan struct{})
	started := make(chan struct{})
	s.echo.GET("/slow", func(c echo.Context) error {
		return s.expensive(c, "", func(context.Context) (string, []byte, error) {
			close(started)
			<-release
			return "text/plain", []byte("done"), nil
		})
	})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); get(s, "/slow") }()
	<-started
	rec := get(s, "/neuron/preview.png?v=1&b=3&lang=en")
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "busy") {
		t.Errorf("expensive under load: %d %v", rec.Code, rec.Header())
	}
	if rec := get(s, "/neuron?v=1&b=3"); rec.Code != 200 {
		t.Errorf("a cheap page under load: %d", rec.Code)
	}
	close(release)
	wg.Wait()
	if rec := get(s, "/neuron/preview.png?v=1&b=3"); rec.Code != 200 {
		t.Errorf("after the load: %d", rec.Code)
	}
	_, _, before, _ := s.cache.stats()
	rec = get(s, "/neuron/preview.png?v=1&b=3")
	if _, _, after, _ := s.cache.stats(); rec.Code != 200 || after != before+1 {
		t.Errorf("a repeated preview was not served from the cache")
	}
}

// TestCachedServedPrecompressed: a cached response is compressed once, when
// it is stored, and served as stored in the encoding the client accepts,
// each encoding with its own ETag, any of which revalidates.
func TestCachedServedPrecompressed(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	target := "/network?v=1&lang=en&e=5"
	if loc := get(s, target).Header().Get("Location"); loc != "" {
		target = loc // the canonical link
	}
	plain := get(s, target)
	if plain.Code != 200 || plain.Header().Get("Content-Encoding") != "" {
		t.Fatalf("identity: %d %q", plain.Code, plain.Header().Get("Content-Encoding"))
	}
	var e *cacheEntry
	s.cache.mu.Lock()
	for key, el := range s.cache.items {
		if strings.HasPrefix(key, target+"#") {
			e = el.Value.(*cacheEntry)
		}
	}
	s.cache.mu.Unlock()
	if e == nil || e.gzip == nil || e.br == nil {
		t.Fatal("the page is not cached with its compressed forms")
	}
	for _, tc := range []struct{ accept, enc string }{{"gzip", "gzip"}, {"gzip, br", "br"}, {"br;q=0, gzip", "gzip"}} {
		rec := get(s, target, "Accept-Encoding: "+tc.accept)
		want := map[string][]byte{"gzip": e.gzip, "br": e.br}[tc.enc]
		if rec.Header().Get("Content-Encoding") != tc.enc || !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("%s: got %q, %d bytes; want the stored %s", tc.accept, rec.Header().Get("Content-Encoding"), rec.Body.Len(), tc.enc)
		}
		etag := rec.Header().Get("ETag")
		if etag == plain.Header().Get("ETag") || !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: ETag %s same as identity's, or no Vary", tc.accept, etag)
		}
		if rec := get(s, target, "If-None-Match: "+etag); rec.Code != http.StatusNotModified {
			t.Errorf("revalidating %s: %d", etag, rec.Code)
		}
	}
}

// TestFlightBusyRetried: when the call a crowd waits on is refused by
// admission, the waiting requests try again themselves instead of all
// getting its 503.
func TestFlightBusyRetried(t *testing.T) {
	t.Parallel()
	f := flight{busyRetry: time.Second}
	ctx := context.Background()
	leaderIn := make(chan struct{})
	refuse := make(chan struct{})
	go f.do(ctx, "k", func() (any, error) {
		close(leaderIn)
		<-refuse
		return nil, errBusy
	})
	<-leaderIn
	got := make(chan error, 1)
	go func() {
		v, err := f.do(ctx, "k", func() (any, error) { return "rendered", nil })
		if err == nil && v != "rendered" {
			err = fmt.Errorf("value %v", v)
		}
		got <- err
	}()
	time.Sleep(20 * time.Millisecond) // the follower is waiting
	close(refuse)
	if err := <-got; err != nil {
		t.Errorf("a follower of a refused call: %v, want its own render", err)
	}
	// Past its own wait, a follower takes the refusal.
	f = flight{busyRetry: 0}
	calls := 0
	_, err := f.do(ctx, "k", func() (any, error) { calls++; return nil, errBusy })
	if !errors.Is(err, errBusy) || calls != 1 {
		t.Errorf("leader: %v after %d calls", err, calls)
	}
}
