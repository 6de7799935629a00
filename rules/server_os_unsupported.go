package rules

import (
	"fmt"
	"strings"

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
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing
		}
		osID, ok := s.OS.Get()
		if !ok {
			if p.Coverage() && len(cat.VersionRows(hostOS, s.Exchange)) > 0 {
				p.Unknown(&s.Block, "os")
			}
			continue
		}
		if len(cat.VersionRows(hostOS, s.Exchange)) == 0 {
			continue
		}
		osName := cat.WindowsName(osID)
		supported, disputed := hostOSRows(cat, s.Exchange, osID)
		if supported == nil && disputed == nil {
			if end, fix, out := hostOutOfSupportFix(p, s.Exchange); out {
				p.Report(s.OS, fmt.Sprintf("%s runs %s on %s, which %s (out of support since %s) does not support: %s",
					s.Name(), s.LevelName(), osName, s.Exchange.Name, end, fix))
				continue
			}
			// On a new server: Microsoft does not support upgrading Windows
			// under Exchange (the rule page says more). Only Exchange versions
			// in support, and Windows Server versions that stay in support
			// beyond the warning window (windowsLasts), are named.
			var fixes []string
			if on := hostDescribeOS(p, s.Exchange); on != "" {
				fixes = append(fixes, "move it to a new server on "+on)
			}
			if newer := hostNewerVersionsOn(p, s.Exchange, osID); len(newer) > 0 {
				fixes = append(fixes, fmt.Sprintf("to %s, which %s on %s", words.Or(newer), words.Pick(len(newer), "runs", "run"), osName))
			}
			fix := fmt.Sprintf("no Windows Server version it runs on stays in support for more than %s: move its work to Exchange Online and retire it",
				horizonWords(cat))
			switch len(fixes) {
			case 1:
				fix = fixes[0]
				if !strings.HasPrefix(fix, "move") {
					fix = "move it " + fix
				}
			case 2:
				fix = fixes[0] + ", or " + fixes[1]
			}
			p.Report(s.OS, fmt.Sprintf("%s runs %s on %s, which %s does not support: %s",
				s.Name(), s.LevelName(), osName, s.Exchange.Name, fix))
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
				p.ReportAs(lint.Warning, s.OS, fmt.Sprintf("%s runs %s on %s (sources disagree: see the rule page): %s to be safe",
					s.Name(), s.LevelName(), osName, hostInstall(p, s, min, func(r *catalog.Release) string { return levelRef(cat, r) })))
				continue
			}
			supports = fmt.Sprintf("at the earliest from %s, and without dispute from %s", levelRef(cat, disputed.From), levelRef(cat, min))
		}
		fix := hostInstall(p, s, min, func(r *catalog.Release) string { return levelLabel(cat, r) })
		if on := hostSupportedOSAt(p, s); len(on) > 0 {
			fix += ", or run it on " + words.Or(on)
		}
		p.Report(s.OS, fmt.Sprintf("%s runs %s on %s, which %s supports %s: %s", s.Name(), s.LevelName(), osName, s.Exchange.Name, supports, fix))
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

// hostDescribeOS lists the Windows Server versions of v that stay in
// support beyond the warning window (windowsLasts): "Windows Server 2019 or
// Windows Server 2022 (from CU12)", or "" when none does.
func hostDescribeOS(p *lint.Pass, v *catalog.Version) string {
	cat := p.Catalog
	var names []string
	for _, w := range cat.Windows {
		supported, _ := hostOSRows(cat, v, w.ID)
		if supported == nil || !windowsLasts(cat, w, p.AsOf) {
			continue
		}
		n := w.Name
		if supported.From != nil {
			n += fmt.Sprintf(" (from %s)", levelLabel(cat, supported.From))
		}
		names = append(names, n)
	}
	return words.Or(names)
}

// hostNewerVersionsOn lists the Exchange versions newer than v in support on
// the evaluation date that run on os at some level and can be in one
// organization with the other versions here: "Exchange Server Subscription
// Edition".
func hostNewerVersionsOn(p *lint.Pass, v *catalog.Version, os string) []string {
	var out []string
	for _, nv := range p.Catalog.SupportedVersions(p.AsOf) {
		supported, disputed := hostOSRows(p.Catalog, nv, os)
		if nv.Rank > v.Rank && (supported != nil || disputed != nil) && len(blockersOf(p, nv, v)) == 0 {
			out = append(out, nv.ShortName())
		}
	}
	return out
}

// hostSupportedOSAt lists the Windows Server versions the server's own release
// supports without dispute and that stay in support beyond the warning
// window (windowsLasts).
func hostSupportedOSAt(p *lint.Pass, s facts.Server) []string {
	var out []string
	for _, w := range p.Catalog.Windows {
		if v, _ := p.Catalog.Supports(hostOS, w.ID, s.Release); v == catalog.Supported {
			if windowsLasts(p.Catalog, w, p.AsOf) {
				out = append(out, w.Name)
			}
		}
	}
	return out
}

// hostInstall is the update fix: min or a later level, released by the
// evaluation date, that can join the organization (updateTarget: beside
// Exchange 2013, Exchange 2019 at CU14 at most), label naming a level.
func hostInstall(p *lint.Pass, s facts.Server, min *catalog.Release, label func(*catalog.Release) string) string {
	var levels []*catalog.Release
	for _, l := range s.Exchange.Levels() {
		if l.Build.Compare(min.Build) >= 0 && !l.Date.After(p.AsOf) {
			levels = append(levels, l)
		}
	}
	if t := updateTarget(p, levels); t.blocked() {
		return t.install(p, s.Name(), label, " or later")
	}
	return fmt.Sprintf("install %s or later on %s", label(min), s.Name())
}

// hostOutOfSupportFix is the fix for a server of an Exchange version out of
// support on the evaluation date (since the day after end) whose Windows it
// never supports: not a new server of that version, but its work moved
// where exchange-end-of-support and windows-end-of-support send it
// (successor: the newest version in support that can join, with what must
// go first), on the Windows Server versions that version runs on, or to
// Exchange Online. out is false for a version in support.
func hostOutOfSupportFix(p *lint.Pass, v *catalog.Version) (end catalog.Date, fix string, out bool) {
	end, ok := v.EndOfSupport()
	if !ok || !p.AsOf.After(end) {
		return end, "", false
	}
	next, blockers := successor(p, v, p.AsOf)
	if next == nil {
		return end, "move its work to Exchange Online and retire it", true
	}
	on := hostDescribeOS(p, next)
	if on == "" {
		on = "a Windows Server version in support"
	}
	return end, fmt.Sprintf("move its work to Exchange Online or to %s on %s%s, and retire it", next.ShortName(), on, onceGoneNote(blockers)), true
}
