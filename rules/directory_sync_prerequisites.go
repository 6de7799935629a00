package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
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
		Sources:  sources("MS-ENTRA"),
	}
}

// dirsyncPrereq is what a synchronization tool needs of its host and forest.
type dirsyncPrereq struct {
	name    string
	hostMin string // Windows Server version ID
	fflMin  string // forest functional level ID
}

// dirsyncPrereqs, by tool: the prerequisites of Microsoft Entra Connect
// (MS-ENTRA) only; DirSync, Azure AD Sync,
// Azure AD Connect (whose older releases had other host requirements) and
// Entra Cloud Sync are not checked.
var dirsyncPrereqs = map[string]dirsyncPrereq{
	// MS-ENTRA: "forest functional level Windows Server 2003 or later"; the server "Windows Server 2016 or later".
	"entra_connect": {name: "Microsoft Entra Connect", hostMin: "2016", fflMin: "2003"},
}

func (directorySyncPrerequisites) Check(p *lint.Pass) {
	ds := p.Topology.DirectorySync
	// A synchronization that is set up but turned off runs nothing.
	if ds == nil || ds.Enabled.IsFalse() || ds.Tool == nil {
		return
	}
	pre, ok := dirsyncPrereqs[ds.Tool.Value]
	if !ok {
		return
	}
	toolNote := lint.Related{Range: ds.Tool.SourceRange(), Message: "the directory synchronization tool is " + pre.name}
	if os, ok := ds.HostOS.Get(); ok {
		if below, known := p.Catalog.WindowsBelow(os, pre.hostMin); known && below {
			min := p.Catalog.WindowsName(pre.hostMin)
			p.Report(ds.HostOS, fmt.Sprintf("the directory synchronization server runs %s: %s needs a domain-joined server on %s or later; "+
				"install it on a server running %s or later", p.Catalog.WindowsName(os), pre.name, min, min), toolNote)
		}
	}
	if o := p.Topology.Organization; o != nil && o.ForestFunctionalLevel != nil {
		cur, min := p.Catalog.FFLByID(o.ForestFunctionalLevel.Value), p.Catalog.FFLByID(pre.fflMin)
		if cur != nil && cur.Level < min.Level {
			p.Report(o.ForestFunctionalLevel, fmt.Sprintf("the forest functional level is %s: %s needs %s or higher; "+
				"raise the forest functional level to %s or higher", cur.Name, pre.name, min.Name, min.Name), toolNote)
		}
	}
}
