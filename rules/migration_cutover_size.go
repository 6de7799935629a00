package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
)

// Cutover limits (MS-CUTOVER): at most 2,000 mailboxes, and Microsoft
// recommends cutover for 150 or fewer. Microsoft's 2012 guidance capped cutover
// at 1,000 (MS-2012-CUTOVER).
const (
	cutoverMax         = 2000
	cutoverRecommended = 150
	cutoverMax2012     = 1000
)

// migrationCutoverSize reports cutover migrations with more mailboxes than
// cutover supports (error) or than Microsoft recommends for it (warning).
type migrationCutoverSize struct{}

func init() { register(migrationCutoverSize{}) }

func (migrationCutoverSize) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-cutover-size",
		Severity: lint.Error,
		Summary:  "a cutover migration of more than 2,000 mailboxes (warning above 150)",
		Sources:  sources("MS-CUTOVER", "MS-MIG-PATH", "MS-2012-CUTOVER"),
	}
}

func (migrationCutoverSize) Check(p *lint.Pass) {
	m := p.Topology.Migration
	if m == nil || !m.Method.Is("cutover") || m.Mailboxes == nil {
		return
	}
	n := m.Mailboxes.Value
	if n <= cutoverRecommended {
		return
	}
	alt := alternativeMethod(p)
	if n > cutoverMax {
		p.Report(m.Mailboxes, fmt.Sprintf("a cutover migration moves at most %s mailboxes, and this one plans %s "+
			"(Microsoft recommends cutover for %d or fewer): %s",
			thousands(cutoverMax), thousands(n), cutoverRecommended, alt))
		return
	}
	msg := fmt.Sprintf("cutover can move up to %s mailboxes, but Microsoft recommends it for %d or fewer, and this one plans %s: "+
		"migration performance suffers above %d; %s", thousands(cutoverMax), cutoverRecommended, thousands(n), cutoverRecommended, alt)
	if n > cutoverMax2012 {
		msg += fmt.Sprintf(" (Microsoft's 2012 guidance capped cutover at %s mailboxes)", thousands(cutoverMax2012))
	}
	p.ReportAs(lint.Warning, m.Mailboxes, msg)
}

// alternativeMethod names what Microsoft's decision table recommends instead
// of cutover for the on-premises versions present.
func alternativeMethod(p *lint.Pass) string {
	old, recent := false, false
	for _, s := range servers(p) {
		switch s.version.ID {
		case "2003", "2007":
			old = true
		case "2010", "2013", "2016", "2019", "SE":
			recent = true
		}
	}
	switch {
	case old && !recent:
		return "plan a staged migration instead (the source runs Exchange 2003/2007)"
	case recent && !old:
		return "plan a hybrid migration instead (the source runs Exchange 2010 or later)"
	}
	return "plan a staged migration (Exchange 2003/2007 sources) or a hybrid migration (Exchange 2010 and later) instead"
}

// thousands formats 2400 as "2,400".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
