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

// The free hybrid license, issued by the Hybrid Configuration Wizard:
//   - Exchange 2010, 2013 and 2016 hybrid servers (MS-HCW-FAQ, 2019-2021:
//     "the free Exchange Server license is not available for Exchange 2019
//     hybrid servers");
//   - Exchange 2019 from CU12, which added a product key for 2019 hybrid
//     servers at no charge (JW-CU12; MS-HCW-FAQ from 2022);
//   - from 2022-06-16 the FAQ lists Exchange 2013, 2016 and 2019 only
//     (DOCS-PR-3184): Exchange 2010 is no longer named;
//   - Exchange SE: "We will continue to provide a free Hybrid server license
//     and key, which will continue to be distributed using the Hybrid
//     Configuration Wizard" (MS-ROADMAP-2024).
const hybridKey2019Level = "CU12"

var hybridKeyFAQWithout2010 = catalog.MustDate("2022-06-16") // DOCS-PR-3184

func (hybridLicense) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil || h.Servers == nil {
		return
	}
	for _, it := range h.Servers.Items {
		s, ok := p.Facts.Server(it.Target)
		if !ok {
			continue
		}
		switch s.Exchange.ID {
		case "2013", "2016", "SE":
			// qualify
		case "2019":
			cu, known := s.AtLeast(p.Catalog, hybridKey2019Level)
			if !known || cu {
				continue
			}
			r := p.Catalog.Release(s.Exchange, hybridKey2019Level)
			p.Report(s.LevelNode(), fmt.Sprintf("hybrid server %s runs %s: the Hybrid Configuration Wizard's free hybrid license "+
				"covers Exchange 2019 hybrid servers only from %s (%s, released %s); below it, license %s, or update it to the latest CU "+
				"(the wizard then offers the key)", s.Name(), s.LevelName(), r.Name, r.Build, r.Date, s.Name()))
		case "2010":
			if p.AsOf.Before(hybridKeyFAQWithout2010) {
				continue
			}
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s: Microsoft's Hybrid Configuration Wizard FAQ has named "+
				"only Exchange 2013, 2016 and 2019 hybrid servers for the free hybrid license since %s (Exchange 2010 was named before); "+
				"do not count on a free key for %s", s.Name(), s.Exchange.Name, hybridKeyFAQWithout2010, s.Name()))
		default:
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s, which the Hybrid Configuration Wizard's free hybrid license "+
				"does not cover: Microsoft's wizard FAQ named Exchange 2010, 2013 and 2016 hybrid servers, then (from %s) 2013, 2016 and 2019 "+
				"from CU12, and Exchange SE gets it too", s.Name(), s.Exchange.Name, hybridKeyFAQWithout2010))
		}
	}
}
