package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// planCheck decodes src as a plan and runs plan-structure on its states; it
// reports every problem of the plan from the current state. The topology
// must be structurally valid.
func planCheck(t *testing.T, src string) []lint.Finding {
	t.Helper()
	return transitionCheck(t, planStructure{}, today, src)
}

// planBase is the current state of the plans below: EX01 in DAG01, and
// EX02.
const planBase = `organization "T" {}
server "EX01" {
  version = "SE"
  update  = "RTM"
}
server "EX02" {
  version = "SE"
  update  = "RTM"
}
dag "DAG01" {
  members = ["EX01"]
}
`

func stage(name, date, body string) string {
	if date != "" {
		date = fmt.Sprintf("  date = %q\n", date)
	}
	return fmt.Sprintf("stage %q {\n%s%s}\n", name, date, body)
}

const addEX03 = "  add \"server\" \"EX03\" {\n    version = \"SE\"\n    update  = \"RTM\"\n  }\n"

func TestPlanStructure(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stages string
		// want: "line:col state message-part", one per finding; none passes.
		want []string
	}{
		{"a stage with a date and a change", stage("s1", "2027-06", addEX03), nil},
		{"no date", stage("s1", "", addEX03),
			[]string{`13:7 s1 stage "s1" has no date; add date = "YYYY-MM"`}},
		{"the same month", stage("a", "2027-06", addEX03) + stage("b", "2027-06", "  remove \"server\" \"EX02\" {}\n"),
			[]string{`21:10 b/2027-06 stage "b" has the same date, 2027-06-01, as stage "a" (t.exchange.hcl:14:10); a month alone means its first day`}},
		{"a month and its first day are the same date", stage("a", "2027-06", addEX03) + stage("b", "2027-06-01", "  remove \"server\" \"EX02\" {}\n"),
			[]string{`21:10 b/2027-06-01 stage "b" has the same date, 2027-06-01, as stage "a"`}},
		{"the next day is another date", stage("a", "2027-06-01", addEX03) + stage("b", "2027-06-02", "  remove \"server\" \"EX02\" {}\n"), nil},
		{"a stage that changes nothing", stage("s1", "2027-06", ""),
			[]string{`13:7 s1/2027-06 stage "s1" changes nothing`}},
		{"a change that changes nothing", stage("s1", "2027-06", "  change \"server\" \"EX02\" {}\n"),
			[]string{`15:19 s1/2027-06 change server "EX02" in stage "s1" changes no attribute`}},
		{"a change of one attribute", stage("s1", "2027-06", "  change \"server\" \"EX02\" {\n    update = \"RTM Aug26SU\"\n  }\n"), nil},
		{"adding a block that exists", stage("s1", "2027-06", "  add \"server\" \"EX02\" {\n    version = \"SE\"\n    update  = \"RTM\"\n  }\n"),
			[]string{`15:16 s1/2027-06 stage "s1" adds server "EX02", which exists before it (server "EX02" at t.exchange.hcl:6:8); change it instead`}},
		{"changing a block that does not exist", stage("s1", "2027-06", "  change \"server\" \"EX2\" {\n    update = \"RTM\"\n  }\n"),
			[]string{`15:19 s1/2027-06 stage "s1" changes server "EX2", which does not exist before it; did you mean "EX02"?`}},
		{"removing what an earlier stage removed", stage("a", "2027-06", "  remove \"server\" \"EX02\" {}\n") + stage("b", "2027-07", "  remove \"server\" \"EX02\" {}\n"),
			[]string{`19:19 b/2027-07 stage "b" removes server "EX02", which does not exist before it (stage "a" removes it at t.exchange.hcl:15:19)`}},
		{"a removal that leaves a reference", stage("s1", "2027-06", "  remove \"server\" \"EX01\" {}\n"),
			[]string{`15:19 s1/2027-06 stage "s1" removes server "EX01", but members[0] of dag "DAG01" still names it (t.exchange.hcl:11:14): keep server "EX01", or by this stage remove dag "DAG01" too (if its work is done) or take the name out of its members`}},
		{"a removal with the reference changed in the same stage",
			stage("s1", "2027-06", "  change \"dag\" \"DAG01\" {\n    members = [\"EX02\"]\n  }\n  remove \"server\" \"EX01\" {}\n"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := planCheck(t, planBase+tc.stages)
			var got []string
			for _, f := range fs {
				state := f.State.Name
				if f.State.Date != "" {
					state += "/" + f.State.Date
				}
				got = append(got, fmt.Sprintf("%s %s %s", at(f), state, f.Message))
				if f.Rule != "plan-structure" || f.Severity != lint.Error {
					t.Errorf("finding %+v", f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("got\n  %s\nwant a finding starting\n  %s", got[i], tc.want[i])
				}
			}
		})
	}
}

// Without stages there is no plan, and nothing to report.
func TestPlanStructureWithoutStages(t *testing.T) {
	if fs := check(t, planStructure{}, today, planBase); len(fs) > 0 {
		t.Errorf("got %s", summary(fs))
	}
}
