package rules

import (
	"fmt"

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

// The recommendation is HealthChecker's (subject dotnet-recommended: its
// branches by version, level and, for 2016 CU3 and 2019 CU14 and later, the
// server's Windows), with one deliberate difference, a disputed row: for 2013
// CU21 and CU22 HealthChecker falls through to 4.8, which the supportability
// matrix does not list for them; exlint recommends 4.7.2, the newest .NET
// they support. The rows' notes are the rule page's; the message names the
// Windows Server version where the recommendation depends on it. A
// recommendation past its own end of support (.NET Framework 4.5.2 to 4.6.1)
// is not given: exchange-update-not-current reports the old level that asks
// for it.
const dotnetRecommended = "dotnet-recommended"

func (dotnetNotRecommended) Check(p *lint.Pass) {
	cat := p.Catalog
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing
		}
		id, ok := s.DotNet.Get()
		if s.Release == nil {
			continue
		}
		if !ok {
			if p.Coverage() && len(cat.VersionRows(dotnetRecommended, s.Exchange)) > 0 {
				p.Unknown(&s.Block, "dotnet")
			}
			continue
		}
		// An unsupported .NET is not judged here (dotnet-unsupported is that
		// rule's finding).
		os, _ := s.OS.Get()
		if v, _ := cat.SupportsOn(dotnetMatrix, id, os, s.Release); v != catalog.Supported {
			if v == catalog.Unknown && os == "" && p.Coverage() && windowsWouldDecide(cat, func(w string) catalog.Verdict {
				v, _ := cat.SupportsOn(dotnetMatrix, id, w, s.Release)
				return v
			}) {
				p.Unknown(&s.Block, "os")
			}
			continue
		}
		rows, undecided := cat.Rows(dotnetRecommended, s.Release, os)
		if undecided && os == "" {
			p.Unknown(&s.Block, "os")
		}
		if undecided || len(rows) != 1 {
			continue // the recommendation depends on Windows, which the topology does not state, or HealthChecker has none
		}
		rec := rows[0]
		want := rec.ValueIDs()[0]
		// Never a .NET past its end of support, nor one the matrix does not
		// support on the server's Windows (HealthChecker recommends 4.8.1 on
		// Windows Server 2016 and older, where dotnet-unsupported would
		// then report it).
		if want == id || !cat.DotNetByID(want).InSupport(p.AsOf) {
			continue
		}
		if v, _ := cat.SupportsOn(dotnetMatrix, want, os, s.Release); v != catalog.Supported {
			continue
		}
		by, note := "HealthChecker", ""
		if rec.Verdict == catalog.Disputed {
			by, note = "exlint", ", the newest it supports (sources disagree: see the rule page)"
		}
		if rec.WindowsIDs() != nil {
			note = " on " + cat.WindowsName(os) + note
		}
		p.Report(s.DotNet, fmt.Sprintf("%s runs %s with %s, which it supports, but %s recommends %s%s: install it on %s",
			s.Name(), s.LevelName(), cat.DotNetName(id), by, cat.DotNetName(want), note, s.Name()))
	}
}
