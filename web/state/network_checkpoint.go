package state

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"

	"nnplay/engine"
)

// Checkpoint is a run's state at an epoch, all it needs to train on bit for
// bit as the run that reached it: the weights and biases after Epoch
// epochs, before the edits recorded at Epoch. Nothing else carries across
// epochs: an epoch visits the training points in their fixed order, and
// plain SGD keeps no optimizer state (engine.Playground.Resume).
//
// It travels in the link as ck, one base64url value (no padding):
//
//	base64url( raw DEFLATE( uvarint Epoch, uvarint count,
//	                        the float64 bits of the params in 8 byte planes ) )
//
// The planes hold the parameters' most significant bytes first, then the
// next ones, and so on: signs and exponents, which vary little, end up
// together, where DEFLATE finds them.
type Checkpoint struct {
	Epoch  int
	Params []float64 // engine.MLP.ParamsTo's order
}

// MaxCheckpointParams is the most parameters a checkpoint holds: those of
// the largest network the page allows (every feature, MaxHiddenLayers
// layers of MaxLayerSize neurons).
func MaxCheckpointParams() int {
	sizes := []int{len(engine.Features())}
	for range engine.MaxHiddenLayers {
		sizes = append(sizes, engine.MaxLayerSize)
	}
	sizes = append(sizes, 1)
	p := 0
	for l := 1; l < len(sizes); l++ {
		p += sizes[l-1]*sizes[l] + sizes[l]
	}
	return p
}

// checkpointBytes is the most bytes ck can take in a link for n
// parameters, whatever their values: DEFLATE's Huffman codes never spend
// more than 9 bits on a byte, its block header is under 320 bytes, and
// base64 makes 4 characters of 3 bytes; plus "&ck=".
func checkpointBytes(n int) int {
	raw := 2*binary.MaxVarintLen64 + 8*n
	return 4 + (raw*9/8+320+2)/3*4
}

func encodeCheckpoint(c *Checkpoint) string {
	raw := make([]byte, 0, 2*binary.MaxVarintLen64+8*len(c.Params))
	raw = binary.AppendUvarint(raw, uint64(c.Epoch))
	raw = binary.AppendUvarint(raw, uint64(len(c.Params)))
	for plane := 7; plane >= 0; plane-- {
		for _, p := range c.Params {
			raw = append(raw, byte(math.Float64bits(p)>>(8*plane)))
		}
	}
	return b64.EncodeToString(deflateStream(raw))
}

var errNotFinite = errors.New("not finite")

// decodeCheckpoint reads ck. It inflates at most what the largest network
// needs, so an oversized stream is an error, never a large allocation.
func decodeCheckpoint(s string) (*Checkpoint, error) {
	z, err := b64.DecodeString(s)
	if err != nil || len(z) == 0 {
		return nil, errCorrupt
	}
	limit := 2*binary.MaxVarintLen64 + 8*MaxCheckpointParams()
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(z)), int64(limit)+1))
	switch {
	case err != nil:
		return nil, errCorrupt
	case len(raw) > limit:
		return nil, errTooLarge
	}
	epoch, k := binary.Uvarint(raw)
	if k <= 0 || epoch > MaxEpochs {
		return nil, errCorrupt
	}
	raw = raw[k:]
	count, k := binary.Uvarint(raw)
	switch {
	case k <= 0:
		return nil, errCorrupt
	case count > uint64(MaxCheckpointParams()):
		return nil, errTooLarge
	}
	raw = raw[k:]
	n := int(count)
	if len(raw) != 8*n {
		return nil, errCorrupt
	}
	c := &Checkpoint{Epoch: int(epoch), Params: make([]float64, n)}
	for i := range c.Params {
		var bits uint64
		for plane := 7; plane >= 0; plane-- {
			bits |= uint64(raw[(7-plane)*n+i]) << (8 * plane)
		}
		v := math.Float64frombits(bits)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, errNotFinite
		}
		c.Params[i] = v
	}
	return c, nil
}

