package web

import (
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"
)

// clientLimits bounds what one client (one address: a school behind its
// NAT counts as one) may ask of the server, so that one crowd cannot
// starve everyone else: at most inFlight of its requests are worked on at
// once, the next ones wait up to wait for a turn, and past that, or past
// its rate, it gets 429 with Retry-After. Everyone else's requests are
// not behind the crowd's in any queue.
type clientLimits struct {
	inFlight int
	wait     time.Duration
	mu       sync.Mutex
	clients  map[string]*clientSlots
}

type clientSlots struct {
	slots chan struct{}
	users int // requests holding or waiting for a slot
}

func newClientLimits(inFlight int, wait time.Duration) *clientLimits {
	return &clientLimits{inFlight: inFlight, wait: wait, clients: map[string]*clientSlots{}}
}

// tooMany answers a client over its bound: 429, Retry-After and one line
// of text in both languages, written directly — under a flood this answer
// is most of the work, so no page is rendered for it.
func tooMany(c echo.Context) error {
	h := c.Response().Header()
	h.Set("Retry-After", "1")
	h.Set("Cache-Control", "no-store")
	return c.String(http.StatusTooManyRequests, tooManyText)
}

const tooManyText = "Too many requests from your address at once: try again in a second.\n" +
	"Слишком много запросов с вашего адреса сразу: повторите через секунду.\n"

func (l *clientLimits) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if c.Request().URL.Path == "/healthz" {
			return next(c)
		}
		ip := c.RealIP()
		l.mu.Lock()
		cs := l.clients[ip]
		if cs == nil {
			cs = &clientSlots{slots: make(chan struct{}, l.inFlight)}
			l.clients[ip] = cs
		}
		cs.users++
		l.mu.Unlock()
		defer func() {
			l.mu.Lock()
			if cs.users--; cs.users == 0 {
				delete(l.clients, ip) // the map holds only active clients
			}
			l.mu.Unlock()
		}()
		select {
		case cs.slots <- struct{}{}:
		default:
			t := time.NewTimer(l.wait)
			defer t.Stop()
			select {
			case cs.slots <- struct{}{}:
			case <-t.C:
				return tooMany(c)
			case <-c.Request().Context().Done():
				return c.Request().Context().Err()
			}
		}
		defer func() { <-cs.slots }()
		return next(c)
	}
}

// rateLimit bounds each client's request rate (token bucket: perSecond,
// with bursts of burst); a client over it gets 429 with Retry-After.
func rateLimit(perSecond float64, burst int) echo.MiddlewareFunc {
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper: func(c echo.Context) bool { return c.Request().URL.Path == "/healthz" },
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(perSecond), Burst: burst, ExpiresIn: time.Minute,
		}),
		DenyHandler:  func(c echo.Context, _ string, _ error) error { return tooMany(c) },
		ErrorHandler: func(c echo.Context, err error) error { return tooMany(c) },
	})
}
