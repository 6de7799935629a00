package rules

import (
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Helpers shared by the hybrid rules.

// rosterEntry is a server the hybrid deployment uses, with where the
// topology names it: its item in hybrid.servers or hybrid.edge_servers, or,
// when the deployment implies it, its version attribute.
type rosterEntry struct {
	server
	at schema.Node
}

// hybridRoster returns the servers that run the hybrid endpoints: each
// server named in hybrid.servers once, at its first item, when its version is
// known. Without the list, an organization with Exchange 2007 can only use its
// Exchange 2013 servers (Edge Transport servers aside), which are returned at
// their version attribute. known is false when the hybrid servers cannot be
// told: no hybrid block, or no list outside a 2007 organization.
func hybridRoster(p *lint.Pass) (ms []rosterEntry, known bool) {
	type result struct {
		ms    []rosterEntry
		known bool
	}
	r := p.Memo("hybrid_helpers.roster", func() any {
		h := p.Topology.Hybrid
		if h == nil {
			return result{}
		}
		if h.Servers != nil {
			return result{rosterOf(p, h.Servers), true}
		}
		_, groups := versionGroups(p)
		if len(groups[p.Catalog.Version("2007")]) == 0 {
			return result{}
		}
		var out []rosterEntry
		for _, s := range groups[p.Catalog.Version("2013")] {
			if !s.isEdge() {
				out = append(out, rosterEntry{s, versionNode(s)})
			}
		}
		return result{out, true}
	}).(result)
	return r.ms, r.known
}

// edgeRoster returns the servers named in hybrid.edge_servers, each once,
// at its first item, when its version is known.
func edgeRoster(p *lint.Pass) []rosterEntry {
	h := p.Topology.Hybrid
	if h == nil || h.EdgeServers == nil {
		return nil
	}
	return p.Memo("hybrid_helpers.edgeRoster", func() any { return rosterOf(p, h.EdgeServers) }).([]rosterEntry)
}

func rosterOf(p *lint.Pass, l *schema.RefList[*schema.Server]) []rosterEntry {
	var out []rosterEntry
	seen := map[*schema.Server]bool{}
	for _, it := range l.Items {
		if it.Target == nil || seen[it.Target] {
			continue
		}
		seen[it.Target] = true
		if s, ok := serverOf(p, it.Target); ok {
			out = append(out, rosterEntry{s, it})
		}
	}
	return out
}

// rosterNames lists members for a message: "EX01, EX02 and EX03".
func rosterNames(ms []rosterEntry) string {
	ss := make([]server, len(ms))
	for i, m := range ms {
		ss[i] = m.server
	}
	return names(ss)
}

// joinAnd joins strings for a message: "a, b and c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	out := ""
	for i, x := range xs[:len(xs)-1] {
		if i > 0 {
			out += ", "
		}
		out += x
	}
	return out + " and " + xs[len(xs)-1]
}
