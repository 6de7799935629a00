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
			"MSTEHLE-2006", "MYTECHNET-2007SP3", "MS-ROADMAP-2024", "MS-MATRIX-2025", "E1-IE15"),
	}
}

// The matrix is the catalogue's (subject host-os): the Windows Server
// versions each Exchange version runs on, from the first update that
// supports each, with a disputed range where sources disagree. A Windows
// Server version a version's rows do not list is unsupported with every
// update of it; a version without rows (Exchange 5.5 and 2000) is not judged.

func (serverOSUnsupported) Check(p *lint.Pass) {
	cat := p.Catalog
	for _, s := range p.Facts.Servers() {
		osID, ok := s.OS.Get()
		if !ok || len(cat.VersionRows(hostOS, s.Exchange)) == 0 {
			continue
		}
		osName := cat.WindowsName(osID)
		supported, disputed := hostOSRows(cat, s.Exchange, osID)
		if supported == nil && disputed == nil {
			msg := fmt.Sprintf("%s runs %s on %s, which %s does not support: it runs on %s; install it on one of those "+
				"(on a new server: Microsoft does not support upgrading Windows under Exchange)",
				s.Name(), s.LevelName(), osName, s.Exchange.Name, hostDescribeOS(cat, s.Exchange))
			if newer := hostNewerVersionsOn(cat, s.Exchange, osID); len(newer) > 0 {
				msg += fmt.Sprintf(", or move to %s, which %s on %s", words.Or(newer), words.Pick(len(newer), "runs", "run"), osName)
			}
			p.Report(s.OS, msg)
			continue
		}
		if supported == nil || supported.From == nil {
			continue
		}
		min := supported.From
		below, known := s.Below(min)
		if !known || !below {
			continue
		}
		supports := "only from " + levelRef(cat, min)
		if disputed != nil {
			if b, _ := s.Below(disputed.From); !b {
				p.ReportAs(lint.Warning, s.OS, fmt.Sprintf("%s runs %s on %s, where sources conflict: %s; install %s or later on %s to be on the safe side",
					s.Name(), s.LevelName(), osName, disputed.Note, levelRef(cat, min), s.Name()))
				continue
			}
			supports = fmt.Sprintf("at the earliest from %s, and without dispute from %s", levelRef(cat, disputed.From), levelRef(cat, min))
		}
		p.Report(s.OS, fmt.Sprintf("%s runs %s on %s, which %s supports %s: install %s or later on %s, or run it on %s",
			s.Name(), s.LevelName(), osName, s.Exchange.Name, supports, levelLabel(cat, min), s.Name(),
			words.Or(hostSupportedOSAt(cat, s))))
	}
}

// hostOSRows returns the rows of version v for Windows Server os: the one
// that supports it (from its first update on) and the disputed one below it,
// each nil when there is none.
func hostOSRows(cat *catalog.Catalog, v *catalog.Version, os string) (supported, disputed *catalog.Support) {
	for _, r := range cat.VersionRows(hostOS, v) {
		if !r.HasValue(os) {
			continue
		}
		switch r.Verdict {
		case catalog.Supported:
			supported = r
		case catalog.Disputed:
			disputed = r
		}
	}
	return supported, disputed
}

// hostDescribeOS lists the Windows Server versions of v: "Windows Server 2012,
// Windows Server 2012 R2 and Windows Server 2016 (from CU3)".
func hostDescribeOS(cat *catalog.Catalog, v *catalog.Version) string {
	var names []string
	for _, w := range cat.Windows {
		supported, _ := hostOSRows(cat, v, w.ID)
		if supported == nil {
			continue
		}
		n := w.Name
		if supported.From != nil {
			n += fmt.Sprintf(" (from %s)", levelLabel(cat, supported.From))
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
		if supported, disputed := hostOSRows(cat, nv, os); nv.Rank > v.Rank && (supported != nil || disputed != nil) {
			out = append(out, nv.Name)
		}
	}
	return out
}

// hostSupportedOSAt lists the Windows Server versions the server's own release
// supports without dispute.
func hostSupportedOSAt(cat *catalog.Catalog, s facts.Server) []string {
	var out []string
	for _, w := range cat.Windows {
		if v, _ := cat.Supports(hostOS, w.ID, s.Release); v == catalog.Supported {
			out = append(out, w.Name)
		}
	}
	return out
}
