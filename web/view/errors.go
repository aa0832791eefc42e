package view

import (
	"errors"
	"net/url"
	"nnplay/web/textf"
	"strconv"
	"strings"
	"unicode/utf8"

	"nnplay/web/i18n"
	"nnplay/web/state"
)

// FieldError is one invalid value, with its message in the page's language.
type FieldError struct {
	Field   string `json:"field"` // the id of the form field it is about
	Key     string `json:"key"`
	Index   int    `json:"index,omitempty"`
	Row     int    `json:"row,omitempty"`
	Message string `json:"message"`
}

// FieldErrors localizes err's field errors. names maps the page's link
// parameters to their names in the page's language. An err that is not a
// state.Errors gives one message without a key.
func FieldErrors(m *i18n.Messages, names map[string]string, err error) []FieldError {
	var es state.Errors
	if !errors.As(err, &es) {
		return []FieldError{{Message: err.Error()}}
	}
	out := make([]FieldError, len(es))
	for i, e := range es {
		id := errorField(names, e)
		out[i] = FieldError{Field: id, Key: e.Key, Index: e.Index, Row: e.Row, Message: fieldMessage(m, names, e)}
	}
	return out
}

// fieldMessage reads "<field> = «<value>»: <problem>. <allowed>."
func fieldMessage(m *i18n.Messages, names map[string]string, e *state.FieldError) string {
	em := &m.Errors
	if e.Key == "" {
		if e.Problem == state.TooMany {
			return textf.Sprintf(em.TooLongText, int(e.Allowed.Max))
		}
		return capitalize(problem(em, e)) + "."
	}
	field := names[e.Key]
	if field == "" {
		field = m.Common.FieldNames[e.Key]
	}
	if field == "" {
		field = e.Key
	}
	if e.Item > 0 {
		field = textf.Sprintf(em.FieldIndexed, field, e.Item)
	}
	switch {
	case e.Row > 0 && e.Index > 0:
		field = textf.Sprintf(em.FieldRowIndexed, field, e.Row, e.Index)
	case e.Row > 0:
		field = textf.Sprintf(em.FieldRow, field, e.Row)
	case e.Index > 0:
		field = textf.Sprintf(em.FieldIndexed, field, e.Index)
	}
	var b strings.Builder
	b.WriteString(capitalize(field))
	switch e.Problem {
	case state.Mismatch, state.RowLength, state.TooMany, state.TooFew, state.TooCostly, state.Missing:
		// The count says it; repeating a long value would not help.
	default:
		v := ValidUTF8(e.Value)
		if v == "" {
			v = em.Empty
		}
		b.WriteString(" = ")
		b.WriteString(textf.Sprintf(em.Quote, v))
	}
	b.WriteString(": ")
	b.WriteString(problem(em, e))
	b.WriteString(".")
	if a := allowed(em, e.Allowed); a != "" {
		b.WriteString(" ")
		b.WriteString(a)
		b.WriteString(".")
	}
	return b.String()
}

func problem(em *i18n.ErrorMessages, e *state.FieldError) string {
	switch e.Problem {
	case state.NotNumber:
		return em.NotNumber
	case state.NotFinite:
		return em.NotFinite
	case state.OutOfRange:
		return em.OutOfRange
	case state.Unknown:
		return em.Unknown
	case state.UnknownVersion:
		return em.UnknownVer
	case state.Mismatch:
		return textf.Sprintf(em.Mismatch, e.Got, e.Want)
	case state.RowLength:
		return textf.Sprintf(em.RowLength, e.Got, e.Want)
	case state.TooMany:
		return textf.Sprintf(em.TooMany, e.Got)
	case state.TooFew:
		return textf.Sprintf(em.TooFew, e.Got)
	case state.BadEscape:
		return em.BadEscape
	case state.Missing:
		return em.Missing
	case state.TooLarge:
		return em.TooLarge
	case state.Corrupt:
		return em.Corrupt
	case state.NotInteger:
		return em.NotInteger
	case state.Conflict:
		return em.Conflict
	case state.TooCostly:
		return textf.Sprintf(em.TooCostly, e.Got, e.Want)
	case state.Underflow:
		return em.Underflow
	}
	return em.Malformed
}

func allowed(em *i18n.ErrorMessages, a state.Allowed) string {
	switch a.Kind {
	case state.AllowNumber:
		return textf.Sprintf(em.AllowedRange, Input(a.Min), Input(a.Max))
	case state.AllowCount:
		return textf.Sprintf(em.AllowedCount, int(a.Min), int(a.Max))
	case state.AllowOneOf:
		return textf.Sprintf(em.AllowedOneOf, strings.Join(a.Options, ", "))
	}
	return ""
}

// ValidUTF8 returns s with every byte that is not part of valid UTF-8
// written as \xFF, so a damaged value is shown, not passed raw into a page
// declared UTF-8 (JSON replaces such bytes by U+FFFD the same way).
func ValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&15])
			i++
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String()
}

// ValidUTF8Values returns a copy of q with ValidUTF8 applied to every key
// and value, for filling a bad link's form.
func ValidUTF8Values(q url.Values) url.Values {
	out := make(url.Values, len(q))
	for k, vs := range q {
		c := make([]string, len(vs))
		for i, v := range vs {
			c[i] = ValidUTF8(v)
		}
		out[ValidUTF8(k)] = c
	}
	return out
}

func capitalize(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// ErrorsFor returns the messages about the form field with id field.
func ErrorsFor(errs []FieldError, field string) []string {
	var out []string
	for _, e := range errs {
		if e.Field == field {
			out = append(out, e.Message)
		}
	}
	return out
}

// LinkField is the Field of errors about the link as a whole (its version,
// language or action, or a key the page does not have): its messages show
// under the error summary.
const LinkField = "f-link"

// itemFields are the keys whose every item has its own message under it
// (neuron's x₁, w₁…, conv's kernels); other keys' messages show once,
// under the key's field.
var itemFields = map[string]bool{"x": true, "w": true, "k": true, "kv": true}

// resultFields are the keys whose controls are drawn only with a valid
// result (conv's selected cell and map, the network plot's options and
// points): a bad link has no such field, so their messages go to LinkField.
var resultFields = map[string]bool{"at": true, "sel": true, "test": true, "disc": true, "pt.x": true, "pt.y": true}

// hiddenFields are the keys the form holds only as hidden fields (the
// network's checkpoint): nothing to show a message under, so LinkField.
var hiddenFields = map[string]bool{"ck": true}

// errorField returns the Field an error is shown at: the page's field for
// the key (and item), where the page's template has a FieldErrors block
// with that id, or LinkField. names are the page's own link parameters.
func errorField(names map[string]string, e *state.FieldError) string {
	if _, ok := names[e.Key]; !ok || resultFields[e.Key] || hiddenFields[e.Key] {
		return LinkField
	}
	index := e.Index
	if e.Row > 0 {
		index = e.Item
	}
	if !itemFields[e.Key] {
		index = 0
	}
	return FieldID(e.Key, index)
}

// FieldID is the id of the <input> for key (and its 1-based index for a
// list field), so an error message can link to the field it is about.
func FieldID(key string, index int) string {
	if index == 0 {
		return "f-" + key
	}
	return "f-" + key + "-" + strconv.Itoa(index)
}
