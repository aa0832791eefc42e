# nnplay — `make run` builds everything and serves; `make test` runs the
# whole suite. Both work on a fresh clone: Go tools come through go.mod.
GO        ?= go
WASM_DIR  := $(shell $(GO) env GOROOT)/lib/wasm
WASM_EXEC := $(WASM_DIR)/go_js_wasm_exec
STATIC    := web/static
ADDR      ?= 127.0.0.1:8080
# The pure packages: this module's packages the wasm modules link, found
# by go list (a new one is picked up when a module imports it); their tests
# run again as js/wasm in Node.
PURE_PKGS = $(shell GOOS=js GOARCH=wasm $(GO) list -deps -f '{{if and (not .Standard) (ne .Name "main") .Module .Module.Main}}{{.ImportPath}}{{end}}' ./wasm/...)
# One WebAssembly module per page: each main package wasm/PAGE becomes
# web/static/app.PAGE.wasm, and the page loads only its own.
WASM_PAGES = $(notdir $(shell GOOS=js GOARCH=wasm $(GO) list -f '{{if eq .Name "main"}}{{.Dir}}{{end}}' ./wasm/...))
# Native builds use Go 1.26's experimental SIMD package (simd/archsimd) for
# the engine's hot loops on amd64; `make build NATIVE_EXP=` builds without
# it (the pure-Go loops, same results). WebAssembly never uses it.
NATIVE_EXP ?= simd
NATIVE_ENV := GOEXPERIMENT=$(NATIVE_EXP)
# The packages with a Fuzz target; each runs for FUZZTIME in make test,
# longer in make fuzz.
FUZZ_PKGS = $(sort $(patsubst ./%/,./%,$(dir $(shell grep -l '^func Fuzz' $$(find . -name '*_test.go' -not -path './.git/*')))))
FUZZTIME  ?= 8s

# The Go vulnerability database, as the module golang.org/x/vulndb from the
# module proxy (vuln.go.dev is not reachable from every build machine): its
# data/osv holds one OSV file per vulnerability, which govulncheck reads
# with -db file://. Pinned for reproducible runs; `make vuln
# VULNDB=latest` (what .ci/run does) checks against the newest, and
# `go list -m golang.org/x/vulndb@latest` names the version to pin.
VULNDB    ?= v0.0.0-20261105234957-e22db6528018

.PHONY: all generate wasm build run test check vuln test-native test-wasm fuzz bench bench-native bench-wasm bench-e2e load scale-test clean

all: build

generate:                      # the templ CLI is pinned by go.mod's tool directive
	$(GO) tool templ generate

# wasm_exec.js must come from the Go that builds the modules: copied every
# time. Each module is rebuilt to a temporary file and replaces its
# app.PAGE.wasm only when its bytes change, so precompressing (brotli 11,
# ~15 s a module) reruns only then.
wasm:
	cp -f "$(WASM_DIR)/wasm_exec.js" $(STATIC)/wasm_exec.js
	@for p in $(WASM_PAGES); do \
	  out=$(STATIC)/app.$$p.wasm; \
	  echo "GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags=\"-s -w\" -o $$out ./wasm/$$p"; \
	  GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $$out.tmp ./wasm/$$p || exit 1; \
	  if cmp -s $$out.tmp $$out; then rm $$out.tmp; else mv $$out.tmp $$out; fi; \
	  $(MAKE) --no-print-directory $$out.br || exit 1; \
	done

# Every module's download budget (issue 2): under 1 MB brotli.
WASM_MAX_BR ?= 1000000
$(STATIC)/app.%.wasm.br: $(STATIC)/app.%.wasm
	$(GO) run ./internal/tools/precompress -max-br $(WASM_MAX_BR) $< || { rm -f $@; exit 1; }

build: generate wasm           # the server embeds web/static, so the wasm comes first
	$(NATIVE_ENV) $(GO) build -trimpath -o bin/web ./cmd/web

run: build
	./bin/web -addr $(ADDR)

test: check vuln test-native test-wasm fuzz

check:                         # generated code current, code formatted, vet and staticcheck clean
	$(GO) tool templ generate -check
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo 'gofmt needed'; exit 1; }
	$(GO) vet ./...
	GOEXPERIMENT=simd $(GO) vet ./engine/
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/... $(PURE_PKGS)
	$(GO) tool staticcheck ./...
	@# go tool would build staticcheck itself for js/wasm: run the host's build on the wasm packages.
	sc=$$($(GO) tool -n staticcheck) && GOOS=js GOARCH=wasm $$sc ./wasm/... $(PURE_PKGS)

# Fails when this module's code calls a known vulnerability of a module in
# the build (allowed ones, with their reasons, in internal/tools/vulncheck/
# allow.txt); the standard library's are a warning: a newer Go fixes them.
vuln: wasm
	@dir=$$($(GO) mod download -json golang.org/x/vulndb@$(VULNDB) | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$$/\1/p'); \
	test -d "$$dir/data/osv" || { echo "vuln: no database from golang.org/x/vulndb@$(VULNDB)"; exit 1; }; \
	echo "vuln: database golang.org/x/vulndb@$(VULNDB)"; \
	$(GO) tool govulncheck -format json -db "file://$$dir/data/osv" ./... | $(GO) run ./internal/tools/vulncheck -allow internal/tools/vulncheck/allow.txt

# The browser tests take ~100 s alone, several times that on a loaded
# machine: a longer limit than go test's 10 minutes (each wait has its own).
test-native: wasm              # unit, handler (httptest) and browser (Chromium, web/e2e) tests
	@$${PYTHON:-/usr/bin/python3} -c 'import numpy' 2>/dev/null || { echo "make test: the generated programs' tests need python3 with NumPy (apt-get install python3-numpy, or set PYTHON)"; exit 1; }
	$(GO) test -timeout 30m ./...
	GOEXPERIMENT=simd $(GO) test ./engine/   # the SIMD kernels: same golden checksums

test-wasm:                     # the pure packages again, as js/wasm in Node
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" $(PURE_PKGS)

fuzz:                          # every Fuzz target for FUZZTIME; must find nothing
	@for pkg in $(FUZZ_PKGS); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

bench: bench-native bench-wasm bench-e2e

bench-native:
	$(NATIVE_ENV) $(GO) test -run '^$$' -bench . -benchmem ./engine/

bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench . ./engine/

bench-e2e: wasm                # the network page's frame times in Chromium
	$(GO) test -run '^$$' -bench . ./web/e2e/

load: build                    # a realistic mix against the real server on loopback
	$(GO) run ./internal/tools/load -server bin/web $(LOADFLAGS)

# Two replicas behind Debian's nginx (deploy/nnplay-nginx.conf) on
# loopback, a bounded burst through the cache, one replica killed half-way:
# 0 errors or it fails. DURATION and CLIENTS change the burst.
scale-test: build
	deploy/scale-test.sh

clean:
	rm -rf bin $(STATIC)/app*.wasm* $(STATIC)/wasm_exec.js
