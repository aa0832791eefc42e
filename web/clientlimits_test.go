package web

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
)

// TestClientLimits: one client past its in-flight bound waits, then gets
// 429 with Retry-After, while another client is served at once; past its
// rate, a client gets 429.
func TestClientLimits(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Log: slog.New(slog.DiscardHandler), ClientInFlight: 2, ClientRate: -1})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	s.echo.GET("/hold", func(c echo.Context) error { <-release; return c.String(200, "held") })
	from := func(ip, target string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, target, nil)
		req.RemoteAddr = ip + ":1234"
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		return rec
	}
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() { defer wg.Done(); from("192.0.2.1", "/hold") }()
	}
	time.Sleep(50 * time.Millisecond)
	t0 := time.Now()
	if rec := from("192.0.2.2", "/"); rec.Code != 200 || time.Since(t0) > time.Second {
		t.Errorf("another client: %d after %s", rec.Code, time.Since(t0))
	}
	if rec := from("192.0.2.1", "/"); rec.Code != http.StatusTooManyRequests || rec.Header().Get("Retry-After") == "" {
		t.Errorf("the crowd's third request: %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
	}
	close(release)
	wg.Wait()
	if rec := from("192.0.2.1", "/"); rec.Code != 200 {
		t.Errorf("after its requests ended: %d", rec.Code)
	}

	rated, _ := New(Config{Log: slog.New(slog.DiscardHandler), ClientRate: 1, ClientBurst: 3})
	codes := map[int]int{}
	for range 5 {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		rec := httptest.NewRecorder()
		rated.Handler().ServeHTTP(rec, req)
		codes[rec.Code]++
	}
	if codes[200] != 3 || codes[http.StatusTooManyRequests] != 2 {
		t.Errorf("5 requests at a rate of 1/s with bursts of 3: %v", codes)
	}
}
