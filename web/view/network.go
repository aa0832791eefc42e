package view

import (
	"math"
	"math/rand/v2"
	"net/url"
	"nnplay/web/textf"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/livechart"
	"nnplay/web/state"
)

// Paths of the network page and its resources, all for the state in the
// query string.
const (
	NetworkPath            = "/network"
	NetworkPreviewPath     = "/network/preview.png"
	NetworkWeightsPath     = "/network/weights.json"
	NetworkDataPath        = "/network/data.csv"
	NetworkHistoryPath     = "/network/history.csv"
	NetworkBoundarySVGPath = "/network/boundary.svg"
	NetworkBoundaryPNGPath = "/network/boundary.png"
	NetworkLossSVGPath     = "/network/loss.svg"
	NetworkLossPNGPath     = "/network/loss.png"
	NetworkAPIPath         = "/api/network"
	// The thumbnails of the datasets and the features do not depend on
	// the state: /network/dataset/circle.png, /network/feature/x1sq.png.
	NetworkDatasetPrefix = "/network/dataset/"
	NetworkFeaturePrefix = "/network/feature/"
)

// DatasetThumbURL returns the thumbnail of a data token.
func DatasetThumbURL(name string) string { return NetworkDatasetPrefix + name + ".png" }

// FeatureThumbURL returns the heatmap of a feature token.
func FeatureThumbURL(name string) string { return NetworkFeaturePrefix + name + ".png" }

// The choices the selects offer (TensorFlow Playground's lists); a link
// may hold any value within the limits, which is added to the list.
var (
	LearningRates = []float64{0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10}
	RegRates      = []float64{0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10}
)

// NetworkPage is the /network page.
type NetworkPage struct {
	Page
	S      *state.Network // nil when the link has errors
	Form   NetworkForm
	Errors []FieldError
	Result *NetworkResult
}

// NetworkForm is the form's content, ready for the template.
type NetworkForm struct {
	Data                []ThumbOption
	Own                 bool
	Noise, Split, Seed  string
	Features            []ThumbOption
	Hidden              string
	Layers              []LayerRow // MaxHiddenLayers rows; the first NLayers are active
	NLayers             int
	LayersText          string
	CanAddLayer         bool
	CanDelLayer         bool
	Acts, Outs          []Option
	LRs, Regs, RegRates []Option
	Batch               string
	Epoch               string
	Checkpoint          string // the link's ck, or ""
	Edits               []string
	Points              string
	Sel                 string
	StopAt, StopLoss    string
	ShowTest, Discrete  bool
	Tools               []Option
	ProbeX, ProbeY      string
	K, PData            string
	PLR, PBS, PReg, PRR string
}

// ThumbOption is a choice shown with a picture.
type ThumbOption struct {
	Option
	Thumb string
}

// LayerRow is one hidden layer's +/− control.
type LayerRow struct {
	L              int
	N              int
	Text           string
	AddLabel       string
	DelLabel       string
	CanAdd, CanDel bool
	Active         bool
}

// NetworkResult is what a valid state's run shows.
type NetworkResult struct {
	Epoch     string
	EpochMax  string
	Metrics   []MetricOut
	Status    string
	Diagram   string // SVG
	Points    string // SVG overlay of the plot
	PlotSrc   string // the server's plot image (a data URI); "" live
	PlotAlt   string
	Loss      livechart.Chart
	LossTable Table
	Math      string // HTML
	Edit      EditControl
	Edits     string // HTML list
	NEdits    int
	Exports   []ExportLink
	Counts    string
	Heat      []byte // engine.BoundaryTo: the output's heatmap, then each hidden neuron's
	HeatN     int
}

// MetricOut is one score as the page shows it.
type MetricOut struct {
	Key, Label, Text, Exact string
}

// EditControl is the field that sets the selected weight or bias.
type EditControl struct {
	Show   bool
	Label  string
	Value  string
	Button string
}

// ExportLink is one download.
type ExportLink struct {
	Key, Label, Href, File string
}

// NetworkOptions say how a page is drawn where it is built.
type NetworkOptions struct {
	// Image returns an image URL for a heatmap of n×n cells (the server's
	// PNG data URIs). Nil draws canvases that the browser's script paints.
	Image func(cells []byte, n int, discrete bool) string
	// Stop is why playing stopped last, for the status line.
	Stop Stop
	// NoHeat skips computing the heatmaps (the browser paints its own).
	NoHeat bool
	// Light computes only the numbers, for a frame of training.
	Light bool
}

// Network builds the page of a run.
func Network(r NetworkRun, lang i18n.Lang, opt NetworkOptions) *NetworkPage {
	s := *r.State()
	p := networkPage(lang, &s)
	p.S = &s
	if !opt.Light {
		p.Form = networkForm(p.M, &s)
	}
	p.Result = networkResult(p.M, r, opt)
	return p
}

