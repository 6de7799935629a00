package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// certificateExpiry reports certificates that have expired on the evaluation
// date, and warns about those that expire within 60 days.
type certificateExpiry struct{}

func init() { register(certificateExpiry{}) }

func (certificateExpiry) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "certificate-expiry",
		Severity: lint.Error,
		Summary:  "any certificate expired on as_of (warning within 60 days)",
		Sources:  sources("CSS-HC-CERT", "CSS-HC-HYBRID"),
		// An expired certificate that hybrid uses is also hybrid-certificate's,
		// whose finding says what breaks in hybrid.
		Yields: []string{"hybrid-certificate"},
	}
}

// certificateWarningDays: HealthChecker shows a certificate with fewer than
// 60 days left in yellow or red (CSS-HC-CERT: green when LifetimeInDays >= 60;
// the same threshold for hybrid connector certificates in CSS-HC-HYBRID).
const certificateWarningDays = "certificate-warning-days"

func (certificateExpiry) Check(p *lint.Pass) {
	warnDays := p.Catalog.Days(certificateWarningDays)
	for _, c := range p.Topology.Certificates {
		if onlyShutDown(c.Servers.Targets()) {
			// Bound only to servers kept shut down, it serves nothing:
			// renewing it would be wasted work, as judging the servers'
			// own support is (TestShutDownServerNotJudged).
			continue
		}
		if c.Expires == nil {
			p.Unknown(&c.Block, "expires")
			continue
		}
		exp, err := catalog.ParseDate(c.Expires.Value)
		if err != nil {
			continue // the schema reports malformed dates
		}
		// expires is the last day the certificate is valid (its NotAfter
		// falls on that day), as an end-of-support date is the last day of
		// support: on that day it warns, after it is expired.
		days := p.AsOf.DaysUntil(exp)
		use := certificateUse(c.Services.Values(), len(c.Servers.Targets()))
		// What fails and what to update besides is the page's.
		const renew = "renew it and bind the new certificate to the same services and connectors"
		switch {
		case days < 0:
			p.Report(c.Expires, fmt.Sprintf("certificate %q%s expired on %s, %s before %s, so services using it fail TLS: %s",
				c.Name(), use, exp, words.Count(-days, "day"), p.AsOf, renew))
		case days == 0:
			p.ReportAs(lint.Warning, c.Expires, fmt.Sprintf("certificate %q%s expires today (%s): %s now", c.Name(), use, exp, renew))
		case days <= warnDays:
			p.ReportAs(lint.Warning, c.Expires, fmt.Sprintf("certificate %q%s expires on %s, in %s: %s", c.Name(), use, exp, words.Count(days, "day"), renew))
		}
	}
}

// onlyShutDown reports whether servers are named and every one is kept
// shut down. A certificate naming no server is judged: what serves it is
// not known.
func onlyShutDown(servers []*schema.Server) bool {
	for _, s := range servers {
		if !s.ShutDown.IsTrue() {
			return false
		}
	}
	return len(servers) > 0
}

// certificateUse describes what a certificate serves: " (iis, smtp on 2 servers)".
func certificateUse(services []string, servers int) string {
	var parts []string
	if len(services) > 0 {
		parts = append(parts, strings.Join(services, ", "))
	}
	if servers > 0 {
		parts = append(parts, "on "+words.Count(servers, "server"))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, " ") + ")"
}
