package netrun

import (
	"encoding/binary"
	"errors"
	"math"

	"nnplay/engine"
	"nnplay/web/state"
)

// Snapshot is what the pages of a run need, without its training: the
// epoch, the weights, the scores and their history. The server caches it,
// so a link's page, images and exports share one replay.
type Snapshot struct {
	Epoch    int
	Diverged bool
	Params   []float64
	Now      engine.Metrics
	History  []engine.Metrics
}

// Snapshot returns the run as it is now.
func (r *Run) Snapshot() *Snapshot {
	s := &Snapshot{Epoch: r.At(), Diverged: r.diverged, Now: r.Metrics(), History: r.History()}
	if r.P != nil {
		s.Params = r.P.MLP().ParamsTo(nil)
	}
	return s
}

// Restore returns the run of s as snap records it: the playground of s's
// start with snap's weights. s must be the state snap was taken of, up to
// the page's view settings (same ReplayQuery), else Restore fails.
func Restore(s state.Network, snap *Snapshot) (*Run, error) {
	r, err := NewRun(s)
	if err != nil {
		return nil, err
	}
	if r.P != nil {
		if len(snap.Params) != r.P.MLP().NumParams() {
			return nil, errors.New("netrun: the snapshot is of another network")
		}
		r.P.MLP().SetParams(snap.Params)
		r.settings(s.LR, s.Batch, s.Reg, s.RegRate)
	}
	r.stopAt(snap.Epoch)
	r.diverged = snap.Diverged
	r.restored = snap
	return r, nil
}

// MarshalBinary writes s compactly, for the server's byte-bounded cache.
func (s *Snapshot) MarshalBinary() ([]byte, error) {
	b := make([]byte, 0, 16+8*len(s.Params)+40*(len(s.History)+1))
	b = binary.AppendUvarint(b, uint64(s.Epoch))
	if s.Diverged {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(s.Params)))
	for _, p := range s.Params {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(p))
	}
	metrics := func(m engine.Metrics) {
		b = binary.AppendUvarint(b, uint64(m.Epoch))
		for _, v := range []float64{m.TrainLoss, m.TestLoss, m.TrainAccuracy, m.TestAccuracy} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	metrics(s.Now)
	b = binary.AppendUvarint(b, uint64(len(s.History)))
	for _, m := range s.History {
		metrics(m)
	}
	return b, nil
}

var errSnapshot = errors.New("netrun: damaged snapshot")

// UnmarshalBinary reads a snapshot MarshalBinary wrote; a damaged one is
// an error, and s is then undefined.
func (s *Snapshot) UnmarshalBinary(b []byte) error {
	*s = Snapshot{}
	bad := false
	uvarint := func() int {
		v, n := binary.Uvarint(b)
		if n <= 0 || v > 1<<31 {
			bad = true
			return 0
		}
		b = b[n:]
		return int(v)
	}
	float := func() float64 {
		if len(b) < 8 {
			bad = true
			return 0
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(b))
		b = b[8:]
		return v
	}
	metrics := func() engine.Metrics {
		return engine.Metrics{Epoch: uvarint(), TrainLoss: float(), TestLoss: float(), TrainAccuracy: float(), TestAccuracy: float()}
	}
	s.Epoch = uvarint()
	if len(b) == 0 {
		return errSnapshot
	}
	s.Diverged, b = b[0] == 1, b[1:]
	np := uvarint()
	if bad || np > len(b)/8 {
		return errSnapshot
	}
	s.Params = make([]float64, np)
	for i := range s.Params {
		s.Params[i] = float()
	}
	s.Now = metrics()
	nh := uvarint()
	if bad || nh > len(b)/8 {
		return errSnapshot
	}
	s.History = make([]engine.Metrics, nh)
	for i := range s.History {
		s.History[i] = metrics()
	}
	if bad || len(b) != 0 {
		return errSnapshot
	}
	return nil
}
