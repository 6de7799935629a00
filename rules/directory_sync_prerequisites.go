package rules

import (
	"fmt"

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
		Sources:  sources("MS-ENTRA", "MS-CLOUDSYNC", "MS-CLOUDSYNC-AD", "MS-DIRSYNC-RETIRED"),
	}
}

// The tools and what they need are the catalogue's (data/dirsync.csv): the
// hosts and forest functional level of Microsoft Entra Connect (MS-ENTRA),
// the hosts of Microsoft Entra Cloud Sync (MS-CLOUDSYNC, MS-CLOUDSYNC-AD),
// whose sources name no forest functional level, and DirSync and Azure AD
// Sync, retired (MS-DIRSYNC-RETIRED). Azure AD Connect (whose older releases
// had other host requirements) is not judged.

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
	tool := p.Catalog.SyncTool(ds.Tool.Value)
	if tool == nil {
		return
	}
	if tool.Verdict == catalog.Unsupported {
		p.Report(ds.Tool, fmt.Sprintf("the directory synchronization tool is %s: %s", tool.Name, tool.Note))
		return
	}
	toolNote := lint.Related{Range: ds.Tool.SourceRange(), Message: "the directory synchronization tool is " + tool.Name}
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
