package lint

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

func TestResolveOverlap(t *testing.T) {
	yields := map[string][]string{"certificate-expiry": {"hybrid-certificate"}}
	exp := Finding{Rule: "certificate-expiry", Address: "certificate.c.expires", Message: "expired"}
	hyb := Finding{Rule: "hybrid-certificate", Address: "certificate.c.expires", Message: "hybrid expired"}
	other := Finding{Rule: "certificate-expiry", Address: "certificate.d.expires", Message: "other expired"}
	noAddr := Finding{Rule: "certificate-expiry", Message: "file level"}
	hybNoAddr := Finding{Rule: "hybrid-certificate", Message: "file level"}
	for _, tc := range []struct {
		name string
		in   []Finding
		want []Finding
	}{
		{"gives way at the same address", []Finding{exp, hyb, other}, []Finding{hyb, other}},
		{"alone, it stays", []Finding{exp, other}, []Finding{exp, other}},
		{"the other rule at another address", []Finding{exp, {Rule: "hybrid-certificate", Address: "certificate.d.expires"}}, []Finding{exp, {Rule: "hybrid-certificate", Address: "certificate.d.expires"}}},
		{"no address never gives way", []Finding{noAddr, hybNoAddr}, []Finding{noAddr, hybNoAddr}},
		{"the stronger rule never gives way", []Finding{hyb, exp}, []Finding{hyb}},
	} {
		got := ResolveOverlap(append([]Finding(nil), tc.in...), yields)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// Through a whole check: the yielding rule's finding is gone while the rule
// it yields to reports at the same address, and comes back when that rule
// is turned off or its finding suppressed.
func TestOverlapAfterConfigAndSuppressions(t *testing.T) {
	rules := []Rule{
		ruleFunc{RuleInfo{ID: "weak-rule", Severity: Warning, Yields: []string{"strong-rule"}}, func(p *Pass) {
			for _, s := range p.Topology.Servers {
				p.Report(s.Version, "weak "+s.Name())
			}
		}},
		ruleFunc{RuleInfo{ID: "strong-rule", Severity: Error}, func(p *Pass) {
			for _, s := range p.Topology.Servers {
				p.Report(s.Version, "strong "+s.Name())
			}
		}},
	}
	known := []RuleInfo{rules[0].Info(), rules[1].Info()}
	run := func(src, cfgSrc string) []string {
		t.Helper()
		var cfg *Config
		if cfgSrc != "" {
			var probs []ConfigProblem
			cfg, probs = ParseConfig(".exlint.hcl", []byte(cfgSrc), known)
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
