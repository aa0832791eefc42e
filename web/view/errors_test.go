package view

import (
	"strings"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/state"
)

// TestErrorMessagesHaveNoDoubledPercent: a message shown as it is, not as
// a format, must not keep a format's escaped "%%".
func TestErrorMessagesHaveNoDoubledPercent(t *testing.T) {
	t.Parallel()
	_, err := state.ParseQuery("v=1&b=%zz")
	if err == nil {
		t.Fatal("a bad escape parsed")
	}
	for _, l := range i18n.Langs() {
		m := i18n.For(l)
		for _, e := range FieldErrors(m, m.Neuron.FieldNames, err) {
			if strings.Contains(e.Message, "%%") || !strings.Contains(e.Message, "%-") {
				t.Errorf("%s: %q", l, e.Message)
			}
		}
	}
}

// TestCountsAgreeOnPages: the neuron's default batch help, a count on the
// page, takes the right plural form.
func TestCountsAgreeOnPages(t *testing.T) {
	t.Parallel()
	n := state.DefaultNeuron()
	for _, tc := range []struct {
		lang i18n.Lang
		x    []float64
		want string
	}{
		{i18n.RU, []float64{1, 2}, "2 числа"}, {i18n.RU, []float64{1}, "1 число"},
		{i18n.RU, []float64{1, 2, 3, 4, 5}, "5 чисел"}, {i18n.EN, []float64{1}, "1 number "},
	} {
		n.X, n.W = tc.x, make([]float64, len(tc.x))
		if got := Neuron(n, tc.lang).Result.BatchHelp; !strings.Contains(got, tc.want) {
			t.Errorf("%q lacks %q", got, tc.want)
		}
	}
}

func TestValidUTF8(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"1,\xff~3": `1,\xFF~3`, "ок": "ок", "\xd0": `\xD0`, "a\xc3\x28": `a\xC3(`} {
		if got := ValidUTF8(in); got != want {
			t.Errorf("ValidUTF8(%q) = %q, want %q", in, got, want)
		}
	}
}
