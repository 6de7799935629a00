package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// planServerRemoval reports a stage that removes a server before its work has
// gone elsewhere: it still hosts mailboxes, mailbox databases or public
// folders (setup refuses to remove the Mailbox role while databases or
// active mailboxes remain, MS-READINESS-DB; "make sure you have either
// deleted, disabled, or moved all mailboxes, public folders, and public
// folder replicas", MS-2007-REMOVE), it is still a DAG member (MS-DAG-MEMBERS),
// it is the only source server of a send connector that stays (the
// connector's SourceTransportServers, MS-PS-SENDCONNECTOR), or it is the last
// hybrid server while mailboxes remain on-premises ("keep enough in place to
// handle the remaining hybrid functions", MS-DECOM).
//
// A DAG, connector or hybrid deployment that still names the server leaves a
// dangling reference, which plan-structure reports at the same removal: this
// rule yields to it there. Such a state is not checked by the rules, so its
// removals are judged from the current state's pass, as plan-structure
// judges every stage.
type planServerRemoval struct{}

func init() { register(planServerRemoval{}) }

func (planServerRemoval) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "plan-server-removal",
		Severity: lint.Error,
		Summary:  "a stage removes a server that still hosts mailboxes, databases or public folders, is a DAG member, is a send connector's only source, or is the last hybrid server while mailboxes remain on-premises",
		Sources:  sources("MS-READINESS-DB", "MS-2007-REMOVE", "MS-DAG-MEMBERS", "MS-PS-SENDCONNECTOR", "MS-DECOM"),
		// A removal that leaves a DAG, connector or hybrid deployment naming
		// the server is plan-structure's finding at the same address.
		Yields:     []string{"plan-structure"},
		Transition: true,
	}
}

func (r planServerRemoval) Check(p *lint.Pass) {
	if p.Plan == nil {
		return
	}
	sev := r.Info().Severity
	if p.Stage != nil {
		for _, st := range p.Plan.States {
			if st.Name == p.State.Name {
				judgeRemovals(st, func(at schema.Node, msg string, rel ...lint.Related) { p.Report(at, msg, rel...) },
					func(s *schema.Server, attr string) { p.Unknown(&s.Block, attr) })
			}
		}
		return
	}
	for _, st := range p.Plan.States[1:] {
		if !st.Checkable {
			state := lint.StateOf(st)
			judgeRemovals(st, func(at schema.Node, msg string, rel ...lint.Related) { p.ReportIn(state, sev, at, msg, rel...) }, nil)
		}
	}
}

type reportFunc func(at schema.Node, msg string, related ...lint.Related)

// judgeRemovals judges the servers a state's stage removes; unknown, when
// not nil, is told what a removed server does not say it hosts.
func judgeRemovals(st *schema.State, report reportFunc, unknown func(*schema.Server, string)) {
	if st.Previous == nil {
		return
	}
	prev, next := st.Previous.Topology, st.Topology
	for _, op := range stageOps(st.Stage, schema.OpRemove, "server") {
		s := prev.ServerByName(op.Target.Name())
		if s == nil {
			continue
		}
		stillHosts(st.Stage, op, s, report, unknown)
		for _, dag := range next.DAGs {
			if item := namedIn(dag.Members, s.Name()); item != nil {
				report(op, fmt.Sprintf("%s removes %s, which is still a member of DAG %s: remove it from the DAG, with its database copies, in this stage or an earlier one",
					st.Stage.Describe(), s.Name(), dag.Name()), related(item, "a member of the DAG here"))
			}
		}
		onlySource(st.Stage, op, s, prev, next, report)
		lastHybrid(st.Stage, op, s, prev, next, report)
	}
}

// hosted is what a server hosts just before a stage removes it: what the
// state before the stage says, then what the stage's earlier changes to it
// write (a stage may empty a server and remove it, in that order).
type hosted struct {
	mailboxes, databases int
	publicFolders        bool
	// at are where each was last written, by attribute name.
	at map[string]schema.Node
}

func hostedBefore(stage *schema.Stage, removal *schema.Operation, s *schema.Server) hosted {
	h := hosted{at: map[string]schema.Node{}}
	if s.Mailboxes != nil {
		h.mailboxes, h.at["mailboxes"] = s.Mailboxes.Value, s.Mailboxes
	}
	if s.Databases != nil {
		h.databases, h.at["databases"] = s.Databases.Value, s.Databases
	}
	if s.PublicFolders != nil {
		h.publicFolders, h.at["public_folders"] = s.PublicFolders.Value, s.PublicFolders
	}
	for _, op := range stage.Operations {
		if op == removal {
			break
		}
		if op.Kind != schema.OpChange || op.Skipped || op.Target.Type != "server" || op.Target.Name() != s.Name() {
			continue
		}
		for _, name := range []string{"mailboxes", "databases", "public_folders"} {
			a := op.Attribute(name)
			if a == nil {
				continue
			}
			n, isInt := a.Int()
			b, isBool := a.Bool()
			switch name {
			case "mailboxes":
				h.mailboxes = n
			case "databases":
				h.databases = n
			default:
				h.publicFolders = b
			}
			if (isInt || isBool) && !a.Null {
				h.at[name] = writeOf(op, name)
			} else {
				delete(h.at, name) // unset: unknown
			}
		}
	}
	return h
}

