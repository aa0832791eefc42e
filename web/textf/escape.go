package textf

import "strings"

// htmlEscaper is html.EscapeString's: package html would bring its table
// of 2,000 entities into the wasm module for this one replacer.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;")

// EscapeHTML escapes <, >, &, ' and " as html.EscapeString does, for text
// and attribute values in HTML and SVG markup.
func EscapeHTML(s string) string { return htmlEscaper.Replace(s) }

// AppendJSONString appends s to b as a JSON string, escaping what JSON
// requires and "<", ">", "&", U+2028 and U+2029 as encoding/json does, so
// the text is safe anywhere (in a <script> too). It is written by hand so
// the wasm module need not link encoding/json (about 70 KB of brotli);
// invalid UTF-8 is copied as is, where encoding/json writes U+FFFD.
func AppendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0 // s[start:i] needs no escaping: it is copied in one go
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != 0xe2 {
			continue
		}
		b = append(b, s[start:i]...)
		start = i + 1
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c == 0xe2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2]&^1 == 0xa8:
			// U+2028 and U+2029 are valid JSON but not valid JavaScript.
			b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&15])
			i += 2
			start = i + 1
		default:
			b = append(b, c) // another character starting with 0xe2
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
