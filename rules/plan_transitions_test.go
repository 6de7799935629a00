package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// transitionCheck decodes src as a plan and runs rule r on every state that
// is checked, as the runner does (each on the later of its stage's date and
// asOf). The plan must be structurally valid.
func transitionCheck(t *testing.T, r lint.Rule, asOf, src string) []lint.Finding {
	t.Helper()
	plan, probs := schema.DecodePlan(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("test plan has structural problems: %+v\n%s", probs, src)
	}
	var fs []lint.Finding
	for _, st := range plan.States {
		if !st.Checkable {
			continue
		}
		on := catalog.MustDate(asOf)
		if st.Stage != nil && st.Date.After(on) {
			on = st.Date
		}
		got, ran, err := lint.CheckState(plan, st, nil, []lint.Rule{r}, catalog.Default(), on)
		if err != nil || !ran {
			t.Fatalf("check: %v (ran %v)", err, ran)
		}
		fs = append(fs, got...)
	}
	return fs
}

// brief describes findings for table tests: "line:col state address
// severity", one a line, in order.
func brief(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%d:%d %s %s %s", f.Range.Start.Line, f.Range.Start.Column, f.State.Name, f.Address, f.Severity))
	}
	return out
}

// expectPlanFindings compares findings with want ("line:col state address
// severity" each, then optional parts of the message after " | ").
func expectPlanFindings(t *testing.T, fs []lint.Finding, want []string) {
	t.Helper()
	got := brief(fs)
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), dump(fs))
	}
	for i, w := range want {
		head, parts, _ := strings.Cut(w, " | ")
		if got[i] != head {
			t.Errorf("finding %d: %s, want %s\n%s", i, got[i], head, dump(fs))
		}
		for _, part := range strings.Split(parts, " | ") {
			text := fs[i].Message
			if rel, ok := strings.CutPrefix(part, "related: "); ok {
				part, text = rel, ""
				for _, r := range fs[i].Related {
					text += r.Message + "\n"
				}
			}
			if part != "" && !strings.Contains(text, part) {
				t.Errorf("finding %d lacks %q:\n%s", i, part, text)
			}
		}
	}
}

func dump(fs []lint.Finding) string {
	var b strings.Builder
	for i, f := range fs {
		fmt.Fprintf(&b, "  %s: %s\n", brief(fs)[i], f.Message)
	}
	return b.String()
}

// stageBlock writes a stage of a test plan.
func stageBlock(name, date string, ops ...string) string {
	return fmt.Sprintf("stage %q {\n  date = %q\n%s}\n", name, date, strings.Join(ops, ""))
}

// addServer, changeServer and removeServer write a stage's operations on a
// server; attrs are attribute lines.
func addServer(name string, attrs ...string) string {
	return fmt.Sprintf("  add \"server\" %q {\n%s  }\n", name, indentAttrs(attrs))
}

func changeServer(name string, attrs ...string) string {
	return fmt.Sprintf("  change \"server\" %q {\n%s  }\n", name, indentAttrs(attrs))
}

func removeServer(name string) string { return fmt.Sprintf("  remove \"server\" %q {}\n", name) }

func indentAttrs(attrs []string) string {
	var b strings.Builder
	for _, a := range attrs {
		b.WriteString("    " + a + "\n")
	}
	return b.String()
}
