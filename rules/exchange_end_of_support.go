package rules

import (
	"fmt"

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
		end, ok := s.Exchange.EndOfSupport()
		// Support ends at the end of the published day.
		if !ok || !p.AsOf.After(end) {
			continue
		}
		msg := fmt.Sprintf("%s runs %s, whose extended support ended on %s: it gets no fixes or security updates",
			s.Name(), s.Exchange.Name, end)
		switch s.Exchange.ID {
		case "2016", "2019":
			// ESU-E1: the first period; ESU-P2: the second, whose scope is
			// known from news reports only.
			msg += " (Microsoft's paid Extended Security Updates, sold through account teams, are security fixes, not support: " +
				"a first period to 2026-04-14, and a second period, May-October 2026, that news reports say covers only 2016 CU23 and 2019 CU14/CU15). " +
				"Move to Exchange Server SE (in-place upgrade from 2019 CU14 or CU15; new SE servers beside 2016 CU23) and retire " + s.Name()
		default:
			msg += ". Move its work to a supported version (Exchange Server SE) or to Exchange Online, then retire " + s.Name()
		}
		p.Report(s.VersionNode(), msg)
	}
}
