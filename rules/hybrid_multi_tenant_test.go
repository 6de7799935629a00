package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// tenants declares n tenants and a hybrid block naming them, with hybrid
// server HYB.
func tenantsHybrid(n int) string {
	var b strings.Builder
	var names []string
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("t%d.onmicrosoft.com", i)
		names = append(names, `"`+name+`"`)
		b.WriteString(tenant(name, "E3"))
	}
	b.WriteString(hybridBlock(`servers = ["HYB"]`, "tenants = ["+strings.Join(names, ", ")+"]"))
	return b.String()
}

// Hybrid server levels with two tenants, at the boundaries.
func TestHybridMultiTenantServers(t *testing.T) {
	cases := []struct {
		version, level string
		at, want       string // "" for no finding
	}{
		{"2016", "CU17", "server.HYB.update", "hybrid with 2 tenants needs CU18 (15.1.2106.2) or later"},
		{"2016", "CU18", "", ""},
		{"2016", "15.1.2106.1", "server.HYB.build", "runs Exchange Server 2016 CU17"},
		{"2016", "15.1.2106.2", "", ""},
		{"2019", "CU6", "server.HYB.update", "needs CU7 (15.2.721.2) or later"},
		{"2019", "CU7", "", ""},
		{"SE", "RTM", "", ""},
		{"2013", "CU23", "server.HYB.version", "runs Exchange Server 2013, and hybrid with 2 tenants needs Exchange 2016 CU18 or later, 2019 CU7 or later or SE hybrid servers: " +
			"run hybrid on Exchange SE servers instead of HYB"},
		{"2010", "SP3 RU32", "server.HYB.version", "runs Exchange Server 2010"},
		{"2016", "CU99", "", ""}, // unknown level: not guessed
	}
	for _, tc := range cases {
		fs := check(t, hybridMultiTenant{}, today, org(srv("HYB", tc.version, tc.level), tenantsHybrid(2)))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s %s: want no finding:\n%s", tc.version, tc.level, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) ||
			len(fs[0].Related) != 1 || fs[0].Related[0].Message != "2 tenants: t1.onmicrosoft.com, t2.onmicrosoft.com" {
			t.Errorf("%s %s: want one error at %s with %q:\n%s", tc.version, tc.level, tc.at, tc.want, summary(fs))
		}
		// With one tenant, the same server is fine.
		if fs := check(t, hybridMultiTenant{}, today, org(srv("HYB", tc.version, tc.level), tenantsHybrid(1))); len(fs) != 0 {
			t.Errorf("%s %s with one tenant: want no finding:\n%s", tc.version, tc.level, summary(fs))
		}
	}
}

// Five tenants pass, six fail, at hybrid.tenants.
func TestHybridMultiTenantCount(t *testing.T) {
	for n := 1; n <= 7; n++ {
		fs := check(t, hybridMultiTenant{}, today, org(srv("HYB", "SE", "RTM"), tenantsHybrid(n)))
		if n <= 5 {
			if len(fs) != 0 {
				t.Errorf("%d tenants: want no finding:\n%s", n, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != "hybrid.tenants" || !strings.Contains(fs[0].Message, fmt.Sprintf("names %d tenants", n)) ||
			!strings.Contains(fs[0].Message, "at most 5") {
			t.Errorf("%d tenants: want one finding at hybrid.tenants:\n%s", n, summary(fs))
		}
	}
	// A tenant named twice counts once; servers outside hybrid.servers do not count.
	src := org(srv("HYB", "SE", "RTM"), srv("OLD", "2016", "CU17"), tenant("a.onmicrosoft.com", "E3"),
		hybridBlock(`servers = ["HYB"]`, `tenants = ["a.onmicrosoft.com", "a.onmicrosoft.com"]`))
	if fs := check(t, hybridMultiTenant{}, today, src); len(fs) != 0 {
		t.Errorf("one tenant named twice: want no finding:\n%s", summary(fs))
	}
	src = org(srv("HYB", "SE", "RTM"), srv("OLD", "2016", "CU17"), tenantsHybrid(2))
	if fs := check(t, hybridMultiTenant{}, today, src); len(fs) != 0 {
		t.Errorf("old server outside hybrid.servers: want no finding:\n%s", summary(fs))
	}
}

// The fix names a hybrid server version in support that the organization can
// have beside its other servers: none while other Exchange 2013 servers stay
// (SE cannot join an organization with Exchange 2013).
func TestHybridMultiTenantFix(t *testing.T) {
	fs := check(t, hybridMultiTenant{}, today, org(srv("HYB", "2013", "CU23"), srv("EX13", "2013", "CU23"), tenantsHybrid(2)))
	want := ": no version in support can serve them beside this organization's: keep one tenant, or retire the older versions first"
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, want) {
		t.Errorf("want the fix %q:\n%s", want, summary(fs))
	}
}

// The CU to install is the latest, unless it cannot join the organization
// (updateTarget): beside Exchange 2013, which 2019 CU15 and later refuse, a
// 2019 hybrid server below CU7 goes to CU14 with its latest update.
func TestHybridMultiTenantJoinableLevel(t *testing.T) {
	for _, tc := range []struct {
		name, other, want string
	}{
		{"beside 2013", srv("EX13", "2013", "CU23"),
			"hybrid server HYB runs Exchange Server 2019 CU6 (15.2.659.4), and hybrid with 2 tenants needs CU7 (15.2.721.2) or later: " +
				"install CU14 Aug26SU on HYB (CU15 once Exchange 2013 is gone)"},
		{"alone", "", "hybrid with 2 tenants needs CU7 (15.2.721.2) or later: install the latest CU on HYB"},
	} {
		var got []string
		for _, f := range check(t, hybridMultiTenant{}, "2026-12-06", org(tc.other, srv("HYB", "2019", "CU6"), tenantsHybrid(2))) {
			if f.Address == "server.HYB.update" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) {
			t.Errorf("%s: %q, want …%q", tc.name, got, tc.want)
		}
	}
}
