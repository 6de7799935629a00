package lint

import (
	"slices"

	"github.com/exlint/exlint/schema"
)

// A plan is checked state by state (CheckState), and each problem is then
// reported once across the states it is found in (AcrossStates): at the
// first of them, saying how long it lasts and, for a problem of today that
// the plan resolves for good, that it is planned.

// State names a state of a plan: "current", or the name of the stage that
// led to it with the stage's date as written ("2027-06" or "2027-06-15").
// The zero State is that of a topology without stages.
type State struct {
	Name string
	Date string
	// Overdue marks a stage dated before the run's date: its state is
	// still to come (the topology outside stages is today's), so it is
	// late, and the problems it would resolve are not planned.
	Overdue bool
}

// CurrentState names the state before any stage.
const CurrentState = "current"

// IsZero reports whether s is the state of a topology without stages.
func (s State) IsZero() bool { return s.Name == "" }

// StateOf names a state of a plan.
func StateOf(s *schema.State) State {
	st := State{Name: s.Name}
	if s.Stage != nil && s.Stage.DateAttr != nil {
		st.Date = s.Stage.DateAttr.Value
	}
	return st
}

// Describe names the state in messages: "current", or "stage NAME, DATE".
func (s State) Describe() string {
	if s.Name == CurrentState {
		return s.Name
	}
	if s.Date == "" {
		return "stage " + s.Name
	}
	return "stage " + s.Name + ", " + s.Date
}

// Identity is what makes a finding of one state the same problem as a
// finding of another: the rule, the address, and where it points. The
// message may differ (a date in it, counted from each state's date).
type Identity struct {
	Rule, Address, File string
	Line, Column        int
}

// IdentityOf returns f's identity across states.
func IdentityOf(f Finding) Identity {
	return Identity{Rule: f.Rule, Address: f.Address, File: f.Range.Filename, Line: f.Range.Start.Line, Column: f.Range.Start.Column}
}

// StateResult says whether the rules ran on a state of a plan.
type StateResult struct {
	State State
	// Checked is false when the rules did not run on the state (a stage
	// removed a block it still names): what it holds is unknown, so a
	// problem found before and after it is not taken as gone in between.
	Checked bool
	// LastDay holds the identities of what the rules find on the state's
	// last day, the day before the next stage, whatever its severity (nil
	// when it is not judged on such a day). A problem the next state has
	// and this one had not on its first day, but on its last, came with
	// time, not with the stage: it can be planned.
	LastDay map[Identity]bool
}

// RulesRun reports whether the rules run on a state of a plan decoded with
// the structural problems probs: not when there are any (a topology read in
// part would give wrong verdicts, in every state), nor on a state that names
// a block a stage removed (schema.State.Checkable). exlint check, plan,
// graph and report all say "not checked" of a state from it.
func RulesRun(st *schema.State, probs []schema.Problem) bool {
	return WhyNotChecked(st, probs) == ""
}

// Why the rules do not run on a state (WhyNotChecked), in a few words
// that follow "not checked: ".
const (
	NotCheckedStructural = "the topology has structural errors"
	NotCheckedRemoved    = "a stage removed a block this state still names"
	NotCheckedSameDate   = "two stages share a date, whose order is unknown"
)

// WhyNotChecked says why the rules do not run on a state (RulesRun):
// NotCheckedStructural, NotCheckedSameDate or NotCheckedRemoved, or ""
// when they run.
func WhyNotChecked(st *schema.State, probs []schema.Problem) string {
	switch {
	case len(probs) > 0:
		return NotCheckedStructural
	case st.Unordered:
		return NotCheckedSameDate
	case !st.Checkable:
		return NotCheckedRemoved
	}
	return ""
}

