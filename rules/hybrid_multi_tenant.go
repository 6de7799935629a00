package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// hybridMultiTenant reports a hybrid deployment with several tenants that
// the Hybrid Configuration Wizard cannot set up.
type hybridMultiTenant struct{}

func init() { register(hybridMultiTenant{}) }

func (hybridMultiTenant) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-multi-tenant",
		Severity: lint.Error,
		Summary:  "more than one tenant with hybrid servers below 2016 CU18 / 2019 CU7, or more than five tenants",
		Sources:  sources("MS-HCW-2020"),
	}
}

// Hybrid from one organization to several tenants (MS-HCW-2020): "up to 5
// tenants"; the hybrid servers it needs are the catalogue's (subject
// hybrid-multi-tenant: "Exchange Server 2016, CU18 or higher or Exchange
// Server 2019, CU7 or higher"; Exchange SE, the code of 2019 CU15, meets it;
// older versions cannot).
const (
	maxHybridTenants  = "hybrid-tenants-max"
	multiTenantMatrix = "hybrid-multi-tenant"
)

func (hybridMultiTenant) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil || h.Tenants == nil {
		return
	}
	var tenants []string
	seen := map[*schema.Tenant]bool{}
	for _, t := range h.Tenants.Targets() {
		if !seen[t] {
			seen[t] = true
			tenants = append(tenants, t.Name())
		}
	}
	if len(tenants) < 2 {
		return
	}
	if max := p.Catalog.Count(maxHybridTenants); len(tenants) > max {
		p.Report(h.Tenants, fmt.Sprintf("hybrid.tenants names %d tenants, and the Hybrid Configuration Wizard connects one "+
			"on-premises organization to at most %d: keep %d tenants or fewer in this hybrid deployment",
			len(tenants), max, max))
	}
	list := related(h.Tenants, fmt.Sprintf("%d tenants: %s", len(tenants), strings.Join(tenants, ", ")))
	for _, s := range p.Facts.HybridServers() {
		min, supported := p.Catalog.FirstSupported(multiTenantMatrix, "", s.Exchange)
		switch {
		case !supported:
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s, and hybrid with %d tenants needs Exchange 2016 CU18, "+
				"2019 CU7 or later on the hybrid servers: run hybrid on such servers instead of %s", s.Name(), s.Exchange.Name, len(tenants), s.Name()), list)
		case min == nil:
		default:
			if below, known := s.Below(min); known && below {
				p.Report(s.LevelNode(), fmt.Sprintf("hybrid server %s runs %s, and hybrid with %d tenants needs %s or later "+
					"(Exchange 2016 CU18 or 2019 CU7): update %s to the latest CU",
					s.Name(), s.LevelName(), len(tenants), min.Ref(), s.Name()), list)
			}
		}
	}
}
