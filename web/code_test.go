package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"nnplay/web/pycode"
	"nnplay/web/pycode/pyrun"
)

// programServer is a server for the program tests, its log discarded.
func programServer(t *testing.T) *Server {
	t.Helper()
	s, err := New(Config{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func programGet(s *Server, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

// pagePaths lists the router's pages: the GET routes at the top level
// with no extension, but for the home page (the lesson's map, which
// computes nothing) and the health check.
func pagePaths(s *Server) []string {
	var pages []string
	for _, r := range s.echo.Routes() {
		p := r.Path
		if r.Method != http.MethodGet || p == "/" || p == "/healthz" ||
			strings.Count(p, "/") != 1 || strings.ContainsAny(p, ".*:") {
			continue
		}
		pages = append(pages, p)
	}
	slices.Sort(pages)
	return slices.Compact(pages)
}

// TestEveryPageHasAProgram lists every page of the router and fails for a
// page with no program, a program that does not download, or one that
// does not run: each page's default program runs here under Python and
// must print something. (pycode's tests compare each page's numbers with
// the server's for many states.)
func TestEveryPageHasAProgram(t *testing.T) {
	t.Parallel()
	s := programServer(t)
	pages := pagePaths(s)
	if len(pages) < 3 {
		t.Fatalf("pages %v: the routes are not what this test expects", pages)
	}
	var programs []string
	for _, page := range pages {
		if !slices.Contains(pycode.Pages(), page[1:]) {
			t.Errorf("page %s has no program in pycode.Pages()", page)
			continue
		}
		for _, ext := range []string{".py", ".ipynb"} {
			rec := programGet(s, page+ext)
			if rec.Code != http.StatusOK {
				t.Errorf("GET %s%s: %d", page, ext, rec.Code)
				continue
			}
			if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, page[1:]+ext) {
				t.Errorf("GET %s%s: Content-Disposition %q", page, ext, cd)
			}
			if ext == ".py" {
				programs = append(programs, rec.Body.String())
			}
		}
		html := programGet(s, page).Body.String()
		if !strings.Contains(html, `data-out="code"`) || !strings.Contains(html, `href="`+page+`.ipynb`) {
			t.Errorf("page %s has no code panel with its downloads", page)
		}
	}
	for i, out := range pyrun.Run(t, programs...) {
		if strings.TrimSpace(out) == "" {
			t.Errorf("the program of %s printed nothing", pages[i])
		}
	}
}

// TestProgramBadLink: a link with errors gets no program, only the error.
func TestProgramBadLink(t *testing.T) {
	t.Parallel()
	s := programServer(t)
	for _, target := range []string{
		"/neuron.py?x=__import__('os').system('id')&w=1",
		"/neuron.py?x=1&w=1&act=print(1)",
		"/neuron.ipynb?b=1%0Aimport%20os",
		"/neuron.py?x=nan&w=1",
	} {
		rec := programGet(s, target)
		if rec.Code != http.StatusBadRequest {
			t.Errorf("GET %s: %d, want 400", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "import numpy") {
			t.Errorf("GET %s: a program for a bad link", target)
		}
	}
}
