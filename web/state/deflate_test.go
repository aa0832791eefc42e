package state

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"

	"nnplay/web/gallery"
)

func inflate(t testing.TB, z []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	if err != nil {
		t.Fatalf("compress/flate cannot read the stream: %v", err)
	}
	return out
}

func stdDeflate(src []byte) []byte {
	var b bytes.Buffer
	zw, _ := flate.NewWriter(&b, flate.DefaultCompression)
	zw.Write(src)
	zw.Close()
	return b.Bytes()
}

// TestDeflateRoundTrip: every stream decodes, with compress/flate, to its
// input: empty, one byte, runs, text, noise, and pictures.
func TestDeflateRoundTrip(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 1))
	noise := make([]byte, 70000)
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	inputs := [][]byte{
		nil, {0}, {7}, {1, 2}, bytes.Repeat([]byte{0}, 65538), bytes.Repeat([]byte{1, 2, 3}, 30000),
		[]byte("abracadabra abracadabra abracadabra"), noise, noise[:300],
	}
	for _, im := range gallery.Images() {
		m := im.Map()
		p := Picture{W: m.W, H: m.H, Gray: make([]byte, len(m.Data))}
		for i, v := range m.Data {
			p.Gray[i] = byte(v)
		}
		raw := make([]byte, 2+len(p.Gray))
		raw[0], raw[1] = byte(p.W-1), byte(p.H-1)
		paeth(raw[2:], p.Gray, p.W, false)
		inputs = append(inputs, raw)
	}
	for i, in := range inputs {
		z := deflateStream(in)
		if got := inflate(t, z); !bytes.Equal(got, in) {
			t.Errorf("input %d (%d bytes) does not round-trip", i, len(in))
		}
		std := len(stdDeflate(in))
		t.Logf("input %d: %d bytes → %d (compress/flate default: %d)", i, len(in), len(z), std)
		if len(in) > 1000 && float64(len(z)) > 1.1*float64(std)+64 {
			t.Errorf("input %d: %d bytes, 10%% worse than compress/flate's %d", i, len(z), std)
		}
	}
}

func TestDeflateDeterministic(t *testing.T) {
	t.Parallel()
	in := bytes.Repeat([]byte("nnplay draws "), 500)
	if !bytes.Equal(deflateStream(in), deflateStream(in)) {
		t.Error("the same input gave two streams")
	}
}

func FuzzDeflate(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaab"))
	f.Add(bytes.Repeat([]byte{0, 255}, 400))
	f.Fuzz(func(t *testing.T, in []byte) {
		if got := inflate(t, deflateStream(in)); !bytes.Equal(got, in) {
			t.Fatalf("%d bytes do not round-trip", len(in))
		}
	})
}
