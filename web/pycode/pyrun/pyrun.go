// Package pyrun runs generated Python programs for the tests: under a
// Python with NumPy, many programs in one interpreter.
package pyrun

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// The programs run under a Python with NumPy: $PYTHON, or Debian's
// /usr/bin/python3 (python3-numpy), or python3 on the PATH. A missing
// interpreter or NumPy fails the tests with what to install: a program
// that is never run proves nothing.
var (
	pythonOnce sync.Once
	pythonPath string
	pythonErr  string
)

// Python returns the interpreter's path, or fails t saying what to
// install.
func Python(t testing.TB) string {
	t.Helper()
	pythonOnce.Do(func() {
		candidates := []string{os.Getenv("PYTHON"), "/usr/bin/python3"}
		if p, err := exec.LookPath("python3"); err == nil {
			candidates = append(candidates, p)
		}
		for _, c := range candidates {
			if c == "" {
				continue
			}
			out, err := exec.Command(c, "-c", "import numpy; print(numpy.__version__)").CombinedOutput()
			if err == nil {
				pythonPath = c
				return
			}
			pythonErr += "\n  " + c + ": " + strings.TrimSpace(lastLine(string(out)))
		}
		pythonErr = "the generated programs need python3 with NumPy (Debian: apt-get install python3-numpy; or set PYTHON):" + pythonErr
	})
	if pythonPath == "" {
		t.Fatal(pythonErr)
	}
	return pythonPath
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// programSeparator ends each program's output in a batch run.
const programSeparator = "\x00<<end of program>>\n"

// batchDriver runs the programs it reads from stdin one after another in
// one interpreter (starting Python and importing NumPy costs about a
// second on a busy machine), each in fresh globals as if run as a script.
const batchDriver = `
import contextlib, io, sys
programs = sys.stdin.read().split("\n#\x00<<next program>>\n")
for i, source in enumerate(programs):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "program-%d.py" % (i + 1), "exec"), {"__name__": "__main__"})
    sys.stdout.write(out.getvalue() + "\x00<<end of program>>\n")
`

// Run runs programs and returns what each prints; stderr (NumPy's
// overflow warnings, a traceback) goes into the failure message only.
func Run(t testing.TB, programs ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, Python(t), "-c", batchDriver)
	cmd.Stdin = strings.NewReader(strings.Join(programs, "\n#\x00<<next program>>\n"))
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("python: %v\n%s", err, errb.String())
	}
	outs := strings.Split(out.String(), programSeparator)
	if len(outs) != len(programs)+1 {
		t.Fatalf("python ran %d programs of %d", len(outs)-1, len(programs))
	}
	return outs[:len(programs)]
}
