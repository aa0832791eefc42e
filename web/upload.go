package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/labstack/echo/v4"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/view"
)

// Upload errors, each with its own message on the page.
var (
	// errUploadBad is an upload that is not a PNG, JPEG or GIF we can read.
	errUploadBad = errors.New("upload: not a readable PNG, JPEG or GIF")
	// errUploadCostly is a picture whose decoding would take more work than
	// any ordinary picture of its size: a progressive JPEG of very many
	// scans, or a decode that outran its time budget.
	errUploadCostly = errors.New("upload: too costly to decode")
)

// errUploadHuge is a picture larger than engine.MaxUploadSide.
type errUploadHuge struct{ w, h int }

func (e *errUploadHuge) Error() string { return "upload: picture too large in pixels" }

// Bounds of the decoding work. Encoders write 1 scan (baseline) or about 10
// (progressive; libjpeg's and mozjpeg's defaults); every scan costs a pass
// over the whole picture, so a file of thousands of tiny scans costs
// seconds of CPU per 100 KB. The time budget catches whatever else is
// slow: a 4096×4096 picture decodes in about a second, and the budget
// leaves room for a machine under load.
const maxJPEGScans = 64

// decodeBudget is the time a picture of so many pixels may take to decode.
func decodeBudget(pixels int) time.Duration {
	return 5*time.Second + time.Duration(pixels)*time.Microsecond
}

// uploadFormat is one format the page names, decoded by its own package:
// never image.Decode, whose registry holds whatever any dependency
// registers (gonum/plot brings golang.org/x/image's TIFF and more).
type uploadFormat struct {
	name   string
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

var (
	pngFormat  = uploadFormat{"png", png.DecodeConfig, png.Decode}
	jpegFormat = uploadFormat{"jpeg", jpeg.DecodeConfig, jpeg.Decode}
	gifFormat  = uploadFormat{"gif", gif.DecodeConfig, gif.Decode} // the first frame
)

// sniffUpload picks the decoder by the file's magic bytes.
func sniffUpload(data []byte) (uploadFormat, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return pngFormat, true
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		return jpegFormat, true
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return gifFormat, true
	}
	return uploadFormat{}, false
}

// decodeUpload reads an uploaded picture and returns it grey, scaled down
// to fit engine.MaxImageSide, with its original size. The header's size is
// checked before anything is decoded, so a small file cannot claim a huge
// picture (a decompression bomb); a JPEG's scans are counted first; the
// decode reads under a time budget and stops when ctx is done (the client
// left). It allocates at most MaxUploadSide² × 12 bytes, and callers hold a
// slot of admission, which bounds how many run at once.
func decodeUpload(ctx context.Context, data []byte) (engine.Map, [2]int, error) {
	return decodeUploadWithin(ctx, data, decodeBudget)
}

func decodeUploadWithin(ctx context.Context, data []byte, budget func(pixels int) time.Duration) (engine.Map, [2]int, error) {
	format, ok := sniffUpload(data)
	if !ok {
		return engine.Map{}, [2]int{}, errUploadBad
	}
	cfg, err := format.config(bytes.NewReader(data))
	if err != nil {
		return engine.Map{}, [2]int{}, errUploadBad
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > engine.MaxUploadSide || cfg.Height > engine.MaxUploadSide {
		return engine.Map{}, [2]int{}, &errUploadHuge{cfg.Width, cfg.Height}
	}
	if format.name == "jpeg" && jpegScans(data) > maxJPEGScans {
		return engine.Map{}, [2]int{}, errUploadCostly
	}
	deadline := time.Now().Add(budget(cfg.Width * cfg.Height))
	pic, err := format.decode(&budgetReader{r: bytes.NewReader(data), ctx: ctx, deadline: deadline})
	switch {
	case errors.Is(err, errUploadCostly) || isContextErr(err):
		return engine.Map{}, [2]int{}, err
	case err != nil:
		return engine.Map{}, [2]int{}, errUploadBad
	}
	b := pic.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return engine.Map{}, [2]int{}, errUploadBad // the header lied
	}
	nrgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(nrgba, nrgba.Bounds(), pic, b.Min, draw.Src)
	pic = nil
	var gray, small engine.Map
	engine.GrayFromRGBA(&gray, nrgba.Pix, b.Dx(), b.Dy())
	w, h := engine.FitSize(gray.W, gray.H, engine.MaxImageSide)
	engine.DownscaleTo(&small, gray, w, h)
	return small, [2]int{b.Dx(), b.Dy()}, nil
}

