package lint

import (
	"errors"
	"fmt"
	"slices"
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
	// Config is the configuration (nil: the defaults): rules disabled or
	// given another severity, paths excluded, rules that cannot be ignored.
	Config *Config
	// WholeTopologies makes a file argument report its whole topology,
	// not only that file's findings (a pre-commit hook passes the files that
	// changed; a change in one file can break another).
	WholeTopologies bool
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
	// Suppressed counts the findings inline suppressions hid.
	Suppressed int
}

// ErrNoTopology is returned when the paths hold no topology file at all.
var ErrNoTopology = errors.New("no topology files found (the names end in " + schema.NativeSuffix + " or " + schema.JSONSuffix + ")")

// Run checks every topology under paths. Its error is a *schema.PathError
// for a path that cannot be read, ErrNoTopology, or an *InternalError.
//
// For each topology: the enabled rules run; the configuration sets their
// findings' severity; inline suppressions hide what they cover (and the
// suppression rule reports suppressions that are wrong); then only the
// findings in the files asked for are kept. Paths the configuration
// excludes are not read at all.
func Run(paths []string, opts Options) (*Result, error) {
	cfg := opts.Config
	var exclude func(string) string
	if cfg != nil && len(cfg.Exclude.Value) > 0 {
		exclude = func(p string) string {
			if pat := cfg.Excluded(p); pat != "" {
				return fmt.Sprintf("excluded by %q (%s)", pat, cfg.Exclude.Origin())
			}
			return ""
		}
	}
	disc, err := schema.DiscoverWith(paths, exclude)
	if err != nil {
		return nil, err
	}
	if len(disc.Targets) == 0 && disc.Excluded == 0 {
		return nil, fmt.Errorf("%v: %w", paths, ErrNoTopology)
	}
	c := newChecker(opts)
	res := &Result{Sources: map[string][]byte{}, Skipped: disc.Skipped}
	for _, t := range disc.Targets {
		if opts.WholeTopologies {
			t.Only = nil
		}
		files, err := schema.ReadFiles(t.Files, opts.Limits.MaxFileSize)
		if err != nil {
			return nil, err
		}
		fs, rulesRun, hidden, err := c.check(t.Dir, files)
		if err != nil {
			return nil, err
		}
		fs = restrict(fs, t.Only, rulesRun)
		for file, n := range hidden {
			if len(t.Only) == 0 || slices.Contains(t.Only, file) {
				res.Suppressed += n
			}
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
		res.Findings = append(res.Findings, fs...)
	}
	SortFindings(res.Findings)
	res.Findings = Dedupe(res.Findings)
	sort.Strings(res.Checked)
	return res, nil
}

// checker runs the per-topology part of a run.
type checker struct {
	opts       Options
	rules      []Rule
	structural map[string]bool
	sup        *suppressor
}

func newChecker(opts Options) *checker {
	c := &checker{opts: opts, structural: map[string]bool{}}
	var known []RuleInfo
	for _, r := range opts.Rules {
		info := r.Info()
		known = append(known, info)
		if opts.Config.RuleEnabled(info.ID) {
			c.rules = append(c.rules, r)
		}
	}
	for _, s := range StructuralRules() {
		c.structural[s.ID] = true
		known = append(known, s)
	}
	known = append(known, MetaRules()...)
	c.sup = newSuppressor(known, opts.Config)
	return c
}

// check decodes one topology and runs the enabled rules, applies the
// configuration's severities and the files' suppressions. It returns the
// findings, whether the rules ran, and how many findings each file
// suppressed.
func (c *checker) check(dir string, files []*schema.File) ([]Finding, bool, map[string]int, error) {
	top, probs := schema.Decode(dir, files, c.opts.Limits)
	fs, rulesRun, err := Check(top, probs, c.rules, c.opts.Catalog, c.opts.AsOf)
	if err != nil {
		return nil, false, nil, err
	}
	fs = c.opts.Config.apply(fs, c.structural)
	fs, hidden := c.sup.apply(files, fs, rulesRun)
	return fs, rulesRun, hidden, nil
}

// CheckFiles checks one topology held in memory (the files of a directory)
// the way Run checks one on disk: configuration and suppressions included.
func CheckFiles(dir string, files []*schema.File, opts Options) ([]Finding, error) {
	fs, _, _, err := newChecker(opts).check(dir, files)
	return fs, err
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