// NetworkInvalid builds the page for a link with errors: the form holds
// the values as given, so they can be fixed, and each error is localized.
func NetworkInvalid(q url.Values, err error, lang i18n.Lang) *NetworkPage {
	def := state.DefaultNetwork()
	p := networkPage(lang, &def)
	p.Query, p.Preview = "", ""
	p.NavQuery = state.Home{Lang: langOf(q)}.Encode()
	p.LangLinks = langLinks(NetworkPath, p.Lang, func(l i18n.Lang) string { return state.WithLang(q, l) })
	p.Form = networkFormFromValues(p.M, q)
	p.Errors = FieldErrors(p.M, p.M.Network.FieldNames, err)
	return p
}

func networkPage(lang i18n.Lang, s *state.Network) *NetworkPage {
	m := i18n.For(lang)
	q := s.Encode()
	return &NetworkPage{Page: Page{
		M: m, Lang: m.Lang, Nav: "network", Path: NetworkPath, Query: q,
		NavQuery: state.Home{Lang: s.Lang}.Encode(),
		Title:    m.Network.Title, Desc: m.Network.Lead,
		Preview: Link(NetworkPreviewPath, q),
		Script:  "network.js", Module: "network",
		LangLinks: langLinks(NetworkPath, m.Lang, func(l i18n.Lang) string {
			c := *s
			c.Lang = l
			return c.Encode()
		}),
	}}
}

func networkForm(m *i18n.Messages, s *state.Network) NetworkForm {
	f := NetworkForm{
		Own: s.Data == state.OwnData, Noise: strconv.Itoa(s.Noise), Split: strconv.Itoa(s.Split),
		Seed: strconv.FormatUint(s.Seed, 10), Batch: strconv.Itoa(s.Batch), Epoch: strconv.Itoa(s.Epoch),
		StopAt: strconv.Itoa(s.StopAt), StopLoss: Input(s.StopLoss), ShowTest: s.ShowTest, Discrete: s.Discrete,
		ProbeX: Input(s.ProbeX), ProbeY: Input(s.ProbeY), Sel: s.Sel.String(),
		K: s.StartKey(), PData: s.Data, PLR: Input(s.LR), PBS: strconv.Itoa(s.Batch), PReg: s.Reg, PRR: Input(s.RegRate),
	}
	c := *s
	c.Sel, c.Lang = state.Sel{}, ""
	if len(s.Points) > 0 {
		// The codec is the one place that writes points; take its value.
		f.Points = c.Values().Get("pts")
	}
	if s.Checkpoint != nil {
		f.Checkpoint = c.Values().Get("ck")
	}
	for _, e := range s.Edits {
		f.Edits = append(f.Edits, e.String())
	}
	f.Hidden = joinInts(s.Hidden)
	f.setOptions(m, s.Data, s.Features, s.Act, s.Out, Input(s.LR), s.Reg, Input(s.RegRate), s.Tool)
	f.setLayers(m, s.Hidden)
	return f
}

func joinInts(vs []int) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strconv.Itoa(v)
	}
	return strings.Join(out, ",")
}

func (f *NetworkForm) setLayers(m *i18n.Messages, hidden []int) {
	f.NLayers = len(hidden)
	f.LayersText = textf.Sprintf(m.Network.HiddenLayers, len(hidden))
	f.CanAddLayer = len(hidden) < engine.MaxHiddenLayers
	f.CanDelLayer = len(hidden) > 0
	f.Layers = nil
	for l := 1; l <= engine.MaxHiddenLayers; l++ {
		row := LayerRow{L: l, N: 2, AddLabel: textf.Sprintf(m.Network.AddNeuron, l), DelLabel: textf.Sprintf(m.Network.RemoveNeuron, l)}
		if l <= len(hidden) {
			row.N, row.Active = hidden[l-1], true
		}
		row.Text = textf.Sprintf(m.Network.LayerNeurons, l, row.N)
		row.CanAdd, row.CanDel = row.Active && row.N < engine.MaxLayerSize, row.Active && row.N > 1
		f.Layers = append(f.Layers, row)
	}
}

