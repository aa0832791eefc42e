// Command web serves nnplay.
//
//	web [-addr 127.0.0.1:8080] [-public-url https://nnplay.example] [-memory-limit 512MiB] …
//
// It shuts down gracefully on SIGINT or SIGTERM: in-flight requests get
// -shutdown-timeout to finish; connections still open after it are closed
// and logged, and the process exits 0. It exits 1 only when it cannot
// serve (a bad flag, an address in use).
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"nnplay/web"
)

// defaultMemoryLimit is the Go heap's soft limit unless GOMEMLIMIT or
// -memory-limit says otherwise: the render cache (64 MiB), a few uploads
// being decoded and a burst's buffers fit in it, and past it the garbage
// collector works harder instead of the heap holding what a flood left.
const defaultMemoryLimit = 512 << 20

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	publicURL := flag.String("public-url", "", "the site's absolute URL for canonical links and previews (default: relative links)")
	shutdown := flag.Duration("shutdown-timeout", 10*time.Second, "how long in-flight requests may finish after SIGTERM")
	memLimit := flag.String("memory-limit", "", "soft limit of the Go heap, e.g. 512MiB (default: GOMEMLIMIT if set, else 512MiB)")
	hsts := flag.Bool("hsts", false, "send Strict-Transport-Security (only when served over TLS by the proxy in front)")
	trustProxy := flag.Bool("trust-proxy", false, "take the client address from X-Forwarded-For sent by a proxy on loopback")
	maxConns := flag.Int("max-conns", 1024, "open connections at most; more wait in the listen backlog")
	clientInFlight := flag.Int("client-inflight", 16, "one client's requests worked on at once (-1: no bound)")
	clientRate := flag.Float64("client-rate", 200, "one client's requests per second (-1: no bound)")
	clientBurst := flag.Int("client-burst", 1000, "one client's burst of requests over its rate")
	flag.Parse()

	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	limit, err := memoryLimit(*memLimit, os.Getenv("GOMEMLIMIT"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
	debug.SetMemoryLimit(limit)
	srv, err := web.New(web.Config{Addr: *addr, PublicURL: *publicURL, Log: log, ShutdownTimeout: *shutdown,
		HSTS: *hsts, TrustProxy: *trustProxy, MaxConns: *maxConns,
		ClientInFlight: *clientInFlight, ClientRate: *clientRate, ClientBurst: *clientBurst})
	if err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
	log.Info("memory limit", "bytes", limit)
	go releaseMemory(releaseEvery)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, nil); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// releaseEvery is how often the heap's free pages are handed back to the
// system: the runtime's own scavenger returns them slowly (about 1% of a
// core), so after a flood the process would hold hundreds of MiB for
// minutes. A forced collection of a heap of tens of MiB costs a few ms.
const releaseEvery = 30 * time.Second

func releaseMemory(every time.Duration) {
	for range time.Tick(every) {
		debug.FreeOSMemory()
	}
}

// memoryLimit is the -memory-limit flag's value, else GOMEMLIMIT's (which
// the runtime has already applied), else the default. Sizes are in bytes
// with an optional KiB, MiB or GiB suffix, as GOMEMLIMIT's.
func memoryLimit(flagValue, env string) (int64, error) {
	v := flagValue
	if v == "" {
		v = env
	}
	if v == "" {
		return defaultMemoryLimit, nil
	}
	for _, u := range []struct {
		suffix string
		shift  uint
	}{{"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}, {"", 0}} {
		if num, ok := strings.CutSuffix(v, u.suffix); ok {
			n, err := strconv.ParseInt(num, 10, 64)
			if err != nil || n <= 0 || n > 1<<(62-u.shift) {
				return 0, fmt.Errorf("memory limit %q: want a positive size such as 512MiB", v)
			}
			return n << u.shift, nil
		}
	}
	return 0, fmt.Errorf("memory limit %q", v)
}
