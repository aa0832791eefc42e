package pycode

import (
	"strings"

	"nnplay/engine"
)

// pyActivation is an activation written in NumPy: f(z), and f′ from z and
// a = f(z), as the engine's Deriv takes them. Each works on numbers and
// on arrays.
type pyActivation struct {
	f, df string // what the functions return; df may first set s
}

// activations are the engine's activations in NumPy, by token. The forms
// follow the engine's where it avoids overflow (softplus), and np.minimum
// keeps np.exp from overflowing in the branch np.where does not take.
var activations = map[string]pyActivation{
	engine.Sigmoid.Name():   {"1 / (1 + np.exp(-z))", "e = np.exp(-np.abs(z))  # a * (1 - a), without its cancellation\n    s = 1 / (1 + e)\n    e * s * s"},
	engine.Tanh.Name():      {"np.tanh(z)", "e = np.exp(-2 * np.abs(z))  # 1 - a * a, without its cancellation\n    s = 1 / (1 + e)\n    4 * e * s * s"},
	engine.ReLU.Name():      {"np.maximum(z, 0)", "np.where(z > 0, 1.0, 0.0)"},
	engine.LeakyReLU.Name(): {"np.where(z > 0, z, 0.01 * z)", "np.where(z > 0, 1.0, 0.01)"},
	engine.ELU.Name():       {"np.where(z > 0, z, np.expm1(np.minimum(z, 0)))", "np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))"},
	engine.Softplus.Name():  {"np.logaddexp(0, z)", "1 / (1 + np.exp(-z))"},
	engine.SiLU.Name():      {"z / (1 + np.exp(-z))", "e = np.exp(-np.abs(z))\n    r = 1 / (1 + e)\n    s = np.where(z >= 0, r, e * r)  # sigma(z)\n    q = np.where(z >= 0, e * r, r)  # 1 - sigma(z)\n    s * (1 + z * q)"},
	engine.Linear.Name():    {"z", "np.ones_like(z)"},
	engine.Step.Name():      {"np.where(z >= 0, 1.0, 0.0)", "np.zeros_like(z)"},
}

// activationDef returns the Python definition of act, with its formula in
// a comment; withDeriv adds f′ as name_deriv(z, a).
func activationDef(act engine.Activation, withDeriv bool) []string {
	pa := activations[act.Name()]
	name := ident(act.Name())
	lines := []string{
		"# " + act.Formula(),
		"def " + name + "(z):",
		"    return " + pa.f,
	}
	if withDeriv {
		lines = append(lines, "",
			"# "+act.DerivFormula(),
			"def "+name+"_deriv(z, a):",
			"    "+returnBody(pa.df),
		)
	}
	return lines
}

// returnBody puts "return" before the last line of a body.
func returnBody(body string) string {
	if i := strings.LastIndex(body, "\n    "); i >= 0 {
		return body[:i+5] + "return " + body[i+5:]
	}
	return "return " + body
}