// setOptions lists every choice from its registry, labelled in the page's
// language. A value the registry does not know (from a bad link) is kept
// as an extra, selected option, so the form holds what the link said.
func (f *NetworkForm) setOptions(m *i18n.Messages, data string, features []string, act, out, lr, reg, rr, tool string) {
	mn := &m.Network
	opt := func(list []Option, value, label string, selected bool) []Option {
		return append(list, Option{Value: value, Label: label, Selected: selected})
	}
	f.Data = nil
	for _, d := range state.DataNames() {
		f.Data = append(f.Data, ThumbOption{Option{Value: d, Label: mn.Datasets[d], Selected: d == data}, DatasetThumbURL(d)})
	}
	if !slices.Contains(state.DataNames(), data) {
		f.Data = append(f.Data, ThumbOption{Option: Option{Value: data, Label: data, Selected: true}})
	}
	f.Features = nil
	for _, ft := range engine.Features() {
		f.Features = append(f.Features, ThumbOption{Option{Value: ft.Name(), Label: ft.Label(), Selected: slices.Contains(features, ft.Name())}, FeatureThumbURL(ft.Name())})
	}
	f.Acts, f.Outs, f.LRs, f.Regs, f.RegRates, f.Tools = nil, nil, nil, nil, nil, nil
	known := false
	for _, a := range engine.Activations() {
		f.Acts = opt(f.Acts, a.Name(), m.Common.Activations[a.Name()], a.Name() == act)
		known = known || a.Name() == act
	}
	if !known {
		f.Acts = opt(f.Acts, act, act, true)
	}
	known = false
	for _, o := range state.OutputNames() {
		f.Outs = opt(f.Outs, o, mn.Outputs[o], o == out)
		known = known || o == out
	}
	if !known {
		f.Outs = opt(f.Outs, out, out, true)
	}
	f.LRs = numberOptions(LearningRates, lr)
	f.RegRates = numberOptions(RegRates, rr)
	known = false
	for _, g := range engine.Regularizations() {
		f.Regs = opt(f.Regs, g.Name(), mn.Regs[g.Name()], g.Name() == reg)
		known = known || g.Name() == reg
	}
	if !known {
		f.Regs = opt(f.Regs, reg, reg, true)
	}
	known = false
	for _, t := range state.Tools() {
		f.Tools = opt(f.Tools, t, mn.Tools[t], t == tool)
		known = known || t == tool
	}
	if !known {
		f.Tools = opt(f.Tools, tool, tool, true)
	}
}

// numberOptions lists values as select options with value selected, in
// order, adding value where it belongs if it is not one of them.
func numberOptions(values []float64, value string) []Option {
	var out []Option
	v, ok := state.ParseNumber(value)
	added := false
	for _, x := range values {
		if !added && ok && v < x {
			out = append(out, Option{Value: value, Label: value, Selected: true})
			added = true
		}
		s := Input(x)
		out = append(out, Option{Value: s, Label: s, Selected: s == value || ok && v == x})
		added = added || ok && v == x
	}
	if !added {
		out = append(out, Option{Value: value, Label: value, Selected: true})
	}
	return out
}

// networkFormFromValues fills the form with the values exactly as the link
// gave them.
func networkFormFromValues(m *i18n.Messages, q url.Values) NetworkForm {
	def := state.DefaultNetwork()
	f := networkForm(m, &def)
	get := func(key, d string) string {
		if vs, ok := q[key]; ok && len(vs) > 0 {
			return vs[0]
		}
		return d
	}
	data := get("data", def.Data)
	f.Own = data == state.OwnData
	f.Noise, f.Split, f.Seed = get("noise", f.Noise), get("train", f.Split), get("seed", f.Seed)
	features := def.Features
	if vs, ok := q["in"]; ok {
		features = nil
		for _, v := range vs {
			features = append(features, strings.Split(v, ",")...)
		}
	}
	f.Hidden = get("h", f.Hidden)
	var hidden []int
	for _, part := range strings.Split(f.Hidden, ",") {
		if v, err := strconv.Atoi(strings.TrimSpace(part)); err == nil && v >= 1 && v <= engine.MaxLayerSize && len(hidden) < engine.MaxHiddenLayers {
			hidden = append(hidden, v)
		}
	}
	if strings.TrimSpace(f.Hidden) == "" {
		hidden = nil
	}
	f.setLayers(m, hidden)
	f.Batch, f.Epoch, f.Checkpoint = get("bs", f.Batch), get("e", "0"), get("ck", "")
	f.Edits = q["ed"]
	f.Points, f.Sel = get("pts", ""), get("sel", "")
	f.StopAt, f.StopLoss = get("stop", f.StopAt), get("tl", f.StopLoss)
	f.ShowTest, f.Discrete = get("test", "") == "1", get("disc", "") == "1"
	f.ProbeX, f.ProbeY = get("px", f.ProbeX), get("py", f.ProbeY)
	f.K, f.PData, f.PLR, f.PBS, f.PReg, f.PRR = "", "", "", "", "", ""
	f.setOptions(m, data, features, get("act", def.Act), get("out", state.DefaultOutput(data)),
		get("lr", Input(def.LR)), get("reg", def.Reg), get("rr", Input(def.RegRate)), get("tool", state.DefaultTool(data)))
	return f
}

