package lint

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Options configures a run over paths.
type Options struct {
	Rules   []Rule
	Catalog *catalog.Catalog
	AsOf    catalog.Date
	Limits  schema.Limits
	// Workers bounds how many topologies are read and checked at once;
	// 0 means GOMAXPROCS.
	Workers int
}

// Result is what a run over paths found.
type Result struct {
	Findings []Finding // sorted, de-duplicated, restricted to the files asked for
	// Sources holds, for each file findings point into, the lines they show.
	Sources map[string]*Excerpt
	// Topologies checked, and the files they hold.
	Topologies, Files int
	// Unchecked lists the topologies whose rules did not run.
	Unchecked []string
	Skipped   []schema.Skipped
}

// ErrNoTopology is returned when the paths hold no topology file at all.
var ErrNoTopology = errors.New("no topology files found (the names end in " + schema.NativeSuffix + " or " + schema.JSONSuffix + ")")

// targetResult is what checking one topology produced.
type targetResult struct {
	findings []Finding
	sources  map[string]*Excerpt
	files    int
	rulesRun bool
	err      error
}

// Run checks every topology under paths. Topologies are read, parsed and
// checked in parallel on a bounded pool of workers, and their results merged
// in a fixed order, so the result is the same whatever the parallelism or
// the order the file system lists files in. Its error is a
// *schema.PathError for a path that cannot be read, ErrNoTopology, or an
// *InternalError.
func Run(paths []string, opts Options) (*Result, error) {
	targets, skipped, err := schema.Discover(paths)
	if err != nil {
		return nil, err
	}
	if len(targets) == 0 {
		return nil, fmt.Errorf("%v: %w", paths, ErrNoTopology)
	}
	results := make([]targetResult, len(targets))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(targets)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = checkTarget(targets[i], opts)
			}
		}()
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()

	res := &Result{Sources: map[string]*Excerpt{}, Skipped: skipped}
	for i, t := range targets {
		r := results[i]
		if r.err != nil {
			// The first failure in target order, whatever finished first.
			return nil, r.err
		}
		res.Topologies++
		res.Files += r.files
		if !r.rulesRun {
			res.Unchecked = append(res.Unchecked, t.Dir)
		}
		res.Findings = append(res.Findings, r.findings...)
		for name, src := range r.sources {
			res.Sources[name] = src
		}
	}
	SortFindings(res.Findings)
	res.Findings = Dedupe(res.Findings)
	return res, nil
}

// checkTarget reads, decodes and checks one topology. A panic while decoding
// is an internal error naming the topology (rules are guarded by Check).
func checkTarget(t schema.Target, opts Options) (r targetResult) {
	defer func() {
		if v := recover(); v != nil {
			r = targetResult{err: &InternalError{Dir: t.Dir, Value: v, Stack: debug.Stack()}}
		}
	}()
	files, err := schema.ReadFiles(t.Files, opts.Limits.MaxFileSize)
	if err != nil {
		return targetResult{err: err}
	}
	top, probs := schema.Decode(t.Dir, files, opts.Limits)
	fs, rulesRun, err := Check(top, probs, opts.Rules, opts.Catalog, opts.AsOf)
	if err != nil {
		return targetResult{err: err}
	}
	fs = restrict(fs, t.Only, rulesRun)
	// Keep the lines findings show, not whole files: a run over a large
	// corpus holds only what it will print.
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Src
	}
	return targetResult{findings: fs, sources: excerpts(byName, fs), files: len(files), rulesRun: rulesRun}
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
