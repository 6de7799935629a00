package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// migrationMinimalHybrid reports an express migration (minimal hybrid) that
// misses its prerequisites (MS-MINHYB): "at least one Exchange 2010, Exchange
// 2013, and/or Exchange 2016 server on-premises", and "Do not plan to
// continue to run directory synchronization to manage your users".
type migrationMinimalHybrid struct{}

func init() { register(migrationMinimalHybrid{}) }

func (migrationMinimalHybrid) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-minimal-hybrid",
		Severity: lint.Warning,
		Summary:  "an express or minimal hybrid migration with ongoing directory synchronization, or without an Exchange 2010 or later server",
		Sources:  sources("MS-MINHYB", "MS-HCW-OPTIONS", "MS-MIG-PATH"),
	}
}

func (migrationMinimalHybrid) Check(p *lint.Pass) {
	method := p.Facts.MigrationMethod()
	mode, modeAt := p.Facts.HybridMode()
	// What declares minimal hybrid, for the server prerequisite: the
	// migration method, else the Hybrid Configuration Wizard option. Either
	// needs an Exchange 2010 or later server.
	var at schema.Node
	switch {
	case method == "express" || method == "minimal_hybrid":
		at = p.Topology.Migration.Method
	case mode == "express" || facts.IsMinimalMode(mode):
		at = modeAt
	default:
		if m := p.Topology.Migration; m != nil && m.Method == nil {
			p.Unknown(&m.Block, "method")
		}
		return
	}
	// Whether the plan synchronizes once and then turns directory
	// synchronization off is the hybrid mode's (hybridMode, shared with
	// hybrid-directory-sync-required): only the Express option does
	// (MS-MINHYB; MS-HCW-OPTIONS: only Classic Express runs Azure AD Connect
	// in express configuration). A stated topology wins over the method;
	// without one, an express or minimal_hybrid method means Express.
	express := mode == "express"
	what := "minimal hybrid"
	if express {
		what = "an express migration (minimal hybrid)"
	}

	if !hasMinimalHybridServer(p) {
		p.Report(at, minimalHybridNoServerMessage(p, what), minimalHybridRelated(p)...)
	}

	ds := p.Topology.DirectorySync
	if express && ds != nil && ds.Enabled == nil {
		p.UnknownFor(at, &ds.Block, "enabled")
	}
	if !express || ds == nil || !ds.Enabled.IsTrue() {
		return
	}
	// A Minimal or Full hybrid keeps it, where a version in support can be
	// the hybrid server (hybridOutOfReach).
	fix := "plan enabled = false after that synchronization, or, to keep it, choose hybrid.topology = \"classic_minimal\" or a full hybrid"
	if why := hybridOutOfReach(p); why != "" {
		fix = "plan enabled = false after that synchronization; " + why + ", so no hybrid can keep it"
	}
	p.Report(ds.Enabled, fmt.Sprintf("directory synchronization stays enabled, but %s synchronizes users once and then turns it off: %s", what, fix),
		lint.Related{Range: modeAt.SourceRange(), Message: "express migration (minimal hybrid) is planned here"})
}

// minimalHybridNoServerMessage: what the organization has instead of an
// Exchange 2010 or later server, and what to plan.
func minimalHybridNoServerMessage(p *lint.Pass, what string) string {
	var others []facts.Server
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() {
			others = append(others, s)
		}
	}
	need := fmt.Sprintf("%s needs an Exchange 2010 or later server", what)
	if len(others) == 0 {
		has := "no Exchange server"
		if len(p.Facts.Servers()) > 0 {
			has = "only Edge Transport servers"
		}
		return need + ", but the topology has " + has + ": describe the on-premises Exchange servers, or plan a method " +
			"their version supports"
	}
	// Microsoft's paths: cutover or staged from 2003 and 2007, IMAP only
	// from 2000 and earlier (the groups named without "Exchange": sources).
	fix := "plan a cutover or a staged migration instead"
	switch staged, imap := len(selectVersions(others, byCatalog(p, stagedSource))) > 0, len(selectVersions(others, byCatalog(p, imapOnly))) > 0; {
	case !staged:
		fix = "plan an IMAP migration instead (the only path from Exchange 2000 and earlier)"
	case imap:
		fix = "plan a cutover or staged migration for the 2003/2007 mailboxes and an IMAP migration for the 2000/5.5 ones instead"
	}
	return fmt.Sprintf("%s, but the organization has only %s: %s", need, describeByVersion(others), fix)
}

func minimalHybridRelated(p *lint.Pass) []lint.Related {
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() {
			return []lint.Related{relatedVersion(s)}
		}
	}
	return nil
}
