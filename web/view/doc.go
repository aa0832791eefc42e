// Package view turns a page's state into what the page shows: formatted
// numbers, written-out formulas, table rows, chart data, links and
// localized error messages.
//
// # Overview
//
// The server's templates render a view, and the wasm module sends the same
// view's Live form to the browser's glue, which only copies its strings into
// the elements marked with the same keys. So a number is formatted once, in
// Go, and the page shows the same text with and without JavaScript.
//
// The package is pure (no net/http, no templ, no plot): it is compiled into
// the wasm module. The arithmetic it shows comes from engine; view only
// formats it.
package view
