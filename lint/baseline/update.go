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
//
// An entry of a covered file that still matches a finding is kept as it
// was recorded, its message too: matching does not read a message that an
// address makes unneeded, and such a message may change while the finding
// does not ("ends on 2027-01-12 (in 37 days)", then "(in 36 days)").
// Writing a baseline again therefore changes it only when findings came or
// went, and gives the same bytes otherwise (Same). An entry is kept only for
// a finding as planned as it records (the key tells them apart): a finding
// that became planned, or stopped being so, gets a new entry that says so.
func Update(old *Baseline, fs []lint.Finding, path string, covered func(string) bool) (*Baseline, Changes) {
	fresh := New(fs, path)
	next := &Baseline{Version: Version, Findings: []Entry{}, dir: fresh.dir}
	var ch Changes
	recorded := map[string][]Entry{} // the old entries of covered files, by key, in the file's order
	if old != nil {
		for _, e := range old.Findings {
			p := old.path(e)
			if covered(p) {
				recorded[e.key()] = append(recorded[e.key()], e)
				continue
			}
			e.File = next.relFile(p)
			next.Findings = append(next.Findings, e)
			ch.Untouched++
		}
	}
	ch.Kept = ch.Untouched
	found := map[string][]Entry{} // the findings' entries, by key, in order
	var keys []string
	for _, e := range fresh.Findings {
		k := e.key()
		if _, ok := found[k]; !ok {
			keys = append(keys, k)
		}
		found[k] = append(found[k], e)
	}
	for _, k := range keys {
		keep, add := pair(recorded[k], found[k])
		next.Findings = append(next.Findings, keep...)
		next.Findings = append(next.Findings, add...)
		ch.Kept += len(keep)
		ch.Added += len(add)
		ch.Removed += len(recorded[k]) - len(keep)
		delete(recorded, k)
	}
	for _, es := range recorded {
		ch.Removed += len(es)
	}
	sortEntries(next.Findings)
	return next, ch
}

// pair matches the recorded entries of one key with the entries of the
// findings of that key, one to one: it returns the recorded entries that
// match a finding (kept as they are) and the entries of the findings that
// none matches (added). A recorded entry equal to a finding's pairs with
// it first; the others pair in order. Of more recorded entries than
// findings, those left over are removed.
func pair(recorded, found []Entry) (keep, add []Entry) {
	if len(recorded) == 0 {
		return nil, found
	}
	equal := map[Entry]int{}
	for _, e := range found {
		equal[e]++
	}
	used := make([]bool, len(recorded))
	taken := map[Entry]int{} // findings' entries an equal recorded entry took
	n := 0
	for i, e := range recorded {
		if equal[e] > 0 {
			equal[e]--
			taken[e]++
			used[i] = true
			n++
		}
	}
	i := 0
	for _, e := range found {
		if taken[e] > 0 {
			taken[e]--
			continue
		}
		for i < len(recorded) && used[i] {
			i++
		}
		if i == len(recorded) {
			add = append(add, e)
			continue
		}
		used[i] = true
		n++
	}
	keep = make([]Entry, 0, n)
	for i, e := range recorded {
		if used[i] {
			keep = append(keep, e)
		}
	}
	return keep, add
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
