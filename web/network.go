package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nnplay/engine"
	"nnplay/web/chart"
	"nnplay/web/i18n"
	"nnplay/web/netrun"
	"nnplay/web/state"
	"nnplay/web/templates"
	"nnplay/web/view"
)

// networkRoutes adds the /network page and its resources. Everything a
// state shows is one replay of its link (state.MaxReplayCost bounds it),
// made once and cached as a snapshot that the page, its images and its
// exports share; each rendered response is cached too (s.expensive).
func (s *Server) networkRoutes() {
	e := s.echo
	e.GET(view.NetworkPath, s.network)
	e.GET(view.NetworkPreviewPath, s.networkPreview)
	e.GET(view.NetworkBoundarySVGPath, s.networkBoundary)
	e.GET(view.NetworkBoundaryPNGPath, s.networkBoundary)
	e.GET(view.NetworkLossSVGPath, s.networkLoss)
	e.GET(view.NetworkLossPNGPath, s.networkLoss)
	e.GET(view.NetworkWeightsPath, s.networkWeights)
	e.GET(view.NetworkAPIPath, s.networkWeights)
	e.GET(view.NetworkDataPath, s.networkCSV)
	e.GET(view.NetworkHistoryPath, s.networkCSV)
	e.GET(view.NetworkDatasetPrefix+":file", s.networkDatasetThumb)
	e.GET(view.NetworkFeaturePrefix+":file", s.networkFeatureThumb)
}

// networkState decodes the request's /network link. A bad link becomes a
// *pageError: the page with the form as given and the errors marked.
func (s *Server) networkState(c echo.Context) (state.Network, i18n.Lang, error) {
	return decodeLink(s, c, state.DecodeNetwork, func(n state.Network) i18n.Lang { return n.Lang },
		func(q url.Values, err error, lang i18n.Lang) (*view.Page, []view.FieldError, templ.Component) {
			p := view.NetworkInvalid(q, err, lang)
			return &p.Page, p.Errors, templates.Network(p)
		})
}

// networkResource decodes a resource's link and redirects a link that is
// not canonical to its canonical form, so the cache holds one entry per
// state. Actions (op) are the page's; a resource shows the state as it is.
func (s *Server) networkResource(c echo.Context) (state.Network, i18n.Lang, bool, error) {
	n, lang, err := s.networkState(c)
	if err != nil {
		return n, lang, true, err
	}
	n.Advance, n.Regenerate = 0, false
	if redirected, err := canonical(c, c.Request().URL.Path, n.Encode()); redirected {
		return n, lang, true, err
	}
	varyLang(c, n.Lang == "")
	return n, lang, false, nil
}

func (s *Server) network(c echo.Context) error {
	n, lang, err := s.networkState(c)
	if err != nil {
		return err
	}
	if n.Regenerate {
		n.Reseed(rand.Uint64N(state.MaxSeed + 1))
	}
	if n.Advance > 0 {
		if err := s.advance(c.Request().Context(), &n); err != nil {
			return err
		}
	}
	if redirected, err := canonical(c, view.NetworkPath, n.Encode()); redirected {
		return err
	}
	varyLang(c, n.Lang == "")
	// The replay takes a slot of admission; rendering a page from it is
	// cheap and does not.
	return s.cached(c, string(lang)+"@"+s.base(c), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		p := view.Network(run, lang, view.NetworkOptions{Image: chart.HeatDataURI})
		s.decorate(c, &p.Page)
		var b bytes.Buffer
		if err := templates.Network(p).Render(ctx, &b); err != nil {
			return "", nil, err
		}
		return echo.MIMETextHTMLCharsetUTF8, b.Bytes(), nil
	})
}

// base is the site's absolute URL as the page will show it: configured,
// never the request's Host (see decorate).
func (s *Server) base(echo.Context) string { return s.cfg.PublicURL }

// advance trains n.Advance more epochs from n's epoch on the server, by the
// stopping rules and within the replay bound, as the no-JavaScript form's
// training buttons ask.
func (s *Server) advance(ctx context.Context, n *state.Network) error {
	return s.admitted(ctx, func(ctx context.Context) error {
		run, err := netrun.Advance(ctx, n)
		if err != nil {
			return err
		}
		// The page this redirects to shows this very run: keep it, so the
		// next request does not replay it again (a played run and its
		// replayed link agree to the bit: netrun's TestLivePlayReplays).
		// (Not a run that diverged: its link replays to a run that did not.)
		if !run.Diverged() {
			s.putSnapshot(n.ReplayQuery(), run.Snapshot())
		}
		return nil
	})
}

