// Command web serves nnplay.
//
//	web [-addr 127.0.0.1:8080] [-public-url https://nnplay.example]
//
// It shuts down gracefully on SIGINT or SIGTERM: in-flight requests get
// -shutdown-timeout to finish.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"nnplay/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	publicURL := flag.String("public-url", "", "the site's absolute URL for canonical links and previews (default: from each request)")
	shutdown := flag.Duration("shutdown-timeout", 10*time.Second, "how long in-flight requests may finish after SIGTERM")
	flag.Parse()

	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	srv, err := web.New(web.Config{Addr: *addr, PublicURL: *publicURL, Log: log, ShutdownTimeout: *shutdown})
	if err != nil {
		fmt.Fprintln(os.Stderr, "web:", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, nil); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}
