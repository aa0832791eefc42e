//go:build js && wasm

// Command neuron is the /neuron page's WebAssembly module (wasm/glue).
package main

import (
	"net/url"

	"nnplay/wasm/glue"
	"nnplay/web/i18n"
	"nnplay/web/pycode"
	"nnplay/web/state"
	"nnplay/web/view"
)

func main() {
	glue.Program = func(query string, lang i18n.Lang) *pycode.Program {
		q, err := state.ParseQuery(query)
		if err != nil {
			return nil
		}
		st, err := state.DecodeNeuron(q)
		if err != nil {
			return nil
		}
		return pycode.Neuron(st, lang)
	}
	glue.Serve("neuron", neuronUpdate, nil)
}

// neuronUpdate is the /neuron page's update: the decoded form's result,
// or its errors.
func neuronUpdate(q url.Values, lang i18n.Lang, op string) *view.Live {
	n, err := state.DecodeNeuron(q)
	if err != nil {
		return view.NeuronInvalid(q, err, lang).Live(false)
	}
	return view.Neuron(n, lang).Live(op != "")
}
