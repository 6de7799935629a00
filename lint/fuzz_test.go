package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// checkAndRender runs the whole check on one file and renders every format.
func checkAndRender(t *testing.T, name string, src []byte) []byte {
	files := []*schema.File{{Name: name, Src: src, JSON: strings.HasSuffix(name, ".json")}}
	top, probs := schema.Decode(".", files, schema.DefaultLimits)
	fs, _, err := lint.Check(top, probs, rules.All(), catalog.Default(), catalog.MustDate("2026-11-21"))
	if err != nil {
		t.Fatalf("internal error: %v", err)
	}
	rep := &report.Report{AsOf: "2026-11-21", Findings: fs, Topologies: 1, Files: 1,
		Sources: map[string]*lint.Excerpt{name: lint.ExcerptOf(src)}}
	var text, js bytes.Buffer
	if err := report.Text(&text, rep, report.TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if err := report.JSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(js.Bytes()) {
		t.Fatalf("invalid JSON output for %q", src)
	}
	return append(text.Bytes(), js.Bytes()...)
}

func addSeeds(f *testing.F, suffix string) {
	filepath.WalkDir("../examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, suffix) {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
}

// The whole check (parse, decode, every rule, text and JSON output) never
// panics, always writes valid JSON, and is deterministic.
func FuzzCheck(f *testing.F) {
	addSeeds(f, ".exchange.hcl")
	f.Add([]byte("organization \"O\" {}\nserver \"E\" {\n  version = \"2019\"\n  build = \"15.2.1748.24\"\n}\nhybrid {\n  servers = [\"E\"]\n}\n"))
	f.Add([]byte("server \"\" {}\nsite \"\\u0000\" {}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		a := checkAndRender(t, "f.exchange.hcl", src)
		if b := checkAndRender(t, "f.exchange.hcl", src); !bytes.Equal(a, b) {
			t.Fatal("output differs between two runs")
		}
	})
}

// The same for JSON syntax.
func FuzzCheckJSON(f *testing.F) {
	addSeeds(f, ".exchange.hcl.json")
	f.Add([]byte(`{"organization": {"O": {}}, "server": {"E": {"version": "SE", "update": "RTM"}}}`))
	f.Add([]byte(`{"server": {"E": {"version": ["SE"], "build": 15}}, "hybrid": [{}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		a := checkAndRender(t, "f.exchange.hcl.json", src)
		if b := checkAndRender(t, "f.exchange.hcl.json", src); !bytes.Equal(a, b) {
			t.Fatal("output differs between two runs")
		}
	})
}
