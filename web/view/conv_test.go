package view

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/state"
)

func convOf(t *testing.T, raw string) state.Conv {
	t.Helper()
	q, err := state.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	c, err := state.DecodeConv(q)
	if err != nil {
		t.Fatalf("%q: %v", raw, err)
	}
	return c
}

// TestConvLesson is the lesson's example as the page shows it.
func TestConvLesson(t *testing.T) {
	t.Parallel()
	r := Conv(state.DefaultConv(), i18n.EN, false).Result
	if r.Step.Sum != "1·1 + 2·0 + 0·1 + 0·0 + 1·1 + 2·0 + 0·1 + 0·0 + 1·1 = 3" {
		t.Errorf("cell (0, 0): %q", r.Step.Sum)
	}
	want := [][]string{{"0", "3", "6", "10"}, {"1", "6", "9", "6"}, {"2", "7", "4", "11"}}
	if got := r.Maps[0].Table.Rows; !reflect.DeepEqual(got, want) {
		t.Errorf("map table %v, want %v", got, want)
	}
	rows, _ := ConvCSV(r, "fm-1")
	if !reflect.DeepEqual(rows, [][]string{{"3", "6", "10"}, {"6", "9", "6"}, {"7", "4", "11"}}) {
		t.Errorf("CSV %v", rows)
	}
	if r.Size[0] != "across: ⌊(W − K + P₁ + P₂)/S⌋ + 1 = ⌊(5 − 3 + 0 + 0)/1⌋ + 1 = 3; 0 zeros before, 0 zeros after" {
		t.Errorf("size %q", r.Size[0])
	}
	// ReLU keeps the positive map; 2×2 max pooling with stride 2 keeps one cell.
	if got := r.Pool[0].Table.Rows; !reflect.DeepEqual(got, [][]string{{"0", "9"}}) {
		t.Errorf("pooled %v", got)
	}
	if !strings.Contains(r.Step.Grid, `class="win" x="0" y="0" width="144" height="144"`) || strings.Count(r.Step.OutGrid, "<a ") != 9 {
		t.Errorf("grids:\n%s\n%s", r.Step.Grid, r.Step.OutGrid)
	}
}

// TestConvSameAsKeras is the example on the page: the 6×6 ramp
// 1…6, the 3×3 identity kernel, stride 2, same, gives 2, 4, 6 in every
// row (Keras), and the page says where the zeros go.
func TestConvSameAsKeras(t *testing.T) {
	t.Parallel()
	row := "1,2,3,4,5,6"
	grid := strings.Repeat(row+"~", 5) + row
	c := convOf(t, "v=1&grid="+grid+"&k=custom&kv=0,0,0~0,1,0~0,0,0&stride=2&pad=same")
	en := Conv(c, i18n.EN, false).Result
	want := [][]string{{"0", "2", "4", "6"}, {"1", "2", "4", "6"}, {"2", "2", "4", "6"}}
	if got := en.Maps[0].Table.Rows; !reflect.DeepEqual(got, want) {
		t.Errorf("map %v, want %v", got, want)
	}
	if !strings.HasSuffix(en.Size[0], "= 3; 0 zeros before, 1 zero after") || en.SameNote == "" {
		t.Errorf("size %q, note %q", en.Size[0], en.SameNote)
	}
	if ru := Conv(c, i18n.RU, false).Result; !strings.HasSuffix(ru.Size[1], "0 нулей до, 1 ноль после") {
		t.Errorf("size %q", ru.Size[1])
	}
}

func TestConvStepWithPadding(t *testing.T) {
	t.Parallel()
	r := Conv(convOf(t, "v=1&k=outline&pad=same&at=4,0"), i18n.RU, false).Result
	// Outline at the top-right corner: six padding zeros.
	if r.Step.Sum != "0·(−1) + 0·(−1) + 0·(−1) + 0·(−1) + 3·8 + 0·(−1) + 3·(−1) + 1·(−1) + 0·(−1) = 20" || !r.Step.HasPadding {
		t.Errorf("corner: %q", r.Step.Sum)
	}
	if !strings.Contains(r.Step.Window, `x="3" y="-1" width="3" height="3"`) {
		t.Errorf("window %s", r.Step.Window)
	}
}

// TestConvLiveJSON checks the hand-written encoder on /conv's updates.
func TestConvLiveJSON(t *testing.T) {
	t.Parallel()
	pages := []*Live{
		Conv(state.DefaultConv(), i18n.RU, false).Live(true),
		Conv(convOf(t, "v=1&img=digit&k=lesson&k=1,-1&pad=full&at=3,2"), i18n.EN, false).Live(false),
		Conv(convOf(t, "v=1&img=cat&k=emboss"), i18n.EN, true).Live(false),
	}
	q, _ := state.ParseQuery("k=nope&grid=1,x")
	_, err := state.DecodeConv(q)
	pages = append(pages, ConvInvalid(q, err, i18n.EN).Live(false))
	for i, l := range pages {
		var got, want any
		if err := json.Unmarshal(l.JSON(), &got); err != nil {
			t.Fatalf("page %d: not JSON: %v", i, err)
		}
		std, _ := json.Marshal(l)
		json.Unmarshal(std, &want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("page %d differs from encoding/json", i)
		}
	}
	if d := pages[2]; d.Query != "" || len(d.Href) != 0 || d.Text["cap-fm-1"] == "" {
		t.Errorf("a draft update: %+v", d)
	}
}
