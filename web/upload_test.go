package web

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/tiff"

	"nnplay/engine"
	"nnplay/internal/craftjpeg"
	"nnplay/web/view"
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
	case "tiff":
		err = tiff.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDecodeUpload(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, format := range []string{"png", "jpeg", "gif"} {
		m, orig, err := decodeUpload(ctx, encodeTestImage(t, format, 300, 120))
		if err != nil || orig != [2]int{300, 120} || m.W != engine.MaxImageSide || m.H > engine.MaxImageSide {
			t.Errorf("%s: %d×%d from %v, %v", format, m.W, m.H, orig, err)
		}
	}
	if _, _, err := decodeUpload(ctx, []byte("not a picture at all")); err != errUploadBad {
		t.Errorf("garbage: %v", err)
	}
	// TIFF is registered with image.Decode by a dependency (gonum/plot
	// brings golang.org/x/image/tiff); the page names PNG, JPEG and GIF.
	if _, _, err := decodeUpload(ctx, encodeTestImage(t, "tiff", 8, 8)); err != errUploadBad {
		t.Errorf("a TIFF: %v, want refused", err)
	}
	if _, _, err := image.Decode(bytes.NewReader(encodeTestImage(t, "tiff", 8, 8))); err != nil {
		t.Errorf("image.Decode no longer reads TIFF (%v): this test no longer shows the registry's risk", err)
	}
	// A PNG header that claims 5000×10 pixels is refused before decoding.
	big := encodeTestImage(t, "png", 1, 1)
	copy(big[16:24], []byte{0, 0, 0x13, 0x88, 0, 0, 0, 10})
	binary.BigEndian.PutUint32(big[29:33], crc32.ChecksumIEEE(big[12:29])) // IHDR's CRC
	var huge *errUploadHuge
	if _, _, err := decodeUpload(ctx, big); !errors.As(err, &huge) || huge.w != 5000 {
		t.Errorf("a 5000 px header: %v", err)
	}
}

func TestDecodeUploadBoundsJPEGWork(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	// The generator makes real progressive JPEGs: a few scans decode.
	few := craftjpeg.Progressive(64, 48, 10)
	if n := jpegScans(few); n != 10 {
		t.Errorf("counted %d scans, want 10", n)
	}
	if _, orig, err := decodeUpload(ctx, few); err != nil || orig != [2]int{64, 48} {
		t.Fatalf("a 10-scan progressive JPEG: %v, %v", orig, err)
	}
	if n := jpegScans(encodeTestImage(t, "jpeg", 40, 30)); n != 1 {
		t.Errorf("a baseline JPEG: %d scans, want 1", n)
	}
	// Thousands of scans are refused by counting, before any decoding.
	crafted := craftjpeg.Progressive(2048, 2048, 3000)
	t0 := time.Now()
	if _, _, err := decodeUpload(ctx, crafted); err != errUploadCostly {
		t.Errorf("%d-byte JPEG of 3000 scans: %v, want errUploadCostly", len(crafted), err)
	}
	if d := time.Since(t0); d > time.Second {
		t.Errorf("refusing it took %s", d)
	}
	// Under the scan limit, the decode still stops at its time budget or
	// when the client leaves.
	within := craftjpeg.Progressive(2048, 2048, maxJPEGScans)
	tiny := func(int) time.Duration { return time.Millisecond }
	if _, _, err := decodeUploadWithin(ctx, within, tiny); err != errUploadCostly {
		t.Errorf("past its time budget: %v, want errUploadCostly", err)
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if _, _, err := decodeUploadWithin(gone, within, func(int) time.Duration { return time.Minute }); !errors.Is(err, context.Canceled) {
		t.Errorf("the client left: %v, want context.Canceled", err)
	}
}

// multipartUpload is an upload form's body with data as the file.
func multipartUpload(data []byte) (body []byte, ctype string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("state", "v=1&lang=en")
	fw, _ := mw.CreateFormFile("file", "x.jpg")
	fw.Write(data)
	mw.Close()
	return b.Bytes(), mw.FormDataContentType()
}

// TestUploadRefusedBeforeReading: with every upload slot taken, or with a
// declared length over the bound, the answer comes without the body being
// read.
func TestUploadRefusedBeforeReading(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Log: slog.New(slog.DiscardHandler), MaxUploads: 1, ExpensiveWait: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	body, ctype := multipartUpload(encodeTestImage(t, "png", 8, 8))
	send := func(contentLength int64) (*http.Response, *countingReader) {
		r := &countingReader{r: bytes.NewReader(body)}
		req, _ := http.NewRequest(http.MethodPost, view.ConvUploadPath+"?lang=en", r)
		req.Header.Set("Content-Type", ctype)
		req.ContentLength = contentLength
		rec := httptest.NewRecorder()
		s.Handler().ServeHTTP(rec, req)
		return rec.Result(), r
	}
	resp, r := send(maxUploadBody + 1)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || r.n != 0 {
		t.Errorf("declared too large: %d after reading %d bytes", resp.StatusCode, r.n)
	}
	if err := s.uploads.acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	r = &countingReader{r: bytes.NewReader(body)}
	req, _ := http.NewRequest(http.MethodPost, view.ConvUploadPath+"?lang=en", r)
	req.Header.Set("Content-Type", ctype)
	flushed := &flushRecorder{ResponseRecorder: httptest.NewRecorder(), body: r}
	s.Handler().ServeHTTP(flushed, req)
	s.uploads.release()
	resp = flushed.Result()
	page, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusServiceUnavailable || !flushed.flushed || flushed.readBeforeFlush != 0 || resp.Header.Get("Retry-After") == "" ||
		!strings.Contains(string(page), "busy with other pictures") {
		t.Errorf("all slots busy: %d, Retry-After %q, answered after reading %d bytes", resp.StatusCode, resp.Header.Get("Retry-After"), flushed.readBeforeFlush)
	}
	if resp, _ := send(int64(len(body))); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("a slot free again: %d", resp.StatusCode)
	}
}

