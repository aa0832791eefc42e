package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// staticFS holds web/static: app.css, app.js and the pages' scripts
// (committed), and the build's modules, app.PAGE.wasm with their
// precompressed .br and .gz, and wasm_exec.js (made by make wasm, never
// committed).
//
//go:embed static
var staticFS embed.FS

// Static returns the embedded static files.
func Static() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// ModuleFile is the file in web/static of the page module's WebAssembly
// module (make wasm builds wasm/module there).
func ModuleFile(module string) string { return "app." + module + ".wasm" }

// asset is one static file, with its precompressed forms.
type asset struct {
	name   string // the file's name, "app.wasm"
	url    string // its fingerprinted URL, "/static/app.1a2b3c4d5e6f.wasm"
	ctype  string
	raw    []byte
	br, gz []byte // nil when there is none
	etag   string
}

// assets maps fingerprinted URLs and names to the static files.
type assets struct {
	byURL  map[string]*asset
	byName map[string]*asset
}

// loadAssets fingerprints every file of fsys. A .br or .gz file is the
// precompressed form of the file without that suffix; text assets that
// have no .gz get one made here, once (a few KB, at start-up).
func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{byURL: map[string]*asset{}, byName: map[string]*asset{}}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") || strings.HasPrefix(name, ".") {
			continue
		}
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(raw)
		hash := hex.EncodeToString(sum[:6])
		ext := path.Ext(name)
		ctype := mime.TypeByExtension(ext)
		switch ext {
		case ".wasm":
			ctype = "application/wasm" // instantiateStreaming insists
		case ".ico":
			ctype = "image/x-icon" // not in Go's built-in table
		}
		as := &asset{
			name: name, url: "/static/" + strings.TrimSuffix(name, ext) + "." + hash + ext,
			ctype: ctype, raw: raw, etag: `"` + hash + `"`,
		}
		as.br, _ = fs.ReadFile(fsys, name+".br")
		as.gz, _ = fs.ReadFile(fsys, name+".gz")
		if as.gz == nil && (ext == ".js" || ext == ".css") {
			var b bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
			zw.Write(raw)
			zw.Close()
			as.gz = b.Bytes()
		}
		a.byURL[as.url] = as
		a.byName[name] = as
	}
	return a, nil
}

// URL returns the fingerprinted URL of the static file name, or "" when
// there is no such file (the wasm before the first make wasm).
func (a *assets) URL(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.url
	}
	return ""
}

// serve answers /static/*: fingerprinted names only, cached for a year
// (a new build gets new names), precompressed when the client accepts it.
func (a *assets) serve(c echo.Context) error {
	as, ok := a.byURL[c.Request().URL.Path]
	if !ok {
		return echo.ErrNotFound
	}
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, as.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", as.etag)
	body := as.raw
	if as.br != nil || as.gz != nil {
		h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		accept := c.Request().Header.Get(echo.HeaderAcceptEncoding)
		switch {
		case as.br != nil && acceptsEncoding(accept, "br"):
			h.Set(echo.HeaderContentEncoding, "br")
			body = as.br
		case as.gz != nil && acceptsEncoding(accept, "gzip"):
			h.Set(echo.HeaderContentEncoding, "gzip")
			body = as.gz
		}
	}
	if match(c.Request().Header.Get("If-None-Match"), as.etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, as.ctype, body)
}

// favicon answers /favicon.ico, the path browsers try on their own, with
// the icon the pages link to (under its fingerprinted name), cached a day.
func (a *assets) favicon(c echo.Context) error {
	as, ok := a.byName["favicon.ico"]
	if !ok {
		return echo.ErrNotFound
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=86400")
	c.Response().Header().Set("ETag", as.etag)
	if match(c.Request().Header.Get("If-None-Match"), as.etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, as.ctype, as.raw)
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc
// (listed without q=0).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), enc) {
			q := strings.ReplaceAll(params, " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// match reports whether an If-None-Match header names etag.
func match(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
