package rules

import (
	"strings"
	"testing"
)

func hybridWith(servers ...string) string {
	return "hybrid {\n  servers = [\"" + strings.Join(servers, `", "`) + "\"]\n}\n"
}

// Which hybrid server versions an organization allows (Microsoft's "which
// hybrid version" table), for every pair of an on-premises version and a
// hybrid server version, the hybrid server being a separate server.
func TestHybridServerVersionMatrix(t *testing.T) {
	allowed := map[string][]string{
		"2003": {"2010"},
		"2010": {"2010", "2013", "2016"},
		"2013": {"2013", "2016", "2019"},
		"2016": {"2016", "2019", "SE"},
		"2019": {"2019", "SE"},
		"SE":   {"SE"},
	}
	for onprem, ok := range allowed {
		for _, hv := range []string{"2010", "2013", "2016", "2019", "SE"} {
			src := org(srv("OLD", onprem, someLevel[onprem]), srv("HYB", hv, someLevel[hv], `roles = ["mailbox", "client_access"]`), hybridWith("HYB"))
			fs := check(t, hybridServerVersion{}, today, src)
			want := !contains(ok, hv)
			if got := len(fs) == 1; got != want || len(fs) > 1 {
				t.Errorf("%s hybrid server with %s on premises: %d findings, want forbidden=%v\n%s", hv, onprem, len(fs), want, summary(fs))
				continue
			}
			if want && fs[0].Address != "hybrid.servers[0]" {
				t.Errorf("%s hybrid with %s: finding at %s, want hybrid.servers[0]", hv, onprem, fs[0].Address)
			}
		}
	}
}

func TestHybridServerVersionFix(t *testing.T) {
	src := org(srv("EX10", "2010", "SP3 RU32"), srv("EX19", "2019", "CU14"), hybridWith("EX19"))
	fs := check(t, hybridServerVersion{}, today, src)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "run hybrid on an Exchange 2016 server instead") {
		t.Fatalf("the fix should name the newest allowed version:\n%s", summary(fs))
	}
}

// With Exchange 2007, hybrid needs an Exchange 2013 server at CU1 or later
// (the 2013/2007 hybrid page), whatever else is listed.
func TestHybrid2007NeedsExchange2013(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`)
	cases := []struct {
		name  string
		src   string
		fails string // substring of the message, or "" for no finding
		at    string
	}{
		{"2013 RTM listed", org(ex07, srv("EX13", "2013", "RTM"), hybridWith("EX13")), "EX13 runs Exchange Server 2013 RTM", "hybrid.servers"},
		{"2013 CU1 listed", org(ex07, srv("EX13", "2013", "CU1"), hybridWith("EX13")), "", ""},
		{"2013 CU1 by build", org(ex07, srv("EX13", "2013", "15.0.620.29"), hybridWith("EX13")), "", ""},
		{"2013 below CU1 by build", org(ex07, srv("EX13", "2013", "15.0.620.28"), hybridWith("EX13")), "runs Exchange Server 2013 RTM", "hybrid.servers"},
		{"2013 CU23 listed", org(ex07, srv("EX13", "2013", "CU23"), hybridWith("EX13")), "", ""},
		{"only 2007 listed", org(ex07, srv("EX13", "2013", "CU23"), hybridWith("EX07")), "hybrid.servers lists EX07 (Exchange Server 2007)", "hybrid.servers"},
		{"no 2013 server at all", org(ex07, "hybrid {\n  topology = \"classic_full\"\n}\n"), "the topology has none", "hybrid"},
		{"2013 server, no list", org(ex07, srv("EX13", "2013", "CU23"), "hybrid {}\n"), "", ""},
		{"2013 Edge does not count", org(ex07, srv("EDGE13", "2013", "CU23", `roles = ["edge_transport"]`), "hybrid {}\n"), "the topology has none", "hybrid"},
		{"no hybrid block", org(ex07), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerVersion{}, today, tc.src)
		switch {
		case tc.fails == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.fails != "" && (len(fs) != 1 || !strings.Contains(fs[0].Message, tc.fails) || fs[0].Address != tc.at):
			t.Errorf("%s: want one finding at %s containing %q:\n%s", tc.name, tc.at, tc.fails, summary(fs))
		}
	}
}
