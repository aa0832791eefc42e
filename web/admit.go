package web

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// admission bounds how many expensive renders (previews, replays) run at
// once. A request waits a moment for a slot; past that it is refused with
// 503 and Retry-After rather than queued without end, so a flood of costly
// links cannot slow the cheap pages down.
type admission struct {
	slots chan struct{}
	wait  time.Duration
}

func newAdmission(n int, wait time.Duration) *admission {
	return &admission{slots: make(chan struct{}, n), wait: wait}
}

// errBusy is the 503 a refused expensive request gets.
var errBusy = echo.NewHTTPError(http.StatusServiceUnavailable)

// acquire takes a slot, or returns errBusy after the wait, or the
// context's error if the client went away first.
func (a *admission) acquire(ctx context.Context) error {
	select {
	case a.slots <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(a.wait)
	defer t.Stop()
	select {
	case a.slots <- struct{}{}:
		return nil
	case <-t.C:
		return errBusy
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (a *admission) release() { <-a.slots }

// expensive returns the cached response for the request's canonical link,
// or renders it with render under admission control and caches it. The
// cache key is the path and the query (already canonical) plus the
// language, which some renders depend on.
func (s *Server) expensive(c echo.Context, lang string, render func(ctx context.Context) (ctype string, body []byte, err error)) error {
	key := c.Request().URL.Path + "?" + c.QueryString() + "#" + lang
	if ctype, body, ok := s.cache.get(key); ok {
		return send(c, http.StatusOK, ctype, body)
	}
	ctx := c.Request().Context()
	if err := s.admit.acquire(ctx); err != nil {
		return err
	}
	defer s.admit.release()
	ctype, body, err := render(ctx)
	if err != nil {
		return err
	}
	s.cache.put(key, ctype, body)
	return send(c, http.StatusOK, ctype, body)
}
