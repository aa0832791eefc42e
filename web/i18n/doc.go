// Package i18n holds every word of nnplay's interface in Russian and
// English.
//
// # Overview
//
// The catalog is typed: each page has a struct of messages (NeuronMessages,
// HomeMessages, …) and one value of it per language, so a missing
// translation is an empty field that TestCatalogsComplete finds, not a key
// that silently falls back. Templates get the catalog with For(lang) and
// read fields; strings with parameters are fmt formats whose verbs are
// documented on the field.
//
// The package is pure (no net/http), so the wasm module uses it too and the
// messages it shows while you type are the server's messages.
package i18n
