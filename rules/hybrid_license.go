package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridLicense tells which hybrid servers do not get the free hybrid
// license the Hybrid Configuration Wizard issues.
type hybridLicense struct{}

func init() { register(hybridLicense{}) }

func (hybridLicense) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-license",
		Severity: lint.Info,
		Summary:  "which hybrid servers qualify for the free hybrid key",
		Sources:  sources("MS-HCW-FAQ", "DOCS-PR-3184", "JW-CU12", "MS-ROADMAP-2024"),
	}
}

// The free hybrid license, issued by the Hybrid Configuration Wizard, is the
// catalogue's (subject hybrid-license): Exchange 2013 and 2016 hybrid
// servers; Exchange 2019 from CU12, which added a product key for 2019 hybrid
// servers at no charge (JW-CU12); Exchange SE ("We will continue to provide a
// free Hybrid server license and key", MS-ROADMAP-2024); Exchange 2010, which
// the wizard FAQ named until 2022-06-16 and no longer since (DOCS-PR-3184), is
// disputed: reported from that date on.
const licenseMatrix = "hybrid-license"

func (hybridLicense) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h != nil && h.Servers == nil {
		p.Unknown(&h.Block, "servers")
	}
	if h == nil || h.Servers == nil {
		return
	}
	cat := p.Catalog
	for _, it := range h.Servers.Items {
		s, ok := p.Facts.Server(it.Target)
		if !ok {
			continue
		}
		min, some := cat.FirstSupported(licenseMatrix, "", s.Exchange)
		verdict, _ := cat.SupportsAny(licenseMatrix, "", "", s.Exchange)
		switch {
		case some && min == nil:
			// every release qualifies
		case some:
			if below, known := s.Below(min); !known || !below {
				continue
			}
			// The latest CU, unless it cannot join the organization
			// (updateTarget: beside Exchange 2013, 2019 CU14).
			fix := fmt.Sprintf("update %s to the latest CU", s.Name())
			if t := updateTarget(p, currentFrom(s.Exchange, min, p.AsOf)); t.blocked() {
				fix = t.install(p, s.Name(), nil, "")
			}
			p.Report(s.LevelNode(), fmt.Sprintf("hybrid server %s runs %s, and the wizard's free hybrid license covers %s only from %s (%s): "+
				"%s, or license it", s.Name(), s.LevelName(), s.Exchange.ShortName(), min.Name, min.Build, fix))
		case verdict == catalog.Disputed:
			if p.AsOf.Before(cat.Day(hcwFAQWithout2010)) {
				continue
			}
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s, which the Hybrid Configuration Wizard's FAQ no longer names for "+
				"the free hybrid license (since %s): do not count on a free key for %s", s.Name(), s.Exchange.Name, cat.Day(hcwFAQWithout2010), s.Name()))
		default:
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s, which the Hybrid Configuration Wizard's free hybrid license "+
				"does not cover: license %s", s.Name(), s.Exchange.Name, s.Name()))
		}
	}
}
