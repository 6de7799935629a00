package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// exchangeEndOfSupportSoon warns about servers whose Exchange version reaches
// its extended end of support within a year of the evaluation date.
type exchangeEndOfSupportSoon struct{}

func init() { register(exchangeEndOfSupportSoon{}) }

func (exchangeEndOfSupportSoon) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exchange-end-of-support-soon",
		Severity: lint.Warning,
		Summary:  fmt.Sprintf("a server whose Exchange version reaches its extended end of support within %d days", catalog.Default().Days(soonDays)),
		Sources:  sources("MS-LIFECYCLE", "MS-2010-EXT", "MS-55-FAQ", "EOL-DATE", "CSS-HC", "MS-ROADMAP-2024"),
	}
}

// soonDays is the warning window: HealthChecker turns a server's end of
// support yellow within one year (CSS-HC, Invoke-AnalyzerExchangeInformation.ps1).
const soonDays = "end-of-support-warning-days"

func (exchangeEndOfSupportSoon) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing to support or update
		}
		end, ok := s.Exchange.EndOfSupport()
		if !ok {
			continue // Modern Lifecycle Policy (SE): no end date
		}
		// The end date is the last supported day: from the end date itself
		// back to soonDays before it, warn; after it, exchange-end-of-support
		// reports the server.
		days := p.AsOf.DaysUntil(end)
		if days < 0 || days > p.Catalog.Days(soonDays) {
			continue
		}
		when := fmt.Sprintf("in %d days", days)
		switch days {
		case 0:
			when = "today is its last day of support"
		case 1:
			when = "in 1 day"
		}
		p.Reportf(s.VersionNode(), "%s runs %s, whose extended support ends on %s (%s): plan the move of its work to %s before then",
			s.Name(), s.Exchange.Name, end, when, moveTo(p, s.Exchange, end.AddDays(1)))
	}
}
