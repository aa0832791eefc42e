// Command precompress writes FILE.br (brotli, quality 11) and FILE.gz
// (gzip, best compression) next to each FILE, at build time, so the server
// never compresses the wasm module per request (toolchain.md: 114 ms of
// CPU each time). andybalholm/brotli produces the same bytes as the C tool,
// so no system package is needed.
//
//	go run ./internal/tools/precompress web/static/app.wasm
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: precompress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compress(name); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func compress(name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var br, gz bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	if _, err := bw.Write(raw); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	gw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := io.Copy(gw, bytes.NewReader(raw)); err != nil {
		return err
	}
	if err := gw.Close(); err != nil {
		return err
	}
	// Write to temporary names first: a half-written file must never be
	// embedded as the real one.
	for ext, b := range map[string][]byte{".br": br.Bytes(), ".gz": gz.Bytes()} {
		if err := os.WriteFile(name+ext+".tmp", b, 0o644); err != nil {
			return err
		}
		if err := os.Rename(name+ext+".tmp", name+ext); err != nil {
			return err
		}
	}
	fmt.Printf("%s: %d bytes, gzip %d, brotli %d\n", name, len(raw), gz.Len(), br.Len())
	return nil
}