// AcrossStates turns the findings of every state of a plan (each with its
// State; states lists them in date order) into the findings to report:
//
//   - A problem found in consecutive states is reported once, at the first
//     of them, listing them (States). A state whose rules did not run
//     neither ends nor breaks the run.
//   - A problem of the current state that a later stage removes for good
//     (it is gone in that stage's state and never comes back) is Planned,
//     with the stage that resolves it (ResolvedBy).
//   - A problem a stage introduces (absent in the state before) is reported
//     at that stage, with the stage that resolves it if one does; it is not
//     planned. A problem that comes back after a stage resolved it is
//     reported again where it comes back, and the first time is not
//     planned either.
//   - A problem whose severity changes from one state to the next is
//     reported again at the state where it changes.
//
// Findings without a state (those about suppressions, structural ones
// outside any stage), those of a state whose rules did not run (structural
// ones written in its stage) and those of transition rules
// (RuleInfo.Transition; findings about the step into a state) are reported
// where they are, alone in their States. The
// order of fs is kept for them; the others come after, in the order of the
// states they start in. The runner sorts the result.
func AcrossStates(fs []Finding, states []StateResult, transition map[string]bool) []Finding {
	return AcrossStatesGivingWay(fs, nil, states, transition)
}

// AcrossStatesGivingWay is AcrossStates told which findings gave way to
// another rule's at the same address (SplitOverlap): a problem whose
// finding gives way from some state on is reported by the other rule
// there, so it is not gone, and neither resolved by that state's stage nor
// planned; it is reported through the last state it is its own rule's.
func AcrossStatesGivingWay(fs, gaveWay []Finding, states []StateResult, transition map[string]bool) []Finding {
	index := make(map[string]int, len(states))
	for i, s := range states {
		index[s.State.Name] = i
	}
	handedOver := make([]map[Identity]bool, len(states)) // by state: the identities whose finding gave way there
	for _, f := range gaveWay {
		if at, ok := index[f.State.Name]; ok && !f.State.IsZero() {
			if handedOver[at] == nil {
				handedOver[at] = map[Identity]bool{}
			}
			handedOver[at][IdentityOf(f)] = true
		}
	}
	byState := make([][]int, len(states))
	var out []Finding
	for i, f := range fs {
		at, ok := index[f.State.Name]
		if f.State.IsZero() || !ok || transition[f.Rule] || !states[at].Checked {
			if !f.State.IsZero() {
				f.States = []string{f.State.Name}
			}
			out = append(out, f)
			continue
		}
		byState[at] = append(byState[at], i)
	}

	// A key is an identity and a number: a rule may report twice at one
	// place, and each is followed on its own. In each state, a finding
	// continues the open run of its identity with the same message, else
	// the first one left (a message may change from a state to the next: a
	// date, a count), else starts a run under the first number free.
	type key struct {
		id Identity
		n  int
	}
	type run struct {
		f      Finding
		key    key
		start  int
		last   int
		states []string
		// changed: it ended because its severity changed, not because a
		// stage resolved it.
		changed  bool
		resolved *State
		// byTime: it starts in a state after the current one, but the
		// state before found it on its last day: time brought it (a
		// support end nearing), not the stage.
		byTime bool
	}
	var runs []*run
	open := map[key]*run{}
	started := map[key]int{}      // runs started, by key
	numbers := map[Identity]int{} // the numbers used so far, by identity
	for si, st := range states {
		if !st.Checked {
			continue
		}
		groups := map[Identity][]int{}
		var ids []Identity
		for _, i := range byState[si] {
			id := IdentityOf(fs[i])
			if _, ok := groups[id]; !ok {
				ids = append(ids, id)
			}
			groups[id] = append(groups[id], i)
		}
		for _, id := range ids {
			idxs := groups[id]
			taken := map[int]bool{} // numbers this state's findings of id hold
			continues := make([]*run, len(idxs))
			pick := func(j int, same bool) {
				for n := 0; n < numbers[id]; n++ {
					if r := open[key{id, n}]; r != nil && !taken[n] && (!same || r.f.Message == fs[idxs[j]].Message) {
						continues[j], taken[n] = r, true
						return
					}
				}
			}
			for j := range idxs {
				pick(j, true)
			}
			for j := range idxs {
				if continues[j] == nil {
					pick(j, false)
				}
			}
			for j, i := range idxs {
				f := fs[i]
				r := continues[j]
				var k key
				if r != nil {
					k = r.key
					if r.f.Severity != f.Severity {
						r.changed = true
						delete(open, k)
						r = nil
					}
				} else {
					n := 0
					for open[key{id, n}] != nil || taken[n] {
						n++
					}
					taken[n] = true
					k = key{id, n}
					numbers[id] = max(numbers[id], n+1)
				}
				if r == nil {
					r = &run{f: f, key: k, start: si, byTime: si > 0 && states[si-1].LastDay[id]}
					open[k] = r
					runs = append(runs, r)
					started[k]++
				}
				r.states = append(r.states, st.State.Name)
				r.last = si
			}
		}
		for k, r := range open {
			if r.last != si {
				if !handedOver[si][k.id] {
					resolver := st.State
					r.resolved = &resolver
				}
				delete(open, k)
			}
		}
	}
	for _, r := range runs {
		f := r.f
		f.States = r.states
		if !r.changed {
			f.ResolvedBy = r.resolved
		}
		f.Planned = (r.start == 0 || r.byTime) && f.ResolvedBy != nil && !f.ResolvedBy.Overdue && started[r.key] == 1 && f.JudgedOn == ""
		out = append(out, f)
	}
	return out
}

