package rules

import (
	"fmt"
	"slices"
	"strings"

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
		Summary: fmt.Sprintf("an Exchange server, domain controller, AD FS farm or directory synchronization server on a Windows Server version past its extended support (warning within %d days of it)",
			catalog.Default().Days(soonDays)),
		Sources: sources("MS-LIFECYCLE", "MS-LC-WS2003", "MS-LC-WS2008", "MS-LC-WS2008R2", "MS-LC-WS2012", "MS-LC-WS2012R2",
			"MS-LC-WS2016", "MS-LC-WS2019", "MS-LC-WS2022", "MS-MATRIX"),
	}
}

// The warning window before a Windows Server version's last day of extended
// support is the catalogue's soonDays, the year exchange-end-of-support-soon
// gives Exchange itself (HealthChecker's, CSS-HC).

// The dates are the catalogue's (windows.csv, MS-LC-WS*): the last day of
// extended support, which passes; the next day fails. A version without a
// verified date (Windows 2000 Server, Windows Server 2025) is not judged.
func (windowsEndOfSupport) Check(p *lint.Pass) {
	fx := &windowsFixes{p: p}
	dcs := newDCAdvisor(p)
	judge := func(os *schema.String, fix func(w *catalog.Windows) (also, fix string), what string) {
		w, days, ok := windowsDue(p, os)
		if !ok {
			return
		}
		also, how := fix(w)
		if days < 0 {
			p.Report(os, fmt.Sprintf("%s runs on %s, whose extended support ended on %s%s: %s", what, w.Name, w.ExtendedEnd, also, how))
			return
		}
		when := fmt.Sprintf("in %s", words.Count(days, "day"))
		if days == 0 {
			when = "today is its last day"
		}
		p.ReportAs(lint.Warning, os, fmt.Sprintf("%s runs on %s, whose extended support ends on %s (%s)%s: %s", what, w.Name, w.ExtendedEnd, when, also, how))
	}
	for _, s := range p.Topology.Servers {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: its Windows runs nothing
		}
		if s.OS == nil {
			p.Unknown(&s.Block, "os")
		}
		judge(s.OS, func(w *catalog.Windows) (string, string) { return fx.exchange(s, w) }, s.Name())
	}
	for _, dc := range p.Topology.DomainControllers {
		if dc.OS == nil {
			p.Unknown(&dc.Block, "os")
		}
		judge(dc.OS, func(w *catalog.Windows) (string, string) { return "", dcs.advise(w).fix(p.Catalog, dc.Name()) }, "domain controller "+dc.Name())
	}
	for _, a := range p.Topology.ADFS {
		if a.OS == nil {
			p.Unknown(&a.Block, "os")
		}
		judge(a.OS, func(w *catalog.Windows) (string, string) { return "", adfsMove(p, w) }, "AD FS farm "+a.Name())
	}
	if ds := p.Topology.DirectorySync; ds != nil {
		if ds.HostOS == nil {
			p.Unknown(&ds.Block, "host_os")
		}
		judge(ds.HostOS, func(w *catalog.Windows) (string, string) { return "", fx.syncServer(ds, w) }, "the directory synchronization server")
	}
}

// windowsDue returns the Windows Server version an os attribute names when
// it is past its extended support, or within the warning window (soonDays)
// of its end, and the days left (negative after the end).
func windowsDue(p *lint.Pass, os *schema.String) (*catalog.Windows, int, bool) {
	id, ok := os.Get()
	if !ok {
		return nil, 0, false
	}
	w := p.Catalog.WindowsByID(id)
	if w == nil || w.ExtendedEnd.IsZero() {
		return nil, 0, false
	}
	days := p.AsOf.DaysUntil(w.ExtendedEnd)
	return w, days, days <= p.Catalog.Days(soonDays)
}

