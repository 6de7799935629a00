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
	for _, s := range servers(p) {
		current, known, _ := currency(p, s)
		if !known || !current {
			continue // exchange-update-not-current reports other levels
		}
		level := s.level()
		latest := s.version.LatestUpdate(level, p.AsOf)
		if latest == nil || s.release.Build.Compare(latest.Build) >= 0 {
			continue
		}
		// Up to the catalogue's newest release exlint knows every update; after
		// it, a newer one may exist.
		when := "on " + p.AsOf.String()
		if horizon := catalogueHorizon(p); p.AsOf.After(horizon) {
			when = fmt.Sprintf("exlint's catalogue knows (it holds releases up to %s)", horizon)
		}
		msg := fmt.Sprintf("%s runs %s; the latest update for %s %s is %s, released %s: "+
			"security and hotfix updates are cumulative for their level, so install %s on %s",
			s.Name(), s.levelName(), level.Name, when, releaseRef(latest), latest.Date, latest.Name, s.Name())
		if end, ok := s.version.EndOfSupport(); ok && latest.Date.After(end) {
			msg += fmt.Sprintf(" (updates released after %s's end of support on %s may be available only through Microsoft's paid Extended Security Update programme)",
				shortName(s.version), end)
		}
		p.Report(levelNode(s), msg)
	}
}
