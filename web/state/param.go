package state

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"nnplay/web/i18n"
)

// param is one key of a page's link: how it is read into the page's state
// and how it is written from it. A page's params, in one slice, are its
// canonical key order: the decoder reads them in that order, so errors
// come in key order, and Encode writes them in it.
type param[S any] struct {
	key string
	// also lists the other keys a composite param reads or writes (the
	// weights w with the inputs x, the picture px with the image img).
	also []string
	// read reads the key into s, which holds the defaults and the keys
	// read before it. It is nil for a key the page reads after the others
	// because its range depends on them.
	read func(r *reader, s *S)
	// write writes the key unless s has its default; def is the page's
	// default state.
	write func(w *writer, s, def *S)
}

// readParams reads every param of ps that has a reader, in order.
func readParams[S any](r *reader, ps []param[S], s *S) {
	for _, p := range ps {
		if p.read != nil {
			p.read(r, s)
		}
	}
}

// writeParams writes every param of ps, in order.
func writeParams[S any](w *writer, ps []param[S], s, def *S) {
	for _, p := range ps {
		p.write(w, s, def)
	}
}

// paramIndex returns the position of key in ps.
func paramIndex[S any](ps []param[S], key string) int {
	return slices.IndexFunc(ps, func(p param[S]) bool { return p.key == key })
}

// kind is how a one-value key is read and written: read returns the value
// of key, or def when it is absent or invalid (reporting why to r).
type kind[T comparable] struct {
	read   func(r *reader, key string, def T) T
	format func(T) string
}

// simple is the param of a one-value key stored in field; its default is
// the field's value in the page's default state. A new setting is one
// such line in its page's table.
func simple[S any, T comparable](key string, field func(*S) *T, k kind[T]) param[S] {
	return param[S]{
		key:  key,
		read: func(r *reader, s *S) { p := field(s); *p = k.read(r, key, *p) },
		write: func(w *writer, s, def *S) {
			if v := *field(s); v != *field(def) {
				w.add(key, k.format(v))
			}
		},
	}
}

// dependent is simple for a key whose default depends on the keys before
// it (the output on the data): dflt(s) is the default.
func dependent[S any, T comparable](key string, field func(*S) *T, k kind[T], dflt func(*S) T) param[S] {
	return param[S]{
		key:  key,
		read: func(r *reader, s *S) { *field(s) = k.read(r, key, dflt(s)) },
		write: func(w *writer, s, _ *S) {
			if v := *field(s); v != dflt(s) {
				w.add(key, k.format(v))
			}
		},
	}
}

// The kinds of one-value keys.

// langKind is the interface language.
var langKind = kind[i18n.Lang]{
	read:   func(r *reader, _ string, _ i18n.Lang) i18n.Lang { return r.lang() },
	format: func(l i18n.Lang) string { return string(l) },
}

// oneOf is one of a registry's tokens.
func oneOf(options func() []string) kind[string] {
	return kind[string]{
		read:   func(r *reader, key, def string) string { return r.token(key, def, options()) },
		format: func(s string) string { return s },
	}
}

// flag is a checkbox: "1" when set, absent otherwise; accepted lists the
// values a link may give it.
func flag(accepted ...string) kind[bool] {
	return kind[bool]{
		read:   func(r *reader, key string, _ bool) bool { return r.token(key, "", accepted) == "1" },
		format: func(bool) string { return "1" },
	}
}

// number is any finite number with |v| ≤ limit.
func number(limit float64) kind[float64] {
	return kind[float64]{
		read:   func(r *reader, key string, def float64) float64 { return r.number(key, def, limit) },
		format: FormatNumber,
	}
}

// rate is a number in [MinRate, hi], or in [0, hi] when zeroOK.
func rate(zeroOK bool, hi float64) kind[float64] {
	return kind[float64]{
		read:   func(r *reader, key string, def float64) float64 { return r.rate(key, def, zeroOK, hi) },
		format: FormatNumber,
	}
}

// whole is a whole number in [lo, hi], typed as any number ("1e1" is 10).
func whole(lo, hi int) kind[int] {
	return kind[int]{
		read:   func(r *reader, key string, def int) int { return r.integer(key, def, lo, hi) },
		format: strconv.Itoa,
	}
}

// count is a whole number in [lo, hi] written in digits; an invalid one
// reads as lo.
func count(lo, hi int) kind[int] {
	return kind[int]{
		read:   func(r *reader, key string, def int) int { return r.intIn(key, def, lo, hi) },
		format: strconv.Itoa,
	}
}

// unsigned is a whole number in [0, hi] written in digits.
func unsigned(hi uint64) kind[uint64] {
	return kind[uint64]{
		read:   func(r *reader, key string, def uint64) uint64 { return r.unsigned(key, def, hi) },
		format: func(v uint64) string { return strconv.FormatUint(v, 10) },
	}
}

