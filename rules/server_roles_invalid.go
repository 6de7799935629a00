package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// serverRolesInvalid reports a role that the server's Exchange version does
// not have.
type serverRolesInvalid struct{}

func init() { register(serverRolesInvalid{}) }

func (serverRolesInvalid) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-roles-invalid",
		Severity: lint.Error,
		Summary:  "a role that the server's Exchange version does not have",
		Sources:  sources("MS-DISCONT", "MS-ARCH", "MS-SYSREQ-2013", "MS-ROADMAP-2024"),
	}
}

// hostVersionRole is a role a version has, from a level on ("" = every level).
type hostVersionRole struct {
	role string
	from string
}

// hostVersionRoles lists the roles of each version:
//   - 2000, 2003: no role model, front-end and back-end servers.
//   - 2007, 2010: Mailbox, Client Access, Hub Transport, Unified Messaging,
//     Edge Transport.
//   - 2013: Client Access, Mailbox, and Edge Transport from SP1 = CU4
//     (MS-SYSREQ-2013 footnotes on "Exchange 2013 SP1 Edge Transport"). Hub
//     Transport and Unified Messaging became services of the Mailbox and
//     Client Access roles (MS-DISCONT, 2010 to 2016 list).
//   - 2016: Mailbox and Edge Transport; Client Access services run on the
//     Mailbox role (MS-DISCONT, MS-ARCH), and so do UM services (MS-DISCONT).
//   - 2019, SE: Mailbox and Edge Transport; Unified Messaging removed
//     (MS-DISCONT; SE has 2019's architecture, MS-ROADMAP-2024).
//   - 5.5: neither server roles (2007 and later) nor front-end and back-end
//     servers (2000 and 2003 only).
var hostVersionRoles = map[string][]hostVersionRole{
	"5.5":  {},
	"2000": {{role: "front_end"}, {role: "back_end"}},
	"2003": {{role: "front_end"}, {role: "back_end"}},
	"2007": {{role: "mailbox"}, {role: "client_access"}, {role: "hub_transport"}, {role: "unified_messaging"}, {role: "edge_transport"}},
	"2010": {{role: "mailbox"}, {role: "client_access"}, {role: "hub_transport"}, {role: "unified_messaging"}, {role: "edge_transport"}},
	"2013": {{role: "client_access"}, {role: "mailbox"}, {role: "edge_transport", from: "CU4"}},
	"2016": {{role: "mailbox"}, {role: "edge_transport"}},
	"2019": {{role: "mailbox"}, {role: "edge_transport"}},
	"SE":   {{role: "mailbox"}, {role: "edge_transport"}},
}

// hostRoleOf returns how version v has role: present, and from which level
// ("" = every level).
func hostRoleOf(v *catalog.Version, role string) (present bool, from string) {
	for _, r := range hostVersionRoles[v.ID] {
		if r.role == role {
			return true, r.from
		}
	}
	return false, ""
}

// hostDescribeRoles lists a version's roles: "the Client Access, Mailbox and
// Edge Transport (from SP1 = CU4) roles".
func hostDescribeRoles(cat *catalog.Catalog, v *catalog.Version) string {
	rs := hostVersionRoles[v.ID]
	if len(rs) == 0 {
		return v.Name + " has no server roles"
	}
	if rs[0].role == "front_end" {
		return v.Name + " has no server roles: its servers are front-end or back-end servers"
	}
	var names []string
	for _, r := range rs {
		n := roleName(r.role)
		if r.from != "" {
			n += fmt.Sprintf(" (from %s)", levelLabel(cat, mustRelease(cat, v, r.from)))
		}
		names = append(names, n)
	}
	return fmt.Sprintf("%s has the %s roles", v.Name, words.And(names))
}

// hostWhyNoRole says why version v lacks role, and how to fix the topology.
func hostWhyNoRole(v *catalog.Version, role string) (why, fix string) {
	remove := fmt.Sprintf("remove %q from roles", role)
	switch {
	case v.ID == "5.5":
		return "server roles came with Exchange 2007, and front-end and back-end servers with Exchange 2000", remove
	case v.ID == "2000" || v.ID == "2003":
		return "server roles came with Exchange 2007", remove + `, and declare the server as "front_end" or "back_end"`
	case role == "front_end" || role == "back_end":
		return "front-end and back-end servers are the model of Exchange 2000 and 2003; from Exchange 2007 a server has roles",
			remove + " and list the server's roles instead"
	case role == "hub_transport":
		return "from Exchange 2013 the Hub Transport role is gone: transport services run on the Mailbox role", remove + " (the Mailbox role carries transport)"
	case role == "client_access":
		return "from Exchange 2016 the Client Access role is gone: Client Access services run on the Mailbox role", remove + " (the Mailbox role serves clients)"
	case role == "unified_messaging" && (v.ID == "2013" || v.ID == "2016"):
		return "from Exchange 2013 Unified Messaging is a set of services on the Mailbox (and 2013 Client Access) role, not a role", remove + " (Unified Messaging runs on the Mailbox role)"
	case role == "unified_messaging":
		return "Unified Messaging was removed in Exchange 2019 (Microsoft advises moving voice mail to Skype for Business Cloud Voice Mail)", remove
	}
	return "", remove
}

func (serverRolesInvalid) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.Roles == nil {
			continue
		}
		if _, known := hostVersionRoles[s.Exchange.ID]; !known {
			continue
		}
		for _, item := range s.Roles.Items {
			present, from := hostRoleOf(s.Exchange, item.Value)
			switch {
			case !present:
				why, fix := hostWhyNoRole(s.Exchange, item.Value)
				p.Report(item, fmt.Sprintf("%s declares the %s role, which %s does not have: %s; %s; %s",
					s.Name(), roleName(item.Value), s.Exchange.Name, why, hostDescribeRoles(p.Catalog, s.Exchange), fix))
			case from != "":
				min := mustRelease(p.Catalog, s.Exchange, from)
				if below, known := s.Below(min); known && below {
					p.Report(item, fmt.Sprintf("%s declares the %s role on %s, which has it only from %s: %s; install %s or later on %s, or use another Edge Transport server",
						s.Name(), roleName(item.Value), s.LevelName(), levelRef(p.Catalog, min), hostDescribeRoles(p.Catalog, s.Exchange),
						levelLabel(p.Catalog, min), s.Name()))
				}
			}
		}
	}
}
