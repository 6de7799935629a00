// Package timeline is exlint plan: the timeline of a plan, state by state
// (its date, the changes of its stage, the Exchange versions and servers it
// holds, the findings exlint check reports in it, and a verdict), and its
// outputs (text, JSON, and a Mermaid Gantt chart of each server's life).
// It reads a decoded plan and the findings of the check (lint/runner), and
// knows no rule.
package timeline

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Options are the run's settings that decide the verdicts.
type Options struct {
	Catalog *catalog.Catalog
	// AsOf is the run's date: the current state is judged on it, and each
	// stage's state on the later of its date and AsOf.
	AsOf catalog.Date
	// FailOn is the lowest severity that fails; FailOnPlanned makes planned
	// findings fail too (exlint check's --fail-on and --fail-on-planned).
	FailOn        lint.Severity
	FailOnPlanned bool
	// MaxListed bounds the findings the timeline lists (0: no bound), as
	// max_findings bounds what exlint check reports: the others are
	// counted, not listed.
	MaxListed int
	// Problems are the structural problems schema.DecodePlan returned with
	// the plan: with any, the rules ran on no state (lint.RulesRun).
	Problems []schema.Problem
}

// Verdict says whether a state, or the plan, passes the check.
type Verdict string

// The verdicts.
const (
	Passes     Verdict = "passes"
	Fails      Verdict = "fails"
	NotChecked Verdict = "not checked"
)

// Timeline is a plan's states in date order, with the verdict of the check.
type Timeline struct {
	Organization string
	AsOf         catalog.Date
	States       []*State
	// Counts are of every finding the check reports.
	Counts  lint.Counts
	Verdict Verdict
	// Unlisted counts the findings left out of the states' lists
	// (Options.MaxListed).
	Unlisted int

	failOn        lint.Severity
	failOnPlanned bool
}

// State is one state of the plan.
type State struct {
	// Name is "current" or the stage's name; Date the stage's date as
	// written ("" for the current state).
	Name, Date  string
	Description string
	// Start is the day the state begins: the stage's date, or the run's
	// date for the current state. JudgedOn is the date its rules judge it
	// on (runner.StateAsOf), and LastDay the other, the day before the next
	// stage (zero for the last state, a state the rules do not run on, or
	// when that day is no later).
	Start, JudgedOn, LastDay catalog.Date
	// Checked is false when the rules did not run on the state: a stage
	// removed a block it still names, or the topology has structural
	// errors (each listed at the stage it is written in, or at the current
	// state). NotCheckedWhy then says which (lint.WhyNotChecked).
	Checked       bool
	NotCheckedWhy string
	Changes       []Change
	Versions      []Versions
	Servers       []Server
	// Findings are those reported at this state: the problems found first
	// here (or, for the current state, also those about the files).
	Findings []lint.Finding
	// Unlisted counts the findings reported here that Findings leaves out
	// (Options.MaxListed).
	Unlisted int
	// Counts are of the findings present in the state: those reported here
	// and those that last into it from an earlier state.
	Counts  lint.Counts
	Verdict Verdict
	// serverAt indexes Servers by their address.
	serverAt map[string]int
}

// Change is an operation of the state's stage.
type Change struct {
	Kind schema.OpKind
	// Block names the block: `server "EX13-01"`; Address is its address.
	Block, Address string
	Type           string
	Labels         []string
	// Attributes are those an add or a change writes, in source order.
	Attributes []string
	Range      hcl.Range
	// Skipped is set when the operation could not apply (plan-structure
	// says why).
	Skipped bool
}

// Versions counts a state's servers of one Exchange version.
type Versions struct {
	Version *catalog.Version
	Servers int
}

// Server is a server of a state, as the chart draws it.
type Server struct {
	Name string
	// Version is nil when the catalogue does not know the server's version.
	Version *catalog.Version
	// Level is its update as written ("CU23", or its build).
	Level    string
	ShutDown bool
	// Counts are of the findings present in the state about the server
	// (its block or one of its attributes).
	Counts lint.Counts
}

