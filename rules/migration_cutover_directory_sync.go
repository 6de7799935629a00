package rules

import (
	"github.com/exlint/exlint/lint"
)

// migrationCutoverDirectorySync reports a cutover migration planned while
// directory synchronization is enabled: "If you have turned on directory
// synchronization, you need to turn it off before you can perform a cutover
// migration" (MS-CUTOVER-STEPS).
type migrationCutoverDirectorySync struct{}

func init() { register(migrationCutoverDirectorySync{}) }

func (migrationCutoverDirectorySync) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-cutover-directory-sync",
		Severity: lint.Error,
		Summary:  "a cutover migration while directory synchronization is enabled",
		Sources:  sources("MS-CUTOVER-STEPS", "MS-MIG-PATH"),
	}
}

func (migrationCutoverDirectorySync) Check(p *lint.Pass) {
	m, ds := p.Topology.Migration, p.Topology.DirectorySync
	migrationSyncUnknowns(p, "cutover")
	// Only an explicit enabled = true: a directory_sync block without
	// enabled says synchronization is set up, not that it runs.
	if m == nil || !m.Method.Is("cutover") || ds == nil || !ds.Enabled.IsTrue() {
		return
	}
	p.Report(ds.Enabled, "directory synchronization is enabled, and a cutover migration needs it off (it creates the users itself): "+
		"turn it off before the migration (enabled = false), or, to keep it, "+alternativeMethod(p, false),
		lint.Related{Range: m.Method.SourceRange(), Message: "the migration is a cutover"})
}