// budgetReader hands a decoder its input in small pieces and fails once
// the deadline passes or ctx is done, so a decoder that spends long
// between reads (a scan's pass over the picture) is stopped within a few
// passes.
type budgetReader struct {
	r        io.Reader
	ctx      context.Context
	deadline time.Time
}

func (b *budgetReader) Read(p []byte) (int, error) {
	if err := b.ctx.Err(); err != nil {
		return 0, err
	}
	if time.Now().After(b.deadline) {
		return 0, errUploadCostly
	}
	return b.r.Read(p[:min(len(p), 512)])
}

// jpegScans counts a JPEG's scans (SOS markers) by walking its segments and
// skipping entropy-coded data, as a decoder would meet them.
func jpegScans(b []byte) int {
	n := 0
	for i := 2; i+1 < len(b); {
		if b[i] != 0xff {
			i++ // entropy-coded data
			continue
		}
		m := b[i+1]
		switch {
		case m == 0xff: // fill byte
			i++
			continue
		case m == 0x00 || m >= 0xd0 && m <= 0xd7: // stuffed 0xff, restart
			i += 2
			continue
		case m == 0xd9: // end of image
			return n
		}
		if i+3 >= len(b) {
			break
		}
		if m == 0xda {
			n++
		}
		i += 2 + int(b[i+2])<<8 | int(b[i+3])
	}
	return n
}

// maxUploadBody bounds an upload's request body: the file and the form.
const maxUploadBody = view.MaxUploadMB<<20 + 64<<10

// maxStateField bounds the form's state field (a link's query).
const maxStateField = state.MaxQueryBytes + 1024

