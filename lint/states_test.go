package lint

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// A plan of four states for the classification tests: current, then three
// stages; "s2" may be left unchecked.
var (
	stCurrent = State{Name: CurrentState}
	stS1      = State{Name: "s1", Date: "2027-02"}
	stS2      = State{Name: "s2", Date: "2027-06"}
	stS3      = State{Name: "s3", Date: "2028-01-15"}
)

// at makes a finding of rule r in a state, at a line of t.exchange.hcl.
func at(r string, st State, line int, sev Severity) Finding {
	return Finding{Rule: r, Severity: sev, Message: r + " in " + st.Name, Address: "server.X." + r, State: st,
		Range: hcl.Range{Filename: "t.exchange.hcl", Start: hcl.Pos{Line: line, Column: 3}, End: hcl.Pos{Line: line, Column: 9}}}
}

// describe renders a reported finding: rule, line, state, states, what
// resolves it and whether it is planned.
func describe(f Finding) string {
	s := fmt.Sprintf("%s:%d %s %s @%s [%s]", f.Rule, f.Range.Start.Line, f.Severity, f.Message, f.State.Name, strings.Join(f.States, " "))
	if f.ResolvedBy != nil {
		s += " until " + f.ResolvedBy.Name
	}
	if f.Planned {
		s += " planned"
	}
	return s
}