// exchangeLasts reports whether an Exchange version stays in support for
// more than the warning window (soonDays) after a date: it has no end date
// (Modern Lifecycle Policy), or a later one.
func exchangeLasts(cat *catalog.Catalog, v *catalog.Version, on catalog.Date) bool {
	end, ok := v.EndOfSupport()
	return !ok || on.DaysUntil(end) > cat.Days(soonDays)
}

// windowsFixes works out the fixes of one check, computing what several
// hosts share once: which Windows Server versions each Exchange version
// runs on, and where its servers' work goes. A domain controller's fix is
// dcAdvice, which domain-controller-os-unsupported gives too.
type windowsFixes struct {
	p    *lint.Pass
	runs map[*catalog.Version][]*catalog.Windows // lasting versions it runs on at its joinLevel
	next map[successorKey]successorOf            // successor, by version and day
}

type successorKey struct {
	v  *catalog.Version
	on catalog.Date
}

type successorOf struct {
	next     *catalog.Version
	blockers []*catalog.Version
}

// successor is the package's successor, once per version and day.
func (fx *windowsFixes) successor(v *catalog.Version, on catalog.Date) (*catalog.Version, []*catalog.Version) {
	k := successorKey{v, on}
	if out, ok := fx.next[k]; ok {
		return out.next, out.blockers
	}
	next, blockers := successor(fx.p, v, on)
	if fx.next == nil {
		fx.next = map[successorKey]successorOf{}
	}
	fx.next[k] = successorOf{next, blockers}
	return next, blockers
}

// successors names the Windows Server versions later than w that last and
// that accept takes (nil: any), as "Windows Server 2019 or 2022"; "" when
// there is none.
func (fx *windowsFixes) successors(w *catalog.Windows, accept func(*catalog.Windows) bool) string {
	return windowsList(lastingWindows(fx.p, func(c *catalog.Windows) bool { return c.Rank > w.Rank && (accept == nil || accept(c)) }))
}

// exchange is the fix for an Exchange server. Windows cannot be upgraded
// under Exchange (MS-MATRIX), so it is a new server on a Windows Server
// version its Exchange version runs on at its newest level (subject
// host-os); or, when that version itself leaves support within the warning
// window (or has left it) or runs on no Windows Server version that lasts,
// the version exchange-end-of-support and exchange-end-of-support-soon name
// (successor: the newest in support that can be in one organization with
// it, with the versions that must go first), on the Windows Server versions
// it runs on that last, or Exchange Online. also says why.
func (fx *windowsFixes) exchange(s *schema.Server, w *catalog.Windows) (also, fix string) {
	name := s.Name()
	fs, ok := fx.p.Facts.Server(s)
	if !ok {
		return "", "move its work to servers of an Exchange version in support, on a Windows Server version in support, and retire it"
	}
	v := fs.Exchange
	end, ends := v.EndOfSupport()
	// The day the work moves: today, or, for a version whose support ends
	// within the window, the day after its end (as exchange-end-of-support-soon).
	on := fx.p.AsOf
	switch {
	case ends && fx.p.AsOf.After(end):
		also = fmt.Sprintf(", and %s's ended on %s", v.ShortName(), end)
	case !exchangeLasts(fx.p.Catalog, v, fx.p.AsOf):
		also = fmt.Sprintf(", and %s's ends on %s", v.ShortName(), end)
		on = end.AddDays(1)
	default:
		runs := fx.runsOn(v)
		if succ := fx.successors(w, func(c *catalog.Windows) bool { return slices.Contains(runs, c) }); succ != "" {
			return "", fmt.Sprintf("install a new Exchange server on %s, move the work to it and retire %s", succ, name)
		}
		also = fmt.Sprintf(", and %s runs on no later version supported for more than %s", v.Name, horizonWords(fx.p.Catalog))
	}
	next, blockers := fx.successor(v, on)
	if next == nil {
		return also, "move its work to Exchange Online and retire it"
	}
	first := onceGoneNote(blockers)
	var ws []string
	for _, c := range fx.runsOn(next) {
		ws = append(ws, strings.TrimPrefix(c.Name, "Windows Server "))
	}
	if len(ws) == 0 {
		return also, fmt.Sprintf("move its work to Exchange Online or to %s on a Windows Server version in support%s, and retire it", next.ShortName(), first)
	}
	return also, fmt.Sprintf("move its work to Exchange Online or to %s on Windows Server %s%s, and retire it", next.ShortName(), words.Or(ws), first)
}

