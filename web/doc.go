// Package web is nnplay's HTTP server: Echo v4 routes and handlers, the one
// central error handler, middleware (recovery, request logging, security
// headers, compression) and the embedded static files.
//
// # Overview
//
// Handlers only convert and delegate: state decodes and validates the link,
// view computes what the page shows (with engine), and templates or chart
// render it. A handler never writes an error response itself; it returns an
// error, and handleError turns it into a page in the user's language (or
// JSON under /api/). A link with bad values is a *pageError carrying the
// page's own form with the errors, shown with status 400.
//
// Responses for a canonical state are deterministic, so they carry an ETag
// and Cache-Control, and a conditional request gets 304.
package web
