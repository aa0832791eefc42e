package textf

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

type stringer struct{}

func (stringer) String() string { return "S" }

// TestAgreesWithFmt: for the supported verbs and types, the output is
// fmt's.
func TestAgreesWithFmt(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		format string
		args   []any
	}{
		{"plain", nil},
		{"%s = «%s»: %d", []any{"w", "abc", 3}},
		{"%q and %q", []any{"a\"b", "é\n"}},
		{"%g…%g", []any{-1e6, 0.5}},
		{"%v %v %v %v %v", []any{"x", 7, 2.5, true, stringer{}}},
		{"%s", []any{errors.New("boom")}},
		{"100%% of %d", []any{int64(-4)}},
		{"%d %d %d %d", []any{uint8(255), int32(-2), uint64(1 << 63), int8(-8)}},
		{"%g", []any{float32(0.1)}},
	} {
		want := fmt.Sprintf(tc.format, tc.args...)
		if got := Sprintf(tc.format, tc.args...); got != want {
			t.Errorf("Sprintf(%q) = %q, fmt says %q", tc.format, got, want)
		}
	}
	if got, want := Sprint("a", 1, "b"), "a1b"; got != want {
		t.Errorf("Sprint = %q", got)
	}
}

func TestUnsupportedIsVisible(t *testing.T) {
	t.Parallel()
	type named string
	for _, got := range []string{Sprintf("%s", named("x")), Sprintf("%x", 1), Sprintf("%d"), Sprintf("%d", 1, 2), Sprintf("%d", "s")} {
		if !containsBang(got) {
			t.Errorf("%q does not show the misuse", got)
		}
	}
}

func containsBang(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '%' && s[i+1] == '!' {
			return true
		}
	}
	return false
}

// TestPlurals checks the plural groups against forms written out by hand
// (not by the rule under test), in both languages.
func TestPlurals(t *testing.T) {
	t.Parallel()
	ru := map[int]string{0: "чисел", 1: "число", 2: "числа", 3: "числа", 4: "числа", 5: "чисел", 10: "чисел",
		11: "чисел", 12: "чисел", 14: "чисел", 19: "чисел", 20: "чисел", 21: "число", 22: "числа", 24: "числа",
		25: "чисел", 101: "число", 111: "чисел", 112: "чисел", 121: "число", 122: "числа", -1: "число", -5: "чисел"}
	for n, w := range ru {
		if got, want := Sprintf("%d {число|числа|чисел}", n), fmt.Sprintf("%d %s", n, w); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	for n, w := range map[int]string{0: "numbers", 1: "number", 2: "numbers", 11: "numbers", 21: "numbers", 101: "numbers"} {
		if got, want := Sprintf("%d {number|numbers}", n), fmt.Sprintf("%d %s", n, w); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
	// The group follows the last %d; braces without a count or a bar stay.
	for format, want := range map[string]string{
		"%d {ноль|нуля|нулей} до, %d после": "1 ноль до, 5 после",
		"{a|b} %d": "{a|b} 1",
		"%d {x}":   "1 {x}",
	} {
		if got := Sprintf(format, 1, 5); !strings.HasPrefix(got, want) {
			t.Errorf("Sprintf(%q) = %q, want %q", format, got, want)
		}
	}
}
