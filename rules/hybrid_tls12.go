package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
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

// The levels are the catalogue's: per version, the first level that uses
// TLS 1.2 with Office 365 (subject tls, value 1.2; Exchange 2007 and older
// cannot), the first that runs with TLS 1.0 and 1.1 turned off (tls-only)
// and the .NET Framework TLS 1.2 needs (tls-dotnet; RISUAL-2018: "Exchange
// 2016 – CU8 (CU9 if you wish to disable TLS 1.0/1.1) & .NET 4.7.1").
const (
	tlsOnly   = "tls-only"
	tlsDotNet = "tls-dotnet"
)

func (hybridTLS12) Check(p *lint.Pass) {
	cat := p.Catalog
	for _, ps := range p.Facts.HybridPathServers() {
		s := ps.Server
		where := related(ps.At, fmt.Sprintf("%s exchanges mail with Exchange Online here (%s)", s.Name(), ps.Why))
		min, ok := cat.FirstSupported(tlsSupport, "1.2", s.Exchange)
		if !ok {
			if len(cat.VersionRows(tlsSupport, s.Exchange)) > 0 {
				route := "take " + s.Name() + " off the hybrid path"
				if next, _ := successor(p, s.Exchange, p.AsOf); next != nil {
					route = fmt.Sprintf("route mail and hybrid traffic through %s servers instead of %s", next.ShortName(), s.Name())
				}
				p.Report(s.VersionNode(), fmt.Sprintf("%s runs %s, which cannot use TLS 1.2, on the hybrid path to Exchange Online (%s), "+
					"which accepts only TLS 1.2: %s", s.Name(), s.Exchange.Name, ps.Why, route), where)
			}
			continue
		}
		if min != nil {
			if below, known := s.Below(min); known && below {
				p.Report(s.LevelNode(), fmt.Sprintf("%s runs %s, on the hybrid path to Exchange Online (%s), which accepts only TLS 1.2, "+
					"used from %s: install the latest update on %s", s.Name(), s.LevelName(), ps.Why, min.Ref(), s.Name()), where)
			}
		}
		if s.DotNet == nil && p.Coverage() && tlsDotNetNeed(cat, s.Exchange) != nil {
			p.Unknown(&s.Block, "dotnet")
		}
		if s.DotNet != nil {
			need := tlsDotNetNeed(cat, s.Exchange)
			if have := cat.DotNetByID(s.DotNet.Value); need != nil && have != nil && have.Rank < need.Rank {
				p.Report(s.DotNet, fmt.Sprintf("%s runs %s, on the hybrid path to Exchange Online (%s), and %s needs %s or later "+
					"for TLS 1.2 with it: install one its CU supports", s.Name(), have.Name, ps.Why, s.Exchange.Name, need.Name), where)
			}
		}
		if s.TLS == nil {
			p.Unknown(&s.Block, "tls")
			continue
		}
		if !s.TLS.Has("1.2") {
			p.Report(s.TLS, fmt.Sprintf("%s has TLS 1.2 turned off (tls = %s) on the hybrid path to Exchange Online (%s), "+
				"which accepts only TLS 1.2: turn TLS 1.2 on for Schannel and .NET on %s", s.Name(), words.Quoted(s.TLS.Values()), ps.Why, s.Name()), where)
			continue
		}
		if only, ok := cat.FirstSupported(tlsOnly, "1.2", s.Exchange); ok && only != nil && !(s.TLS.Has("1.0") && s.TLS.Has("1.1")) {
			if below, known := s.Below(only); known && below {
				p.Report(s.TLS, fmt.Sprintf("%s turns off TLS 1.0 or 1.1 (tls = %s) on %s, which runs without them only from %s: "+
					"install it or later on %s first (Office 365 needs only TLS 1.2 on)",
					s.Name(), words.Quoted(s.TLS.Values()), s.LevelName(), only.Ref(), s.Name()), where)
			}
		}
	}
}

// tlsDotNetNeed is the oldest .NET Framework with which version v uses TLS
// 1.2 with Office 365, or nil when the catalogue names none.
func tlsDotNetNeed(cat *catalog.Catalog, v *catalog.Version) *catalog.DotNet {
	for _, r := range cat.VersionRows(tlsDotNet, v) {
		if r.Verdict == catalog.Supported {
			return cat.DotNetByID(r.ValueIDs()[0])
		}
	}
	return nil
}
