package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// tenantPlanNoHybrid reports a hybrid deployment with a tenant whose
// Microsoft 365 plan does not support hybrid.
type tenantPlanNoHybrid struct{}

func init() { register(tenantPlanNoHybrid{}) }

func (tenantPlanNoHybrid) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "tenant-plan-no-hybrid",
		Severity: lint.Error,
		Summary:  "a tenant plan that does not support hybrid (Microsoft 365 Apps for business, Home plans)",
		Sources:  sources("MS-HYB-PREREQ"),
	}
}

// plansWithoutHybrid are the tenant_plan values Microsoft names as not
// supporting hybrid deployments (MS-HYB-PREREQ: "Microsoft 365 Apps for
// business and Home plans don't support hybrid deployments"). Personal and
// Family are the Microsoft 365 Home plans.
var plansWithoutHybrid = map[string]string{
	"Apps for business": "Microsoft 365 Apps for business",
	"Personal":          "Microsoft 365 Personal, a Home plan",
	"Family":            "Microsoft 365 Family, a Home plan",
}

func (tenantPlanNoHybrid) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	// The hybrid tenants: those hybrid.tenants names, else every tenant.
	tenants := p.Topology.Tenants
	if h.Tenants != nil {
		tenants = h.Tenants.Targets()
	}
	seen := map[*schema.Tenant]bool{}
	for _, t := range tenants {
		if !seen[t] && t.Plan == nil {
			p.Unknown(&t.Block, "plan")
		}
		if seen[t] || t.Plan == nil {
			continue
		}
		seen[t] = true
		plan, unsupported := plansWithoutHybrid[t.Plan.Value]
		if !unsupported {
			continue
		}
		p.Report(t.Plan, fmt.Sprintf("tenant %s is on %s, which does not support hybrid deployments: "+
			"move it to a plan with Exchange Online and directory synchronization", t.Name(), plan))
	}
}
