package pycode

import (
	"strconv"
	"strings"
)

// Notebook returns the program as a Jupyter notebook (nbformat 4.5): its
// markdown cells as markdown, its code and data cells as code, with no
// outputs. Run top to bottom it does what Python() does.
//
// The JSON is written by hand, as view.Live's is, so that the wasm module,
// which links this package for the panel, need not link encoding/json
// (+430 KB raw, +110 KB gzip, measured); the tests check it with
// encoding/json and against nbformat's schema.
func (p *Program) Notebook() []byte {
	var b strings.Builder
	b.WriteString("{\n \"cells\": [")
	for i, c := range p.Cells {
		if i > 0 {
			b.WriteByte(',')
		}
		typ := "code"
		if c.Kind == Markdown {
			typ = "markdown"
		}
		b.WriteString("\n  {\n   \"cell_type\": \"" + typ + "\",\n")
		b.WriteString("   \"id\": \"" + p.Name + "-" + strconv.Itoa(i+1) + "\",\n")
		b.WriteString("   \"metadata\": {},\n")
		if typ == "code" {
			b.WriteString("   \"execution_count\": null,\n   \"outputs\": [],\n")
		}
		b.WriteString("   \"source\": [")
		for j, line := range sourceLines(c.Text) {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			writeJSONString(&b, line)
		}
		b.WriteString("\n   ]\n  }")
	}
	b.WriteString("\n ],\n")
	b.WriteString(` "metadata": {
  "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
  "language_info": {"name": "python"}
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
`)
	return []byte(b.String())
}

// sourceLines splits text as notebooks store it: lines that keep their
// newline, the last without one.
func sourceLines(text string) []string {
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// writeJSONString writes s as a JSON string: quotes, backslashes and
// control characters escaped, other text (valid UTF-8) as it is.
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
}
