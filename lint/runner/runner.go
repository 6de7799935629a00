package runner

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/suppress"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Options configures a run over paths.
type Options struct {
	Rules   []lint.Rule
	Catalog *catalog.Catalog
	AsOf    catalog.Date
	Limits  schema.Limits
	// Config is the configuration (nil: the defaults): rules disabled or
	// given another severity, paths excluded, rules that cannot be ignored.
	Config *config.Config
	// WholeTopologies makes a file argument report its whole topology,
	// not only that file's findings (a pre-commit hook passes the files that
	// changed; a change in one file can break another).
	WholeTopologies bool
	// Workers bounds how many topologies are read and checked at once;
	// 0 means GOMAXPROCS.
	Workers int
	// Stdin, when set, is a topology file given in memory (exlint check -),
	// checked instead of paths under its Name: on its own with StdinAlone,
	// else in the place of that file among the topology files of its
	// directory, read from disk, reporting that file's findings as a file
	// argument does.
	Stdin      *schema.File
	StdinAlone bool
	// Prepare, when set, is called on the worker that checked a topology,
	// once for each file Stream will emit, with what emit will receive;
	// emit then gets its result in FileFindings.Prepared. The costly part
	// of writing a file's findings (filtering, encoding) thus runs in
	// parallel, and emit, in order on one goroutine, only writes. Prepare
	// is called from several goroutines at once.
	Prepare func(FileFindings) any
	// Progress, when set, is called by Stream on the caller's goroutine
	// each time a topology's results are reached, in order: done of total
	// topologies. It is for showing progress, and must not write output.
	Progress func(done, total int)
	// Coverage collects what the rules could not judge for lack of an
	// attribute (lint.Pass.Unknown): each file's in FileFindings.Unknowns.
	Coverage bool
}

// Result is what a run over paths found.
type Result struct {
	// Findings are sorted and de-duplicated, restricted to the files asked
	// for. Stream leaves Findings and Sources empty: it hands them out file
	// by file instead.
	Findings []lint.Finding
	// Sources holds, for each file findings point into, the lines they show.
	Sources map[string]*lint.Excerpt
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
	// Unknowns are what the rules could not judge (Options.Coverage), in
	// the order of Findings; Stream leaves it empty, like Findings.
	Unknowns []lint.Unknown
}

// FileFindings is what a run reports about one file: its findings, sorted
// and de-duplicated, and the lines of its topology's files that they and
// their related locations show.
type FileFindings struct {
	Name     string
	Findings []lint.Finding
	Sources  map[string]*lint.Excerpt
	// Prepared is what Options.Prepare returned for the file, if set.
	Prepared any
	// Unknowns are what the rules could not judge for lack of an attribute
	// of a block of this file (Options.Coverage), sorted, each rule and
	// attribute once per topology.
	Unknowns []lint.Unknown
}

// ErrNoTopology is returned when the paths hold no topology file at all.
var ErrNoTopology = errors.New("no topology files found (the names end in " + schema.NativeSuffix + " or " + schema.JSONSuffix + ")")

// quotedList names paths for a message: each quoted, as Go quotes a
// string (a name may hold anything, a terminal's escape sequences too),
// separated by commas.
func quotedList(paths []string) string {
	quoted := make([]string, len(paths))
	for i, p := range paths {
		quoted[i] = strconv.Quote(p)
	}
	return strings.Join(quoted, ", ")
}

// targetResult is what checking one topology produced.
type targetResult struct {
	byFile     map[string][]lint.Finding // sorted findings, by file
	unknowns   map[string][]lint.Unknown // sorted unknowns (Options.Coverage), by file
	prepared   map[string]any            // Options.Prepare's results, by file
	sources    map[string]*lint.Excerpt
	files      int
	checked    []string
	rulesRun   bool
	suppressed int
	err        error
}

