package engine

import "math"

// Activation is a neuron's activation function f together with its
// derivative and the formulas shown to students.
//
// Activations are obtained from the registry (Activations, ActivationByName)
// or the package variables (Sigmoid, Tanh, …); their Name is the stable
// token used in links. The zero value is not usable: its methods panic.
type Activation struct {
	name         string
	formula      string
	derivFormula string
	f            func(z float64) float64
	// deriv is f′(z) to full relative precision over the whole float64
	// range: what the neuron page shows.
	deriv func(z float64) float64
	// df is backprop's f′ given z and y = f(z), as TensorFlow computes it
	// (σ′ = y(1 − y), tanh′ = 1 − y²): it loses relative precision only
	// where f′ < 2⁻⁵³, which moves no weight, and keeping it keeps every
	// shared training run replaying bit for bit.
	df func(z, y float64) float64
}

// Name returns the activation's stable token, as used in links ("sigmoid").
func (a Activation) Name() string { return a.name }

// Formula returns f(z) in language-neutral notation, typeset with Unicode
// superscripts, for example "σ(z) = 1 / (1 + e⁻ᶻ)". It holds no words.
func (a Activation) Formula() string { return a.formula }

// DerivFormula returns f′(z) in language-neutral notation, without words:
// where f′ is undefined (step at 0) the caller says so in its language.
func (a Activation) DerivFormula() string { return a.derivFormula }

// Eval returns f(z). It panics if a is the zero Activation.
func (a Activation) Eval(z float64) float64 {
	if a.f == nil {
		panic("engine: zero Activation")
	}
	return a.f(z)
}

// Deriv returns f′(z) to within a few ulps of the exact value over the
// whole float64 range: it is 0 or subnormal only where the exact f′ is
// below the smallest normal float64 (σ′(z) = e^(−|z|)/(1 + e^(−|z|))², not
// σ(1 − σ), which is 0 once σ rounds to 1). Where f is not differentiable
// (ReLU and step at 0) Deriv returns the conventional one-sided value
// documented in DerivFormula. It panics if a is the zero Activation.
func (a Activation) Deriv(z float64) float64 {
	if a.deriv == nil {
		panic("engine: zero Activation")
	}
	return a.deriv(z)
}

// The activations, in the order they are listed to users.
var (
	// Sigmoid is the logistic function, the lesson's activation.
	Sigmoid = Activation{
		name:         "sigmoid",
		formula:      "σ(z) = 1 / (1 + e⁻ᶻ)",
		derivFormula: "σ′(z) = σ(z) · (1 − σ(z))",
		f:            sigmoid,
		deriv:        sigmoidDeriv,
		df:           func(_, y float64) float64 { return float64(y * (1 - y)) },
	}
	// Tanh is the hyperbolic tangent.
	Tanh = Activation{
		name:         "tanh",
		formula:      "tanh(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)",
		derivFormula: "tanh′(z) = 1 − tanh²(z)",
		f:            tanh,
		deriv:        tanhDeriv,
		df:           func(_, y float64) float64 { return 1 - float64(y*y) },
	}
	// ReLU is the rectified linear unit.
	ReLU = Activation{
		name:         "relu",
		formula:      "ReLU(z) = max(0, z)",
		derivFormula: "ReLU′(z) = 1 (z > 0); 0 (z ≤ 0)",
		f:            func(z float64) float64 { return max(0, z) },
		deriv:        func(z float64) float64 { return step01(z > 0) },
		df:           func(z, _ float64) float64 { return step01(z > 0) },
	}
	// LeakyReLU is ReLU with slope LeakyReLUSlope below zero.
	LeakyReLU = Activation{
		name:         "leaky-relu",
		formula:      "LeakyReLU(z) = z (z > 0); 0.01·z (z ≤ 0)",
		derivFormula: "LeakyReLU′(z) = 1 (z > 0); 0.01 (z ≤ 0)",
		f: func(z float64) float64 {
			if z > 0 {
				return z
			}
			return LeakyReLUSlope * z
		},
		deriv: leakyReLUDeriv,
		df:    func(z, _ float64) float64 { return leakyReLUDeriv(z) },
	}
	// ELU is the exponential linear unit with α = 1.
	ELU = Activation{
		name:         "elu",
		formula:      "ELU(z) = z (z > 0); eᶻ − 1 (z ≤ 0)",
		derivFormula: "ELU′(z) = 1 (z > 0); eᶻ (z ≤ 0)",
		f: func(z float64) float64 {
			if z > 0 {
				return z
			}
			return expm1(z) // eᶻ − 1 would lose the digits of a small z
		},
		deriv: eluDeriv,
		df:    func(z, _ float64) float64 { return eluDeriv(z) },
	}
	// Softplus is the smooth approximation of ReLU.
	Softplus = Activation{
		name:         "softplus",
		formula:      "softplus(z) = ln(1 + eᶻ)",
		derivFormula: "softplus′(z) = σ(z)",
		f:            softplus,
		deriv:        sigmoid,
		df:           func(z, _ float64) float64 { return sigmoid(z) },
	}
	// SiLU is the sigmoid-weighted linear unit, also called swish.
	SiLU = Activation{
		name:         "silu",
		formula:      "SiLU(z) = z · σ(z)",
		derivFormula: "SiLU′(z) = σ(z) · (1 + z · (1 − σ(z)))",
		f:            silu,
		deriv:        siluDeriv,
		// Backprop keeps the autodiff form of z·σ(z), as TensorFlow's.
		df: func(z, _ float64) float64 {
			s := sigmoid(z)
			return s * (1 + float64(z*(1-s)))
		},
	}
	// Linear is the identity: the neuron outputs z itself.
	Linear = Activation{
		name:         "linear",
		formula:      "f(z) = z",
		derivFormula: "f′(z) = 1",
		f:            func(z float64) float64 { return z },
		deriv:        func(float64) float64 { return 1 },
		df:           func(_, _ float64) float64 { return 1 },
	}
	// Step is the Heaviside step of Rosenblatt's original perceptron.
	Step = Activation{
		name:         "step",
		formula:      "step(z) = 1 (z ≥ 0); 0 (z < 0)",
		derivFormula: "step′(z) = 0 (z ≠ 0)",
		f:            func(z float64) float64 { return step01(z >= 0) },
		deriv:        func(float64) float64 { return 0 },
		df:           func(_, _ float64) float64 { return 0 },
	}
)

