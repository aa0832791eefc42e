package engine_test

import (
	"encoding/binary"
	"hash/fnv"
	"math"
)

// checksum hashes the exact bits of float64 values (FNV-1a, 64 bits), so two
// runs agree only if every value is bit-identical. The determinism tests
// compare it with golden constants natively and under GOOS=js GOARCH=wasm.
type checksum struct{ sum uint64 }

func newChecksum() *checksum { return &checksum{sum: fnv.New64a().Sum64()} }

func (c *checksum) add(xs ...float64) {
	h := fnv.New64a()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], c.sum)
	h.Write(b[:])
	for _, x := range xs {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
		h.Write(b[:])
	}
	c.sum = h.Sum64()
}
