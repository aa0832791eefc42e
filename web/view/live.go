package view

import (
	"slices"
	"strconv"

	"nnplay/web/textf"
)

// Live is a page update for the browser's glue, sent as JSON by the wasm
// module. Each map is keyed by the data-* attribute the templates put on
// the elements to update, so the glue needs no knowledge of the page:
//
//	Text    data-out="key"     textContent
//	Title   data-out="key"     title attribute (the exact value)
//	Tables  data-table="key"   the <thead> and <tbody> rows
//	SVG     data-svg="key"     the live chart (innerHTML)
//	Href    data-href="key"    href
//	Enabled data-enable="key"  whether the control is enabled
//	Lists   data-list="key"    how many of its [data-item] children show
//	Form    [name="key"]       the values of the fields with that name
//	Checked [name="key"]       the radio buttons and checkboxes checked
//	                           (those whose value is in the list)
//
// Errors mark fields by their key and index; Query is the canonical query
// the glue puts in the address bar, through the wasm's one place that
// touches location.
type Live struct {
	Query   string              `json:"query"`
	Text    map[string]string   `json:"text,omitempty"`
	Title   map[string]string   `json:"title,omitempty"`
	Tables  map[string]Table    `json:"tables,omitempty"`
	SVG     map[string]string   `json:"svg,omitempty"`
	Href    map[string]string   `json:"href,omitempty"`
	Enabled map[string]bool     `json:"enabled,omitempty"`
	Lists   map[string]int      `json:"lists,omitempty"`
	Form    map[string][]string `json:"form,omitempty"`
	Checked map[string][]string `json:"checked,omitempty"`
	Errors  []FieldError        `json:"errors,omitempty"`
}

// JSON returns l as JSON. It is written by hand so the wasm module need
// not link encoding/json (about 70 KB of brotli download); a test checks
// it against encoding/json.
func (l *Live) JSON() []byte {
	b := make([]byte, 0, 4096)
	b = append(b, `{"query":`...)
	b = textf.AppendJSONString(b, l.Query)
	b = appendStringMap(b, "text", l.Text)
	b = appendStringMap(b, "title", l.Title)
	if len(l.Tables) > 0 {
		b = append(b, `,"tables":{`...)
		for i, k := range sortedKeys(l.Tables) {
			if i > 0 {
				b = append(b, ',')
			}
			b = textf.AppendJSONString(b, k)
			t := l.Tables[k]
			b = append(b, `:{"head":`...)
			b = appendStrings(b, t.Head)
			b = append(b, `,"rows":`...)
			if t.Rows == nil {
				b = append(b, "null"...)
			} else {
				b = append(b, '[')
				for j, r := range t.Rows {
					if j > 0 {
						b = append(b, ',')
					}
					b = appendStrings(b, r)
				}
				b = append(b, ']')
			}
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	b = appendStringMap(b, "svg", l.SVG)
	b = appendStringMap(b, "href", l.Href)
	if len(l.Enabled) > 0 {
		b = append(b, `,"enabled":{`...)
		for i, k := range sortedKeys(l.Enabled) {
			if i > 0 {
				b = append(b, ',')
			}
			b = textf.AppendJSONString(b, k)
			b = append(b, ':')
			b = strconv.AppendBool(b, l.Enabled[k])
		}
		b = append(b, '}')
	}
	if len(l.Lists) > 0 {
		b = append(b, `,"lists":{`...)
		for i, k := range sortedKeys(l.Lists) {
			if i > 0 {
				b = append(b, ',')
			}
			b = textf.AppendJSONString(b, k)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(l.Lists[k]), 10)
		}
		b = append(b, '}')
	}
	b = appendListMap(b, "form", l.Form)
	b = appendListMap(b, "checked", l.Checked)
	if len(l.Errors) > 0 {
		b = append(b, `,"errors":[`...)
		for i, e := range l.Errors {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"field":`...)
			b = textf.AppendJSONString(b, e.Field)
			b = append(b, `,"key":`...)
			b = textf.AppendJSONString(b, e.Key)
			if e.Index != 0 {
				b = append(b, `,"index":`...)
				b = strconv.AppendInt(b, int64(e.Index), 10)
			}
			if e.Row != 0 {
				b = append(b, `,"row":`...)
				b = strconv.AppendInt(b, int64(e.Row), 10)
			}
			b = append(b, `,"message":`...)
			b = textf.AppendJSONString(b, e.Message)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendStringMap(b []byte, name string, m map[string]string) []byte {
	if len(m) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':', '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = textf.AppendJSONString(b, k)
		b = append(b, ':')
		b = textf.AppendJSONString(b, m[k])
	}
	return append(b, '}')
}

func appendListMap(b []byte, name string, m map[string][]string) []byte {
	if len(m) == 0 {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, name...)
	b = append(b, '"', ':', '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = textf.AppendJSONString(b, k)
		b = append(b, ':')
		b = appendStrings(b, m[k])
	}
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = textf.AppendJSONString(b, s)
	}
	return append(b, ']')
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
