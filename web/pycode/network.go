package pycode

import (
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
	"nnplay/web/i18n"
	"nnplay/web/state"
)

// NetworkPath is the page the network's program is for.
const NetworkPath = "/network"

// MaxPrintedEpochs bounds the loss lines a network program prints: every
// epoch up to it, else every k-th epoch and the last.
const MaxPrintedEpochs = 100

// Network returns the program of a /network state: the data as the engine
// generated and split it (in training order), the input features, the
// layers with the initial weights the engine drew from the seed (so no
// random generator has to agree), and the training: mini-batches in order,
// the learning rate, batch size and regularization of each epoch and the
// weights set by hand, as the link records them, for the link's epochs,
// printing the loss as it goes. The data is at most engine.MaxPoints own
// points or a dataset's 500 (1 200 for regression): up to about 70 KB of
// numbers, which the panel shortens.
func Network(n state.Network, lang i18n.Lang) *Program {
	m := i18n.For(lang)
	mc := &m.Code
	p := &Program{Lang: m.Lang, Name: "network"}
	p.Cells = append(p.Cells, markdown("# "+mc.NetTitle, "", mc.NetIntro, "", sourceLine(mc.Source, NetworkPath, n.Encode())))
	var pg *engine.Playground
	if n.Trainable() {
		pg, _ = engine.NewPlayground(n.Config())
	}
	if pg == nil {
		p.Cells = append(p.Cells, code(`print("`+mc.NetNoData+`")`))
		return p
	}
	cfg := pg.Config()
	mlp := pg.MLP()

	// The data and the features.
	rows := func(pts []engine.Point) [][]float64 {
		out := make([][]float64, len(pts))
		for i, pt := range pts {
			out[i] = []float64{pt.X, pt.Y, pt.Label}
		}
		return out
	}
	p.Cells = append(p.Cells,
		code("import numpy as np"),
		markdown("## "+mc.NetData, "", mc.NetDataNote),
		Cell{Kind: Data, Text: rowLines("train", rows(pg.TrainPoints()))},
		Cell{Kind: Data, Text: rowLines("test", rows(pg.TestPoints()))},
	)
	var cols, labels []string
	for _, f := range cfg.Features {
		cols = append(cols, featureExpr[f.Name()])
		labels = append(labels, f.Label())
	}
	target := "points[:, 2:3]"
	if cfg.Output == engine.SigmoidOutput {
		target = "(points[:, 2:3] > 0).astype(float)"
	}
	p.Cells = append(p.Cells, code(
		"# "+strings.Replace(mc.NetFeatures, "%s", strings.Join(labels, ", "), 1),
		"def features(points):",
		"    x1, x2 = points[:, 0], points[:, 1]",
		"    return np.column_stack(["+strings.Join(cols, ", ")+"])",
		"",
		"# "+mc.NetTargets,
		"def targets(points):",
		"    return "+target,
		"",
		"X_train, y_train = features(train), targets(train)",
		"X_test, y_test = features(test), targets(test)",
	))

	// The layers and their initial weights.
	sizes := mlp.Sizes()
	var wLines []string
	for l := 1; l < len(sizes); l++ {
		w := make([][]string, sizes[l-1])
		for i := range w {
			for j := range sizes[l] {
				w[i] = append(w[i], float(mlp.Weight(l, i, j)))
			}
		}
		bias := make([]float64, sizes[l])
		for j := range bias {
			bias[j] = mlp.Bias(l, j)
		}
		wLines = append(wLines, matrixLines("W"+strconv.Itoa(l), w, ""), "b"+strconv.Itoa(l)+" = np.array("+vector(bias)+")")
	}
	var ws, bs []string
	for l := 1; l < len(sizes); l++ {
		ws, bs = append(ws, "W"+strconv.Itoa(l)), append(bs, "b"+strconv.Itoa(l))
	}
	sizeText := make([]string, len(sizes))
	for i, s := range sizes {
		sizeText[i] = strconv.Itoa(s)
	}
	p.Cells = append(p.Cells,
		markdown("## "+mc.NetLayers, "", strings.Replace(mc.NetLayersNote, "%s", strings.Join(sizeText, " → "), 1)),
		Cell{Kind: Data, Text: "# " + strings.Replace(mc.NetInit, "%d", strconv.FormatUint(n.Seed, 10), 1) + "\n" + strings.Join(wLines, "\n")},
		code("W = ["+strings.Join(ws, ", ")+"]", "b = ["+strings.Join(bs, ", ")+"]"),
	)

	// The activations and the output.
	act := cfg.Activation
	f := ident(act.Name())
	outLines := []string{"# " + strings.Replace(mc.NetHidden, "%s", m.Common.Activations[act.Name()], 1)}
	if len(cfg.Hidden) > 0 {
		outLines = append(append(outLines, activationDef(act, true)...), "")
	}
	out := cfg.Output
	outLines = append(outLines, "# "+mc.NetOutput+": "+out.Formula()+", "+mc.NetLoss+": "+out.Loss().Formula())
	outText := netOutputLinear
	switch out {
	case engine.SigmoidOutput:
		outText = netOutputSigmoid
	case engine.TanhOutput:
		outText = netOutputTanh
	}
	outLines = append(outLines, outText)
	p.Cells = append(p.Cells,
		code(outLines...),
		markdown("## "+mc.NetForward),
		code(fill(netForward, "{f}", f)),
		markdown("## "+mc.NetTrain, "", mc.NetTrainNote),
		code(fill(netTrain, "{f}", f, "{backward}", mc.NetBackward, "{step}", mc.NetStep)),
	)

	// The run: the settings, the edits, the epochs.
	lr, batch, reg, rr := n.SettingsAt(1)
	runLines := []string{
		"# " + mc.NetSettings,
		"learning_rate = " + float(lr),
		"batch_size = " + strconv.Itoa(batch),
		`regularization = "` + regName(reg) + `"  # none, l1, l2`,
		"reg_rate = " + float(rr),
		"epochs = " + strconv.Itoa(n.Epoch),
	}
	changes := settingChanges(n)
	if len(changes) > 0 {
		runLines = append(runLines, "# "+mc.NetChanges, "changes = {")
		for _, e := range changes {
			lr, batch, reg, rr := n.SettingsAt(e)
			runLines = append(runLines, "    "+strconv.Itoa(e)+": ("+float(lr)+", "+strconv.Itoa(batch)+`, "`+regName(reg)+`", `+float(rr)+"),")
		}
		runLines = append(runLines, "}")
	}
	var wEdits []string
	for _, e := range n.Edits {
		switch e.Kind {
		case state.EditWeight:
			wEdits = append(wEdits, "    ("+strconv.Itoa(e.Epoch)+", W, "+strconv.Itoa(e.Target.L-1)+", ("+strconv.Itoa(e.Target.I-1)+", "+strconv.Itoa(e.Target.J-1)+"), "+float(e.Value)+"),")
		case state.EditBias:
			wEdits = append(wEdits, "    ("+strconv.Itoa(e.Epoch)+", b, "+strconv.Itoa(e.Target.L-1)+", "+strconv.Itoa(e.Target.J-1)+", "+float(e.Value)+"),")
		}
	}
	if len(wEdits) > 0 {
		runLines = append(runLines, "# "+mc.NetEdits, "edits = [")
		runLines = append(runLines, wEdits...)
		runLines = append(runLines, "]", "",
			"def apply_edits(epoch):",
			"    for at, params, layer, index, value in edits:",
			"        if at == epoch:",
			"            params[layer][index] = value")
	}
	every := max(1, (n.Epoch+MaxPrintedEpochs-1)/MaxPrintedEpochs)
	apply0, change, apply := "", "", ""
	if len(wEdits) > 0 {
		apply0, apply = "apply_edits(0)\n", "    apply_edits(epoch)\n"
	}
	if len(changes) > 0 {
		change = "    if epoch in changes:\n        learning_rate, batch_size, regularization, reg_rate = changes[epoch]\n"
	}
	inLoop := strings.NewReplacer("{train}", "{train_loss:.6g}", "{test}", "{test_loss:.6g}")
	atEnd := strings.NewReplacer("{train}", "{mean_loss(X_train, y_train):.6g}", "{test}", "{mean_loss(X_test, y_test):.6g}")
	loop := fill(netLoop, "{every}", strconv.Itoa(every),
		"{first}", strings.Replace(atEnd.Replace(mc.NetEpochLine), "{epoch}", "0", 1),
		"{apply0}", apply0, "{change}", change, "{apply}", apply,
		"{diverged_note}", mc.NetDivergedNote, "{diverged}", mc.NetDiverged,
		"{line}", inLoop.Replace(mc.NetEpochLine),
		"{now}", mc.NetNow, "{final}", strings.Replace(atEnd.Replace(mc.NetFinal), "{epoch}", "{epochs}", 1))
	runLines = append(runLines, loop)
	p.Cells = append(p.Cells, markdown("## "+mc.NetRun), code(runLines...), markdown(mc.NetNext))
	return p
}

