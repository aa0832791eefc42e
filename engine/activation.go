package engine

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
	df           func(z, a float64) float64
}

// Name returns the activation's stable token, as used in links ("sigmoid").
func (a Activation) Name() string { return a.name }

// Formula returns f(z) written in language-neutral notation,
// for example "σ(z) = 1 / (1 + e^(−z))".
func (a Activation) Formula() string { return a.formula }

// DerivFormula returns f′(z) written in language-neutral notation.
func (a Activation) DerivFormula() string { return a.derivFormula }

// Eval returns f(z). It panics if a is the zero Activation.
func (a Activation) Eval(z float64) float64 {
	if a.f == nil {
		panic("engine: zero Activation")
	}
	return a.f(z)
}

// Deriv returns f′(z), given z and its output y = f(z), so that each
// activation can use whichever is cheaper (σ′ = y(1 − y) needs no exp).
// Where f is not differentiable (ReLU and step at 0) Deriv returns the
// conventional one-sided value documented in DerivFormula.
// It panics if a is the zero Activation.
func (a Activation) Deriv(z, y float64) float64 {
	if a.df == nil {
		panic("engine: zero Activation")
	}
	return a.df(z, y)
}

// The activations, in the order they are listed to users.
var (
	// Sigmoid is the logistic function, the lesson's activation.
	Sigmoid = Activation{
		name:         "sigmoid",
		formula:      "σ(z) = 1 / (1 + e^(−z))",
		derivFormula: "σ′(z) = σ(z) · (1 − σ(z))",
		f:            sigmoid,
		df:           func(_, y float64) float64 { return float64(y * (1 - y)) },
	}
	// Tanh is the hyperbolic tangent.
	Tanh = Activation{
		name:         "tanh",
		formula:      "tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z))",
		derivFormula: "tanh′(z) = 1 − tanh²(z)",
		f:            tanh,
		df:           func(_, y float64) float64 { return 1 - float64(y*y) },
	}
	// ReLU is the rectified linear unit.
	ReLU = Activation{
		name:         "relu",
		formula:      "ReLU(z) = max(0, z)",
		derivFormula: "ReLU′(z) = 1 (z > 0); 0 (z ≤ 0)",
		f:            func(z float64) float64 { return max(0, z) },
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
		df: func(z, _ float64) float64 {
			if z > 0 {
				return 1
			}
			return LeakyReLUSlope
		},
	}
	// ELU is the exponential linear unit with α = 1.
	ELU = Activation{
		name:         "elu",
		formula:      "ELU(z) = z (z > 0); e^z − 1 (z ≤ 0)",
		derivFormula: "ELU′(z) = 1 (z > 0); e^z (z ≤ 0)",
		f: func(z float64) float64 {
			if z > 0 {
				return z
			}
			return exp(z) - 1
		},
		df: func(z, _ float64) float64 {
			if z > 0 {
				return 1
			}
			return exp(z)
		},
	}
	// Softplus is the smooth approximation of ReLU.
	Softplus = Activation{
		name:         "softplus",
		formula:      "softplus(z) = ln(1 + e^z)",
		derivFormula: "softplus′(z) = σ(z)",
		f:            softplus,
		df:           func(z, _ float64) float64 { return sigmoid(z) },
	}
	// SiLU is the sigmoid-weighted linear unit, also called swish.
	SiLU = Activation{
		name:         "silu",
		formula:      "SiLU(z) = z · σ(z)",
		derivFormula: "SiLU′(z) = σ(z) · (1 + z · (1 − σ(z)))",
		f: func(z float64) float64 {
			return z * sigmoid(z)
		},
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
		df:           func(_, _ float64) float64 { return 1 },
	}
	// Step is the Heaviside step of Rosenblatt's original perceptron.
	Step = Activation{
		name:         "step",
		formula:      "step(z) = 1 (z ≥ 0); 0 (z < 0)",
		derivFormula: "step′(z) = 0 (z ≠ 0; undefined at 0)",
		f:            func(z float64) float64 { return step01(z >= 0) },
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

func step01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
