package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// coverageFixture is the fixture of a run with --coverage: unknowns of two
// rules, one for another thing than the block lacking the attribute, one
// of a stage's state, one with a hostile label, and some left out by the
// caps.
func coverageFixture() *Report {
	r := fixture()
	plain := "topo/a.exchange.hcl"
	evil := "topo/we\"ird%::,</failure>.exchange.hcl"
	r.Coverage = true
	r.Unknowns = []lint.Unknown{
		{Rule: "dotnet-unsupported", Attribute: "server.EX01.dotnet", What: "server.EX01", Range: rng(plain, 1, 8, 7, 1, 14, 13)},
		{Rule: "server-os-unsupported", Attribute: "server.EX01.os", What: "server.EX01", Range: rng(plain, 1, 8, 7, 1, 14, 13)},
		{Rule: "server-os-unsupported", Attribute: `server."EX</failure>` + "\u202e\x1b[31m\".os", What: `server."EX</failure>"`,
			Range: rng(evil, 1, 8, 7, 1, 14, 13), State: lint.State{Name: "add-ex02", Date: "2027-06"}},
		{Rule: "adfs-requirements", Attribute: "certificate.sts.issuer", What: "adfs.FS", Range: rng(plain, 3, 13, 40, 3, 18, 45)},
	}
	lint.ByRule(r.Unknowns)
	r.UnknownsLeftOut, r.MaxFindingsPerFile, r.MaxFindings = 2, 1000, 20000
	return r
}

// With --coverage, text lists what stayed unknown after the findings,
// grouped by rule, JSON in summary.unknown and SARIF in the run's
// properties; the other formats write what they write without it. Without
// --coverage, no format says anything of it (the fixture's goldens).
func TestCoverageFormats(t *testing.T) {
	ext := map[string]string{"text": "txt", "json": "json", "sarif": "sarif"}
	for _, format := range Formats {
		got := render(t, format, coverageFixture(), Options{StepSummary: &bytes.Buffer{}})
		if e, ok := ext[format]; ok {
			goldenFile(t, "coverage."+e, got)
			continue
		}
		if want := render(t, format, fixture(), Options{StepSummary: &bytes.Buffer{}}); got != want {
			t.Errorf("%s: coverage changed the output", format)
		}
	}
	text := render(t, "text", coverageFixture(), Options{})
	if strings.Contains(text, "\x1b") || strings.Contains(text, "\u202e") {
		t.Error("text lets a terminal escape or a bidirectional override out")
	}
	if i, j := strings.Index(text, "what stayed unknown"), strings.Index(text, "[migration-cutover-size]"); i < j {
		t.Error("the unknowns come before the findings")
	}
	var doc struct {
		Summary map[string]json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", fixture(), Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	if _, ok := doc.Summary["unknown"]; ok {
		t.Error("summary.unknown without --coverage")
	}
}

// With --coverage and nothing unknown, text says so and JSON has an empty
// list: a reader tells "nothing unknown" from "not asked".
func TestCoverageNothingUnknown(t *testing.T) {
	r := fixture()
	r.Coverage = true
	if text := render(t, "text", r, Options{}); !strings.Contains(text, "what stayed unknown: nothing: every rule had the attributes it needs\n") {
		t.Errorf("text:\n%s", text)
	}
	var doc struct {
		Summary struct {
			Unknown *[]any `json:"unknown"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", r, Options{})), &doc); err != nil || doc.Summary.Unknown == nil || len(*doc.Summary.Unknown) != 0 {
		t.Errorf("summary.unknown: %v %v", err, doc.Summary.Unknown)
	}
	var b bytes.Buffer
	if err := Coverage(&b, r, TextOptions{}); err != nil || !strings.HasPrefix(b.String(), "what stayed unknown: nothing") {
		t.Errorf("Coverage: %v %q", err, b.String())
	}
	b.Reset()
	if err := Coverage(&b, fixture(), TextOptions{}); err != nil || b.Len() != 0 {
		t.Errorf("Coverage without --coverage: %v %q", err, b.String())
	}
}
