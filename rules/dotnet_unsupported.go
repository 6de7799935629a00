package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// dotnetUnsupported reports a .NET Framework version that the server's
// Exchange update does not support.
type dotnetUnsupported struct{}

func init() { register(dotnetUnsupported{}) }

func (dotnetUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "dotnet-unsupported",
		Severity: lint.Error,
		Summary:  "a .NET Framework version the server's Exchange update does not support",
		Sources:  sources("MS-MATRIX", "MS-MATRIX-2025", "MS-SYSREQ", "E1-NET", "MESSAGEWARE-CU14", "BORNCITY-CU14", "MS-DOTNET-WS2019"),
	}
}

// The matrix is the catalogue's (subject dotnet): per Exchange version, the
// .NET Framework versions each range of its levels supports. "Versions of the
// .NET Framework that aren't listed ... are not supported on any version of
// Exchange. This includes minor and patch-level releases" (MS-MATRIX), so
// .NET Framework 4.6 (4.6.0) and 4.7 (4.7.0) are supported nowhere.

// dotnetVerdict is what the matrix says of .NET Framework id on server s: at
// its release, or, when its release is unknown, what every level of its
// version says.
func dotnetVerdict(cat *catalog.Catalog, s facts.Server, id string) catalog.Verdict {
	os, _ := s.OS.Get()
	return dotnetVerdictOn(cat, s, id, os)
}

// dotnetVerdictOn is dotnetVerdict on Windows Server os ("" when unknown).
func dotnetVerdictOn(cat *catalog.Catalog, s facts.Server, id, os string) catalog.Verdict {
	if s.Release == nil {
		v, _ := cat.SupportsAny(dotnetMatrix, id, os, s.Exchange)
		return v
	}
	v, _ := cat.SupportsOn(dotnetMatrix, id, os, s.Release)
	return v
}

func (dotnetUnsupported) Check(p *lint.Pass) {
	cat := p.Catalog
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing
		}
		id, ok := s.DotNet.Get()
		if !ok {
			if p.Coverage() && len(cat.VersionRows(dotnetMatrix, s.Exchange)) > 0 {
				p.Unknown(&s.Block, "dotnet")
			}
			continue
		}
		verdict := dotnetVerdict(cat, s, id)
		if verdict == catalog.Unknown && s.OS == nil && p.Coverage() &&
			windowsWouldDecide(cat, func(os string) catalog.Verdict { return dotnetVerdictOn(cat, s, id, os) }) {
			p.Unknown(&s.Block, "os")
		}
		if verdict != catalog.Unsupported {
			continue
		}
		name := cat.DotNetName(id)
		// What the matrix lists per level, and that versions it does not list
		// are not supported (patch levels included), is the rule page's.
		if s.Release == nil {
			// Unknown level: no level of the version supports it.
			p.Reportf(s.DotNet, "%s runs %s with %s, which no update of %s supports: install one its update supports (%s, by update)",
				s.Name(), s.Exchange.Name, name, s.Exchange.Name, words.Or(inSupportDotNets(p, dotnetAny(cat, s.Exchange))))
			continue
		}
		where := ""
		if os, _ := s.OS.Get(); dotnetOnWindows(cat, id, os, s.Release) {
			where = " on " + cat.WindowsName(os)
		}
		msg := fmt.Sprintf("%s runs %s with %s, which it does not support%s", s.Name(), s.LevelName(), name, where)
		var fixes []string
		if rt := dotnetRuntime(cat, s.Exchange); rt != "" {
			// Exchange 2010 runs on .NET Framework 3.5 SP1; the matrix only
			// allows 4.0 to 4.5.2 beside it.
			fixes = append(fixes, fmt.Sprintf("install %s and state dotnet = %q", cat.DotNetName(rt), rt))
		} else if supported := inSupportDotNets(p, dotnetAt(cat, s)); len(supported) > 0 {
			fixes = append(fixes, "install .NET Framework "+words.Or(supported))
		}
		if later := dotnetFrom(cat, s, id); later != nil {
			fixes = append(fixes, fmt.Sprintf("update %s to %s or later", s.Name(), levelRef(cat, later)))
		}
		if len(fixes) == 0 {
			fixes = append(fixes, fmt.Sprintf("no .NET Framework in support runs with its update: update %s to the latest CU", s.Name()))
		}
		p.Report(s.DotNet, msg+": "+strings.Join(fixes, ", or "))
	}
}

