package rules

import (
	"fmt"

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
	}
}

func (exchangeUpdateNotCurrent) Check(p *lint.Pass) {
	judged := hybridUpdateJudged(p)
	for _, s := range servers(p) {
		if s.release != nil && s.release.Kind == catalog.Preview {
			reportPreview(p, s) // hybrid-server-update does not judge previews
			continue
		}
		if judged[s.Server] {
			// A hybrid or hybrid Edge server: hybrid-server-update reports it,
			// as an error (catalogue entry 3: an error when hybrid is enabled).
			continue
		}
		current, known, levels := currency(p, s)
		if !known || current {
			continue
		}
		latest := levels[len(levels)-1]
		if s.level().Build.Compare(latest.Build) > 0 {
			// A level released after the evaluation date: not out of date.
			continue
		}
		var msg string
		if end, ok := s.version.EndOfSupport(); ok && p.AsOf.After(end) {
			msg = fmt.Sprintf("%s runs %s; %s is past its end of support (%s), and only %s still %s as current, the last %s Microsoft updated: "+
				"anything older misses the last fixes and security updates; install %s on %s, then move its work to a supported version",
				s.Name(), s.levelName(), s.version.Name, end, releaseRefs(levels, "and"), countVerb(len(levels)),
				pluralNoun("level", len(levels)), latest.Name, s.Name())
		} else {
			msg = fmt.Sprintf("%s runs %s, but on %s the current %s of %s %s %s: Microsoft supports only the latest %s and the one before it "+
				"(HealthChecker flags any other as out of date, and hybrid deployments require them); install %s on %s",
				s.Name(), s.levelName(), p.AsOf, pluralNoun(levelWord(latest), len(levels)), s.version.Name, isAre(len(levels)), releaseRefs(levels, "and"),
				levelWord(latest), latest.Name, s.Name())
		}
		p.Report(levelNode(s), msg)
	}
}

// reportPreview: a preview build is never supported in production.
func reportPreview(p *lint.Pass, s server) {
	levels := s.version.CurrentLevels(p.AsOf)
	if len(levels) == 0 {
		return // nothing released yet to move to
	}
	latest := levels[len(levels)-1]
	p.Report(levelNode(s), fmt.Sprintf("%s runs %s, a preview build, which Microsoft does not support in production: install %s (%s) on %s",
		s.Name(), s.levelName(), latest.Name, latest.Build, s.Name()))
}

func countVerb(n int) string {
	if n == 1 {
		return "counts"
	}
	return "count"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func pluralNoun(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
