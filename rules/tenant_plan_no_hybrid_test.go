package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func tenant(name, plan string) string {
	return "tenant \"" + name + "\" {\n  plan = \"" + plan + "\"\n}\n"
}

// Every plan of the language: the three Microsoft names fail, the others pass.
func TestTenantPlanNoHybrid(t *testing.T) {
	fail := map[string]string{
		"Apps for business": "is on Microsoft 365 Apps for business,",
		"Personal":          "is on Microsoft 365 Personal, a Home plan,",
		"Family":            "is on Microsoft 365 Family, a Home plan,",
	}
	// the tenant_plan keywords of schema/keywords.go
	plans := []string{"E1", "E3", "E5", "F1", "F3", "A1", "A3", "A5", "G1", "G3", "G5",
		"Business Basic", "Business Standard", "Business Premium",
		"Exchange Online Plan 1", "Exchange Online Plan 2", "Exchange Online Kiosk",
		"Apps for business", "Apps for enterprise", "Personal", "Family"}
	for _, plan := range plans {
		src := org(tenant("t.onmicrosoft.com", plan), hybridBlock(`tenants = ["t.onmicrosoft.com"]`))
		fs := check(t, tenantPlanNoHybrid{}, today, src)
		want, fails := fail[plan]
		if !fails {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", plan, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != `tenant."t.onmicrosoft.com".plan` ||
			!strings.Contains(fs[0].Message, want) {
			t.Errorf("%s: want one error with %q:\n%s", plan, want, summary(fs))
		}
	}
}

// Which tenants: those hybrid.tenants names, else every tenant; none without
// hybrid; a plan not stated is unknown.
func TestTenantPlanNoHybridScope(t *testing.T) {
	home := tenant("home.onmicrosoft.com", "Family")
	work := tenant("work.onmicrosoft.com", "E3")
	cases := []struct {
		name string
		src  string
		n    int
	}{
		{"no hybrid", org(home), 0},
		{"hybrid, no list", org(home, work, hybridBlock()), 1},
		{"listed elsewhere", org(home, work, hybridBlock(`tenants = ["work.onmicrosoft.com"]`)), 0},
		{"listed twice", org(home, hybridBlock(`tenants = ["home.onmicrosoft.com", "home.onmicrosoft.com"]`)), 1},
		{"plan unknown", org("tenant \"x.onmicrosoft.com\" {}\n", hybridBlock()), 0},
	}
	for _, tc := range cases {
		if fs := check(t, tenantPlanNoHybrid{}, today, tc.src); len(fs) != tc.n {
			t.Errorf("%s: want %d findings:\n%s", tc.name, tc.n, summary(fs))
		}
	}
}
