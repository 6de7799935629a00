package rules

import (
	"github.com/exlint/exlint/internal/words"
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
		if s.Core == nil && p.Coverage() {
			if verdict, row := p.Catalog.SupportsAny(serverCore, "", "", s.Exchange); verdict == catalog.Unsupported && row != nil {
				p.Unknown(&s.Block, "core")
			}
		}
		if !s.Core.IsTrue() {
			continue
		}
		verdict, row := p.Catalog.SupportsAny(serverCore, "", "", s.Exchange)
		if verdict != catalog.Unsupported || row == nil {
			continue
		}
		p.Reportf(s.Core, "%s runs %s on Server Core, which it does not support (it needs %s): "+
			"reinstall Windows with the full installation (core = false)%s",
			s.Name(), s.Exchange.Name, row.Note, coreVersions(p, s.Exchange))
	}
}

// coreVersions names the versions to move a server of version from to for
// Server Core: those in support on the evaluation date that the catalogue's
// rows support on it and that can be in one organization with the other
// versions here (", or move to Exchange Server Subscription Edition"), or ""
// when none is.
func coreVersions(p *lint.Pass, from *catalog.Version) string {
	var names []string
	for _, v := range p.Catalog.SupportedVersions(p.AsOf) {
		if verdict, _ := p.Catalog.SupportsAny(serverCore, "", "", v); verdict == catalog.Supported && len(blockersOf(p, v, from)) == 0 {
			names = append(names, v.ShortName())
		}
	}
	if len(names) == 0 {
		return ""
	}
	return ", or move to " + words.Or(names)
}
