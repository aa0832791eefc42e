package pycode

import (
	"math"
	"strconv"
	"strings"
)

// float writes v as a Python float literal that reads back as the same
// float64: Go's shortest exact digits, with ".0" added to whole numbers
// so NumPy makes float arrays.
func float(v float64) string {
	switch {
	case math.IsNaN(v):
		return "np.nan"
	case math.IsInf(v, 1):
		return "np.inf"
	case math.IsInf(v, -1):
		return "-np.inf"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// float32s writes v as a float literal that reads back as the same float32
// when NumPy rounds it to float32 (the shortest digits for float32).
func float32s(v float32) string {
	s := strconv.FormatFloat(float64(v), 'g', -1, 32)
	if !strings.ContainsAny(s, ".en") { // n: NaN, Inf
		s += ".0"
	}
	return s
}

// vector writes "[1.0, 2.0]".
func vector(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = float(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// matrixLines writes the rows of an np.array literal, one row a line,
// numbers right-aligned in columns so the picture of the matrix shows:
//
//	name = np.array([[1, 2],
//	                 [0, 1]], dtype=np.float32)
func matrixLines(name string, rows [][]string, suffix string) string {
	width := 0
	for _, r := range rows {
		for _, c := range r {
			width = max(width, len(c))
		}
	}
	var b strings.Builder
	lead := name + " = np.array(["
	pad := strings.Repeat(" ", len(lead))
	for y, r := range rows {
		if y == 0 {
			b.WriteString(lead)
		} else {
			b.WriteString(",\n" + pad)
		}
		b.WriteByte('[')
		for x, c := range r {
			if x > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strings.Repeat(" ", width-len(c)) + c)
		}
		b.WriteByte(']')
	}
	b.WriteString("]" + suffix + ")")
	return b.String()
}

// rowLines writes a long table as an np.array literal with one row a line,
// the form Panel shortens:
//
//	name = np.array([
//	    [1.0, 2.0],
//	])
func rowLines(name string, rows [][]float64) string {
	var b strings.Builder
	b.WriteString(name + " = np.array([\n")
	for _, r := range rows {
		b.WriteString("    " + vector(r) + ",\n")
	}
	b.WriteString("])")
	return b.String()
}

// ident turns a registry token into a Python name: "leaky-relu" →
// "leaky_relu". Tokens are the engine's own, never a link's.
func ident(token string) string { return strings.ReplaceAll(token, "-", "_") }
