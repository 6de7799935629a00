package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// migrationMethodAdvice reports a migration method other than the one
// Microsoft's migration-path table recommends for the source version, the
// number of mailboxes and how quickly the organization wants to move
// (MS-MIG-PATH). Where another migration rule reports the method as
// impossible or over its limits at the same address, this one gives way to it
// (RuleInfo.Yields).
type migrationMethodAdvice struct{}

func init() { register(migrationMethodAdvice{}) }

func (migrationMethodAdvice) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-method-advice",
		Severity: lint.Info,
		Summary:  "a migration method other than the one Microsoft's migration-path table recommends for the size and source",
		Sources:  sources("MS-MIG-PATH", "MS-CUTOVER"),
		// What the other migration rules report at the same address says
		// what this rule would, and more: a cutover above 150 mailboxes
		// (migration-cutover-size, at migration.mailboxes), a method that
		// cannot move the sources' mailboxes (migration-source-version) or an
		// express migration without a server to run it
		// (migration-minimal-hybrid), both at migration.method.
		Yields: []string{"migration-cutover-size", "migration-source-version", "migration-minimal-hybrid"},
	}
}

// partnerThreshold: "If you have an extremely large number of mailboxes
// (5,000+), you might want to hire a partner" (MS-MIG-PATH).
const partnerThreshold = "migration-partner-mailboxes"

// migrationPath is one row of Microsoft's migration-path table (MS-MIG-PATH,
// 2021 text). Rows are keyed by source group, by whether the migration moves
// 150 mailboxes or fewer (the table says "fewer than 150" and "over 150";
// exlint counts exactly 150 as small, as the cutover page's "150 users or
// less"), and by timeframe ("fast": "over a weekend or a few days"; "slow":
// "slowly, by migrating a few users at a time").
type migrationPath struct {
	methods []string // the recommended methods
	phrase  string   // what to plan, for the message
}

var migrationPaths = map[string]map[bool]map[string]migrationPath{
	// "Exchange 2003 or Exchange 2007"
	"2003-2007": {
		true: {
			"fast": {[]string{"cutover"}, "a cutover migration"},
			"slow": {[]string{"staged"}, "a staged migration"},
			// timeframe unknown: either row may apply
			"": {[]string{"cutover", "staged"}, "a cutover migration (over a few days) or a staged migration (a few users at a time)"},
		},
		false: {
			"fast": {[]string{"staged"}, "a staged migration"},
			"slow": {[]string{"staged"}, "a staged migration"},
			"":     {[]string{"staged"}, "a staged migration"},
		},
	},
	// "Exchange 2010, 2013 or 2016"; exlint applies the same rows to 2019
	// and SE, which the 2021 table predates and which run the same hybrid
	// tools (the Hybrid Configuration Wizard's Minimal, Express and Full
	// options, MS-HCW-OPTIONS).
	"2010-later": {
		true: {
			"fast": {[]string{"cutover", "express", "minimal_hybrid"}, "a cutover or an express migration (minimal hybrid)"},
			"slow": {[]string{"hybrid"}, "a hybrid migration"},
			"":     {[]string{"cutover", "express", "minimal_hybrid", "hybrid"}, "a cutover, an express (minimal hybrid) or a hybrid migration"},
		},
		false: {
			"fast": {[]string{"hybrid"}, "a hybrid migration"},
			"slow": {[]string{"hybrid"}, "a hybrid migration"},
			"":     {[]string{"hybrid"}, "a hybrid migration"},
		},
	},
}