// stillHosts reports a removed server that still hosts mailboxes, mailbox
// databases or public folders when the stage removes it: one finding, at the
// removal, addressed to the first of them. What neither the server nor the
// stage's earlier changes say is unknown (an Edge server hosts none of it).
func stillHosts(stage *schema.Stage, op *schema.Operation, s *schema.Server, report reportFunc, unknown func(*schema.Server, string)) {
	h := hostedBefore(stage, op, s)
	if unknown != nil && !isEdgeServer(s) {
		for _, name := range []string{"mailboxes", "databases", "public_folders"} {
			if h.at[name] == nil {
				unknown(s, name)
			}
		}
	}
	var what, attrs []string
	var first schema.Node
	note := func(name, w, attr string) {
		what, attrs = append(what, w), append(attrs, attr)
		if first == nil {
			first = h.at[name]
		}
	}
	if h.at["mailboxes"] != nil && h.mailboxes > 0 {
		note("mailboxes", words.Thousands(h.mailboxes)+words.Pick(h.mailboxes, " mailbox", " mailboxes"), "mailboxes = 0")
	}
	if h.at["databases"] != nil && h.databases > 0 {
		note("databases", words.Count(h.databases, "mailbox database"), "databases = 0")
	}
	if h.at["public_folders"] != nil && h.publicFolders {
		note("public_folders", "public folders", "public_folders = false")
	}
	if first == nil {
		return
	}
	report(opAbout{op, first.Address()},
		fmt.Sprintf("%s removes %s, which still hosts %s: move them to another server first, and say so in a change (%s) before the removal",
			stage.Describe(), s.Name(), words.And(what), words.And(attrs)), related(first, "what it hosts before the removal"))
}

// namedIn returns the item of a list of references that names name, even
// when the reference no longer resolves.
func namedIn[T schema.Node](l *schema.RefList[T], name string) schema.Node {
	if l == nil {
		return nil
	}
	for _, it := range l.Items {
		if it.Value == name {
			return it
		}
	}
	return nil
}

// onlySource reports a removed server that was the only source server of a
// send connector that stays, naming no other server (or still naming it).
func onlySource(stage *schema.Stage, op *schema.Operation, s *schema.Server, prev, next *schema.Topology, report reportFunc) {
	for _, c := range prev.Connectors {
		if c.Direction() != "send" || c.Servers == nil || len(c.Servers.Items) == 0 || !namesOnly(c.Servers, s.Name()) {
			continue
		}
		after := connectorNamed(next, c.Labels)
		if after == nil || after.Servers == nil || !namesOnly(after.Servers, s.Name()) {
			continue
		}
		report(op, fmt.Sprintf("%s removes %s, the only source server of send connector %q, which stays: give the connector another source server, or remove it, in this stage or an earlier one",
			stage.Describe(), s.Name(), c.Name()), related(after.Servers, "its source servers"))
	}
}

// namesOnly reports whether every item of the list names name (an empty
// list does too).
func namesOnly(l *schema.RefList[*schema.Server], name string) bool {
	for _, it := range l.Items {
		if it.Value != name {
			return false
		}
	}
	return true
}

func connectorNamed(top *schema.Topology, labels []string) *schema.Connector {
	for _, c := range top.Connectors {
		if len(c.Labels) == len(labels) && c.Labels[0] == labels[0] && c.Labels[1] == labels[1] {
			return c
		}
	}
	return nil
}

// lastHybrid reports a removed server that was the last hybrid server of a
// hybrid deployment that stays while mailboxes remain on-premises.
func lastHybrid(stage *schema.Stage, op *schema.Operation, s *schema.Server, prev, next *schema.Topology, report reportFunc) {
	h, after := prev.Hybrid, next.Hybrid
	if h == nil || after == nil || (namedIn(h.Servers, s.Name()) == nil && namedIn(h.EdgeServers, s.Name()) == nil) {
		return
	}
	if after.Servers == nil || !namesOnly(after.Servers, s.Name()) {
		return
	}
	remain, why, known := mailboxesRemain(next)
	if !known || !remain {
		return
	}
	report(op, fmt.Sprintf("%s removes %s, the last hybrid server, while mailboxes remain on-premises (%s): keep a hybrid server until the last mailbox has moved",
		stage.Describe(), s.Name(), why), related(after.Servers, "the hybrid servers after the stage"))
}
