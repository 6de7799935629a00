package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// windowsEndOfSupport reports Exchange servers, domain controllers, AD FS
// farms and directory synchronization servers on a Windows Server version
// past its extended support on the evaluation date, or within a year of it.
type windowsEndOfSupport struct{}

func init() { register(windowsEndOfSupport{}) }

func (windowsEndOfSupport) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "windows-end-of-support",
		Severity: lint.Error,
		Summary:  "an Exchange server, domain controller, AD FS farm or directory synchronization server on a Windows Server version past its extended support (warning within 365 days of it)",
		Sources: sources("MS-LIFECYCLE", "MS-LC-WS2003", "MS-LC-WS2008", "MS-LC-WS2008R2", "MS-LC-WS2012", "MS-LC-WS2012R2",
			"MS-LC-WS2016", "MS-LC-WS2019", "MS-LC-WS2022", "MS-MATRIX"),
	}
}

// windowsSoonDays is the warning window before a Windows Server version's
// last day of extended support, the year exchange-end-of-support-soon gives
// Exchange itself (HealthChecker's, CSS-HC).
const windowsSoonDays = 365

// windowsHost is a machine whose Windows Server version the topology states.
type windowsHost struct {
	os     *schema.String
	what   string                         // "EX01", "domain controller DC01"
	fix    func(successors string) string // the fix, given the successors' names
	accept func(*catalog.Windows) bool    // what may replace its Windows (nil: any)
	// none is the fix when no successor is acceptable, and also a clause
	// after the Windows version's date that says why (", and ...").
	none, also string
}

// The dates are the catalogue's (windows.csv, MS-LC-WS*): the last day of
// extended support, which passes; the next day fails. A version without a
// verified date (Windows 2000 Server, Windows Server 2025) is not judged.
func (windowsEndOfSupport) Check(p *lint.Pass) {
	for _, h := range windowsHosts(p) {
		id, ok := h.os.Get()
		if !ok {
			continue
		}
		w := p.Catalog.WindowsByID(id)
		if w == nil || w.ExtendedEnd.IsZero() {
			continue
		}
		days := p.AsOf.DaysUntil(w.ExtendedEnd)
		if days > windowsSoonDays {
			continue
		}
		var succ []string
		for _, c := range p.Catalog.Windows {
			if c.Rank > w.Rank && windowsLasts(c, p.AsOf) && (h.accept == nil || h.accept(c)) {
				succ = append(succ, strings.TrimPrefix(c.Name, "Windows Server "))
			}
		}
		fix := h.none
		if len(succ) > 0 {
			fix = h.fix("Windows Server " + words.Or(succ))
		}
		also := ""
		if len(succ) == 0 {
			also = h.also
		}
		if days < 0 {
			p.Report(h.os, fmt.Sprintf("%s runs on %s, whose extended support ended on %s%s: %s", h.what, w.Name, w.ExtendedEnd, also, fix))
			continue
		}
		when := fmt.Sprintf("in %s", words.Count(days, "day"))
		if days == 0 {
			when = "today is its last day"
		}
		p.ReportAs(lint.Warning, h.os, fmt.Sprintf("%s runs on %s, whose extended support ends on %s (%s)%s: %s", h.what, w.Name, w.ExtendedEnd, when, also, fix))
	}
}

// windowsLasts reports whether a Windows Server version is known to stay in
// extended support for more than windowsSoonDays after on, so that a fix can
// name it without sending anyone to a version this rule would warn about.
func windowsLasts(w *catalog.Windows, on catalog.Date) bool {
	return !w.ExtendedEnd.IsZero() && on.DaysUntil(w.ExtendedEnd) > windowsSoonDays
}

// windowsHosts lists the machines whose Windows Server version the topology
// states, in the order the rule reports them: Exchange servers, domain
// controllers, AD FS farms, the directory synchronization server.
func windowsHosts(p *lint.Pass) []windowsHost {
	var hs []windowsHost
	for _, s := range p.Topology.Servers {
		if s.OS != nil {
			hs = append(hs, exchangeHost(p, s))
		}
	}
	for _, dc := range p.Topology.DomainControllers {
		if dc.OS == nil {
			continue
		}
		name := dc.Name()
		hs = append(hs, windowsHost{
			os:     dc.OS,
			what:   "domain controller " + name,
			accept: func(w *catalog.Windows) bool { return len(dcOSBlockers(p, w)) == 0 },
			fix: func(succ string) string {
				return fmt.Sprintf("replace %s with a domain controller on %s", name, succ)
			},
			none: dcNoSuccessor(p, name, dc.OS.Value),
		})
	}
	for _, a := range p.Topology.ADFS {
		if a.OS == nil {
			continue
		}
		hs = append(hs, windowsHost{
			os:   a.OS,
			what: fmt.Sprintf("AD FS farm %s", a.Name()),
			fix: func(succ string) string {
				return "move the farm to AD FS servers on " + succ
			},
			none: "move the farm to AD FS servers on a Windows Server version in support",
		})
	}
	if ds := p.Topology.DirectorySync; ds != nil && ds.HostOS != nil {
		h := windowsHost{
			os:   ds.HostOS,
			what: "the directory synchronization server",
			fix: func(succ string) string {
				return "move directory synchronization to a server on " + succ
			},
			none: "move directory synchronization to a server on a Windows Server version in support that the tool supports",
		}
		if ds.Tool != nil {
			if tool := p.Catalog.SyncTool(ds.Tool.Value); tool != nil && tool.Verdict == catalog.Supported {
				h.accept = func(w *catalog.Windows) bool { return slices.Contains(tool.HostIDs(), w.ID) }
				h.fix = func(succ string) string {
					return fmt.Sprintf("move %s to a server on %s", tool.Name, succ)
				}
			}
		}
		hs = append(hs, h)
	}
	return hs
}

