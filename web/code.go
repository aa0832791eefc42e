package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nnplay/web/pycode"
)

// codeRoutes adds each page's program, /PAGE.py and /PAGE.ipynb, for the
// state in the query string.
func (s *Server) codeRoutes() {
	for _, p := range []struct {
		name    string
		program func(c echo.Context) (*pycode.Program, error)
	}{
		{"neuron", s.neuronProgram},
		{"conv", s.convProgram},
		{"network", s.networkProgram},
	} {
		s.echo.GET("/"+p.name+".py", func(c echo.Context) error {
			prog, err := p.program(c)
			if err != nil {
				return err
			}
			return sendDownload(c, "text/x-python; charset=utf-8", p.name+".py", []byte(prog.Python()))
		})
		s.echo.GET("/"+p.name+".ipynb", func(c echo.Context) error {
			prog, err := p.program(c)
			if err != nil {
				return err
			}
			return sendDownload(c, "application/x-ipynb+json", p.name+".ipynb", prog.Notebook())
		})
	}
}

// sendDownload sends body as a file to save, with its name.
func sendDownload(c echo.Context, ctype, name string, body []byte) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return send(c, http.StatusOK, ctype, body)
}

func (s *Server) neuronProgram(c echo.Context) (*pycode.Program, error) {
	n, lang, err := s.neuronState(c)
	if err != nil {
		return nil, err
	}
	varyLang(c, n.Lang == "")
	return pycode.Neuron(n, lang), nil
}

func (s *Server) convProgram(c echo.Context) (*pycode.Program, error) {
	cs, lang, err := s.convState(c)
	if err != nil {
		return nil, err
	}
	varyLang(c, cs.Lang == "")
	return pycode.Conv(cs, lang), nil
}

func (s *Server) networkProgram(c echo.Context) (*pycode.Program, error) {
	n, lang, err := s.networkState(c)
	if err != nil {
		return nil, err
	}
	varyLang(c, n.Lang == "")
	return pycode.Network(n, lang), nil
}
