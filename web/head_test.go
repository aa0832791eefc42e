package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
)

// TestHeadAnswersAsGet: HEAD on any path gets GET's status and headers and
// no body (it was 405 everywhere).
func TestHeadAnswersAsGet(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	for _, target := range []string{"/", "/neuron", "/conv?v=1&stride=2", "/network", "/neuron.csv", "/neuron/curve.svg",
		"/api/neuron?v=1", "/favicon.ico", "/healthz", "/nosuch", "/neuron?b=abc", "/api/neuron?b=abc"} {
		g := get(s, target)
		req := httptest.NewRequest(http.MethodHead, target, nil)
		h := httptest.NewRecorder()
		s.Handler().ServeHTTP(h, req)
		if h.Code != g.Code || h.Header().Get("Content-Type") != g.Header().Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q; GET: %d %q", target, h.Code, h.Header().Get("Content-Type"), g.Code, g.Header().Get("Content-Type"))
		}
		if h.Body.Len() != 0 {
			t.Errorf("HEAD %s: a %d-byte body", target, h.Body.Len())
		}
	}
}

// TestFavicon: /favicon.ico is an icon, and every page links to it.
func TestFavicon(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	rec := get(s, "/favicon.ico")
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/x-icon" || rec.Body.Len() < 22 || rec.Body.String()[:4] != "\x00\x00\x01\x00" {
		t.Fatalf("/favicon.ico: %d %q, %d bytes", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
	icon := regexp.MustCompile(`<link rel="icon" href="([^"]+)"`)
	for _, page := range []string{"/", "/neuron", "/conv", "/network", "/nosuch", "/neuron?b=abc"} {
		m := icon.FindStringSubmatch(get(s, page).Body.String())
		if m == nil {
			t.Errorf("%s links no icon", page)
			continue
		}
		if r := get(s, m[1]); r.Code != 200 || r.Body.String() != rec.Body.String() {
			t.Errorf("%s: icon %s answers %d", page, m[1], r.Code)
		}
	}
}
