package lint

import (
	"errors"
	"fmt"
	"sort"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Options configures a run over paths.
type Options struct {
	Rules   []Rule
	Catalog *catalog.Catalog
	AsOf    catalog.Date
	Limits  schema.Limits
}

// Result is what a run over paths found.
type Result struct {
	Findings []Finding // sorted, de-duplicated, restricted to the files asked for
	Sources  map[string][]byte
	// Topologies checked, and the files they hold.
	Topologies, Files int
	// Checked lists the files whose findings the result covers: every file
	// of a directory searched, or the files named, sorted.
	Checked []string
	// Unchecked lists the topologies whose rules did not run.
	Unchecked []string
	Skipped   []schema.Skipped
}

// ErrNoTopology is returned when the paths hold no topology file at all.
var ErrNoTopology = errors.New("no topology files found (the names end in " + schema.NativeSuffix + " or " + schema.JSONSuffix + ")")

// Run checks every topology under paths. Its error is a *schema.PathError
// for a path that cannot be read, ErrNoTopology, or an *InternalError.
func Run(paths []string, opts Options) (*Result, error) {
	targets, skipped, err := schema.Discover(paths)
	if err != nil {
		return nil, err
	}
	if len(targets) == 0 {
		return nil, fmt.Errorf("%v: %w", paths, ErrNoTopology)
	}
	res := &Result{Sources: map[string][]byte{}, Skipped: skipped}
	for _, t := range targets {
		files, err := schema.ReadFiles(t.Files, opts.Limits.MaxFileSize)
		if err != nil {
			return nil, err
		}
		top, probs := schema.Decode(t.Dir, files, opts.Limits)
		fs, rulesRun, err := Check(top, probs, opts.Rules, opts.Catalog, opts.AsOf)
		if err != nil {
			return nil, err
		}
		res.Topologies++
		res.Files += len(files)
		for _, f := range files {
			res.Sources[f.Name] = f.Src
		}
		if len(t.Only) > 0 {
			res.Checked = append(res.Checked, t.Only...)
		} else {
			res.Checked = append(res.Checked, t.Files...)
		}
		if !rulesRun {
			res.Unchecked = append(res.Unchecked, t.Dir)
		}
		res.Findings = append(res.Findings, restrict(fs, t.Only, rulesRun)...)
	}
	SortFindings(res.Findings)
	res.Findings = Dedupe(res.Findings)
	sort.Strings(res.Checked)
	return res, nil
}

// restrict keeps the findings in the named files. When the rules could not
// run, the structural errors that stopped them are kept wherever they are:
// the user must see why the file they named was not checked.
func restrict(fs []Finding, only []string, rulesRun bool) []Finding {
	if len(only) == 0 || !rulesRun {
		return fs
	}
	keep := map[string]bool{}
	for _, o := range only {
		keep[o] = true
	}
	var out []Finding
	for _, f := range fs {
		if keep[f.Range.Filename] {
			out = append(out, f)
		}
	}
	return out
}
