package rules

import (
	"github.com/exlint/exlint/lint"
)

// serverCoreUnsupported reports Exchange on a Server Core installation of
// Windows where the version needs the full installation.
type serverCoreUnsupported struct{}

func init() { register(serverCoreUnsupported{}) }

func (serverCoreUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-core-unsupported",
		Severity: lint.Error,
		Summary:  "Exchange on Server Core where the version needs the full Windows installation",
		Sources:  sources("MS-SYSREQ-2013", "MS-SYSREQ", "MS-READINESS"),
	}
}

// hostFullInstall names, for each version that needs the full installation of
// Windows, what Microsoft calls it and where it says so (exchange-domain.md
// §1.2). Exchange 2019 and SE support Server Core ("fully supported and
// recommended", MS-SYSREQ). The reference says nothing for Exchange 2010 and
// earlier, so exlint does not judge them.
var hostFullInstall = map[string]string{
	// "We don't support the installation of Exchange 2013 on a computer
	// that's running in Windows Server Core mode" (MS-SYSREQ-2013).
	"2013": "the full installation of Windows Server (Server with a GUI)",
	// "We don't support the installation of Exchange 2016 on a computer
	// that's running Windows Server Core or Nano Server" (MS-SYSREQ; setup
	// readiness check IsServerCoreInstalled).
	"2016": "Windows Server with the Desktop Experience (Server with a GUI on Windows Server 2012 and 2012 R2)",
}

func (serverCoreUnsupported) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if !s.Core.IsTrue() {
			continue
		}
		full, judged := hostFullInstall[s.Exchange.ID]
		if !judged {
			continue
		}
		p.Reportf(s.Core, "%s runs %s on a Server Core installation of Windows, which %s does not support: it needs %s; "+
			"reinstall Windows with the full installation (core = false), or move to %s",
			s.Name(), s.Exchange.Name, s.Exchange.Name, full, coreVersions(p))
	}
}

// coreVersions names the versions to move to for Server Core: Exchange 2019
// and SE while 2019 is supported, SE alone after 2019's end of support.
func coreVersions(p *lint.Pass) string {
	if end, ok := p.Catalog.Version("2019").EndOfSupport(); ok && p.AsOf.After(end) {
		return "Exchange Server SE, which supports Server Core"
	}
	return "Exchange Server 2019 or SE, which support Server Core"
}
