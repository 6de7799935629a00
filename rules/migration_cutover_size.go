package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
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
			words.Thousands(cutoverMax), words.Thousands(n), cutoverRecommended, alt))
		return
	}
	msg := fmt.Sprintf("cutover can move up to %s mailboxes, but Microsoft recommends it for %d or fewer, and this one plans %s: "+
		"migration performance suffers above %d; %s", words.Thousands(cutoverMax), cutoverRecommended, words.Thousands(n), cutoverRecommended, alt)
	if n > cutoverMax2012 {
		msg += fmt.Sprintf(" (Microsoft's 2012 guidance capped cutover at %s mailboxes)", words.Thousands(cutoverMax2012))
	}
	p.ReportAs(lint.Warning, m.Mailboxes, msg)
}

// alternativeMethod names what Microsoft's decision table recommends instead
// of cutover for the versions of the migration's sources (the servers that
// may hold mailboxes, migrationSources): IMAP for Exchange 2000 and 5.5, the
// only option there (MS-MIG-PATH: "if your Exchange server is older than
// Exchange 2003, IMAP migration is your only option"); staged for 2003 and
// 2007; hybrid for 2010 and later. With sources of several groups, each
// group's method is named for its mailboxes.
func alternativeMethod(p *lint.Pass) string {
	ss := p.Facts.MigrationSources()
	type group struct {
		present       bool
		method, which string
		alone         string
	}
	groups := []group{
		{len(selectVersions(ss, imapOnlyVersions)) > 0, "an IMAP migration", "Exchange 2000 or 5.5",
			"plan an IMAP migration instead (the source runs Exchange 2000 or 5.5, for which IMAP is Microsoft's only migration path)"},
		{len(selectVersions(ss, stagedVersions)) > 0, "a staged migration", "Exchange 2003/2007",
			"plan a staged migration instead (the source runs Exchange 2003/2007)"},
		{len(selectVersions(ss, minimalHybridVersions)) > 0, "a hybrid migration", "Exchange 2010 or later",
			"plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
	}
	var present []group
	for _, g := range groups {
		if g.present {
			present = append(present, g)
		}
	}
	switch len(present) {
	case 0:
		return "plan a staged migration (Exchange 2003/2007 sources) or a hybrid migration (Exchange 2010 and later) instead"
	case 1:
		return present[0].alone
	}
	var parts []string
	for i, g := range present {
		whose := "for those on "
		if i == 0 {
			whose = "for the mailboxes on "
		}
		parts = append(parts, g.method+" "+whose+g.which)
	}
	return "plan " + words.And(parts) + " instead"
}