func networkResult(m *i18n.Messages, r NetworkRun, opt NetworkOptions) *NetworkResult {
	s := r.State()
	mn := &m.Network
	res := &NetworkResult{Epoch: strconv.Itoa(s.Epoch), EpochMax: strconv.Itoa(s.MaxEpoch())}
	now := r.Metrics()
	res.Metrics = metricsOut(m, s, now)
	res.Status = status(m, r, opt.Stop)
	if opt.Light {
		return res
	}

	var train, test []engine.Point
	if p := r.Playground(); p != nil {
		train, test = p.TrainPoints(), p.TestPoints()
	} else if s.Data == state.OwnData {
		train = s.Points
	}
	shown := 0
	if s.ShowTest || s.Data == state.OwnData {
		shown = len(test)
	}
	res.PlotAlt = textf.Sprintf(mn.PlotAlt, len(train), shown)
	res.Points = pointsSVG(s, train, test)
	if s.Data == state.OwnData {
		labels := s.Labels()
		counts := make([]int, labels.Classes())
		for _, pt := range s.Points {
			counts[labels.Class(pt.Label)]++
		}
		res.Counts = textf.Sprintf(mn.PointsCount, len(s.Points), counts[1], counts[0])
	}

	n, _ := HeatGrid(s.Params())
	res.HeatN = n
	var thumb Thumb
	if !opt.NoHeat {
		res.Heat = HeatmapsTo(nil, r, n)
	}
	if opt.Image != nil && res.Heat != nil {
		nn := n * n
		thumb = ImageThumb(func(k int) string { return opt.Image(res.Heat[k*nn:(k+1)*nn], n, s.Discrete) })
		res.PlotSrc = opt.Image(res.Heat[:nn], n, s.Discrete)
	} else {
		thumb = CanvasThumb(n)
	}
	mlp := runMLP(r)
	res.Diagram = diagram(m, s, mlp, thumb, FeatureThumbURL)
	res.Math, res.Edit = mathPanel(m, s, mlp)
	res.Loss, res.LossTable = lossChart(m, s, r.History(), now)
	res.Edits, res.NEdits = editsList(m, s)
	q := s.Encode()
	for _, e := range []struct{ key, label, path, file string }{
		{"weights", mn.ExportWeights, NetworkWeightsPath, "network-weights.json"},
		{"data", mn.ExportData, NetworkDataPath, "network-data.csv"},
		{"history", mn.ExportHistory, NetworkHistoryPath, "network-history.csv"},
		{"boundary-svg", mn.ExportBoundarySVG, NetworkBoundarySVGPath, "network-boundary.svg"},
		{"boundary-png", mn.ExportBoundaryPNG, NetworkBoundaryPNGPath, "network-boundary.png"},
		{"loss-svg", mn.ExportLossSVG, NetworkLossSVGPath, "network-loss.svg"},
		{"loss-png", mn.ExportLossPNG, NetworkLossPNGPath, "network-loss.png"},
	} {
		res.Exports = append(res.Exports, ExportLink{Key: "export-" + e.key, Label: e.label, Href: Link(e.path, q), File: e.file})
	}
	return res
}

// HeatmapsTo writes the heatmaps of r's output and every hidden neuron
// (engine.BoundaryTo) to dst; with no data to train on, they are blank.
func HeatmapsTo(dst []byte, r NetworkRun, n int) []byte {
	if p := r.Playground(); p != nil {
		return p.BoundaryTo(dst, n)
	}
	s := r.State()
	k := (1 + s.Params()) * n * n // at least as many as there are neurons
	if cap(dst) < k {
		dst = make([]byte, k)
	}
	dst = dst[:(1+hiddenNeurons(s))*n*n]
	for i := range dst {
		dst[i] = engine.HeatmapZero
	}
	return dst
}

func hiddenNeurons(s *state.Network) int {
	h := 0
	for _, v := range s.Hidden {
		h += v
	}
	return h
}

// runMLP returns the run's network, or, when there is no data to train on
// (own data with too few points), the one it would start from: the seed's
// initial weights, as engine.Playground draws them.
func runMLP(r NetworkRun) *engine.MLP {
	if p := r.Playground(); p != nil {
		return p.MLP()
	}
	s := r.State()
	c := s.Config()
	m := engine.NewMLP(s.Sizes(), c.Activation, c.Output)
	m.Init(rand.New(rand.NewPCG(c.Seed, 2)))
	return m
}

func metricsOut(m *i18n.Messages, s *state.Network, now engine.Metrics) []MetricOut {
	mn := &m.Network
	acc := func(v float64) string {
		if math.IsNaN(v) {
			return "—" // the title says why
		}
		return strconv.FormatFloat(float64(v*100), 'f', 1, 64) + " %"
	}
	out := []MetricOut{
		{"train-loss", mn.TrainLoss, Num(now.TrainLoss), Exact(now.TrainLoss)},
		{"test-loss", mn.TestLoss, Num(now.TestLoss), Exact(now.TestLoss)},
	}
	if s.Regression() && s.Out == engine.LinearOutput.Name() || !s.Trainable() {
		now.TrainAccuracy, now.TestAccuracy = math.NaN(), math.NaN()
	}
	exact := func(v float64) string {
		if math.IsNaN(v) {
			return mn.NoAccuracy
		}
		return Exact(v)
	}
	out = append(out,
		MetricOut{"train-acc", mn.TrainAcc, acc(now.TrainAccuracy), exact(now.TrainAccuracy)},
		MetricOut{"test-acc", mn.TestAcc, acc(now.TestAccuracy), exact(now.TestAccuracy)})
	if !s.Trainable() {
		for i := range out {
			out[i].Text, out[i].Exact = "—", ""
		}
	}
	return out
}

