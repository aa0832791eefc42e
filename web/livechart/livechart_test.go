package livechart

import (
	"encoding/xml"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestTicks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{-6, 6, 7, []float64{-6, -4, -2, 0, 2, 4, 6}},
		{0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{-0.08, 1.08, 6, []float64{0, 0.25, 0.5, 0.75, 1}},
		{-1e6, 1e6, 5, []float64{-1e6, -5e5, 0, 5e5, 1e6}},
	} {
		got := Ticks(tc.lo, tc.hi, tc.n)
		if len(got) != len(tc.want) {
			t.Errorf("Ticks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
			continue
		}
		for i := range got {
			if d := got[i] - tc.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("Ticks(%v, %v) = %v, want %v", tc.lo, tc.hi, got, tc.want)
				break
			}
		}
	}
	if Ticks(1, 1, 5) != nil {
		t.Error("empty range has ticks")
	}
}

// TestSVGWellFormed parses the output as XML and checks what it must hold:
// the title, one polyline per series, the mark, and no style attribute
// (the page's CSP forbids inline styles).
func TestSVGWellFormed(t *testing.T) {
	t.Parallel()
	c := Chart{
		Title: `σ(z) <"quoted">`, Width: 480, Height: 300, XLabel: "z", YLabel: "f(z)",
		XMin: -6, XMax: 6,
		Series: []Series{{Label: "a", Color: "#0072B2", X: []float64{-6, 0, 6}, Y: []float64{0, 0.5, 1}},
			{Label: "b", Color: "#D55E00", X: []float64{-6, 6}, Y: []float64{-1, 1}}},
		Marks:  []Mark{{X: 0.75, Y: 0.68, Color: "#D55E00", Label: "(0.75, 0.68)"}},
		Legend: true,
	}
	s := c.SVG()
	if strings.Contains(s, "style=") {
		t.Error("SVG has a style attribute")
	}
	counts := map[string]int{}
	var title string
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
			if se.Name.Local == "title" {
				tok, _ := d.Token()
				title = string(tok.(xml.CharData))
			}
		}
	}
	want := map[string]int{"polyline": 2, "circle": 1, "title": 1, "svg": 1}
	for k, v := range want {
		if counts[k] != v {
			t.Errorf("%d <%s>, want %d", counts[k], k, v)
		}
	}
	if title != c.Title {
		t.Errorf("title %q", title)
	}
	if !reflect.DeepEqual(TickLabel(-0.5), "−0.5") {
		t.Errorf("TickLabel(-0.5) = %q", TickLabel(-0.5))
	}
}
