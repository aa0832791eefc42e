package state

import (
	"net/url"
	"strconv"
	"strings"

	"nnplay/web/i18n"
)

// Version is the link format this codec writes. Decoders read it and every
// earlier version.
const Version = 1

// MaxQueryBytes is the longest query string nnplay accepts; links it makes
// stay below it (design.md: links stay under 8 KB).
const MaxQueryBytes = 8192

// MaxAbsValue bounds every plain number in a link (inputs, weights, bias).
const MaxAbsValue = 1e6

// ParseQuery parses a raw query string. Unlike URL.Query it does not drop
// malformed pairs: a bad %-escape or a ";" separator is an error.
func ParseQuery(raw string) (url.Values, error) {
	if len(raw) > MaxQueryBytes {
		return nil, Errors{{Problem: TooMany, Got: len(raw), Allowed: Allowed{Kind: AllowCount, Max: MaxQueryBytes}}}
	}
	// The same rules as url.ParseQuery, written out because that function
	// links fmt (for one error message) and fmt brings reflect and os into
	// the wasm module: about 50 KB of brotli download.
	q := url.Values{}
	bad := func() (url.Values, error) {
		return nil, Errors{{Problem: BadEscape, Value: shorten(raw), Allowed: Allowed{Kind: AllowNone}}}
	}
	for rest := raw; rest != ""; {
		var kv string
		kv, rest, _ = strings.Cut(rest, "&")
		if strings.Contains(kv, ";") {
			return bad()
		}
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		k, err1 := url.QueryUnescape(k)
		v, err2 := url.QueryUnescape(v)
		if err1 != nil || err2 != nil {
			return bad()
		}
		q[k] = append(q[k], v)
	}
	return q, nil
}

// FormatNumber writes v in its shortest exact form without a "+", so it
// needs no escaping in a query ("0.5", "-2", "1e06", "1e-07").
func FormatNumber(v float64) string {
	if v == 0 {
		return "0" // and −0 too: one state, one link
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	return strings.Replace(s, "e+", "e", 1)
}

// reader reads one page's parameters and collects every problem.
type reader struct {
	q    url.Values
	errs Errors
}

// single returns the one value of key and whether it is present. A key
// given twice is an error: the link would be ambiguous.
func (r *reader) single(key string) (string, bool) {
	vs, ok := r.q[key]
	if !ok {
		return "", false
	}
	if len(vs) > 1 {
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(strings.Join(vs, ", ")), Problem: TooMany, Got: len(vs), Allowed: Allowed{Kind: AllowCount, Min: 1, Max: 1}})
		return vs[0], false
	}
	return vs[0], true
}

// version checks v: absent or the current version.
func (r *reader) version() {
	s, ok := r.single("v")
	if !ok || s == strconv.Itoa(Version) {
		return
	}
	r.errs = append(r.errs, &FieldError{Key: "v", Value: shorten(s), Problem: UnknownVersion, Allowed: Allowed{Kind: AllowOneOf, Options: []string{strconv.Itoa(Version)}}})
}

// lang reads the optional interface language.
func (r *reader) lang() i18n.Lang {
	s, ok := r.single("lang")
	if !ok {
		return ""
	}
	l, ok := i18n.Parse(s)
	if !ok {
		opts := make([]string, 0, 2)
		for _, l := range i18n.Langs() {
			opts = append(opts, string(l))
		}
		r.errs = append(r.errs, &FieldError{Key: "lang", Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: opts}})
	}
	return l
}

// number reads the optional single number key, with def when it is absent.
func (r *reader) number(key string, def, limit float64) float64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseNumber(key, 0, s, true, -limit, limit)
	if fe != nil {
		r.errs = append(r.errs, fe)
		return def
	}
	return v
}

// numbers reads the list key (one value per repetition of the key).
func (r *reader) numbers(key string, limit float64) ([]float64, bool) {
	vs, ok := r.q[key]
	if !ok {
		return nil, false
	}
	out := make([]float64, len(vs))
	for i, s := range vs {
		v, fe := parseNumber(key, i+1, s, true, -limit, limit)
		if fe != nil {
			r.errs = append(r.errs, fe)
		}
		out[i] = v
	}
	return out, true
}

// token reads the optional key whose value must be one of options.
func (r *reader) token(key, def string, options []string) string {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	for _, o := range options {
		if s == o {
			return s
		}
	}
	r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: options}})
	return def
}

// writer builds a canonical query string in the order keys are added.
type writer struct{ b strings.Builder }

func (w *writer) add(key, value string) {
	if w.b.Len() > 0 {
		w.b.WriteByte('&')
	}
	w.b.WriteString(key)
	w.b.WriteByte('=')
	w.b.WriteString(escape(value))
}

// addEncoded adds pairs already written by another writer.
func (w *writer) addEncoded(pairs string) {
	if pairs == "" {
		return
	}
	if w.b.Len() > 0 {
		w.b.WriteByte('&')
	}
	w.b.WriteString(pairs)
}

// escape percent-encodes a value, leaving the characters our values use
// (digits, letters, "-", ".", ",", "~", "_") readable.
func escape(s string) string {
	const keep = "-._~,"
	needs := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isAlnum(c) && !strings.ContainsRune(keep, rune(c)) {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isAlnum(c) || strings.ContainsRune(keep, rune(c)) {
			b.WriteByte(c)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// finish returns the query, prefixed with the version when it is not empty.
func (w *writer) finish() string {
	if w.b.Len() == 0 {
		return ""
	}
	return "v=" + strconv.Itoa(Version) + "&" + w.b.String()
}

// WithLang returns the query q, as given, with its language set to l: the
// language switch of a page whose link has errors keeps the bad values so
// they can still be fixed.
func WithLang(q url.Values, l i18n.Lang) string {
	c := make(url.Values, len(q))
	for k, v := range q {
		c[k] = v
	}
	c.Set("lang", string(l))
	return c.Encode()
}

// tokens lists a registry's link tokens, in the registry's order: the
// options a token field accepts.
func tokens[T any](items []T, token func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = token(it)
	}
	return out
}
