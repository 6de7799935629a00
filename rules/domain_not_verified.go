package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// domainNotVerified reports domains that a hybrid deployment or a migration
// uses and that are not verified in the Microsoft 365 tenant.
type domainNotVerified struct{}

func init() { register(domainNotVerified{}) }

func (domainNotVerified) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "domain-not-verified",
		Severity: lint.Error,
		Summary:  "a domain used by hybrid or a migration that is not verified in the tenant",
		Sources:  sources("MS-HYB-PREREQ", "MS-CUTOVER", "MS-STAGED", "MS-MINHYB"),
	}
}

// migrationNeedsDomains: the migration methods whose mailboxes keep their
// on-premises addresses in Exchange Online, so their domains must be verified
// first (MS-CUTOVER: "the on-premises domain must be a verified domain";
// MS-STAGED: the same; MS-MINHYB: "the on-premises domain must be a verified
// domain"; MS-HYB-PREREQ for hybrid). The mailboxes' addresses are in the
// authoritative accepted domains. IMAP and third-party migrations are not
// covered by these sources.
var migrationNeedsDomains = map[string]bool{
	"cutover": true, "staged": true, "hybrid": true, "minimal_hybrid": true, "express": true,
}

func (domainNotVerified) Check(p *lint.Pass) {
	why := map[*schema.Domain][]string{}
	var order []*schema.Domain
	add := func(d *schema.Domain, reason string) {
		if d.Verified == nil {
			p.Unknown(&d.Block, "verified")
		}
		if !d.Verified.IsFalse() {
			return
		}
		if why[d] == nil {
			order = append(order, d)
		}
		for _, r := range why[d] {
			if r == reason {
				return
			}
		}
		why[d] = append(why[d], reason)
	}
	if h := p.Topology.Hybrid; h != nil {
		for _, d := range h.Domains.Targets() {
			add(d, "hybrid uses it (hybrid.domains)")
		}
	}
	if m := p.Topology.Migration; m != nil {
		if m.Method == nil {
			p.Unknown(&m.Block, "method")
		}
		if method, ok := m.Method.Get(); ok && migrationNeedsDomains[method] {
			for _, d := range p.Topology.Domains {
				if d.Accepted == nil && d.Verified.IsFalse() {
					p.Unknown(&d.Block, "accepted") // its addresses move only if it is authoritative
				}
				if d.Accepted.Is("authoritative") {
					add(d, fmt.Sprintf("the %s migration moves its addresses", method))
				}
			}
		}
	}
	for _, d := range order {
		before := "the migration"
		if strings.HasPrefix(why[d][0], "hybrid") {
			before = "running the Hybrid Configuration Wizard"
		}
		// What fails without it (addresses, mail routing) is the rule page's.
		p.Report(d.Verified, fmt.Sprintf("domain %s is not verified in the tenant, and %s: "+
			"add it to the tenant and verify it (a TXT record in public DNS) before %s", d.Name(), words.And(why[d]), before))
	}
}