// featureExpr writes each input feature in NumPy, by token.
var featureExpr = map[string]string{
	engine.FeatureX1.Name():        "x1",
	engine.FeatureX2.Name():        "x2",
	engine.FeatureX1Squared.Name(): "x1 * x1",
	engine.FeatureX2Squared.Name(): "x2 * x2",
	engine.FeatureX1X2.Name():      "x1 * x2",
	engine.FeatureSinX1.Name():     "np.sin(x1)",
	engine.FeatureSinX2.Name():     "np.sin(x2)",
}

// regName returns the registry's token of a regularization name from the
// state (already validated): "none", "l1" or "l2".
func regName(name string) string {
	r, _ := engine.RegularizationByName(name)
	return r.Name()
}

// settingChanges returns the epochs (from 2) whose training settings
// differ from the epoch before, as the link's edits record them.
func settingChanges(n state.Network) []int {
	var out []int
	seen := map[int]bool{}
	for _, e := range n.Edits {
		if e.Kind == state.EditWeight || e.Kind == state.EditBias {
			continue
		}
		// A setting edit at epoch E holds up to E: the next epoch may change.
		k := e.Epoch + 1
		if k <= 1 || k > n.Epoch || seen[k] {
			continue
		}
		lr, b, r, rr := n.SettingsAt(k)
		lr0, b0, r0, rr0 := n.SettingsAt(k - 1)
		if lr != lr0 || b != b0 || r != r0 || rr != rr0 {
			out = append(out, k)
			seen[k] = true
		}
	}
	slices.Sort(out)
	return out
}