// flushRecorder notes how much of the body had been read when the
// response was first flushed (sent).
type flushRecorder struct {
	*httptest.ResponseRecorder
	body            *countingReader
	flushed         bool
	readBeforeFlush int
}

func (f *flushRecorder) Flush() {
	if !f.flushed {
		f.flushed, f.readBeforeFlush = true, f.body.n
	}
	f.ResponseRecorder.Flush()
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestUploadCutByReadTimeout: a body that stops arriving before the read
// timeout gets a clear 408 page, on the real listener.
func TestUploadCutByReadTimeout(t *testing.T) {
	t.Parallel()
	s, err := New(Config{Addr: "127.0.0.1:0", Log: slog.New(slog.DiscardHandler), ReadTimeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrc := make(chan string, 1)
	go s.Run(ctx, func(a string) { addrc <- a })
	addr := <-addrc
	noise := image.NewGray(image.Rect(0, 0, 128, 128))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(i * 7919 >> 3)
	}
	var pic bytes.Buffer
	png.Encode(&pic, noise)
	body, ctype := multipartUpload(pic.Bytes())
	// Cut in a part's header, and in the file's data.
	for _, cut := range []int{150, len(body) / 2} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		io.WriteString(conn, "POST "+view.ConvUploadPath+"?lang=en HTTP/1.1\r\nHost: x\r\nContent-Type: "+ctype+
			"\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n")
		conn.Write(body[:cut]) // and then nothing more
		conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		reply, _ := io.ReadAll(conn)
		if !bytes.HasPrefix(reply, []byte("HTTP/1.1 408")) || !bytes.Contains(reply, []byte("took longer than 10 seconds")) {
			t.Errorf("an upload stalled after %d of %d bytes got:\n%.400s", cut, len(body), reply)
		}
	}
}

// Per-input budgets of the upload fuzzer: the whole handler, body reading
// included, within the decode's own time budget for the picture's size
// plus fuzzUploadSlack, and within fuzzUploadAlloc beyond what the decoded
// picture itself needs (its pixels × 32 bytes: RGBA, NRGBA and the float32
// grey map). Without them the fuzzer cannot see a crafted progressive JPEG
// (2048×2048 of 3,000 scans: 25 s) or a body buffered over and over.
const (
	fuzzUploadSlack = 2 * time.Second
	fuzzUploadAlloc = 4 << 20
)

// FuzzUpload posts arbitrary bytes as the file of an upload: the handler
// never fails with 500, stays within its time and memory budget, and what
// it accepts fits the limits.
func FuzzUpload(f *testing.F) {
	for _, format := range []string{"png", "jpeg", "gif"} {
		f.Add(encodeTestImage(f, format, 9, 5))
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add(craftjpeg.Progressive(64, 48, 10))
	f.Add(craftjpeg.Progressive(2048, 2048, 3000)) // issue 18's attack, scaled down
	// One client sends every input: no per-client bound here.
	s, err := New(Config{Log: slog.New(slog.DiscardHandler), ClientInFlight: -1, ClientRate: -1})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		body, ctype := multipartUpload(data)
		req, _ := http.NewRequest(http.MethodPost, view.ConvUploadPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		t0 := time.Now()
		s.Handler().ServeHTTP(rec, req)
		took := time.Since(t0)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		var pixels uint64
		if format, ok := sniffUpload(data); ok {
			if cfg, err := format.config(bytes.NewReader(data)); err == nil && cfg.Width <= engine.MaxUploadSide && cfg.Height <= engine.MaxUploadSide {
				pixels = uint64(max(cfg.Width, 0)) * uint64(max(cfg.Height, 0))
			}
		}
		if budget := decodeBudget(int(pixels)) + fuzzUploadSlack; took > budget {
			t.Errorf("%d bytes took %s (budget %s)", len(data), took, budget)
		}
		if budget := fuzzUploadAlloc + 4*uint64(len(body)) + 32*pixels; alloc > budget {
			t.Errorf("%d bytes allocated %d (budget %d)", len(data), alloc, budget)
		}
		switch rec.Code {
		case http.StatusSeeOther, http.StatusBadRequest:
		default:
			t.Fatalf("%d bytes: status %d", len(data), rec.Code)
		}
	})
}
