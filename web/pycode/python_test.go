// The programs run under the host's Python: not in the js/wasm test run.

//go:build !js

package pycode_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"nnplay/web/pycode/pyrun"
	"nnplay/web/view"
)

// runPython runs programs with pyrun.
func runPython(t *testing.T, programs ...string) []string { return pyrun.Run(t, programs...) }

// pageNum writes a number the program printed with ".6g" as the page
// writes it (view.Num): the same six significant digits, a true minus and
// ·10ⁿ. Parsing and writing again changes no digit, so a difference in the
// printed digits stays a difference.
func pageNum(t *testing.T, s string) string {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("the program printed %q for a number", s)
	}
	return view.Num(v)
}

// notebookScript joins a notebook's code cells, as running it top to
// bottom does.
func notebookScript(t *testing.T, nb []byte) string {
	t.Helper()
	var doc struct {
		Cells []struct {
			Type   string   `json:"cell_type"`
			Source []string `json:"source"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(nb, &doc); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, c := range doc.Cells {
		if c.Type == "code" {
			b.WriteString(strings.Join(c.Source, "") + "\n")
		}
	}
	return b.String()
}
