package rules

import (
	"os"
	"regexp"
	"testing"
)

// Every rule of the project's rule catalogue exists, with the catalogue's
// default severity: IDs and severities are a contract with users.
func TestCatalogueComplete(t *testing.T) {
	raw, err := os.ReadFile("../../shared/guide/rules.md")
	if err != nil {
		t.Skipf("rule catalogue not available: %v", err)
	}
	want := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning|info) ").FindAllStringSubmatch(string(raw), -1) {
		want[m[1]] = m[2]
	}
	if len(want) < 50 {
		t.Fatalf("read only %d rules from the catalogue", len(want))
	}
	have := map[string]string{}
	for _, r := range All() {
		have[r.Info().ID] = r.Info().Severity.String()
	}
	for id, sev := range want {
		switch got, ok := have[id]; {
		case !ok:
			t.Errorf("rule %s (%s) is missing", id, sev)
		case got != sev:
			t.Errorf("rule %s: default severity %s, the catalogue says %s", id, got, sev)
		}
	}
	for id := range have {
		if _, ok := want[id]; !ok {
			t.Errorf("rule %s is not in the catalogue", id)
		}
	}
}
