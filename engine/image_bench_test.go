package engine_test

import (
	"math/rand/v2"
	"testing"

	"nnplay/engine"
)

// BenchmarkRGBA256 maps a 256×256 feature map to canvas pixels, as the
// conv page does for every map on every stroke.
func BenchmarkRGBA256(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	m := engine.NewMap(256, 256, nil)
	for i := range m.Data {
		m.Data[i] = float32(rng.Float64()*512 - 256)
	}
	var dst []byte
	for b.Loop() {
		dst = engine.RGBATo(dst, m, engine.Diverging)
	}
	b.ReportMetric(float64(b.N)*65536/b.Elapsed().Seconds()/1e6, "Mpix/s")
}
