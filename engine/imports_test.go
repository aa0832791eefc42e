//go:build !js

package engine_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportPolicy keeps the engine pure (design.md): only the standard
// library and gonum's numeric packages, never the web stack or plotting.
// Like go/build's deps_test.go, this list is a statement of policy.
func TestImportPolicy(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	forbidden := []string{"syscall/js", "net/http", "gonum.org/v1/plot", "github.com/a-h/templ", "github.com/labstack/echo", "html/template"}
	for _, dep := range strings.Fields(string(out)) {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, f+"/") {
				t.Errorf("engine depends on %s", dep)
			}
		}
		if strings.Contains(dep, ".") && !strings.HasPrefix(dep, "gonum.org/v1/gonum/") && dep != "nnplay/engine" {
			t.Errorf("engine depends on %s: only the standard library and gonum.org/v1/gonum are allowed", dep)
		}
	}
}
