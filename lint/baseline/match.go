package baseline

import "github.com/exlint/exlint/lint"

// Match is Keep split in two, so that files can be matched in parallel: it
// returns the findings of fs the baseline does not hold and the entries
// that hid the others, and changes nothing. fs must be all the findings of
// one file (entries name their file, so files never share one); Match may
// be called for several files at once, from several goroutines. Commit
// then counts the entries used, for the files in order, on one goroutine.
func (bf *Filter) Match(fs []lint.Finding) (kept []lint.Finding, used []string) {
	if bf.b == nil {
		return fs, nil
	}
	kept = []lint.Finding{}
	var taken map[string]int
	has := func(k string) bool { return bf.left[k]-taken[k] > 0 }
	for _, f := range fs {
		if bf.structural[f.Rule] {
			kept = append(kept, f)
			continue
		}
		e := bf.b.entry(f)
		k := e.key()
		if !has(k) && f.PositionAddress != "" {
			e.Address = f.PositionAddress
			k = e.key()
		}
		if !has(k) {
			kept = append(kept, f)
			continue
		}
		if taken == nil {
			taken = map[string]int{}
		}
		taken[k]++
		used = append(used, k)
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
