package rules

import (
	"fmt"

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
		Sources:  sources("MS-HYB-PREREQ", "MS-HYB-2007-ROLES", "MS-HCW-FAQ"),
	}
}

// hybridRoles lists, per version of the hybrid servers, the roles a hybrid
// deployment needs among them: at least one server with each role, all on the
// one server when there is only one.
var hybridRoles = map[string][]string{
	// MS-HYB-PREREQ: "Exchange 2010: At least one instance of Mailbox, Hub
	// Transport, and Client Access server roles installed (separately or on one
	// server; we strongly recommend on one server)".
	"2010": {"mailbox", "hub_transport", "client_access"},
	// MS-HYB-PREREQ (the same for 2013); MS-HYB-2007-ROLES: "If you choose to
	// install a single Exchange server ..., you'll need to install both the
	// Client Access and Mailbox server roles on the single server".
	"2013": {"client_access", "mailbox"},
	// MS-HYB-PREREQ: "Exchange 2016 and newer: At least one Mailbox server".
	"2016": {"mailbox"},
	"2019": {"mailbox"},
	"SE":   {"mailbox"},
}

var hybridRoleNames = map[string]string{
	"mailbox":           "Mailbox",
	"hub_transport":     "Hub Transport",
	"client_access":     "Client Access",
	"unified_messaging": "Unified Messaging",
	"edge_transport":    "Edge Transport",
	"front_end":         "front-end",
	"back_end":          "back-end",
}

func (hybridServerRoles) Check(p *lint.Pass) {
	ms, known := hybridRoster(p)
	if !known {
		return
	}
	// Edge Transport servers cannot run the hybrid endpoints; they belong in
	// hybrid.edge_servers. Other servers are judged by version.
	var order []*catalog.Version
	groups := map[*catalog.Version][]rosterEntry{}
	for _, m := range ms {
		if m.isEdge() {
			p.Report(m.at, fmt.Sprintf("%s is an Edge Transport server, which cannot run the hybrid endpoints "+
				"(Autodiscover, EWS, mailbox moves) that hybrid.servers are for: list it in hybrid.edge_servers if it "+
				"carries hybrid mail, and name internal servers in hybrid.servers", m.Name()))
			continue
		}
		if _, ok := hybridRoles[m.version.ID]; !ok {
			continue // versions that cannot be hybrid servers: hybrid-server-version
		}
		if groups[m.version] == nil {
			order = append(order, m.version)
		}
		groups[m.version] = append(groups[m.version], m)
	}
	for _, v := range order {
		hybridRoleGroup(p, v, groups[v])
	}
}

// hybridRoleGroup checks the hybrid servers of one version: with one server,
// it must hold every role; with several, each role must be on one of them.
func hybridRoleGroup(p *lint.Pass, v *catalog.Version, g []rosterEntry) {
	need := hybridRoles[v.ID]
	if len(g) == 1 || len(need) == 1 {
		for _, m := range g {
			if m.Roles == nil {
				continue
			}
			var missing []string
			for _, r := range need {
				if !m.hasRole(r) {
					missing = append(missing, hybridRoleNames[r])
				}
			}
			if len(missing) == 0 {
				continue
			}
			why := fmt.Sprintf("a hybrid deployment based on %s needs %s", v.Name, hybridRolesOf(v))
			if len(need) > 1 {
				why += ", all on the one server when there is only one, as here"
			}
			has := hybridRolesHeld(m.server)
			it := "it"
			if len(missing) > 1 {
				it = "them"
			}
			p.Report(m.Roles, fmt.Sprintf("hybrid server %s has %s but not %s: %s. Install %s on %s, or list in hybrid.servers another %s server that has %s",
				m.Name(), has, joinAnd(missing), why, hybridRoleList(missing), m.Name(), v.Name, it))
		}
		return
	}
	// Several servers: each role on at least one of them.
	var missing []string
	for _, r := range need {
		found, unknown := false, false
		for _, m := range g {
			switch {
			case m.Roles == nil:
				unknown = true
			case m.hasRole(r):
				found = true
			}
		}
		if !found && !unknown {
			missing = append(missing, hybridRoleNames[r])
		}
	}
	if len(missing) == 0 {
		return
	}
	var at schema.Node = g[0].at
	if h := p.Topology.Hybrid; h.Servers != nil {
		at = h.Servers
	}
	p.Report(at, fmt.Sprintf("none of the %s hybrid servers (%s) has %s: a hybrid deployment based on %s needs %s "+
		"(on separate servers, or on each one as Microsoft recommends). Install %s on them, or list in hybrid.servers a server that has it",
		v.Name, rosterNames(g), hybridRoleList(missing), v.Name, hybridRolesOf(v), hybridRoleList(missing)))
}

// hybridRolesOf names what a version's hybrid servers need: "the Client
// Access and Mailbox roles".
func hybridRolesOf(v *catalog.Version) string {
	var rs []string
	for _, r := range hybridRoles[v.ID] {
		rs = append(rs, hybridRoleNames[r])
	}
	return hybridRoleList(rs)
}

// hybridRoleList: "the Mailbox role", "the Hub Transport and Client Access roles".
func hybridRoleList(rs []string) string {
	if len(rs) == 1 {
		return "the " + rs[0] + " role"
	}
	return "the " + joinAnd(rs) + " roles"
}

// hybridRolesHeld names a server's roles for a message: "Mailbox and Client
// Access", or "no role".
func hybridRolesHeld(s server) string {
	var pretty []string
	for _, r := range s.Roles.Values() {
		pretty = append(pretty, hybridRoleNames[r])
	}
	if len(pretty) == 0 {
		return "no role"
	}
	return joinAnd(pretty)
}
