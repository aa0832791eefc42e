package pycode

import (
	"strconv"
	"strings"

	"nnplay/web/i18n"
)

// Kind says what a Cell holds.
type Kind uint8

// The kinds of Cell.
const (
	Markdown Kind = iota // explanation, in the page's language
	Code                 // Python
	Data                 // Python that only writes down data (arrays of numbers)
)

// Cell is one cell of a Program.
type Cell struct {
	Kind Kind
	Text string // without a trailing newline
}

// Program is a page's program: its cells in order.
type Program struct {
	Lang  i18n.Lang
	Name  string // the file name without extension: "neuron"
	Cells []Cell
}

// PanelRows is how many rows of a Data cell the page's panel shows; the
// downloads always hold every row.
const PanelRows = 12

// Python returns the program as one script: each markdown cell becomes a
// block of comments above its code.
func (p *Program) Python() string { return p.script(false) }

// Panel returns the script as the page's code panel shows it: as Python,
// but a long Data cell keeps its first and last rows, with a comment that
// says how many rows the download holds besides.
func (p *Program) Panel() string { return p.script(true) }

func (p *Program) script(short bool) string {
	var b strings.Builder
	for i, c := range p.Cells {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch c.Kind {
		case Markdown:
			for _, line := range strings.Split(c.Text, "\n") {
				b.WriteString(strings.TrimRight("# "+strings.TrimLeft(line, "# "), " "))
				b.WriteByte('\n')
			}
		case Data:
			text := c.Text
			if short {
				text = shorten(text, i18n.For(p.Lang).Code.Elided)
			}
			b.WriteString(text)
			b.WriteByte('\n')
		default:
			b.WriteString(c.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// shorten keeps the first PanelRows−2 and the last 2 lines of a long data
// cell's body (its first and last lines open and close the literal), and
// puts a comment in place of the rest, so the text is still Python.
func shorten(text, elided string) string {
	lines := strings.Split(text, "\n")
	if len(lines) <= PanelRows+2 {
		return text
	}
	head, tail := lines[:PanelRows-1], lines[len(lines)-3:]
	cut := len(lines) - len(head) - len(tail)
	indent := lines[1][:len(lines[1])-len(strings.TrimLeft(lines[1], " "))]
	comment := indent + "# " + strings.Replace(elided, "%d", strconv.Itoa(cut), 1)
	return strings.Join(append(append(head, comment), tail...), "\n")
}

// markdown returns a markdown cell.
func markdown(lines ...string) Cell { return Cell{Kind: Markdown, Text: strings.Join(lines, "\n")} }

// code returns a code cell.
func code(lines ...string) Cell { return Cell{Kind: Code, Text: strings.Join(lines, "\n")} }

// fill replaces each placeholder in text by its value, given as pairs:
// fill(t, "{stride}", "2"). Placeholders the pairs do not name stay.
func fill(text string, pairs ...string) string { return strings.NewReplacer(pairs...).Replace(text) }
