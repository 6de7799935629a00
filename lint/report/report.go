// Package report turns findings into bytes: text for people, JSON for
// programs. Reporters know nothing of rules beyond what a finding carries.
package report

import (
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Report is everything a reporter prints for one run.
type Report struct {
	AsOf     string // YYYY-MM-DD
	Findings []lint.Finding
	// Sources holds the source lines findings show, by file name.
	Sources map[string]*lint.Excerpt
	// Topologies and Files count what was checked.
	Topologies, Files int
	// Unchecked lists topologies whose rules did not run because of
	// structural errors.
	Unchecked []string
	// Skipped lists paths that were found but not read.
	Skipped []schema.Skipped
}

// Counts tallies the report's findings.
func (r *Report) Counts() lint.Counts { return lint.Count(r.Findings) }
