package lint

import (
	"fmt"
	"runtime/debug"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Source is a document a rule rests on.
type Source struct {
	Title string
	URL   string
}

// RuleInfo describes a rule: the contract users rely on (ID, default
// severity) and what documents it.
type RuleInfo struct {
	ID       string
	Severity Severity // the default severity
	Summary  string   // one line, for `exlint rules`
	Sources  []Source
	// Structural rules report problems found while reading the topology
	// (syntax, schema, duplicate, reference); they are always errors and
	// cannot be suppressed.
	Structural bool
	// Yields names the rules whose finding at the same address makes this
	// rule's finding there redundant: that finding is dropped when, after
	// configuration and suppressions, one of theirs remains (ResolveOverlap).
	Yields []string
	// Transition marks a rule that judges the step into a state of a plan
	// (its stage's operations, the states before it) rather than the state
	// itself: each of its findings belongs to the state it is reported in
	// alone, and is neither followed into later states nor planned
	// (AcrossStates). plan-structure and the plan-* rules are transitions.
	Transition bool
	// OfTheRun marks a rule that judges the run rather than a state (the
	// age of exlint's catalogue on the run's date): it reports in the
	// current state only, and like a transition's, its findings are neither
	// followed into later states nor planned.
	OfTheRun bool
}

// DocPath is the rule's documentation page, relative to the repository root.
func (r RuleInfo) DocPath() string { return "docs/rules/" + r.ID + ".md" }

// DocURL is where users read the rule's page.
func (r RuleInfo) DocURL() string { return DocsBaseURL + r.ID + ".md" }

// DocsBaseURL is the published location of docs/rules/.
const DocsBaseURL = "https://github.com/exlint/exlint/blob/main/docs/rules/"

// Rule checks a topology. A rule reads the typed model and the catalogue and
// reports findings; it never parses, prints or reads the clock.
type Rule interface {
	Info() RuleInfo
	Check(p *Pass)
}

// Pass is what a rule sees of one check: the topology, the catalogue and
// the evaluation date, the facts derived from them, and a way to report. Of a
// plan, each state is one check: the fields after Facts say which, and what
// came before it.
type Pass struct {
	Topology *schema.Topology
	Catalog  *catalog.Catalog
	// AsOf is the date the topology is evaluated on (--as-of, default today;
	// for a stage's state, the stage's date when it is later).
	AsOf catalog.Date
	// Facts are what the rules share about the topology (each server's
	// release, the hybrid path...), computed once per topology on first use.
	Facts *facts.Topology

	// Plan is the plan the state belongs to: its stages, its states in date
	// order (those before this one included) and its structural problems.
	// Nil for a topology without stages.
	Plan *schema.Plan
	// State is the state checked: "current" or the name of the stage that
	// led to it, with the stage's date. Zero for a topology without stages.
	State State
	// Previous is the state before this one; Stage is the stage that led
	// from it to this state, with its date and its operations in the order
	// they apply. Both are nil for the current state and for a topology
	// without stages.
	Previous *schema.Topology
	Stage    *schema.Stage

	info RuleInfo
	out  *[]Finding
	// unknowns collects what the rules could not judge (Unknown); nil when
	// the check does not ask.
	unknowns *[]Unknown
}

// Report records a finding at the rule's default severity.
func (p *Pass) Report(at schema.Node, msg string, related ...Related) {
	p.ReportAs(p.info.Severity, at, msg, related...)
}

// Reportf is Report with a format string.
func (p *Pass) Reportf(at schema.Node, format string, args ...any) {
	p.ReportAs(p.info.Severity, at, fmt.Sprintf(format, args...))
}

// ReportAs records a finding at a given severity, for rules whose verdict
// is weaker in some cases (a warning where sources conflict).
func (p *Pass) ReportAs(sev Severity, at schema.Node, msg string, related ...Related) {
	p.ReportIn(p.State, sev, at, msg, related...)
}

// ReportIn records a finding that belongs to another state of the plan
// than the one checked: plan-structure, which runs on the current state,
// reports each stage's problems in that stage, those of stages whose state
// is not built or not checked included.
func (p *Pass) ReportIn(state State, sev Severity, at schema.Node, msg string, related ...Related) {
	f := Finding{
		Rule:     p.info.ID,
		Severity: sev,
		Message:  msg,
		Range:    at.SourceRange(),
		Address:  at.Address(),
		Related:  related,
		State:    state,
	}
	if item, ok := at.(interface{ PositionAddress() string }); ok {
		f.PositionAddress = item.PositionAddress()
	}
	*p.out = append(*p.out, f)
}

// StructuralRules describe the findings schema reports, one per problem kind.
func StructuralRules() []RuleInfo {
	summaries := map[schema.Kind]string{
		schema.KindSyntax:    "a file that is not valid HCL or JSON, or that exceeds exlint's size and nesting limits",
		schema.KindSchema:    "an unknown block or attribute, a wrong type, a keyword outside its list, a non-literal value, or a missing required attribute",
		schema.KindDuplicate: "two blocks with the same type and name",
		schema.KindReference: "a name that matches no block of the topology",
	}
	var out []RuleInfo
	for _, k := range schema.Kinds {
		out = append(out, RuleInfo{ID: string(k), Severity: Error, Summary: summaries[k], Structural: true})
	}
	return out
}

// SuppressionRule is the rule ID of findings about suppressions themselves.
const SuppressionRule = "suppression"

// MetaRules describe the findings lint makes about the check itself rather
// than the topology: the suppression rule.
func MetaRules() []RuleInfo {
	return []RuleInfo{{
		ID:       SuppressionRule,
		Severity: Warning,
		Summary:  "an inline suppression without a reason, that suppresses nothing, that names an unknown rule or one that cannot be suppressed, or that is misplaced",
	}}
}

// InternalError is a defect in exlint itself, caught while checking a
// topology: the run stops and the user is told which topology triggered it.
type InternalError struct {
	Dir   string
	File  string // the file being read, when the panic happened reading one
	Rule  string // the rule running, when known
	Value any
	Stack []byte
}

func (e *InternalError) Error() string {
	where := "checking " + e.Dir
	switch {
	case e.File != "":
		where = "reading " + e.File
	case e.Rule != "":
		where += " (rule " + e.Rule + ")"
	}
	return fmt.Sprintf("internal error while %s: %v", where, e.Value)
}

// Check runs rules over one decoded topology. Structural problems become
// findings; when there are any, the rules do not run (a partly read topology
// would give wrong verdicts), and rulesRun is false.
func Check(top *schema.Topology, probs []schema.Problem, rules []Rule, cat *catalog.Catalog, asOf catalog.Date) (fs []Finding, rulesRun bool, err error) {
	return CheckState(nil, &schema.State{Topology: top}, probs, rules, cat, asOf)
}

// CheckState runs rules over one state of a plan as Check runs them over a
// topology: each rule's Pass carries the plan, the state, the state before
// it and the stage between them, and each finding its state. asOf is the
// date the state is judged on. With a nil plan it is Check.
func CheckState(plan *schema.Plan, state *schema.State, probs []schema.Problem, rules []Rule, cat *catalog.Catalog, asOf catalog.Date) (fs []Finding, rulesRun bool, err error) {
	return checkState(plan, state, probs, rules, cat, asOf, nil)
}

// CheckStateCoverage is CheckState that also returns what the rules could
// not judge for lack of an attribute (Pass.Unknown), sorted, each rule and
// attribute once. The findings are CheckState's.
func CheckStateCoverage(plan *schema.Plan, state *schema.State, probs []schema.Problem, rules []Rule, cat *catalog.Catalog, asOf catalog.Date) (fs []Finding, us []Unknown, rulesRun bool, err error) {
	us = []Unknown{}
	fs, rulesRun, err = checkState(plan, state, probs, rules, cat, asOf, &us)
	if err != nil {
		return nil, nil, false, err
	}
	SortUnknowns(us)
	return fs, DedupeUnknowns(us), rulesRun, nil
}

func checkState(plan *schema.Plan, state *schema.State, probs []schema.Problem, rules []Rule, cat *catalog.Catalog, asOf catalog.Date, unknowns *[]Unknown) (fs []Finding, rulesRun bool, err error) {
	top := state.Topology
	var st State
	if plan != nil {
		st = StateOf(state)
	}
	var prev *schema.Topology
	if state.Previous != nil {
		prev = state.Previous.Topology
	}
	for _, p := range probs {
		f := Finding{Rule: string(p.Kind), Severity: Error, Message: p.Message, Range: p.Range, Address: p.Address}
		if p.Stage != "" {
			// Written in a stage: the problem is that stage's, wherever
			// it is found.
			f.State = State{Name: p.Stage, Date: p.StageDate}
		}
		for _, r := range p.Related {
			f.Related = append(f.Related, Related{Range: r.Range, Message: r.Message})
		}
		fs = append(fs, f)
	}
	if len(probs) == 0 {
		current := ""
		defer func() {
			if v := recover(); v != nil {
				err = &InternalError{Dir: top.Dir, Rule: current, Value: v, Stack: debug.Stack()}
			}
		}()
		derived := facts.New(top, cat)
		for _, r := range rules {
			info := r.Info()
			current = info.ID
			r.Check(&Pass{Topology: top, Catalog: cat, AsOf: asOf, Facts: derived, Plan: plan, State: st, Previous: prev, Stage: state.Stage,
				info: info, out: &fs, unknowns: unknowns})
		}
		rulesRun = true
	}
	SortFindings(fs)
	return Dedupe(fs), rulesRun, nil
}
