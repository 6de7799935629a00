package rules

import (
	"fmt"
	"slices"

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
		Sources:  sources("MS-MATRIX", "MS-SYSREQ", "E1-NET", "MESSAGEWARE-CU14", "BORNCITY-CU14"),
	}
}

// hostDotNetRow: from level from (inclusive) up to the next row's level, the
// version supports these .NET Framework versions.
type hostDotNetRow struct {
	from    string
	dotnets []string
}

// hostDotNet is exchange-domain.md §1.5. "Versions of the .NET Framework that
// aren't listed in the tables below are not supported on any version of
// Exchange. This includes minor and patch-level releases" (MS-MATRIX), so
// .NET Framework 4.6 (4.6.0) and 4.7 (4.7.0) are supported nowhere. Each
// row holds from its level to the next row's; the last row to the version's
// last level.
var hostDotNet = map[string][]hostDotNetRow{
	// MS-MATRIX (2021), Exchange 2013 table.
	"2013": {
		{"RTM", []string{"4.5"}},                               // RTM-CU3
		{"CU4", []string{"4.5", "4.5.1", "4.5.2"}},             // SP1 (CU4)-CU12
		{"CU13", []string{"4.5", "4.5.1", "4.5.2", "4.6.1"}},   // CU13-CU14; 4.6.1 with its hotfix
		{"CU15", []string{"4.5.1", "4.5.2", "4.6.1", "4.6.2"}}, // CU15
		{"CU16", []string{"4.6.2"}},                            // CU16-CU18
		{"CU19", []string{"4.6.2", "4.7.1"}},                   // CU19-CU20
		{"CU21", []string{"4.7.1", "4.7.2"}},                   // CU21-CU22
		{"CU23", []string{"4.7.2", "4.8"}},                     // CU23
	},
	// MS-MATRIX (2021) up to CU21; MS-SYSREQ (2022): "CU15 to CU23: 4.8".
	"2016": {
		{"RTM", []string{"4.5.2"}},                   // RTM-CU1
		{"CU2", []string{"4.5.2", "4.6.1"}},          // CU2; 4.6.1 with its hotfix
		{"CU3", []string{"4.5.2", "4.6.1", "4.6.2"}}, // CU3-CU4
		{"CU5", []string{"4.6.2"}},                   // CU5-CU7
		{"CU8", []string{"4.6.2", "4.7.1"}},          // CU8-CU9
		{"CU10", []string{"4.7.1"}},                  // CU10
		{"CU11", []string{"4.7.1", "4.7.2"}},         // CU11-CU12
		{"CU13", []string{"4.7.2", "4.8"}},           // CU13-CU14
		{"CU15", []string{"4.8"}},                    // CU15-CU23
	},
	// MS-MATRIX (2021) up to CU10; E1-NET for CU14-CU15; CU14 "introduces
	// support for .NET Framework 4.8.1" (MESSAGEWARE-CU14, BORNCITY-CU14).
	// One rendering of E1-NET marks 4.8.1 for CU4-CU13 too; exchange-domain.md
	// reads that as a table artefact and relies on the CU14 release notes,
	// and so does exlint.
	"2019": {
		{"RTM", []string{"4.7.2"}},         // RTM-CU1
		{"CU2", []string{"4.7.2", "4.8"}},  // CU2-CU3
		{"CU4", []string{"4.8"}},           // CU4-CU13
		{"CU14", []string{"4.8", "4.8.1"}}, // CU14-CU15
	},
	// E1-NET (2025-03-30, "Added Exchange SE").
	"SE": {
		{"RTM", []string{"4.8", "4.8.1"}},
	},
	// MS-MATRIX, "Exchange 2010 SP3": Exchange 2010 runs on .NET Framework
	// 3.5 and 3.5 SP1; 4.0 and any 4.5 version may be installed side by side
	// as long as 3.5 or 3.5 SP1 is installed too. The reference has nothing
	// for Exchange 2010 before SP3, nor for Exchange 2007 (UNVERIFIED) or
	// earlier: exlint does not judge them.
	"2010": {
		{"SP3", []string{"3.5", "3.5 SP1", "4.5", "4.5.1", "4.5.2"}},
	},
}

// hostDotNetComplete lists the versions whose table starts at their first
// level, so that the version alone decides for a .NET Framework version no
// row lists (when the server's level is unknown).
var hostDotNetComplete = map[string]bool{"2013": true, "2016": true, "2019": true, "SE": true}

// hostDotNetRowOf returns the row that holds the server's level, or nil when
// the level is unknown or below the table.
func hostDotNetRowOf(cat *catalog.Catalog, s facts.Server) *hostDotNetRow {
	rows := hostDotNet[s.Exchange.ID]
	if s.Release == nil {
		return nil
	}
	var found *hostDotNetRow
	for i := range rows {
		if below, _ := s.Below(mustRelease(cat, s.Exchange, rows[i].from)); below {
			break
		}
		found = &rows[i]
	}
	return found
}

