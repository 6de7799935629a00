package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/baseline"
	"github.com/exlint/exlint/lint/runner"
)

// readOldBaseline reads the baseline --write-baseline is about to write
// again: nil when there is none yet. A file that is there but is not a
// baseline stops the run, so that it is never written over.
func readOldBaseline(path string) (*baseline.Baseline, error) {
	if err := dirExists(path); err != nil {
		return nil, usageErr("--write-baseline %s: %v", path, err)
	}
	old, err := baseline.Read(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, usageErr("--write-baseline %s: %v; the file is left as it is", path, unwrapPath(err))
	}
	return old, nil
}

// writeBaseline writes the baseline at path after a run: the findings of
// the files the run covered replace their entries (an entry that still
// matches a finding is kept as recorded, baseline.Update), the other
// entries of old stay. It writes nothing after a run in which a topology could not be
// checked (its findings would be missing), nor when nothing changed, and
// says on stderr what it did. It returns the baseline the run's findings
// are to be filtered with.
func writeBaseline(stderr io.Writer, path string, old *baseline.Baseline, fs []lint.Finding, res *runner.Result, covered func(string) bool) (*baseline.Baseline, error) {
	if n := len(res.Unchecked); n > 0 {
		fmt.Fprintf(stderr, "exlint: did not write the baseline %s: the rules did not run on %s (%s) because of the errors reported; fix them and write it again\n",
			path, topologies(n), strings.Join(res.Unchecked, ", "))
		return old, nil
	}
	next, ch := baseline.Update(old, fs, path, covered)
	kept := fmt.Sprintf("%d kept", ch.Kept)
	if ch.Untouched > 0 {
		kept += fmt.Sprintf(" (%d of them in files this run did not check)", ch.Untouched)
	}
	if old != nil && next.Same(old) {
		fmt.Fprintf(stderr, "exlint: the baseline %s is up to date: %s\n", path, kept)
		return next, nil
	}
	if err := next.Write(path); err != nil {
		return nil, usageErr("--write-baseline %s: %v", path, unwrapPath(err))
	}
	fmt.Fprintf(stderr, "exlint: wrote the baseline %s: %d added, %d removed, %s\n", path, ch.Added, ch.Removed, kept)
	return next, nil
}

// coveredBy tells whether a run looked at a file: the run checked it (its
// topology's rules ran), or it was under a directory the run searched and
// is gone. Baseline entries of files it did not look at are kept and never
// called stale.
func coveredBy(res *runner.Result, paths []string) func(string) bool {
	unchecked := map[string]bool{}
	for _, u := range res.Unchecked {
		if a, err := filepath.Abs(u); err == nil {
			unchecked[a] = true
		}
	}
	checked := map[string]bool{}
	for _, c := range res.Checked {
		if a, err := filepath.Abs(c); err == nil && !unchecked[filepath.Dir(a)] {
			checked[a] = true
		}
	}
	var dirs []string
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			if a, err := filepath.Abs(p); err == nil {
				dirs = append(dirs, a)
			}
		}
	}
	return func(p string) bool {
		a, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		if checked[a] {
			return true
		}
		for _, d := range dirs {
			if rel, err := filepath.Rel(d, a); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				_, err := os.Lstat(a)
				return errors.Is(err, fs.ErrNotExist)
			}
		}
		return false
	}
}

func topologies(n int) string {
	if n == 1 {
		return "1 topology"
	}
	return fmt.Sprintf("%d topologies", n)
}

// dirExists checks, before a run, that the directory a file is to be
// written in is there, so that a typo names the directory rather than a
// temporary file.
func dirExists(path string) error {
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("the directory %s does not exist", dir)
	case err != nil:
		return unwrapPath(err)
	case !fi.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	}
	return nil
}
