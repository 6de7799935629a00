package runner

import "github.com/exlint/exlint/lint"

// ruleFunc is a rule made of a function, for tests.
type ruleFunc struct {
	info  lint.RuleInfo
	check func(*lint.Pass)
}

func (r ruleFunc) Info() lint.RuleInfo { return r.info }
func (r ruleFunc) Check(p *lint.Pass)  { r.check(p) }

// testRules are the rules a test configuration may name.
var testRules = []lint.RuleInfo{
	{ID: "exchange-end-of-support", Severity: lint.Error},
	{ID: "migration-cutover-size", Severity: lint.Error},
	{ID: "syntax", Severity: lint.Error, Structural: true},
	{ID: lint.SuppressionRule, Severity: lint.Warning},
}
