package state

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"nnplay/engine"
)

// networkParams are the /network link's keys in canonical order.
func networkParams() []param[*Network] { return networkTable.get(buildNetworkParams) }

var networkTable paramTable[*Network]

func buildNetworkParams() []param[*Network] {
	return []param[*Network]{
		{key: "lang", field: func(n *Network) any { return &n.Lang }, spec: language},
		{key: "data", field: func(n *Network) any { return &n.Data }, spec: oneOf(DataNames)},
		// Own points are kept with other data, so switching back restores them.
		{key: "pts", read: (*reader).points, write: func(w *writer, n, _ *Network) {
			if len(n.Points) > 0 {
				w.add("pts", encodePoints(n.Points))
			}
		}},
		{key: "noise", field: func(n *Network) any { return &n.Noise }, spec: whole(0, engine.MaxNoise)},
		{key: "train", field: func(n *Network) any { return &n.Split }, spec: whole(engine.MinTrainPercent, engine.MaxTrainPercent)},
		{key: "seed", field: func(n *Network) any { return &n.Seed }, spec: unsigned(MaxSeed)},
		{key: "in", field: func(n *Network) any { return &n.Features }, spec: tokenSet(featureNames, ",", 1)},
		{key: "h", field: func(n *Network) any { return &n.Hidden }, spec: intList(engine.MaxHiddenLayers, 1, engine.MaxLayerSize)},
		{key: "act", field: func(n *Network) any { return &n.Act }, spec: oneOf(activationNames)},
		{key: "out", field: func(n *Network) any { return &n.Out }, spec: oneOf(OutputNames),
			dflt: func(n *Network) any { return DefaultOutput(n.Data) }},
		{key: "lr", field: func(n *Network) any { return &n.LR }, spec: rate(false, engine.MaxLearningRate)},
		{key: "bs", field: func(n *Network) any { return &n.Batch }, spec: whole(1, engine.MaxBatchSize)},
		{key: "reg", field: func(n *Network) any { return &n.Reg }, spec: oneOf(regNames)},
		{key: "rr", field: func(n *Network) any { return &n.RegRate }, spec: rate(true, engine.MaxRegRate)},
		{key: "e", field: func(n *Network) any { return &n.Epoch }, spec: whole(0, MaxEpochs)},
		{key: "ck", read: (*reader).checkpoint, write: func(w *writer, n, _ *Network) {
			if n.Checkpoint != nil {
				w.add("ck", encodeCheckpoint(n.Checkpoint))
			}
		}},
		{key: "ed", read: func(r *reader, n *Network) {
			if vs, ok := r.q["ed"]; ok {
				n.Edits = r.edits(vs)
			}
		}, write: func(w *writer, n, _ *Network) {
			for _, e := range n.Edits {
				w.add("ed", e.String())
			}
		}},
		{key: "stop", field: func(n *Network) any { return &n.StopAt }, spec: whole(0, MaxEpochs)},
		{key: "tl", field: func(n *Network) any { return &n.StopLoss }, spec: rate(true, MaxStopLoss)},
		{key: "test", field: func(n *Network) any { return &n.ShowTest }, spec: flag("1", "0")},
		{key: "disc", field: func(n *Network) any { return &n.Discrete }, spec: flag("1", "0")},
		{key: "tool", field: func(n *Network) any { return &n.Tool }, spec: oneOf(Tools),
			dflt: func(n *Network) any { return DefaultTool(n.Data) }},
		{key: "sel", field: func(n *Network) any { return &n.Sel }, spec: selection},
		{key: "px", field: func(n *Network) any { return &n.ProbeX }, spec: number(engine.PlaneRange)},
		{key: "py", field: func(n *Network) any { return &n.ProbeY }, spec: number(engine.PlaneRange)},
	}
}

// points reads the own points, pts.
func (r *reader) points(n *Network) {
	s, ok := r.single("pts")
	if !ok || s == "" {
		return
	}
	pts, ok := decodePoints(s)
	switch {
	case !ok:
		r.errs = append(r.errs, &FieldError{Key: "pts", Value: shorten(s), Problem: Malformed, Allowed: Allowed{Kind: AllowNone}})
	case len(pts) > engine.MaxPoints:
		r.errs = append(r.errs, &FieldError{Key: "pts", Problem: TooMany, Got: len(pts), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: engine.MaxPoints}})
	default:
		n.Points = pts
	}
}

// DecodeNetwork reads a /network link (or the page's form). On any invalid
// value it returns every error found and the defaults for them.
func DecodeNetwork(q url.Values) (Network, error) {
	r := reader{q: q}
	r.version()
	n := DefaultNetwork()
	readParams(&r, networkParams(), &n)
	if len(r.errs) > 0 {
		return n, r.errs
	}
	r.formMemory(&n)
	r.check(&n)
	if len(r.errs) > 0 {
		return n, r.errs
	}
	r.formAction(&n)
	n.Edits = canonicalEdits(n.Edits, &n)
	r.checkCheckpoint(&n)
	if len(r.errs) == 0 {
		r.checkCost(&n)
	}
	n.canonicalCheckpoint()
	return n, r.errs.err()
}

// Encode returns n's canonical query string ("" for the default state).
func (n Network) Encode() string {
	var w writer
	def := DefaultNetwork()
	writeParams(&w, networkParams(), &n, &def)
	return w.finish()
}

