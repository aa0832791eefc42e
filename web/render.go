package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"
)

// cachePages is how long a shared cache may keep a page of a canonical
// state. Pages are deterministic, so only a new release changes them, and
// the ETag makes a revalidation cheap.
const cachePages = "public, max-age=300"

// render writes a templ component as a full HTML response. It renders
// into a buffer first, so a failing component never sends half a page.
// The request's cancellation is not passed on: rendering is bounded work,
// and net/http cancels a request whose body read failed (an upload cut by
// the read timeout), which must still get its error page.
func render(c echo.Context, status int, comp templ.Component) error {
	buf := templ.GetBuffer()
	defer templ.ReleaseBuffer(buf)
	if err := comp.Render(context.WithoutCancel(c.Request().Context()), buf); err != nil {
		return err
	}
	return send(c, status, echo.MIMETextHTMLCharsetUTF8, buf.Bytes())
}

// send writes body with an ETag, and answers a matching conditional
// request with 304. Only successful responses are cacheable.
func send(c echo.Context, status int, ctype string, body []byte) error {
	h := c.Response().Header()
	if status == http.StatusOK {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:12]) + `"`
		h.Set("ETag", etag)
		if h.Get("Cache-Control") == "" {
			h.Set("Cache-Control", cachePages)
		}
		if match(c.Request().Header.Get("If-None-Match"), etag) {
			return c.NoContent(http.StatusNotModified)
		}
	} else {
		h.Set("Cache-Control", "no-store")
	}
	return c.Blob(status, ctype, body)
}

// sendBuffer is send for a bytes.Buffer.
func sendBuffer(c echo.Context, ctype string, b *bytes.Buffer) error {
	return send(c, http.StatusOK, ctype, b.Bytes())
}

// sendCached writes a cached response in the best encoding the request
// accepts, as stored: nothing is compressed per request. Each encoding
// has its own ETag (the body's, suffixed), and any of them revalidates.
func sendCached(c echo.Context, e *cacheEntry) error {
	h := c.Response().Header()
	body, enc, etag := e.body, "", e.etag
	if e.gzip != nil {
		h.Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
		accept := c.Request().Header.Get(echo.HeaderAcceptEncoding)
		switch {
		case acceptsEncoding(accept, "br"):
			body, enc, etag = e.br, "br", suffixETag(e.etag, "br")
		case acceptsEncoding(accept, "gzip"):
			body, enc, etag = e.gzip, "gzip", suffixETag(e.etag, "gzip")
		}
	}
	h.Set("ETag", etag)
	if h.Get("Cache-Control") == "" {
		h.Set("Cache-Control", cachePages)
	}
	if inm := c.Request().Header.Get("If-None-Match"); inm != "" &&
		(match(inm, e.etag) || match(inm, suffixETag(e.etag, "br")) || match(inm, suffixETag(e.etag, "gzip"))) {
		return c.NoContent(http.StatusNotModified)
	}
	if enc != "" {
		h.Set(echo.HeaderContentEncoding, enc)
	}
	return c.Blob(http.StatusOK, e.ctype, body)
}

// suffixETag marks a quoted ETag as one encoding's: "abc" → "abc-br". It
// is the form gzhttp gives the pages it compresses per request.
func suffixETag(etag, enc string) string {
	return strings.TrimSuffix(etag, `"`) + "-" + enc + `"`
}
