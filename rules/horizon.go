package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The horizon of advice. A fix that names a Windows Server or Outlook
// version names only one that stays in support for more than the warning
// window (the catalogue's soonDays, end-of-support-warning-days) after the
// evaluation date: windows-end-of-support warns about a Windows Server
// version within that window of its end, so a version closer to its end is
// no fix. Every rule that names a Windows Server version for a host
// (an Exchange server, a domain controller, an AD FS farm, the directory
// synchronization server) chooses it here, so that the same attribute gets
// the same versions from every rule; where none lasts, the fix says so
// rather than naming a dying one.

// windowsLasts reports whether a Windows Server version is known to stay in
// extended support for more than the warning window (soonDays) after on.
// A version without a verified end date (Windows 2000 Server) does not.
func windowsLasts(cat *catalog.Catalog, w *catalog.Windows, on catalog.Date) bool {
	return !w.ExtendedEnd.IsZero() && on.DaysUntil(w.ExtendedEnd) > cat.Days(soonDays)
}

// lastingWindows returns the Windows Server versions, oldest first, that
// last (windowsLasts) on the evaluation date and that accept takes (nil:
// any).
func lastingWindows(p *lint.Pass, accept func(*catalog.Windows) bool) []*catalog.Windows {
	var out []*catalog.Windows
	for _, w := range p.Catalog.Windows {
		if windowsLasts(p.Catalog, w, p.AsOf) && (accept == nil || accept(w)) {
			out = append(out, w)
		}
	}
	return out
}

// windowsIn is an accept function of lastingWindows: the versions whose IDs
// are listed.
func windowsIn(ids []string) func(*catalog.Windows) bool {
	return func(w *catalog.Windows) bool { return slices.Contains(ids, w.ID) }
}

// windowsList names Windows Server versions for a fix: "Windows Server
// 2019, 2022 or 2025"; "" for none.
func windowsList(ws []*catalog.Windows) string {
	if len(ws) == 0 {
		return ""
	}
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.TrimPrefix(w.Name, "Windows Server ")
	}
	return "Windows Server " + words.Or(out)
}

// horizonWords is the warning window in words, for a fix that says nothing
// lasts: "a year".
func horizonWords(cat *catalog.Catalog) string {
	if d := cat.Days(soonDays); d != 365 {
		return words.Count(d, "day")
	}
	return "a year"
}

// outlookLasts reports whether an Outlook product line stays in support
// for more than the warning window (soonDays) after on: it follows the
// Modern Lifecycle Policy (Microsoft 365 Apps), its end is not known
// (Outlook 2024: the catalogue has no Microsoft date, and
// outlook-end-of-support never reports it), or its end is later.
func outlookLasts(cat *catalog.Catalog, o *catalog.Outlook, on catalog.Date) bool {
	return o.Modern || o.ExtendedEnd.IsZero() || on.DaysUntil(o.ExtendedEnd) > cat.Days(soonDays)
}

// adfsMinOS: the oldest Windows Server AD FS servers run on (limit
// adfs-windows-min: MS-ENTRA, hybrid identity prerequisites).
const adfsMinOS = "adfs-windows-min"

// adfsMove is the fix for an AD FS farm on Windows Server current: move
// it to AD FS servers on a Windows Server version later than current, not
// below adfs-windows-min, that lasts. adfs-requirements and
// windows-end-of-support both give it.
func adfsMove(p *lint.Pass, current *catalog.Windows) string {
	min := p.Catalog.WindowsByID(p.Catalog.PlatformID(adfsMinOS))
	ws := lastingWindows(p, func(w *catalog.Windows) bool { return w.Rank > current.Rank && w.Rank >= min.Rank })
	if len(ws) == 0 {
		return fmt.Sprintf("no later Windows Server version AD FS runs on stays in support for more than %s: plan the farm's replacement", horizonWords(p.Catalog))
	}
	return "move the farm to AD FS servers on " + windowsList(ws)
}

// syncHosts are where a directory synchronization server running tool
// goes: the Windows Server versions that last, later than current when it
// is given, and that the tool runs on, or, for a retired tool, that the
// tool Microsoft says to upgrade to (its Successor, returned as to) runs
// on. to is nil when the catalogue names no such tool.
func syncHosts(p *lint.Pass, tool *catalog.SyncTool, current *catalog.Windows) (hosts []*catalog.Windows, to *catalog.SyncTool) {
	to = tool
	if tool.Verdict != catalog.Supported {
		to = tool.Successor
	}
	if to == nil {
		return nil, nil
	}
	in := windowsIn(to.HostIDs())
	return lastingWindows(p, func(w *catalog.Windows) bool { return (current == nil || w.Rank > current.Rank) && in(w) }), to
}

// commonSyncHosts are where a directory synchronization server goes when its
// tool is not stated or not judged: the Windows Server versions that last,
// later than current when it is given, and that every supported tool of the
// catalogue runs on, so that the fix holds whichever tool runs there.
func commonSyncHosts(p *lint.Pass, current *catalog.Windows) []*catalog.Windows {
	var tools []*catalog.SyncTool
	for _, t := range p.Catalog.SyncTools() {
		if t.Verdict == catalog.Supported {
			tools = append(tools, t)
		}
	}
	if len(tools) == 0 {
		return nil
	}
	return lastingWindows(p, func(w *catalog.Windows) bool {
		if current != nil && w.Rank <= current.Rank {
			return false
		}
		for _, t := range tools {
			if !slices.Contains(t.Hosts, w) {
				return false
			}
		}
		return true
	})
}
