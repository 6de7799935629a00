package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// directorySyncPrerequisites reports a directory synchronization server or a
// forest that the synchronization tool does not support.
type directorySyncPrerequisites struct{}

func init() { register(directorySyncPrerequisites{}) }

func (directorySyncPrerequisites) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "directory-sync-prerequisites",
		Severity: lint.Error,
		Summary:  "a directory synchronization host or forest that the tool does not support",
		Sources:  sources("MS-ENTRA", "MS-CLOUDSYNC", "MS-CLOUDSYNC-AD", "MS-DIRSYNC-RETIRED", "MS-ENTRA-NAME", "MS-ENTRA-PKS", "MS-SYNC-VERSION"),
	}
}

// The tools and what they need are the catalogue's (data/dirsync.csv): the
// hosts and forest functional level of Microsoft Entra Connect (MS-ENTRA),
// the hosts of Microsoft Entra Cloud Sync (MS-CLOUDSYNC, MS-CLOUDSYNC-AD),
// DirSync and Azure AD Sync, retired (MS-DIRSYNC-RETIRED), and Azure AD
// Connect, Microsoft Entra Connect's former name (MS-ENTRA-NAME).
//
// Every build released as Azure AD Connect is older than the build Microsoft
// Entra Connect Sync needs from the catalogue's cutoff day (MS-ENTRA-PKS),
// but current builds still carry the old name on their folder
// (MS-SYNC-VERSION): the name says which build runs only with doubt, so it is
// a warning, not an error, from the warning window before the cutoff
// (soonDays, as for an end of support). Before the cutoff, an old build may
// still run, on hosts whose requirements exlint's sources do not give, so the
// host and forest are not judged; from the cutoff, a running installation
// can only be a current build, judged as Microsoft Entra Connect
// (renamedJudged).

// The catalogue's facts of Microsoft Entra Connect Sync's cutoff (limits.csv,
// MS-ENTRA-PKS).
const (
	entraSyncMinBuild = "entra-connect-sync-min-build"
	entraSyncCutoff   = "entra-connect-sync-cutoff"
)

// renamedJudged reports whether a tool named by a former name is judged by
// the prerequisites of its current name on the evaluation date: from the
// cutoff day, when every build of the former name has stopped.
func renamedJudged(p *lint.Pass) bool { return !p.AsOf.Before(p.Catalog.Day(entraSyncCutoff)) }

func (directorySyncPrerequisites) Check(p *lint.Pass) {
	ds := p.Topology.DirectorySync
	// A synchronization that is set up but turned off runs nothing.
	if ds == nil || ds.Enabled.IsFalse() {
		return
	}
	if ds.Tool == nil {
		p.Unknown(&ds.Block, "tool")
		return
	}
	named := p.Catalog.SyncTool(ds.Tool.Value)
	if named == nil {
		return
	}
	if named.Verdict == catalog.Unsupported {
		p.Report(ds.Tool, fmt.Sprintf("the directory synchronization tool is %s: %s", named.Name, named.Note))
		return
	}
	tool := named
	toolNote := lint.Related{Range: ds.Tool.SourceRange(), Message: "the directory synchronization tool is " + tool.Name}
	if named.Renamed {
		if msg, ok := renamedSyncTool(p, named); ok {
			p.ReportAs(lint.Warning, ds.Tool, msg)
		}
		if !renamedJudged(p) {
			return
		}
		tool = named.Current()
		toolNote.Message = fmt.Sprintf("the directory synchronization tool is %s, %s", named.Name, named.Note)
	}
	if ds.HostOS == nil {
		p.Unknown(&ds.Block, "host_os")
	}
	if os, ok := ds.HostOS.Get(); ok {
		hosts := tool.HostIDs()
		min, max := hosts[0], hosts[len(hosts)-1]
		below, knownBelow := p.Catalog.WindowsBelow(os, min)
		above, knownAbove := p.Catalog.WindowsBelow(max, os)
		if (knownBelow && below) || (knownAbove && above) {
			// The hosts it runs on that stay in support beyond the warning
			// window (syncHosts, as windows-end-of-support names them).
			fix := fmt.Sprintf("no Windows Server version it runs on stays in support for more than %s: plan its successor", horizonWords(p.Catalog))
			if in, _ := syncHosts(p, tool, nil); len(in) > 0 {
				fix = "install it on a domain-joined server on " + windowsList(in)
			}
			p.Report(ds.HostOS, fmt.Sprintf("the directory synchronization server runs %s, which %s does not support (it runs on %s): %s",
				p.Catalog.WindowsName(os), tool.Name, p.Catalog.WindowsRangeName(hosts), fix), toolNote)
		}
	}
	if tool.MinFFL == nil {
		return // its sources name no forest functional level
	}
	if o := p.Topology.Organization; o != nil && o.ForestFunctionalLevel == nil {
		p.UnknownFor(ds, &o.Block, "forest_functional_level")
	}
	if o := p.Topology.Organization; o != nil && o.ForestFunctionalLevel != nil {
		cur, min := p.Catalog.FFLByID(o.ForestFunctionalLevel.Value), tool.MinFFL
		if cur != nil && cur.Level < min.Level {
			p.Report(o.ForestFunctionalLevel, fmt.Sprintf("the forest functional level is %s, and %s needs %s or higher: "+
				"raise the forest functional level to %s or higher", cur.Name, tool.Name, min.Name, min.Name), toolNote)
		}
	}
}

// renamedSyncTool is the warning for a tool named by a former name: every
// build of that name is older than the build its current name needs from the
// cutoff day on, so it stops (or stopped) synchronizing there, unless the
// name is only an old habit for a current build. Nothing (false) before the
// warning window. The cutoff is Microsoft Entra Connect Sync's, the current
// name of the one renamed tool of dirsync.csv, Azure AD Connect (a test holds
// the table to that).
func renamedSyncTool(p *lint.Pass, named *catalog.SyncTool) (string, bool) {
	cutoff := p.Catalog.Day(entraSyncCutoff)
	days := p.AsOf.DaysUntil(cutoff)
	if days > p.Catalog.Days(soonDays) {
		return "", false
	}
	stops := "stopped synchronizing on " + cutoff.String()
	if days > 0 {
		stops = fmt.Sprintf("stop synchronizing on %s (in %s)", cutoff, words.Count(days, "day"))
	}
	return fmt.Sprintf("the directory synchronization tool is %s, %s: its builds predate %s and %s; run a current build and write tool = %q",
		named.Name, named.Note, p.Catalog.Build(entraSyncMinBuild), stops, named.Current().ID), true
}
