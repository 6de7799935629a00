package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// dotnetNotRecommended reports a supported .NET Framework version other than
// the one HealthChecker recommends for the server's update and Windows.
type dotnetNotRecommended struct{}

func init() { register(dotnetNotRecommended{}) }

func (dotnetNotRecommended) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "dotnet-not-recommended",
		Severity: lint.Info,
		Summary:  "a supported .NET Framework version other than the recommended one",
		Sources:  sources("CSS-HC-OS", "MS-MATRIX"),
	}
}

// hostRecommendation is the .NET Framework HealthChecker recommends for a
// server, and why, in a clause for the message.
type hostRecommendation struct {
	dotnet string
	why    string
	// exlint is true where exlint departs from HealthChecker (see below).
	exlint bool
}

// hostRecommendedDotNet is HealthChecker's recommendation
// (Invoke-AnalyzerOsInformation.ps1, CSS-HC-OS, at commit f88378b1,
// 2026-04-02; exchange-domain.md §1.5), branch by branch:
//
//	2013 below CU4                        4.5
//	2013 below CU13, 2016 below CU2       4.5.2 (with its fix)
//	2013 below CU15, 2016 CU2,
//	2016 CU3 not on Windows Server 2016   4.6.1 (with its fix)
//	2013 below CU19, 2016 below CU8       4.6.2
//	2013 below CU21, 2016 below CU11      4.7.1
//	2016 below CU13, 2019 below CU2       4.7.2
//	2019 CU14 or later, or SE, on a
//	Windows other than Server 2019        4.8.1
//	anything else                         4.8
//
// One deliberate difference: HealthChecker's 4.7.2 branch tests "2013 below
// CU21" again, where the 4.7.1 branch already caught it, so 2013 CU21 and CU22
// fall through to 4.8, which the supportability matrix does not list for them
// (they support 4.7.1 and 4.7.2). exlint recommends 4.7.2 there, the newest
// .NET they support, as every other branch of HealthChecker does.
//
// known is false when the recommendation depends on a fact the topology does
// not state (the level, or Windows), or for versions HealthChecker does not
// cover (2010 and earlier).
func hostRecommend(dotnet, why string) hostRecommendation {
	return hostRecommendation{dotnet: dotnet, why: why}
}

func hostRecommendedDotNet(cat *catalog.Catalog, s facts.Server) (rec hostRecommendation, known bool) {
	v := s.Exchange
	below := func(name string) bool {
		b, _ := s.Below(mustRelease(cat, v, name))
		return b
	}
	osID, osKnown := s.OS.Get()
	switch v.ID {
	case "2013", "2016", "2019", "SE":
		if s.Release == nil {
			return rec, false
		}
	default:
		return rec, false
	}
	lvl := func() string { return s.LevelName() }
	switch {
	case v.ID == "2013" && below("CU4"):
		return hostRecommend("4.5", "for "+lvl()), true
	case v.ID == "2013" && below("CU13"), v.ID == "2016" && below("CU2"):
		return hostRecommend("4.5.2", "for "+lvl()), true
	case v.ID == "2013" && below("CU15"), v.ID == "2016" && below("CU3"):
		return hostRecommend("4.6.1", "for "+lvl()+" (with the .NET Framework 4.6.1 hotfix for its Windows version)"), true
	case v.ID == "2016" && below("CU4"):
		// 2016 CU3: 4.6.1 unless on Windows Server 2016, where 4.6.2.
		if !osKnown {
			return rec, false
		}
		if osID != "2016" {
			return hostRecommend("4.6.1", "for "+lvl()+" on "+cat.WindowsName(osID)+" (with the .NET Framework 4.6.1 hotfix for its Windows version)"), true
		}
		return hostRecommend("4.6.2", "for "+lvl()+" on Windows Server 2016"), true
	case v.ID == "2013" && below("CU19"), v.ID == "2016" && below("CU8"):
		return hostRecommend("4.6.2", "for "+lvl()), true
	case v.ID == "2013" && below("CU21"), v.ID == "2016" && below("CU11"):
		return hostRecommend("4.7.1", "for "+lvl()), true
	case v.ID == "2013" && below("CU23"):
		return hostRecommendation{"4.7.2", "for " + lvl() + ", the newest .NET it supports (HealthChecker's code falls through to 4.8 here, " +
			"which the supportability matrix does not list for 2013 CU21 and CU22)", true}, true
	case v.ID == "2016" && below("CU13"), v.ID == "2019" && below("CU2"):
		return hostRecommend("4.7.2", "for "+lvl()), true
	case v.ID == "SE", v.ID == "2019" && !below("CU14"):
		if !osKnown {
			return rec, false
		}
		if osID != "2019" {
			return hostRecommend("4.8.1", "for Exchange 2019 CU14 and later and Exchange Server SE on "+cat.WindowsName(osID)), true
		}
		return hostRecommend("4.8", "for Exchange 2019 CU14 and later and Exchange Server SE on Windows Server 2019"), true
	}
	return hostRecommend("4.8", "for "+lvl()), true
}

func (dotnetNotRecommended) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		id, ok := s.DotNet.Get()
		if !ok {
			continue
		}
		// An unsupported .NET is dotnet-unsupported's finding.
		if supported, known := hostDotNetSupported(p.Catalog, s, id); !known || !supported {
			continue
		}
		rec, known := hostRecommendedDotNet(p.Catalog, s)
		if !known || rec.dotnet == id {
			continue
		}
		by := "HealthChecker"
		if rec.exlint {
			by = "exlint"
		}
		p.Report(s.DotNet, fmt.Sprintf("%s runs %s with %s, which it supports, but %s recommends %s %s: install %s on %s",
			s.Name(), s.LevelName(), p.Catalog.DotNetName(id), by, p.Catalog.DotNetName(rec.dotnet), rec.why,
			p.Catalog.DotNetName(rec.dotnet), s.Name()))
	}
}
