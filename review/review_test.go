package review

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
	"github.com/exlint/exlint/timeline"
)

// A message is cut into the problem and the fix at its last ": " outside
// parentheses and outside the names of the topology.
func TestSplit(t *testing.T) {
	sp := &splitter{names: []string{"EX: 01"}}
	for _, tc := range []struct{ msg, problem, fix string }{
		{"EX01 runs Exchange 2016: move its work", "EX01 runs Exchange 2016", "move its work"},
		{"no fix here", "no fix here", ""},
		{"EX: 01 has no site", "EX: 01 has no site", ""},
		{"EX: 01 runs Exchange 2016: install CU23 on EX: 01", "EX: 01 runs Exchange 2016", "install CU23 on EX: 01"},
		{"Outlook 2013 may not be supported (sources disagree: see the rule page): move the mailboxes", "Outlook 2013 may not be supported (sources disagree: see the rule page)", "move the mailboxes"},
		{`the update "CU23" and the build disagree: the build is CU22 (exlint judges the build): correct update`, `the update "CU23" and the build disagree: the build is CU22 (exlint judges the build)`, "correct update"},
	} {
		p, f := sp.split(tc.msg)
		if p != tc.problem || f != tc.fix {
			t.Errorf("split(%q) = %q, %q; want %q, %q", tc.msg, p, f, tc.problem, tc.fix)
		}
	}
}

// When max_findings leaves findings out, the review lists the worst.
func TestGroupListsTheWorst(t *testing.T) {
	fs := []lint.Finding{
		{Rule: "a", Severity: lint.Info, Message: "i1"},
		{Rule: "a", Severity: lint.Info, Message: "i2"},
		{Rule: "a", Severity: lint.Warning, Message: "w1"},
		{Rule: "a", Severity: lint.Error, Message: "e1"},
	}
	groups, unlisted := group(fs, 2, &splitter{})
	if unlisted != 2 || len(groups) != 2 || groups[0].Severity != lint.Error || groups[1].Severity != lint.Warning {
		t.Errorf("listed %+v, %d left out; want the error and the warning, 2 left out", groups, unlisted)
	}
	if fs[0].Message != "i1" {
		t.Error("group reordered its input")
	}
}

// A question names the first state of the plan the attribute is missing
// from, whatever the order of the rules that needed it.
func TestQuestionsFirstState(t *testing.T) {
	plan := &schema.Plan{States: []*schema.State{{Name: lint.CurrentState}, {Name: "s1"}, {Name: "s2"}}}
	at := hcl.Range{Filename: "t.exchange.hcl", Start: hcl.Pos{Line: 3, Column: 8}}
	us := []lint.Unknown{
		{Rule: "a-rule", Attribute: "server.EX.os", What: "server.EX", Range: at, State: lint.State{Name: "s2", Date: "2027-02"}},
		{Rule: "b-rule", Attribute: "server.EX.os", What: "server.EX", Range: at, State: lint.State{Name: "s1", Date: "2027-01"}},
		{Rule: "a-rule", Attribute: "server.EX.dotnet", What: "server.EX", Range: at, State: lint.State{Name: "s1", Date: "2027-01"}},
		{Rule: "b-rule", Attribute: "server.EX.dotnet", What: "server.EX", Range: at, State: lint.State{Name: lint.CurrentState}},
	}
	qs, _ := questions(us, 0, plan)
	if len(qs) != 2 {
		t.Fatalf("%d questions, want 2: %+v", len(qs), qs)
	}
	if !strings.Contains(qs[0].State, "s1") || len(qs[0].Rules) != 2 {
		t.Errorf("os: state %q, rules %v; want stage s1 and both rules", qs[0].State, qs[0].Rules)
	}
	if qs[1].State != "" {
		t.Errorf("dotnet: state %q, want the current state (none said)", qs[1].State)
	}
}

// A product whose support ends within the warning window is amber on its
// last day in the window, as the rules warn; a day earlier, green.
func TestLifeJudge(t *testing.T) {
	end := catalog.MustDate("2027-01-12")
	for _, tc := range []struct {
		asOf string
		want graph.Level
	}{
		{"2026-01-11", graph.Clean},
		{"2026-01-12", graph.Warning}, // 365 days before
		{"2027-01-12", graph.Warning},
		{"2027-01-13", graph.Error},
	} {
		l := Life{ExtendedEnd: end, MainstreamEnd: catalog.MustDate("2022-01-11")}
		l.judge(catalog.MustDate(tc.asOf), 365)
		if l.Level != tc.want {
			t.Errorf("on %s: %v (%s), want %v", tc.asOf, l.Level, l.Status, tc.want)
		}
	}
}

// A plan whose only findings at the failing severity are planned passes,
// and says why rather than that it has none.
func TestVerdictWordsPlanned(t *testing.T) {
	r := &Review{States: []State{{}, {}}, FailOn: lint.Error, Verdict: timeline.Passes,
		Counts: lint.Counts{Errors: 3, PlannedErrors: 3, Warnings: 1}}
	word, text := verdictWords(r)
	if word != "Passes" || !strings.Contains(text, "planned") || strings.Contains(text, "no finding at or above") {
		t.Errorf("%s: %s", word, text)
	}
}

// The evaluation date's label stays inside the lifecycle chart near its
// right edge, and sits above the legend, not on it.
func TestLifecycleDateLabel(t *testing.T) {
	var b strings.Builder
	writeLifecycleSVG(&b, nil, catalog.MustDate("2026-12-31"), "l")
	svg := b.String()
	if !strings.Contains(svg, `text-anchor="end" fill="#1f2328" font-weight="bold">2026-12-31</text>`) {
		t.Errorf("the date near the right edge is not anchored at its end:\n%s", svg)
	}
	b.Reset()
	writeLifecycleSVG(&b, nil, catalog.MustDate("2026-06-15"), "l")
	svg = b.String()
	if !strings.Contains(svg, `text-anchor="middle" fill="#1f2328" font-weight="bold">2026-06-15</text>`) {
		t.Errorf("a date mid-chart is centred:\n%s", svg)
	}
	// The label's baseline is above the legend's boxes.
	label := regexp.MustCompile(`<text x="[0-9.]+" y="([0-9.]+)"[^>]*>2026-06-15<`).FindStringSubmatch(svg)
	legend := regexp.MustCompile(`<rect x="0" y="([0-9.]+)"`).FindStringSubmatch(svg)
	if label == nil || legend == nil {
		t.Fatalf("no date label or legend:\n%s", svg)
	}
	ly, _ := strconv.ParseFloat(label[1], 64)
	gy, _ := strconv.ParseFloat(legend[1], 64)
	if ly >= gy {
		t.Errorf("the date (baseline %v) runs into the legend (top %v)", ly, gy)
	}
}
