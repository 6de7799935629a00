package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// planFixture is a report over a plan: a problem of today that a stage
// resolves (planned), one that lasts through every stage, one a stage brings
// and a later one resolves, one a stage brings for good, a problem of the
// plan itself in a stage without a date, and one finding without a state.
func planFixture() *Report {
	cur := "plan/org.exchange.hcl"
	stages := "plan/stages.exchange.hcl"
	current := lint.State{Name: "current"}
	intro13 := lint.State{Name: "introduce-2013", Date: "2027-02"}
	retire07 := lint.State{Name: "retire-2007", Date: "2027-06"}
	intro16 := lint.State{Name: "introduce-2016", Date: "2027-09-15"}
	all := []string{"current", "introduce-2013", "retire-2007", "introduce-2016"}
	return &Report{
		AsOf: "2026-11-21",
		Findings: []lint.Finding{
			{Rule: "exchange-end-of-support", Severity: lint.Error, Message: "EX07 runs Exchange Server 2007", Address: "server.EX07.version",
				Range: rng(cur, 3, 13, 40, 3, 19, 46), State: current, States: all[:2], ResolvedBy: &retire07, Planned: true},
			{Rule: "forest-functional-level", Severity: lint.Warning, Message: "the forest is at 2008R2", Address: "organization.C.forest_functional_level",
				Range: rng(cur, 1, 30, 29, 1, 38, 37), State: current, States: all},
			{Rule: "server-os-unsupported", Severity: lint.Error, Message: "EX13 runs on Windows Server 2008R2", Address: "server.EX13.os",
				Range: rng(stages, 8, 15, 120, 8, 23, 128), State: intro13, States: all[1:2], ResolvedBy: &retire07},
			{Rule: "coexistence-unsupported", Severity: lint.Error, Message: "Exchange 2016 cannot join 2007", Address: "server.EX16.version",
				Range: rng(stages, 20, 15, 300, 20, 21, 306), State: intro16, States: all[3:]},
			{Rule: "plan-structure", Severity: lint.Error, Message: "stage \"later\" has no date", Address: "stage.later",
				Range: rng(stages, 30, 7, 400, 30, 14, 407), State: lint.State{Name: "later"}, States: []string{"later"}},
			{Rule: "suppression", Severity: lint.Warning, Message: "this suppression gives no reason", Range: rng(cur, 2, 1, 20, 2, 30, 49)},
		},
		Sources: map[string]*lint.Excerpt{
			cur: lint.ExcerptOf([]byte("organization \"C\" { level = \"2008R2\" }\n# exlint-ignore: some-rule\n  version     = \"2007\"\n")),
		},
		Topologies: 1, Files: 2, Checked: []string{cur, stages},
		Rules: []lint.RuleInfo{
			{ID: "exchange-end-of-support", Severity: lint.Error, Summary: "a server past its end of support"},
			{ID: "plan-structure", Severity: lint.Error, Summary: "a plan's own mistakes", Transition: true},
		},
		Tool: Tool{Name: "exlint", Version: "1.2.3", InformationURI: "https://github.com/exlint/exlint"},
	}
}

