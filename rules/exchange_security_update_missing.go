package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
)

// exchangeSecurityUpdateMissing reports servers on a current servicing level
// that lack the latest security or hotfix update for that level.
type exchangeSecurityUpdateMissing struct{}

func init() { register(exchangeSecurityUpdateMissing{}) }

func (exchangeSecurityUpdateMissing) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exchange-security-update-missing",
		Severity: lint.Info,
		Summary:  "a server on a current CU without the latest security or hotfix update for it",
		Sources:  sources("CSS-HC", "MS-BUILDS", "MS-GEBN", "ESU-E1", "CODETWO-TBES"),
	}
}

func (exchangeSecurityUpdateMissing) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing to support or update
		}
		current, known, _ := s.Currency(p.AsOf)
		if !known || !current {
			continue // exchange-update-not-current reports other levels
		}
		level := s.Level()
		latest := s.Exchange.LatestUpdate(level, p.AsOf)
		if latest == nil || s.Release.Build.Compare(latest.Build) >= 0 {
			continue
		}
		// Up to the catalogue's newest release exlint knows every update; after
		// it, a newer one may exist. Updates are cumulative for their level
		// (the rule page says more).
		which := "the latest update for " + level.Name
		if horizon := p.Catalog.Horizon(); p.AsOf.After(horizon) {
			which += fmt.Sprintf(" exlint knows (to %s)", horizon)
		}
		paid := ""
		if end, ok := s.Exchange.EndOfSupport(); ok && latest.Date.After(end) {
			paid = " (a paid Extended Security Update)"
		}
		p.Reportf(s.LevelNode(), "%s runs %s, without %s, released %s%s, %s: install it on %s",
			s.Name(), s.LevelName(), latest.Ref(), latest.Date, paid, which, s.Name())
	}
}
