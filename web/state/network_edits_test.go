package state

import (
	"strings"
	"testing"
)

// TestSettingsAt: the settings each epoch trains with, from the records.
func TestSettingsAt(t *testing.T) {
	t.Parallel()
	n, err := decodeNet(t, "lr=1&e=30&ed=10,lr,0.1&ed=20,lr,0.3&ed=20,bs,2")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		k     int
		lr    float64
		batch int
	}{{1, 0.1, 2}, {10, 0.1, 2}, {11, 0.3, 2}, {20, 0.3, 2}, {21, 1, 10}, {31, 1, 10}} {
		lr, bs, _, _ := n.SettingsAt(tc.k)
		if lr != tc.lr || bs != tc.batch {
			t.Errorf("epoch %d: lr %g bs %d, want %g %d", tc.k, lr, bs, tc.lr, tc.batch)
		}
	}
	// Changing a setting back at the same epoch leaves no record; a change
	// mid-run records the value the epochs were trained with.
	n.SetSettings(2, 10, "none", 0)
	n.SetSettings(1, 10, "none", 0)
	if got := n.Encode(); got != "v=1&lr=1&e=30&ed=10,lr,0.1&ed=20,bs,2&ed=20,lr,0.3" {
		t.Errorf("after a change and back: %q", got)
	}
	n.Epoch = 35
	n.SetSettings(0.5, 10, "l2", 0.01)
	if got := n.Encode(); !strings.HasSuffix(got, "&e=35&ed=10,lr,0.1&ed=20,bs,2&ed=20,lr,0.3&ed=35,lr,1&ed=35,reg,none&ed=35,rr,0") {
		t.Errorf("after a change at 35: %q", got)
	}
}
