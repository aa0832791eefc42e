package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nnplay/web/i18n"
	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/textf"
	"nnplay/web/view"
)

// pageError is a bad link: the page's own form with the errors marked,
// shown with status 400 so the user can fix the values in place.
type pageError struct {
	page   templ.Component
	err    error // state.Errors
	json   any   // what /api/ answers instead
	status int   // 0 means 400
}

func (e *pageError) Error() string { return e.err.Error() }
func (e *pageError) Unwrap() error { return e.err }

// apiError is the JSON body of an error under /api/.
type apiError struct {
	Status int               `json:"status"`
	Error  string            `json:"error"`
	Fields []view.FieldError `json:"fields,omitempty"`
}

// handleError is the one place that turns errors into responses: a bad
// link's page with 400, an HTTPError's page or JSON, and for anything else
// a 500 that is logged with the request and never shows internals.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	req := c.Request()
	if errors.Is(err, context.Canceled) {
		// The client went away, and the work it started has stopped;
		// nobody is there to answer.
		s.log.Info("request canceled by the client", "uri", req.RequestURI)
		return
	}
	lang := negotiate(linkLang(c), req.Header.Get("Accept-Language"))
	m := i18n.For(lang)
	api := strings.HasPrefix(req.URL.Path, "/api/")

	var pe *pageError
	if errors.As(err, &pe) {
		status := pe.status
		if status == 0 {
			status = http.StatusBadRequest
		}
		if api {
			err = c.JSON(status, pe.json)
		} else {
			err = render(c, status, pe.page)
		}
		if err != nil {
			s.log.Error("writing an error response", "err", err)
		}
		return
	}

	status := http.StatusInternalServerError
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
	}
	if status >= 500 {
		s.log.Error("request failed", "method", req.Method, "uri", req.RequestURI, "err", err)
	}
	title, text := errorText(m, status)
	if status == http.StatusServiceUnavailable {
		c.Response().Header().Set("Retry-After", "5")
	}
	if api {
		err = c.JSON(status, apiError{Status: status, Error: title + ": " + text})
	} else {
		pg := view.Error(lang, status, title, text)
		s.decorate(c, &pg.Page)
		err = render(c, status, templates.Error(pg))
	}
	if err != nil {
		s.log.Error("writing an error response", "err", err)
	}
}

// errorText returns an error page's heading and text in m's language.
func errorText(m *i18n.Messages, status int) (string, string) {
	e := &m.Errors
	switch status {
	case http.StatusNotFound:
		return e.NotFoundTitle, e.NotFoundText
	case http.StatusMethodNotAllowed:
		return e.MethodTitle, e.MethodText
	case http.StatusRequestURITooLong:
		return e.TooLongTitle, textf.Sprintf(e.TooLongText, state.MaxQueryBytes)
	case http.StatusRequestEntityTooLarge:
		return e.TooLargeTitle, e.TooLargeText
	case http.StatusServiceUnavailable:
		return e.UnavailableTitle, e.UnavailableText
	case http.StatusBadRequest:
		return e.BadRequestTitle, e.BadRequestLead
	}
	if status >= 500 {
		return e.InternalTitle, e.InternalText
	}
	return http.StatusText(status), http.StatusText(status)
}

// linkLang returns the language a link asks for, if it is a supported one.
// Any other part of a damaged link is ignored here: the page reports it.
func linkLang(c echo.Context) i18n.Lang {
	q, err := state.ParseQuery(c.QueryString())
	if err != nil {
		return ""
	}
	l, _ := i18n.Parse(q.Get("lang"))
	return l
}

// decodeLink decodes the request's link with decode and picks the
// language: the link's, else the browser's. A bad link becomes a
// *pageError: the page that invalid builds, with the form as given and the
// errors marked (or, under /api/, the errors as JSON).
func decodeLink[T any](s *Server, c echo.Context, decode func(url.Values) (T, error), linkLangOf func(T) i18n.Lang,
	invalid func(q url.Values, err error, lang i18n.Lang) (*view.Page, []view.FieldError, templ.Component)) (T, i18n.Lang, error) {
	accept := c.Request().Header.Get("Accept-Language")
	q, err := state.ParseQuery(c.QueryString())
	if err == nil {
		var v T
		if v, err = decode(q); err == nil {
			return v, negotiate(linkLangOf(v), accept), nil
		}
	} else {
		q = url.Values{}
	}
	lang := negotiate(linkLang(c), accept)
	// The form shows the link's values, escaped where they are not UTF-8.
	page, errs, comp := invalid(view.ValidUTF8Values(q), err, lang)
	s.decorate(c, page)
	var zero T
	return zero, lang, &pageError{
		page: comp, err: err,
		json: apiError{Status: http.StatusBadRequest, Error: page.M.Errors.BadRequestTitle, Fields: errs},
	}
}
