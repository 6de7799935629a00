package runner

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Through a whole check: the yielding rule's finding is gone while the rule
// it yields to reports at the same address, and comes back when that rule
// is turned off or its finding suppressed.
func TestOverlapAfterConfigAndSuppressions(t *testing.T) {
	rules := []lint.Rule{
		ruleFunc{lint.RuleInfo{ID: "weak-rule", Severity: lint.Warning, Yields: []string{"strong-rule"}}, func(p *lint.Pass) {
			for _, s := range p.Topology.Servers {
				p.Report(s.Version, "weak "+s.Name())
			}
		}},
		ruleFunc{lint.RuleInfo{ID: "strong-rule", Severity: lint.Error}, func(p *lint.Pass) {
			for _, s := range p.Topology.Servers {
				p.Report(s.Version, "strong "+s.Name())
			}
		}},
	}
	known := []lint.RuleInfo{rules[0].Info(), rules[1].Info()}
	run := func(src, cfgSrc string) []string {
		t.Helper()
		var cfg *config.Config
		if cfgSrc != "" {
			var probs []config.Problem
			cfg, probs = config.Parse(".exlint.hcl", []byte(cfgSrc), known)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
		}
		fs, err := CheckFiles("d", []*schema.File{{Name: "d/t.exchange.hcl", Src: []byte("organization \"O\" {}\n" + src)}},
			Options{Rules: rules, Catalog: catalog.Default(), AsOf: catalog.MustDate("2026-11-21"), Limits: schema.DefaultLimits, Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, f.Rule)
		}
		return got
	}
	plain := fmt.Sprintf(srv, "A")
	if got := run(plain, ""); !reflect.DeepEqual(got, []string{"strong-rule"}) {
		t.Errorf("both enabled: %v", got)
	}
	if got := run(plain, "rule \"strong-rule\" {\n  enabled = false\n}\n"); !reflect.DeepEqual(got, []string{"weak-rule"}) {
		t.Errorf("strong-rule disabled: %v", got)
	}
	suppressed := "server \"A\" {\n  # exlint-ignore: strong-rule -- accepted\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"
	if got := run(suppressed, ""); !reflect.DeepEqual(got, []string{"weak-rule"}) {
		t.Errorf("strong-rule suppressed: %v", got)
	}
}