// Build makes the timeline of plan from the findings exlint check reports
// for it (runner.CheckFiles: after configuration, suppressions, overlap, and
// across states).
func Build(plan *schema.Plan, findings []lint.Finding, opt Options) *Timeline {
	t := &Timeline{AsOf: opt.AsOf, Counts: lint.Count(findings), failOn: opt.FailOn, failOnPlanned: opt.FailOnPlanned}
	if o := plan.Current.Organization; o != nil {
		t.Organization = o.Name()
	}
	index := map[string]*State{}
	for _, st := range plan.States {
		s := &State{Name: st.Name, NotCheckedWhy: lint.WhyNotChecked(st, opt.Problems), Start: opt.AsOf, JudgedOn: opt.AsOf}
		s.Checked = s.NotCheckedWhy == ""
		if st.Stage != nil {
			s.Start = st.Date
			if st.Date.After(opt.AsOf) {
				s.JudgedOn = st.Date
			}
			if st.Stage.DateAttr != nil {
				s.Date = st.Stage.DateAttr.Value
			}
			if d := st.Stage.Description; d != nil {
				s.Description = d.Value
			}
			for _, op := range st.Stage.Operations {
				c := Change{Kind: op.Kind, Block: op.Target.Describe(), Address: op.Address(), Type: op.Target.Type,
					Labels: op.Target.Labels, Range: op.SourceRange(), Skipped: op.Skipped}
				for _, a := range op.Attributes {
					c.Attributes = append(c.Attributes, a.Name)
				}
				s.Changes = append(s.Changes, c)
			}
		}
		s.Versions, s.Servers = servers(st.Topology, opt.Catalog)
		s.serverAt = make(map[string]int, len(s.Servers))
		for i, sv := range s.Servers {
			s.serverAt[(&schema.Block{Type: "server", Labels: []string{sv.Name}}).Address()] = i
		}
		t.States = append(t.States, s)
		index[s.Name] = s
	}
	// Every state but the last whose rules run is judged on its last day
	// too, the day before the next stage (runner's judgeState).
	for i := 0; i+1 < len(t.States); i++ {
		if last := t.States[i+1].JudgedOn.AddDays(-1); t.States[i].Checked && last.After(t.States[i].JudgedOn) {
			t.States[i].LastDay = last
		}
	}
	current := t.States[0]
	for _, f := range findings {
		at := current
		if !f.State.IsZero() {
			if s := index[f.State.Name]; s != nil {
				at = s
			}
		}
		at.Findings = append(at.Findings, f)
		present := f.States
		if len(present) == 0 {
			present = []string{at.Name}
		}
		counted := false
		for _, name := range present {
			if s := index[name]; s != nil {
				s.Counts.Add(lint.Count([]lint.Finding{f}))
				s.countServer(f)
				counted = true
			}
		}
		if !counted {
			// A stage that is no state (it has no date) has its findings
			// listed, and counted, where they are shown.
			at.Counts.Add(lint.Count([]lint.Finding{f}))
			at.countServer(f)
		}
	}
	listed := 0
	for _, s := range t.States {
		if opt.MaxListed > 0 && listed+len(s.Findings) > opt.MaxListed {
			keep := max(opt.MaxListed-listed, 0)
			s.Unlisted = len(s.Findings) - keep
			t.Unlisted += s.Unlisted
			s.Findings = s.Findings[:keep:keep]
		}
		listed += len(s.Findings)
	}
	for _, s := range t.States {
		// A state the rules did not run on may still have findings that
		// fail (plan-structure's, about its stage): those decide.
		switch {
		case s.Counts.Fail(opt.FailOn, opt.FailOnPlanned):
			s.Verdict = Fails
		case !s.Checked:
			s.Verdict = NotChecked
		default:
			s.Verdict = Passes
		}
	}
	t.Verdict = Passes
	if t.Counts.Fail(opt.FailOn, opt.FailOnPlanned) {
		t.Verdict = Fails
	}
	return t
}

// servers counts a state's servers by version, oldest version first, and
// lists them in source order.
func servers(top *schema.Topology, cat *catalog.Catalog) ([]Versions, []Server) {
	byVersion := map[*catalog.Version]int{}
	var out []Server
	for _, s := range top.Servers {
		sv := Server{Name: s.Name(), ShutDown: s.ShutDown.IsTrue()}
		if id, ok := s.Version.Get(); ok {
			sv.Version = cat.Version(id)
		}
		if u, ok := s.Update.Get(); ok {
			sv.Level = u
		} else if b, ok := s.Build.Get(); ok {
			sv.Level = b
		}
		if sv.Version != nil {
			byVersion[sv.Version]++
		}
		out = append(out, sv)
	}
	var vs []Versions
	for _, v := range cat.Versions() {
		if n := byVersion[v]; n > 0 {
			vs = append(vs, Versions{Version: v, Servers: n})
		}
	}
	return vs, out
}

// countServer counts a finding present in the state for the server it is
// about: its address is the server's, or one of its attributes'
// ("server.EX01.update", `server.EX01.roles["mailbox"]`).
func (s *State) countServer(f lint.Finding) {
	addr := f.Address
	if !strings.HasPrefix(addr, "server.") {
		return
	}
	for {
		if i, ok := s.serverAt[addr]; ok {
			s.Servers[i].Counts.Add(lint.Count([]lint.Finding{f}))
			return
		}
		cut := strings.LastIndexAny(addr, ".[")
		if cut <= len("server") {
			return
		}
		addr = addr[:cut]
	}
}
