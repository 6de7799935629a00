package rules

import (
	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// planStructure reports a plan's own mistakes, which schema finds while it
// builds the states (schema.Plan.Problems): a stage without a date, two
// stages on one date, a stage or a change that changes nothing, an
// operation on a block the state lacks or already has, a removal that
// leaves a reference dangling, more stages than exlint builds. It is a rule
// rather than a structural problem so that it can be configured and
// suppressed: the other states are still checked.
type planStructure struct{}

func init() { register(planStructure{}) }

func (planStructure) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "plan-structure",
		Severity: lint.Error,
		Summary:  "a plan's own mistakes: a stage without a date or on another's date, a stage that changes nothing, a change to a block the state lacks, a removal that leaves a reference",
		// Each problem belongs to its stage alone.
		Transition: true,
	}
}

// Check reports every problem of the plan once, from the current state, in
// the stage it belongs to: a stage whose state is not built (no date) or
// not checked (a dangling reference) has no pass of its own.
func (planStructure) Check(p *lint.Pass) {
	if p.Plan == nil || p.Stage != nil {
		return
	}
	dates := map[string]string{}
	for _, st := range p.Plan.Stages {
		dates[st.Name()] = st.DateAttr.Value
	}
	for _, pp := range p.Plan.Problems {
		var related []lint.Related
		for _, r := range pp.Related {
			related = append(related, lint.Related{Range: r.Range, Message: r.Message})
		}
		p.ReportIn(lint.State{Name: pp.State, Date: dates[pp.State]}, planStructure{}.Info().Severity, planProblem{pp}, pp.Message, related...)
	}
}

// planProblem is where a plan problem points.
type planProblem struct{ schema.PlanProblem }

func (p planProblem) SourceRange() hcl.Range { return p.Range }
func (p planProblem) Address() string        { return p.PlanProblem.Address }
