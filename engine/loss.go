package engine

import "math"

// Loss is the loss function an MLP minimises, averaged over the examples.
//
// Losses are obtained from the registry (Losses, LossByName), the package
// variables (SquaredLoss, CrossEntropyLoss) or Output.Loss; their Name is
// the stable token used in links. The zero value is not a loss.
type Loss struct{ kind lossKind }

type lossKind uint8

const (
	lossNone lossKind = iota
	lossSquared
	lossCrossEntropy
)

// The losses, in the order they are listed to users.
var (
	// SquaredLoss is half the squared error, summed over the outputs:
	// TensorFlow Playground's only loss.
	SquaredLoss = Loss{lossSquared}
	// CrossEntropyLoss is the negative log-likelihood of the target under
	// the output's probabilities (sigmoid or softmax).
	CrossEntropyLoss = Loss{lossCrossEntropy}
)

var losses = []Loss{SquaredLoss, CrossEntropyLoss}

// Name returns the loss's stable token, as used in links ("squared").
func (l Loss) Name() string {
	switch l.kind {
	case lossSquared:
		return "squared"
	case lossCrossEntropy:
		return "cross-entropy"
	}
	return ""
}

// Formula returns the loss of one example written in language-neutral
// notation, o being the output and t the target.
func (l Loss) Formula() string {
	switch l.kind {
	case lossSquared:
		return "L = ½(o − t)²"
	case lossCrossEntropy:
		return "L = −t·ln o − (1 − t)·ln(1 − o)"
	}
	return ""
}

// Losses returns every loss in the order they are listed to users. The
// returned slice is a copy.
func Losses() []Loss { return append([]Loss(nil), losses...) }

// LossByName returns the loss whose Name is name, and whether there is one.
func LossByName(name string) (Loss, bool) {
	for _, l := range losses {
		if l.Name() == name {
			return l, true
		}
	}
	return Loss{}, false
}

// Output is the output layer of an MLP: its activation together with the
// loss it is trained with, so that only sound pairs exist.
//
//	Output   activation   loss            targets                 task
//	sigmoid  σ(z)         cross-entropy   0 or 1 per output       classification
//	tanh     tanh(z)      squared         −1 or +1 (TF Playground) classification
//	linear   z            squared         real values             regression
//	softmax  softmax(z)   cross-entropy   one class index         classification
//
// Outputs are obtained from the registry (Outputs, OutputByName) or the
// package variables; their Name is the stable token used in links. The zero
// value is not usable: NewMLP panics on it.
type Output struct{ kind outputKind }

type outputKind uint8

const (
	outNone outputKind = iota
	outSigmoid
	outTanh
	outLinear
	outSoftmax
)

// The outputs, in the order they are listed to users.
var (
	// SigmoidOutput is a probability trained with cross-entropy: the
	// lesson's neuron at the output.
	SigmoidOutput = Output{outSigmoid}
	// TanhOutput is TensorFlow Playground's classification output, trained
	// with the squared loss on labels ±1.
	TanhOutput = Output{outTanh}
	// LinearOutput is the regression output, trained with the squared loss.
	LinearOutput = Output{outLinear}
	// SoftmaxOutput is the multi-class output, trained with cross-entropy;
	// each example's target is its class index 0, 1, ….
	SoftmaxOutput = Output{outSoftmax}
)

var outputs = []Output{SigmoidOutput, TanhOutput, LinearOutput, SoftmaxOutput}

// Name returns the output's stable token, as used in links ("sigmoid").
func (o Output) Name() string {
	switch o.kind {
	case outSigmoid:
		return "sigmoid"
	case outTanh:
		return "tanh"
	case outLinear:
		return "linear"
	case outSoftmax:
		return "softmax"
	}
	return ""
}

// Formula returns the output's activation written in language-neutral
// notation.
func (o Output) Formula() string {
	switch o.kind {
	case outSigmoid:
		return "o = σ(z) = 1 / (1 + e⁻ᶻ)"
	case outTanh:
		return "o = tanh(z)"
	case outLinear:
		return "o = z"
	case outSoftmax:
		return "oₖ = exp(zₖ) / Σⱼ exp(zⱼ)"
	}
	return ""
}

// Loss returns the loss the output is trained with.
func (o Output) Loss() Loss {
	switch o.kind {
	case outSigmoid, outSoftmax:
		return CrossEntropyLoss
	case outTanh, outLinear:
		return SquaredLoss
	}
	return Loss{}
}

