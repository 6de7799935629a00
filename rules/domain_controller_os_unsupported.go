package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// domainControllerOSUnsupported reports domain controllers whose Windows
// Server version an Exchange server of the organization does not support.
type domainControllerOSUnsupported struct{}

func init() { register(domainControllerOSUnsupported{}) }

func (domainControllerOSUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "domain-controller-os-unsupported",
		Severity: lint.Error,
		Summary:  "a domain controller OS that an Exchange version present does not support",
		Sources: sources("MS-MATRIX-2025", "MS-MATRIX-2021", "MS-MATRIX", "JW-CU12", "MS-SYSREQ-2013", "MS-SYSREQ-2010",
			"MS-SYSREQ-2007"),
	}
}

// The table is the catalogue's (subject dc-os): per Windows Server version,
// ranges of Exchange levels that support it, do not, or where sources
// disagree; nothing is known elsewhere (silent).

// dcColumns returns the columns of the table: the ranges of levels its rows
// never split, newest version first, newest range first within a version.
func dcColumns(cat *catalog.Catalog) []levelRange {
	var out []levelRange
	vs := cat.Versions()
	for i := len(vs) - 1; i >= 0; i-- {
		out = append(out, levelRanges(cat, dcOS, vs[i])...)
	}
	return out
}

// dcCells returns the table's row for Windows Server os, one byte per
// column: Y supported, N not supported, C sources disagree (a warning), ?
// unknown (silent).
func dcCells(cat *catalog.Catalog, cols []levelRange, os string) string {
	cells := make([]byte, len(cols))
	for i, c := range cols {
		verdict, _ := cat.Supports(dcOS, os, c.At())
		cells[i] = map[catalog.Verdict]byte{catalog.Supported: 'Y', catalog.Unsupported: 'N', catalog.Disputed: 'C'}[verdict]
		if cells[i] == 0 {
			cells[i] = '?'
		}
	}
	return string(cells)
}

// dcConflict is the note of the table's disputed row for os: what the
// sources say.
func dcConflict(cat *catalog.Catalog, os string) string {
	for _, r := range cat.Subject(dcOS).Rows() {
		if r.Verdict == catalog.Disputed && r.HasValue(os) {
			return r.Note
		}
	}
	return ""
}

// dcPlacement is where the organization's servers fall in the table: by
// column, and, for servers whose level is unknown, by version.
type dcPlacement struct {
	cols      []levelRange
	byColumn  [][]facts.Server
	byVersion map[*catalog.Version][]facts.Server // level unknown: judged only where every column of the version agrees
	versions  []*catalog.Version                  // versions with unknown-level servers, in source order
}

func dcPlaceServers(p *lint.Pass) dcPlacement {
	cols := dcColumns(p.Catalog)
	pl := dcPlacement{cols: cols, byColumn: make([][]facts.Server, len(cols)), byVersion: map[*catalog.Version][]facts.Server{}}
	for _, s := range p.Facts.Servers() {
		for i, c := range cols {
			in, known := c.match(s)
			if !known {
				if pl.byVersion[c.Version] == nil {
					pl.versions = append(pl.versions, c.Version)
				}
				pl.byVersion[c.Version] = append(pl.byVersion[c.Version], s)
				break
			}
			if in {
				pl.byColumn[i] = append(pl.byColumn[i], s)
				break
			}
		}
	}
	return pl
}

// dcVersionVerdict is a row's verdict for a version whatever its level: the
// common cell of the version's columns, or '?' when they differ.
func (pl dcPlacement) versionVerdict(cells string, version *catalog.Version) byte {
	var v byte
	for i, c := range pl.cols {
		if c.Version != version {
			continue
		}
		if v == 0 {
			v = cells[i]
		} else if v != cells[i] {
			return '?'
		}
	}
	if v == 0 {
		return '?'
	}
	return v
}

type dcGroup struct {
	servers []facts.Server
	label   string
	column  int // -1 for servers of unknown level
}

func (domainControllerOSUnsupported) Check(p *lint.Pass) {
	if len(p.Topology.DomainControllers) == 0 {
		return
	}
	pl := dcPlaceServers(p)
	dcs := newDCAdvisor(p)
	for _, dc := range p.Topology.DomainControllers {
		os, ok := dc.OS.Get()
		if !ok && len(p.Facts.Servers()) > 0 {
			p.Unknown(&dc.Block, "os")
		}
		if !ok || p.Catalog.WindowsByID(os) == nil {
			continue
		}
		cells := dcCells(p.Catalog, pl.cols, os)
		var no, disputed []dcGroup
		for i, ss := range pl.byColumn {
			if len(ss) == 0 {
				continue
			}
			g := dcGroup{servers: ss, label: pl.cols[i].label(), column: i}
			switch cells[i] {
			case 'N':
				no = append(no, g)
			case 'C':
				disputed = append(disputed, g)
			}
		}
		for _, v := range pl.versions {
			if pl.versionVerdict(cells, v) == 'N' {
				no = append(no, dcGroup{servers: pl.byVersion[v], label: v.Name, column: -1})
			}
		}
		if len(no) == 0 && len(disputed) == 0 {
			continue
		}
		reportDC(p, dcs, dc, os, no, disputed)
	}
}

func reportDC(p *lint.Pass, dcs *dcAdvisor, dc *schema.DomainController, os string, no, disputed []dcGroup) {
	osName := p.Catalog.WindowsName(os)
	groups := no
	if len(no) == 0 {
		groups = disputed
	}
	var offenders []string
	var all []facts.Server
	for _, g := range groups {
		offenders = append(offenders, groupName(g.servers, g.label))
		all = append(all, g.servers...)
	}
	neg := words.Pick(len(all), "does not", "do not")
	if len(no) == 0 {
		neg = "may not"
	}
	// Which levels support the OS, and what the disputing sources say, is
	// the rule page's table.
	msg := fmt.Sprintf("%s runs %s, which %s %s support on domain controllers", dc.Name(), osName, words.And(offenders), neg)
	if len(no) == 0 {
		msg += " (sources disagree: see the rule page)"
	}
	msg += ": " + dcFix(p, dcs, dc, p.Catalog.WindowsByID(os))
	related := []lint.Related{relatedLevel(groups[0].servers[0])}
	if len(no) > 0 {
		p.Report(dc.OS, msg, related...)
		return
	}
	p.ReportAs(lint.Warning, dc.OS, msg, related...)
}

// dcFix is dcAdvice's fix, the one windows-end-of-support gives too: when
// the domain controller's Windows stays in support beyond the warning window
// (windowsLasts: keeping a domain controller on a version
// windows-end-of-support reports is no fix), the servers not listed with it
// are updated to a level that is, or retired, and it stays (with a
// replacement that needs nothing first, when there is one); otherwise it is
// replaced by a Windows Server version that lasts and that every Exchange
// server supports, or the one the fewest servers stand in the way of, with
// what they must do first.
func dcFix(p *lint.Pass, dcs *dcAdvisor, dc *schema.DomainController, w *catalog.Windows) string {
	return dcs.advise(w).fix(p.Catalog, dc.Name())
}
