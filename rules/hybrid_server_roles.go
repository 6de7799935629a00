package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridServerRoles reports hybrid servers without the roles a hybrid
// deployment of their version needs.
type hybridServerRoles struct{}

func init() { register(hybridServerRoles{}) }

func (hybridServerRoles) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-server-roles",
		Severity: lint.Error,
		Summary:  "hybrid servers without the roles hybrid needs",
		Sources:  sources("MS-HYB-PREREQ", "MS-HYB-2007-ROLES", "MS-HCW-FAQ", "MS-HCW-OPTIONS"),
	}
}

// The roles a hybrid deployment needs, per version of the hybrid servers,
// are the catalogue's (subject hybrid-roles): at least one instance of each
// among the organization's servers of that version, "separately or on one
// server" (MS-HYB-PREREQ).
const hybridRolesMatrix = "hybrid-roles"

// hybridMailRoles are the roles needed only for hybrid mail flow: the
// Minimal and Express options of the Hybrid Configuration Wizard configure
// no send and receive connectors and need no TCP 25 or transport certificate
// (MS-HCW-OPTIONS), so in those modes (hybridMode) the Exchange 2010 Hub
// Transport role serves no hybrid purpose and is not required.
var hybridMailRoles = map[string]bool{"hub_transport": true}

// hybridRolesNeeded returns the roles a hybrid deployment based on v needs in
// the planned hybrid mode, in the catalogue's order.
func hybridRolesNeeded(cat *catalog.Catalog, v *catalog.Version, mode string) []string {
	var out []string
	for _, row := range cat.VersionRows(hybridRolesMatrix, v) {
		for _, r := range row.ValueIDs() {
			if row.Verdict != catalog.Supported || (hybridMailRoles[r] && facts.WithoutHybridMail(mode)) {
				continue
			}
			out = append(out, r)
		}
	}
	return out
}

func (hybridServerRoles) Check(p *lint.Pass) {
	ms, known := p.Facts.HybridRoster()
	if !known {
		if h := p.Topology.Hybrid; h != nil {
			p.Unknown(&h.Block, "servers")
		}
		return
	}
	// Edge Transport servers cannot run the hybrid endpoints; they belong in
	// hybrid.edge_servers. Other servers are judged by version.
	var order []*catalog.Version
	groups := map[*catalog.Version][]facts.RosterEntry{}
	for _, m := range ms {
		if m.IsEdge() {
			p.Report(m.At, fmt.Sprintf("%s is an Edge Transport server, which cannot run the hybrid endpoints of hybrid.servers: "+
				"list it in hybrid.edge_servers if it carries hybrid mail, and internal servers in hybrid.servers", m.Name()))
			continue
		}
		if len(p.Catalog.VersionRows(hybridRolesMatrix, m.Exchange)) == 0 {
			continue // versions that cannot be hybrid servers: hybrid-server-version
		}
		if groups[m.Exchange] == nil {
			order = append(order, m.Exchange)
		}
		groups[m.Exchange] = append(groups[m.Exchange], m)
	}
	if len(order) == 0 {
		return
	}
	mode, _ := p.Facts.HybridMode()
	// The organization's servers of each version, Edge Transport servers
	// aside: where the roles are counted.
	_, all := p.Facts.VersionGroups()
	for _, v := range order {
		var inOrg []facts.Server
		for _, s := range all[v] {
			if !s.IsEdge() {
				inOrg = append(inOrg, s)
			}
		}
		hybridRoleGroup(p, v, hybridRolesNeeded(p.Catalog, v, mode), groups[v], inOrg)
	}
}

// hybridRoleGroup checks the roles for the hybrid servers g of version v.
//
// A version whose hybrid deployment needs one role (Mailbox, 2016 and later)
// needs it on every listed hybrid server: such a server without it has no
// role that runs anything. Otherwise each role needs at least one instance
// among the organization's non-Edge servers of v (inOrg), "separately or on
// one server" (MS-HYB-PREREQ). With exactly one such server, the finding is
// at its roles; for 2013 it is also Microsoft's single-server clause
// (MS-HYB-2007-ROLES: a single Exchange 2013 server must hold both roles).
func hybridRoleGroup(p *lint.Pass, v *catalog.Version, need []string, g []facts.RosterEntry, inOrg []facts.Server) {
	if len(need) == 1 {
		role := roleNames[need[0]]
		for _, m := range g {
			if m.Roles == nil {
				p.UnknownFor(m.At, &m.Block, "roles")
			}
			if m.Roles == nil || m.HasRole(need[0]) {
				continue
			}
			has := fmt.Sprintf("has %s but not %s", hybridRolesHeld(m.Server), role)
			if len(m.Roles.Values()) == 0 {
				has = fmt.Sprintf("has no server role (management tools only), so not %s", role)
			}
			p.Report(m.Roles, fmt.Sprintf("hybrid server %s %s, which runs the hybrid endpoints of %s: install %s on %s, "+
				"or list servers that have it in hybrid.servers",
				m.Name(), has, v.ShortName(), hybridRoleList([]string{role}), m.Name()))
		}
		return
	}
	// Each role on at least one of the organization's servers of v; a server
	// whose roles are unknown could hold any.
	var missing []string
	for _, r := range need {
		found, unknown := false, false
		for _, s := range inOrg {
			switch {
			case s.Roles == nil:
				unknown = true
			case s.HasRole(r):
				found = true
			}
		}
		if !found && !unknown {
			missing = append(missing, roleNames[r])
		}
		if !found && unknown {
			for _, s := range inOrg {
				if s.Roles == nil {
					p.Unknown(&s.Block, "roles")
				}
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	// Where the roles may be (one server or several; Microsoft recommends
	// one) is the rule page's.
	if len(inOrg) == 1 {
		only := inOrg[0]
		p.Report(only.Roles, fmt.Sprintf("hybrid server %s has %s but not %s, and is the organization's only %s server: install %s on %s",
			only.Name(), hybridRolesHeld(only), words.And(missing), v.Name, hybridRoleList(missing), only.Name()))
		return
	}
	var at schema.Node = g[0].At
	if h := p.Topology.Hybrid; h.Servers != nil {
		at = h.Servers
	}
	p.Report(at, fmt.Sprintf("none of the organization's %s servers (%s) has %s, which a hybrid deployment based on %s needs: "+
		"install %s on the hybrid servers (%s)", v.Name, names(inOrg), hybridRoleList(missing), v.ID, words.Pick(len(missing), "it", "them"), names(rosterServers(g))))
}

// hybridRoleListOf names roles by keyword: "the Client Access and Mailbox roles".
func hybridRoleListOf(rs []string) string {
	var pretty []string
	for _, r := range rs {
		pretty = append(pretty, roleNames[r])
	}
	return hybridRoleList(pretty)
}

// hybridRoleList: "the Mailbox role", "the Hub Transport and Client Access roles".
func hybridRoleList(rs []string) string {
	if len(rs) == 1 {
		return "the " + rs[0] + " role"
	}
	return "the " + words.And(rs) + " roles"
}

// rosterServers returns the servers of roster entries.
func rosterServers(ms []facts.RosterEntry) []facts.Server {
	ss := make([]facts.Server, len(ms))
	for i, m := range ms {
		ss[i] = m.Server
	}
	return ss
}
