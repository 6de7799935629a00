package rules

import (
	"github.com/exlint/exlint/lint"
)

// serverRoles2013Split reports an Exchange 2013 server with only one of the
// Client Access and Mailbox roles.
type serverRoles2013Split struct{}

func init() { register(serverRoles2013Split{}) }

func (serverRoles2013Split) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-roles-2013-split",
		Severity: lint.Info,
		Summary:  "an Exchange 2013 server with only one of the Client Access and Mailbox roles",
		Sources:  sources("MS-HYB-2007-ROLES"),
	}
}

// Microsoft: "the best practice and recommended server configuration is to
// install both the Client Access and Mailbox server roles on each Exchange 2013
// server" (MS-HYB-2007-ROLES). Edge Transport
// servers hold no other role (server-roles-edge-combined).
func (serverRoles2013Split) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.Exchange.ID == "2013" && s.Roles == nil {
			p.Unknown(&s.Block, "roles")
		}
		if s.Exchange.ID != "2013" || s.Roles == nil || s.IsEdge() {
			continue
		}
		cas, mbx := s.HasRole("client_access"), s.HasRole("mailbox")
		if cas == mbx {
			continue
		}
		has, lacks, add := "Client Access", "Mailbox", "mailbox"
		if mbx {
			has, lacks, add = "Mailbox", "Client Access", "client_access"
		}
		p.Reportf(s.Roles, "%s runs Exchange Server 2013 with the %s role only, and Microsoft recommends both roles on each 2013 server: "+
			"install the %s role too (add %q to roles)", s.Name(), has, lacks, add)
	}
}
