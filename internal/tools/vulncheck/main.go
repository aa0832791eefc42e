// Command vulncheck reads govulncheck's JSON findings on stdin and fails
// when code of this module calls a known vulnerability of a module in the
// build, unless the vulnerability is listed, with its reason, in the allow
// file. Findings in the Go standard library are printed as a warning: they
// are fixed by a newer toolchain, not by go.mod.
//
//	go tool govulncheck -format json -db file://DIR ./... | go run ./internal/tools/vulncheck -allow FILE
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// message is one of govulncheck's JSON messages; only findings matter here.
type message struct {
	Finding *struct {
		OSV          string `json:"osv"`
		FixedVersion string `json:"fixed_version"`
		Trace        []struct {
			Module   string `json:"module"`
			Version  string `json:"version"`
			Package  string `json:"package"`
			Function string `json:"function"`
		} `json:"trace"`
	} `json:"finding"`
}

func main() {
	allowPath := flag.String("allow", "", "file of allowed vulnerability IDs, one per line, each with its reason after the ID")
	flag.Parse()
	allowed, err := readAllow(*allowPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulncheck:", err)
		os.Exit(2)
	}
	failed, warned, noted, seen := map[string]string{}, map[string]string{}, map[string]string{}, 0
	dec := json.NewDecoder(bufio.NewReader(os.Stdin))
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			fmt.Fprintln(os.Stderr, "vulncheck: reading govulncheck's output:", err)
			os.Exit(2)
		}
		seen++
		f := m.Finding
		if f == nil || len(f.Trace) == 0 || f.Trace[0].Function == "" {
			continue // not called by this module's code
		}
		t := f.Trace[0]
		fixed := f.FixedVersion
		if fixed == "" {
			fixed = "no fix"
		}
		line := fmt.Sprintf("%s in %s@%s (%s.%s), fixed in %s", f.OSV, t.Module, t.Version, t.Package, t.Function, fixed)
		switch {
		case t.Module == "stdlib" || t.Module == "toolchain":
			warned[f.OSV+t.Module] = line
		case allowed[f.OSV] != "":
			noted[f.OSV] = "allowed: " + f.OSV + ": " + allowed[f.OSV]
		default:
			failed[f.OSV+t.Module] = line
		}
	}
	if seen == 0 {
		fmt.Fprintln(os.Stderr, "vulncheck: no output from govulncheck")
		os.Exit(2)
	}
	for _, l := range sorted(noted) {
		fmt.Println(l)
	}
	for _, l := range sorted(warned) {
		fmt.Println("warning: the Go toolchain:", l)
	}
	for _, l := range sorted(failed) {
		fmt.Println("VULNERABLE:", l)
	}
	if len(failed) > 0 {
		os.Exit(1)
	}
	fmt.Println("vulncheck: no called vulnerability in the modules of the build")
}

func sorted(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// readAllow reads "ID reason…" lines; # starts a comment. Every entry
// needs a reason.
func readAllow(path string) (map[string]string, error) {
	allowed := map[string]string{}
	if path == "" {
		return allowed, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", path, n+1, id)
		}
		allowed[id] = strings.TrimSpace(reason)
	}
	return allowed, nil
}