// The fixed parts of the program, as text with {placeholders} (fill).
const (
	netOutputSigmoid = `def output(z):
    return 1 / (1 + np.exp(-z))

def loss(z, a, y):
    return np.mean(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))

def output_delta(a, y):
    return a - y`

	netOutputTanh = `def output(z):
    return np.tanh(z)

def loss(z, a, y):
    return np.mean(0.5 * (a - y) ** 2)

def output_delta(a, y):
    return (a - y) * (1 - a * a)`

	netOutputLinear = `def output(z):
    return z

def loss(z, a, y):
    return np.mean(0.5 * (a - y) ** 2)

def output_delta(a, y):
    return a - y`

	netForward = `def forward(X):
    zs, outputs = [], [X]
    for l in range(len(W)):
        z = outputs[-1] @ W[l] + b[l]
        zs.append(z)
        outputs.append({f}(z) if l < len(W) - 1 else output(z))
    return zs, outputs

def mean_loss(X, y):
    zs, outputs = forward(X)
    return loss(zs[-1], outputs[-1], y)`

	netTrain = `def train_epoch(learning_rate, batch_size, regularization, reg_rate):
    for start in range(0, len(X_train), batch_size):
        X, y = X_train[start:start + batch_size], y_train[start:start + batch_size]
        zs, outputs = forward(X)
        # {backward}
        delta = output_delta(outputs[-1], y)
        grads = [None] * len(W)
        for l in reversed(range(len(W))):
            grads[l] = (outputs[l].T @ delta, delta.sum(axis=0))
            if l > 0:
                delta = (delta @ W[l].T) * {f}_deriv(zs[l - 1], outputs[l])
        # {step}
        step = learning_rate / len(X)
        shrink = learning_rate * reg_rate
        for l, (grad_W, grad_b) in enumerate(grads):
            new_W = W[l] - step * grad_W
            if regularization == "l2":
                new_W = new_W - shrink * W[l]
            elif regularization == "l1":
                new_W = np.where(new_W > shrink, new_W - shrink, np.where(new_W < -shrink, new_W + shrink, 0.0))
            W[l] = new_W
            b[l] = b[l] - step * grad_b`

	netLoop = `
print_every = {every}
print(f"{first}")
{apply0}for epoch in range(1, epochs + 1):
{change}    saved_W, saved_b = [w.copy() for w in W], [v.copy() for v in b]
    train_epoch(learning_rate, batch_size, regularization, reg_rate)
    train_loss, test_loss = mean_loss(X_train, y_train), mean_loss(X_test, y_test)
    # {diverged_note}
    if not np.isfinite([train_loss, test_loss]).all() or not all(np.isfinite(p).all() for p in W + b):
        W[:], b[:] = saved_W, saved_b
        print(f"{diverged}")
        epochs = epoch - 1
        break
    if epoch % print_every == 0 or epoch == epochs:
        print(f"{line}")
{apply}
# {now}
print(f"{final}")`
)
