package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// outlookEndOfSupport reports Outlook versions in use past their own end of
// support on the evaluation date.
type outlookEndOfSupport struct{}

func init() { register(outlookEndOfSupport{}) }

func (outlookEndOfSupport) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "outlook-end-of-support",
		Severity: lint.Warning,
		Summary:  "an Outlook version past its own end of support",
		Sources: sources("MS-OFFICE-EOS", "MS-LIFECYCLE", "MS-LC-OUTLOOK-2003", "MS-LC-OUTLOOK-2007", "MS-LC-OUTLOOK-2010",
			"MS-LC-OUTLOOK-2013", "MS-LC-OUTLOOK-2016", "MS-LC-OUTLOOK-2019", "MS-LC-OUTLOOK-2021", "MS-LC-M365-APPS"),
	}
}

// The dates are the catalogue's (data/outlook.csv): the last day of extended
// support of each product line. Microsoft 365 Apps follows the Modern
// Lifecycle Policy, and no date is known for Outlook 2024: neither is reported.

func (outlookEndOfSupport) Check(p *lint.Pass) {
	c := p.Topology.Clients
	if c != nil && c.Outlook == nil {
		p.Unknown(&c.Block, "outlook")
	}
	if c == nil || c.Outlook == nil {
		return
	}
	for _, item := range c.Outlook.Items {
		o, err := p.Catalog.ParseOutlook(item.Value)
		if err != nil {
			continue // a schema finding
		}
		end := o.Outlook.ExtendedEnd
		// Support ends at the end of the published day.
		if o.Outlook.Modern || end.IsZero() || !p.AsOf.After(end) {
			continue
		}
		fix := "move these users to a supported Outlook"
		if alts := supportedOutlooks(p.Catalog, p.AsOf); len(alts) > 0 {
			fix = "move these users to " + words.Or(alts)
		}
		p.Report(item, fmt.Sprintf("%s reached the end of its support on %s: it gets no security updates or fixes; %s", o.Outlook.Name, end, fix))
	}
}

// supportedOutlooks names the Outlook product lines not past their end of
// support on a date, newest first: Microsoft 365 Apps, then the perpetual
// versions whose end is later or unknown.
func supportedOutlooks(cat *catalog.Catalog, on catalog.Date) []string {
	var out []string
	for i := len(cat.Outlooks) - 1; i >= 0; i-- {
		if o := cat.Outlooks[i]; o.InSupport(on) {
			out = append(out, o.Name)
		}
	}
	return out
}