// convUpload takes a picture from the no-JavaScript form. The body is
// refused cheaply before it is read when it is too large or when every
// upload slot is busy; otherwise it is streamed within its bound, then
// decoded with Go's image packages under admission (see decodeUpload),
// made grey and scaled down to fit 256×256 by the engine, fitted to a
// link, and the browser is sent (303) to that link. The rest of the state
// comes from the page's own link.
func (s *Server) convUpload(c echo.Context) error {
	req := c.Request()
	lang := negotiate(linkLang(c), req.Header.Get("Accept-Language"))
	cs := state.DefaultConv()
	fail := func(status int, msg string, err error) error {
		p := view.Conv(cs, lang, false)
		p.Errors = []view.FieldError{{Field: "f-file", Key: "file", Message: msg}}
		s.decorate(c, &p.Page)
		return &pageError{page: templates.Conv(p), err: err, status: status,
			json: apiError{Status: status, Error: msg}}
	}
	m := i18n.For(lang)
	if req.ContentLength > maxUploadBody {
		c.Response().Header().Set(echo.HeaderConnection, "close") // the body is not read
		return fail(http.StatusRequestEntityTooLarge, fmt.Sprintf(m.Conv.UploadBig, view.MaxUploadMB), errors.New("upload too large"))
	}
	ctx := req.Context()
	if err := s.uploads.acquire(ctx); err != nil {
		if errors.Is(err, errBusy) {
			// The page goes out first; then the body is read into nothing
			// (no memory, within the read timeout), so the client sees the
			// page rather than a connection reset mid-upload.
			h := c.Response().Header()
			h.Set(echo.HeaderConnection, "close")
			h.Set("Retry-After", "5")
			s.handleError(fail(http.StatusServiceUnavailable, m.Conv.UploadBusy, err), c)
			http.NewResponseController(c.Response()).Flush()
			io.Copy(io.Discard, http.MaxBytesReader(nil, req.Body, maxUploadBody))
			return nil
		}
		return err
	}
	defer s.uploads.release()

	body := &readErrorKeeper{r: http.MaxBytesReader(c.Response(), req.Body, maxUploadBody)}
	req.Body = body
	form, file, err := readUploadForm(req)
	if body.err != nil {
		err = body.err // mime/multipart may report a cut header as malformed
	}
	if q, qerr := state.ParseQuery(form); qerr == nil {
		if st, derr := state.DecodeConv(q); derr == nil {
			cs = st
		}
	}
	if cs.Lang != "" {
		lang = cs.Lang
		m = i18n.For(lang)
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || errors.Is(err, errFileTooBig):
		return fail(http.StatusRequestEntityTooLarge, fmt.Sprintf(m.Conv.UploadBig, view.MaxUploadMB), errors.New("upload too large"))
	case isTimeout(err):
		c.Response().Header().Set(echo.HeaderConnection, "close")
		return fail(http.StatusRequestTimeout, m.Conv.UploadSlow, err)
	case isContextErr(err):
		return err
	case err != nil || len(file) == 0:
		return fail(http.StatusBadRequest, m.Conv.UploadNone, err)
	}
	var small engine.Map
	var orig [2]int
	err = s.admitted(ctx, func(ctx context.Context) error {
		var err error
		small, orig, err = decodeUpload(ctx, file)
		return err
	})
	var huge *errUploadHuge
	switch {
	case errors.As(err, &huge):
		return fail(http.StatusBadRequest, fmt.Sprintf(m.Conv.UploadHuge, huge.w, huge.h, engine.MaxUploadSide), err)
	case errors.Is(err, errUploadBad):
		return fail(http.StatusBadRequest, m.Conv.UploadBad, err)
	case errors.Is(err, errUploadCostly):
		return fail(http.StatusBadRequest, m.Conv.UploadCostly, err)
	case err != nil:
		return err // busy (503) or the client left
	}
	cs.SetPicture(small, orig)
	cs.FitLink()
	return c.Redirect(http.StatusSeeOther, view.Link(view.ConvPath, cs.Encode()))
}

var errFileTooBig = errors.New("upload: file larger than allowed")

// readUploadForm streams the multipart body: the state field (bounded) and
// the file (at most MaxUploadMB), nothing buffered on disk or twice.
func readUploadForm(req *http.Request) (stateQuery string, file []byte, err error) {
	mr, err := req.MultipartReader()
	if err != nil {
		return "", nil, err
	}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return stateQuery, file, nil
		}
		if err != nil {
			return stateQuery, nil, err
		}
		switch part.FormName() {
		case "state":
			b, err := readBounded(part, maxStateField, 0)
			if err != nil {
				return "", nil, err
			}
			stateQuery = string(b)
		case "file":
			file, err = readBounded(part, view.MaxUploadMB<<20, req.ContentLength)
			if err != nil {
				return stateQuery, nil, err
			}
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return stateQuery, nil, err
			}
		}
		part.Close()
	}
}

// readBounded reads r to its end, at most limit bytes (errFileTooBig past
// them); sizeHint, the body's declared length, sizes the buffer once.
func readBounded(r *multipart.Part, limit int, sizeHint int64) ([]byte, error) {
	var b bytes.Buffer
	if sizeHint > 0 {
		b.Grow(int(min(sizeHint, int64(limit)+1)))
	}
	n, err := b.ReadFrom(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if n > int64(limit) {
		return nil, errFileTooBig
	}
	return b.Bytes(), nil
}

// readErrorKeeper keeps the first error of the body's reads other than
// io.EOF: what cut the body off, whatever the parser made of it.
type readErrorKeeper struct {
	r   io.ReadCloser
	err error
}

func (k *readErrorKeeper) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if err != nil && err != io.EOF && k.err == nil {
		k.err = err
	}
	return n, err
}

func (k *readErrorKeeper) Close() error { return k.r.Close() }

// isTimeout reports a read cut off by the server's read timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}
