package view

import (
	"math"
	"strconv"
	"strings"

	"nnplay/web/state"
)

// Num formats a computed value for reading: at most six significant
// digits, a true minus sign, and powers of ten written as ·10ⁿ.
func Num(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "−∞"
	case v == 0:
		return "0"
	}
	s := strconv.FormatFloat(v, 'g', 6, 64)
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		exp, _ := strconv.Atoi(s[i+1:])
		s = s[:i] + "·10" + superscript(exp)
	}
	return strings.Replace(s, "-", "−", 1)
}

// Exact formats v in its shortest exact form, as links and CSV carry it.
func Exact(v float64) string { return state.FormatNumber(v) }

// Input formats a value the user typed, for an <input>: exact, with an
// ASCII minus so it can be edited and copied into code.
func Input(v float64) string {
	if v == 0 {
		return "0"
	}
	if a := math.Abs(v); a >= 1e-6 && a < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Term formats a number inside a written-out sum: negative numbers are
// put in parentheses, "(−0.25)".
func Term(v float64) string {
	s := Num(v)
	if v < 0 {
		return "(" + s + ")"
	}
	return s
}

// TermExact is Term for a number the user typed: all its digits are kept.
func TermExact(v float64) string {
	s := strings.Replace(Input(v), "-", "−", 1)
	if v < 0 {
		return "(" + s + ")"
	}
	return s
}

var superDigits = []string{"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}

func superscript(n int) string {
	var b strings.Builder
	if n < 0 {
		b.WriteString("⁻")
		n = -n
	}
	for _, c := range strconv.Itoa(n) {
		b.WriteString(superDigits[c-'0'])
	}
	return b.String()
}

var subDigits = []string{"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"}

// Sub writes n as subscript digits: Sub(12) = "₁₂".
func Sub(n int) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		b.WriteString(subDigits[c-'0'])
	}
	return b.String()
}
