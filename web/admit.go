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
// language, which some renders depend on. Requests for a key being
// rendered wait for that render rather than start another.
func (s *Server) expensive(c echo.Context, lang string, render func(ctx context.Context) (ctype string, body []byte, err error)) error {
	return s.cachedRender(c, lang, s.admit, render)
}

// cached is expensive for a render that may call costly work taking its
// own slot of the expensive admission (a replay, see admitted). The render
// itself takes a slot of a second admission of its own (as many slots as
// CPUs, at least 2), so a popular page whose replay is cached never waits
// behind other people's replays, and a flood of variants of one state
// (size, selection, language: each a fresh render) or of distinct
// drawings waits its turn instead of piling onto the cores.
func (s *Server) cached(c echo.Context, lang string, render func(ctx context.Context) (ctype string, body []byte, err error)) error {
	return s.cachedRender(c, lang, s.renders, render)
}

func (s *Server) cachedRender(c echo.Context, lang string, adm *admission, render func(ctx context.Context) (ctype string, body []byte, err error)) error {
	key := c.Request().URL.Path + "?" + c.QueryString() + "#" + lang
	if e, ok := s.cache.entry(key); ok {
		return sendCached(c, e)
	}
	ctx := c.Request().Context()
	v, err := s.flight.do(ctx, "render:"+key, func() (any, error) {
		if err := adm.acquire(ctx); err != nil {
			return nil, err
		}
		defer adm.release()
		rctx := ctx
		if adm == s.admit {
			rctx = context.WithValue(ctx, admittedKey{}, true)
		}
		ctype, body, err := render(rctx)
		if err != nil {
			return nil, err
		}
		return s.cache.put(key, ctype, body), nil
	})
	if err != nil {
		return err
	}
	return sendCached(c, v.(*cacheEntry))
}

// admittedKey marks a context whose request holds a slot of admission, so
// work it calls (a replay) does not wait for a second one.
type admittedKey struct{}

// admitted runs fn with a slot of admission, taking one unless ctx's
// request already holds one.
func (s *Server) admitted(ctx context.Context, fn func(ctx context.Context) error) error {
	if ctx.Value(admittedKey{}) == nil {
		if err := s.admit.acquire(ctx); err != nil {
			return err
		}
		defer s.admit.release()
		ctx = context.WithValue(ctx, admittedKey{}, true)
	}
	return fn(ctx)
}
