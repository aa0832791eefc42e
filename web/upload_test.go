package web

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"testing"

	"nnplay/engine"
)

func encodeTestImage(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 5), uint8(x + y), 255})
		}
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&b, img)
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDecodeUpload(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"png", "jpeg", "gif"} {
		m, orig, err := decodeUpload(bytes.NewReader(encodeTestImage(t, format, 300, 120)))
		if err != nil || orig != [2]int{300, 120} || m.W != engine.MaxImageSide || m.H > engine.MaxImageSide {
			t.Errorf("%s: %d×%d from %v, %v", format, m.W, m.H, orig, err)
		}
	}
	if _, _, err := decodeUpload(bytes.NewReader([]byte("not a picture at all"))); err != errUploadBad {
		t.Errorf("garbage: %v", err)
	}
	// A PNG header that claims 5000×10 pixels is refused before decoding.
	big := encodeTestImage(t, "png", 1, 1)
	copy(big[16:24], []byte{0, 0, 0x13, 0x88, 0, 0, 0, 10})
	binary.BigEndian.PutUint32(big[29:33], crc32.ChecksumIEEE(big[12:29])) // IHDR's CRC
	var huge *errUploadHuge
	if _, _, err := decodeUpload(bytes.NewReader(big)); err == nil || !asHuge(err, &huge) || huge.w != 5000 {
		t.Errorf("a 5000 px header: %v", err)
	}
}

func asHuge(err error, target **errUploadHuge) bool {
	h, ok := err.(*errUploadHuge)
	*target = h
	return ok
}

// FuzzUpload feeds arbitrary bytes to the upload decoder: it never panics,
// and what it accepts fits the limits.
func FuzzUpload(f *testing.F) {
	for _, format := range []string{"png", "jpeg", "gif"} {
		f.Add(encodeTestImage(f, format, 9, 5))
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, orig, err := decodeUpload(bytes.NewReader(data))
		if err != nil {
			return
		}
		if m.W < 1 || m.H < 1 || m.W > engine.MaxImageSide || m.H > engine.MaxImageSide || orig[0] > engine.MaxUploadSide || orig[1] > engine.MaxUploadSide {
			t.Fatalf("accepted %v as %d×%d", orig, m.W, m.H)
		}
	})
}
