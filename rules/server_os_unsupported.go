package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// serverOSUnsupported reports a server whose Windows Server version its
// Exchange version or update does not support.
type serverOSUnsupported struct{}

func init() { register(serverOSUnsupported{}) }

func (serverOSUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "server-os-unsupported",
		Severity: lint.Error,
		Summary:  "a Windows Server version the server's Exchange version or update does not support",
		Sources: sources("MS-MATRIX", "MS-SYSREQ", "MS-READINESS", "MS-SYSREQ-2013", "MS-SYSREQ-2010", "MS-SYSREQ-2007",
			"MSTEHLE-2006", "MYTECHNET-2007SP3", "MS-ROADMAP-2024", "JW-CU15", "E1-IE15"),
	}
}

// hostOS is a Windows Server version an Exchange version runs on.
type hostOS struct {
	os string // Windows Server ID
	// from is the first level every source supports it on ("" = every level).
	from string
	// disputedFrom, when set, is a lower level that some sources support it on
	// and others do not: levels from disputedFrom up to from get a warning.
	disputedFrom string
	// conflict says who disagrees, for the message.
	conflict string
}

// hostOSMatrix is exchange-domain.md §1.2: the Windows Server versions each
// Exchange version runs on, with the first level that supports each. Any
// Windows Server version not listed for a version is unsupported with every
// level of it ("Releases of Windows Server ... that aren't listed ... are not
// supported", MS-MATRIX). Exchange 5.5 and 2000 have no row in the reference:
// exlint does not judge them.
var hostOSMatrix = map[string][]hostOS{
	// Windows 2000 Server SP3 or later, Windows Server 2003 and 2003 R2,
	// 32-bit (MSTEHLE-2006, partially verified in the reference). Exchange
	// 2003 is 32-bit software and no source lists a later Windows.
	"2003": {{os: "2000"}, {os: "2003"}},
	// Windows Server 2003 SP1/SP2/R2 x64 from RTM; Windows Server 2008 x64
	// from SP1; Windows Server 2008 R2 from SP3 (MS-SYSREQ-2007,
	// MYTECHNET-2007SP3, WITPRO-2007).
	"2007": {{os: "2003"}, {os: "2008", from: "SP1"}, {os: "2008R2", from: "SP3"}},
	// Windows Server 2008 SP2 x64 and 2008 R2 (SP1); Windows Server 2012 and
	// 2012 R2 from SP3 (MS-MATRIX, column "Exchange 2010 SP3"). Community
	// sources name SP3 RU5 for 2012 R2; the reference could not verify it, so
	// SP3 before RU5 on 2012 R2 gets a warning.
	"2010": {{os: "2008"}, {os: "2008R2"}, {os: "2012", from: "SP3"},
		{os: "2012R2", from: "SP3 RU5", disputedFrom: "SP3",
			conflict: "Microsoft's supportability matrix lists Windows Server 2012 R2 for Exchange 2010 SP3, " +
				"but community sources name SP3 RU5 as the minimum (exlint's reference could not verify either way)"}},
	// Windows Server 2008 R2 SP1 and 2012 from RTM; 2012 R2 from SP1 = CU4
	// (MS-SYSREQ-2013 footnote 1, MS-MATRIX).
	"2013": {{os: "2008R2"}, {os: "2012"}, {os: "2012R2", from: "CU4"}},
	// Windows Server 2012 and 2012 R2; 2016 from CU3 (MS-SYSREQ, readiness
	// check ValidOSVersion, MS-MATRIX). Not Windows Server 2019.
	"2016": {{os: "2012"}, {os: "2012R2"}, {os: "2016", from: "CU3"}},
	// Windows Server 2019 from RTM, 2022 from CU12, 2025 from CU15 (MS-SYSREQ,
	// JW-CU12, E1-IE15). 2019 CU14 on 2025: JW-CU15 says supported, E1-IE15
	// refuses it; the reference advises a warning.
	"2019": {{os: "2019"}, {os: "2022", from: "CU12"},
		{os: "2025", from: "CU15", disputedFrom: "CU14",
			conflict: "Jaap Wesselius's CU15 article says Exchange 2019 CU14 is supported on Windows Server 2025, " +
				"but the Install-Exchange15 installer refuses Windows Server 2025 below CU15 (\"Windows Server 2025 is only supported for Exchange 2019 CU15 or later\")"}},
	// "The hardware and operating system requirements for Exchange Server SE
	// are the same as Exchange 2019 CU15" (MS-ROADMAP-2024).
	"SE": {{os: "2019"}, {os: "2022"}, {os: "2025"}},
}