// tokenSet is the param of a set of a registry's tokens, kept in registry
// order. With sep, one value holds them all ("x1,x2") and each key given
// adds to the set; without, the key is repeated, once per token, and a
// lone empty value means none. Fewer than least tokens is an error and
// reads as the default.
func tokenSet[S any](key string, field func(*S) *[]string, options func() []string, sep string, least int) param[S] {
	return param[S]{
		key: key,
		read: func(r *reader, s *S) {
			if vs, ok := r.q[key]; ok {
				p := field(s)
				*p = r.tokenSet(key, vs, options(), sep, least, *p)
			}
		},
		write: func(w *writer, s, def *S) {
			v := *field(s)
			switch {
			case slices.Equal(v, *field(def)):
			case sep != "":
				w.add(key, strings.Join(v, sep))
			case len(v) == 0:
				w.add(key, "")
			default:
				for _, t := range v {
					w.add(key, t)
				}
			}
		},
	}
}

// intList is the param of a comma list of at most most whole numbers in
// [lo, hi] ("4,2"; "" is the empty list).
func intList[S any](key string, field func(*S) *[]int, most, lo, hi int) param[S] {
	return param[S]{
		key: key,
		read: func(r *reader, s *S) {
			if v, ok := r.single(key); ok {
				p := field(s)
				*p = r.intList(key, v, most, lo, hi, *p)
			}
		},
		write: func(w *writer, s, def *S) {
			if v := *field(s); !slices.Equal(v, *field(def)) {
				w.add(key, joinInts(v))
			}
		},
	}
}

func joinInts(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}

// The readers of the kinds.

// integer reads the optional whole number key in [lo, hi].
func (r *reader) integer(key string, def, lo, hi int) int {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseNumber(key, 0, s, math.MaxFloat64)
	if fe == nil && v != math.Trunc(v) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: NotInteger}
	}
	if fe == nil && (v < float64(lo) || v > float64(hi)) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: OutOfRange}
	}
	if fe != nil {
		fe.Allowed = Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}
		r.errs = append(r.errs, fe)
		return def
	}
	return int(v)
}

// rate reads a non-negative number up to hi; zero is allowed if zeroOK.
func (r *reader) rate(key string, def float64, zeroOK bool, hi float64) float64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseNumber(key, 0, s, hi)
	if fe == nil && (v < 0 || v < MinRate && !zeroOK) {
		fe = &FieldError{Key: key, Value: shorten(s), Problem: OutOfRange}
	}
	if fe != nil {
		lo := 0.0
		if !zeroOK {
			lo = MinRate
		}
		fe.Allowed = Allowed{Kind: AllowNumber, Min: lo, Max: hi}
		r.errs = append(r.errs, fe)
		return def
	}
	return v
}

// intIn reads the optional integer key in [lo, hi], with def when absent.
func (r *reader) intIn(key string, def, lo, hi int) int {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	return r.intValue(key, s, lo, hi)
}

func (r *reader) intValue(key, s string, lo, hi int) int {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || v < lo || v > hi {
		p := OutOfRange
		if err != nil {
			p = NotNumber
		}
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: p, Allowed: Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}})
		return lo
	}
	return v
}

// unsigned reads the optional whole number key in [0, hi].
func (r *reader) unsigned(key string, def, hi uint64) uint64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	if err != nil || v > hi {
		p := OutOfRange
		if err != nil && !isRangeErr(err) {
			p = NotInteger
		}
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: p, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(hi)}})
		return def
	}
	return v
}

// tokenSet reads the values vs of a set of names (see the tokenSet param).
func (r *reader) tokenSet(key string, vs, names []string, sep string, least int, def []string) []string {
	set := map[string]bool{}
	bad := false
	for _, v := range vs {
		items := []string{v}
		if sep != "" {
			items = strings.Split(v, sep)
			for i := range items {
				items[i] = strings.TrimSpace(items[i])
			}
		}
		for _, t := range items {
			if t == "" {
				continue // the form's marker that makes "none" expressible
			}
			if !slices.Contains(names, t) {
				r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(t), Problem: Unknown, Allowed: Allowed{Kind: AllowOneOf, Options: names}})
				bad = true
				continue
			}
			set[t] = true
		}
	}
	out := []string{}
	for _, name := range names {
		if set[name] {
			out = append(out, name)
		}
	}
	if len(out) < least {
		if !bad {
			r.errs = append(r.errs, &FieldError{Key: key, Problem: TooFew, Got: len(out), Allowed: Allowed{Kind: AllowCount, Min: float64(least), Max: float64(len(names))}})
		}
		return def
	}
	return out
}

// intList reads the comma list s (see the intList param).
func (r *reader) intList(key, s string, most, lo, hi int, def []int) []int {
	if strings.TrimSpace(s) == "" {
		return []int{}
	}
	parts := strings.Split(s, ",")
	if len(parts) > most {
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: TooMany, Got: len(parts), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(most)}})
		return def
	}
	out := make([]int, len(parts))
	for i, p := range parts {
		v, fe := parseNumber(key, i+1, p, math.MaxFloat64)
		if fe == nil && v != math.Trunc(v) {
			fe = &FieldError{Key: key, Index: i + 1, Value: shorten(p), Problem: NotInteger}
		}
		if fe == nil && (v < float64(lo) || v > float64(hi)) {
			fe = &FieldError{Key: key, Index: i + 1, Value: shorten(p), Problem: OutOfRange}
		}
		if fe != nil {
			fe.Allowed = Allowed{Kind: AllowCount, Min: float64(lo), Max: float64(hi)}
			r.errs = append(r.errs, fe)
			return def
		}
		out[i] = int(v)
	}
	return out
}
