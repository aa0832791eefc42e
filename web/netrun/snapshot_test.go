package netrun

import (
	"context"
	"testing"

	"nnplay/web/state"
)

func TestSnapshotCodec(t *testing.T) {
	t.Parallel()
	n := state.DefaultNetwork()
	n.Epoch = 30
	run, _ := Replay(context.Background(), n)
	snap := run.Snapshot()
	b, err := snap.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got := &Snapshot{}
	if err := got.UnmarshalBinary(b); err != nil || got.Epoch != 30 || len(got.History) != 31 || got.Params[3] != snap.Params[3] || got.Now != snap.Now {
		t.Errorf("snapshot round trip: %v %+v", err, got)
	}
	for _, cut := range []int{0, 1, 5, len(b) - 1} {
		if err := got.UnmarshalBinary(b[:cut]); err == nil {
			t.Errorf("a snapshot cut at %d decoded", cut)
		}
	}
}
