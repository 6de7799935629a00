package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
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
	switch {
	case m == nil:
	case m.Method == nil:
		p.Unknown(&m.Block, "method")
	case m.Method.Is("cutover") && m.Mailboxes == nil:
		p.Unknown(&m.Block, "mailboxes")
	}
	if m == nil || !m.Method.Is("cutover") || m.Mailboxes == nil {
		return
	}
	n := m.Mailboxes.Value
	cutoverMax, cutoverRecommended := p.Catalog.Count(cutoverMax), p.Catalog.Count(cutoverRecommended)
	if n <= cutoverRecommended {
		return
	}
	if n > cutoverMax {
		p.Report(m.Mailboxes, fmt.Sprintf("a cutover migration moves at most %s mailboxes, and this one plans %s: %s",
			words.Thousands(cutoverMax), words.Thousands(n), alternativeMethod(p, false)))
		return
	}
	alt := alternativeMethod(p, true)
	// Why (performance) and Microsoft's 2012 cap are the rule page's.
	p.ReportAs(lint.Warning, m.Mailboxes, fmt.Sprintf("this cutover plans %s mailboxes, above the %d Microsoft recommends it for: %s",
		words.Thousands(n), cutoverRecommended, alt))
}
