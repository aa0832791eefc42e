// Command precompress writes FILE.br (brotli, quality 11) and FILE.gz
// (gzip, best compression) next to each FILE, at build time, so the server
// never compresses the wasm module per request (toolchain.md: 114 ms of
// CPU each time). andybalholm/brotli produces the same bytes as the C tool,
// so no system package is needed.
//
//	go run ./internal/tools/precompress [-max-br BYTES] web/static/app.network.wasm
//
// With -max-br it fails when a file's brotli form is larger: the wasm
// module's download budget is enforced by every build.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/andybalholm/brotli"
)

func main() {
	maxBr := flag.Int("max-br", 0, "fail if a file's brotli form is larger than this many bytes (0: no limit)")
	flag.Parse()
	if flag.NArg() < 1 {
		fmt.Fprintln(os.Stderr, "usage: precompress [-max-br BYTES] FILE...")
		os.Exit(2)
	}
	for _, name := range flag.Args() {
		if err := compress(name, *maxBr); err != nil {
			fmt.Fprintln(os.Stderr, "precompress:", err)
			os.Exit(1)
		}
	}
}

func compress(name string, maxBr int) error {
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
	if maxBr > 0 && br.Len() > maxBr {
		return fmt.Errorf("%s: brotli %d bytes, over the budget of %d", name, br.Len(), maxBr)
	}
	return nil
}
