package view

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"

	"nnplay/web/i18n"
	"nnplay/web/state"
)

// TestLiveJSONMatchesEncodingJSON checks the hand-written encoder: its
// output must parse to the same value as encoding/json's.
func TestLiveJSONMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	n := state.DefaultNeuron()
	n.Batch = [][]float64{{1, 2}, {-3, 4e-9}}
	pages := []*Live{
		Neuron(n, i18n.RU).Live(true),
		Neuron(state.DefaultNeuron(), i18n.EN).Live(false),
		{Query: "q\"<>&\u2028\u2029\x01\\", Text: map[string]string{"a\tb": "c\nd\r"}, Tables: map[string]Table{"empty": {}}},
	}
	q, _ := state.ParseQuery("b=x&act=nope")
	_, err := state.DecodeNeuron(q)
	pages = append(pages, NeuronInvalid(q, err, i18n.EN).Live(false))
	rng := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		s := make([]byte, rng.IntN(40))
		for i := range s {
			s[i] = byte(rng.IntN(256))
		}
		pages = append(pages, &Live{Query: string(s) + "ok", Text: map[string]string{"k": "é€😀" + string(s[:len(s)/2])}})
	}
	for i, l := range pages {
		var got, want any
		if err := json.Unmarshal(l.JSON(), &got); err != nil {
			t.Fatalf("page %d: not JSON: %v\n%s", i, err, l.JSON())
		}
		std, _ := json.Marshal(l)
		json.Unmarshal(std, &want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("page %d:\n got %v\nwant %v", i, got, want)
		}
	}
}
