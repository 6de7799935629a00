package rules

import (
	"fmt"
	"slices"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// migrationSourceVersion reports a cutover or staged migration from a source
// version that method cannot migrate. Minimal hybrid (express) without an
// Exchange 2010 or later server is migration-minimal-hybrid's; hybrid from
// Exchange 2003 or 2007 through a hybrid server is hybrid-server-version's.
type migrationSourceVersion struct{}

func init() { register(migrationSourceVersion{}) }

func (migrationSourceVersion) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-source-version",
		Severity: lint.Error,
		Summary:  "a cutover or staged migration from a version it cannot migrate (Exchange 2000 or older; staged from Exchange 2010 or later)",
		Sources:  sources("MS-MIG-PATH", "MS-CUTOVER-STEPS", "MS-STAGED", "MS-STAGED-STEPS", "MS-2012-CUTOVER"),
	}
}

// sourceMethods are the methods this rule checks. The source versions each
// cannot migrate, with Microsoft's reason (the row's note), are the
// catalogue's migration-source rows that refuse them: cutover needs
// "Microsoft Exchange Server 2003 or later" (MS-CUTOVER-STEPS; MS-MIG-PATH:
// from Exchange 2000 or earlier, "you will have to use IMAP migration");
// staged moves mailboxes "from an Exchange 2003 or Exchange 2007"
// organization only (MS-STAGED-STEPS, MS-STAGED, MS-2012-CUTOVER,
// MS-MIG-PATH).
var sourceMethods = []string{"cutover", "staged"}

func (migrationSourceVersion) Check(p *lint.Pass) {
	m := p.Topology.Migration
	method := p.Facts.MigrationMethod()
	if m != nil && m.Method == nil {
		p.Unknown(&m.Block, "method")
	}
	if !slices.Contains(sourceMethods, method) {
		return
	}
	order, groups := facts.ByVersion(p.Facts.MigrationSources())
	type refusal struct {
		v   *catalog.Version
		why string
	}
	var refused []refusal
	for _, v := range order {
		if r := migrationRow(p.Catalog, v, method); r != nil && r.Verdict == catalog.Unsupported {
			refused = append(refused, refusal{v, r.Note})
		}
	}
	// Where the method can move the mailboxes of some sources, what is wrong
	// is the servers it cannot move: each finding points at the first of
	// them. Where it can move none, the method is wrong.
	partial := len(refused) < len(order)
	for _, r := range refused {
		ss := groups[r.v]
		msg := fmt.Sprintf("%s cannot move the mailboxes of %s (%s): %s; %s",
			methodPhrase(method), r.v.Name, names(ss), r.why, sourceVersionFix(p, r.v))
		if partial {
			p.Report(ss[0].VersionNode(), msg, related(m.Method, "the migration method"))
			continue
		}
		p.Report(m.Method, msg, relatedVersion(ss[0]))
	}
}

// sourceVersionFix names what to plan instead for a source version, with
// Microsoft's migration-path table and the planned number of mailboxes;
// hybrid and express only when a version in support can be the hybrid
// server (hybridOutOfReach), else cutover within its limits or a
// third-party migration, saying why.
func sourceVersionFix(p *lint.Pass, v *catalog.Version) string {
	if imapOnly(p.Catalog, v) {
		return "move them with an IMAP migration (it copies email only)"
	}
	m := p.Topology.Migration
	small, max := p.Catalog.Count(cutoverRecommended), p.Catalog.Count(cutoverMax)
	if why := hybridOutOfReach(p); why != "" {
		switch {
		case m.Mailboxes == nil:
			return fmt.Sprintf("plan a cutover (at most %s mailboxes) or a third-party migration instead (%s)", words.Thousands(max), why)
		case m.Mailboxes.Value <= small:
			return fmt.Sprintf("for %s mailboxes, plan a cutover migration instead (%s)", words.Thousands(m.Mailboxes.Value), why)
		case m.Mailboxes.Value <= max:
			return fmt.Sprintf("for %s mailboxes, plan a third-party or a cutover migration instead (%s)", words.Thousands(m.Mailboxes.Value), why)
		}
		return fmt.Sprintf("for %s mailboxes, plan a third-party migration instead (%s)", words.Thousands(m.Mailboxes.Value), why)
	}
	switch {
	case m.Mailboxes == nil:
		return fmt.Sprintf("plan a hybrid migration instead (a cutover or express migration for %d or fewer moved over a few days)", small)
	case m.Mailboxes.Value <= small:
		return fmt.Sprintf("for %s mailboxes, plan a cutover or an express migration (moved over a few days) or a hybrid migration (a few users at a time) instead", words.Thousands(m.Mailboxes.Value))
	}
	return fmt.Sprintf("for %s mailboxes, plan a hybrid migration instead", words.Thousands(m.Mailboxes.Value))
}