// OnLastDay merges into the findings of a state judged on its first day
// (first) the errors of the same state judged on its last day, the day
// before the next stage (last, judged on day): what fails while the state
// lasts, a support date or a certificate's expiry that passes before the
// stage that would end it, is found there. An error found on the last day
// and not on the first, or found there where the first day had a warning
// or an info, is kept with JudgedOn set to day, in place of the first
// day's; every other problem is the first day's, with its message of that
// day. What only nears on the last day (a warning that support ends soon)
// is left to the next state, judged on its own date. Findings of the rules
// in transition (about the step into the state, or about the whole run)
// are the first day's only.
func OnLastDay(first, last []Finding, day string, transition map[string]bool) []Finding {
	at := map[Identity][]int{} // the first day's findings not yet matched, by identity
	for i, f := range first {
		id := IdentityOf(f)
		at[id] = append(at[id], i)
	}
	out := first
	copied := false
	for _, f := range last {
		if f.Severity < Error || transition[f.Rule] || f.State.IsZero() {
			continue
		}
		id := IdentityOf(f)
		if idx := at[id]; len(idx) > 0 {
			at[id] = idx[1:]
			if f.Severity <= first[idx[0]].Severity {
				continue
			}
			if !copied {
				out, copied = slices.Clone(first), true
			}
			f.JudgedOn = day
			out[idx[0]] = f
			continue
		}
		if !copied {
			out, copied = slices.Clone(first), true
		}
		f.JudgedOn = day
		out = append(out, f)
	}
	return out
}

// StateNote says where a plan's finding is and how long it lasts, for every
// output format; "" for a topology without stages:
//
//	planned: resolved by stage retire-2007 on 2027-06
//	current, through stage retire-2013
//	stage introduce-2016, 2027-09, until stage retire-2013 on 2028-01-15
//	current, as of 2027-08-31, until stage replace-dc on 2027-09
//
// The last is a problem found on the state's last day (JudgedOn).
func (f Finding) StateNote() string {
	if f.State.IsZero() {
		return ""
	}
	if f.Planned {
		return "planned: resolved by " + f.ResolvedBy.on()
	}
	note := f.State.Describe()
	if f.JudgedOn != "" {
		note += ", as of " + f.JudgedOn
	}
	switch {
	case f.ResolvedBy != nil:
		note += ", until " + f.ResolvedBy.on()
	case len(f.States) > 1:
		note += ", through " + (State{Name: f.States[len(f.States)-1]}).Describe()
	}
	return note
}

// on names a resolving stage and its date: "stage retire-2007 on 2027-06".
func (s State) on() string {
	on := "stage " + s.Name
	if s.Date != "" {
		on += " on " + s.Date
	}
	if s.Overdue {
		on += " (overdue)"
	}
	return on
}
