package state

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"nnplay/web/i18n"
)

// param is one key of a page's link: how it is read into the page's state
// and how it is written from it. A page's params, in one slice, are its
// canonical key order: the decoder reads them in that order, so errors
// come in key order, and Encode writes them in it.
//
// A key of one value or one list is a field and a spec: where the value
// lives in the state and how it is read and written, with its limits. Its
// default is the field's value in the page's default state, or dflt(s)
// for a default that depends on the keys before it (the output's on the
// data). A composite key (a picture, points, kernels, edits) has its own
// read and write instead.
//
// P is a pointer to the page's state (*Network), so that the pages share
// one instance of the generic functions; the specs are data and their
// functions are not generic in the value's type: a generic constructor
// per kind and page cost the wasm module 20 KB of brotli.
type param[P any] struct {
	key string
	// also lists the other keys a composite param reads or writes (the
	// weights w with the inputs x, the picture px with the image img).
	also []string

	field func(P) any // a pointer to the value in the state
	spec  spec
	dflt  func(P) any

	// read reads the key into s, which holds the defaults and the keys
	// read before it; nil when the page reads the key after the others,
	// its range depending on them.
	read func(r *reader, s P)
	// write writes the key unless s has its default; def is the page's
	// default state.
	write func(w *writer, s, def P)
}

// readParams reads the params of ps into s, in order.
func readParams[P any](r *reader, ps []param[P], s P) {
	for _, p := range ps {
		switch {
		case p.field != nil:
			var def any
			if p.dflt != nil {
				def = p.dflt(s)
			}
			p.spec.read(r, p.key, p.field(s), def)
		case p.read != nil:
			p.read(r, s)
		}
	}
}

// writeParams writes the params of ps from s, in order.
func writeParams[P any](w *writer, ps []param[P], s, def P) {
	for _, p := range ps {
		writeParam(w, p, s, def)
	}
}

func writeParam[P any](w *writer, p param[P], s, def P) {
	switch {
	case p.field == nil:
		p.write(w, s, def)
	case p.dflt != nil:
		p.spec.write(w, p.key, p.field(s), p.dflt(s))
	default:
		p.spec.write(w, p.key, p.field(s), p.field(def))
	}
}

// paramIndex returns the position of key in ps.
func paramIndex[P any](ps []param[P], key string) int {
	return slices.IndexFunc(ps, func(p param[P]) bool { return p.key == key })
}

// spec is how a key's value is read and written, and its limits.
type spec struct {
	kind    specKind
	lo, hi  float64
	most    int             // intList: the most numbers
	sep     string          // tokenSet: the separator in one value, or none
	options func() []string // the tokens a token, flag or tokenSet accepts
}

type specKind uint8

// The kinds of spec, and the type of the field each reads.
const (
	langSpec     specKind = iota + 1 // i18n.Lang: the interface language
	tokenSpec                        // string: one of options
	flagSpec                         // bool: "1" when set; options are the values a link may give
	numberSpec                       // float64: any finite number, |v| ≤ hi
	rateSpec                         // float64: lo (0 or MinRate) … hi
	wholeSpec                        // int: lo … hi; an invalid one reads as the default
	countSpec                        // int: lo … hi; an invalid one reads as lo
	unsignedSpec                     // uint64: 0 … hi
	selSpec                          // Sel: a neuron or a weight; empty is none
	tokenSetSpec                     // []string: a set of options, in their order
	intListSpec                      // []int: at most most numbers, each lo … hi
)

var (
	language  = spec{kind: langSpec}
	selection = spec{kind: selSpec}
)

func oneOf(options func() []string) spec { return spec{kind: tokenSpec, options: options} }

func flag(accepted ...string) spec {
	return spec{kind: flagSpec, options: func() []string { return accepted }}
}

func number(limit float64) spec { return spec{kind: numberSpec, hi: limit} }

// rate is a number in [MinRate, hi], or in [0, hi] when zeroOK.
func rate(zeroOK bool, hi float64) spec {
	sp := spec{kind: rateSpec, lo: MinRate, hi: hi}
	if zeroOK {
		sp.lo = 0
	}
	return sp
}

func whole(lo, hi int) spec { return spec{kind: wholeSpec, lo: float64(lo), hi: float64(hi)} }

func count(lo, hi int) spec { return spec{kind: countSpec, lo: float64(lo), hi: float64(hi)} }

func unsigned(hi uint64) spec { return spec{kind: unsignedSpec, hi: float64(hi)} }

// tokenSet is a set of options kept in their order. With sep, one value
// holds them all ("x1,x2") and each key given adds to the set; without,
// the key is repeated, once per token, and a lone empty value means none.
// Fewer than least tokens is an error and reads as the default.
func tokenSet(options func() []string, sep string, least int) spec {
	return spec{kind: tokenSetSpec, options: options, sep: sep, lo: float64(least)}
}

// intList is a comma list of at most most whole numbers in [lo, hi]
// ("4,2"; "" is the empty list).
func intList(most, lo, hi int) spec {
	return spec{kind: intListSpec, most: most, lo: float64(lo), hi: float64(hi)}
}

// or returns def, or cur when there is no def.
func or[T any](def any, cur T) T {
	if def == nil {
		return cur
	}
	return def.(T)
}