func (migrationMethodAdvice) Check(p *lint.Pass) {
	m := p.Topology.Migration
	method := p.Facts.MigrationMethod()
	if m != nil && m.Method == nil {
		p.Unknown(&m.Block, "method")
	}
	if method == "" || method == "third_party" {
		return // a partner's tool is always among Microsoft's options
	}
	srcs := p.Facts.MigrationSources()
	ancient := selectVersions(srcs, byCatalog(p, imapOnly))
	old := selectVersions(srcs, byCatalog(p, stagedSource))
	recent := selectVersions(srcs, byCatalog(p, minimalHybridVersion))

	// Exchange 2000 and earlier: IMAP only. Cutover and staged from them are
	// migration-source-version's errors.
	if len(ancient) > 0 && method != "imap" && method != "cutover" && method != "staged" {
		p.Report(m.Method, fmt.Sprintf("the plan is %s, and the mailboxes on %s can move only by IMAP migration: "+
			"move them with an IMAP migration (it copies email only)", methodPhrase(method), describeByVersion(ancient)), relatedVersion(ancient[0]))
	}

	n, sized := 0, m.Mailboxes != nil
	if sized {
		n = m.Mailboxes.Value
	}
	partnerThreshold, small := p.Catalog.Count(partnerThreshold), p.Catalog.Count(cutoverRecommended)
	partner := sized && n >= partnerThreshold
	reported := false
	if group, _ := sourceGroup(old, recent); group != "" && !sized {
		p.Unknown(&m.Block, "mailboxes")
	}
	if group, sources := sourceGroup(old, recent); group != "" && sized {
		timeframe, _ := m.Timeframe.Get()
		path := migrationPaths[group][n <= small][timeframe]
		if !slices.Contains(path.methods, method) {
			// The table's rows, and that exlint applies them to 2019 and SE,
			// are the rule page's.
			msg := fmt.Sprintf("the plan is %s of %s mailboxes from %s: for %s, Microsoft's migration-path table recommends %s",
				methodPhrase(method), words.Thousands(n), describeByVersion(sources), situation(n, small, timeframe), path.phrase)
			// What needs a hybrid server is advised only where a version in
			// support can be one (hybridOutOfReach); else what is left of the
			// row, or a third-party migration.
			if why := hybridOutOfReach(p); why != "" && slices.ContainsFunc(path.methods, func(pm string) bool { return slices.Contains(hybridMethods, pm) }) {
				var left []string
				for _, pm := range path.methods {
					if !slices.Contains(hybridMethods, pm) {
						left = append(left, methodPhrase(pm))
					}
				}
				if len(left) == 0 {
					left = []string{methodPhrase("third_party")}
				}
				msg += fmt.Sprintf(", and %s: plan %s", why, words.Or(left))
			}
			if method == "imap" {
				msg += " (IMAP copies email only)"
			}
			if partner {
				msg += fmt.Sprintf(", and a partner from %s mailboxes", words.Thousands(partnerThreshold))
			}
			// A cutover above 150 mailboxes is too big for its method: the
			// finding points at the size, as migration-cutover-size's does.
			var at schema.Node = m.Method
			if method == "cutover" && n > small {
				at = m.Mailboxes
			}
			p.Report(at, msg)
			reported = true
		}
	}
	if partner && !reported {
		p.Report(m.Mailboxes, fmt.Sprintf("the plan moves %s mailboxes, and for %s or more Microsoft suggests a partner: "+
			"consider a Microsoft partner or a third-party migration service", words.Thousands(n), words.Thousands(partnerThreshold)))
	}
}

// sourceGroup names the row group of the migration-path table for the
// sources, or "" when there is none to apply: no known source, or sources in
// both groups (an Exchange 2007 organization with an Exchange 2013 server,
// which the table does not cover).
func sourceGroup(old, recent []facts.Server) (string, []facts.Server) {
	switch {
	case len(old) > 0 && len(recent) == 0:
		return "2003-2007", old
	case len(recent) > 0 && len(old) == 0:
		return "2010-later", recent
	}
	return "", nil
}

// situation describes the table row: "more than 150 mailboxes", "150
// mailboxes or fewer moved a few users at a time" (the source's group is
// named with the source).
func situation(n, cutoverRecommended int, timeframe string) string {
	if n > cutoverRecommended {
		return fmt.Sprintf("more than %d mailboxes", cutoverRecommended)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d mailboxes or fewer", cutoverRecommended)
	switch timeframe {
	case "fast":
		b.WriteString(" moved over a weekend or a few days")
	case "slow":
		b.WriteString(" moved a few users at a time")
	}
	return b.String()
}