// hostDotNetSupported reports whether the server's level supports .NET
// Framework id, and whether that is known.
func hostDotNetSupported(cat *catalog.Catalog, s facts.Server, id string) (supported, known bool) {
	rows, judged := hostDotNet[s.Exchange.ID]
	if !judged {
		return false, false
	}
	if row := hostDotNetRowOf(cat, s); row != nil {
		return slices.Contains(row.dotnets, id), true
	}
	if s.Release == nil && hostDotNetComplete[s.Exchange.ID] {
		// The level is unknown: only a .NET version no level supports is known
		// to be unsupported.
		for _, r := range rows {
			if slices.Contains(r.dotnets, id) {
				return false, false
			}
		}
		return false, true
	}
	return false, false
}

// hostDotNetRange describes the levels a row holds: "CU15 to CU23", "CU10".
func hostDotNetRange(cat *catalog.Catalog, v *catalog.Version, row *hostDotNetRow) string {
	rows := hostDotNet[v.ID]
	first := mustRelease(cat, v, row.from)
	var last *catalog.Release
	for i := range rows {
		if &rows[i] != row {
			continue
		}
		if i+1 < len(rows) {
			next := mustRelease(cat, v, rows[i+1].from)
			for _, l := range v.Levels() {
				if l.Build.Compare(next.Build) < 0 {
					last = l
				}
			}
		} else if ls := v.Levels(); len(ls) > 0 {
			last = ls[len(ls)-1]
		}
	}
	if last == nil || last == first {
		return levelLabel(cat, first)
	}
	return levelLabel(cat, first) + " to " + levelLabel(cat, last)
}

// hostDotNetNames lists .NET versions for a message: ".NET Framework 4.7.2
// or 4.8".
func hostDotNetNames(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return ".NET Framework " + words.Or(ids)
}

func (dotnetUnsupported) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		id, ok := s.DotNet.Get()
		if !ok {
			continue
		}
		supported, known := hostDotNetSupported(p.Catalog, s, id)
		if !known || supported {
			continue
		}
		name := p.Catalog.DotNetName(id)
		row := hostDotNetRowOf(p.Catalog, s)
		if row == nil {
			// Unknown level: no level of the version supports it.
			p.Reportf(s.DotNet, "%s runs %s with %s, which no update of %s supports (.NET versions the supportability matrix does not list are not supported, "+
				"patch levels included): its updates support .NET Framework %s, each a few of them; install the one the server's update supports",
				s.Name(), s.Exchange.Name, name, s.Exchange.Name, words.And(hostDotNetAny(p.Catalog, s.Exchange)))
			continue
		}
		msg := fmt.Sprintf("%s runs %s with %s, which it does not support: %s %s supports .NET Framework %s only",
			s.Name(), s.LevelName(), name, s.Exchange.Name, hostDotNetRange(p.Catalog, s.Exchange, row), words.And(row.dotnets))
		if s.Exchange.ID == "2010" {
			msg = fmt.Sprintf("%s runs %s with %s, which it does not support: Exchange 2010 SP3 runs on .NET Framework 3.5 SP1 (or 3.5), "+
				"and the supportability matrix allows .NET Framework 4.0 and 4.5.x beside it only", s.Name(), s.LevelName(), name)
		}
		fix := fmt.Sprintf("install %s", hostDotNetNames(row.dotnets))
		if s.Exchange.ID == "2010" {
			fix = `install .NET Framework 3.5 SP1 (Exchange 2010 uses no other) and state dotnet = "3.5 SP1"`
		}
		if later := hostDotNetLaterRow(p.Catalog, s, row, id); later != nil {
			fix += fmt.Sprintf(", or update %s to %s or later, which supports %s", s.Name(), levelRef(p.Catalog, mustRelease(p.Catalog, s.Exchange, later.from)), name)
		}
		p.Report(s.DotNet, msg+"; "+fix+" (.NET versions the supportability matrix does not list are not supported, patch levels included)")
	}
}

// hostDotNetLaterRow returns the first row after row that supports .NET id,
// or nil.
func hostDotNetLaterRow(cat *catalog.Catalog, s facts.Server, row *hostDotNetRow, id string) *hostDotNetRow {
	rows := hostDotNet[s.Exchange.ID]
	after := false
	for i := range rows {
		if &rows[i] == row {
			after = true
			continue
		}
		if after && slices.Contains(rows[i].dotnets, id) {
			return &rows[i]
		}
	}
	return nil
}

// hostDotNetAny lists the .NET versions some level of v supports, oldest
// first.
func hostDotNetAny(cat *catalog.Catalog, v *catalog.Version) []string {
	var out []string
	for _, d := range cat.DotNets {
		for _, r := range hostDotNet[v.ID] {
			if slices.Contains(r.dotnets, d.ID) {
				out = append(out, d.ID)
				break
			}
		}
	}
	return out
}
