package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
)

// hybridTLS12 reports servers on the hybrid path to Exchange Online that
// cannot use TLS 1.2, which Office 365 requires.
type hybridTLS12 struct{}

func init() { register(hybridTLS12{}) }

func (hybridTLS12) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-tls12",
		Severity: lint.Error,
		Summary:  "hybrid servers below the TLS 1.2 minimum (2016 CU8, 2013 CU19, 2010 SP3 RU19), or Exchange 2007 in the hybrid path",
		Sources:  sources("MS-TLS12", "RISUAL-2018"),
	}
}

// tls12Levels is, per version, the first level that uses TLS 1.2 with Office
// 365, the first that runs with TLS 1.0 and 1.1 turned off, and the .NET
// Framework TLS 1.2 needs (MS-TLS12; RISUAL-2018: "Exchange 2016 – CU8 (CU9
// if you wish to disable TLS 1.0/1.1) & .NET 4.7.1; Exchange 2013 – CU19
// (CU20 ...) & .NET 4.7.1; Exchange 2010 – SP3 RU19 (RU20 ...)"). Exchange
// 2019 and SE support TLS 1.2 from their first release. Exchange 2007 and
// older are not supported (RISUAL-2018: "Exchange 2007 and older are not
// supported").
var tls12Levels = map[string]struct{ min, tls12Only, dotnet string }{
	"2010": {"SP3 RU19", "SP3 RU20", ""}, // Exchange 2010 uses .NET 3.5
	"2013": {"CU19", "CU20", "4.7.1"},    // MS-TLS12, RISUAL-2018
	"2016": {"CU8", "CU9", "4.7.1"},      // MS-TLS12, RISUAL-2018
	"2019": {"", "", ""},                 // TLS 1.2 from RTM
	"SE":   {"", "", ""},                 // TLS 1.2 from RTM
}

func (hybridTLS12) Check(p *lint.Pass) {
	for _, ps := range p.Facts.HybridPathServers() {
		s := ps.Server
		where := related(ps.At, fmt.Sprintf("%s exchanges mail with Exchange Online here (%s)", s.Name(), ps.Why))
		lv, known := tls12Levels[s.Exchange.ID]
		if !known {
			if s.Exchange.Rank < p.Catalog.Version("2010").Rank {
				p.Report(s.VersionNode(), fmt.Sprintf("%s runs %s, on the hybrid path to Exchange Online (%s), which accepts only TLS 1.2: "+
					"Exchange 2007 and older cannot use TLS 1.2 with Office 365 and are not supported there. "+
					"Route mail and hybrid traffic through Exchange 2013 CU19, 2016 CU8, 2019 or later servers instead of %s",
					s.Name(), s.Exchange.Name, ps.Why, s.Name()), where)
			}
			continue
		}
		if lv.min != "" {
			if ok, known := s.AtLeast(p.Catalog, lv.min); known && !ok {
				p.Report(s.LevelNode(), fmt.Sprintf("%s runs %s, on the hybrid path to Exchange Online (%s), which accepts only TLS 1.2: "+
					"%s uses TLS 1.2 with Office 365 from %s: install the latest update on %s",
					s.Name(), s.LevelName(), ps.Why, s.Exchange.Name, p.Catalog.Release(s.Exchange, lv.min).Ref(), s.Name()), where)
			}
		}
		if lv.dotnet != "" && s.DotNet != nil {
			need := p.Catalog.DotNetByID(lv.dotnet)
			if have := p.Catalog.DotNetByID(s.DotNet.Value); have != nil && have.Rank < need.Rank {
				p.Report(s.DotNet, fmt.Sprintf("%s runs %s, on the hybrid path to Exchange Online (%s): %s needs %s or later "+
					"for TLS 1.2 with Office 365; install a .NET Framework version its CU supports, %s or later",
					s.Name(), have.Name, ps.Why, s.Exchange.Name, need.Name, need.Name), where)
			}
		}
		if s.TLS == nil {
			continue
		}
		if !s.TLS.Has("1.2") {
			p.Report(s.TLS, fmt.Sprintf("%s has TLS 1.2 turned off (tls = %s) and is on the hybrid path to Exchange Online (%s), "+
				"which accepts only TLS 1.2: turn TLS 1.2 on for Schannel and .NET on %s", s.Name(), words.Quoted(s.TLS.Values()), ps.Why, s.Name()), where)
			continue
		}
		if lv.tls12Only != "" && !(s.TLS.Has("1.0") && s.TLS.Has("1.1")) {
			if ok, known := s.AtLeast(p.Catalog, lv.tls12Only); known && !ok {
				p.Report(s.TLS, fmt.Sprintf("%s turns off TLS 1.0 or 1.1 (tls = %s) on %s: %s runs without TLS 1.0 and 1.1 only from %s. "+
					"Install it (or the latest update) on %s before turning them off; Office 365 needs only TLS 1.2 to be on",
					s.Name(), words.Quoted(s.TLS.Values()), s.LevelName(), s.Exchange.Name, p.Catalog.Release(s.Exchange, lv.tls12Only).Ref(), s.Name()), where)
			}
		}
	}
}
