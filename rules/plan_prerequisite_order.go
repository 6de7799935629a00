package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// planPrerequisiteOrder reports a stage that does a migration step before
// what it needs is in place:
//
//   - mailboxes moved in a staged migration before directory synchronization
//     is on ("You must synchronize accounts ... for a staged migration to
//     work", MS-STAGED);
//   - mailboxes moved in a hybrid migration (hybrid, minimal hybrid,
//     express) before the hybrid deployment exists, or before its domains
//     are verified in the tenant (MS-HYB-PREREQ, MS-HYB-MOVES);
//   - public folders moved to a newer on-premises version while servers of
//     an older one still host mailboxes ("Before you migrate, move all user
//     mailboxes to Exchange 2016, because users with Exchange 2010 mailboxes
//     will not have access to public folders on Exchange 2016",
//     MS-PF-BATCH-2010, MS-PF-BATCH-2013): an error;
//   - public folders moved to Exchange Online while the migration of the
//     mailboxes is not complete: Microsoft only recommends moving the
//     mailboxes first (MS-PF-BATCH-EXO), so a warning.
//
// Stages apply in date order and a stage's operations in the order they are
// written: a prerequisite a stage sets up after the step that needs it is
// too late as well.
type planPrerequisiteOrder struct{}

func init() { register(planPrerequisiteOrder{}) }

func (planPrerequisiteOrder) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:         "plan-prerequisite-order",
		Severity:   lint.Error,
		Summary:    "a staged migration before directory sync is on; hybrid mailbox moves before hybrid exists or before its domains are verified; public folders moved before the user mailboxes (a warning to Exchange Online)",
		Sources:    sources("MS-STAGED", "MS-HYB-PREREQ", "MS-HYB-MOVES", "MS-PF-BATCH-2010", "MS-PF-BATCH-2013", "MS-PF-BATCH-EXO"),
		Transition: true,
	}
}

func (planPrerequisiteOrder) Check(p *lint.Pass) {
	if p.Stage == nil || p.Previous == nil {
		return
	}
	o := &orderCheck{p: p, ops: p.Stage.Operations}
	if m := p.Topology.Migration; m != nil && m.Method != nil {
		if move, at := o.mailboxMove(); move != nil {
			switch {
			case m.Method.Is("staged"):
				o.stagedNeedsSync(move, at)
			case isOneOf(m.Method.Value, hybridMethods):
				o.hybridNeedsDeployment(move, at, m.Method.Value)
			}
		}
	}
	o.publicFoldersOnPremises()
	o.publicFoldersToCloud()
}

func isOneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// orderCheck follows a stage's operations in the order they apply.
type orderCheck struct {
	p   *lint.Pass
	ops []*schema.Operation
}

// mailboxMove returns where the stage moves mailboxes off the
// organization's servers, and the index of that operation: the first change
// that lowers a server's mailboxes when the stage lowers the sum of the
// mailboxes its servers are said to host, or else the change that marks the
// migration complete.
func (o *orderCheck) mailboxMove() (schema.Node, int) {
	before, bKnown := statedMailboxes(o.p.Previous)
	after, aKnown := statedMailboxes(o.p.Topology)
	if bKnown && aKnown && after < before {
		for i, op := range o.ops {
			if op.Kind != schema.OpChange || op.Skipped || op.Target.Type != "server" {
				continue
			}
			n, ok := op.Attribute("mailboxes").Int()
			if was, known := o.mailboxesAt(op.Target.Name(), i); ok && known && n < was {
				return writeOf(op, "mailboxes"), i
			}
		}
	}
	for i, op := range o.ops {
		if op.Kind != schema.OpChange || op.Skipped || op.Target.Type != "migration" {
			continue
		}
		if done, ok := op.Attribute("complete").Bool(); ok && done {
			if was, known := o.completeAt(i); known && was {
				continue
			}
			return writeOf(op, "complete"), i
		}
	}
	return nil, -1
}