func TestAcrossStates(t *testing.T) {
	all := []StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}, {State: stS2, Checked: true}, {State: stS3, Checked: true}}
	s2unchecked := []StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}, {State: stS2, Checked: false}, {State: stS3, Checked: true}}
	e := Error
	for _, tc := range []struct {
		name   string
		states []StateResult
		in     []Finding
		want   []string
	}{
		{"persisting from the current state to the end", all,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 5, e), at("a", stS2, 5, e), at("a", stS3, 5, e)},
			[]string{"a:5 error a in current @current [current s1 s2 s3]"}},
		{"planned: gone from s2 on", all,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 5, e)},
			[]string{"a:5 error a in current @current [current s1] until s2 planned"}},
		{"planned by the first stage", all,
			[]Finding{at("a", stCurrent, 5, e)},
			[]string{"a:5 error a in current @current [current] until s1 planned"}},
		{"introduced by s1, to the end", all,
			[]Finding{at("a", stS1, 40, e), at("a", stS2, 40, e), at("a", stS3, 40, e)},
			[]string{"a:40 error a in s1 @s1 [s1 s2 s3]"}},
		{"introduced by s1 and resolved by s3: reported, not planned", all,
			[]Finding{at("a", stS1, 40, e), at("a", stS2, 40, e)},
			[]string{"a:40 error a in s1 @s1 [s1 s2] until s3"}},
		{"resolved by s1, reintroduced by s3: neither planned", all,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS3, 5, e)},
			[]string{"a:5 error a in current @current [current] until s1", "a:5 error a in s3 @s3 [s3]"}},
		{"another place is another problem", all,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 41, e), at("a", stS2, 41, e), at("a", stS3, 41, e)},
			[]string{"a:5 error a in current @current [current] until s1 planned", "a:41 error a in s1 @s1 [s1 s2 s3]"}},
		{"another rule is another problem", all,
			[]Finding{at("a", stCurrent, 5, e), at("b", stS1, 5, e), at("b", stS2, 5, e), at("b", stS3, 5, e)},
			[]string{"a:5 error a in current @current [current] until s1 planned", "b:5 error b in s1 @s1 [s1 s2 s3]"}},
		{"an unchecked state neither ends nor is listed", s2unchecked,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 5, e), at("a", stS3, 5, e)},
			[]string{"a:5 error a in current @current [current s1 s3]"}},
		{"a finding of an unchecked state (a structural error in its stage) is reported there", s2unchecked,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 5, e), at("schema", stS2, 60, e), at("a", stS3, 5, e)},
			[]string{"schema:60 error schema in s2 @s2 [s2]", "a:5 error a in current @current [current s1 s3]"}},
		{"gone after an unchecked state: resolved by the next checked one", s2unchecked,
			[]Finding{at("a", stCurrent, 5, e), at("a", stS1, 5, e)},
			[]string{"a:5 error a in current @current [current s1] until s3 planned"}},
		{"a severity that changes is reported again", all,
			[]Finding{at("a", stCurrent, 5, Warning), at("a", stS1, 5, Warning), at("a", stS2, 5, e)},
			[]string{"a:5 warning a in current @current [current s1]", "a:5 error a in s2 @s2 [s2] until s3"}},
		{"two findings at one place are followed one by one", all,
			[]Finding{at("a", stCurrent, 5, e), at("a", stCurrent, 5, e), at("a", stS1, 5, e), at("a", stS2, 5, e), at("a", stS3, 5, e)},
			[]string{"a:5 error a in current @current [current s1 s2 s3]", "a:5 error a in current @current [current] until s1 planned"}},
		{"a transition's finding stays in its state", all,
			[]Finding{at("t", stS1, 40, e)},
			[]string{"t:40 error t in s1 @s1 [s1]"}},
		{"findings without a state pass through", all,
			[]Finding{{Rule: "syntax", Severity: e, Message: "bad"}, at("a", stCurrent, 5, e)},
			[]string{"syntax:0 error bad @ []", "a:5 error a in current @current [current] until s1 planned"}},
		{"a state the plan does not build (an undated stage) passes through", all,
			[]Finding{at("a", State{Name: "undated"}, 50, e)},
			[]string{"a:50 error a in undated @undated [undated]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := AcrossStates(tc.in, tc.states, map[string]bool{"t": true})
			var lines []string
			for _, f := range got {
				lines = append(lines, describe(f))
			}
			if !reflect.DeepEqual(lines, tc.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// The message of a persisting problem is its first state's (it may count
// days from each state's date); identity ignores it.
func TestAcrossStatesKeepsTheFirstMessage(t *testing.T) {
	a, b := at("a", stCurrent, 5, Error), at("a", stS1, 5, Error)
	b.Message = "another date"
	got := AcrossStates([]Finding{a, b}, []StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}}, nil)
	if len(got) != 1 || got[0].Message != a.Message || len(got[0].States) != 2 {
		t.Errorf("got %+v", got)
	}
}

func TestStateNote(t *testing.T) {
	s2 := stS2
	s3 := stS3
	for _, tc := range []struct {
		f    Finding
		want string
	}{
		{Finding{}, ""},
		{Finding{State: stCurrent, States: []string{"current"}}, "current"},
		{Finding{State: stCurrent, States: []string{"current", "s1"}, ResolvedBy: &s2, Planned: true}, "planned: resolved by stage s2 on 2027-06"},
		{Finding{State: stCurrent, States: []string{"current", "s1", "s2", "s3"}}, "current, through stage s3"},
		{Finding{State: stCurrent, States: []string{"current"}, ResolvedBy: &s2}, "current, until stage s2 on 2027-06"},
		{Finding{State: stS1, States: []string{"s1"}}, "stage s1, 2027-02"},
		{Finding{State: stS1, States: []string{"s1", "s2"}, ResolvedBy: &s3}, "stage s1, 2027-02, until stage s3 on 2028-01-15"},
		{Finding{State: State{Name: "undated"}}, "stage undated"},
		{Finding{State: stCurrent, States: []string{"current"}, ResolvedBy: &s2, JudgedOn: "2027-05-31"}, "current, as of 2027-05-31, until stage s2 on 2027-06"},
	} {
		if got := tc.f.StateNote(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestCountsPlanned(t *testing.T) {
	planned := Finding{Severity: Error, Planned: true}
	c := Count([]Finding{planned, {Severity: Error}, {Severity: Warning, Planned: true}, {Severity: Info}})
	if got, want := c.Summary(), "2 errors (1 planned), 1 warning (1 planned), 1 info"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	if got := Count([]Finding{{Severity: Error}}).Summary(); got != "1 error, 0 warnings, 0 info" {
		t.Errorf("summary without plans changed: %q", got)
	}
	for _, tc := range []struct {
		fs          []Finding
		failOn      Severity
		withPlanned bool
		want        bool
	}{
		{[]Finding{planned}, Error, false, false},
		{[]Finding{planned}, Error, true, true},
		{[]Finding{planned, {Severity: Warning}}, Error, false, false},
		{[]Finding{planned, {Severity: Warning}}, Warning, false, true},
		{[]Finding{{Severity: Info, Planned: true}}, Info, false, false},
		{[]Finding{{Severity: Info}}, Warning, true, false},
	} {
		if got := Count(tc.fs).Fail(tc.failOn, tc.withPlanned); got != tc.want {
			t.Errorf("%+v on %s (planned %v): fail %v, want %v", tc.fs, tc.failOn, tc.withPlanned, got, tc.want)
		}
	}
	var sum Counts
	sum.Add(c)
	sum.Add(c)
	if sum.Total() != 8 || sum.Planned() != 4 {
		t.Errorf("sum %+v", sum)
	}
}

// Overlap is resolved within a state: a finding gives way only to one of
// the same state.
func TestResolveOverlapByState(t *testing.T) {
	yields := map[string][]string{"weak": {"strong"}}
	weak := Finding{Rule: "weak", Address: "server.X", State: stCurrent}
	strong := Finding{Rule: "strong", Address: "server.X", State: stS1}
	got := ResolveOverlap([]Finding{weak, strong}, yields)
	if len(got) != 2 {
		t.Errorf("a finding gave way to another state's: %+v", got)
	}
	strong.State = stCurrent
	if got := ResolveOverlap([]Finding{weak, strong}, yields); len(got) != 1 || got[0].Rule != "strong" {
		t.Errorf("same state: %+v", got)
	}
}

// Two findings alike but for their state are both kept.
func TestDedupeKeepsStates(t *testing.T) {
	a := at("a", stCurrent, 5, Error)
	b := a
	b.State = stS3
	if got := Dedupe([]Finding{a, b, b}); len(got) != 2 {
		t.Errorf("got %d findings, want 2", len(got))
	}
}

// CheckState gives each rule the plan, the state, the state before it and
// the stage, judges it on the date given, and marks its findings with the
// state; the current state has no previous state and no stage.
func TestCheckState(t *testing.T) {
	src := `organization "O" {}
server "A" {
  version = "SE"
  update  = "RTM"
}
stage "s1" {
  date = "2027-06"
  add "server" "B" {
    version = "SE"
    update  = "RTM"
  }
}
`
	plan, probs := schema.DecodePlan(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 || len(plan.States) != 2 {
		t.Fatalf("%d states, problems %v", len(plan.States), probs)
	}
	var seen []string
	r := ruleFunc{RuleInfo{ID: "r", Severity: Warning}, func(p *Pass) {
		prev, stage := "-", "-"
		if p.Previous != nil {
			prev = fmt.Sprint(len(p.Previous.Servers))
		}
		if p.Stage != nil {
			stage = string(p.Stage.Operations[0].Kind)
		}
		seen = append(seen, fmt.Sprintf("%s %s servers=%d previous=%s stage=%s plan=%v as-of=%s",
			p.State.Name, p.State.Date, len(p.Topology.Servers), prev, stage, p.Plan == plan, p.AsOf))
		p.Report(p.Topology.Organization, "seen")
	}}
	for _, st := range plan.States {
		asOf := catalog.MustDate("2026-11-21")
		if st.Stage != nil {
			asOf = st.Date
		}
		fs, ran, err := CheckState(plan, st, nil, []Rule{r}, catalog.Default(), asOf)
		if err != nil || !ran || len(fs) != 1 || fs[0].State != StateOf(st) {
			t.Fatalf("%s: %v %v %+v", st.Name, err, ran, fs)
		}
	}
	want := []string{"current  servers=1 previous=- stage=- plan=true as-of=2026-11-21", "s1 2027-06 servers=2 previous=1 stage=add plan=true as-of=2027-06-01"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("passes:\n%s\nwant\n%s", strings.Join(seen, "\n"), strings.Join(want, "\n"))
	}
	// Check is CheckState without a plan: no state on the pass or the findings.
	seen = nil
	fs, _, _ := Check(plan.Current, nil, []Rule{r}, catalog.Default(), catalog.MustDate("2026-11-21"))
	if len(fs) != 1 || !fs[0].State.IsZero() || seen[0] != "  servers=1 previous=- stage=- plan=false as-of=2026-11-21" {
		t.Errorf("Check: %+v %v", fs, seen)
	}
}

// Two findings of a rule at one place, with different messages: when the
// first goes, the second continues its own run, not the first's.
func TestAcrossStatesPairsByMessage(t *testing.T) {
	mk := func(st State, msg string) Finding {
		f := at("a", st, 5, Error)
		f.Message = msg
		return f
	}
	got := AcrossStates([]Finding{mk(stCurrent, "issuer differs"), mk(stCurrent, "self-signed"), mk(stS1, "self-signed")},
		[]StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}}, nil)
	var lines []string
	for _, f := range got {
		lines = append(lines, describe(f))
	}
	want := []string{"a:5 error issuer differs @current [current] until s1 planned", "a:5 error self-signed @current [current s1]"}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(lines, "\n  "), strings.Join(want, "\n  "))
	}
}

// A state judged on its last day adds what fails by then: a new error, or
// an error where the first day had a warning (in its place); the rest is
// the first day's. Warnings and infos of the last day, and the findings of
// the transition rules, are left out.
func TestOnLastDay(t *testing.T) {
	first := []Finding{at("ends", stCurrent, 5, Warning), at("same", stCurrent, 6, Error), at("soon", stCurrent, 7, Info)}
	later := func(f Finding, msg string) Finding { f.Message = msg; return f }
	last := []Finding{
		later(at("ends", stCurrent, 5, Error), "ended"),
		later(at("same", stCurrent, 6, Error), "same, a later day"),
		at("expired", stCurrent, 8, Error),
		at("nears", stCurrent, 9, Warning),
		at("step", stCurrent, 10, Error),
	}
	got := OnLastDay(first, last, "2027-01-31", map[string]bool{"step": true})
	var lines []string
	for _, f := range got {
		lines = append(lines, fmt.Sprintf("%s %s %q %s", f.Rule, f.Severity, f.Message, f.JudgedOn))
	}
	want := []string{
		`ends error "ended" 2027-01-31`,
		`same error "same in current" `,
		`soon info "soon in current" `,
		`expired error "expired in current" 2027-01-31`,
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if first[0].Severity != Warning || len(first) != 3 {
		t.Errorf("the first day's findings were changed: %+v", first)
	}
	// An error found by the last day is not planned, though a stage
	// resolves it: the plan lets it happen.
	fs := AcrossStates(got, []StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}}, nil)
	for _, f := range fs {
		if f.Planned == (f.JudgedOn != "") {
			t.Errorf("%s: planned %v, judged on %q", f.Rule, f.Planned, f.JudgedOn)
		}
	}
}

