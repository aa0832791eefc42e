package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nnplay/web/chart"
	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/view"
)

// neuronRoutes adds the /neuron page and its resources.
func (s *Server) neuronRoutes() {
	s.echo.GET(view.NeuronPath, s.neuron)
	s.echo.GET(view.NeuronCSVPath, s.neuronCSV)
	s.echo.GET(view.NeuronCurvePath, s.neuronChart)
	s.echo.GET(view.NeuronComparePath, s.neuronChart)
	s.echo.GET(view.NeuronPreviewPath, s.neuronPreview)
	s.echo.GET("/api/neuron", s.neuronAPI)
}

// neuronState decodes the request's /neuron link. A bad link becomes a
// *pageError: the page with the form as given and the errors marked.
func (s *Server) neuronState(c echo.Context) (state.Neuron, i18n.Lang, error) {
	return decodeLink(s, c, state.DecodeNeuron, func(n state.Neuron) i18n.Lang { return n.Lang },
		func(q url.Values, err error, lang i18n.Lang) (*view.Page, []view.FieldError, templ.Component) {
			p := view.NeuronInvalid(q, err, lang)
			return &p.Page, p.Errors, templates.Neuron(p)
		})
}

func (s *Server) neuron(c echo.Context) error {
	n, lang, err := s.neuronState(c)
	if err != nil {
		return err
	}
	if redirected, err := canonical(c, view.NeuronPath, n.Encode()); redirected {
		return err
	}
	p := view.Neuron(n, lang)
	s.decorate(c, &p.Page)
	varyLang(c, n.Lang == "")
	return render(c, http.StatusOK, templates.Neuron(p))
}

// neuronChart draws the activation curve or the comparison as SVG.
func (s *Server) neuronChart(c echo.Context) error {
	n, lang, err := s.neuronState(c)
	if err != nil {
		return err
	}
	r := view.Neuron(n, lang).Result
	lc := &r.Curve
	if c.Path() == view.NeuronComparePath {
		lc = &r.Compare
	}
	var b bytes.Buffer
	if err := chart.Draw(&b, lc, chart.SVG); err != nil {
		return err
	}
	c.Response().Header().Set("Content-Security-Policy", svgCSP)
	varyLang(c, n.Lang == "")
	return sendBuffer(c, "image/svg+xml", &b)
}

// neuronPreview is the link preview (og:image): the curve with the
// neuron's point, as a 1200×630 PNG.
func (s *Server) neuronPreview(c echo.Context) error {
	n, lang, err := s.neuronState(c)
	if err != nil {
		return err
	}
	varyLang(c, n.Lang == "")
	return s.expensive(c, string(lang), func(context.Context) (string, []byte, error) {
		curve := view.Neuron(n, lang).Result.Curve
		curve.Width, curve.Height = 600, 315
		var b bytes.Buffer
		err := chart.Preview(&b, &curve)
		return "image/png", b.Bytes(), err
	})
}

// neuronCSV is the batch (or the single input) with z and f(z).
func (s *Server) neuronCSV(c echo.Context) error {
	n, _, err := s.neuronState(c)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(view.NeuronCSV(n)); err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="neuron.csv"`)
	return sendBuffer(c, "text/csv; charset=utf-8", &b)
}

func (s *Server) neuronAPI(c echo.Context) error {
	n, _, err := s.neuronState(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, view.NeuronData(n))
}