// runsOn returns the Windows Server versions that last and that an Exchange
// version runs on at the level a new server gets: its newest level that can
// join the organization (joinLevel).
func (fx *windowsFixes) runsOn(v *catalog.Version) []*catalog.Windows {
	if out, ok := fx.runs[v]; ok {
		return out
	}
	var out []*catalog.Windows
	if level := joinLevel(fx.p, v); level != nil {
		for _, w := range fx.p.Catalog.Windows {
			if verdict, _ := fx.p.Catalog.Supports(hostOS, w.ID, level); verdict == catalog.Supported && windowsLasts(fx.p.Catalog, w, fx.p.AsOf) {
				out = append(out, w)
			}
		}
	}
	if fx.runs == nil {
		fx.runs = map[*catalog.Version][]*catalog.Windows{}
	}
	fx.runs[v] = out
	return out
}

// syncServer is the fix for the directory synchronization server: a later
// Windows Server version that lasts and that its tool runs on, or, when the
// tool is retired, the tool Microsoft says to upgrade to (syncHosts, as
// directory-sync-prerequisites names them); for a tool named by a former
// name, once directory-sync-prerequisites judges it as its current name
// (renamedJudged), a current build of that. Without a tool the catalogue
// judges, a later version that lasts and that every supported tool runs on
// (commonSyncHosts), so that the fix holds whatever the tool; when there is
// none, the tools that still have one.
func (fx *windowsFixes) syncServer(ds *schema.DirectorySync, w *catalog.Windows) string {
	none := func(what string) string {
		return fmt.Sprintf("no later Windows Server version%s stays in support for more than %s: plan its successor", what, horizonWords(fx.p.Catalog))
	}
	var tool *catalog.SyncTool
	if ds.Tool != nil {
		tool = fx.p.Catalog.SyncTool(ds.Tool.Value)
	}
	if tool != nil && tool.Renamed && !renamedJudged(fx.p) {
		tool = nil // an old build may still run, on hosts the catalogue does not give
	}
	if tool != nil {
		switch hosts, to := syncHosts(fx.p, tool, w); {
		case to == nil: // a retired tool whose successor the catalogue does not name
		case tool.Renamed && len(hosts) == 0:
			return none(" " + to.Name + " runs on")
		case tool.Renamed:
			return fmt.Sprintf("install a current %s (%s's current name) on a server on %s", to.Name, tool.Name, windowsList(hosts))
		case len(hosts) == 0 && to != tool:
			return none(fmt.Sprintf(" %s (which replaces the retired %s) runs on", to.Name, tool.Name))
		case len(hosts) == 0:
			return none(" " + to.Name + " runs on")
		case to != tool:
			return fmt.Sprintf("replace %s, which is retired, with %s on a server on %s", tool.Name, to.Name, windowsList(hosts))
		default:
			return fmt.Sprintf("move %s to a server on %s", tool.Name, windowsList(hosts))
		}
	}
	if common := commonSyncHosts(fx.p, w); len(common) > 0 {
		return "move directory synchronization to a server on " + windowsList(common)
	}
	var each []string
	for _, t := range fx.p.Catalog.SyncTools() {
		if t.Verdict != catalog.Supported {
			continue
		}
		if hosts, _ := syncHosts(fx.p, t, w); len(hosts) > 0 {
			each = append(each, fmt.Sprintf("%s on a server on %s", t.Name, windowsList(hosts)))
		}
	}
	if len(each) > 0 {
		return "move directory synchronization to " + words.Or(each)
	}
	return none(" a directory synchronization tool runs on")
}
