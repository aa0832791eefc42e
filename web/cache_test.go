package web

import (
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
