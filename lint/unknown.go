package lint

import (
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/schema"
)

// An absent attribute is unknown, and a rule that needs it stays silent
// (CONTRIBUTING.md). Silence is not approval: a rule that gives up on a
// thing for lack of an attribute says so with Pass.Unknown, and
// `exlint check --coverage` lists what stayed unknown, so that an architect
// sees which questions the design leaves open. Unknowns change nothing
// else: not the findings, the exit code, baselines or suppressions.

// Unknown is a thing a rule could not judge because the topology does not
// state an attribute it needs.
type Unknown struct {
	Rule string
	// Attribute is the address of the attribute not stated:
	// "server.EX01.os".
	Attribute string
	// What is the address of the thing the rule could not judge: the block
	// that lacks the attribute ("server.EX01"), or the thing that needs an
	// attribute of another block (an AD FS farm whose certificate's issuer
	// is not stated).
	What string
	// Range is where the block lacking the attribute is named: where the
	// attribute would be written.
	Range hcl.Range
	// State is the state of a plan the unknown is found in first; zero for
	// a topology without stages.
	State State
}

// Coverage reports whether the check collects unknowns: a rule whose
// reason for giving up costs something to work out asks it first, so that
// a check without --coverage does not pay for it.
func (p *Pass) Coverage() bool { return p.unknowns != nil }

// Unknown records that the rule could not judge block at because its
// attribute attr (a name of the language, "os") is not stated:
// p.Unknown(&s.Block, "os") says the rule could not judge server.EX01
// without server.EX01.os. It costs a comparison when the check does not
// collect unknowns.
func (p *Pass) Unknown(at *schema.Block, attr string) {
	if p.unknowns == nil || at == nil {
		return
	}
	p.UnknownFor(at, at, attr)
}

// UnknownFor is Unknown when the thing the rule could not judge is not the
// block that lacks the attribute: p.UnknownFor(farm, &cert.Block, "issuer")
// says the rule could not judge the AD FS farm without the issuer of its
// certificate.
func (p *Pass) UnknownFor(what schema.Node, at *schema.Block, attr string) {
	if p.unknowns == nil || at == nil || what == nil {
		return
	}
	*p.unknowns = append(*p.unknowns, Unknown{Rule: p.info.ID, Attribute: at.Address() + "." + attr, What: what.Address(),
		Range: at.SourceRange(), State: p.State})
}

// SortUnknowns orders unknowns as output lists them: by file, line, column,
// rule and attribute (findings' order), stably.
func SortUnknowns(us []Unknown) {
	slices.SortStableFunc(us, func(a, b Unknown) int {
		if c := comparePlaces(a.Range, b.Range, a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Attribute, b.Attribute)
	})
}

// DedupeUnknowns keeps the first unknown of each rule and attribute, in
// place, in the order given: a rule that gives up on a server for lack of
// its os in every state of a plan, or for each of its items, lists it once.
func DedupeUnknowns(us []Unknown) []Unknown {
	type key struct{ rule, attr string }
	seen := make(map[key]bool, len(us))
	out := us[:0]
	for _, u := range us {
		k := key{u.Rule, u.Attribute}
		if !seen[k] {
			seen[k] = true
			out = append(out, u)
		}
	}
	return out
}

// BoundUnknowns cuts the addresses and state names of us that exceed the
// bounds on findings, in place (BoundText).
func BoundUnknowns(us []Unknown) {
	for i := range us {
		u := &us[i]
		u.Attribute = cutName(u.Attribute, MaxAddressBytes)
		u.What = cutName(u.What, MaxAddressBytes)
		u.State.Name = cutName(u.State.Name, MaxStateBytes)
	}
}

// ByRule orders unknowns for the report (exlint check --coverage): grouped
// by rule, in the order of rule IDs, each rule's in the order SortUnknowns
// gives them. us must be in that order already, as a run hands them out.
func ByRule(us []Unknown) {
	slices.SortStableFunc(us, func(a, b Unknown) int { return strings.Compare(a.Rule, b.Rule) })
}