// Classification reports whether the output classifies (and so has an
// accuracy) rather than regresses.
func (o Output) Classification() bool {
	return o.kind == outSigmoid || o.kind == outTanh || o.kind == outSoftmax
}

// Outputs returns every output in the order they are listed to users. The
// returned slice is a copy.
func Outputs() []Output { return append([]Output(nil), outputs...) }

// OutputByName returns the output whose Name is name, and whether there is
// one.
func OutputByName(name string) (Output, bool) {
	for _, o := range outputs {
		if o.Name() == name {
			return o, true
		}
	}
	return Output{}, false
}

// target maps a 2-D point's label (±1, or a real value for regression) to
// the training target of a one-unit output: σ's is the class, 0 or 1.
func (o Output) target(label float64) float64 {
	if o.kind == outSigmoid {
		return float64(TwoClasses.Class(label))
	}
	return label
}

// forward sets y to the output layer's activation of z, nb rows of
// width out.
func (o Output) forward(y, z []float64, nb, out int) {
	switch o.kind {
	case outSigmoid:
		sigmoidTo(y, z)
	case outTanh:
		tanhTo(y, z)
	case outLinear:
		copy(y, z)
	case outSoftmax:
		for r := range nb {
			softmaxTo(y[r*out:][:out], z[r*out:][:out])
		}
	default:
		panic("engine: zero Output")
	}
}

// softmaxTo sets y to softmax(z), shifted by max(z) so that exp cannot
// overflow.
func softmaxTo(y, z []float64) {
	y = y[:len(z)]
	m := math.Inf(-1)
	for _, v := range z {
		m = max(m, v)
	}
	var s float64
	for k, v := range z {
		e := exp(v - m)
		y[k] = e
		s += e
	}
	for k := range y {
		y[k] /= s
	}
}

// delta sets d to ∂L/∂z of each example's loss (not averaged), given the
// outputs y, nb rows of width out, and the targets t (tw per example).
func (o Output) delta(d, y, t []float64, nb, out int) {
	switch o.kind {
	case outSigmoid, outLinear:
		// σ with cross-entropy and the identity with the squared loss
		// both give ∂L/∂z = o − t.
		y, t = y[:len(d)], t[:len(d)]
		for k := range d {
			d[k] = y[k] - t[k]
		}
	case outTanh:
		y, t = y[:len(d)], t[:len(d)]
		for k := range d {
			d[k] = float64((y[k] - t[k]) * (1 - float64(y[k]*y[k])))
		}
	case outSoftmax:
		copy(d, y[:nb*out])
		for r := range nb {
			c := classIndex(t[r], out)
			d[r*out+c]--
		}
	}
}

// classIndex returns the class t names, panicking if it is not one of
// 0 … n−1.
func classIndex(t float64, n int) int {
	c := int(t)
	if float64(c) != t || c < 0 || c >= n {
		panic("engine: class index out of range")
	}
	return c
}

// lossSum adds nb examples' losses (rows of z and y of width out, targets
// t) to loss, one by one, and returns it with how many of the examples (or
// output units, for several sigmoid or tanh units) are classified
// correctly.
func (o Output) lossSum(loss float64, z, y, t []float64, nb, out int) (float64, int) {
	correct := 0
	switch o.kind {
	case outSigmoid:
		z, y, t = z[:nb*out], y[:nb*out], t[:nb*out]
		for k, tk := range t {
			var l float64
			switch tk {
			case 1:
				l = softplus(-z[k])
			case 0:
				l = softplus(z[k])
			default:
				l = float64((1-tk)*softplus(z[k])) + float64(tk*softplus(-z[k]))
			}
			loss += l
			if (y[k] > 0.5) == (tk > 0.5) {
				correct++
			}
		}
	case outTanh, outLinear:
		y, t = y[:nb*out], t[:nb*out]
		for k, tk := range t {
			e := y[k] - tk
			loss += float64(0.5 * e * e)
			if (y[k] > 0) == (tk > 0) {
				correct++
			}
		}
	case outSoftmax:
		for r := range nb {
			zr, yr := z[r*out:][:out], y[r*out:][:out]
			c := classIndex(t[r], out)
			m, best := math.Inf(-1), 0
			for k, v := range zr {
				m = max(m, v)
				if yr[k] > yr[best] {
					best = k
				}
			}
			var s float64
			for _, v := range zr {
				s += exp(v - m)
			}
			loss += log(s) - (zr[c] - m)
			if best == c {
				correct++
			}
		}
	}
	return loss, correct
}
