package baseline

import "github.com/exlint/exlint/lint"

// Match is Keep split in two, so that files can be matched in parallel: it
// returns the findings of fs the baseline does not hold and the entries
// that hid the others, and changes nothing. fs must be all the findings of
// one file (entries name their file, so files never share one); Match may
// be called for several files at once, from several goroutines. Commit
// then counts the entries used, for the files in order, on one goroutine.
//
// An unplanned finding is hidden only by an unplanned entry; a planned one
// by a planned entry, else by an unplanned one (which accepted the problem
// whatever the plan does). The unplanned findings are matched first, so
// that a planned one never takes the entry an unplanned one needs: what is
// left is planned when it can be, and fails a check only when it must.
func (bf *Filter) Match(fs []lint.Finding) (kept []lint.Finding, used []string) {
	if bf.b == nil {
		return fs, nil
	}
	var taken map[string]int
	has := func(k string) bool { return bf.left[k]-taken[k] > 0 }
	// take hides f with an entry of one of its keys, if one is left.
	take := func(f lint.Finding) bool {
		e := bf.b.entry(f)
		for _, planned := range []bool{true, false} {
			if planned && !f.Planned {
				continue
			}
			e.Planned = planned
			k := e.key()
			if !has(k) && f.PositionAddress != "" {
				p := e
				p.Address = f.PositionAddress
				k = p.key()
			}
			if !has(k) {
				continue
			}
			if taken == nil {
				taken = map[string]int{}
			}
			taken[k]++
			used = append(used, k)
			return true
		}
		return false
	}
	hidden := make([]bool, len(fs))
	for _, planned := range []bool{false, true} {
		for i, f := range fs {
			if f.Planned == planned && !bf.structural[f.Rule] {
				hidden[i] = take(f)
			}
		}
	}
	kept = []lint.Finding{}
	for i, f := range fs {
		if !hidden[i] {
			kept = append(kept, f)
		}
	}
	return kept, used
}

// Commit counts the entries Match used for one file.
func (bf *Filter) Commit(used []string) {
	for _, k := range used {
		bf.left[k]--
		bf.Baselined++
	}
}
