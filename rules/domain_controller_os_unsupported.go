package rules

import (
	"fmt"
	"strings"

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
		Sources: sources("MS-MATRIX", "JW-CU12", "JW-CU15", "PAYPERITEM", "MS-SYSREQ-2013", "MS-SYSREQ-2010",
			"MS-SYSREQ-2007"),
	}
}

// dcColumns are the columns of the domain controller table
// (exchange-domain.md §1.3): ranges of Exchange levels, newest first within
// a version. Exchange 2019 CU12 and later is split where the Windows Server
// 2025 row differs; the columns before Exchange 2013 SP1 and 2010 SP3 RU5,
// and those of 2007 and older, hold what the reference says beyond the table.
var dcColumns = []adLevelRange{
	{version: "SE"},
	{version: "2019", from: "CU15", first: "CU15"},
	{version: "2019", from: "CU14", to: "CU15", first: "CU14", last: "CU14"},
	{version: "2019", from: "CU12", to: "CU14", first: "CU12", last: "CU13"},
	{version: "2019", to: "CU12", last: "CU11"},
	{version: "2016", from: "CU12", first: "CU12"},
	{version: "2016", from: "CU7", to: "CU12", first: "CU7", last: "CU11"},
	{version: "2016", from: "CU3", to: "CU7", first: "CU3", last: "CU6"},
	{version: "2016", to: "CU3", last: "CU2"},
	{version: "2013", from: "SP1", first: "SP1 (CU4)"},
	{version: "2013", to: "SP1", last: "CU3"},
	{version: "2010", from: "SP3 RU22", first: "SP3 RU22"},
	{version: "2010", from: "SP3 RU5", to: "SP3 RU22", first: "SP3 RU5", last: "SP3 RU21"},
	{version: "2010", to: "SP3 RU5", last: "SP3 RU4"},
	{version: "2007", from: "SP1 RU9", first: "SP1 RU9"},
	{version: "2007", to: "SP1 RU9", last: "SP1 RU8"},
	{version: "2003"},
	{version: "2000"},
	{version: "5.5"},
}

// dcRow is one domain controller OS: a cell per column of dcColumns, Y
// supported, N not supported, C sources disagree (a warning), ? unknown
// (silent). Spaces and bars only group the columns for reading:
//
//	SE 2019: CU15+ CU14 CU12-13 ≤CU11 | 2016: CU12+ CU7-11 CU3-6 ≤CU2 | 2013: SP1+ <SP1 |
//	2010: RU22+ RU5-21 <RU5 | 2007: ≥SP1 RU9 <SP1 RU9 | 2003 2000 5.5
type dcRow struct {
	os, cells string
	conflict  string // what the sources say, for C cells
}

