package rules

import (
	"github.com/exlint/exlint/lint"
)

// migrationStagedDirectorySync reports a staged migration without directory
// synchronization: "You must synchronize accounts between your on-premises
// Active Directory domain and Office 365 ... for a staged migration to work",
// and Exchange Online "verifies that directory synchronization is enabled"
// when a batch starts (MS-STAGED).
type migrationStagedDirectorySync struct{}

func init() { register(migrationStagedDirectorySync{}) }

func (migrationStagedDirectorySync) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-staged-directory-sync",
		Severity: lint.Error,
		Summary:  "a staged migration without directory synchronization",
		Sources:  sources("MS-STAGED", "MS-STAGED-STEPS", "MS-MIG-PATH"),
	}
}

// stagedNeedsSync is the requirement; what Exchange Online checks when a
// batch starts is the rule page's.
const stagedNeedsSync = "a staged migration needs directory synchronization"

func (migrationStagedDirectorySync) Check(p *lint.Pass) {
	m, ds := p.Topology.Migration, p.Topology.DirectorySync
	migrationSyncUnknowns(p, "staged")
	if m == nil || !m.Method.Is("staged") {
		return
	}
	switch {
	case ds == nil:
		p.Report(m.Method, stagedNeedsSync+", and the topology has no directory_sync block: set up Microsoft Entra Connect "+
			"before the first batch and describe it in a directory_sync block")
	case ds.Enabled.IsFalse():
		p.Report(ds.Enabled, stagedNeedsSync+", and it is turned off (enabled = false): turn it on "+
			"before the first batch and keep it running until the last one",
			lint.Related{Range: m.Method.SourceRange(), Message: "the migration is staged"})
	}
}
