package state

import (
	"math"
	"strconv"
	"strings"
)

// minNormal is the smallest positive normal double; below it a double
// keeps fewer digits than were typed (and 1e-400 would be 0).
const minNormal = 0x1p-1022

// The one number syntax of links and forms (the package doc, Numbers),
// for every field of every page: a number is read here or not at all.

// scanNumber reads raw: optional space around it, an optional sign ("+",
// "-" or the typographic "−"), decimal digits with an optional decimal
// point ("." or, when comma, ","), at least one digit, and an optional
// exponent ("e" or "E", an optional sign, digits). It returns the nearest
// double, or why raw is not one: NotNumber, NotFinite ("inf", "NaN"),
// Underflow (not zero, but nearer zero than minNormal) or OutOfRange
// (past the largest double).
func scanNumber(raw string, comma bool) (float64, Problem) {
	s := strings.TrimSpace(raw)
	b := make([]byte, 0, len(s))
	if rest, ok := strings.CutPrefix(s, "−"); ok {
		b, s = append(b, '-'), rest
	} else if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			b = append(b, '-')
		}
		s = s[1:]
	}
	digits, nonzero, point, i := 0, false, false, 0
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9':
			digits++
			nonzero = nonzero || c != '0'
			b = append(b, c)
			continue
		case !point && (c == '.' || comma && c == ','):
			point = true
			b = append(b, '.')
			continue
		}
		break
	}
	if digits > 0 && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		b = append(b, 'e')
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			b = append(b, s[i])
			i++
		}
		exp := 0
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			b = append(b, s[i])
			exp++
		}
		if exp == 0 {
			digits = 0
		}
	}
	if digits == 0 || i < len(s) {
		low := strings.ToLower(raw)
		if strings.Contains(low, "inf") || strings.Contains(low, "nan") || strings.Contains(low, "∞") {
			return 0, NotFinite
		}
		return 0, NotNumber
	}
	v, err := strconv.ParseFloat(string(b), 64)
	switch {
	case err != nil || math.IsInf(v, 0):
		return 0, OutOfRange // the only error left: past the largest double
	case nonzero && math.Abs(v) < minNormal:
		return 0, Underflow
	case v == 0:
		return 0, 0 // and −0 too
	}
	return v, 0
}

// ParseNumber reads a number typed alone in a field (a decimal comma is
// the point), in the one syntax; ok is false for what a link refuses.
func ParseNumber(s string) (v float64, ok bool) {
	v, p := scanNumber(s, true)
	return v, p == 0
}

// parseNumber reads a number in [lo, hi], key's index-th (0 for a single
// value). alone is a value typed alone in its field: there a decimal comma
// is the point; in a list the comma separates.
func parseNumber(key string, index int, raw string, alone bool, lo, hi float64) (float64, *FieldError) {
	v, p := scanNumber(raw, alone)
	if p == 0 && (v < lo || v > hi) {
		p = OutOfRange
	}
	if p != 0 {
		return 0, &FieldError{Key: key, Index: index, Value: shorten(raw), Problem: p, Allowed: Allowed{Kind: AllowNumber, Min: lo, Max: hi}}
	}
	return v, nil
}

// parseWhole reads a whole number in [lo, hi]: the same syntax ("1e3" is
// 1000, "10.0" is 10) but no decimal comma, which in "1,000" could be a
// thousands separator.
func parseWhole(key string, index int, raw string, lo, hi int) (int, *FieldError) {
	v, p := scanNumber(raw, false)
	switch {
	case p != 0:
	case v != math.Trunc(v):
		p = NotInteger
	case v < float64(lo) || v > float64(hi):
		p = OutOfRange
	}
	if p != 0 {
		return lo, &FieldError{Key: key, Index: index, Value: shorten(raw), Problem: p, Allowed: Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}}
	}
	return int(v), nil
}

// tokenIndex reads the index inside a token nnplay writes ("del3",
// "add-n2", "n2.1"): digits only, without sign or leading zero, so a token
// has one spelling. It is a name, not a number a person types.
func tokenIndex(s string) (int, bool) {
	if s == "" || len(s) > 4 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}
