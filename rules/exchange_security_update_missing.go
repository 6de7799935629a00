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
		// it, a newer one may exist.
		when := "on " + p.AsOf.String()
		if horizon := p.Catalog.Horizon(); p.AsOf.After(horizon) {
			when = fmt.Sprintf("exlint's catalogue knows (it holds releases up to %s)", horizon)
		}
		msg := fmt.Sprintf("%s runs %s; the latest update for %s %s is %s, released %s: "+
			"security and hotfix updates are cumulative for their level, so install %s on %s",
			s.Name(), s.LevelName(), level.Name, when, latest.Ref(), latest.Date, latest.Name, s.Name())
		if end, ok := s.Exchange.EndOfSupport(); ok && latest.Date.After(end) {
			msg += fmt.Sprintf(" (updates released after %s's end of support on %s may be available only through Microsoft's paid Extended Security Update programme)",
				s.Exchange.ShortName(), end)
		}
		p.Report(s.LevelNode(), msg)
	}
}
