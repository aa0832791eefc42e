package i18n

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"nnplay/web/textf"
)

// pluralGroup matches a plural group that follows a %d.
var pluralGroup = regexp.MustCompile(`%d[^%{]*\{([^{}|]*(?:\|[^{}|]*)+)\}`)

// wantForm is the form each count takes, written out by hand: Russian
// (1 число, 2 числа, 5 чисел) and English (1 number, 2 numbers).
var wantForm = map[int][2]int{
	0: {2, 1}, 1: {0, 0}, 2: {1, 1}, 3: {1, 1}, 4: {1, 1}, 5: {2, 1}, 6: {2, 1}, 7: {2, 1}, 8: {2, 1}, 9: {2, 1},
	10: {2, 1}, 11: {2, 1}, 12: {2, 1}, 13: {2, 1}, 14: {2, 1}, 15: {2, 1}, 16: {2, 1}, 17: {2, 1}, 18: {2, 1},
	19: {2, 1}, 20: {2, 1}, 21: {0, 1}, 22: {1, 1}, 23: {1, 1}, 24: {1, 1}, 25: {2, 1},
	101: {0, 1}, 111: {2, 1}, 121: {0, 1},
}

// TestCountedMessages runs every message where a count meets a noun (a
// plural group after a %d) through 0–25, 101, 111 and 121 in both
// languages: the noun agrees with the count, Russian with three forms and
// English with two, and no brace or bad verb is left.
func TestCountedMessages(t *testing.T) {
	t.Parallel()
	counted := 0
	for li, l := range Langs() {
		forms := []int{3, 2}[li]
		strs(reflect.ValueOf(*For(l)), func(path, msg string) {
			groups := pluralGroup.FindAllStringSubmatch(msg, -1)
			if len(groups) == 0 {
				return
			}
			counted++
			for _, g := range groups {
				if n := len(strings.Split(g[1], "|")); n != forms {
					t.Errorf("%s %s: group {%s} has %d forms, want %d", l, path, g[1], n, forms)
				}
			}
			for n, want := range wantForm {
				args := make([]any, 0, 4)
				for _, v := range verbs(msg) {
					switch v {
					case 'd':
						args = append(args, n)
					default:
						args = append(args, "…")
					}
				}
				out := textf.Sprintf(msg, args...)
				if strings.ContainsAny(out, "{}") || strings.Contains(out, "%!") {
					t.Errorf("%s %s(%d) = %q", l, path, n, out)
				}
				// The same message with each group replaced by the wanted
				// form by hand.
				want := pluralGroup.ReplaceAllStringFunc(msg, func(m string) string {
					g := pluralGroup.FindStringSubmatch(m)
					return strings.Replace(m, "{"+g[1]+"}", strings.Split(g[1], "|")[want[li]], 1)
				})
				if w := textf.Sprintf(want, args...); out != w {
					t.Errorf("%s %s(%d) = %q, want %q", l, path, n, out, w)
				}
			}
		})
	}
	if counted < 2*8 {
		t.Errorf("%d counted messages, expected at least 16", counted)
	}
}

// strs calls f on every string in v, with its path.
func strs(v reflect.Value, f func(path, s string)) {
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			f(path, v.String())
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(path, v.Index(i))
			}
		case reflect.Map:
			for _, k := range v.MapKeys() {
				walk(path+"["+k.String()+"]", v.MapIndex(k))
			}
		}
	}
	walk("", v)
}

// TestFormulasTypeset: no message writes a power in ASCII (e^(−z)); they
// use superscripts (e⁻ᶻ), as the engine's formulas do.
func TestFormulasTypeset(t *testing.T) {
	t.Parallel()
	for _, l := range Langs() {
		strs(reflect.ValueOf(*For(l)), func(path, msg string) {
			if strings.Contains(msg, "^") {
				t.Errorf("%s %s: %q", l, path, msg)
			}
		})
	}
}
