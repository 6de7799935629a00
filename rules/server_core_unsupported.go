package rules

import (
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
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

// The versions that need the full installation of Windows are the
// catalogue's (subject server-core: the note names the installation as
// Microsoft does). Exchange 2019 and SE support Server Core ("fully supported
// and recommended", MS-SYSREQ); nothing is known for Exchange 2010 and
// earlier, so exlint does not judge them.
const serverCore = "server-core"

func (serverCoreUnsupported) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if !s.Core.IsTrue() {
			continue
		}
		verdict, row := p.Catalog.SupportsAny(serverCore, "", "", s.Exchange)
		if verdict != catalog.Unsupported || row == nil {
			continue
		}
		p.Reportf(s.Core, "%s runs %s on a Server Core installation of Windows, which %s does not support: it needs %s; "+
			"reinstall Windows with the full installation (core = false), or move to %s",
			s.Name(), s.Exchange.Name, s.Exchange.Name, row.Note, coreVersions(p))
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