// The state of each finding, where each format puts it.
func TestPlanStateInEveryFormat(t *testing.T) {
	r := planFixture()
	planned := "(planned: resolved by stage retire-2007 on 2027-06)"
	intro := "(stage introduce-2013, 2027-02, until stage retire-2007 on 2027-06)"
	lasting := "(current, through stage introduce-2016)"
	for _, tc := range []struct{ format, want string }{
		{"text", "plan/org.exchange.hcl:3:13: error: EX07 runs Exchange Server 2007 " + planned + " [exchange-end-of-support]\n"},
		{"text", "warning: the forest is at 2008R2 " + lasting + " [forest-functional-level]\n"},
		{"text", "4 errors (1 planned), 2 warnings, 0 info"},
		{"compact", "plan/stages.exchange.hcl:8:15: error: EX13 runs on Windows Server 2008R2 " + intro + " [server-os-unsupported]\n"},
		{"compact", "error: stage \"later\" has no date (stage later) [plan-structure]\n"},
		{"compact", "warning: this suppression gives no reason [suppression]\n"},
		{"github", "::EX07 runs Exchange Server 2007 " + planned + " (https://"},
		{"github", "4 errors (1 planned), 2 warnings, 0 info"},
		{"checkstyle", `message="Exchange 2016 cannot join 2007 (stage introduce-2016, 2027-09-15)"`},
		{"junit", `<testcase name="coexistence-unsupported: server.EX16.version in stage introduce-2016"`},
		{"junit", `<failure message="EX07 runs Exchange Server 2007 ` + planned + `"`},
		{"sarif", `"text": "EX07 runs Exchange Server 2007 ` + planned + `"`},
	} {
		if out := render(t, tc.format, r, Options{}); !strings.Contains(out, tc.want) {
			t.Errorf("%s: no %q in\n%s", tc.format, tc.want, out)
		}
	}

	// JSON: the fields of a plan's finding, absent from one without state.
	var doc struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]any   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", r, Options{})), &doc); err != nil {
		t.Fatal(err)
	}
	byRule := map[string]map[string]any{}
	for _, f := range doc.Findings {
		byRule[f["rule"].(string)] = f
	}
	eos := byRule["exchange-end-of-support"]
	if eos["state"] != "current" || eos["planned"] != true || eos["state_date"] != nil ||
		strings.Join(toStrings(eos["states"]), " ") != "current introduce-2013" ||
		eos["resolved_by"].(map[string]any)["stage"] != "retire-2007" || eos["resolved_by"].(map[string]any)["date"] != "2027-06" {
		t.Errorf("planned finding: %v", eos)
	}
	if c := byRule["coexistence-unsupported"]; c["state"] != "introduce-2016" || c["state_date"] != "2027-09-15" || c["planned"] != false || c["resolved_by"] != nil {
		t.Errorf("introduced finding: %v", c)
	}
	for _, field := range []string{"state", "state_date", "states", "planned", "resolved_by"} {
		if _, ok := byRule["suppression"][field]; ok {
			t.Errorf("a finding without a state has %q", field)
		}
	}
	if doc.Summary["planned_count"] != 1.0 {
		t.Errorf("summary: %v", doc.Summary)
	}

	// SARIF: the result properties, and a fingerprint of its own for a
	// stage's finding.
	props := map[string]map[string]any{}
	for _, res := range sarifResults(sarifDoc(t, r)) {
		p, _ := res["properties"].(map[string]any)
		props[res["ruleId"].(string)] = p
	}
	if p := props["exchange-end-of-support"]; p["state"] != "current" || p["planned"] != true || p["resolvedBy"].(map[string]any)["stage"] != "retire-2007" {
		t.Errorf("SARIF properties: %v", p)
	}
	if p := props["server-os-unsupported"]; p["stateDate"] != "2027-02" || len(p["states"].([]any)) != 1 {
		t.Errorf("SARIF properties: %v", p)
	}
	if props["suppression"] != nil {
		t.Errorf("a finding without a state has properties: %v", props["suppression"])
	}
	// The same problem in the current state and brought again by a stage:
	// two fingerprints; the current state's is that of a topology without
	// stages.
	again := planFixture()
	f := again.Findings[0]
	f.State, f.States, f.ResolvedBy, f.Planned = lint.State{Name: "introduce-2016", Date: "2027-09-15"}, []string{"introduce-2016"}, nil, false
	plain := again.Findings[0]
	plain.State, plain.States, plain.ResolvedBy, plain.Planned = lint.State{}, nil, nil, false
	fps := fingerprints(t, &Report{Findings: []lint.Finding{again.Findings[0], f}})
	if fps[0] == fps[1] {
		t.Error("a stage's finding has the current state's fingerprint")
	}
	if fp := fingerprints(t, &Report{Findings: []lint.Finding{plain}}); fp[0] != fps[0] {
		t.Error("the current state's fingerprint changes with stages")
	}
}

func toStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}
