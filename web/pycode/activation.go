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
	engine.Sigmoid.Name():   {"1 / (1 + np.exp(-z))", "a * (1 - a)"},
	engine.Tanh.Name():      {"np.tanh(z)", "1 - a * a"},
	engine.ReLU.Name():      {"np.maximum(z, 0)", "np.where(z > 0, 1.0, 0.0)"},
	engine.LeakyReLU.Name(): {"np.where(z > 0, z, 0.01 * z)", "np.where(z > 0, 1.0, 0.01)"},
	engine.ELU.Name():       {"np.where(z > 0, z, np.exp(np.minimum(z, 0)) - 1)", "np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))"},
	engine.Softplus.Name():  {"np.logaddexp(0, z)", "1 / (1 + np.exp(-z))"},
	engine.SiLU.Name():      {"z / (1 + np.exp(-z))", "s = 1 / (1 + np.exp(-z))\n    s * (1 + z * (1 - s))"},
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