// LeakyReLUSlope is LeakyReLU's slope for z ≤ 0.
const LeakyReLUSlope = 0.01

var activations = []Activation{Sigmoid, Tanh, ReLU, LeakyReLU, ELU, Softplus, SiLU, Linear, Step}

// Activations returns every activation in the order they are listed to
// users. The returned slice is a copy.
func Activations() []Activation {
	return append([]Activation(nil), activations...)
}

// ActivationByName returns the activation whose Name is name, and whether
// there is one.
func ActivationByName(name string) (Activation, bool) {
	for _, a := range activations {
		if a.name == name {
			return a, true
		}
	}
	return Activation{}, false
}

// Exact derivatives, and SiLU, written so that each keeps full relative
// precision over the whole float64 range (see Deriv).

// sigmoidDeriv returns σ′(z) = e^(−|z|) / (1 + e^(−|z|))²: σ′ is even, and
// e^(−|z|) never overflows and is accurate where σ(1 − σ) cancels.
func sigmoidDeriv(z float64) float64 {
	e := exp(-math.Abs(z))
	s := 1 / (1 + e)
	return float64(e*s) * s
}

// tanhDeriv returns tanh′(z) = 1 − tanh²(z) = 4e / (1 + e)² with
// e = e^(−2|z|), which has no cancellation: an error in e is damped, not
// amplified, by the quotient.
func tanhDeriv(z float64) float64 {
	e := exp(-2 * math.Abs(z))
	s := 1 / (1 + e)
	return float64(float64(4*e)*s) * s
}

func leakyReLUDeriv(z float64) float64 {
	if z > 0 {
		return 1
	}
	return LeakyReLUSlope
}

func eluDeriv(z float64) float64 {
	if z > 0 {
		return 1
	}
	return exp(z)
}

// siluTail is where σ(z) becomes subnormal: below it SiLU and SiLU′ are
// computed from e^z = y·2ᵏ with y normal, scaling once at the end, since
// z·σ(z) would multiply an already rounded subnormal by up to 745.
const siluTail = -708

// silu returns z·σ(z).
func silu(z float64) float64 {
	if z < siluTail {
		y, k := expSplit(z)
		return math.Ldexp(z*y, k) // σ(z) = eᶻ to within e^(2z)
	}
	return z * sigmoid(z)
}

// siluDeriv returns SiLU′(z) = σ(z)·(1 + z·(1 − σ(z))), with 1 − σ(z)
// computed as σ(−z) (not by subtraction, which loses it for z > 0) and
// 1 + z·(1 − σ) rounded once (math.FMA is correctly rounded on every
// architecture, so it stays bit-identical).
func siluDeriv(z float64) float64 {
	if z < siluTail {
		y, k := expSplit(z)
		return math.Ldexp(y*(1+z), k)
	}
	e := exp(-math.Abs(z)) // e^(−|z|)
	r := 1 / (1 + e)
	s, q := r, float64(e*r) // σ(z), 1 − σ(z) for z ≥ 0
	if z < 0 {
		s, q = q, s
	}
	return s * math.FMA(z, q, 1)
}

func step01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
