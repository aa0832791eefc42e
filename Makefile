# nnplay — `make run` builds everything and serves; `make test` runs the
# whole suite. Both work on a fresh clone: Go tools come through go.mod.
GO        ?= go
WASM_DIR  := $(shell $(GO) env GOROOT)/lib/wasm
WASM_EXEC := $(WASM_DIR)/go_js_wasm_exec
STATIC    := web/static
ADDR      ?= 127.0.0.1:8080
# Packages that compile to js/wasm and run their tests again in Node.
PURE_PKGS := ./engine/... ./web/state/... ./web/view/... ./web/i18n/... ./web/livechart/... ./web/textf/... ./web/gallery/...
# Fuzz targets run for FUZZTIME each in make test, longer in make fuzz.
FUZZ_PKGS := ./web/state ./web
FUZZTIME  ?= 8s

.PHONY: all generate wasm build run test check test-native test-wasm fuzz bench bench-native bench-wasm load clean

all: build

generate:                      # the templ CLI is pinned by go.mod's tool directive
	$(GO) tool templ generate

# wasm_exec.js must come from the Go that builds the module: copied every time.
# The module is rebuilt to a temporary file and replaces app.wasm only when
# its bytes change, so precompressing (brotli 11, ~15 s) reruns only then.
wasm:
	cp -f "$(WASM_DIR)/wasm_exec.js" $(STATIC)/wasm_exec.js
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $(STATIC)/app.wasm.tmp ./wasm
	@if cmp -s $(STATIC)/app.wasm.tmp $(STATIC)/app.wasm; then rm $(STATIC)/app.wasm.tmp; else mv $(STATIC)/app.wasm.tmp $(STATIC)/app.wasm; fi
	@$(MAKE) --no-print-directory $(STATIC)/app.wasm.br

# The module's download budget (issue 2): under 1 MB brotli.
WASM_MAX_BR ?= 1000000
$(STATIC)/app.wasm.br: $(STATIC)/app.wasm
	$(GO) run ./internal/tools/precompress -max-br $(WASM_MAX_BR) $< || { rm -f $@; exit 1; }

build: generate wasm           # the server embeds web/static, so the wasm comes first
	$(GO) build -trimpath -o bin/web ./cmd/web

run: build
	./bin/web -addr $(ADDR)

test: check test-native test-wasm fuzz

check:                         # generated code current, code formatted, vet clean
	$(GO) tool templ generate -check
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo 'gofmt needed'; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/ $(PURE_PKGS)

test-native: wasm              # unit, handler (httptest) and browser (Chromium) tests
	@$${PYTHON:-/usr/bin/python3} -c 'import numpy' 2>/dev/null || { echo "make test: the generated programs' tests need python3 with NumPy (apt-get install python3-numpy, or set PYTHON)"; exit 1; }
	$(GO) test ./...

test-wasm:                     # the pure packages again, as js/wasm in Node
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" $(PURE_PKGS)

fuzz:                          # every Fuzz target for FUZZTIME; must find nothing
	@for pkg in $(FUZZ_PKGS); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

bench: bench-native bench-wasm

bench-native:
	$(GO) test -run '^$$' -bench . -benchmem ./engine/

bench-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench . ./engine/

load: build                    # a realistic mix against the real server on loopback
	$(GO) run ./internal/tools/load -server bin/web $(LOADFLAGS)

clean:
	rm -rf bin $(STATIC)/app.wasm* $(STATIC)/wasm_exec.js
