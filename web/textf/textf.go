// Package textf is what the WebAssembly modules use in place of fmt, html
// and encoding/json: Sprintf for the few verbs nnplay's messages use (%s,
// %d, %q, %g, %v and %%), EscapeHTML (html.EscapeString) and
// AppendJSONString (a string as encoding/json writes it).
//
// fmt brings reflect and os with it, about 100 KB of brotli download
// (measured), for formatting that strconv does; html links its table of
// 2,000 entities for one replacer (15 KB); encoding/json about 70 KB. Each
// function is tested against the library it replaces. An argument of
// another type, or another verb, is written as "%!verb(unsupported)",
// which the view tests look for.
//
// It also chooses plural forms: a group {form|form} or {form|form|form}
// after a %d takes the form for that number, so that a count agrees with
// its noun. Two forms follow English (1 / other), three follow Russian
// (1, 21, 101 число; 2–4, 22 числа; 0, 5–20, 111 чисел):
//
//	Sprintf("%d {число|числа|чисел}", 22) = "22 числа"
//	Sprintf("%d {number|numbers}", 1) = "1 number"
package textf

import (
	"strconv"
	"strings"
)

// Sprintf formats args by format. Strings, errors, Stringers, the
// integer types, float64/float32 and bool are supported.
func Sprintf(format string, args ...any) string {
	var b strings.Builder
	b.Grow(len(format) + 16*len(args))
	n := 0
	count, counted := 0, false // the last %d's value, for plural groups
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c == '{' && counted {
			if end := strings.IndexByte(format[i:], '}'); end > 0 {
				if forms := strings.Split(format[i+1:i+end], "|"); len(forms) == 2 || len(forms) == 3 {
					b.WriteString(forms[PluralForm(count, len(forms))])
					i += end
					continue
				}
			}
		}
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		verb := format[i]
		if verb == '%' {
			b.WriteByte('%')
			continue
		}
		if n >= len(args) {
			b.WriteString("%!" + string(verb) + "(missing)")
			continue
		}
		write(&b, verb, args[n])
		if verb == 'd' {
			count, counted = intValue(args[n])
		}
		n++
	}
	if n < len(args) {
		b.WriteString("%!(extra)")
	}
	return b.String()
}

func write(b *strings.Builder, verb byte, arg any) {
	switch verb {
	case 's', 'v':
		if s, ok := text(arg); ok {
			b.WriteString(s)
			return
		}
	case 'q':
		if s, ok := text(arg); ok {
			b.WriteString(strconv.Quote(s))
			return
		}
	case 'd':
		if s, ok := integer(arg); ok {
			b.WriteString(s)
			return
		}
	case 'g':
		switch v := arg.(type) {
		case float64:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
			return
		case float32:
			b.WriteString(strconv.FormatFloat(float64(v), 'g', -1, 32))
			return
		}
	}
	b.WriteString("%!" + string(verb) + "(unsupported)")
}

// text returns arg as text for %s and %v.
func text(arg any) (string, bool) {
	switch v := arg.(type) {
	case string:
		return v, true
	case error:
		return v.Error(), true
	case interface{ String() string }:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(v), 'g', -1, 32), true
	}
	return integer(arg)
}

func integer(arg any) (string, bool) {
	switch v := arg.(type) {
	case int:
		return strconv.Itoa(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case int32:
		return strconv.FormatInt(int64(v), 10), true
	case int16:
		return strconv.FormatInt(int64(v), 10), true
	case int8:
		return strconv.FormatInt(int64(v), 10), true
	case uint:
		return strconv.FormatUint(uint64(v), 10), true
	case uint64:
		return strconv.FormatUint(v, 10), true
	case uint32:
		return strconv.FormatUint(uint64(v), 10), true
	case uint16:
		return strconv.FormatUint(uint64(v), 10), true
	case uint8:
		return strconv.FormatUint(uint64(v), 10), true
	}
	return "", false
}

// PluralForm returns which of forms plural forms n takes: with 2 forms
// English's rule (0 for 1, else 1), with 3 Russian's (0 for 1, 21, 101…;
// 1 for 2–4, 22–24…; 2 for 0, 5–20, 25–30, 111…).
func PluralForm(n, forms int) int {
	if n < 0 {
		n = -n
	}
	if forms == 2 {
		if n == 1 {
			return 0
		}
		return 1
	}
	switch d, h := n%10, n%100; {
	case d == 1 && h != 11:
		return 0
	case d >= 2 && d <= 4 && (h < 12 || h > 14):
		return 1
	}
	return 2
}

// intValue returns arg's value if it is a (not too large) integer.
func intValue(arg any) (int, bool) {
	switch v := arg.(type) {
	case int:
		return v, true
	case int64:
		return int(v % 1000), true // only n mod 100 matters
	case int32:
		return int(v), true
	case uint64:
		return int(v % 1000), true
	case uint32:
		return int(v % 1000), true
	case uint:
		return int(v % 1000), true
	case int16:
		return int(v), true
	case int8:
		return int(v), true
	case uint16:
		return int(v), true
	case uint8:
		return int(v), true
	}
	return 0, false
}

// Sprint concatenates args as %v writes them.
func Sprint(args ...any) string {
	var b strings.Builder
	for _, a := range args {
		write(&b, 'v', a)
	}
	return b.String()
}

// Fprintf appends Sprintf(format, args...) to b.
func Fprintf(b *strings.Builder, format string, args ...any) {
	b.WriteString(Sprintf(format, args...))
}
