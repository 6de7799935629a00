package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestDomainControllerReadOnly(t *testing.T) {
	sites := "site \"HQ\" {}\nsite \"Branch\" {}\n"
	hqGC := adDC("DC-HQ", `site = "HQ"`, `global_catalog = true`, `read_only = false`)
	ex := func(name, version, level string, extra ...string) string {
		return srv(name, version, level, append([]string{`site = "Branch"`}, extra...)...)
	}
	ex19 := ex("EX19", "2019", "CU15", `roles = ["mailbox"]`)
	cases := []struct {
		name, src string
		want      string // substring of the one finding's message, "" for none
	}{
		{"writable GC in the site", org(sites, hqGC, ex19, adDC("DC-BR", `site = "Branch"`, `global_catalog = true`, `read_only = false`)), ""},
		{"only a read-only GC", org(sites, hqGC, ex19, adDC("RODC", `site = "Branch"`, `global_catalog = true`, `read_only = true`)),
			"site Branch has Exchange servers (EX19) but its only global catalog server (RODC) is read-only, and Exchange needs a writable global catalog in each of its sites: make a writable domain controller in Branch a global catalog server, or add one"},
		{"read-only GCs and a writable non-GC", org(sites, hqGC, ex19,
			adDC("RODC1", `site = "Branch"`, `global_catalog = true`, `read_only = true`),
			adDC("RODC2", `site = "Branch"`, `global_catalog = true`, `read_only = true`),
			adDC("DC-BR", `site = "Branch"`, `global_catalog = false`, `read_only = false`)),
			"its only global catalog servers (RODC1 and RODC2) are read-only (DC-BR is not a global catalog)"},
		{"no domain controller in the site", org(sites, hqGC, ex19), "site Branch has Exchange servers (EX19) but no domain controller, and Exchange needs"},
		{"a writable DC that is not a GC", org(sites, hqGC, ex19, adDC("DC-BR", `site = "Branch"`, `global_catalog = false`)),
			"but no writable global catalog server (DC-BR is not a global catalog), and Exchange needs"},
		{"an RODC of unknown GC role", org(sites, hqGC, ex19, adDC("RODC", `site = "Branch"`, `read_only = true`)),
			"but no writable global catalog server (RODC is a read-only domain controller), and Exchange needs"},
		{"a GC whose read-only flag is unknown", org(sites, hqGC, ex19, adDC("DC-BR", `site = "Branch"`, `global_catalog = true`)), ""},
		{"a writable DC whose GC role is unknown", org(sites, hqGC, ex19, adDC("DC-BR", `site = "Branch"`, `read_only = false`)), ""},
		{"a DC of unknown site that might serve", org(sites, hqGC, ex19, adDC("DC-X", `global_catalog = true`, `read_only = false`)), ""},
		{"a DC of unknown site that cannot serve", org(sites, hqGC, ex19, adDC("RODC-X", `global_catalog = true`, `read_only = true`)),
			"but no domain controller, and Exchange needs"},
		{"no domain controller at all: Active Directory not described", org(sites, ex19), ""},
		{"a server of unknown site", org(sites, hqGC, srv("EX", "2019", "CU15")), ""},
		{"an Edge server in the site", org(sites, hqGC, ex("EDGE", "2019", "CU15", `roles = ["edge_transport"]`)), ""},
		{"a server of unknown roles counts", org(sites, hqGC, ex("EX", "2016", "CU23")), "site Branch has Exchange servers (EX) but no domain controller"},
		{"Exchange 2010 needs a writable GC", org(sites, hqGC, ex("EX10", "2010", "SP3 RU32"), adDC("RODC", `site = "Branch"`, `global_catalog = true`, `read_only = true`)),
			"its only global catalog server (RODC) is read-only"},
		{"Exchange 2007 needs a GC: a read-only one is one", org(sites, hqGC, ex("EX07", "2007", "SP3 RU23"), adDC("RODC", `site = "Branch"`, `global_catalog = true`, `read_only = true`)), ""},
		{"Exchange 2007 without a GC", org(sites, hqGC, ex("EX07", "2007", "SP3 RU23"), adDC("DC-BR", `site = "Branch"`, `global_catalog = false`)),
			"but no global catalog server (DC-BR is not a global catalog), and Exchange 2007 needs a global catalog in each of its sites: make a domain controller in Branch a global catalog server, or add one"},
		{"Exchange 2007 and 2010: writable", org(sites, hqGC, ex("EX07", "2007", "SP3 RU23"), ex("EX10", "2010", "SP3 RU32"), adDC("RODC", `site = "Branch"`, `global_catalog = true`, `read_only = true`)),
			"site Branch has Exchange servers (EX07 and EX10) but its only global catalog server (RODC) is read-only"},
		{"Exchange 2003 is not checked", org(sites, hqGC, ex("EX03", "2003", "SP2")), ""},
	}
	for _, tc := range cases {
		fs := check(t, domainControllerReadOnly{}, today, tc.src)
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "site.Branch" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one error at site.Branch containing %q:\n%s", tc.name, tc.want, summary(fs))
		}
	}
}

// One finding per site, with the fix, pointing at the site.
func TestDomainControllerReadOnlyPerSite(t *testing.T) {
	src := org("site \"A\" {}\nsite \"B\" {}\nsite \"C\" {}\n",
		srv("EXA", "2019", "CU15", `site = "A"`), srv("EXA2", "2019", "CU15", `site = "A"`),
		srv("EXB", "2019", "CU15", `site = "B"`), srv("EXC", "2019", "CU15", `site = "C"`),
		adDC("RODC-A", `site = "A"`, `global_catalog = true`, `read_only = true`),
		adDC("RODC-B", `site = "B"`, `global_catalog = true`, `read_only = true`),
		adDC("DC-C", `site = "C"`, `global_catalog = true`, `read_only = false`))
	fs := check(t, domainControllerReadOnly{}, today, src)
	if len(fs) != 2 || fs[0].Address != "site.A" || fs[1].Address != "site.B" {
		t.Fatalf("want findings at sites A and B:\n%s", summary(fs))
	}
	want := "site A has Exchange servers (EXA and EXA2) but its only global catalog server (RODC-A) is read-only, " +
		"and Exchange needs a writable global catalog in each of its sites: make a writable domain controller in A a global catalog server, or add one"
	if fs[0].Message != want || at(fs[0]) != "2:6" || len(fs[0].Related) != 1 {
		t.Errorf("got %s %s\nwant %s", at(fs[0]), fs[0].Message, want)
	}
}