// read reads key into the field at ptr; def is its default, or nil for
// the field's current value.
func (sp spec) read(r *reader, key string, ptr, def any) {
	lo, hi := int(sp.lo), int(sp.hi)
	switch sp.kind {
	case langSpec:
		*ptr.(*i18n.Lang) = r.lang()
	case tokenSpec:
		p := ptr.(*string)
		*p = r.token(key, or(def, *p), sp.options())
	case flagSpec:
		*ptr.(*bool) = r.token(key, "", sp.options()) == "1"
	case numberSpec:
		p := ptr.(*float64)
		*p = r.number(key, or(def, *p), sp.hi)
	case rateSpec:
		p := ptr.(*float64)
		*p = r.rate(key, or(def, *p), sp.lo == 0, sp.hi)
	case wholeSpec:
		p := ptr.(*int)
		*p = r.integer(key, or(def, *p), lo, hi)
	case countSpec:
		p := ptr.(*int)
		*p = r.intIn(key, or(def, *p), lo, hi)
	case unsignedSpec:
		p := ptr.(*uint64)
		*p = r.unsigned(key, or(def, *p), uint64(sp.hi))
	case selSpec:
		p := ptr.(*Sel)
		*p = r.sel(key, or(def, *p))
	case tokenSetSpec:
		if vs, ok := r.q[key]; ok {
			p := ptr.(*[]string)
			*p = r.tokenSet(key, vs, sp.options(), sp.sep, lo, or(def, *p))
		}
	case intListSpec:
		if v, ok := r.single(key); ok {
			p := ptr.(*[]int)
			*p = r.intList(key, v, sp.most, lo, hi, or(def, *p))
		}
	}
}

// write writes key with the value at ptr unless it is the default def, a
// value or a pointer to one.
func (sp spec) write(w *writer, key string, ptr, def any) {
	switch p := ptr.(type) {
	case *i18n.Lang:
		if *p != val[i18n.Lang](def) {
			w.add(key, string(*p))
		}
	case *string:
		if *p != val[string](def) {
			w.add(key, *p)
		}
	case *bool:
		if *p != val[bool](def) {
			w.add(key, "1")
		}
	case *float64:
		if *p != val[float64](def) {
			w.add(key, FormatNumber(*p))
		}
	case *int:
		if *p != val[int](def) {
			w.add(key, strconv.Itoa(*p))
		}
	case *uint64:
		if *p != val[uint64](def) {
			w.add(key, strconv.FormatUint(*p, 10))
		}
	case *Sel:
		if *p != val[Sel](def) {
			w.add(key, p.String())
		}
	case *[]int:
		if !slices.Equal(*p, val[[]int](def)) {
			w.add(key, joinInts(*p))
		}
	case *[]string:
		switch v := *p; {
		case slices.Equal(v, val[[]string](def)):
		case sp.sep != "":
			w.add(key, strings.Join(v, sp.sep))
		case len(v) == 0:
			w.add(key, "")
		default:
			for _, t := range v {
				w.add(key, t)
			}
		}
	default:
		panic("state: a param's field of an unknown type")
	}
}

// val returns def, a T or a pointer to one, as a T.
func val[T any](def any) T {
	if p, ok := def.(*T); ok {
		return *p
	}
	return def.(T)
}

func joinInts(vs []int) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ",")
}

// The readers of the specs.

// integer reads the optional whole number key in [lo, hi].
func (r *reader) integer(key string, def, lo, hi int) int {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseWhole(key, 0, s, lo, hi)
	if fe != nil {
		r.errs = append(r.errs, fe)
		return def
	}
	return v
}

// rate reads a non-negative number up to hi; zero is allowed if zeroOK.
func (r *reader) rate(key string, def float64, zeroOK bool, hi float64) float64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	lo := 0.0
	if !zeroOK {
		lo = MinRate
	}
	v, fe := parseNumber(key, 0, s, true, lo, hi)
	if fe != nil {
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
	v, fe := parseWhole(key, 0, s, lo, hi)
	if fe != nil {
		r.errs = append(r.errs, fe)
	}
	return v // lo when invalid
}

// unsigned reads the optional whole number key in [0, hi].
func (r *reader) unsigned(key string, def, hi uint64) uint64 {
	s, ok := r.single(key)
	if !ok {
		return def
	}
	v, fe := parseWhole(key, 0, s, 0, int(hi))
	if fe != nil {
		r.errs = append(r.errs, fe)
		return def
	}
	return uint64(v)
}

// tokenSet reads the values vs of a set of names (see the tokenSet spec).
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

// intList reads the comma list s (see the intList spec).
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
		v, fe := parseWhole(key, i+1, p, lo, hi)
		if fe != nil {
			r.errs = append(r.errs, fe)
			return def
		}
		out[i] = v
	}
	return out
}

// sel reads a neuron or a weight ("n2.1", "w2.3.1"); empty is none.
func (r *reader) sel(key string, def Sel) Sel {
	s, ok := r.single(key)
	if !ok || s == "" {
		return def
	}
	sel, ok := ParseSel(s)
	if !ok {
		r.errs = append(r.errs, &FieldError{Key: key, Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowOneOf, Options: []string{"n2.1", "w2.3.1"}}})
		return def
	}
	return sel
}

// paramTable is a page's key table, built on first use. A table held in a
// package variable is built at init, which links every page's codec (and
// what it calls: training, datasets) into every page's wasm module.
type paramTable[P any] struct {
	once sync.Once
	ps   []param[P]
}

func (t *paramTable[P]) get(build func() []param[P]) []param[P] {
	t.once.Do(func() { t.ps = build() })
	return t.ps
}