// exchangeHost describes an Exchange server: Windows cannot be upgraded under
// Exchange (MS-MATRIX), so the fix is a new server on a Windows Server version
// its Exchange version runs on at its newest level (subject host-os), or,
// when the version itself leaves support within the warning window (or has
// left it) or runs on no Windows Server version that lasts, a newer Exchange
// version that does.
func exchangeHost(p *lint.Pass, s *schema.Server) windowsHost {
	name := s.Name()
	h := windowsHost{
		os:   s.OS,
		what: name,
		fix: func(succ string) string {
			return fmt.Sprintf("install a new Exchange server on %s, move %s's work to it and retire %s", succ, name, name)
		},
		none: fmt.Sprintf("move %s's work to servers of an Exchange version in support, on a Windows Server version in support, and retire %s", name, name),
	}
	fs, ok := p.Facts.Server(s)
	if !ok {
		return h
	}
	end, ends := fs.Exchange.EndOfSupport()
	switch {
	case ends && p.AsOf.After(end):
		h.also = fmt.Sprintf(", and %s's ended on %s", fs.Exchange.Name, end)
		h.accept = func(*catalog.Windows) bool { return false }
	case !exchangeLasts(fs.Exchange, p.AsOf):
		h.also = fmt.Sprintf(", and %s's ends on %s", fs.Exchange.Name, end)
		h.accept = func(*catalog.Windows) bool { return false }
	default:
		h.also = fmt.Sprintf(", and %s runs on no later version supported for more than a year", fs.Exchange.Name)
		newest := newestLevel(fs.Exchange)
		h.accept = func(w *catalog.Windows) bool { return runsOn(p.Catalog, newest, w) }
	}
	if next, succ := successorExchange(p, fs); next != "" {
		h.none = fmt.Sprintf("move %s's work to Exchange Online or to %s on %s, and retire %s", name, next, succ, name)
	}
	return h
}

// successorExchange names the oldest Exchange version newer than the
// server's that stays in support for more than windowsSoonDays after the
// evaluation date and runs, at its newest level, on a Windows Server version
// that lasts, with those versions. The oldest, because coexistence with the
// server's version is likelier.
func successorExchange(p *lint.Pass, s facts.Server) (version, windows string) {
	for _, v := range p.Catalog.Versions() {
		if v.Rank <= s.Exchange.Rank || !exchangeLasts(v, p.AsOf) {
			continue
		}
		newest := newestLevel(v)
		var ws []string
		for _, w := range p.Catalog.Windows {
			if windowsLasts(w, p.AsOf) && runsOn(p.Catalog, newest, w) {
				ws = append(ws, strings.TrimPrefix(w.Name, "Windows Server "))
			}
		}
		if len(ws) > 0 {
			return v.Name, "Windows Server " + words.Or(ws)
		}
	}
	return "", ""
}

// exchangeLasts reports whether an Exchange version stays in support for
// more than windowsSoonDays after a date: it has no end date (Modern
// Lifecycle Policy), or a later one.
func exchangeLasts(v *catalog.Version, on catalog.Date) bool {
	end, ok := v.EndOfSupport()
	return !ok || on.DaysUntil(end) > windowsSoonDays
}

// newestLevel is the newest servicing level of a version the catalogue
// knows, the one a new server gets; nil when it has none.
func newestLevel(v *catalog.Version) *catalog.Release {
	levels := v.Levels()
	if len(levels) == 0 {
		return nil
	}
	return levels[len(levels)-1]
}

// runsOn reports whether Microsoft supports an Exchange release on a Windows
// Server version (subject host-os).
func runsOn(cat *catalog.Catalog, rel *catalog.Release, w *catalog.Windows) bool {
	if rel == nil {
		return false
	}
	verdict, _ := cat.Supports(hostOS, w.ID, rel)
	return verdict == catalog.Supported
}

// dcOSBlockers returns the Exchange servers that Microsoft does not list as
// working with domain controllers on Windows Server w (subject dc-os: not
// supported, disputed, or not listed), of those whose release is known.
func dcOSBlockers(p *lint.Pass, w *catalog.Windows) []facts.Server {
	var out []facts.Server
	for _, s := range p.Facts.Servers() {
		if s.Release == nil {
			continue
		}
		if verdict, _ := p.Catalog.Supports(dcOS, w.ID, s.Release); verdict != catalog.Supported {
			out = append(out, s)
		}
	}
	return out
}

// dcNoSuccessor is the fix for a domain controller when no Windows Server
// version that lasts suits every Exchange server: those versions, and the
// servers that stand in the way.
func dcNoSuccessor(p *lint.Pass, name, os string) string {
	cur := p.Catalog.WindowsByID(os)
	var succ []string
	var blockers []facts.Server
	seen := map[*schema.Server]bool{}
	for _, w := range p.Catalog.Windows {
		if cur == nil || w.Rank <= cur.Rank || !windowsLasts(w, p.AsOf) {
			continue
		}
		succ = append(succ, strings.TrimPrefix(w.Name, "Windows Server "))
		for _, b := range dcOSBlockers(p, w) {
			if !seen[b.Server] {
				seen[b.Server] = true
				blockers = append(blockers, b)
			}
		}
	}
	if len(succ) == 0 || len(blockers) == 0 {
		return fmt.Sprintf("replace %s with a domain controller on a Windows Server version in support", name)
	}
	return fmt.Sprintf("replace %s with a domain controller on Windows Server %s once %s, whose Exchange %s Microsoft does not list with those, %s updated or retired",
		name, words.Or(succ), names(blockers), words.Pick(len(blockers), "update", "updates"), words.Pick(len(blockers), "is", "are"))
}
