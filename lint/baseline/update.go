package baseline

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/exlint/exlint/lint"
)

// Changes says what writing a baseline again changed.
type Changes struct {
	// Added counts the entries of findings the old baseline did not hold,
	// Removed the old entries of files the run covered that no finding
	// matches any more (fixed, or the file is gone), and Kept the entries in
	// both.
	Added, Removed, Kept int
	// Untouched counts the entries of files the run did not cover, kept as
	// they were (included in Kept).
	Untouched int
}

// Update returns the baseline to write at path after a run: the entries of
// the files the run covered are replaced by its findings, and every other
// entry of old (nil: none) is kept as it was, so that a run over a few
// files (a pre-commit hook) does not forget the rest. covered receives an
// entry's file as a path from the working directory (the baseline's
// directory joined with the entry's file).
func Update(old *Baseline, fs []lint.Finding, path string, covered func(string) bool) (*Baseline, Changes) {
	next := New(fs, path)
	var ch Changes
	before := map[string]int{}
	if old != nil {
		for _, e := range old.Findings {
			p := old.path(e)
			if covered(p) {
				before[e.key()]++
				continue
			}
			e.File = next.relFile(p)
			next.Findings = append(next.Findings, e)
			ch.Untouched++
		}
	}
	ch.Kept = ch.Untouched
	for _, e := range next.Findings[:len(next.Findings)-ch.Untouched] {
		if before[e.key()] > 0 {
			before[e.key()]--
			ch.Kept++
		} else {
			ch.Added++
		}
	}
	for _, n := range before {
		ch.Removed += n
	}
	sortEntries(next.Findings)
	return next, ch
}

// Same reports whether b and other hold the same entries, messages
// included: writing one over the other would not change a byte.
func (b *Baseline) Same(other *Baseline) bool {
	return b != nil && other != nil && b.Version == other.Version && slices.Equal(b.Findings, other.Findings)
}

// path is an entry's file as a path from the working directory.
func (b *Baseline) path(e Entry) string {
	return filepath.Join(b.dir, filepath.FromSlash(e.File))
}

// sortEntries orders entries by file, rule, address, state and message: the
// same entries always give the same bytes.
func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		x, y := es[i], es[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Address != y.Address {
			return x.Address < y.Address
		}
		if x.State != y.State {
			return x.State < y.State
		}
		return x.Message < y.Message
	})
}

// StaleIn counts the entries that matched no finding so far among those of
// the files the run covered (see Update): an entry of a file the run did
// not look at is not stale, only out of sight.
func (bf *Filter) StaleIn(covered func(string) bool) int {
	if bf.b == nil {
		return 0
	}
	n := 0
	seen := map[string]bool{}
	for _, e := range bf.b.Findings {
		k := e.key()
		if seen[k] {
			continue
		}
		seen[k] = true
		if bf.left[k] > 0 && covered(bf.b.path(e)) {
			n += bf.left[k]
		}
	}
	return n
}

// positional reports whether an address ends with a list item's position,
// "[0]", as exlint wrote them before it addressed items by value ("["2013"]").
func positional(addr string) bool {
	open := strings.LastIndexByte(addr, '[')
	if open < 0 || !strings.HasSuffix(addr, "]") || open+2 > len(addr)-1 {
		return false
	}
	for _, c := range addr[open+1 : len(addr)-1] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
