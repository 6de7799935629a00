package runner_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// checkAndRender runs the whole check on one file, as exlint check does (a
// plan's every state included), and renders every output format.
func checkAndRender(t *testing.T, name string, src []byte) []byte {
	files := []*schema.File{{Name: name, Src: src, JSON: strings.HasSuffix(name, ".json")}}
	fs, err := runner.CheckFiles(".", files, runner.Options{Rules: rules.All(), Catalog: catalog.Default(),
		AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits})
	if err != nil {
		t.Fatalf("internal error: %v", err)
	}
	var infos []lint.RuleInfo
	for _, r := range rules.All() {
		infos = append(infos, r.Info())
	}
	rep := &report.Report{AsOf: "2026-11-21", Findings: fs, Topologies: 1, Files: 1, Checked: []string{name},
		Sources: map[string]*lint.Excerpt{name: lint.ExcerptOf(src)},
		Rules:   append(infos, lint.StructuralRules()...), Tool: report.Tool{Name: "exlint", Version: "fuzz"},
		Coverage: true, Unknowns: unknownsOf(t, files)}
	var all bytes.Buffer
	for _, format := range report.Formats {
		var out, summary bytes.Buffer
		if err := report.Write(format, &out, rep, report.Options{Color: true, StepSummary: &summary}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		switch format {
		case "json", "sarif":
			if !json.Valid(out.Bytes()) {
				t.Fatalf("%s: invalid JSON for %q", format, src)
			}
		case "junit", "checkstyle":
			if err := xmlWellFormed(out.Bytes()); err != nil {
				t.Fatalf("%s: %v for %q", format, err, src)
			}
		}
		all.Write(out.Bytes())
		all.Write(summary.Bytes())
	}
	return all.Bytes()
}

// unknownsOf is what every rule could not judge in every state of the
// topology (exlint check --coverage), as a report lists it.
func unknownsOf(t *testing.T, files []*schema.File) []lint.Unknown {
	plan, probs := schema.DecodePlan(".", files, schema.DefaultLimits)
	var us []lint.Unknown
	for i, st := range plan.States {
		if i > 0 && (len(probs) > 0 || !st.Checkable) {
			continue
		}
		of := plan
		if len(plan.States) == 1 && len(plan.Problems) == 0 {
			of = nil
		}
		_, stateUnknowns, _, err := lint.CheckStateCoverage(of, st, probs, rules.All(), catalog.Default(), runner.StateAsOf(st, catalog.MustDate("2026-11-21")))
		if err != nil {
			t.Fatalf("internal error: %v", err)
		}
		us = append(us, stateUnknowns...)
	}
	us = lint.DedupeUnknowns(us)
	lint.SortUnknowns(us)
	lint.BoundUnknowns(us)
	lint.ByRule(us)
	return us
}

// xmlWellFormed reads an XML document to its end.
func xmlWellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func addSeeds(f *testing.F, suffix string) {
	filepath.WalkDir("../../examples", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, suffix) {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
		return nil
	})
}

// The whole check (parse, decode, every rule, every output format) never
// panics, writes valid JSON and well-formed XML, and is deterministic.
func FuzzCheck(f *testing.F) {
	addSeeds(f, ".exchange.hcl")
	f.Add([]byte("organization \"O\" {}\nserver \"E\" {\n  version = \"2019\"\n  build = \"15.2.1748.24\"\n}\nhybrid {\n  servers = [\"E\"]\n}\n"))
	f.Add([]byte("server \"\" {}\nsite \"\\u0000\" {}\n"))
	// A plan: the example's two files as one.
	var plan []byte
	for _, name := range []string{"contoso.exchange.hcl", "stages.exchange.hcl"} {
		b, _ := os.ReadFile(filepath.Join("../../examples/plan-2007-to-2016", name))
		plan = append(plan, b...)
	}
	f.Add(plan)
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
	f.Add([]byte(`{"organization": {"O": {}}, "server": {"E": {"version": "2010", "update": "SP3"}},
  "stage": {"s1": {"date": "2027-06", "remove": {"server": {"E": {}}}}, "s0": {"date": "2027-06", "add": {"site": {"S": {}}}}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		a := checkAndRender(t, "f.exchange.hcl.json", src)
		if b := checkAndRender(t, "f.exchange.hcl.json", src); !bytes.Equal(a, b) {
			t.Fatal("output differs between two runs")
		}
	})
}
