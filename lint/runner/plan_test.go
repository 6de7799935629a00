package runner

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Test rules for plans: one reports every Exchange 2010 server's version,
// with the date it is judged on; a transition rule reports every operation
// of the stage that led to the state.
var planRules = []lint.Rule{
	ruleFunc{lint.RuleInfo{ID: "old-rule", Severity: lint.Error}, func(p *lint.Pass) {
		for _, s := range p.Topology.Servers {
			if s.Version != nil && s.Version.Value == "2010" {
				p.Report(s.Version, fmt.Sprintf("%s runs 2010 on %s", s.Name(), p.AsOf))
			}
		}
	}},
	ruleFunc{lint.RuleInfo{ID: "step-rule", Severity: lint.Warning, Transition: true}, func(p *lint.Pass) {
		if p.Stage == nil {
			return
		}
		for _, op := range p.Stage.Operations {
			p.Report(op, op.Describe())
		}
	}},
}

const planSrc = `server "OLD" {
  version = "2010"
  update  = "SP3 RU32"
}
server "KEEP" {
  # exlint-ignore: old-rule -- kept on purpose
  version = "2010"
  update  = "SP3 RU32"
}
stage "s1" {
  date = "2027-02"
  add "server" "MID" {
    version = "2010"
    update  = "SP3 RU32"
  }
  add "server" "MID2" {
    # exlint-ignore: old-rule -- only in s1
    version = "2010"
    update  = "SP3 RU32"
  }
}
stage "s2" {
  date = "2027-06"
  remove "server" "OLD" {}
  remove "server" "MID" {}
  remove "server" "MID2" {}
}
`

