package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// unknownRule gives up on every server without an os, and on the
// organization for each server without a dotnet (the same attribute
// declared again, for another thing, is one unknown).
var unknownRule = ruleFunc{RuleInfo{ID: "needs-os", Severity: Error}, func(p *Pass) {
	for _, s := range p.Topology.Servers {
		if s.OS == nil {
			p.Unknown(&s.Block, "os")
			p.Unknown(&s.Block, "os")
		}
		if s.DotNet == nil {
			p.UnknownFor(p.Topology.Organization, &s.Block, "dotnet")
		}
	}
	p.Report(p.Topology.Organization, "a finding")
}}

// A rule declares what it could not judge at the place it gives up:
// CheckStateCoverage returns it with the address of the missing attribute,
// the thing not judged and where the block is, sorted and once per rule
// and attribute; the findings are CheckState's, and a check without
// coverage collects nothing.
func TestUnknowns(t *testing.T) {
	top, probs := decode(t, twoServers)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	covered := false
	other := ruleFunc{RuleInfo{ID: "a-rule", Severity: Error}, func(p *Pass) {
		covered = p.Coverage()
		p.Unknown(&p.Topology.Servers[1].Block, "dotnet")
	}}
	st := &schema.State{Topology: top}
	asOf := catalog.MustDate("2026-11-21")
	fs, us, ran, err := CheckStateCoverage(nil, st, nil, []Rule{unknownRule, other}, catalog.Default(), asOf)
	if err != nil || !ran || len(fs) != 1 || !covered {
		t.Fatalf("%v %v %+v coverage %v", err, ran, fs, covered)
	}
	var got []string
	for _, u := range us {
		got = append(got, strings.Join([]string{u.Rule, u.Attribute, u.What, u.Range.Filename, itoa(u.Range.Start.Line), itoa(u.Range.Start.Column)}, " "))
	}
	// Sorted by file, line, column, rule, attribute.
	want := []string{
		"needs-os server.B.dotnet organization.O t.exchange.hcl 2 8",
		"needs-os server.B.os server.B t.exchange.hcl 2 8",
		"a-rule server.A.dotnet server.A t.exchange.hcl 6 8",
		"needs-os server.A.dotnet organization.O t.exchange.hcl 6 8",
		"needs-os server.A.os server.A t.exchange.hcl 6 8",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unknowns:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	plain, _, _ := CheckState(nil, st, nil, []Rule{unknownRule, other}, catalog.Default(), asOf)
	if !reflect.DeepEqual(plain, fs) {
		t.Errorf("unknowns changed the findings: %+v, want %+v", fs, plain)
	}
	// Without coverage, Pass.Unknown records nothing and Coverage is false.
	var asked bool
	probe := ruleFunc{RuleInfo{ID: "probe"}, func(p *Pass) {
		asked = p.Coverage()
		p.Unknown(&p.Topology.Servers[0].Block, "os")
	}}
	if _, _, err := Check(top, nil, []Rule{probe}, catalog.Default(), asOf); err != nil || asked {
		t.Errorf("Check collects unknowns: %v %v", err, asked)
	}
	// Structural problems stop the rules: nothing is unknown then.
	if _, us, ran, _ := CheckStateCoverage(nil, st, []schema.Problem{{Kind: schema.KindSchema, Message: "x"}}, []Rule{unknownRule}, catalog.Default(), asOf); ran || len(us) != 0 {
		t.Errorf("rules ran on a topology with problems: %v %+v", ran, us)
	}
}

// A plan's state marks its unknowns; the same rule and attribute found in
// two states, or for two things, is kept once, the first time.
func TestDedupeAndBoundUnknowns(t *testing.T) {
	a := Unknown{Rule: "r", Attribute: "server.A.os", What: "server.A", State: State{Name: CurrentState}}
	later := a
	later.State = State{Name: "s1", Date: "2027-06"}
	b := Unknown{Rule: "q", Attribute: "server.A.os", What: "server.A"}
	got := DedupeUnknowns([]Unknown{a, b, later, b})
	if !reflect.DeepEqual(got, []Unknown{a, b}) {
		t.Errorf("dedupe: %+v", got)
	}
	long := []Unknown{{Attribute: "server." + strings.Repeat("x", 2*MaxAddressBytes) + ".os", What: strings.Repeat("y", 2*MaxAddressBytes),
		State: State{Name: strings.Repeat("z", 2*MaxStateBytes)}}}
	BoundUnknowns(long)
	if u := long[0]; len(u.Attribute) > MaxAddressBytes || len(u.What) > MaxAddressBytes || len(u.State.Name) > MaxStateBytes {
		t.Errorf("not bounded: %d %d %d", len(u.Attribute), len(u.What), len(u.State.Name))
	}
	byRule := []Unknown{{Rule: "z", Attribute: "1"}, {Rule: "a", Attribute: "2"}, {Rule: "z", Attribute: "3"}, {Rule: "a", Attribute: "4"}}
	ByRule(byRule)
	var order []string
	for _, u := range byRule {
		order = append(order, u.Rule+u.Attribute)
	}
	if strings.Join(order, " ") != "a2 a4 z1 z3" {
		t.Errorf("by rule: %v", order)
	}
}
