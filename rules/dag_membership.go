package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// dagMembership reports database availability groups with more members than
// a DAG holds, members without the Mailbox role, and servers listed in two
// DAGs or twice in one. Members of different Exchange versions are
// dag-mixed-versions'.
type dagMembership struct{}

func init() { register(dagMembership{}) }

func (dagMembership) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "dag-membership",
		Severity: lint.Error,
		Summary:  "a DAG with more than 16 members, a member without the Mailbox role or of a version without DAGs, or a server in two DAGs or listed twice",
		Sources:  sources("MS-DAG", "MS-DAG-MEMBERS", "MS-DAG-2013", "MS-HA-2010"),
	}
}

// dagMember is the catalogue's subject: the Exchange versions whose
// Mailbox servers can be DAG members (from Exchange 2010).
const dagMember = "dag-member"

// dagMaxMembers is how many Mailbox servers a DAG holds: "A DAG is a group of
// up to 16 Mailbox servers" (MS-DAG; Exchange 2013: "a set of up to 16
// Exchange 2013 Mailbox servers", MS-DAG-2013).
const dagMaxMembers = 16

// dagSeat is where a server first appears as a DAG member.
type dagSeat struct {
	dag  *schema.DAG
	item *schema.Ref[*schema.Server]
}

func (dagMembership) Check(p *lint.Pass) {
	// "At any specific time, a Mailbox server can be a member of only one
	// DAG" (MS-DAG-MEMBERS).
	first := map[*schema.Server]dagSeat{}
	for _, d := range p.Topology.DAGs {
		if d.Members == nil {
			p.Unknown(&d.Block, "members")
			continue
		}
		var members []*schema.Ref[*schema.Server]
		for _, it := range d.Members.Items {
			if !it.Resolved() {
				continue
			}
			s := it.Target
			seat, seen := first[s]
			switch {
			case seen && seat.dag == d:
				p.Report(it, fmt.Sprintf("%s is listed twice in the members of DAG %s: remove the second entry", s.Name(), d.Name()),
					related(seat.item, "the first entry"))
				continue
			case seen:
				p.Report(it, fmt.Sprintf("%s is also a member of DAG %s, and a Mailbox server can be a member of only one DAG at a time: "+
					"remove %s from DAG %s or from DAG %s", s.Name(), seat.dag.Name(), s.Name(), d.Name(), seat.dag.Name()),
					related(seat.item, fmt.Sprintf("%s in DAG %s", s.Name(), seat.dag.Name())))
			default:
				first[s] = dagSeat{d, it}
			}
			if fs, ok := p.Facts.Server(s); ok {
				if v, row := p.Catalog.SupportsAny(dagMember, "", "", fs.Exchange); v == catalog.Unsupported {
					note := ""
					if row != nil && row.Note != "" {
						note = " (" + row.Note + ")"
					}
					p.Report(it, fmt.Sprintf("%s runs %s, which cannot be a DAG member%s: remove %s from DAG %s",
						s.Name(), fs.Exchange.Name, note, s.Name(), d.Name()))
					continue
				}
			}
			if s.Roles == nil {
				p.UnknownFor(it, &s.Block, "roles")
			}
			if s.Roles != nil && !s.Roles.Has("mailbox") {
				p.Report(it, fmt.Sprintf("%s has no Mailbox role (%s), and a DAG is a group of Mailbox servers: remove %s from DAG %s",
					s.Name(), rolesHeld(s.Roles), s.Name(), d.Name()), related(s.Roles, s.Name()+"'s roles"))
				continue // not a Mailbox server: it does not take one of the 16 seats
			}
			members = append(members, it)
		}
		if n := len(members); n > dagMaxMembers {
			var extra []string
			for _, it := range members[dagMaxMembers:] {
				extra = append(extra, it.Target.Name())
			}
			p.Report(d.Members, fmt.Sprintf("DAG %s has %d members, and a DAG holds at most %d Mailbox servers: move %s to another DAG",
				d.Name(), n, dagMaxMembers, words.And(words.Short(extra))))
		}
	}
}
