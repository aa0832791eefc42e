package web

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"nnplay/web/state"
	"nnplay/web/view"
)

// Config configures a Server. The zero value serves on 127.0.0.1:8080 and
// logs to slog.Default().
type Config struct {
	Addr string
	// PublicURL is the site's absolute URL for canonical links and link
	// previews ("https://nnplay.example"); empty means the request's own
	// scheme and host.
	PublicURL string
	Log       *slog.Logger
	// ShutdownTimeout bounds how long in-flight requests may finish after a
	// shutdown begins; 0 means 10 s.
	ShutdownTimeout time.Duration
	// Static overrides the embedded static files (for tests).
	Static fs.FS
	// CacheBytes bounds the in-memory cache of expensive renders
	// (previews, replays); 0 means 64 MiB.
	CacheBytes int
	// MaxExpensive bounds the expensive renders running at once; 0 means
	// half the CPUs (at least one), so cheap pages always have a core. ExpensiveWait is how long a request waits for a
	// slot before it gets 503; 0 means 250 ms.
	MaxExpensive  int
	ExpensiveWait time.Duration
}

// Server is nnplay's HTTP server.
type Server struct {
	echo   *echo.Echo
	cfg    Config
	log    *slog.Logger
	assets *assets
	cache  *cache
	admit  *admission
	flight flight
}

// New returns a Server with every route and middleware in place.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.ShutdownTimeout == 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.Static == nil {
		cfg.Static = Static()
	}
	if cfg.CacheBytes == 0 {
		cfg.CacheBytes = 64 << 20
	}
	if cfg.MaxExpensive == 0 {
		cfg.MaxExpensive = max(1, runtime.GOMAXPROCS(0)/2)
	}
	if cfg.ExpensiveWait == 0 {
		cfg.ExpensiveWait = 250 * time.Millisecond
	}
	as, err := loadAssets(cfg.Static)
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{echo: e, cfg: cfg, log: cfg.Log, assets: as,
		cache: newCache(cfg.CacheBytes), admit: newAdmission(cfg.MaxExpensive, cfg.ExpensiveWait)}
	e.HTTPErrorHandler = s.handleError

	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogError: true,
		LogResponseSize: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			attrs := []any{"method", v.Method, "uri", v.URI, "status", v.Status,
				"ms", float64(v.Latency.Microseconds()) / 1000, "bytes", v.ResponseSize}
			if v.Error != nil && v.Status >= 500 {
				attrs = append(attrs, "err", v.Error)
			}
			s.log.Info("request", attrs...)
			return nil
		},
	}))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			s.log.Error("panic", "method", c.Request().Method, "uri", c.Request().RequestURI, "err", err, "stack", string(stack))
			return err
		},
	}))
	e.Use(securityHeaders)
	e.Use(limitQuery)
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{
		MinLength: 1024,
		Skipper: func(c echo.Context) bool {
			p := c.Request().URL.Path
			return strings.HasPrefix(p, "/static/") || strings.HasSuffix(p, ".png")
		},
	}))

	e.GET("/", s.home)
	s.neuronRoutes()
	s.convRoutes()
	s.networkRoutes()
	s.codeRoutes()
	e.GET("/static/*", as.serve)
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })
	return s, nil
}

// Handler returns the server as an http.Handler, for tests.
func (s *Server) Handler() http.Handler { return s.echo }

// Run serves until ctx is done, then shuts down gracefully: new
// connections are refused and in-flight requests get ShutdownTimeout to
// finish. ready, if not nil, receives the listening address.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", "http://"+ln.Addr().String())
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// decorate fills in what every page takes from the server: the absolute
// base URL and the fingerprinted asset paths.
func (s *Server) decorate(c echo.Context, pg *view.Page) {
	pg.Base = s.cfg.PublicURL
	if pg.Base == "" {
		pg.Base = c.Scheme() + "://" + c.Request().Host
	}
	pg.Assets = view.Assets{
		CSS: s.assets.URL("app.css"), JS: s.assets.URL("app.js"),
		WasmExec: s.assets.URL("wasm_exec.js"), Wasm: s.assets.URL("app.wasm"),
	}
	if pg.Script != "" {
		pg.Assets.Page = s.assets.URL(pg.Script)
	}
}

// securityHeaders sets the headers every response carries. The CSP allows
// the page's own scripts and styles, and 'wasm-unsafe-eval' for compiling
// the WebAssembly module — nothing inline, nothing from elsewhere.
func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
		return next(c)
	}
}

const (
	pageCSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
		"img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
	// svgCSP is for SVG documents: gonum/plot styles with style attributes,
	// and nothing in them may run.
	svgCSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
)

// limitQuery answers 414 for a query longer than any link nnplay makes.
func limitQuery(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if len(c.Request().URL.RawQuery) > state.MaxQueryBytes {
			return echo.NewHTTPError(http.StatusRequestURITooLong)
		}
		return next(c)
	}
}
