//go:build js && wasm

// Command wasm is nnplay's WebAssembly module: thin glue that lets the
// browser run the same engine, state codec and view code as the server.
//
// It registers one global, nnplay, whose functions return Promises: they
// resolve with JSON (or bytes) and reject with an Error for misuse or a
// recovered panic. Nothing in this package computes; it converts and
// delegates. Each page's glue is in its own file.
package main

import (
	"errors"
	"net/url"
	"nnplay/web/textf"
	"syscall/js"

	"nnplay/web/i18n"
	"nnplay/web/view"
)

// updates are the pages' form updates, by the page's data-live name.
var updates = map[string]func(q url.Values, lang i18n.Lang, op string) *view.Live{
	"neuron": neuronUpdate,
}

// funcs are the functions a page's own script calls besides update, by
// name on the nnplay global; each page's file adds its own.
var funcs = map[string]func(args []js.Value) (any, error){}

func main() {
	api := js.Global().Get("Object").New()
	api.Set("update", promiseFunc(update))
	for name, f := range funcs {
		api.Set(name, promiseFunc(f))
	}
	js.Global().Set("nnplay", api)
	select {} // keep serving calls from JS
}

// update(page, entries, op) decodes a page's form (its FormData entries,
// an array of [name, value] pairs), applies op, computes the page update,
// puts the canonical link in the address bar, and returns the update as
// JSON (view.Live).
func update(args []js.Value) (any, error) {
	if len(args) != 3 || args[0].Type() != js.TypeString || !isArray(args[1]) || args[2].Type() != js.TypeString {
		return nil, errors.New("nnplay.update(page, entries, op): a string, an array and a string expected")
	}
	q := url.Values{}
	for i := range args[1].Length() {
		p := args[1].Index(i)
		if !isArray(p) || p.Length() != 2 || p.Index(0).Type() != js.TypeString || p.Index(1).Type() != js.TypeString {
			return nil, errors.New(textf.Sprintf("nnplay.update: entry %d is not a [name, value] pair of strings", i))
		}
		q.Add(p.Index(0).String(), p.Index(1).String())
	}
	op := args[2].String()
	if op != "" {
		q.Set("op", op)
	}
	lang, _ := i18n.Parse(js.Global().Get("document").Get("documentElement").Get("lang").String())

	page := args[0].String()
	pageUpdate, ok := updates[page]
	if !ok {
		return nil, errors.New(textf.Sprintf("nnplay.update: unknown page %q", page))
	}
	live := pageUpdate(q, lang, op)
	addCode(page, live, lang)
	if len(live.Errors) == 0 {
		setLocation(live.Query)
	}
	return string(live.JSON()), nil
}

func isArray(v js.Value) bool { return js.Global().Get("Array").Call("isArray", v).Bool() }

// setLocation is the one place that touches the address bar: it replaces
// the current entry with the canonical link, so reload and sharing give
// what is on screen and the back button is not flooded.
func setLocation(query string) {
	loc := js.Global().Get("location")
	target := view.Link(loc.Get("pathname").String(), query)
	if target != loc.Get("pathname").String()+loc.Get("search").String() {
		js.Global().Get("history").Call("replaceState", js.Null(), "", target)
	}
}

// promiseFunc wraps f as a JS function returning a Promise. f runs in a
// goroutine (a JS callback must not block); an error or a panic rejects.
func promiseFunc(f func(args []js.Value) (any, error)) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) any {
		executor := js.FuncOf(func(_ js.Value, p []js.Value) any {
			resolve, reject := p[0], p[1]
			go func() {
				defer func() {
					if r := recover(); r != nil {
						reject.Invoke(jsError(textf.Sprint("nnplay: internal error: ", r)))
					}
				}()
				v, err := f(args)
				if err != nil {
					reject.Invoke(jsError(err.Error()))
					return
				}
				resolve.Invoke(v)
			}()
			return nil
		})
		defer executor.Release() // the Promise constructor calls it at once
		return js.Global().Get("Promise").New(executor)
	})
}

func jsError(msg string) js.Value {
	return js.Global().Get("Error").New(msg)
}
