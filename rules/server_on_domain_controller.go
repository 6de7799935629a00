package rules

import (
	"github.com/exlint/exlint/lint"
)

// serverOnDomainController reports Exchange installed on a domain controller.
type serverOnDomainController struct{}

func init() { register(serverOnDomainController{}) }

func (serverOnDomainController) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-on-domain-controller",
		Severity: lint.Warning,
		Summary:  "Exchange installed on a domain controller (error with Active Directory split permissions)",
		Sources:  sources("MS-READINESS", "MS-SYSREQ"),
	}
}

// Setup warns when the target is a domain controller (readiness check
// WarningInstallExchangeRolesOnDomainController, whose article lists the
// reasons: among them, "The Exchange Trusted Subsystem universal security
// group (USG) is added to the Domain Admins group"), and Exchange on a domain
// controller is not supported at all when the organization uses Active
// Directory split permissions (InstallOnDCInADSplitPermissionMode). Promoting
// or demoting the server after Exchange is installed is not supported
// (MS-SYSREQ; the readiness checks are MS-READINESS's).
func (serverOnDomainController) Check(p *lint.Pass) {
	o := p.Topology.Organization
	split := o != nil && o.SplitPermissions.IsTrue()
	for _, s := range p.Facts.Servers() {
		if s.OnDomainController == nil {
			p.Unknown(&s.Block, "on_domain_controller")
		}
		if !s.OnDomainController.IsTrue() {
			continue
		}
		if o != nil && o.SplitPermissions == nil {
			// Warned about; an error with split permissions.
			p.UnknownFor(s.OnDomainController, &o.Block, "split_permissions")
		}
		if split {
			p.ReportAs(lint.Error, s.OnDomainController, s.Name()+" has "+s.Exchange.Name+" on a domain controller, which Active Directory "+
				"split permissions do not support: install Exchange on a member server, or switch to RBAC split or shared permissions")
			continue
		}
		// Why (domain administrator rights, no split permissions, no demotion)
		// is the rule page's.
		p.Report(s.OnDomainController, s.Name()+" has "+s.Exchange.Name+" on a domain controller, which Microsoft advises against "+
			"(it gives every Exchange server domain administrator rights): install Exchange on a member server")
	}
}
