package i18n

import (
	"reflect"
	"strings"
	"testing"
)

// TestCatalogsComplete walks every catalog: no string may be empty, every
// list and map must have the same length and keys in every language, and
// format strings must have the same verbs.
func TestCatalogsComplete(t *testing.T) {
	t.Parallel()
	ref := For(Default)
	for _, l := range Langs() {
		compare(t, string(l), reflect.ValueOf(*ref), reflect.ValueOf(*For(l)))
	}
}

func compare(t *testing.T, path string, ref, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			t.Errorf("%s is empty", path)
		}
		if verbs(v.String()) != verbs(ref.String()) {
			t.Errorf("%s: verbs %q, but %s has %q", path, verbs(v.String()), Default, verbs(ref.String()))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			compare(t, path+"."+v.Type().Field(i).Name, ref.Field(i), v.Field(i))
		}
	case reflect.Slice:
		if v.Len() != ref.Len() || v.Len() == 0 {
			t.Errorf("%s: %d entries, %s has %d", path, v.Len(), Default, ref.Len())
			return
		}
		for i := range v.Len() {
			compare(t, path, ref.Index(i), v.Index(i))
		}
	case reflect.Map:
		if v.Len() != ref.Len() {
			t.Errorf("%s: %d entries, %s has %d", path, v.Len(), Default, ref.Len())
		}
		for _, k := range ref.MapKeys() {
			if !v.MapIndex(k).IsValid() {
				t.Errorf("%s[%v] is missing", path, k)
				continue
			}
			compare(t, path+"["+k.String()+"]", ref.MapIndex(k), v.MapIndex(k))
		}
	}
}

// verbs returns the fmt verbs of s in order, so translations keep them.
func verbs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s)-1; i++ {
		if s[i] == '%' {
			b.WriteByte(s[i+1])
			i++
		}
	}
	return b.String()
}

func TestParse(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in string
		ok bool
	}{{"ru", true}, {"en", true}, {"", false}, {"de", false}, {"EN", false}} {
		if _, ok := Parse(tc.in); ok != tc.ok {
			t.Errorf("Parse(%q) ok = %v", tc.in, ok)
		}
	}
	if For("xx").Lang != Default {
		t.Error("an unknown language does not fall back to the default")
	}
}