func status(m *i18n.Messages, r NetworkRun, stop Stop) string {
	mn := &m.Network
	s := r.State()
	switch {
	case !s.Trainable():
		return mn.OwnTooFew
	case r.Diverged() || stop == StopDiverg:
		return textf.Sprintf(mn.Diverged, s.Epoch+1, s.Epoch)
	case stop == StopEpoch:
		return textf.Sprintf(mn.StoppedEpoch, s.Epoch)
	case stop == StopLoss:
		return textf.Sprintf(mn.StoppedLoss, Num(s.StopLoss))
	case s.Epoch >= s.MaxEpoch() && s.MaxEpoch() < state.MaxEpochs:
		return textf.Sprintf(mn.AtLimit, s.MaxEpoch(), s.Params(), state.MaxCheckpointFit(s))
	case s.Epoch >= s.MaxEpoch():
		return textf.Sprintf(mn.AtMaxEpochs, s.MaxEpoch())
	}
	// A run opened from a checkpoint has no history before it.
	if h := r.History(); len(h) > 0 && h[0].Epoch > 0 {
		return textf.Sprintf(mn.FromCheckpoint, h[0].Epoch)
	}
	return ""
}

// probe returns every layer's outputs at the state's probe point, neuron
// by neuron with engine.Neuron, so the page writes out the same arithmetic
// it computes.
func probe(s *state.Network, mlp *engine.MLP) [][]float64 {
	c := s.Config()
	acts := [][]float64{engine.FeaturesTo(nil, c.Features, []engine.Point{{X: s.ProbeX, Y: s.ProbeY}})}
	sizes := s.Sizes()
	for l := 1; l < len(sizes); l++ {
		a := make([]float64, sizes[l])
		for j := range a {
			_, a[j] = mlp.Neuron(l, j).Forward(acts[l-1])
		}
		acts = append(acts, a)
	}
	return acts
}

// mathPanel writes out the selected neuron's or weight's arithmetic at
// the probe point, as the neuron page does, and the control to edit it.
func mathPanel(m *i18n.Messages, s *state.Network, mlp *engine.MLP) (string, EditControl) {
	mn := &m.Network
	var b strings.Builder
	esc := textf.EscapeHTML
	p := func(class, text string) {
		b.WriteString(`<p class="` + class + `">` + esc(text) + `</p>`)
	}
	if s.Sel.Kind == 0 {
		p("note", mn.MathNone)
		return b.String(), EditControl{}
	}
	acts := probe(s, mlp)
	last := len(s.Hidden) + 1
	sel := s.Sel
	b.WriteString(`<p class="at">` + esc(textf.Sprintf(mn.MathAt, Num(s.ProbeX), Num(s.ProbeY))) + `</p>`)
	var edit EditControl
	switch {
	case sel.Kind == 'n' && sel.L == 0:
		name := NeuronName(s, 0, sel.J)
		b.WriteString(`<h3>` + esc(textf.Sprintf(mn.InputFeature, name)) + `</h3>`)
		p("formula", textf.Sprintf(mn.FeatureValue, name, Num(acts[0][sel.J-1])))
	case sel.Kind == 'n':
		nr := mlp.Neuron(sel.L, sel.J-1)
		title := textf.Sprintf(mn.HiddenNeuron, sel.L, sel.J)
		if sel.L == last {
			title = mn.OutputNeuron
		}
		b.WriteString(`<h3>` + esc(title) + ` <span class="sym">` + esc(NeuronName(s, sel.L, sel.J)) + `</span></h3>`)
		in := acts[sel.L-1]
		b.WriteString(`<div class="table-wrap"><table class="math"><thead><tr>`)
		for _, h := range []string{mn.ColInput, mn.ColValue, mn.ColWeight, mn.ColProduct} {
			b.WriteString(`<th scope="col">` + esc(h) + `</th>`)
		}
		b.WriteString(`</tr></thead><tbody>`)
		var sym, sum []string
		for i, a := range in {
			w := nr.Weights[i]
			name := NeuronName(s, sel.L-1, i+1)
			b.WriteString(`<tr><td>` + esc(name) + `</td><td>` + esc(Num(a)) + `</td><td>` + esc(Num(w)) + `</td><td>` + esc(Num(float64(w*a))) + `</td></tr>`)
			sym = append(sym, "w"+Sub(i+1)+"·"+name)
			sum = append(sum, Term(w)+"·"+Term(a))
		}
		b.WriteString(`</tbody></table></div>`)
		z, a := nr.Forward(in)
		b.WriteString(`<p class="label">` + esc(mn.WeightedSum) + `</p>`)
		p("formula", "z = "+strings.Join(sym, " + ")+" + b =")
		p("formula", strings.Join(sum, " + ")+" + "+Term(nr.Bias)+" = "+Num(z))
		b.WriteString(`<p class="label">` + esc(mn.ActivationOut) + `</p>`)
		f := fname(nr.Activation.Formula())
		p("formula", nr.Activation.Formula())
		b.WriteString(`<p class="formula"><output class="value big">` + esc(f+"("+Num(z)+") = "+Num(a)) + `</output></p>`)
		if sel.L == last {
			if s.Regression() && s.Out == engine.LinearOutput.Name() {
				p("note", mn.Prediction+": "+Num(a))
			} else {
				cls := mn.ClassNeg
				if s.Out == engine.SigmoidOutput.Name() && a > 0.5 || s.Out != engine.SigmoidOutput.Name() && a > 0 {
					cls = mn.ClassPos
				}
				p("note", textf.Sprintf(mn.Class, cls))
			}
		}
		edit = EditControl{Show: true, Label: mn.Bias + " " + NeuronName(s, sel.L, sel.J), Value: Input(nr.Bias), Button: mn.SetBias}
	case sel.Kind == 'w':
		w := mlp.Weight(sel.L, sel.I-1, sel.J-1)
		from, to := NeuronName(s, sel.L-1, sel.I), NeuronName(s, sel.L, sel.J)
		b.WriteString(`<h3>` + esc(textf.Sprintf(mn.WeightFrom, from, to)) + `</h3>`)
		b.WriteString(`<p class="formula"><output class="value big">w = ` + esc(Num(w)) + `</output></p>`)
		a := acts[sel.L-1][sel.I-1]
		p("formula", textf.Sprintf(mn.WeightPart, to, Term(w)+"·"+Term(a)+" = "+Num(float64(w*a))))
		edit = EditControl{Show: true, Label: mn.EditValue + ": w " + from + " → " + to, Value: Input(w), Button: mn.SetWeight}
	}
	return b.String(), edit
}

