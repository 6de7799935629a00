package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// What the plan transition rules (plan-point-of-no-return,
// plan-in-place-upgrade, plan-server-removal, plan-last-server,
// plan-prerequisite-order) share: they judge the step a stage makes, from the
// state before it to its own, and report at the operation that makes it.

// stageOps returns the operations of the stage that applied, of one kind, on
// blocks of one type ("" for any), in the order they apply.
func stageOps(st *schema.Stage, kind schema.OpKind, typ string) []*schema.Operation {
	if st == nil {
		return nil
	}
	var out []*schema.Operation
	for _, op := range st.Operations {
		if op.Kind == kind && !op.Skipped && (typ == "" || op.Target.Type == typ) {
			out = append(out, op)
		}
	}
	return out
}

// opWrite points at the value an operation writes, with the address of the
// attribute of the state's block that it sets: "server.EX01.mailboxes" at the
// `mailboxes = 0` of a change.
type opWrite struct {
	attr *schema.OpAttr
	addr string
}

func (w opWrite) SourceRange() hcl.Range { return w.attr.Range }
func (w opWrite) Address() string        { return w.addr }

// writeOf returns where an operation writes attribute name, or nil when it
// does not write it (or writes null).
func writeOf(op *schema.Operation, name string) schema.Node {
	a := op.Attribute(name)
	if a == nil || a.Null {
		return nil
	}
	return opWrite{attr: a, addr: op.Address() + "." + name}
}

// opAbout points at an operation's header (the block's name in it) with the
// address of the thing a finding is about, when an operation causes several
// problems that each deserve a finding of their own: the removal of EX01 at
// "server.EX01.mailboxes" and at "domain.contoso.com".
type opAbout struct {
	op   *schema.Operation
	addr string
}

func (o opAbout) SourceRange() hcl.Range { return o.op.SourceRange() }
func (o opAbout) Address() string        { return o.addr }

// stateBefore returns the states of the plan before the one checked, in date
// order: the current state first.
func statesBefore(p *lint.Pass) []*schema.State {
	if p.Plan == nil {
		return nil
	}
	for i, s := range p.Plan.States {
		if s.Name == p.State.Name {
			return p.Plan.States[:i]
		}
	}
	return nil
}

// statedMailboxes sums the mailboxes the servers of a state are said to host,
// and reports whether any server states them.
func statedMailboxes(top *schema.Topology) (sum int, stated bool) {
	for _, s := range top.Servers {
		if s.Mailboxes != nil {
			sum += s.Mailboxes.Value
			stated = true
		}
	}
	return sum, stated
}

// mailboxesRemain reports whether a state says that mailboxes are still
// on-premises: a server hosts some, or the migration is not complete. ok is
// false when the state says neither (unknown).
func mailboxesRemain(top *schema.Topology) (remain bool, why string, ok bool) {
	for _, s := range top.Servers {
		if s.Mailboxes != nil && s.Mailboxes.Value > 0 {
			return true, s.Name() + " still hosts mailboxes", true
		}
	}
	if m := top.Migration; m != nil && m.Complete.IsFalse() {
		return true, "the migration is not complete", true
	}
	if sum, stated := statedMailboxes(top); stated && sum == 0 {
		return false, "", true
	}
	if m := top.Migration; m != nil && m.Complete.IsTrue() {
		return false, "", true
	}
	return false, "", false
}

// isEdgeServer reports whether a server is an Edge Transport server, which
// sits in the perimeter network outside Active Directory.
func isEdgeServer(s *schema.Server) bool { return s.Roles.Has("edge_transport") }