// A problem whose finding gives way to another rule's from a stage on is
// not gone there: neither resolved by that stage nor planned.
func TestAcrossStatesGivingWay(t *testing.T) {
	states := []StateResult{{State: stCurrent, Checked: true}, {State: stS1, Checked: true}, {State: stS2, Checked: true}}
	cur, s1 := at("a", stCurrent, 5, Error), at("a", stS1, 5, Error)
	yielded := at("a", stS2, 5, Error)
	got := AcrossStatesGivingWay([]Finding{cur, s1}, []Finding{yielded}, states, nil)
	if len(got) != 1 || describe(got[0]) != "a:5 error a in current @current [current s1]" {
		t.Errorf("handed over: %+v", got)
	}
	// Without the finding that gave way, the same two are planned.
	got = AcrossStates([]Finding{cur, s1}, states, nil)
	if len(got) != 1 || describe(got[0]) != "a:5 error a in current @current [current s1] until s2 planned" {
		t.Errorf("resolved: %+v", got)
	}
}

// SplitOverlap returns what ResolveOverlap keeps, and what it drops.
func TestSplitOverlap(t *testing.T) {
	a, b := at("a", stCurrent, 5, Error), at("b", stCurrent, 5, Error)
	b.Address = a.Address
	kept, gave := SplitOverlap([]Finding{a, b}, map[string][]string{"a": {"b"}})
	if len(kept) != 1 || kept[0].Rule != "b" || len(gave) != 1 || gave[0].Rule != "a" {
		t.Errorf("kept %+v, gave way %+v", kept, gave)
	}
}

