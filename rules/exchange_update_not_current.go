package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// exchangeUpdateNotCurrent warns about servers that are not on the latest or
// the previous servicing level (CU, or RU for 2007/2010) of their version.
type exchangeUpdateNotCurrent struct{}

func init() { register(exchangeUpdateNotCurrent{}) }

func (exchangeUpdateNotCurrent) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exchange-update-not-current",
		Severity: lint.Warning,
		Summary:  "a server not on the latest or the previous CU/RU for its version",
		Sources:  sources("CSS-HC", "MS-HYB-PREREQ", "MS-HCW-FAQ", "MS-BUILDS", "MS-GEBN", "ESU-E1"),
		// A hybrid or hybrid Edge server that is not current is also
		// hybrid-server-update's, an error (hybrid requires a current level).
		Yields: []string{"hybrid-server-update"},
	}
}

func (exchangeUpdateNotCurrent) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing to support or update
		}
		if s.Release != nil && s.Release.Kind == catalog.Preview {
			reportPreview(p, s)
			continue
		}
		current, known, levels := s.Currency(p.AsOf)
		if !known || current {
			continue
		}
		latest := levels[len(levels)-1]
		if s.Level().Build.Compare(latest.Build) > 0 {
			// A level released after the evaluation date: not out of date.
			continue
		}
		// Why the latest and the previous level (Microsoft's support,
		// HealthChecker, hybrid) is the rule page's; the level to install
		// is the newest current one that can join the organization.
		fix := updateTarget(p, levels).install(p, s.Name(), nil, "")
		var msg string
		if end, ok := s.Exchange.EndOfSupport(); ok && p.AsOf.After(end) {
			msg = fmt.Sprintf("%s runs %s, behind %s, the last %s Microsoft updated: %s",
				s.Name(), s.LevelName(), releaseRefs(levels, "and"), words.Noun("level", len(levels)), fix)
		} else {
			msg = fmt.Sprintf("%s runs %s, not a current %s (on %s: %s): %s",
				s.Name(), s.LevelName(), levelWord(latest), p.AsOf, releaseRefs(levels, "or"), fix)
		}
		p.Report(s.LevelNode(), msg)
	}
}

// reportPreview: a preview build is never supported in production.
func reportPreview(p *lint.Pass, s facts.Server) {
	levels := s.Exchange.CurrentLevels(p.AsOf)
	if len(levels) == 0 {
		return // nothing released yet to move to
	}
	fix := updateTarget(p, levels).install(p, s.Name(), (*catalog.Release).Ref, "")
	p.Report(s.LevelNode(), fmt.Sprintf("%s runs %s, a preview build Microsoft does not support in production: %s",
		s.Name(), s.LevelName(), fix))
}

// levelWord names what a servicing level is: "cumulative update",
// "update rollup", "service pack".
func levelWord(r *catalog.Release) string {
	switch r.Kind {
	case catalog.CumulativeUpd:
		return "cumulative update"
	case catalog.UpdateRollup:
		return "update rollup"
	case catalog.ServicePack:
		return "service pack"
	}
	return "release"
}