// mailboxesAt returns the mailboxes a server hosts just before the
// operation at index idx of the stage, and whether that is known.
func (o *orderCheck) mailboxesAt(name string, idx int) (int, bool) {
	n, known := 0, false
	if s := o.p.Previous.ServerByName(name); s != nil && s.Mailboxes != nil {
		n, known = s.Mailboxes.Value, true
	}
	for _, op := range o.ops[:idx] {
		if op.Skipped || op.Target.Type != "server" || op.Target.Name() != name {
			continue
		}
		switch op.Kind {
		case schema.OpRemove:
			n, known = 0, false
		case schema.OpAdd, schema.OpChange:
			if a := op.Attribute("mailboxes"); a != nil {
				n, known = a.Int()
			} else if op.Kind == schema.OpAdd {
				n, known = 0, false
			}
		}
	}
	return n, known
}

// completeAt says whether the migration is complete just before the
// operation at index idx, and whether that is known.
func (o *orderCheck) completeAt(idx int) (done, known bool) {
	if m := o.p.Previous.Migration; m != nil && m.Complete != nil {
		done, known = m.Complete.Value, true
	}
	for _, op := range o.ops[:idx] {
		if op.Skipped || op.Target.Type != "migration" {
			continue
		}
		switch {
		case op.Kind == schema.OpRemove:
			done, known = false, false
		case op.Kind == schema.OpAdd || op.Attribute("complete") != nil:
			done, known = op.Attribute("complete").Bool()
		}
	}
	return done, known
}

// setUpAfter returns the operation of the stage, after index at, that sets
// up a prerequisite (match says which), or nil.
func (o *orderCheck) setUpAfter(at int, match func(op *schema.Operation) bool) *schema.Operation {
	for _, op := range o.ops[at+1:] {
		if !op.Skipped && match(op) {
			return op
		}
	}
	return nil
}

func (o *orderCheck) stagedNeedsSync(move schema.Node, at int) {
	p := o.p
	ds := p.Topology.DirectorySync
	if ds == nil || ds.Enabled.IsFalse() {
		p.Reportf(move, "%s moves mailboxes in a staged migration before directory synchronization is on: every batch needs it; turn it on in an earlier stage",
			p.Stage.Describe())
		return
	}
	late := o.setUpAfter(at, func(op *schema.Operation) bool {
		if op.Target.Type != "directory_sync" {
			return false
		}
		on, ok := op.Attribute("enabled").Bool()
		return op.Kind == schema.OpAdd && !(ok && !on) || op.Kind == schema.OpChange && ok && on
	})
	if late != nil {
		p.Report(move, fmt.Sprintf("%s moves mailboxes in a staged migration before directory synchronization is on (the stage turns it on later, at %s): every batch needs it; turn it on first",
			p.Stage.Describe(), late.Describe()), related(late, "turned on here"))
	}
}

func (o *orderCheck) hybridNeedsDeployment(move schema.Node, at int, method string) {
	p := o.p
	h := p.Topology.Hybrid
	late := o.setUpAfter(at, func(op *schema.Operation) bool { return op.Kind == schema.OpAdd && op.Target.Type == "hybrid" })
	switch {
	case h == nil:
		p.Reportf(move, "%s moves mailboxes in a %s migration before the hybrid deployment exists: run the Hybrid Configuration Wizard (add hybrid) in an earlier stage",
			p.Stage.Describe(), methodName(method))
		return
	case late != nil:
		p.Report(move, fmt.Sprintf("%s moves mailboxes in a %s migration before the hybrid deployment exists (the stage adds it later): add hybrid first",
			p.Stage.Describe(), methodName(method)), related(late, "added here"))
		return
	}
	if h.Domains == nil {
		return
	}
	var unverified []string
	var first schema.Node
	for _, d := range h.Domains.Targets() {
		verifiedLater := o.setUpAfter(at, func(op *schema.Operation) bool {
			v, ok := op.Attribute("verified").Bool()
			return op.Kind == schema.OpChange && op.Target.Type == "domain" && op.Target.Name() == d.Name() && ok && v
		})
		if d.Verified.IsFalse() || verifiedLater != nil {
			unverified = append(unverified, d.Name())
			if first == nil {
				first = d.Verified
				if verifiedLater != nil {
					first = verifiedLater
				}
			}
		}
	}
	if first != nil {
		p.Report(move, fmt.Sprintf("%s moves mailboxes in a %s migration before the hybrid %s %s verified in the tenant: verify %s first",
			p.Stage.Describe(), methodName(method), words.Pick(len(unverified), "domain", "domains"), words.And(unverified)+" "+words.Pick(len(unverified), "is", "are"),
			words.Pick(len(unverified), "it", "them")), related(first, "not verified before the moves"))
	}
}

