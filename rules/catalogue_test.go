package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Rule IDs and default severities are a contract with users: the rule index
// (docs/rules/README.md) names every released rule, and each one it names
// exists with the severity it gives. TestRuleIndex checks the other way.
func TestRuleIndexComplete(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(docsDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| \\[`([a-z0-9-]+)`\\]\\([a-z0-9-]+\\.md\\) \\| (error|warning|info) ").FindAllStringSubmatch(string(raw), -1) {
		want[m[1]] = m[2]
	}
	if len(want) < 50 {
		t.Fatalf("read only %d rules from docs/rules/README.md", len(want))
	}
	have := map[string]string{}
	var infos []lint.RuleInfo
	for _, r := range All() {
		infos = append(infos, r.Info())
	}
	infos = append(infos, lint.StructuralRules()...)
	infos = append(infos, lint.MetaRules()...)
	for _, info := range infos {
		have[info.ID] = info.Severity.String()
	}
	for id, sev := range want {
		switch got, ok := have[id]; {
		case !ok:
			t.Errorf("docs/rules/README.md lists %s (%s), which exlint lacks", id, sev)
		case got != sev:
			t.Errorf("rule %s: default severity %s, docs/rules/README.md says %s", id, got, sev)
		}
	}
}

// Overlap is declared as data: every rule a rule yields to exists, and is
// another rule.
func TestYieldsNameRules(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range All() {
		ids[r.Info().ID] = true
	}
	for _, r := range All() {
		info := r.Info()
		for _, y := range info.Yields {
			if !ids[y] || y == info.ID {
				t.Errorf("%s yields to %q, which is not another rule", info.ID, y)
			}
		}
	}
}