// netRun returns the run of n at its epoch, from the snapshot cache or a
// replay.
func (s *Server) netRun(ctx context.Context, n state.Network) (*netrun.Run, error) {
	snap, err := s.snapshot(ctx, n)
	if err != nil {
		return nil, err
	}
	return netrun.Restore(n, snap)
}

// snapshot replays n's link, under admission (unless the request already
// holds a slot) and once for concurrent requests, and caches the result
// by the link's replay query: the states that differ only in how they are
// shown share it.
func (s *Server) snapshot(ctx context.Context, n state.Network) (*netrun.Snapshot, error) {
	key := "replay:" + n.ReplayQuery()
	if _, body, ok := s.cache.get(key); ok {
		snap := &netrun.Snapshot{}
		if err := snap.UnmarshalBinary(body); err == nil {
			return snap, nil
		}
	}
	v, err := s.flight.do(ctx, key, func() (any, error) {
		var snap *netrun.Snapshot
		err := s.admitted(ctx, func(ctx context.Context) error {
			run, err := netrun.Replay(ctx, n)
			if err != nil {
				return err
			}
			snap = run.Snapshot()
			return nil
		})
		if err != nil {
			return nil, err
		}
		s.putSnapshot(n.ReplayQuery(), snap)
		return snap, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*netrun.Snapshot), nil
}

// putSnapshot caches the snapshot of a link's replay by its replay query.
func (s *Server) putSnapshot(replayQuery string, snap *netrun.Snapshot) {
	b, _ := snap.MarshalBinary() // it cannot fail
	s.cache.put("replay:"+replayQuery, "application/octet-stream", b)
}

// boundaryOf describes a run's decision-boundary chart.
func boundaryOf(run *netrun.Run, m *i18n.Messages) *chart.Boundary {
	n, _ := view.HeatGrid(run.S.Params())
	b := &chart.Boundary{N: n, Discrete: run.S.Discrete, Labels: run.S.Labels()}
	if run.P != nil {
		b.Cells = run.P.BoundaryTo(nil, n)[:n*n] // the output; the hidden neurons follow
		b.Train = run.P.TrainPoints()
		if run.S.ShowTest || run.S.Data == state.OwnData {
			b.Test = run.P.TestPoints()
		}
	} else {
		b.Cells = make([]byte, n*n)
		for i := range b.Cells {
			b.Cells[i] = engine.HeatmapZero
		}
		b.Train = run.S.Points
	}
	b.Title = m.Network.Epoch + " " + strconv.Itoa(run.S.Epoch)
	return b
}

// networkBoundary is the decision boundary with the points and axes, as
// SVG or PNG.
func (s *Server) networkBoundary(c echo.Context) error {
	n, lang, done, err := s.networkResource(c)
	if done {
		return err
	}
	f, ctype := chartFormat(c)
	return s.expensive(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		var b bytes.Buffer
		err = chart.DrawBoundary(&b, boundaryOf(run, i18n.For(lang)), 480, f)
		return ctype, b.Bytes(), err
	})
}

// networkLoss is the loss chart, as SVG or PNG.
func (s *Server) networkLoss(c echo.Context) error {
	n, lang, done, err := s.networkResource(c)
	if done {
		return err
	}
	f, ctype := chartFormat(c)
	return s.expensive(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		p := view.Network(run, lang, view.NetworkOptions{NoHeat: true})
		var b bytes.Buffer
		err = chart.Draw(&b, &p.Result.Loss, f)
		return ctype, b.Bytes(), err
	})
}

// networkPreview is the link preview (og:image): the boundary with the
// points beside the loss chart, 1200×630.
func (s *Server) networkPreview(c echo.Context) error {
	n, lang, done, err := s.networkResource(c)
	if done {
		return err
	}
	return s.expensive(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		p := view.Network(run, lang, view.NetworkOptions{NoHeat: true})
		loss := p.Result.Loss
		loss.Width, loss.Height = 600-315, 315
		loss.Title = p.M.Network.TestLoss + " " + p.Result.Metrics[1].Text
		var b bytes.Buffer
		err = chart.NetworkPreview(&b, boundaryOf(run, p.M), &loss)
		return "image/png", b.Bytes(), err
	})
}

