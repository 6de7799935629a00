// Package lint runs exlint's rules over a decoded topology and owns what
// comes out of them: findings, their severities and their order.
package lint

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/schema"
)

// Severity of a finding. The zero value is Info.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	hint := ""
	if sug := severityAliases[strings.ToLower(strings.TrimSpace(s))]; sug != "" {
		hint = fmt.Sprintf("; did you mean %q?", sug)
	} else if sug := schema.Suggest(s, []string{"error", "warning", "info"}); sug != "" {
		hint = fmt.Sprintf("; did you mean %q?", sug)
	}
	return 0, fmt.Errorf("unknown severity %q%s (use error, warning or info)", s, hint)
}

// severityAliases are what people write for a severity, from other tools'
// names for them.
var severityAliases = map[string]string{
	"warn": "warning", "warnings": "warning", "err": "error", "errors": "error", "fatal": "error", "critical": "error",
	"information": "info", "informational": "info", "note": "info", "notice": "info", "hint": "info", "infos": "info",
}

// Related is a second location a finding concerns.
type Related struct {
	Range   hcl.Range
	Message string
}

// Finding is one problem reported about a topology.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Range    hcl.Range
	// Address names the offending block or attribute independently of line
	// numbers ("server.EX01.update", `clients.outlook["2013"]`); empty for
	// file-level problems.
	Address string
	// PositionAddress is, for a list item, the address earlier versions
	// gave it by position ("clients.outlook[0]"): baselines written by them
	// are matched with it. Empty otherwise.
	PositionAddress string
	Related         []Related

	// Of a plan's finding (all zero for a topology without stages):
	//
	// State is the state the finding is reported in: the first of the
	// states it is found in, one after the other (AcrossStates).
	State State
	// States are the states it is found in, from State on, one after the
	// other; the states whose rules did not run are left out.
	States []string
	// ResolvedBy is the stage after the last of States, in whose state the
	// problem is gone; nil when it stays to the plan's last state.
	ResolvedBy *State
	// Planned marks a problem of the current state that a later stage
	// resolves for good: it does not fail a check unless the configuration
	// says so (fail_on_planned).
	Planned bool
	// JudgedOn is, for an error found only when its state is judged on
	// its last day, the day before the next stage (a support date or a
	// certificate's expiry that passes while the state lasts), that day as
	// YYYY-MM-DD; "" otherwise. Such a problem is never planned: the plan
	// lets it happen.
	JudgedOn string
}

// SortFindings orders findings by file, line, column and rule, then message,
// so that output does not depend on the order rules ran in. The sort is
// stable (findings equal in all five keep their order) and costs one pass
// over findings already in order.
func SortFindings(fs []Finding) {
	sorted := true
	for i := 1; i < len(fs) && sorted; i++ {
		sorted = compareFindings(&fs[i-1], &fs[i]) <= 0
	}
	if sorted {
		return
	}
	// Findings are large: sort their indices, ties in their order, and
	// move each finding once.
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int { return cmp.Or(compareFindings(&fs[i], &fs[j]), cmp.Compare(i, j)) })
	out := make([]Finding, len(fs))
	for k, i := range idx {
		out[k] = fs[i]
	}
	copy(fs, out)
}

func compareFindings(a, b *Finding) int {
	if c := comparePlaces(a.Range, b.Range, a.Rule, b.Rule); c != 0 {
		return c
	}
	return strings.Compare(a.Message, b.Message)
}

// comparePlaces orders what rules report by file, line, column and rule:
// findings, and what stayed unknown (SortUnknowns).
func comparePlaces(a, b hcl.Range, ruleA, ruleB string) int {
	if c := strings.Compare(a.Filename, b.Filename); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Start.Line, b.Start.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Start.Column, b.Start.Column); c != 0 {
		return c
	}
	return strings.Compare(ruleA, ruleB)
}

// Dedupe removes findings identical to the one before them (same rule,
// severity, range and message); fs must be sorted.
func Dedupe(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 && same(fs[i-1], f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func same(a, b Finding) bool {
	return a.Rule == b.Rule && a.Severity == b.Severity && a.Message == b.Message && a.State.Name == b.State.Name &&
		a.Range.Filename == b.Range.Filename && a.Range.Start == b.Range.Start && a.Range.End == b.Range.End
}

// Counts tallies findings by severity, and among them the planned ones.
type Counts struct {
	Errors, Warnings, Infos int
	// PlannedErrors, PlannedWarnings and PlannedInfos count the planned
	// findings included in Errors, Warnings and Infos.
	PlannedErrors, PlannedWarnings, PlannedInfos int
}

// Count tallies fs.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		c.add(f)
	}
	return c
}

