//go:build js && wasm

// Package glue is what every page's WebAssembly module shares: the
// nnplay global, its Promises, the form update and the address bar.
//
// Each page has its own module, a main package under wasm/ named after
// the page (wasm/neuron, wasm/conv, wasm/network), so a page downloads
// only its own code; its main calls Serve. The nnplay global's functions
// return Promises: they resolve with JSON (or bytes) and reject with an
// Error for misuse or a recovered panic. Nothing here computes; it
// converts and delegates.
package glue

import (
	"errors"
	"net/url"
	"syscall/js"

	"nnplay/web/i18n"
	"nnplay/web/textf"
	"nnplay/web/view"
)

// Update is a page's form update: the decoded form's page, or its errors.
type Update func(q url.Values, lang i18n.Lang, op string) *view.Live

// Func is a function the page's own script calls besides update.
type Func func(args []js.Value) (any, error)

// Serve registers the nnplay global with update (for the page whose
// form's data-live is page) and funcs, by name, and serves calls from JS
// for ever.
func Serve(page string, update Update, funcs map[string]Func) {
	api := js.Global().Get("Object").New()
	api.Set("update", promiseFunc(func(args []js.Value) (any, error) { return updateCall(page, update, args) }))
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
func updateCall(name string, pageUpdate Update, args []js.Value) (any, error) {
	if len(args) != 3 || args[0].Type() != js.TypeString || !IsArray(args[1]) || args[2].Type() != js.TypeString {
		return nil, errors.New("nnplay.update(page, entries, op): a string, an array and a string expected")
	}
	q := url.Values{}
	for i := range args[1].Length() {
		p := args[1].Index(i)
		if !IsArray(p) || p.Length() != 2 || p.Index(0).Type() != js.TypeString || p.Index(1).Type() != js.TypeString {
			return nil, errors.New(textf.Sprintf("nnplay.update: entry %d is not a [name, value] pair of strings", i))
		}
		q.Add(p.Index(0).String(), p.Index(1).String())
	}
	op := args[2].String()
	if op != "" {
		q.Set("op", op)
	}
	lang, _ := i18n.Parse(js.Global().Get("document").Get("documentElement").Get("lang").String())

	if page := args[0].String(); page != name {
		return nil, errors.New(textf.Sprintf("nnplay.update: unknown page %q", page))
	}
	live := pageUpdate(q, lang, op)
	addCode(name, live, lang)
	if len(live.Errors) == 0 {
		SetLocation(live.Query)
	}
	return string(live.JSON()), nil
}

// IsArray reports whether v is a JS array.
func IsArray(v js.Value) bool { return js.Global().Get("Array").Call("isArray", v).Bool() }

// SetLocation is the one place that touches the address bar: it replaces
// the current entry with the canonical link, so reload and sharing give
// what is on screen and the back button is not flooded.
func SetLocation(query string) {
	loc := js.Global().Get("location")
	target := view.Link(loc.Get("pathname").String(), query)
	if target != loc.Get("pathname").String()+loc.Get("search").String() {
		js.Global().Get("history").Call("replaceState", js.Null(), "", target)
	}
}

// promiseFunc wraps f as a JS function returning a Promise. f runs in a
// goroutine (a JS callback must not block); an error or a panic rejects.
func promiseFunc(f Func) js.Func {
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
