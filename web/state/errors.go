package state

import (
	"nnplay/web/textf"
	"strings"
	"unicode/utf8"
)

// Problem says what is wrong with a value.
type Problem int

// The problems a field can have.
const (
	NotNumber      Problem = iota + 1 // not a number at all
	NotFinite                         // NaN or ±Inf
	OutOfRange                        // a number outside [Allowed.Min, Allowed.Max]
	Unknown                           // not one of Allowed.Options
	Malformed                         // not in the field's format
	UnknownVersion                    // v is not a version this codec reads
	Mismatch                          // Got values where Want are needed
	RowLength                         // row Row has Got values, Want needed
	TooMany                           // Got items, more than Allowed.Max
	TooFew                            // Got items, fewer than Allowed.Min
	BadEscape                         // the query string itself is damaged
	Missing                           // absent, but another field needs it
	TooLarge                          // data (a picture) larger than Allowed.Max
	Corrupt                           // data (a picture) that cannot be read
	NotInteger                        // a number where a whole one is needed
	Conflict                          // fine alone, but not with the link's other values
	TooCostly                         // epoch Got is past Want, the replay bound
	Underflow                         // not zero, but too near zero for a double to keep
)

var problemNames = map[Problem]string{
	NotNumber: "not a number", NotFinite: "not finite", OutOfRange: "out of range",
	Unknown: "unknown value", Malformed: "malformed", UnknownVersion: "unknown version",
	Mismatch: "count mismatch", RowLength: "wrong row length", TooMany: "too many",
	TooFew: "too few", BadEscape: "bad query escape", Missing: "missing",
	TooLarge: "too large", Corrupt: "corrupt", NotInteger: "not a whole number",
	Conflict: "conflicts with other values", TooCostly: "past the replay bound",
	Underflow: "too near zero",
}

func (p Problem) String() string { return problemNames[p] }

// AllowedKind says how Allowed describes the permitted values.
type AllowedKind int

// The kinds of Allowed.
const (
	AllowNumber AllowedKind = iota + 1 // any finite number in [Min, Max]
	AllowCount                         // an item count in [Min, Max]
	AllowOneOf                         // one of Options
	AllowNone                          // nothing to add (the format is the problem)
)

// Allowed describes what a field accepts, for the message.
type Allowed struct {
	Kind     AllowedKind
	Min, Max float64
	Options  []string
}

// FieldError is one invalid value in a link.
type FieldError struct {
	Key   string // the link parameter; "" for the query as a whole
	Index int    // 1-based position in a list parameter, 0 otherwise
	Row   int    // 1-based row of a table parameter, 0 otherwise
	// Item is the 1-based repetition of a repeated parameter whose values
	// are tables (a kernel), when Row and Index say where in it; 0 otherwise.
	Item    int
	Value   string // the value as given, shortened to MaxShownValue runes
	Problem Problem
	Got     int // for Mismatch, RowLength, TooMany, TooFew, TooCostly
	Want    int // for Mismatch, RowLength, TooCostly
	Allowed Allowed
}

// MaxShownValue is how much of a bad value an error message repeats.
const MaxShownValue = 40

// Error returns an English one-line description, for logs and tests; pages
// show the localized message that package view builds from the fields.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("state: ")
	if e.Key != "" {
		b.WriteString(e.Key)
		if e.Item > 0 {
			textf.Fprintf(&b, "{%d}", e.Item)
		}
		if e.Index > 0 {
			textf.Fprintf(&b, "[%d]", e.Index)
		}
		if e.Row > 0 {
			textf.Fprintf(&b, " row %d", e.Row)
		}
		textf.Fprintf(&b, " = %q: ", e.Value)
	}
	b.WriteString(e.Problem.String())
	switch e.Allowed.Kind {
	case AllowNumber, AllowCount:
		textf.Fprintf(&b, " (allowed %g…%g)", e.Allowed.Min, e.Allowed.Max)
	case AllowOneOf:
		textf.Fprintf(&b, " (allowed %s)", strings.Join(e.Allowed.Options, ", "))
	}
	return b.String()
}

// Errors is every invalid value found in one link, in key order.
type Errors []*FieldError

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// err returns es as an error, nil when it is empty.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// shorten cuts s to MaxShownValue runes for display.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= MaxShownValue {
		return s
	}
	r := []rune(s)
	return string(r[:MaxShownValue-1]) + "…"
}
