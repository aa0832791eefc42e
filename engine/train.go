package engine

import (
	"errors"
	"math"
)

// ErrDiverged is returned when training makes the loss or the weights
// infinite or NaN (the learning rate is too high, typically). The network
// is left as it was before the epoch that diverged.
var ErrDiverged = errors.New("engine: training diverged")

// Regularization is a penalty on the weights (never the biases), added to
// the loss with a rate λ, as in TensorFlow Playground:
//
//	none  0
//	L1    λ·Σ|w|
//	L2    λ·Σ½w²
//
// The zero value is no regularization. Regularizations are also obtained
// from the registry (Regularizations, RegularizationByName); their Name is
// the stable token used in links.
type Regularization struct{ kind regKind }

type regKind uint8

const (
	regNone regKind = iota
	regL1
	regL2
)

// The regularizations, in the order they are listed to users.
var (
	NoRegularization = Regularization{regNone}
	L1               = Regularization{regL1}
	L2               = Regularization{regL2}
)

var regularizations = []Regularization{NoRegularization, L1, L2}

// Name returns the regularization's stable token: "none", "l1" or "l2".
func (r Regularization) Name() string {
	switch r.kind {
	case regL1:
		return "l1"
	case regL2:
		return "l2"
	}
	return "none"
}

// Formula returns the penalty written in language-neutral notation.
func (r Regularization) Formula() string {
	switch r.kind {
	case regL1:
		return "λ·Σ|w|"
	case regL2:
		return "λ·Σ½w²"
	}
	return "0"
}

// Regularizations returns every regularization in the order they are
// listed to users. The returned slice is a copy.
func Regularizations() []Regularization {
	return append([]Regularization(nil), regularizations...)
}

// RegularizationByName returns the regularization whose Name is name, and
// whether there is one.
func RegularizationByName(name string) (Regularization, bool) {
	for _, r := range regularizations {
		if r.Name() == name {
			return r, true
		}
	}
	return Regularization{}, false
}

// SGD is plain mini-batch stochastic gradient descent, as TensorFlow
// Playground trains: the examples are taken in order, BatchSize at a time
// (the last batch of an epoch may be smaller), and after each batch every
// parameter θ takes the step
//
//	θ ← θ − LearningRate·(mean over the batch of ∂L/∂θ + RegRate·∂R/∂θ)
//
// where R is the Regularization's penalty, on weights only. Under L1 a
// weight that the penalty would push across zero stops at zero (the
// proximal step; TensorFlow Playground does the same but then freezes the
// weight, which we do not, so the weights alone are the network's state).
type SGD struct {
	LearningRate   float64
	BatchSize      int
	Regularization Regularization
	RegRate        float64
}

func (s SGD) check() {
	if !(s.LearningRate > 0) || math.IsInf(s.LearningRate, 0) || s.BatchSize < 1 ||
		!(s.RegRate >= 0) || math.IsInf(s.RegRate, 0) || s.Regularization.kind > regL2 {
		panic("engine: bad SGD settings")
	}
}

// Train runs epochs passes of s over the n examples: x holds n rows of
// Sizes()[0] inputs, t holds the targets, n rows of one value per output
// (a class index per example for SoftmaxOutput). The examples are visited
// in the given order every epoch; shuffling is the caller's choice.
//
// If an epoch makes a weight or bias infinite or NaN, Train restores the
// parameters that epoch started with and returns ErrDiverged.
//
// Train panics if the lengths of x and t do not match the network, or s
// has a learning rate that is not positive and finite, a batch size below
// 1 or a negative or infinite RegRate.
func (m *MLP) Train(x, t []float64, s SGD, epochs int) error {
	s.check()
	n := m.checkData(x, t)
	if n == 0 {
		return nil
	}
	bs := min(s.BatchSize, n)
	m.ensure(bs)
	m.grad = resize(m.grad, len(m.params))
	in, tw := m.sizes[0], m.targetWidth()
	for range epochs {
		m.snap = append(m.snap[:0], m.params...)
		for start := 0; start < n; start += bs {
			nb := min(bs, n-start)
			xb := x[start*in:][:nb*in]
			m.forward(xb, nb)
			m.backward(xb, t[start*tw:][:nb*tw], nb)
			if !m.update(nb, s) {
				copy(m.params, m.snap)
				return ErrDiverged
			}
		}
	}
	return nil
}

// backward sets m.grad to the gradient of the batch's summed loss, after
// forward has run on the same nb examples.
func (m *MLP) backward(x, t []float64, nb int) {
	last := len(m.sizes) - 1
	clear(m.grad)
	d := m.d[last][:nb*m.sizes[last]]
	m.out.delta(d, m.a[last], t, nb, m.sizes[last])
	for l := last; l >= 1; l-- {
		in, out := m.sizes[l-1], m.sizes[l]
		a := x
		if l > 1 {
			a = m.a[l-1]
		}
		gw := m.grad[m.off[l]:][:in*out]
		gb := m.grad[m.off[l]+in*out:][:out]
		denseGrad(gw, gb, a, d, nb, in, out)
		if l > 1 {
			w, _ := m.weights(l)
			dp := m.d[l-1][:nb*in]
			denseBack(dp, w, d, nb, in, out)
			activateDeriv(m.hk, m.hidden, dp, m.z[l-1][:nb*in], m.a[l-1][:nb*in])
			d = dp
		}
	}
}