// hostOSOf returns the row of version v for Windows Server os, or nil.
func hostOSOf(v *catalog.Version, os string) *hostOS {
	for i, h := range hostOSMatrix[v.ID] {
		if h.os == os {
			return &hostOSMatrix[v.ID][i]
		}
	}
	return nil
}

// hostDescribeOS lists the Windows Server versions of v: "Windows Server 2012,
// Windows Server 2012 R2 and Windows Server 2016 (from CU3)".
func hostDescribeOS(cat *catalog.Catalog, v *catalog.Version) string {
	var names []string
	for _, h := range hostOSMatrix[v.ID] {
		n := cat.WindowsName(h.os)
		if h.from != "" {
			n += fmt.Sprintf(" (from %s)", levelLabel(cat, mustRelease(cat, v, h.from)))
		}
		names = append(names, n)
	}
	return words.And(names)
}

// hostNewerVersionsOn lists the Exchange versions newer than v that run on os at
// some level: "Exchange Server 2019 and Exchange Server Subscription Edition".
func hostNewerVersionsOn(cat *catalog.Catalog, v *catalog.Version, os string) []string {
	var out []string
	for _, nv := range cat.Versions() {
		if nv.Rank > v.Rank && hostOSOf(nv, os) != nil {
			out = append(out, nv.Name)
		}
	}
	return out
}

func (serverOSUnsupported) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		osID, ok := s.OS.Get()
		if !ok {
			continue
		}
		rows, judged := hostOSMatrix[s.Exchange.ID]
		if !judged || len(rows) == 0 {
			continue
		}
		osName := p.Catalog.WindowsName(osID)
		row := hostOSOf(s.Exchange, osID)
		if row == nil {
			msg := fmt.Sprintf("%s runs %s on %s, which %s does not support: it runs on %s; install it on one of those "+
				"(on a new server: Microsoft does not support upgrading Windows under Exchange)",
				s.Name(), s.LevelName(), osName, s.Exchange.Name, hostDescribeOS(p.Catalog, s.Exchange))
			if newer := hostNewerVersionsOn(p.Catalog, s.Exchange, osID); len(newer) > 0 {
				verb := "run"
				if len(newer) == 1 {
					verb = "runs"
				}
				msg += fmt.Sprintf(", or move to %s, which %s on %s", words.Or(newer), verb, osName)
			}
			p.Report(s.OS, msg)
			continue
		}
		if row.from == "" {
			continue
		}
		min := mustRelease(p.Catalog, s.Exchange, row.from)
		below, known := s.Below(min)
		if !known || !below {
			continue
		}
		supports := "only from " + levelRef(p.Catalog, min)
		if row.disputedFrom != "" {
			disputed := mustRelease(p.Catalog, s.Exchange, row.disputedFrom)
			if b, _ := s.Below(disputed); !b {
				p.ReportAs(lint.Warning, s.OS, fmt.Sprintf("%s runs %s on %s, where sources conflict: %s; install %s or later on %s to be on the safe side",
					s.Name(), s.LevelName(), osName, row.conflict, levelRef(p.Catalog, min), s.Name()))
				continue
			}
			supports = fmt.Sprintf("at the earliest from %s, and without dispute from %s", levelRef(p.Catalog, disputed), levelRef(p.Catalog, min))
		}
		p.Report(s.OS, fmt.Sprintf("%s runs %s on %s, which %s supports %s: install %s or later on %s, or run it on %s",
			s.Name(), s.LevelName(), osName, s.Exchange.Name, supports, levelLabel(p.Catalog, min), s.Name(),
			words.Or(hostSupportedOSAt(p.Catalog, s))))
	}
}

// hostSupportedOSAt lists the Windows Server versions the server's own level
// supports without dispute.
func hostSupportedOSAt(cat *catalog.Catalog, s facts.Server) []string {
	var out []string
	for _, h := range hostOSMatrix[s.Exchange.ID] {
		if h.from != "" {
			if below, _ := s.Below(mustRelease(cat, s.Exchange, h.from)); below {
				continue
			}
		}
		out = append(out, cat.WindowsName(h.os))
	}
	return out
}