// checkpoint reads ck; its fit with the network and the epoch is checked
// with the other keys (checkCheckpoint).
func (r *reader) checkpoint(n *Network) {
	s, ok := r.single("ck")
	if !ok || s == "" {
		return
	}
	c, err := decodeCheckpoint(s)
	switch err {
	case nil:
		n.Checkpoint = c
	case errTooLarge:
		r.errs = append(r.errs, &FieldError{Key: "ck", Problem: TooLarge, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(MaxCheckpointParams())}})
	case errNotFinite:
		r.errs = append(r.errs, &FieldError{Key: "ck", Value: shorten(s), Problem: NotFinite, Allowed: Allowed{Kind: AllowNone}})
	default:
		r.errs = append(r.errs, &FieldError{Key: "ck", Value: shorten(s), Problem: Corrupt, Allowed: Allowed{Kind: AllowNone}})
	}
}

// checkCheckpoint reports a checkpoint that does not fit the network or
// the epoch.
func (r *reader) checkCheckpoint(n *Network) {
	c := n.Checkpoint
	switch {
	case c == nil:
	case !n.Trainable():
		r.errs = append(r.errs, &FieldError{Key: "ck", Problem: Conflict, Allowed: Allowed{Kind: AllowNone}})
	case len(c.Params) != n.Params():
		r.errs = append(r.errs, &FieldError{Key: "ck", Problem: Mismatch, Got: len(c.Params), Want: n.Params(), Allowed: Allowed{Kind: AllowCount, Min: float64(n.Params()), Max: float64(n.Params())}})
	case c.Epoch > n.Epoch:
		r.errs = append(r.errs, &FieldError{Key: "ck", Value: strconv.Itoa(c.Epoch), Problem: OutOfRange, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(n.Epoch)}})
	}
}

// ReplayFrom returns the epoch a replay of n starts from: its checkpoint's,
// or 0.
func (n *Network) ReplayFrom() int {
	if n.Checkpoint == nil {
		return 0
	}
	return n.Checkpoint.Epoch
}

// SetCheckpoint records c as the run's checkpoint when the link needs one
// (its epoch is past the replay bound) and drops it otherwise, with the
// edits before it, which change nothing after it. c's params are the
// weights after c.Epoch epochs, before the edits at c.Epoch; n.Epoch must
// be at least c.Epoch.
func (n *Network) SetCheckpoint(c *Checkpoint) {
	n.Checkpoint = c
	n.canonicalCheckpoint()
}

// canonicalCheckpoint drops a checkpoint the link does not need (a replay
// from the start is within the bound, and gives the same run) and the
// edits it makes pointless: a weight set before it, a setting recorded up
// to it.
func (n *Network) canonicalCheckpoint() {
	c := n.Checkpoint
	if c == nil {
		return
	}
	if n.Epoch <= n.ReplayBound() {
		n.Checkpoint = nil
		return
	}
	keep := n.Edits[:0:0]
	for _, e := range n.Edits {
		if e.Epoch > c.Epoch || e.Epoch == c.Epoch && !e.setting() {
			keep = append(keep, e)
		}
	}
	if len(keep) == 0 {
		keep = nil
	}
	n.Edits = keep
}

// CheckpointFits reports whether a checkpoint of this network, whatever
// its weights, fits in the link with the rest of it (checkpointBytes). A
// network too large for one stops at the replay bound.
func (n *Network) CheckpointFits() bool {
	m := *n
	m.Checkpoint = nil
	return len(m.Encode())+checkpointBytes(n.Params()) <= MaxQueryBytes
}

// MaxCheckpointFit returns the most parameters whose checkpoint would fit
// in n's link with the rest of it: what a network too large for one must
// shrink to (roughly; the rest of the link shrinks with it).
func MaxCheckpointFit(n *Network) int {
	m := *n
	m.Checkpoint = nil
	room := MaxQueryBytes - len(m.Encode())
	p := 0
	for checkpointBytes(p+1) <= room {
		p++
	}
	return p
}
