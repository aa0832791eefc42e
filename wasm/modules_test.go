//go:build !js

// Package wasm_test checks the pages' WebAssembly modules (wasm/PAGE).
package wasm_test

import (
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// heavy are the packages the module must not link: each costs 20–130 KB
// of brotli download, for what web/textf does in a few lines.
var heavy = []string{"html", "encoding/json", "fmt"}

// goWasm runs the go command for GOOS=js GOARCH=wasm.
func goWasm(t *testing.T, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v", strings.Join(args, " "), err)
	}
	return string(out)
}

// modules lists the pages' modules: the main packages under wasm/.
func modules(t *testing.T) []string {
	mods := strings.Fields(goWasm(t, "list", "-f", `{{if eq .Name "main"}}{{.ImportPath}}{{end}}`, "./..."))
	if len(mods) < 3 {
		t.Fatalf("modules %q: the three pages' at least", mods)
	}
	return mods
}

// TestModuleImports: no package of a module imports html, encoding/json
// or fmt. fmt is still a dependency of net/url and compress/flate (their
// error paths); TestModuleLinks shows none of it is linked.
func TestModuleImports(t *testing.T) {
	t.Parallel()
	for _, mod := range modules(t) {
		moduleImports(t, mod)
	}
}

func moduleImports(t *testing.T, mod string) {
	out := goWasm(t, "list", "-deps", "-f", `{{.ImportPath}}:{{join .Imports " "}}`, mod)
	allowedFmt := map[string]bool{"net/url": true, "compress/flate": true}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, ":")
		for _, imp := range strings.Fields(imports) {
			for _, h := range heavy {
				if imp == h && !(h == "fmt" && allowedFmt[pkg]) {
					t.Errorf("%s: %s imports %s", mod, pkg, h)
				}
			}
		}
	}
}

// TestModuleLinks builds each module and reads the functions it links
// (the wasm name section): none may come from html, encoding/json or fmt.
func TestModuleLinks(t *testing.T) {
	t.Parallel()
	for _, mod := range modules(t) {
		moduleLinks(t, mod)
	}
}

func moduleLinks(t *testing.T, mod string) {
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-o", wasm, mod)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	b, err := os.ReadFile(wasm)
	if err != nil {
		t.Fatal(err)
	}
	names := functionNames(t, b)
	if len(names) < 1000 || !names["main.main"] {
		t.Fatalf("%s: %d function names, main.main %v: the name section was not read", mod, len(names), names["main.main"])
	}
	for name := range names {
		for _, h := range heavy {
			if strings.HasPrefix(name, h+".") {
				t.Errorf("%s links %s", mod, name)
			}
		}
	}
}

// functionNames reads the function names of a wasm binary's "name"
// custom section (WebAssembly core spec, appendix "Name Section").
func functionNames(t *testing.T, b []byte) map[string]bool {
	t.Helper()
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		t.Fatal("not a wasm binary")
	}
	b = b[8:]
	uleb := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > 1<<31 {
			t.Fatal("a damaged wasm binary")
		}
		b = b[n:]
		return int(v)
	}
	size := func() int { // a length of what follows
		n := uleb()
		if n > len(b) {
			t.Fatal("a damaged wasm binary")
		}
		return n
	}
	names := map[string]bool{}
	for len(b) > 0 {
		id := b[0]
		b = b[1:]
		n := size()
		sec, rest := b[:n], b[n:]
		if id == 0 {
			b = sec
			if n := size(); string(b[:n]) == "name" {
				b = b[n:]
				for len(b) > 0 {
					sub := b[0]
					b = b[1:]
					subSize := size()
					if sub != 1 { // function names
						b = b[subSize:]
						continue
					}
					for range uleb() {
						uleb() // the function's index
						n := size()
						names[string(b[:n])] = true
						b = b[n:]
					}
				}
			}
		}
		b = rest
	}
	return names
}
