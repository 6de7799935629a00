package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
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
	if h != nil && h.Tenants == nil && len(p.Topology.Tenants) > 1 {
		p.Unknown(&h.Block, "tenants") // which of the tenants hybrid connects to
	}
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
		p.Report(h.Tenants, fmt.Sprintf("hybrid.tenants names %d tenants, and the Hybrid Configuration Wizard connects an "+
			"organization to at most %d: keep %d or fewer", len(tenants), max, max))
	}
	list := related(h.Tenants, fmt.Sprintf("%d tenants: %s", len(tenants), strings.Join(tenants, ", ")))
	for _, s := range p.Facts.HybridServers() {
		min, supported := p.Catalog.FirstSupported(multiTenantMatrix, "", s.Exchange)
		switch {
		case !supported:
			p.Report(s.VersionNode(), fmt.Sprintf("hybrid server %s runs %s, and hybrid with %d tenants needs %s hybrid servers: %s",
				s.Name(), s.Exchange.Name, len(tenants), multiTenantVersions(p.Catalog), multiTenantFix(p, s)), list)
		case min == nil:
		default:
			if below, known := s.Below(min); known && below {
				// The latest CU, unless it cannot join the organization
				// (updateTarget: beside Exchange 2013, 2019 CU14).
				fix := "install the latest CU on " + s.Name()
				if t := updateTarget(p, currentFrom(s.Exchange, min, p.AsOf)); t.blocked() {
					fix = t.install(p, s.Name(), nil, "")
				}
				p.Report(s.LevelNode(), fmt.Sprintf("hybrid server %s runs %s, and hybrid with %d tenants needs %s or later: %s",
					s.Name(), s.LevelName(), len(tenants), min.Ref(), fix), list)
			}
		}
	}
}

// multiTenantVersions names the hybrid server versions and levels the
// catalogue's rows support: "Exchange 2016 CU18 or later, 2019 CU7 or later
// or SE".
func multiTenantVersions(cat *catalog.Catalog) string {
	var parts []string
	for _, v := range cat.Versions() {
		if min, ok := cat.FirstSupported(multiTenantMatrix, "", v); ok {
			part := v.ID
			if min != nil {
				part += " " + min.Name + " or later"
			}
			parts = append(parts, part)
		}
	}
	return "Exchange " + words.Or(parts)
}

// multiTenantFix is the fix for a hybrid server of a version that cannot
// serve several tenants: the newest version in support that can, and that the
// organization accepts as its hybrid server.
func multiTenantFix(p *lint.Pass, s facts.Server) string {
	vs := p.Catalog.SupportedVersions(p.AsOf)
	order, groups := p.Facts.VersionGroups()
	for i := len(vs) - 1; i >= 0; i-- {
		if _, ok := p.Catalog.FirstSupported(multiTenantMatrix, "", vs[i]); !ok {
			continue
		}
		// The server's version goes with it when it is the only one.
		accepted := true
		for _, o := range order {
			if o == s.Exchange && len(groups[o]) == 1 {
				continue
			}
			if allowed, known := hybridAllowed(p.Catalog, o, vs[i]); (known && !allowed) || !coexist(p.Catalog, o, vs[i]) {
				accepted = false
			}
		}
		if accepted {
			return fmt.Sprintf("run hybrid on %s servers instead of %s", vs[i].ShortName(), s.Name())
		}
	}
	return "no version in support can serve them beside this organization's: keep one tenant, or retire the older versions first"
}