// dotnetRuntime is the .NET Framework a version runs on, where the
// catalogue names one (limits.csv, exchange-VERSION-dotnet: Exchange 2010
// runs on 3.5 SP1, MS-MATRIX), else "".
func dotnetRuntime(cat *catalog.Catalog, v *catalog.Version) string {
	if cat.Limit("exchange-"+v.ID+"-dotnet") == nil {
		return ""
	}
	return cat.PlatformID("exchange-" + v.ID + "-dotnet")
}

// inSupportDotNets keeps the .NET Framework versions of ids (as dotnetAt and
// dotnetAny write them) that are in support on the evaluation date.
func inSupportDotNets(p *lint.Pass, ids []string) []string {
	var out []string
	for _, id := range ids {
		base, _, _ := strings.Cut(id, " (on ")
		if d := p.Catalog.DotNetByID(base); d == nil || d.InSupport(p.AsOf) {
			out = append(out, id)
		}
	}
	return out
}

// dotnetOnWindows reports whether the matrix's verdict on .NET Framework id
// with rel depends on the server's Windows Server version os: whether a row
// limited to some Windows Server versions decided it.
func dotnetOnWindows(cat *catalog.Catalog, id, os string, rel *catalog.Release) bool {
	_, row := cat.SupportsOn(dotnetMatrix, id, os, rel)
	return row != nil && row.WindowsIDs() != nil
}

// dotnetAt lists the .NET Framework versions the server's release supports,
// oldest first; when its Windows Server version is unknown, those supported
// on some only say on which: "4.8.1 (on Windows Server 2022 or later)".
func dotnetAt(cat *catalog.Catalog, s facts.Server) []string {
	os, _ := s.OS.Get()
	var out []string
	for _, d := range cat.DotNets {
		if v, _ := cat.SupportsOn(dotnetMatrix, d.ID, os, s.Release); v == catalog.Supported {
			out = append(out, d.ID)
			continue
		}
		if os != "" {
			continue
		}
		for _, r := range cat.VersionRows(dotnetMatrix, s.Exchange) {
			if r.Verdict == catalog.Supported && r.WindowsIDs() != nil && r.HasValue(d.ID) && r.Covers(s.Release) {
				out = append(out, fmt.Sprintf("%s (on %s)", d.ID, cat.WindowsRangeName(r.WindowsIDs())))
				break
			}
		}
	}
	return out
}

// dotnetBand names the levels that support what rel's level supports, the
// range between two bounds of the matrix's rows: "CU15 to CU23", "CU10".
func dotnetBand(cat *catalog.Catalog, rel *catalog.Release) string {
	v := rel.Version
	var first, next *catalog.Release
	for _, b := range cat.Bounds(dotnetMatrix, v) {
		if b.Build.Compare(rel.Build) <= 0 {
			first = b
		} else if next == nil {
			next = b
		}
	}
	var last *catalog.Release
	for _, l := range v.Levels() {
		if next == nil || l.Build.Compare(next.Build) < 0 {
			last = l
		}
	}
	if last == nil || last == first {
		return levelLabel(cat, first)
	}
	return levelLabel(cat, first) + " to " + levelLabel(cat, last)
}

// dotnetFrom returns the first level after the server's release that
// supports .NET Framework id, or nil.
func dotnetFrom(cat *catalog.Catalog, s facts.Server, id string) *catalog.Release {
	var from *catalog.Release
	for _, r := range cat.VersionRows(dotnetMatrix, s.Exchange) {
		if r.Verdict != catalog.Supported || !r.HasValue(id) || r.From == nil || r.From.Build.Compare(s.Release.Build) <= 0 {
			continue
		}
		if from == nil || r.From.Build.Compare(from.Build) < 0 {
			from = r.From
		}
	}
	return from
}

// dotnetAny lists the .NET Framework versions some level of v supports,
// oldest first.
func dotnetAny(cat *catalog.Catalog, v *catalog.Version) []string {
	var out []string
	for _, d := range cat.DotNets {
		for _, r := range cat.VersionRows(dotnetMatrix, v) {
			if r.Verdict == catalog.Supported && r.HasValue(d.ID) {
				out = append(out, d.ID)
				break
			}
		}
	}
	return out
}
