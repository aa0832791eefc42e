//go:build js && wasm

// Command network is the /network page's WebAssembly module (wasm/glue).
package main

import (
	"errors"
	"syscall/js"
	"time"

	"nnplay/wasm/glue"
	"nnplay/web/netrun"
	"nnplay/web/view"
)

// network is the /network page's live session (web/netrun): this file
// only converts its calls.
var network = netrun.NewSession(time.Now, nil)

func main() {
	glue.Serve("network", network.Update, map[string]glue.Func{
		"netStep":   netStep,
		"netPixels": netPixels,
		"netTap":    netTap,
		"netKey":    netKey,
	})
}

// netStep(epochs) moves the session on by one frame (netrun.Session.Step)
// and resolves with the frame as JSON (netrun.Frame.JSON).
func netStep(args []js.Value) (any, error) {
	if len(args) != 1 || args[0].Type() != js.TypeNumber {
		return nil, errors.New("nnplay.netStep(epochs): a number expected")
	}
	f, err := network.Step(args[0].Int())
	if err != nil {
		return nil, errors.New("nnplay.netStep: " + err.Error())
	}
	if f.Relocate {
		glue.SetLocation(f.Live.Query)
	}
	return string(f.JSON()), nil
}

// netPixels(buffer) copies the latest heatmaps' RGBA pixels into buffer, a
// Uint8Array, when they fit, and resolves with their layout as JSON
// (netrun.PixelsJSON).
func netPixels(args []js.Value) (any, error) {
	if len(args) != 1 || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, errors.New("nnplay.netPixels(buffer): a Uint8Array expected")
	}
	rgba, n, taken := network.TakePixels(args[0].Length())
	if taken {
		js.CopyBytesToJS(args[0], rgba)
	}
	return string(netrun.PixelsJSON(rgba, n, taken)), nil
}

// netTap(x, y, width, height) applies a click or tap on the plot
// (netrun.Session.Tap) and resolves with the page update (JSON).
func netTap(args []js.Value) (any, error) {
	v := make([]float64, len(args))
	for i, a := range args {
		if a.Type() != js.TypeNumber {
			return nil, errors.New("nnplay.netTap: four numbers expected")
		}
		v[i] = a.Float()
	}
	if len(v) != 4 {
		return nil, errors.New("nnplay.netTap(x, y, width, height): four numbers expected")
	}
	live, relocate, err := network.Tap(v[0], v[1], v[2], v[3])
	return liveResult("nnplay.netTap: ", live, relocate, err)
}

// netKey(key) applies a key pressed on the plot (netrun.Session.Key) and
// resolves with the page update (JSON), or null for a key it does not use.
func netKey(args []js.Value) (any, error) {
	if len(args) != 1 || args[0].Type() != js.TypeString {
		return nil, errors.New("nnplay.netKey(key): a string expected")
	}
	live, relocate, used, err := network.Key(args[0].String())
	if err == nil && !used {
		return nil, nil
	}
	return liveResult("nnplay.netKey: ", live, relocate, err)
}

func liveResult(prefix string, live *view.Live, relocate bool, err error) (any, error) {
	if err != nil {
		return nil, errors.New(prefix + err.Error())
	}
	if relocate {
		glue.SetLocation(live.Query)
	}
	return string(live.JSON()), nil
}