func (c *Counts) add(f Finding) {
	n, planned := &c.Infos, &c.PlannedInfos
	switch f.Severity {
	case Error:
		n, planned = &c.Errors, &c.PlannedErrors
	case Warning:
		n, planned = &c.Warnings, &c.PlannedWarnings
	}
	*n++
	if f.Planned {
		*planned++
	}
}

// Add adds the counts of o to c.
func (c *Counts) Add(o Counts) {
	c.Errors += o.Errors
	c.Warnings += o.Warnings
	c.Infos += o.Infos
	c.PlannedErrors += o.PlannedErrors
	c.PlannedWarnings += o.PlannedWarnings
	c.PlannedInfos += o.PlannedInfos
}

// Total is how many findings c counts.
func (c Counts) Total() int { return c.Errors + c.Warnings + c.Infos }

// Planned is how many of them are planned.
func (c Counts) Planned() int { return c.PlannedErrors + c.PlannedWarnings + c.PlannedInfos }

// Fail reports whether the findings counted fail a check that fails on
// failOn and above; planned ones count only when withPlanned is set.
func (c Counts) Fail(failOn Severity, withPlanned bool) bool {
	for _, s := range []struct {
		sev          Severity
		all, planned int
	}{{Error, c.Errors, c.PlannedErrors}, {Warning, c.Warnings, c.PlannedWarnings}, {Info, c.Infos, c.PlannedInfos}} {
		n := s.all
		if !withPlanned {
			n -= s.planned
		}
		if s.sev >= failOn && n > 0 {
			return true
		}
	}
	return false
}

// Summary renders counts as "2 errors, 1 warning, 3 info", saying how many
// of each are planned when some are: "2 errors (1 planned), ...".
func (c Counts) Summary() string {
	plural := func(n, planned int, word, words string) string {
		s := fmt.Sprintf("%d %s", n, words)
		if n == 1 {
			s = fmt.Sprintf("%d %s", n, word)
		}
		if planned > 0 {
			s += fmt.Sprintf(" (%d planned)", planned)
		}
		return s
	}
	return plural(c.Errors, c.PlannedErrors, "error", "errors") + ", " + plural(c.Warnings, c.PlannedWarnings, "warning", "warnings") +
		", " + plural(c.Infos, c.PlannedInfos, "info", "info")
}

// Bounds on what a finding carries: names come from the input, and a
// message quoting a label of a megabyte, repeated for every finding about
// it, would make the output a thousand times the input.
const (
	// MaxMessageBytes bounds a finding's message and each related message.
	MaxMessageBytes = 2000
	// MaxAddressBytes bounds a finding's address; a longer one is cut and
	// ends with a hash of the whole, so that two addresses stay two.
	MaxAddressBytes = 500
	// MaxStateBytes bounds the name of a plan's state a finding carries,
	// cut as an address is: a stage's name labels every finding of its
	// state, and every state a finding lasts through is listed with it.
	MaxStateBytes = 100
)

// BoundText cuts the messages, addresses and state names of fs that exceed
// the bounds above, in place, on a character boundary, marking the cut with
// "…".
func BoundText(fs []Finding) {
	for i := range fs {
		f := &fs[i]
		f.Message = cutText(f.Message, MaxMessageBytes)
		f.Address = cutName(f.Address, MaxAddressBytes)
		for j := range f.Related {
			f.Related[j].Message = cutText(f.Related[j].Message, MaxMessageBytes)
		}
		f.State.Name = cutName(f.State.Name, MaxStateBytes)
		if f.ResolvedBy != nil && len(f.ResolvedBy.Name) > MaxStateBytes {
			r := *f.ResolvedBy
			r.Name = cutName(r.Name, MaxStateBytes)
			f.ResolvedBy = &r
		}
		copied := false
		for j, s := range f.States {
			if len(s) > MaxStateBytes {
				if !copied {
					// The list may be shared with other findings: cut a copy.
					f.States, copied = append([]string(nil), f.States...), true
				}
				f.States[j] = cutName(s, MaxStateBytes)
			}
		}
	}
}

// cutName returns a name of at most n bytes: s, or s cut and ending with a
// hash of the whole, so that two names stay two.
func cutName(s string, n int) string {
	if len(s) <= n {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return cutText(s, n-len("#")-16) + "#" + hex.EncodeToString(sum[:8])
}

// cutText returns s cut to at most n bytes, "…" included, on a character
// boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	end := n - len("…")
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end] + "…"
}
