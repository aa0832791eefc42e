package pycode_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"nnplay/web/pycode"
)

// nbSchemaFile is nbformat's own schema of a v4.5 notebook, copied from
// Debian's python3-nbformat 5.5.0 (nbformat/v4/nbformat.v4.5.schema.json).
const nbSchemaFile = "testdata/nbformat.v4.5.schema.json"

var (
	nbSchemaOnce sync.Once
	nbSchema     *jsonschema.Schema
	nbSchemaErr  error
)

// ValidateNotebook checks a notebook against nbformat's schema.
func validateNotebook(t *testing.T, nb []byte) {
	t.Helper()
	nbSchemaOnce.Do(func() {
		f, err := os.Open(nbSchemaFile)
		if err != nil {
			nbSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			nbSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("nbformat.v4.5.schema.json", doc); err != nil {
			nbSchemaErr = err
			return
		}
		nbSchema, nbSchemaErr = c.Compile("nbformat.v4.5.schema.json")
	})
	if nbSchemaErr != nil {
		t.Fatal(nbSchemaErr)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(nb))
	if err != nil {
		t.Fatalf("notebook is not JSON: %v", err)
	}
	if err := nbSchema.Validate(v); err != nil {
		t.Fatalf("notebook does not follow nbformat 4.5: %v", err)
	}
}

// TestNotebookSchema checks the schema check itself: a notebook without
// its nbformat fails it.
func TestNotebookSchema(t *testing.T) {
	good := (&pycode.Program{Name: "x", Cells: []pycode.Cell{{Kind: pycode.Markdown, Text: "# \"t\"\\\n\tx"}, {Kind: pycode.Code, Text: "print(1)"}}}).Notebook()
	validateNotebook(t, good)
	var doc map[string]any
	if err := json.Unmarshal(good, &doc); err != nil {
		t.Fatal(err)
	}
	if src := doc["cells"].([]any)[0].(map[string]any)["source"].([]any); src[0] != "# \"t\"\\\n" || src[1] != "\tx" {
		t.Errorf("markdown source %q", src)
	}
	delete(doc, "nbformat")
	bad, _ := json.Marshal(doc)
	v, _ := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if nbSchema.Validate(v) == nil {
		t.Error("a notebook without nbformat passes the schema")
	}
}
