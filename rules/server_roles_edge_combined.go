package rules

import (
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
)

// serverRolesEdgeCombined reports an Edge Transport server that also holds
// another role.
type serverRolesEdgeCombined struct{}

func init() { register(serverRolesEdgeCombined{}) }

func (serverRolesEdgeCombined) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-roles-edge-combined",
		Severity: lint.Error,
		Summary:  "Edge Transport combined with another role on one server",
		Sources:  sources("MS-2013-INSTALL"),
	}
}

// The Edge Transport role cannot coexist on the same computer with any other
// server role; it belongs in the perimeter network, outside the Active
// Directory forest (MS-2013-INSTALL; the rule holds from Exchange 2007, which
// introduced the role). Roles the version does not have
// are left to server-roles-invalid, and so is an Edge Transport role on
// Exchange 2013 before SP1, which had none.
func (serverRolesEdgeCombined) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() {
			if s.Roles == nil && p.Coverage() {
				if present, _ := roleOf(p.Catalog, s.Exchange, "edge_transport"); present {
					p.Unknown(&s.Block, "roles")
				}
			}
			continue
		}
		present, from := roleOf(p.Catalog, s.Exchange, "edge_transport")
		if !present {
			continue // 5.5, 2000, 2003: no Edge Transport role at all
		}
		if from != nil {
			if below, known := s.Below(from); known && below {
				continue
			}
		}
		var others []string
		for _, item := range s.Roles.Items {
			if item.Value == "edge_transport" {
				continue
			}
			if ok, _ := roleOf(p.Catalog, s.Exchange, item.Value); ok {
				others = append(others, roleName(item.Value))
			}
		}
		if len(others) == 0 {
			continue
		}
		p.Reportf(s.Roles, "%s combines the Edge Transport role with the %s, and Edge Transport cannot share a server: "+
			"put Edge Transport on a server of its own, and %s on internal servers", s.Name(), hostRoleList(others), words.And(others))
	}
}

// hostRoleList is "Mailbox role" or "Mailbox and Client Access roles".
func hostRoleList(names []string) string {
	if len(names) == 1 {
		return names[0] + " role"
	}
	return words.And(names) + " roles"
}