var dcRows = []dcRow{
	// MS-MATRIX-2022 via the reference: Windows Server 2025 with 2019 CU15 and SE only; JW-CU15 and
	// PAYPERITEM say 2019 CU14 too (conflict). "Anything below 2019 CU15" (reference entry 38) for the rest.
	{os: "2025", cells: "Y YCNN | NNNN | NN | NNN | NN | NN?",
		conflict: "for Exchange 2019 CU14 sources disagree: Jaap Wesselius and payperitem.com say CU14 supports Windows Server 2025 domain controllers too"},
	// JW-CU12, MS-MATRIX-2022: only Exchange 2019 CU12 and later (and SE); "Exchange 2016 and Exchange
	// 2013 do not support Windows 2022 Domain Controllers"; nothing older does.
	{os: "2022", cells: "Y YYYN | NNNN | NN | NNN | NN | NN?"},
	// MS-MATRIX: 2019 and 2016 CU12 and later; not 2013 or 2010. Exchange 2013 before SP1 and 2010
	// before SP3 RU5: no later level supports it either.
	{os: "2019", cells: "Y YYYY | YNNN | NN | NNN | ?? | ???"},
	// MS-MATRIX: every 2016 and 2019 level, 2013 SP1 and later (MS-SYSREQ-2013: 2012 R2 and 2016 only
	// from SP1), 2010 SP3 RU22 and later (reference §2.3: "min. for WS2016 DCs"; entry 38: not below RU22).
	{os: "2016", cells: "Y YYYY | YYYY | YN | YNN | ?? | ???"},
	// MS-MATRIX: every column; MS-SYSREQ-2013: Windows Server 2012 R2 "supported only with Exchange 2013 SP1
	// or later". Exchange 2010 SP3 RU5 is the minimum for Windows Server 2012 R2 domain controllers
	// "per matrix" (exchange-domain.md §2.3): not before it.
	{os: "2012R2", cells: "Y YYYY | YYYY | YN | YYN | ?? | ???"},
	// MS-MATRIX: not 2019 (nor SE); every 2016 CU, 2013 (MS-SYSREQ-2013 lists it from RTM), 2010 SP3 RU5+.
	{os: "2012", cells: "N NNNN | YYYY | YY | YY? | ?? | ???"},
	// MS-MATRIX (2008 R2 SP1): not 2019; every 2016 CU, 2013, 2010 SP3 RU5+. MS-SYSREQ-2007 via the reference:
	// Exchange 2007 from SP1 RU9 (or SP2).
	{os: "2008R2", cells: "N NNNN | YYYY | YY | YY? | YN | ???"},
	// MS-MATRIX (2008 SP2): 2016 up to CU6, 2013, 2010 SP3 RU5+; not 2016 CU7 and later or 2019.
	{os: "2008", cells: "N NNNN | NNYY | YY | YY? | ?? | ???"},
	// MS-MATRIX (2003 SP2): 2016 up to CU2, 2013 (MS-SYSREQ-2013), 2010 (MS-SYSREQ-2010: SP1 or later);
	// MS-SYSREQ-2007: schema master and global catalogs on Windows Server 2003 SP1 or later.
	{os: "2003", cells: "N NNNN | NNNY | YY | YYY | YY | ???"},
	// Not listed by MS-MATRIX for any version; MS-SYSREQ-2013 and MS-SYSREQ-2010 start at Windows Server 2003.
	{os: "2000", cells: "N NNNN | NNNN | NN | NNN | ?? | ???"},
}

// dcCellSeparators are the spaces and bars that group a row's columns.
var dcCellSeparators = strings.NewReplacer(" ", "", "|", "")

// dcCells returns a row's cells, one byte per column.
func dcCells(r dcRow) string {
	return dcCellSeparators.Replace(r.cells)
}

// dcRowOf returns the row of a Windows Server version, or false.
func dcRowOf(os string) (dcRow, bool) {
	for _, r := range dcRows {
		if r.os == os {
			return r, true
		}
	}
	return dcRow{}, false
}

// dcPlacement is where the organization's servers fall in the table: by
// column, and, for servers whose level is unknown, by version.
type dcPlacement struct {
	byColumn  [][]facts.Server
	byVersion map[string][]facts.Server // level unknown: judged only where every column of the version agrees
	versions  []string                  // versions with unknown-level servers, in source order
}