// networkWeights is the trained network as JSON (also /api/network).
func (s *Server) networkWeights(c echo.Context) error {
	n, lang, done, err := s.networkResource(c)
	if done {
		return err
	}
	if c.Path() == view.NetworkWeightsPath {
		c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="network-weights.json"`)
	}
	return s.cached(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		body, err := json.MarshalIndent(view.NetworkData(run), "", "  ")
		return echo.MIMEApplicationJSON, append(body, '\n'), err
	})
}

// networkCSV is the points with the network's output, or the loss
// history, as CSV.
func (s *Server) networkCSV(c echo.Context) error {
	n, lang, done, err := s.networkResource(c)
	if done {
		return err
	}
	history := c.Path() == view.NetworkHistoryPath
	name := "network-data.csv"
	if history {
		name = "network-history.csv"
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	return s.cached(c, string(lang), func(ctx context.Context) (string, []byte, error) {
		run, err := s.netRun(ctx, n)
		if err != nil {
			return "", nil, err
		}
		rows := view.NetworkCSV(run)
		if history {
			rows = view.HistoryCSV(run)
		}
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		err = w.WriteAll(rows)
		return "text/csv; charset=utf-8", b.Bytes(), err
	})
}

// thumbCache is how long a thumbnail may be cached: it depends on nothing
// but the release.
const thumbCache = "public, max-age=86400"

// networkDatasetThumb is a dataset's thumbnail (its points at seed 1, no
// noise), or a few points for one's own; they are drawn once.
func (s *Server) networkDatasetThumb(c echo.Context) error {
	return s.thumb(c, "dataset/", c.Param("file"))
}

// networkFeatureThumb is a feature's heatmap over the plane.
func (s *Server) networkFeatureThumb(c echo.Context) error {
	return s.thumb(c, "feature/", c.Param("file"))
}

func (s *Server) thumb(c echo.Context, kind, file string) error {
	thumbsOnce.Do(makeThumbs)
	png, ok := thumbs[kind+file]
	if !ok {
		return echo.ErrNotFound
	}
	c.Response().Header().Set("Cache-Control", thumbCache)
	return send(c, http.StatusOK, "image/png", png)
}

var (
	thumbsOnce sync.Once
	thumbs     map[string][]byte
)

// makeThumbs draws every dataset's and feature's thumbnail (a few ms).
func makeThumbs() {
	thumbs = map[string][]byte{}
	for _, name := range state.DataNames() {
		var pts []engine.Point
		labels := state.OwnLabels
		if d, ok := engine.DatasetByName(name); ok {
			pts, labels = d.Generate(rand.New(rand.NewPCG(1, 1)), d.Size(), 0), d.Labels()
		} else {
			for _, p := range [][3]float64{{-3, 2, 1}, {-1.5, 3.5, 1}, {2, 2.5, -1}, {3.5, 0.5, -1}, {0, -2, 1}, {-3, -3, -1}, {2.5, -3.5, 1}} {
				pts = append(pts, engine.Point{X: p[0], Y: p[1], Label: p[2]})
			}
		}
		var b bytes.Buffer
		if chart.DatasetThumb(&b, pts, labels, 96) == nil {
			thumbs["dataset/"+name+".png"] = b.Bytes()
		}
	}
	for _, f := range engine.Features() {
		var b bytes.Buffer
		if chart.FeatureThumb(&b, f, 40) == nil {
			thumbs["feature/"+f.Name()+".png"] = b.Bytes()
		}
	}
}

// chartFormat picks a chart's format from its path's extension (.svg or
// .png); an SVG gets the CSP for SVG documents.
func chartFormat(c echo.Context) (chart.Format, string) {
	if strings.HasSuffix(c.Path(), ".png") {
		return chart.PNG, "image/png"
	}
	c.Response().Header().Set("Content-Security-Policy", svgCSP)
	return chart.SVG, "image/svg+xml"
}
