package web

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"nnplay/engine"
	"nnplay/web/state"
)

// TestLimitsAtTheEdge tries every /neuron limit at the limit, just under
// and just over: the first two are served (200, or 302 to the canonical
// link), the last is a clear 400 (or 414 for the query's length).
func TestLimitsAtTheEdge(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	inputs := func(n int) string { return strings.Repeat("&x=1&w=1", n) }
	rows := func(n int) string { return "&x=1&w=1&batch=" + strings.TrimSuffix(strings.Repeat("1~", n), "~") }
	num := state.FormatNumber
	over := math.Nextafter(state.MaxAbsValue, math.Inf(1))
	pad := func(n int) string { // a valid query of exactly n bytes
		q := "v=1&utm_source="
		return q + strings.Repeat("a", n-len(q))
	}
	for _, tc := range []struct {
		name   string
		query  string
		status int
	}{
		{"inputs at the limit", "v=1" + inputs(engine.MaxInputs), 200},
		{"inputs under", "v=1" + inputs(engine.MaxInputs-1), 200},
		{"inputs over", "v=1" + inputs(engine.MaxInputs+1), 400},
		{"no inputs", "v=1&x=&w=", 400},
		{"value at the limit", "v=1&b=" + num(state.MaxAbsValue), 200},
		{"value under", "v=1&b=" + num(math.Nextafter(state.MaxAbsValue, 0)), 200},
		{"value over", "v=1&b=" + num(over), 400},
		{"negative value over", "v=1&b=-" + num(over), 400},
		{"batch rows at the limit", "v=1" + rows(state.MaxBatchRows), 200},
		{"batch rows under", "v=1" + rows(state.MaxBatchRows-1), 200},
		{"batch rows over", "v=1" + rows(state.MaxBatchRows+1), 400},
		{"query at the limit", pad(state.MaxQueryBytes), http.StatusFound},
		{"query under", pad(state.MaxQueryBytes - 1), http.StatusFound},
		{"query over", pad(state.MaxQueryBytes + 1), http.StatusRequestURITooLong},
	} {
		rec := get(s, "/neuron?"+tc.query)
		if rec.Code == http.StatusFound && tc.status == 200 {
			rec = get(s, rec.Header().Get("Location"))
		}
		if rec.Code != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, rec.Code, tc.status)
		}
	}
}

// TestInjection puts HTML, script and spreadsheet-formula payloads into
// every parameter /neuron echoes back: they are shown as text, never as
// markup, and never reach a CSV.
func TestInjection(t *testing.T) {
	t.Parallel()
	s, _ := newTestServer(t)
	payloads := []string{
		`"><script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`javascript:alert(1)`,
		`' onmouseover='alert(1)`,
		`=HYPERLINK("http://evil","x")`,
		`+cmd|' /C calc'!A0`,
		`@SUM(1+1)`,
		"\u202e\u0000<svg onload=alert(1)>",
	}
	for _, key := range []string{"x", "w", "b", "act", "batch", "cmp", "lang", "op", "v"} {
		for _, p := range payloads {
			q := "lang=en&x=1&w=1&" + key + "=" + urlEscape(p)
			if key == "x" || key == "w" {
				q = "lang=en&" + key + "=" + urlEscape(p) + "&" + map[string]string{"x": "w", "w": "x"}[key] + "=1"
			}
			for _, path := range []string{"/neuron", "/neuron.csv", "/api/neuron", "/neuron/curve.svg"} {
				rec := get(s, path+"?"+q)
				if rec.Code == 200 || rec.Code >= 500 {
					t.Errorf("%s %s=%q: %d", path, key, p, rec.Code)
				}
				body := rec.Body.String()
				markers := []string{"<script>alert", "<img src=x", "<svg onload", "onerror=alert(1)>", "' onmouseover='"}
				if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
					markers = markers[:4] // a quote inside a JSON string is just a character
				}
				for _, bad := range markers {
					if strings.Contains(body, bad) {
						t.Errorf("%s %s=%q: the payload %q reached the response unescaped", path, key, p, bad)
					}
				}
				if strings.Contains(rec.Header().Get("Content-Type"), "csv") {
					t.Errorf("%s %s=%q: a bad link produced a CSV", path, key, p)
				}
			}
		}
	}
}

func urlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString("%" + strconv.FormatUint(uint64(s[i])>>4, 16) + strconv.FormatUint(uint64(s[i])&15, 16))
	}
	return b.String()
}
