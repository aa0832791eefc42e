package textf

import (
	"errors"
	"fmt"
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