// lossChart draws the training and test loss over the epochs, and lists
// them as numbers (a sample of at most 21 records, always the last).
func lossChart(m *i18n.Messages, s *state.Network, hist []engine.Metrics, now engine.Metrics) (livechart.Chart, Table) {
	mn := &m.Network
	out, _ := engine.OutputByName(s.Out)
	lossName := mn.LossNames[out.Name()]
	c := livechart.Chart{
		ID: "loss", Width: 360, Height: 230, XLabel: mn.ColEpoch, YLabel: lossName, Legend: true,
		XMin: 0, XMax: float64(max(s.Epoch, 1)),
	}
	var xs, tr, te []float64
	top := 0.0
	for _, h := range hist {
		xs = append(xs, float64(h.Epoch))
		tr = append(tr, h.TrainLoss)
		te = append(te, h.TestLoss)
		for _, v := range []float64{h.TrainLoss, h.TestLoss} {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				top = max(top, v)
			}
		}
	}
	if top == 0 {
		top = 1
	}
	c.YMin, c.YMax = 0, float64(top*1.08)
	c.Series = []livechart.Series{
		{Label: mn.SeriesTrain, Color: ColorTrainLoss, X: xs, Y: tr},
		{Label: mn.SeriesTest, Color: ColorTestLoss, X: xs, Y: te},
	}
	c.Title = textf.Sprintf(mn.LossAlt, s.Epoch, Num(now.TrainLoss), Num(now.TestLoss))
	t := Table{Head: []string{mn.ColEpoch, mn.TrainLoss, mn.TestLoss, mn.TrainAcc, mn.TestAcc}}
	acc := func(v float64) string {
		if math.IsNaN(v) || s.Regression() && s.Out == engine.LinearOutput.Name() {
			return "—"
		}
		return strconv.FormatFloat(float64(v*100), 'f', 1, 64) + " %"
	}
	const rows = 20
	last := -1
	for k := 0; k <= rows && len(hist) > 0; k++ {
		i := k * (len(hist) - 1) / rows
		if i == last {
			continue
		}
		last = i
		h := hist[i]
		t.Rows = append(t.Rows, []string{strconv.Itoa(h.Epoch), Num(h.TrainLoss), Num(h.TestLoss), acc(h.TrainAccuracy), acc(h.TestAccuracy)})
	}
	return c, t
}