// SelQueries returns a function giving the query of n with the selection
// sel instead of n's, for the diagram's many links: the keys around sel
// are encoded once.
func (n Network) SelQueries() func(Sel) string {
	def := DefaultNetwork()
	i := paramIndex(networkParams(), "sel")
	var before, after writer
	writeParams(&before, networkParams()[:i], &n, &def)
	writeParams(&after, networkParams()[i+1:], &n, &def)
	head, tail := before.b.String(), after.b.String()
	return func(sel Sel) string {
		var w writer
		w.addEncoded(head)
		s := Network{Sel: sel}
		writeParam(&w, networkParams()[i], &s, &def)
		w.addEncoded(tail)
		return w.finish()
	}
}

// check reports the values that are fine alone but not together.
func (r *reader) check(n *Network) {
	if n.Data != OwnData && n.Tool != ToolProbe {
		r.errs = append(r.errs, &FieldError{Key: "tool", Value: n.Tool, Problem: Conflict, Allowed: Allowed{Kind: AllowOneOf, Options: []string{ToolProbe}}})
	}
	if !n.validSel(n.Sel) {
		r.errs = append(r.errs, &FieldError{Key: "sel", Value: n.Sel.String(), Problem: OutOfRange, Allowed: Allowed{Kind: AllowNone}})
	}
	for i, e := range n.Edits {
		switch {
		case e.Epoch > n.Epoch:
			r.errs = append(r.errs, &FieldError{Key: "ed", Index: i + 1, Value: e.String(), Problem: OutOfRange, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(n.Epoch)}})
		case e.Kind == EditWeight && !n.validSel(e.Target), e.Kind == EditBias && (e.Target.L < 1 || !n.validSel(e.Target)):
			r.errs = append(r.errs, &FieldError{Key: "ed", Index: i + 1, Value: e.String(), Problem: Conflict, Allowed: Allowed{Kind: AllowNone}})
		}
	}
}

// checkCost reports an epoch past what the server may replay: more than
// the replay bound after the checkpoint (or the start).
func (r *reader) checkCost(n *Network) {
	if m := n.ReplayFrom() + n.ReplayBound(); n.Epoch > m {
		r.errs = append(r.errs, &FieldError{Key: "e", Value: strconv.Itoa(n.Epoch), Problem: TooCostly, Got: n.Epoch, Want: m, Allowed: Allowed{Kind: AllowCount, Min: 0, Max: float64(m)}})
	}
}

// edits reads the ed list; shapes and epochs are checked later.
func (r *reader) edits(vs []string) []Edit {
	if len(vs) > MaxEdits {
		r.errs = append(r.errs, &FieldError{Key: "ed", Problem: TooMany, Got: len(vs), Allowed: Allowed{Kind: AllowCount, Min: 0, Max: MaxEdits}})
		return nil
	}
	var out []Edit
	for i, v := range vs {
		e, fe := parseEdit(v)
		if fe != nil {
			fe.Key, fe.Index, fe.Value = "ed", i+1, shorten(v)
			r.errs = append(r.errs, fe)
			continue
		}
		out = append(out, e)
	}
	return out
}

// parseEdit reads one edit's link form, with its values within limits:
// a wrong shape is Malformed, a bad number the number's own error.
func parseEdit(s string) (Edit, *FieldError) {
	malformed := &FieldError{Problem: Malformed,
		Allowed: Allowed{Kind: AllowOneOf, Options: []string{"E,w2.3.1,V", "E,b2.1,V", "E,lr,V", "E,bs,N", "E,reg,l2", "E,rr,V"}}}
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return Edit{}, malformed
	}
	ep, fe := parseWhole("ed", 0, parts[0], 0, MaxEpochs)
	if fe != nil {
		return Edit{}, fe
	}
	e := Edit{Epoch: ep}
	num := func(lo, hi float64) (Edit, *FieldError) {
		e.Value, fe = parseNumber("ed", 0, parts[2], false, lo, hi)
		return e, fe
	}
	switch k := strings.TrimSpace(parts[1]); {
	case k == "lr":
		e.Kind = EditLR
		return num(MinRate, engine.MaxLearningRate)
	case k == "rr":
		e.Kind = EditRegRate
		return num(0, engine.MaxRegRate)
	case k == "bs":
		e.Kind = EditBatch
		v, fe := parseWhole("ed", 0, parts[2], 1, engine.MaxBatchSize)
		e.Value = float64(v)
		return e, fe
	case k == "reg":
		e.Kind, e.Reg = EditReg, strings.TrimSpace(parts[2])
		if !slices.Contains(regNames(), e.Reg) {
			return Edit{}, malformed
		}
		return e, nil
	case strings.HasPrefix(k, "w"):
		t, ok := ParseSel(k)
		if !ok || t.Kind != 'w' {
			return Edit{}, malformed
		}
		e.Kind, e.Target = EditWeight, t
		return num(-MaxAbsWeight, MaxAbsWeight)
	case strings.HasPrefix(k, "b"):
		t, ok := ParseSel("n" + k[1:])
		if !ok {
			return Edit{}, malformed
		}
		e.Kind, e.Target = EditBias, t
		return num(-MaxAbsWeight, MaxAbsWeight)
	}
	return Edit{}, malformed
}

// Values returns n's canonical parameters as url.Values, for callers
// that need one parameter's canonical value (the form's hidden fields).
func (n Network) Values() url.Values {
	q, err := ParseQuery(n.Encode())
	if err != nil {
		panic("state: a network state encodes to a query it cannot parse: " + err.Error())
	}
	return q
}
