package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
)

// hybridAutodiscover reports hybrid domains whose public Autodiscover record
// points to Exchange Online instead of the on-premises servers.
type hybridAutodiscover struct{}

func init() { register(hybridAutodiscover{}) }

func (hybridAutodiscover) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-autodiscover",
		Severity: lint.Error,
		Summary:  "a hybrid domain whose public Autodiscover does not point on-premises",
		Sources:  sources("MS-HYB-PREREQ", "MS-HCW-OPTIONS"),
	}
}

// MS-HYB-PREREQ: "Configure the Autodiscover record for your existing SMTP
// domains in your public DNS to point to your on-premises Exchange servers (an
// Exchange 2010/2013 Client Access server or an Exchange 2016/2019 Mailbox
// Server)"; MS-HCW-OPTIONS: Autodiscover external DNS and public certificate
// required in the Classic topologies, "Yes (see note after the table)" in the
// Modern ones (Hybrid Agent), whose TCP 443 inbound is "Yes for Autodiscover
// if needed, No for Hybrid Agent": there the sources leave it to the
// configuration, hence a warning, as hybrid-certificate's.
func (hybridAutodiscover) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h != nil && h.Domains == nil {
		p.Unknown(&h.Block, "domains")
	}
	if h == nil || h.Domains == nil {
		return
	}
	sev, note := lint.Error, ""
	if mode, _ := p.Facts.HybridMode(); mode == "modern_full" || mode == "modern_minimal" {
		sev = lint.Warning
		note = fmt.Sprintf(" (%s may not need it: see the rule page)", mode)
	}
	seen := map[string]bool{}
	for _, d := range h.Domains.Targets() {
		if d.Autodiscover == nil {
			p.Unknown(&d.Block, "autodiscover")
		}
		// Autodiscover moves to Exchange Online once every mailbox of the
		// domain is there: the last step before the hybrid is taken down.
		if seen[d.Name()] || !d.Autodiscover.Is("exchange_online") || d.Mailboxes.Is("exchange_online") ||
			(d.Mailboxes == nil && noMailboxesLeft(p)) {
			continue
		}
		seen[d.Name()] = true
		// Why (on-premises servers answer for their mailboxes and redirect to
		// Exchange Online) is the rule page's.
		p.ReportAs(sev, d.Autodiscover, fmt.Sprintf("the public Autodiscover record of hybrid domain %s points to Exchange Online, "+
			"so on-premises mailboxes cannot be found%s: point autodiscover.%s to the on-premises hybrid servers", d.Name(), note, d.Name()))
	}
}

// noMailboxesLeft reports whether the servers say that none of them hosts
// a mailbox any more: each but the Edge servers states mailboxes = 0.
func noMailboxesLeft(p *lint.Pass) bool {
	n := 0
	for _, s := range p.Topology.Servers {
		if isEdgeServer(s) {
			continue
		}
		if s.Mailboxes == nil || s.Mailboxes.Value > 0 {
			return false
		}
		n++
	}
	return n > 0
}
