package rules

import (
	"github.com/exlint/exlint/lint"
)

// exchangeEndOfSupport reports servers whose Exchange version is past its
// extended end of support on the evaluation date.
type exchangeEndOfSupport struct{}

func init() { register(exchangeEndOfSupport{}) }

func (exchangeEndOfSupport) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exchange-end-of-support",
		Severity: lint.Error,
		Summary:  "a server whose Exchange version is past its extended end of support",
		Sources:  sources("MS-LIFECYCLE", "MS-MATRIX", "MS-2010-EXT", "MS-55-FAQ", "EOL-DATE", "MS-ROADMAP-2024", "ESU-E1", "ESU-P2"),
	}
}

func (exchangeEndOfSupport) Check(p *lint.Pass) {
	for _, s := range p.Facts.Servers() {
		if s.ShutDown.IsTrue() {
			continue // kept shut down: it runs nothing to support or update
		}
		end, ok := s.Exchange.EndOfSupport()
		// Support ends at the end of the published day.
		if !ok || !p.AsOf.After(end) {
			continue
		}
		// How to move (in place from 2019, beside 2016) and Microsoft's paid
		// Extended Security Updates, which are not support, are the rule
		// page's.
		p.Reportf(s.VersionNode(), "%s runs %s, out of support since %s (no fixes or security updates): move its work to %s and retire it",
			s.Name(), s.Exchange.Name, end, moveTo(p, s.Exchange, p.AsOf))
	}
}