// A problem that a state after the current one brings, but that the state
// before found on its last day already, came with time, not with the
// stage: a later stage that resolves it for good makes it planned. One the
// state before did not find is the stage's, and is not.
func TestAcrossStatesBroughtByTime(t *testing.T) {
	w := at("soon", stS1, 5, Warning)
	id := IdentityOf(w)
	for _, tc := range []struct {
		name    string
		lastDay map[Identity]bool
		planned bool
	}{
		{"found on the current state's last day", map[Identity]bool{id: true}, true},
		{"not found then", nil, false},
	} {
		states := []StateResult{{State: stCurrent, Checked: true, LastDay: tc.lastDay}, {State: stS1, Checked: true}, {State: stS2, Checked: true}}
		got := AcrossStates([]Finding{w}, states, nil)
		if len(got) != 1 || got[0].Planned != tc.planned || got[0].ResolvedBy == nil {
			t.Errorf("%s: %+v", tc.name, got)
		}
	}
}

// A stage dated before the run's date has not happened (the topology is
// today's): the problem it would resolve is not planned, and the note says
// the stage is overdue.
func TestAcrossStatesOverdueStage(t *testing.T) {
	late := State{Name: "s1", Date: "2025-09", Overdue: true}
	f := at("a", stCurrent, 5, Error)
	got := AcrossStates([]Finding{f}, []StateResult{{State: stCurrent, Checked: true}, {State: late, Checked: true}}, nil)
	if len(got) != 1 || got[0].Planned || got[0].ResolvedBy == nil || !got[0].ResolvedBy.Overdue {
		t.Fatalf("%+v", got)
	}
	if note, want := got[0].StateNote(), "current, until stage s1 on 2025-09 (overdue)"; note != want {
		t.Errorf("note %q, want %q", note, want)
	}
}
