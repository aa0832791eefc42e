package view

import (
	"errors"
	"nnplay/web/textf"
	"strconv"
	"strings"

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
		id := FieldID(e.Key, e.Index)
		if e.Row > 0 {
			id = FieldID(e.Key, e.Item)
		}
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
		v := e.Value
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

// FieldID is the id of the <input> for key (and its 1-based index for a
// list field), so an error message can link to the field it is about.
func FieldID(key string, index int) string {
	if index == 0 {
		return "f-" + key
	}
	return "f-" + key + "-" + strconv.Itoa(index)
}