// update takes one SGD step with m.grad, the summed gradient of nb
// examples, and reports whether every parameter is still finite.
func (m *MLP) update(nb int, s SGD) bool {
	step := s.LearningRate / float64(nb)
	shrink := float64(s.LearningRate * s.RegRate)
	var bad float64 // stays 0 unless a parameter is ±Inf or NaN
	for l := 1; l < len(m.sizes); l++ {
		in, out := m.sizes[l-1], m.sizes[l]
		w := m.params[m.off[l]:][:in*out]
		g := m.grad[m.off[l]:][:in*out]
		switch {
		case s.Regularization.kind == regL2 && shrink != 0:
			for k, v := range w {
				u := (v - float64(step*g[k])) - float64(shrink*v)
				w[k] = u
				bad += u - u
			}
		case s.Regularization.kind == regL1 && shrink != 0:
			for k, v := range w {
				u := v - float64(step*g[k])
				switch {
				case u > shrink:
					u -= shrink
				case u < -shrink:
					u += shrink
				case u == u: // not NaN
					u = 0
				}
				w[k] = u
				bad += u - u
			}
		default:
			bad += sgdStep(w, g, step)
		}
		b := m.params[m.off[l]+in*out:][:out]
		gb := m.grad[m.off[l]+in*out:][:out]
		bad += sgdStep(b, gb, step)
	}
	return bad == 0
}

// sgdStep sets w[k] −= step·g[k] and returns 0, or NaN if a new value is
// ±Inf or NaN. It is unrolled by four: under wasm a loop iteration costs
// more than the arithmetic.
func sgdStep(w, g []float64, step float64) float64 {
	g = g[:len(w):len(w)]
	var bad float64
	k := 0
	for ; k+4 <= len(w); k += 4 {
		w4, g4 := w[k:k+4:k+4], g[k:k+4:k+4]
		u0 := w4[0] - float64(step*g4[0])
		u1 := w4[1] - float64(step*g4[1])
		u2 := w4[2] - float64(step*g4[2])
		u3 := w4[3] - float64(step*g4[3])
		w4[0], w4[1], w4[2], w4[3] = u0, u1, u2, u3
		bad += (u0 - u0) + (u1 - u1) + (u2 - u2) + (u3 - u3)
	}
	for ; k < len(w); k++ {
		u := w[k] - float64(step*g[k])
		w[k] = u
		bad += u - u
	}
	return bad
}

// GradientTo writes to dst, in the order of ParamsTo, the gradient of the
// objective that SGD descends on the examples x, t (see Train):
//
//	J = (1/n)·Σ L(example) + rate·R(weights)
//
// with ∂|w|/∂w taken as 0 at w = 0. It returns dst resliced to NumParams,
// reusing its storage when it is large enough. It panics if the lengths of
// x and t do not match the network or there are no examples.
func (m *MLP) GradientTo(dst, x, t []float64, reg Regularization, rate float64) []float64 {
	n := m.checkData(x, t)
	if n == 0 {
		panic("engine: no examples")
	}
	m.grad = resize(m.grad, len(m.params))
	m.forward(x, n)
	m.backward(x, t, n)
	dst = resize(dst, len(m.params))
	for l := 1; l < len(m.sizes); l++ {
		in, out := m.sizes[l-1], m.sizes[l]
		for k := m.off[l]; k < m.off[l]+in*out+out; k++ {
			g := m.grad[k] / float64(n)
			if k < m.off[l]+in*out {
				w := m.params[k]
				switch reg.kind {
				case regL1:
					g += float64(rate * l1Sign(w))
				case regL2:
					g += float64(rate * w)
				}
			}
			dst[k] = g
		}
	}
	return dst
}

func l1Sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// Evaluate returns the mean loss of the examples x, t (as for Train), with
// no regularization, and the accuracy: the fraction of the examples (or of
// the output units, when there are several sigmoid or tanh units)
// classified correctly. A sigmoid output is correct when it is on the
// target's side of 0.5, a tanh output on the target's side of 0, a
// softmax output when its largest probability is the target class. The
// accuracy is NaN for LinearOutput, and both are NaN if there are no
// examples. It panics if the lengths of x and t do not match the network.
func (m *MLP) Evaluate(x, t []float64) (loss, accuracy float64) {
	n := m.checkData(x, t)
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	in, tw := m.sizes[0], m.targetWidth()
	last := len(m.sizes) - 1
	out := m.sizes[last]
	var sum float64
	correct := 0
	for s := 0; s < n; s += evalRows {
		nb := min(evalRows, n-s)
		m.forward(x[s*in:], nb)
		var c int
		sum, c = m.out.lossSum(sum, m.z[last], m.a[last], t[s*tw:], nb, out)
		correct += c
	}
	loss = sum / float64(n)
	if !m.out.Classification() {
		return loss, math.NaN()
	}
	return loss, float64(correct) / float64(n*tw)
}

// Loss returns the mean loss of the examples x, t, as Evaluate does.
func (m *MLP) Loss(x, t []float64) float64 {
	l, _ := m.Evaluate(x, t)
	return l
}
