package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
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
		// The Outlook versions the fix names are those of the Outlook
		// matrix (outlookTargets), whose sources follow the lifecycle pages.
		Sources: sources("MS-OFFICE-EOS", "MS-LIFECYCLE", "MS-LC-OUTLOOK-2003", "MS-LC-OUTLOOK-2007", "MS-LC-OUTLOOK-2010",
			"MS-LC-OUTLOOK-2013", "MS-LC-OUTLOOK-2016", "MS-LC-OUTLOOK-2019", "MS-LC-OUTLOOK-2021", "MS-LC-M365-APPS",
			"MS-MATRIX-2025", "MS-MATRIX-2021", "MS-MATRIX", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-SYSREQ-2010", "TECHREP-2010", "MS-OFFICE2016-ADMIN"),
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
	// Where users go: an Outlook every version hosting mailboxes supports,
	// as outlook-version-unsupported names them (outlookUsersFix).
	lists, mailbox := outlookMailboxes(p)
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
		p.Report(item, fmt.Sprintf("%s reached the end of its support on %s: it gets no security updates or fixes; %s",
			o.Outlook.Name, end, outlookUsersFix(p, lists, mailbox)))
	}
}