// Run checks every topology under paths and returns every finding. Its
// error is a *schema.PathError for a path that cannot be read,
// ErrNoTopology, or an *InternalError.
func Run(paths []string, opts Options) (*Result, error) {
	var fs []lint.Finding
	sources := map[string]*lint.Excerpt{}
	var us []lint.Unknown
	res, err := Stream(paths, opts, func(ff FileFindings) error {
		fs = append(fs, ff.Findings...)
		us = append(us, ff.Unknowns...)
		for name, ex := range ff.Sources {
			sources[name] = ex
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Findings, res.Sources, res.Unknowns = fs, sources, us
	return res, nil
}

// Stream checks every topology under paths like Run, but hands the findings
// to emit file by file, as the topologies are checked, instead of keeping
// them: a run holds the topologies in flight, not every finding of the
// corpus. emit is called, from the caller's goroutine, once for every file
// checked and for every other file holding findings, in the order of their
// names (the order Run's findings are in), with nothing more once it
// returns an error, which Stream returns. Stream's other errors are Run's;
// files emitted before the error stay emitted.
//
// Topologies are read, parsed and checked in parallel on a bounded pool of
// workers, and handed out in a fixed order, so what is emitted is the same
// whatever the parallelism or the order the file system lists files in.
// For each topology: the enabled rules run; the configuration sets their
// findings' severity; inline suppressions hide what they cover (and the
// suppression rule reports suppressions that are wrong); then only the
// findings in the files asked for are kept. Paths the configuration
// excludes are not read at all.
func Stream(paths []string, opts Options, emit func(FileFindings) error) (*Result, error) {
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
	disc, err := discover(paths, opts, exclude)
	if err != nil {
		return nil, err
	}
	if len(disc.Targets) == 0 && disc.Excluded == 0 {
		return nil, fmt.Errorf("%s: %w%s", quotedList(paths), ErrNoTopology, schema.SkippedNote(disc.Skipped))
	}
	targets := disc.Targets

	// Every file of every topology in the order output lists files. One
	// topology's files can be interleaved with another's ("a/b/x" sorts
	// between "a/a" and "a/z"), so topologies are checked in the order of
	// their first file, and each is kept until its last file is emitted.
	type slot struct {
		file   string
		target int
	}
	var slots []slot
	left := make([]int, len(targets))
	for i, t := range targets {
		for _, f := range t.Files {
			slots = append(slots, slot{f, i})
		}
		left[i] = len(t.Files)
	}
	sort.SliceStable(slots, func(i, j int) bool { return slots[i].file < slots[j].file })
	order := make([]int, 0, len(targets))
	queued := make([]bool, len(targets))
	for _, s := range slots {
		if !queued[s.target] {
			queued[s.target] = true
			order = append(order, s.target)
		}
	}

	c := newChecker(opts)
	results := make([]targetResult, len(targets))
	done := make([]chan struct{}, len(targets))
	for i := range done {
		done[i] = make(chan struct{})
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// ahead bounds the topologies checked but not yet being emitted, so that
	// results do not pile up when output is slower than checking. A slot is
	// given back when the emitter reaches a topology, so topologies held open
	// by interleaved files never block the one the emitter waits for, which
	// comes first in order among those not reached.
	ahead := make(chan struct{}, 2*workers)
	stop := make(chan struct{})
	next := make(chan int)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(next)
		for _, i := range order {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	for w := 0; w < min(workers, len(targets)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = c.checkTarget(targets[i])
				if opts.Prepare != nil {
					results[i].prepare(targets[i].Files, opts.Prepare)
				}
				close(done[i])
			}
		}()
	}
	defer wg.Wait()
	defer close(stop)

	res := &Result{Skipped: disc.Skipped}
	reached := make([]bool, len(targets))
	for _, s := range slots {
		<-done[s.target]
		r := &results[s.target]
		if !reached[s.target] {
			reached[s.target] = true
			<-ahead
			if r.err != nil {
				// The first failure in the order of output, whatever
				// finished first.
				return nil, r.err
			}
			res.Topologies++
			if opts.Progress != nil {
				opts.Progress(res.Topologies, len(targets))
			}
			res.Files += r.files
			res.Suppressed += r.suppressed
			res.Checked = append(res.Checked, r.checked...)
			if !r.rulesRun {
				res.Unchecked = append(res.Unchecked, targets[s.target].Dir)
			}
		}
		if r.emits(s.file) {
			ff := FileFindings{Name: s.file, Findings: r.byFile[s.file], Sources: r.sources, Prepared: r.prepared[s.file],
				Unknowns: r.unknowns[s.file]}
			if err := emit(ff); err != nil {
				return nil, err
			}
		}
		if left[s.target]--; left[s.target] == 0 {
			results[s.target] = targetResult{}
		}
	}
	sort.Strings(res.Checked)
	sort.Strings(res.Unchecked)
	return res, nil
}

// discover finds the topologies to check: those under paths, or the one of
// Options.Stdin.
func discover(paths []string, opts Options, exclude func(string) string) (*schema.Discovery, error) {
	switch {
	case opts.Stdin == nil:
		return schema.DiscoverWith(paths, exclude)
	case opts.StdinAlone:
		name := opts.Stdin.Name
		return &schema.Discovery{Targets: []schema.Target{{Dir: filepath.Dir(name), Files: []string{name}}}}, nil
	}
	return schema.DiscoverFile(opts.Stdin.Name, exclude)
}

// readFiles reads a topology's files, Options.Stdin from memory.
func (c *checker) readFiles(t schema.Target) ([]*schema.File, error) {
	in := c.opts.Stdin
	if in == nil {
		return schema.ReadFiles(t.Files, c.opts.Limits.MaxFileSize)
	}
	var disk []string
	for _, f := range t.Files {
		if f != in.Name {
			disk = append(disk, f)
		}
	}
	files, err := schema.ReadFiles(disk, c.opts.Limits.MaxFileSize)
	return append(files, in), err
}

// emits reports whether Stream emits a file of the topology: a file
// checked, or one holding findings.
func (r *targetResult) emits(file string) bool {
	return len(r.byFile[file]) > 0 || slices.Contains(r.checked, file)
}

// prepare runs Options.Prepare for each file of the topology Stream will
// emit.
func (r *targetResult) prepare(files []string, prepare func(FileFindings) any) {
	if r.err != nil {
		return
	}
	r.prepared = map[string]any{}
	for _, f := range files {
		if r.emits(f) {
			r.prepared[f] = prepare(FileFindings{Name: f, Findings: r.byFile[f], Sources: r.sources, Unknowns: r.unknowns[f]})
		}
	}
}

// checkTarget reads, decodes and checks one topology. A panic while decoding
// is an internal error naming the topology (rules are guarded by Check).
func (c *checker) checkTarget(t schema.Target) (r targetResult) {
	defer func() {
		if v := recover(); v != nil {
			ie := &lint.InternalError{Dir: t.Dir, Value: v, Stack: debug.Stack()}
			if fp, ok := v.(*schema.FilePanic); ok {
				ie.File, ie.Value, ie.Stack = fp.File, fp.Value, fp.Stack
			}
			r = targetResult{err: ie}
		}
	}()
	if c.opts.WholeTopologies {
		t.Only = nil
	}
	files, err := c.readFiles(t)
	if err != nil {
		return targetResult{err: err}
	}
	fs, us, rulesRun, hidden, err := c.check(t.Dir, files)
	if err != nil {
		return targetResult{err: err}
	}
	fs = restrict(fs, t.Only, rulesRun)
	us = restrictUnknowns(us, t.Only)
	suppressed := 0
	for file, n := range hidden {
		if len(t.Only) == 0 || slices.Contains(t.Only, file) {
			suppressed += n
		}
	}
	checked := t.Files
	if len(t.Only) > 0 {
		checked = t.Only
	}
	// Keep the lines findings show, not whole files: a run over a large
	// corpus holds only what it will print.
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Src
	}
	lint.SortFindings(fs)
	fs = lint.Dedupe(fs)
	// Sorted by file, each file's findings are a run of fs: grouped holds
	// them without copying.
	grouped := map[string][]lint.Finding{}
	for i := 0; i < len(fs); {
		name := fs[i].Range.Filename
		j := i + 1
		for j < len(fs) && fs[j].Range.Filename == name {
			j++
		}
		if _, ok := byName[name]; !ok {
			// Every range points into the topology's files; should one not,
			// it is reported with the first file rather than lost.
			name = files[0].Name
		}
		if g, ok := grouped[name]; ok {
			grouped[name] = append(g, fs[i:j]...) // g is capped: this copies
		} else {
			grouped[name] = fs[i:j:j]
		}
		i = j
	}
	return targetResult{byFile: grouped, unknowns: unknownsByFile(us, byName, files[0].Name), sources: lint.Excerpts(byName, fs),
		files: len(files), checked: checked, rulesRun: rulesRun, suppressed: suppressed}
}

// checker runs the per-topology part of a run.
type checker struct {
	opts       Options
	rules      []lint.Rule
	structural map[string]bool
	sup        *suppress.Suppressor
	yields     map[string][]string // RuleInfo.Yields of the rules that declare any
	transition map[string]bool     // the rules whose RuleInfo.Transition or OfTheRun is set
}

func newChecker(opts Options) *checker {
	c := &checker{opts: opts, structural: map[string]bool{}, transition: map[string]bool{}}
	var known []lint.RuleInfo
	for _, r := range opts.Rules {
		info := r.Info()
		known = append(known, info)
		if opts.Config.RuleEnabled(info.ID) {
			c.rules = append(c.rules, r)
		}
		if len(info.Yields) > 0 {
			if c.yields == nil {
				c.yields = map[string][]string{}
			}
			c.yields[info.ID] = info.Yields
		}
		if info.Transition || info.OfTheRun {
			c.transition[info.ID] = true
		}
	}
	for _, s := range lint.StructuralRules() {
		c.structural[s.ID] = true
		known = append(known, s)
	}
	known = append(known, lint.MetaRules()...)
	c.sup = suppress.New(known, opts.Config)
	return c
}

// check decodes one topology and runs the enabled rules on each of its
// states, applies the configuration's severities and the files'
// suppressions, and, for a plan, reports each problem once across the
// states (lint.AcrossStates). It returns the findings, what the rules could
// not judge (Options.Coverage: each rule and attribute once, at the first
// state it is found in), whether the rules ran, and how many findings each
// file suppressed.
func (c *checker) check(dir string, files []*schema.File) ([]lint.Finding, []lint.Unknown, bool, map[string]int, error) {
	plan, probs := c.decode(dir, files)
	if !isPlan(plan) {
		fs, us, rulesRun, err := c.checkState(plan, plan.States[0], probs)
		if err != nil {
			return nil, nil, false, nil, err
		}
		fs, hidden := c.settle(files, fs, rulesRun)
		lint.BoundText(fs)
		lint.BoundUnknowns(us)
		return fs, us, rulesRun, hidden, nil
	}
	// Structural problems stop the rules in every state (lint.RulesRun):
	// the current state's pass reports them, each at the stage it is
	// written in, if any.
	var all []lint.Finding
	var unknowns []lint.Unknown
	var states []lint.StateResult
	rulesRun := false
	for i, st := range plan.States {
		// A stage dated before the run's date has not happened: the
		// topology outside stages is today's. It is overdue, and what it
		// would resolve is not planned.
		state := lint.StateOf(st)
		state.Overdue = st.Stage != nil && !st.Date.IsZero() && st.Date.Before(c.opts.AsOf)
		if i > 0 && !lint.RulesRun(st, probs) {
			states = append(states, lint.StateResult{State: state})
			continue
		}
		fs, us, ran, lastDay, err := c.judgeState(plan, i, probs)
		if err != nil {
			return nil, nil, false, nil, err
		}
		if i == 0 {
			rulesRun = ran
		}
		all = append(all, fs...)
		unknowns = append(unknowns, us...)
		states = append(states, lint.StateResult{State: state, Checked: ran, LastDay: lastDay})
	}
	// Suppressions are positional: applied once to every state's findings,
	// they hide a problem wherever it is found, and one is unused only if it
	// hides nothing in any state; when a state was not checked, or a stage
	// built none, whether a suppression is used is not known.
	everyState := rulesRun && len(plan.Problems) == 0
	for _, st := range states {
		everyState = everyState && st.Checked
	}
	fs, hidden := c.sup.Apply(files, all, everyState)
	fs, gaveWay := lint.SplitOverlap(fs, c.yields)
	fs = lint.AcrossStatesGivingWay(fs, gaveWay, states, c.transition)
	lint.BoundText(fs) // after AcrossStates, which matches states by their whole names
	lint.SortFindings(fs)
	// An attribute a rule lacks in every state is listed once, with the
	// first state it lacks it in.
	unknowns = lint.DedupeUnknowns(unknowns)
	lint.SortUnknowns(unknowns)
	lint.BoundUnknowns(unknowns)
	return fs, unknowns, rulesRun, hidden, nil
}

// decode reads a topology as a plan, explaining a missing organization.
func (c *checker) decode(dir string, files []*schema.File) (*schema.Plan, []schema.Problem) {
	plan, probs := schema.DecodePlan(dir, files, c.opts.Limits)
	for i, p := range probs {
		if p.MissingOrganization() {
			probs[i].Message += ancestorOrganization(dir, c.opts.Limits)
		}
	}
	return plan, probs
}

// isPlan reports whether a topology has stages: states besides the current
// one, or problems of its stages.
func isPlan(plan *schema.Plan) bool { return len(plan.States) > 1 || len(plan.Problems) > 0 }

// checkState runs the enabled rules on one state, judged on the later of its
// stage's date and the run's date, and gives the findings their configured
// severity. A topology without stages is its current state, checked as
// lint.Check checks it.
func (c *checker) checkState(plan *schema.Plan, st *schema.State, probs []schema.Problem) ([]lint.Finding, []lint.Unknown, bool, error) {
	fs, us, ran, err := c.rawState(plan, st, probs, StateAsOf(st, c.opts.AsOf), c.opts.Coverage)
	if err != nil {
		return nil, nil, false, err
	}
	return c.opts.Config.Apply(fs, c.structural), us, ran, nil
}

// judgeState checks the state plan.States[i] as checkState does, and, but
// for the last state, on its last day too, the day before the next stage:
// an error that comes while the state lasts is its own (lint.OnLastDay).
// Both are merged before the configuration sets severities, so that a rule
// whose severity it lowers still has its deadlines seen. lastDay holds
// what the rules find on that day, whatever its severity (nil when the
// state is not judged on a last day of its own).
func (c *checker) judgeState(plan *schema.Plan, i int, probs []schema.Problem) (fs []lint.Finding, us []lint.Unknown, ran bool, lastDay map[lint.Identity]bool, err error) {
	st := plan.States[i]
	first := StateAsOf(st, c.opts.AsOf)
	fs, us, ran, err = c.rawState(plan, st, probs, first, c.opts.Coverage)
	if err != nil {
		return nil, nil, false, nil, err
	}
	if ran && i+1 < len(plan.States) {
		if last := StateAsOf(plan.States[i+1], c.opts.AsOf).AddDays(-1); last.After(first) {
			later, _, _, err := c.rawState(plan, st, probs, last, false)
			if err != nil {
				return nil, nil, false, nil, err
			}
			lastDay = make(map[lint.Identity]bool, len(later))
			for _, f := range later {
				lastDay[lint.IdentityOf(f)] = true
			}
			fs = lint.OnLastDay(fs, later, last.String(), c.transition)
		}
	}
	return c.opts.Config.Apply(fs, c.structural), us, ran, lastDay, nil
}

// rawState runs the enabled rules on a state on the date asOf, and leaves
// the findings with their rules' own severities.
func (c *checker) rawState(plan *schema.Plan, st *schema.State, probs []schema.Problem, asOf catalog.Date, coverage bool) ([]lint.Finding, []lint.Unknown, bool, error) {
	var of *schema.Plan
	if isPlan(plan) {
		of = plan
	}
	var fs []lint.Finding
	var us []lint.Unknown
	var rulesRun bool
	var err error
	if coverage {
		fs, us, rulesRun, err = lint.CheckStateCoverage(of, st, probs, c.rules, c.opts.Catalog, asOf)
	} else {
		fs, rulesRun, err = lint.CheckState(of, st, probs, c.rules, c.opts.Catalog, asOf)
	}
	if err != nil {
		return nil, nil, false, err
	}
	return fs, us, rulesRun, nil
}

// StateAsOf is the date a state is judged on in a run on asOf: the later
// of its stage's date and asOf (asOf for the current state). A plan is
// judged as it will be when each stage happens, and never earlier than the
// run's date.
func StateAsOf(st *schema.State, asOf catalog.Date) catalog.Date {
	if st.Stage != nil && st.Date.After(asOf) {
		return st.Date
	}
	return asOf
}

// settle applies the files' suppressions to findings with their configured
// severity, then the overlap between rules. The caller bounds their text.
func (c *checker) settle(files []*schema.File, fs []lint.Finding, rulesRun bool) ([]lint.Finding, map[string]int) {
	fs, hidden := c.sup.Apply(files, fs, rulesRun)
	return lint.ResolveOverlap(fs, c.yields), hidden
}

// CheckFiles checks one topology held in memory (the files of a directory)
// the way Run checks one on disk: configuration and suppressions included,
// and every state of a plan.
func CheckFiles(dir string, files []*schema.File, opts Options) ([]lint.Finding, error) {
	fs, _, _, _, err := newChecker(opts).check(dir, files)
	return fs, err
}

// CheckFilesCoverage is CheckFiles that also returns what the rules could
// not judge for lack of an attribute (as Options.Coverage collects it: each
// rule and attribute once, sorted by place).
func CheckFilesCoverage(dir string, files []*schema.File, opts Options) ([]lint.Finding, []lint.Unknown, error) {
	opts.Coverage = true
	fs, us, _, _, err := newChecker(opts).check(dir, files)
	return fs, us, err
}

// CheckState checks one state of a plan on its own (what exlint graph
// colours), as the run checks each: the enabled rules on the state's date,
// the configuration, the files' suppressions, the overlap between rules.
// Its findings are the state's, not followed across states. Of a plan,
// findings about suppressions are left out: whether a suppression is used
// is known only from every state. A topology without stages gives what
// CheckFiles gives. probs are the structural problems DecodePlan returned
// with plan, which are the findings when there are any (those outside
// stages, and those written in the state's stage); a state that is not
// checkable has none. Either way the rules did not run on the state
// (lint.RulesRun), which its picture must say.
func CheckState(plan *schema.Plan, st *schema.State, probs []schema.Problem, files []*schema.File, opts Options) ([]lint.Finding, error) {
	c := newChecker(opts)
	if !st.Checkable {
		return nil, nil
	}
	var fs []lint.Finding
	var rulesRun bool
	var err error
	if i := slices.Index(plan.States, st); isPlan(plan) && i >= 0 {
		// As check judges it: on its last day too.
		fs, _, rulesRun, _, err = c.judgeState(plan, i, probs)
	} else {
		fs, _, rulesRun, err = c.checkState(plan, st, probs)
	}
	if err != nil {
		return nil, err
	}
	fs, _ = c.settle(files, fs, rulesRun)
	lint.BoundText(fs)
	if !isPlan(plan) {
		return fs, nil
	}
	out := fs[:0]
	for _, f := range fs {
		// A structural error written in another stage is that stage's:
		// the current state's pass finds them all.
		if f.Rule != lint.SuppressionRule && (f.State.IsZero() || f.State.Name == st.Name) {
			out = append(out, f)
		}
	}
	return out, nil
}

// restrict keeps the findings in the named files. When the rules could not
// run, the structural errors that stopped them are kept wherever they are:
// the user must see why the file they named was not checked.
func restrict(fs []lint.Finding, only []string, rulesRun bool) []lint.Finding {
	if !rulesRun {
		return fs
	}
	return inFiles(fs, only, func(f lint.Finding) string { return f.Range.Filename })
}

// restrictUnknowns keeps the unknowns of blocks in the named files, as
// restrict keeps findings.
func restrictUnknowns(us []lint.Unknown, only []string) []lint.Unknown {
	return inFiles(us, only, func(u lint.Unknown) string { return u.Range.Filename })
}

// inFiles keeps the items of xs in the named files (file says which file an
// item is in); all of them when only is empty.
func inFiles[T any](xs []T, only []string, file func(T) string) []T {
	if len(only) == 0 || len(xs) == 0 {
		return xs
	}
	keep := map[string]bool{}
	for _, o := range only {
		keep[o] = true
	}
	var out []T
	for _, x := range xs {
		if keep[file(x)] {
			out = append(out, x)
		}
	}
	return out
}

// unknownsByFile groups sorted unknowns by the file of their block; one
// whose file is not among the topology's goes with first, as a finding
// does.
func unknownsByFile(us []lint.Unknown, files map[string][]byte, first string) map[string][]lint.Unknown {
	if len(us) == 0 {
		return nil
	}
	out := map[string][]lint.Unknown{}
	for _, u := range us {
		name := u.Range.Filename
		if _, ok := files[name]; !ok {
			name = first
		}
		out[name] = append(out[name], u)
	}
	return out
}
