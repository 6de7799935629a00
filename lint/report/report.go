// Package report turns findings into bytes: text for people; JSON, compact,
// SARIF, JUnit, Checkstyle and GitHub workflow commands for programs and CI.
// Reporters know nothing of rules beyond what a finding and the rule list of
// the report carry.
package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Report is everything a reporter prints for one run.
type Report struct {
	AsOf     string // YYYY-MM-DD
	Findings []lint.Finding
	// Sources holds, by file name, the source lines findings show: for
	// snippets and SARIF columns.
	Sources map[string]*lint.Excerpt
	// Topologies and Files count what was checked.
	Topologies, Files int
	// Checked lists the files whose findings the report covers (every file of
	// a checked directory, or the files named on the command line).
	Checked []string
	// Unchecked lists topologies whose rules did not run because of
	// structural errors.
	Unchecked []string
	// Skipped lists paths that were found but not read.
	Skipped []schema.Skipped
	// Suppressed counts findings hidden by inline suppressions; Baselined
	// those hidden because the baseline holds them.
	Suppressed, Baselined int
	// BaselineStale counts baseline entries that matched no finding.
	BaselineStale int
	// LeftOut lists the files some of whose findings were not reported
	// because of the caps on findings (MaxFindingsPerFile per file,
	// MaxFindings per run), in order, with how many each lost.
	LeftOut                         []LeftOut
	MaxFindingsPerFile, MaxFindings int

	// Coverage is set when the run lists what stayed unknown (exlint check
	// --coverage): Unknowns, grouped by rule (lint.ByRule), and how many
	// the caps left out of them.
	Coverage        bool
	Unknowns        []lint.Unknown
	UnknownsLeftOut int

	// Rules describes every rule exlint knows (SARIF lists them all).
	Rules []lint.RuleInfo
	// Tool names the program and its version, for SARIF.
	Tool Tool
	// BaseDir is the directory SARIF URIs and GitHub annotation paths are
	// relative to (the working directory); empty keeps names as they are.
	BaseDir string
}

// LeftOut is how many findings of one file were not reported.
type LeftOut struct {
	File  string
	Count int
}

// leftOutCount is how many findings were not reported in all.
func (r *Report) leftOutCount() int {
	n := 0
	for _, l := range r.LeftOut {
		n += l.Count
	}
	return n
}

// LeftOutNote says how many findings were not reported and why, in one
// line, or "" when none was left out.
func (r *Report) LeftOutNote() string {
	n := r.leftOutCount()
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s not reported: exlint reports at most %d per file and %d per run "+
		"(max_findings_per_file and max_findings in .exlint.hcl, --max-findings-per-file and --max-findings); "+
		"the exit code counts them", plural(n, "finding was", "findings were"), r.MaxFindingsPerFile, r.MaxFindings)
}

// Tool identifies the program that made the report.
type Tool struct {
	Name           string
	Version        string
	InformationURI string
}

// Counts tallies the report's findings.
func (r *Report) Counts() lint.Counts { return lint.Count(r.Findings) }

// Options are the settings a format may use.
type Options struct {
	// Color colours the text format.
	Color bool
	// StepSummary, when not nil, receives the GitHub format's Markdown job
	// summary ($GITHUB_STEP_SUMMARY).
	StepSummary io.Writer
	// Diagram, with StepSummary, draws a topology's directory as a Mermaid
	// flowchart for the summary (GitHubOptions.Diagram).
	Diagram func(dir string) ([]byte, error)
}

// Formats lists every output format, in the order the help shows them.
var Formats = []string{"text", "json", "compact", "sarif", "junit", "checkstyle", "github"}

// relPath is a finding's file name as CI systems want it: relative to base,
// with "/" separators. ok is false for a file outside base, whose absolute
// path is returned instead.
func relPath(base, name string) (p string, ok bool) {
	if base == "" {
		return filepath.ToSlash(filepath.Clean(name)), !filepath.IsAbs(name)
	}
	abs := name
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(base, abs)
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// fileURI is a SARIF artifact URI: a relative reference for a file under
// base, a file:// URI otherwise; both percent-encoded.
func fileURI(base, name string) string {
	p, rel := relPath(base, name)
	if rel {
		// String, not EscapedPath: a first directory named like a scheme
		// ("https:x", "c:") gets "./" before it, so that the reference stays
		// relative.
		return (&url.URL{Path: p}).String()
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// files returns the files a report covers: the checked ones and any other
// file a finding is in, sorted.
func files(r *Report) []string {
	seen := map[string]bool{}
	var out []string
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, f := range r.Checked {
		add(f)
	}
	for _, f := range r.Findings {
		add(f.Range.Filename)
	}
	sort.Strings(out)
	return out
}

// byFile groups findings by file name, keeping their order.
func byFile(fs []lint.Finding) map[string][]lint.Finding {
	out := map[string][]lint.Finding{}
	for _, f := range fs {
		out[f.Range.Filename] = append(out[f.Range.Filename], f)
	}
	return out
}

// withState is a finding's message with, for a plan's finding, its state
// and how long it lasts after it: "... (stage retire-2007, 2027-06)". The
// formats without a place of their own for the state carry it so.
func withState(f lint.Finding) string {
	if note := f.StateNote(); note != "" {
		return f.Message + " (" + note + ")"
	}
	return f.Message
}

// start returns where a range starts, line and column at least 1 (a problem
// with no place in the file is reported at its start).
func start(r hcl.Range) (line, col int) {
	return max(r.Start.Line, 1), max(r.Start.Column, 1)
}
