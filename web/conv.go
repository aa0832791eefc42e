package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/view"
)

// convRoutes adds the /conv page and its resources.
func (s *Server) convRoutes() {
	s.echo.GET(view.ConvPath, s.conv)
	s.echo.GET(view.ConvMapPath+":file", s.convMap)
	s.echo.GET(view.ConvPreviewPath, s.convPreview)
	s.echo.POST(view.ConvUploadPath, s.convUpload)
}

// convState decodes the request's /conv link. A bad link becomes a
// *pageError: the page with the form as given and the errors marked.
func (s *Server) convState(c echo.Context) (state.Conv, i18n.Lang, error) {
	return decodeLink(s, c, state.DecodeConv, func(cs state.Conv) i18n.Lang { return cs.Lang },
		func(q url.Values, err error, lang i18n.Lang) (*view.Page, []view.FieldError, templ.Component) {
			p := view.ConvInvalid(q, err, lang)
			return &p.Page, p.Errors, templates.Conv(p)
		})
}

func (s *Server) conv(c echo.Context) error {
	cs, lang, err := s.convState(c)
	if err != nil {
		return err
	}
	if redirected, err := canonical(c, view.ConvPath, cs.Encode()); redirected {
		return err
	}
	varyLang(c, cs.Lang == "")
	// A drawing's page costs its convolutions: rendered once per link
	// under admission, then served from the cache.
	return s.cached(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		p := view.Conv(cs, lang, false)
		s.decorate(c, &p.Page)
		var b bytes.Buffer
		err := templates.Conv(p).Render(ctx, &b)
		return echo.MIMETextHTMLCharsetUTF8, b.Bytes(), err
	})
}

// convMap serves one map of the state as a PNG (the grey levels the page
// shows) or as CSV (the exact values): /conv/map/fm-1.png?….
func (s *Server) convMap(c echo.Context) error {
	file := c.Param("file")
	key, ext, _ := strings.Cut(file, ".")
	if ext != "png" && ext != "csv" {
		return echo.ErrNotFound
	}
	cs, lang, err := s.convState(c)
	if err != nil {
		return err
	}
	r := view.Conv(cs, lang, true).Result
	mv, ok := r.Map(key)
	if !ok || mv.W*mv.H == 0 {
		return echo.ErrNotFound
	}
	var b bytes.Buffer
	if ext == "csv" {
		rows, _ := view.ConvCSV(r, key)
		if err := csv.NewWriter(&b).WriteAll(rows); err != nil {
			return err
		}
		c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+key+`.csv"`)
		return sendBuffer(c, "text/csv; charset=utf-8", &b)
	}
	img := &image.Gray{Pix: mv.Grays(), Stride: mv.W, Rect: image.Rect(0, 0, mv.W, mv.H)}
	if err := png.Encode(&b, img); err != nil {
		return err
	}
	return sendBuffer(c, "image/png", &b)
}

// convPreview is the link preview (og:image): the input and the selected
// feature map side by side, 1200×630.
func (s *Server) convPreview(c echo.Context) error {
	cs, lang, err := s.convState(c)
	if err != nil {
		return err
	}
	varyLang(c, cs.Lang == "")
	return s.expensive(c, string(lang), func(context.Context) (string, []byte, error) {
		r := view.Conv(cs, lang, true).Result
		var b bytes.Buffer
		err := png.Encode(&b, previewImage(r))
		return "image/png", b.Bytes(), err
	})
}

// previewImage lays out the input and the selected feature map, each
// scaled up by whole pixels (nearest neighbour) into a 540×540 box, on a
// white 1200×630 card with an arrow between them.
func previewImage(r *view.ConvResult) *image.Gray {
	const w, h, box = 1200, 630, 540
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	place := func(mv view.MapView, x0 int) {
		if mv.W*mv.H == 0 {
			return
		}
		levels := mv.Grays()
		zoom := max(1, min(box/mv.W, box/mv.H))
		if mv.W > box || mv.H > box {
			zoom = 1
		}
		ox, oy := x0+(box-mv.W*zoom)/2, (h-mv.H*zoom)/2
		for y := range mv.H * zoom {
			for x := range mv.W * zoom {
				if ox+x < w && oy+y < h {
					img.Pix[(oy+y)*img.Stride+ox+x] = levels[(y/zoom)*mv.W+x/zoom]
				}
			}
		}
	}
	place(r.In, 30)
	sel, _ := r.Map(fmt.Sprintf("fm-%d", r.Selected()+1))
	place(sel, w-30-box)
	for x := 585; x < 615; x++ { // the arrow's shaft and head
		for y := h/2 - 2; y <= h/2+2; y++ {
			img.Pix[y*img.Stride+x] = 40
		}
	}
	for d := range 12 {
		for y := h/2 - 12 + d; y <= h/2+12-d; y++ {
			img.Pix[y*img.Stride+603+d] = 40
		}
	}
	return img
}