func planFindings(t *testing.T, cfg *config.Config) ([]string, int) {
	t.Helper()
	dir := t.TempDir()
	writeTopology(t, dir, map[string]string{"plan.exchange.hcl": planSrc})
	t.Chdir(dir)
	res, err := Run([]string{"."}, Options{Rules: planRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"),
		Limits: schema.DefaultLimits, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Findings {
		s := fmt.Sprintf("%d %s %s: %s (%s)", f.Range.Start.Line, f.Rule, f.Severity, f.Message, f.StateNote())
		out = append(out, s)
	}
	return out, res.Suppressed
}

// Every state of a plan is checked on its date and its findings are
// reported across states; suppressions hide a finding in every state, count
// it once, and are used if they hide something in any state.
func TestRunPlan(t *testing.T) {
	got, suppressed := planFindings(t, nil)
	want := []string{
		"2 old-rule error: OLD runs 2010 on 2026-11-21 (planned: resolved by stage s2 on 2027-06)",
		"12 step-rule warning: add server \"MID\" (stage s1, 2027-02)",
		"13 old-rule error: MID runs 2010 on 2027-02-01 (stage s1, 2027-02, until stage s2 on 2027-06)",
		"16 step-rule warning: add server \"MID2\" (stage s1, 2027-02)",
		"24 step-rule warning: remove server \"OLD\" (stage s2, 2027-06)",
		"25 step-rule warning: remove server \"MID\" (stage s2, 2027-06)",
		"26 step-rule warning: remove server \"MID2\" (stage s2, 2027-06)",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if suppressed != 2 {
		t.Errorf("%d suppressed, want 2 (KEEP's in three states, MID2's in one)", suppressed)
	}

	// The configuration applies in every state, transitions included.
	cfg, probs := config.Parse(".exlint.hcl", []byte("rule \"step-rule\" {\n  severity = \"error\"\n}\nrule \"old-rule\" {\n  enabled = false\n}\n"),
		[]lint.RuleInfo{planRules[0].Info(), planRules[1].Info(), {ID: lint.SuppressionRule, Severity: lint.Warning}})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	got, _ = planFindings(t, cfg)
	if len(got) != 5 || strings.Count(strings.Join(got, "\n"), "step-rule error") != 5 {
		t.Errorf("configured:\n%s", strings.Join(got, "\n"))
	}
}

// CheckFiles gives a plan's findings in order, as Run does.
func TestCheckFilesPlanSorted(t *testing.T) {
	files := []*schema.File{{Name: "p.exchange.hcl", Src: []byte(planSrc)}, {Name: "o.exchange.hcl", Src: []byte("organization \"O\" {}\n")}}
	fs, err := CheckFiles(".", files, Options{Rules: planRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits})
	if err != nil || len(fs) != 7 {
		t.Fatalf("%v: %d findings", err, len(fs))
	}
	sorted := append([]lint.Finding(nil), fs...)
	lint.SortFindings(sorted)
	if !reflect.DeepEqual(fs, sorted) {
		t.Error("CheckFiles's findings of a plan are not in order")
	}
}

// A stage's name longer than a finding may carry is cut in the output,
// after the findings of its state are matched with the others'.
func TestRunPlanLongStageName(t *testing.T) {
	long := strings.Repeat("s", 5*lint.MaxStateBytes)
	src := strings.ReplaceAll(planSrc, `stage "s1"`, `stage "`+long+`"`)
	files := []*schema.File{{Name: "p.exchange.hcl", Src: []byte(src)}, {Name: "o.exchange.hcl", Src: []byte("organization \"O\" {}\n")}}
	fs, err := CheckFiles(".", files, Options{Rules: planRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits})
	if err != nil || len(fs) != 7 {
		t.Fatalf("%v: %d findings, want 7 as with a short name", err, len(fs))
	}
	if !fs[0].Planned || len(fs[0].States) != 2 || len(fs[0].States[1]) > lint.MaxStateBytes || len(fs[1].State.Name) > lint.MaxStateBytes {
		t.Errorf("first findings: %+v\n%+v", fs[0], fs[1])
	}
}

// A stage dated before the run's date is judged on the run's date; the
// current state on the run's date.
func TestStateAsOf(t *testing.T) {
	run := catalog.MustDate("2027-04-01")
	plan, _ := schema.DecodePlan(".", []*schema.File{{Name: "p.exchange.hcl", Src: []byte(planSrc)}}, schema.DefaultLimits)
	var got []string
	for _, st := range plan.States {
		got = append(got, StateAsOf(st, run).String())
	}
	if want := []string{"2027-04-01", "2027-04-01", "2027-06-01"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// CheckState checks one state alone: its own findings, not followed across
// states, and none about suppressions (used or not, that is the plan's).
func TestCheckStateOfAPlan(t *testing.T) {
	files := []*schema.File{{Name: "p.exchange.hcl", Src: []byte(planSrc)}, {Name: "o.exchange.hcl", Src: []byte("organization \"O\" {}\n")}}
	plan, probs := schema.DecodePlan(".", files, schema.DefaultLimits)
	opts := Options{Rules: planRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits}
	var got []string
	for _, st := range plan.States {
		fs, err := CheckState(plan, st, probs, files, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s %d %s %v", st.Name, f.Range.Start.Line, f.Rule, f.States))
		}
	}
	want := []string{"current 2 old-rule []", "s1 2 old-rule []", "s1 12 step-rule []", "s1 13 old-rule []", "s1 16 step-rule []",
		"s2 24 step-rule []", "s2 25 step-rule []", "s2 26 step-rule []"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A plan with structural errors: each state's findings are those that
// stopped the rules outside any stage, and those written in its own stage.
func TestCheckStateOfAPlanWithStructuralErrors(t *testing.T) {
	src := "organization \"O\" {}\nserver \"EX01\" {\n  version = \"SE\"\n  update  = \"RTM\"\n  colour  = \"blue\"\n}\n" +
		"stage \"s1\" {\n  date = \"2027-01\"\n  remove \"organization\" \"O\" {}\n}\n" +
		"stage \"s2\" {\n  date = \"2027-02\"\n  change \"server\" \"EX01\" {\n    update = null\n  }\n}\n"
	files := []*schema.File{{Name: "p.exchange.hcl", Src: []byte(src)}}
	plan, probs := schema.DecodePlan(".", files, schema.DefaultLimits)
	opts := Options{Rules: planRules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits}
	var got []string
	for _, st := range plan.States {
		fs, err := CheckState(plan, st, probs, files, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s %d %s %s", st.Name, f.Range.Start.Line, f.Rule, f.State.Name))
		}
	}
	want := []string{"current 5 schema ", "s1 5 schema ", "s1 9 schema s1", "s2 5 schema ", "s2 14 schema s2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