func dcPlaceServers(p *lint.Pass) dcPlacement {
	pl := dcPlacement{byColumn: make([][]facts.Server, len(dcColumns)), byVersion: map[string][]facts.Server{}}
	for _, s := range p.Facts.Servers() {
		for i, c := range dcColumns {
			in, known := c.match(p.Catalog, s)
			if !known {
				if pl.byVersion[c.version] == nil {
					pl.versions = append(pl.versions, c.version)
				}
				pl.byVersion[c.version] = append(pl.byVersion[c.version], s)
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
func dcVersionVerdict(cells string, version string) byte {
	var v byte
	for i, c := range dcColumns {
		if c.version != version {
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
	for _, dc := range p.Topology.DomainControllers {
		os, ok := dc.OS.Get()
		if !ok {
			continue
		}
		row, ok := dcRowOf(os)
		if !ok {
			continue
		}
		cells := dcCells(row)
		var no, disputed []dcGroup
		for i, ss := range pl.byColumn {
			if len(ss) == 0 {
				continue
			}
			g := dcGroup{servers: ss, label: dcColumns[i].label(p.Catalog), column: i}
			switch cells[i] {
			case 'N':
				no = append(no, g)
			case 'C':
				disputed = append(disputed, g)
			}
		}
		for _, v := range pl.versions {
			if dcVersionVerdict(cells, v) == 'N' {
				no = append(no, dcGroup{servers: pl.byVersion[v], label: p.Catalog.Version(v).Name, column: -1})
			}
		}
		if len(no) == 0 && len(disputed) == 0 {
			continue
		}
		reportDC(p, dc, row, cells, pl, no, disputed)
	}
}

func reportDC(p *lint.Pass, dc *schema.DomainController, row dcRow, cells string, pl dcPlacement, no, disputed []dcGroup) {
	osName := p.Catalog.WindowsName(row.os)
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
	msg := fmt.Sprintf("%s runs %s, which %s %s support on domain controllers", dc.Name(), osName, words.And(offenders), neg)
	if spans := dcSupportedSpans(p.Catalog, cells); len(spans) > 0 {
		msg += fmt.Sprintf(": %s domain controllers are supported with %s", osName, words.And(spans))
	} else {
		msg += fmt.Sprintf(": Microsoft's supportability matrix lists %s domain controllers for no Exchange version", osName)
	}
	if len(disputed) > 0 {
		msg += "; " + row.conflict
	}
	msg += ": " + dcFix(p, dc, cells, pl, groups)
	related := []lint.Related{relatedLevel(groups[0].servers[0])}
	if len(no) > 0 {
		p.Report(dc.OS, msg, related...)
		return
	}
	p.ReportAs(lint.Warning, dc.OS, msg, related...)
}

// dcSupportedSpans lists the ranges of Exchange levels whose cells are Y:
// "Exchange Server 2016 CU12 or later", newest version first.
func dcSupportedSpans(cat *catalog.Catalog, cells string) []string {
	var out []string
	for i := 0; i < len(dcColumns); {
		c := dcColumns[i]
		if cells[i] != 'Y' {
			i++
			continue
		}
		// Extend over the older columns of the same version that are Y too.
		j := i
		for j+1 < len(dcColumns) && dcColumns[j+1].version == c.version && cells[j+1] == 'Y' {
			j++
		}
		newest, oldest := dcColumns[i], dcColumns[j]
		out = append(out, adSpanLabel(cat.Version(c.version).Name, oldest.first, newest.last))
		i = j + 1
	}
	return out
}

// dcFix: update the servers a newer level of their version supports, or
// replace the domain controller with one on a Windows Server version every
// Exchange server of the organization supports.
func dcFix(p *lint.Pass, dc *schema.DomainController, cells string, pl dcPlacement, groups []dcGroup) string {
	var fixes []string
	for _, g := range groups {
		if g.column < 0 {
			continue
		}
		// The oldest newer column of the same version that supports the OS.
		for k := g.column - 1; k >= 0 && dcColumns[k].version == dcColumns[g.column].version; k-- {
			if cells[k] == 'Y' {
				fixes = append(fixes, fmt.Sprintf("update %s to %s", names(g.servers), adSpanLabel(p.Catalog.Version(dcColumns[k].version).Name, dcColumns[k].first, "")))
				break
			}
		}
	}
	// dcRows run newest first; a run of supported rows is named as a range.
	var oses []string
	contiguous, last := true, -1
	for ri, r := range dcRows {
		rc := dcCells(r)
		ok := true
		for i, ss := range pl.byColumn {
			if len(ss) > 0 && rc[i] != 'Y' {
				ok = false
			}
		}
		for _, v := range pl.versions {
			if dcVersionVerdict(rc, v) != 'Y' {
				ok = false
			}
		}
		if ok {
			if last >= 0 && ri != last+1 {
				contiguous = false
			}
			last = ri
			oses = append([]string{p.Catalog.WindowsName(r.os)}, oses...) // oldest first
		}
	}
	switch {
	case len(oses) >= 3 && contiguous:
		fixes = append(fixes, fmt.Sprintf("replace %s with a domain controller on %s to %s, which every Exchange server here supports",
			dc.Name(), oses[0], oses[len(oses)-1]))
	case len(oses) > 0:
		fixes = append(fixes, fmt.Sprintf("replace %s with a domain controller on %s, which every Exchange server here supports", dc.Name(), words.Or(oses)))
	}
	if len(fixes) == 0 {
		return "no domain controller version suits every Exchange server here: retire the older Exchange version first"
	}
	return strings.Join(fixes, "; or ")
}
