package pycode_test

import (
	"strings"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/pycode"
)

// TestPrintedWords: the catalog's words that go into Python strings hold
// no quotes, backslashes or newlines, and no braces but the placeholders
// the generators fill in, so they cannot end a string or run code.
func TestPrintedWords(t *testing.T) {
	t.Parallel()
	for _, l := range i18n.Langs() {
		mc := i18n.For(l).Code
		for name, w := range map[string]string{
			"ConvMapLabel": mc.ConvMapLabel, "ConvActLabel": mc.ConvActLabel, "ConvPoolLabel": mc.ConvPoolLabel,
			"ConvDiff": mc.ConvDiff, "NetNoData": mc.NetNoData, "NetEpochLine": mc.NetEpochLine,
			"NetDiverged": mc.NetDiverged, "NetFinal": mc.NetFinal,
		} {
			rest := strings.NewReplacer("{epoch}", "", "{train}", "", "{test}", "").Replace(w)
			if strings.ContainsAny(rest, "{}\"'\\\n\r") {
				t.Errorf("%s %s = %q: a quote, backslash, newline or brace", l, name, w)
			}
		}
	}
}

// TestPanel: the panel shortens a long data cell to PanelRows lines and
// says how many it left out, and is still the same program around it.
func TestPanel(t *testing.T) {
	t.Parallel()
	var rows []string
	for range 100 {
		rows = append(rows, "    [1.0, 2.0],")
	}
	p := &pycode.Program{Lang: i18n.EN, Name: "x", Cells: []pycode.Cell{
		{Kind: pycode.Code, Text: "import numpy as np"},
		{Kind: pycode.Data, Text: "X = np.array([\n" + strings.Join(rows, "\n") + "\n])"},
		{Kind: pycode.Code, Text: "print(X.shape)"},
	}}
	panel := p.Panel()
	if n := strings.Count(panel, "[1.0, 2.0]"); n != pycode.PanelRows {
		t.Errorf("the panel keeps %d rows, want %d", n, pycode.PanelRows)
	}
	if !strings.Contains(panel, "    # … 88 more lines in the downloaded program\n") {
		t.Errorf("the panel does not say what it left out:\n%s", panel)
	}
	if !strings.HasSuffix(panel, "])\n\nprint(X.shape)\n") || strings.Count(p.Python(), "[1.0, 2.0]") != 100 {
		t.Errorf("panel\n%s\nscript\n%s", panel, p.Python())
	}
}
