package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/view"
)

func (s *Server) home(c echo.Context) error {
	q, err := state.ParseQuery(c.QueryString())
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	h, err := state.DecodeHome(q)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest).SetInternal(err)
	}
	if redirected, err := canonical(c, "/", h.Encode()); redirected {
		return err
	}
	p := view.Home(h, negotiate(h.Lang, c.Request().Header.Get("Accept-Language")))
	s.decorate(c, &p.Page)
	varyLang(c, h.Lang == "")
	return render(c, http.StatusOK, templates.Home(p))
}

// canonical redirects to the canonical link of the state when the request
// is not already it (a form submission, parameter order, defaults spelt
// out, an op applied), so one state has one URL.
func canonical(c echo.Context, path, query string) (bool, error) {
	if c.QueryString() == query {
		return false, nil
	}
	return true, c.Redirect(http.StatusFound, view.Link(path, query))
}

// varyLang marks a response that depends on Accept-Language.
func varyLang(c echo.Context, negotiated bool) {
	if negotiated {
		c.Response().Header().Add(echo.HeaderVary, "Accept-Language")
	}
}
