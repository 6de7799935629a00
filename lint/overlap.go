package lint

// Overlap between rules is declared as data: a rule's info names the rules
// whose finding at the same address says all its own finding would say
// (RuleInfo.Yields). Rules never look at each other; the runner applies the
// declarations once a topology's findings have their configured severities
// and suppressions, so a rule turned off, or a finding suppressed, brings
// back the finding that gave way to it.

// ResolveOverlap drops each finding whose rule yields to a rule that
// reported a finding at the same address in the same state of a plan.
// Findings without an address never give way. The order of fs is kept.
func ResolveOverlap(fs []Finding, yields map[string][]string) []Finding {
	kept, _ := SplitOverlap(fs, yields)
	return kept
}

// SplitOverlap is ResolveOverlap that also returns the findings that gave
// way: across a plan's states, a problem another rule reports from some
// state on has not gone there (AcrossStates).
func SplitOverlap(fs []Finding, yields map[string][]string) (kept, gaveWay []Finding) {
	if len(yields) == 0 || len(fs) < 2 {
		return fs, nil
	}
	type key struct{ rule, address, state string }
	present := make(map[key]bool, len(fs))
	for _, f := range fs {
		if f.Address != "" {
			present[key{f.Rule, f.Address, f.State.Name}] = true
		}
	}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Address != "" && givesWay(f, yields[f.Rule], func(r string) bool { return present[key{r, f.Address, f.State.Name}] }) {
			gaveWay = append(gaveWay, f)
			continue
		}
		out = append(out, f)
	}
	return out, gaveWay
}

func givesWay(f Finding, to []string, reported func(rule string) bool) bool {
	for _, r := range to {
		if r != f.Rule && reported(r) {
			return true
		}
	}
	return false
}