// methodName names a migration method in a sentence: "hybrid", "minimal
// hybrid", "express".
func methodName(m string) string {
	if m == "minimal_hybrid" {
		return "minimal hybrid"
	}
	return m
}

// publicFolderAccess is the catalogue's subject: the newer versions whose
// public folders users with mailboxes on an older one cannot reach.
const publicFolderAccess = "public-folder-access"

// publicFoldersOnPremises reports public folders moved to a server of a
// newer version while servers of an older one whose users cannot reach them
// there (the catalogue's public-folder-access rows) still host mailboxes.
func (o *orderCheck) publicFoldersOnPremises() {
	p := o.p
	before := facts.New(p.Previous, p.Catalog)
	for i, op := range o.ops {
		if op.Skipped || op.Target.Type != "server" || (op.Kind != schema.OpAdd && op.Kind != schema.OpChange) {
			continue
		}
		if on, ok := op.Attribute("public_folders").Bool(); !ok || !on {
			continue
		}
		name := op.Target.Name()
		if was := p.Previous.ServerByName(name); op.Kind == schema.OpChange && (was == nil || was.PublicFolders.IsTrue()) {
			continue
		}
		target, ok := p.Facts.Server(p.Topology.ServerByName(name))
		if !ok {
			continue
		}
		var older []string
		seen := map[string]bool{}
		for _, set := range [][]facts.Server{before.Servers(), p.Facts.Servers()} {
			for _, s := range set {
				if seen[s.Name()] || s.Exchange.Rank >= target.Exchange.Rank {
					continue
				}
				// Only mailboxes the catalogue says cannot reach the newer
				// version's public folders count.
				if v, _ := p.Catalog.SupportsAny(publicFolderAccess, target.Exchange.ID, "", s.Exchange); v != catalog.Unsupported {
					continue
				}
				seen[s.Name()] = true
				if n, known := o.mailboxesAt(s.Name(), i); known && n > 0 {
					older = append(older, fmt.Sprintf("%s (%s)", s.Name(), s.Exchange.ShortName()))
				}
			}
		}
		if len(older) == 0 {
			continue
		}
		p.Reportf(writeOf(op, "public_folders"), "%s moves public folders to %s (%s) while %s still %s mailboxes: users with mailboxes on the older version can't reach them there; move the user mailboxes first",
			p.Stage.Describe(), name, target.Exchange.ShortName(), words.And(words.Short(older)), words.Pick(len(older), "hosts", "host"))
	}
}

// publicFoldersToCloud reports public folders moved to Exchange Online
// while the migration of the mailboxes is not complete: a warning, as
// Microsoft recommends the order without requiring it.
func (o *orderCheck) publicFoldersToCloud() {
	p := o.p
	for i, op := range o.ops {
		if op.Skipped || op.Kind != schema.OpChange || op.Target.Type != "organization" {
			continue
		}
		a := op.Attribute("public_folders")
		if a == nil || p.Topology.Organization == nil || !p.Topology.Organization.PublicFolders.Is("exchange_online") {
			continue
		}
		if prev := p.Previous.Organization; prev != nil && prev.PublicFolders.Is("exchange_online") {
			continue
		}
		if done, known := o.completeAt(i); !known || done {
			continue
		}
		p.ReportAs(lint.Warning, writeOf(op, "public_folders"), fmt.Sprintf("%s moves the public folders to Exchange Online before the mailboxes (the migration is not complete): Microsoft recommends moving the user mailboxes first, keeping the public folder admin's mailbox on-premises",
			p.Stage.Describe()))
	}
}
