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
		Sources:  sources("MS-DISCONT", "MS-ARCH", "MS-SYSREQ-2013", "MS-FEBE-2003", "MS-ROADMAP-2024"),
	}
}

// The roles of each version are the catalogue's (subject server-roles): the
// roles it has, each from a release on where it came later (Exchange 2013's
// Edge Transport role, from SP1 = CU4), and, for a role it lacks, why (the
// note). 5.5 has neither server roles nor front-end and back-end servers.

// hostDescribeRoles lists a version's roles: "the Client Access, Mailbox and
// Edge Transport (from SP1 = CU4) roles".
func hostDescribeRoles(cat *catalog.Catalog, v *catalog.Version) string {
	rs := cat.SupportedValues(serverRoles, v)
	if len(rs) == 0 {
		return v.Name + " has no server roles"
	}
	if rs[0].ID == "front_end" {
		return v.Name + " has no server roles: its servers are front-end or back-end servers"
	}
	var names []string
	for _, r := range rs {
		n := roleName(r.ID)
		if r.From != nil {
			n += fmt.Sprintf(" (from %s)", levelLabel(cat, r.From))
		}
		names = append(names, n)
	}
	return fmt.Sprintf("%s has the %s roles", v.Name, words.And(names))
}

// hostWhyNoRole says why version v lacks role (the catalogue's note), and how
// to fix the topology.
func hostWhyNoRole(cat *catalog.Catalog, v *catalog.Version, role string) (why, fix string) {
	if _, row := cat.SupportsAny(serverRoles, role, "", v); row != nil {
		why = row.Note
	}
	fix = fmt.Sprintf("remove %q from roles", role)
	has := cat.SupportedValues(serverRoles, v)
	switch {
	case len(has) == 0:
	case has[0].ID == "front_end":
		fix += `, and declare the server as "front_end" or "back_end"`
	case role == "front_end" || role == "back_end":
		fix += " and list the server's roles instead"
	default:
		if _, ok := cat.FirstSupported(mailboxServices, role, v); ok {
			fix += mailboxServicesFix[role]
		}
	}
	return why, fix
}

// mailboxServices is the catalogue's matrix of the roles a version no longer
// has whose services run on its Mailbox role (MS-DISCONT): Hub Transport from
// Exchange 2013, Client Access from 2016, Unified Messaging in 2013 and 2016.
const mailboxServices = "mailbox-services"

// mailboxServicesFix says, for the fix, where a role's services went.
var mailboxServicesFix = map[string]string{
	"hub_transport":     " (the Mailbox role carries transport)",
	"client_access":     " (the Mailbox role serves clients)",
	"unified_messaging": " (Unified Messaging runs on the Mailbox role)",
}

func (serverRolesInvalid) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.Roles == nil {
			if p.Coverage() && len(p.Catalog.VersionRows(serverRoles, s.Exchange)) > 0 {
				p.Unknown(&s.Block, "roles")
			}
			continue
		}
		if len(p.Catalog.VersionRows(serverRoles, s.Exchange)) == 0 {
			continue
		}
		for _, item := range s.Roles.Items {
			present, min := roleOf(p.Catalog, s.Exchange, item.Value)
			switch {
			case !present:
				// Why the version lacks it is the rule page's.
				_, fix := hostWhyNoRole(p.Catalog, s.Exchange, item.Value)
				p.Report(item, fmt.Sprintf("%s declares the %s role; %s: %s",
					s.Name(), roleName(item.Value), hostDescribeRoles(p.Catalog, s.Exchange), fix))
			case min != nil:
				if below, known := s.Below(min); known && below {
					p.Report(item, fmt.Sprintf("%s declares the %s role on %s, which has it only from %s: install %s or later on %s, or use another Edge Transport server",
						s.Name(), roleName(item.Value), s.LevelName(), levelRef(p.Catalog, min), levelLabel(p.Catalog, min), s.Name()))
				}
			}
		}
	}
}