// editsList writes the run's recorded edits as an HTML list.
func editsList(m *i18n.Messages, s *state.Network) (string, int) {
	mn := &m.Network
	var b strings.Builder
	b.WriteString(`<ol class="edits">`)
	for i, e := range s.Edits {
		var text string
		switch e.Kind {
		case state.EditWeight:
			t := e.Target
			text = textf.Sprintf(mn.EditWeight, e.Epoch, NeuronName(s, t.L-1, t.I)+" → "+NeuronName(s, t.L, t.J), Num(e.Value))
		case state.EditBias:
			text = textf.Sprintf(mn.EditBias, e.Epoch, NeuronName(s, e.Target.L, e.Target.J), Num(e.Value))
		case state.EditLR:
			text = textf.Sprintf(mn.EditSetting, e.Epoch, mn.LearningRate, Num(e.Value))
		case state.EditBatch:
			text = textf.Sprintf(mn.EditSetting, e.Epoch, mn.Batch, Num(e.Value))
		case state.EditReg:
			text = textf.Sprintf(mn.EditSetting, e.Epoch, mn.Regularization, mn.Regs[e.Reg])
		case state.EditRegRate:
			text = textf.Sprintf(mn.EditSetting, e.Epoch, mn.RegRate, Num(e.Value))
		}
		b.WriteString(`<li id="` + FieldID("ed", i+1) + `">` + textf.EscapeHTML(text) + `</li>`)
	}
	b.WriteString(`</ol>`)
	return b.String(), len(s.Edits)
}

// CatchingUp is the update while the browser replays a link: the page
// keeps what the server rendered for that very state, with a note of the
// progress.
func CatchingUp(r NetworkRun, lang i18n.Lang) *Live {
	m := i18n.For(lang)
	return &Live{Query: r.State().Encode(), Text: map[string]string{
		"status": textf.Sprintf(m.Network.CatchingUp, r.At(), r.State().Epoch),
	}}
}

// Live returns the page update for the browser's glue. full adds what is
// costly or seldom changes (the diagram, the charts, the form); a frame of
// training sends only the numbers.
func (p *NetworkPage) Live(full bool) *Live {
	l := &Live{Query: p.Query, Errors: p.Errors}
	if p.Result == nil {
		return l
	}
	r := p.Result
	l.Text = map[string]string{"epoch": r.Epoch, "status": r.Status}
	l.Title = map[string]string{}
	for _, mo := range r.Metrics {
		l.Text[mo.Key] = mo.Text
		l.Title[mo.Key] = mo.Exact
	}
	if !full {
		return l
	}
	f := &p.Form
	l.Text["counts"] = r.Counts
	l.Text["layers"] = f.LayersText
	l.Text["edit-label"] = r.Edit.Label
	l.Text["edit-button"] = r.Edit.Button
	l.Text["nedits"] = strconv.Itoa(r.NEdits)
	for _, row := range f.Layers {
		l.Text["layer-"+strconv.Itoa(row.L)] = row.Text
	}
	l.SVG = map[string]string{"diagram": r.Diagram, "points": r.Points, "loss": r.Loss.SVG(), "math": r.Math, "edits": r.Edits}
	l.Tables = map[string]Table{"loss": r.LossTable}
	l.Href = map[string]string{}
	for _, ll := range p.LangLinks {
		l.Href["lang-"+string(ll.Lang)] = ll.Href
	}
	for _, e := range r.Exports {
		l.Href[e.Key] = e.Href
	}
	l.Enabled = map[string]bool{"add-layer": f.CanAddLayer, "del-layer": f.CanDelLayer, "set": r.Edit.Show, "clear": f.Own && f.Points != ""}
	for _, row := range f.Layers {
		l.Enabled["add-n"+strconv.Itoa(row.L)] = row.CanAdd
		l.Enabled["del-n"+strconv.Itoa(row.L)] = row.CanDel
	}
	edit := 0
	if r.Edit.Show {
		edit = 1
	}
	own := 0
	if f.Own {
		own = 1
	}
	l.Lists = map[string]int{"layers": f.NLayers, "edit": edit, "own": own}
	l.Form = map[string][]string{
		// ed is left out: a list of hidden fields cannot grow; the module
		// keeps the edits itself (and the other hidden values too).
		"h": {f.Hidden}, "e": {f.Epoch}, "ck": {f.Checkpoint}, "pts": {f.Points}, "sel": {f.Sel},
		"k": {f.K}, "pdata": {f.PData}, "plr": {f.PLR}, "pbs": {f.PBS}, "preg": {f.PReg}, "prr": {f.PRR},
		"px": {f.ProbeX}, "py": {f.ProbeY}, "seed": {f.Seed}, "out": {selected(f.Outs)},
		"lr": {selected(f.LRs)}, "bs": {f.Batch}, "reg": {selected(f.Regs)}, "rr": {selected(f.RegRates)},
		"act": {selected(f.Acts)}, "noise": {f.Noise}, "train": {f.Split}, "stop": {f.StopAt}, "tl": {f.StopLoss},
		"wv": {r.Edit.Value},
	}
	l.Checked = map[string][]string{"data": {selected(thumbOptions(f.Data))}, "tool": {selected(f.Tools)}, "in": selectedAll(thumbOptions(f.Features))}
	l.Checked["test"], l.Checked["disc"] = check(f.ShowTest), check(f.Discrete)
	return l
}

