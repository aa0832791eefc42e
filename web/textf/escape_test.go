package textf

import (
	"encoding/json"
	"html"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// samples are strings with everything the escapers treat specially.
var samples = []string{
	"", "plain", `<a href="x?a=1&b=2">it's</a>`, "\x00\x01\x1f\t\r\n\\\"", "«Ёж» → w·x + b",
	"\u2028 and \u2029", "\xe2\x80\xa7 \xe2\x82\xac", "\xe2", "\xe2\x80", "</script><!--",
}

// randomStrings draws strings of bytes from the special ones and UTF-8.
func randomStrings(n int) []string {
	r := rand.New(rand.NewPCG(1, 1))
	parts := []string{"a", "<", ">", "&", "'", `"`, "\\", "\n", "\x05", "\u2028", "\u2029", "\xe2\x80", "ж", "€", " "}
	out := make([]string, n)
	for i := range out {
		var s string
		for range r.IntN(12) {
			s += parts[r.IntN(len(parts))]
		}
		out[i] = s
	}
	return out
}

// TestEscapeHTMLAgreesWithHTML: EscapeHTML is html.EscapeString.
func TestEscapeHTMLAgreesWithHTML(t *testing.T) {
	t.Parallel()
	for _, s := range append(samples, randomStrings(500)...) {
		if got, want := EscapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("EscapeHTML(%q) = %q, html: %q", s, got, want)
		}
	}
}

// TestAppendJSONStringAgreesWithJSON: for valid UTF-8 the output is
// encoding/json's, byte for byte.
func TestAppendJSONStringAgreesWithJSON(t *testing.T) {
	t.Parallel()
	for _, s := range append(samples, randomStrings(500)...) {
		got := string(AppendJSONString([]byte("x"), s))
		want, _ := json.Marshal(s)
		if valid := json.Valid([]byte(got[1:])); !valid {
			t.Errorf("AppendJSONString(%q) = %s: not JSON", s, got[1:])
			continue
		}
		var back string
		json.Unmarshal([]byte(got[1:]), &back)
		if utf8.ValidString(s) && (got[1:] != string(want) || back != s) {
			t.Errorf("AppendJSONString(%q) = %s, encoding/json: %s", s, got[1:], want)
		}
	}
}
