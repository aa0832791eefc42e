package web

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"github.com/klauspost/compress/gzhttp"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/net/netutil"

	"nnplay/web/state"
	"nnplay/web/view"
)

// Config configures a Server. The zero value serves on 127.0.0.1:8080 and
// logs to slog.Default().
type Config struct {
	Addr string
	// PublicURL is the site's absolute URL for canonical links and link
	// previews ("https://nnplay.example"); empty means relative links. It
	// is never taken from the request: a cached page must not carry a Host
	// header someone else sent.
	PublicURL string
	// HSTS sends Strict-Transport-Security (one year): only when the site
	// is served over TLS, by this server's proxy.
	HSTS bool
	Log  *slog.Logger
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
	// MaxUploads bounds the uploads whose bodies are read at once (each
	// holds up to view.MaxUploadMB); 0 means 4. An upload that finds no
	// free slot within ExpensiveWait gets 503 before its body is read.
	MaxUploads int
	// ReadTimeout bounds reading a whole request, body included; 0 means
	// 10 s.
	ReadTimeout time.Duration
	// MaxConns bounds the open connections; past it, new connections wait
	// in the listen backlog until one closes. 0 means 1024.
	MaxConns int
	// ClientInFlight bounds one client's requests worked on at once (0: 16),
	// ClientRate and ClientBurst its request rate (0: 200/s with bursts of
	// 1,000); see clientLimits. Negative turns the bound off.
	ClientInFlight int
	ClientRate     float64
	ClientBurst    int
	// TrustProxy takes the client's address from X-Forwarded-For when the
	// request comes from a proxy on loopback (deploy/nginx.conf), for the
	// per-client bounds.
	TrustProxy bool
}

// Server is nnplay's HTTP server.
type Server struct {
	echo    *echo.Echo
	cfg     Config
	log     *slog.Logger
	assets  *assets
	cache   *cache
	admit   *admission
	renders *admission
	uploads *admission
	flight  flight
	handler http.Handler
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
	if cfg.MaxUploads == 0 {
		cfg.MaxUploads = 4
	}
	if cfg.ReadTimeout == 0 {
		cfg.ReadTimeout = 10 * time.Second
	}
	if cfg.MaxConns == 0 {
		cfg.MaxConns = 1024
	}
	if cfg.ClientInFlight == 0 {
		cfg.ClientInFlight = 16
	}
	if cfg.ClientRate == 0 {
		cfg.ClientRate = 200
	}
	if cfg.ClientBurst == 0 {
		cfg.ClientBurst = 1000
	}
	as, err := loadAssets(cfg.Static)
	if err != nil {
		return nil, err
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{echo: e, cfg: cfg, log: cfg.Log, assets: as,
		cache: newCache(cfg.CacheBytes), admit: newAdmission(cfg.MaxExpensive, cfg.ExpensiveWait),
		renders: newAdmission(max(2, runtime.GOMAXPROCS(0)), cfg.ExpensiveWait),
		uploads: newAdmission(cfg.MaxUploads, cfg.ExpensiveWait),
		flight:  flight{busyRetry: cfg.ExpensiveWait}}
	e.HTTPErrorHandler = s.handleError
	e.IPExtractor = echo.ExtractIPDirect()
	if cfg.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader(echo.TrustLoopback(true),
			echo.TrustLinkLocal(false), echo.TrustPrivateNet(false))
	}
	e.Pre(headAsGet)

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
	e.Use(securityHeaders(cfg.HSTS))
	if cfg.ClientRate > 0 {
		e.Use(rateLimit(cfg.ClientRate, cfg.ClientBurst))
	}
	if cfg.ClientInFlight > 0 {
		e.Use(newClientLimits(cfg.ClientInFlight, 2*time.Second).middleware)
	}
	e.Use(limitQuery)

	e.GET("/", s.home)
	s.neuronRoutes()
	s.convRoutes()
	s.networkRoutes()
	s.codeRoutes()
	e.GET("/static/*", as.serve)
	e.GET("/favicon.ico", as.favicon) // asked for by browsers and tools that read no page
	e.GET("/healthz", func(c echo.Context) error { return c.String(http.StatusOK, "ok\n") })

	// Responses are gzipped per request unless the handler chose an
	// encoding itself: cached responses and static files are stored
	// compressed (sendCached, assets).
	gz, err := gzhttp.NewWrapper(gzhttp.EnableZstd(false), gzhttp.MinSize(minCompress), gzhttp.SuffixETag("-gzip"))
	if err != nil {
		return nil, err
	}
	s.handler = gz(e)
	return s, nil
}

// Handler returns the server as an http.Handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Run serves until ctx is done, then shuts down gracefully: new
// connections are refused and in-flight requests get ShutdownTimeout to
// finish. ready, if not nil, receives the listening address.
func (s *Server) Run(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	ln = netutil.LimitListener(ln, s.cfg.MaxConns)
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       s.cfg.ReadTimeout,
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
	if err := srv.Shutdown(sctx); errors.Is(err, context.DeadlineExceeded) {
		// A client slower than the timeout (a stalled reader, a trickled
		// upload) is cut off: the shutdown itself went as configured, so
		// this is a warning, not a failure (the process exits 0).
		s.log.Warn("shutdown timeout: closing the connections still open", "timeout", s.cfg.ShutdownTimeout)
		srv.Close()
	} else if err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// decorate fills in what every page takes from the server: the configured
// base URL (or none: relative links) and the fingerprinted asset paths.
func (s *Server) decorate(c echo.Context, pg *view.Page) {
	pg.Base = s.cfg.PublicURL
	pg.Assets = view.Assets{CSS: s.assets.URL("app.css"), JS: s.assets.URL("app.js"), Icon: s.assets.URL("favicon.ico")}
	if pg.Module != "" {
		pg.Assets.WasmExec, pg.Assets.Wasm = s.assets.URL("wasm_exec.js"), s.assets.URL(ModuleFile(pg.Module))
	}
	if pg.Script != "" {
		pg.Assets.Page = s.assets.URL(pg.Script)
	}
}

// securityHeaders sets the headers every response carries. The CSP allows
// the page's own scripts and styles, and 'wasm-unsafe-eval' for compiling
// the WebAssembly module — nothing inline, nothing from elsewhere.
// Cross-Origin-Resource-Policy is same-site: other sites may link to the
// pages but not embed their images, scripts or module. HSTS only when the
// site is known to be served over TLS.
func securityHeaders(hsts bool) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			if hsts {
				h.Set("Strict-Transport-Security", "max-age=31536000")
			}
			h.Set("Cross-Origin-Resource-Policy", "same-site")
			h.Set("Content-Security-Policy", pageCSP)
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
			h.Set("X-Frame-Options", "DENY")
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
			return next(c)
		}
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

// headAsGet answers HEAD as GET without the body (RFC 9110 §9.3.2): the
// same status and headers, so a link checker or cache sees what GET would.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.Method != http.MethodHead {
			return next(c)
		}
		// Echo routes the request it was given, so the method changes in
		// place; it is HEAD again before net/http finishes the response,
		// which then adds no Content-Length: 0.
		r.Method = http.MethodGet
		defer func() { r.Method = http.MethodHead }()
		c.Response().Writer = bodyless{c.Response().Writer}
		return next(c)
	}
}

// bodyless drops a response's body and keeps its headers and status.
type bodyless struct{ http.ResponseWriter }

func (bodyless) Write(p []byte) (int, error)   { return len(p), nil }
func (b bodyless) Unwrap() http.ResponseWriter { return b.ResponseWriter }