func thumbOptions(ts []ThumbOption) []Option {
	out := make([]Option, len(ts))
	for i, t := range ts {
		out[i] = t.Option
	}
	return out
}

func selected(opts []Option) string {
	for _, o := range opts {
		if o.Selected {
			return o.Value
		}
	}
	return ""
}

func selectedAll(opts []Option) []string {
	out := []string{}
	for _, o := range opts {
		if o.Selected {
			out = append(out, o.Value)
		}
	}
	return out
}

func check(on bool) []string {
	if on {
		return []string{"1"}
	}
	return []string{}
}

// NetworkCSV returns the points as CSV records: the coordinates, the
// label, the set (train or test) and the network's output there, every
// number in its shortest exact form (nothing a link holds can become a
// spreadsheet formula: every cell is a number or a fixed word).
func NetworkCSV(r NetworkRun) [][]string {
	out := [][]string{{"x1", "x2", "label", "set", "output"}}
	pg := r.Playground()
	if pg == nil {
		return out
	}
	for _, set := range []struct {
		name string
		pts  []engine.Point
	}{{"train", pg.TrainPoints()}, {"test", pg.TestPoints()}} {
		for _, p := range set.pts {
			out = append(out, []string{Exact(p.X), Exact(p.Y), Exact(p.Label), set.name, Exact(pg.Predict(p.X, p.Y))})
		}
	}
	return out
}

// HistoryCSV returns the loss history as CSV records (engine.History: at
// most engine.MaxHistory evenly spaced epochs and always the last).
func HistoryCSV(r NetworkRun) [][]string {
	out := [][]string{{"epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy"}}
	for _, h := range r.History() {
		out = append(out, []string{strconv.Itoa(h.Epoch), Exact(h.TrainLoss), Exact(h.TestLoss), Exact(h.TrainAccuracy), Exact(h.TestAccuracy)})
	}
	return out
}

// NetworkJSON is a trained network as data, for /network/weights.json.
type NetworkJSON struct {
	Query      string       `json:"query"`
	Epoch      int          `json:"epoch"`
	Features   []string     `json:"features"`
	Sizes      []int        `json:"sizes"`
	Activation string       `json:"activation"`
	Output     string       `json:"output"`
	Loss       string       `json:"loss"`
	TrainLoss  *float64     `json:"trainLoss"`
	TestLoss   *float64     `json:"testLoss"`
	TrainAcc   *float64     `json:"trainAccuracy,omitempty"`
	TestAcc    *float64     `json:"testAccuracy,omitempty"`
	Layers     []LayerJSON  `json:"layers"`
	Note       string       `json:"note"`
	Points     *PointsJSONs `json:"points,omitempty"`
}

// LayerJSON is one layer's weights: Weights[j][i] from input i to neuron j.
type LayerJSON struct {
	Weights [][]float64 `json:"weights"`
	Biases  []float64   `json:"biases"`
}

// PointsJSONs counts the points the network learnt from.
type PointsJSONs struct {
	Train int `json:"train"`
	Test  int `json:"test"`
}

// NetworkData returns the run's network as data. Non-finite scores are
// left out (JSON has no NaN).
func NetworkData(r NetworkRun) NetworkJSON {
	s := r.State()
	out, _ := engine.OutputByName(s.Out)
	d := NetworkJSON{
		Query: s.ReplayQuery(), Epoch: s.Epoch, Features: s.Features, Sizes: s.Sizes(), Activation: s.Act,
		Output: s.Out, Loss: out.Loss().Name(),
		Note: "layers[l].weights[j][i] is the weight from neuron i of layer l (0: the features) to neuron j of layer l+1; z = Σ w·a + b, then the activation (the output's for the last layer).",
	}
	finite := func(v float64) *float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	now := r.Metrics()
	d.TrainLoss, d.TestLoss = finite(now.TrainLoss), finite(now.TestLoss)
	d.TrainAcc, d.TestAcc = finite(now.TrainAccuracy), finite(now.TestAccuracy)
	mlp := runMLP(r)
	sizes := s.Sizes()
	for l := 1; l < len(sizes); l++ {
		lj := LayerJSON{Weights: make([][]float64, sizes[l]), Biases: make([]float64, sizes[l])}
		for j := range sizes[l] {
			lj.Weights[j] = make([]float64, sizes[l-1])
			for i := range sizes[l-1] {
				lj.Weights[j][i] = mlp.Weight(l, i, j)
			}
			lj.Biases[j] = mlp.Bias(l, j)
		}
		d.Layers = append(d.Layers, lj)
	}
	if p := r.Playground(); p != nil {
		d.Points = &PointsJSONs{Train: len(p.TrainPoints()), Test: len(p.TestPoints())}
	}
	return d
}
