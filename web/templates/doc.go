// Package templates holds nnplay's templ components. Each page component
// takes its view model (package view) and nothing else; the generated
// *_templ.go files are committed, and make test checks they are current.
package templates
