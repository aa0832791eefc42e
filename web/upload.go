package web

import (
	"errors"
	"image"
	"image/draw"
	_ "image/gif" // the formats an upload may be in
	_ "image/jpeg"
	_ "image/png"
	"io"

	"nnplay/engine"
)

// errUploadBad is an upload that is not a PNG, JPEG or GIF we can read.
var errUploadBad = errors.New("upload: not a readable PNG, JPEG or GIF")

// errUploadHuge is a picture larger than engine.MaxUploadSide.
type errUploadHuge struct{ w, h int }

func (e *errUploadHuge) Error() string { return "upload: picture too large in pixels" }

// decodeUpload reads an uploaded picture and returns it grey, scaled down
// to fit engine.MaxImageSide, with its original size. The header's size is
// checked before anything is decoded, so a small file cannot claim a huge
// picture (a decompression bomb); the decode itself allocates at most
// MaxUploadSide² × 8 bytes, and callers hold a slot of admission, which
// bounds how many run at once.
func decodeUpload(r io.ReadSeeker) (engine.Map, [2]int, error) {
	cfg, _, err := image.DecodeConfig(r)
	if err != nil {
		return engine.Map{}, [2]int{}, errUploadBad
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > engine.MaxUploadSide || cfg.Height > engine.MaxUploadSide {
		return engine.Map{}, [2]int{}, &errUploadHuge{cfg.Width, cfg.Height}
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return engine.Map{}, [2]int{}, err
	}
	pic, _, err := image.Decode(r)
	if err != nil {
		return engine.Map{}, [2]int{}, errUploadBad
	}
	b := pic.Bounds()
	if b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return engine.Map{}, [2]int{}, errUploadBad // the header lied
	}
	nrgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(nrgba, nrgba.Bounds(), pic, b.Min, draw.Src)
	var gray, small engine.Map
	engine.GrayFromRGBA(&gray, nrgba.Pix, b.Dx(), b.Dy())
	w, h := engine.FitSize(gray.W, gray.H, engine.MaxImageSide)
	engine.DownscaleTo(&small, gray, w, h)
	return small, [2]int{b.Dx(), b.Dy()}, nil
}
