package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
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
		// SE coexists with 2019 CU14/CU15 (the in-place upgrade): a 2019
		// hybrid server may remain beside SE servers.
		"SE": {"2019", "SE"},
	}
	for onprem, ok := range allowed {
		for _, hv := range []string{"2010", "2013", "2016", "2019", "SE"} {
			src := org(srv("OLD", onprem, someLevel[onprem]), srv("HYB", hv, someLevel[hv], `roles = ["mailbox", "client_access"]`), hybridWith("HYB"))
			fs := check(t, hybridServerVersion{}, today, src)
			want := !slices.Contains(ok, hv)
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

// The fix names the newest version every version here accepts that is in
// support on the evaluation date: Exchange 2016 beside 2010 through
// 2025-10-14, none after.
func TestHybridServerVersionFix(t *testing.T) {
	src := org(srv("EX10", "2010", "SP3 RU32"), srv("EX19", "2019", "CU14"), hybridWith("EX19"))
	for asOf, want := range map[string]string{
		"2025-10-14": "EX19 runs Exchange Server 2019, which Exchange Server 2010 (EX10) does not accept as hybrid server " +
			"(it accepts Exchange 2010, 2013 and 2016): run hybrid on an Exchange 2016 server instead",
		"2025-10-15": "EX19 runs Exchange Server 2019, which Exchange Server 2010 (EX10) does not accept as hybrid server " +
			"(it accepts Exchange 2010, 2013 and 2016): no version in support suits Exchange 2010; retire those servers first",
	} {
		fs := check(t, hybridServerVersion{}, asOf, src)
		if len(fs) != 1 || fs[0].Message != want {
			t.Errorf("on %s:\n%s\nwant %s", asOf, summary(fs), want)
		}
	}
}

// The suggested version leaves out the rejected hybrid server's own version
// only when that server is the last of its version (replacing it retires the
// version); when other servers of that version remain, they still constrain
// the suggestion.
func TestHybridServerVersionFixKeepsRemainingServers(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		// SE cannot be in one organization with Exchange 2010: EX10 must be
		// gone first.
		{"the only 2010 server is the rejected hybrid server",
			org(srv("EX10", "2010", "SP3 RU32"), srv("EX16", "2016", "CU23"), hybridWith("EX10")),
			"run hybrid on an Exchange SE server instead (once Exchange 2010 is gone)"},
		// 2010 and 2016 accept 2016 only, out of support.
		{"another 2010 server remains",
			org(srv("EX10A", "2010", "SP3 RU32"), srv("EX10B", "2010", "SP3 RU32"), srv("EX16", "2016", "CU23"), hybridWith("EX10A")),
			"no version in support suits Exchange 2010; retire those servers first"},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerVersion{}, today, tc.src)
		if len(fs) != 1 || fs[0].Address != "hybrid.servers[0]" || fs[0].Severity != lint.Error || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one error at hybrid.servers[0] containing %q:\n%s", tc.name, tc.want, summary(fs))
		}
	}
}

// The fix never names a version that cannot join the organization without
// saying what must go first: Exchange SE's setup refuses an organization with
// Exchange 2013 (coexistence), so beside the last 2013 server, the rejected
// hybrid server, SE is "once Exchange 2013 is gone". While Exchange 2019,
// which can be beside 2013, is in support (through 2025-10-14), it is named
// instead.
func TestHybridServerVersionFixCoexists(t *testing.T) {
	src := org(srv("EX13", "2013", "CU23 Mar23SU", `roles = ["mailbox", "client_access"]`), srv("EX16", "2016", "CU23 Aug26SU", `roles = ["mailbox"]`), hybridWith("EX13"))
	head := "EX13 runs Exchange Server 2013, which Exchange Server 2016 (EX16) does not accept as hybrid server (it accepts Exchange 2016, 2019 and SE): "
	for asOf, want := range map[string]string{
		"2025-10-14": head + "run hybrid on an Exchange 2019 server instead",
		"2025-10-15": head + "run hybrid on an Exchange SE server instead (once Exchange 2013 is gone)",
		"2026-12-06": head + "run hybrid on an Exchange SE server instead (once Exchange 2013 is gone)",
	} {
		fs := check(t, hybridServerVersion{}, asOf, src)
		if len(fs) != 1 || fs[0].Message != want {
			t.Errorf("on %s:\n%s\nwant %s", asOf, summary(fs), want)
		}
	}
	// Beside SE, which can be in one organization with 2016 CU23, nothing
	// must go first.
	fs := check(t, hybridServerVersion{}, "2026-12-06", org(srv("EXSE", "SE", "RTM"), srv("EX16", "2016", "CU23"), hybridWith("EX16")))
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, ": run hybrid on an Exchange SE server instead") {
		t.Errorf("2016 hybrid beside SE:\n%s", summary(fs))
	}
}

// An organization in the middle of the in-place upgrade from 2019 to SE keeps
// a 2019 CU14/CU15 hybrid server beside SE servers; 2016 hybrid servers stay
// rejected there (the 2019 row of Microsoft's table rejects them).
func TestHybridServerVersionSEUpgrade(t *testing.T) {
	cases := []struct {
		name, src, fails string
	}{
		{"2019 CU14 hybrid beside SE", org(srv("EXSE", "SE", "RTM"), srv("EX19", "2019", "CU14"), hybridWith("EX19")), ""},
		{"2019 CU15 hybrid beside SE", org(srv("EXSE", "SE", "RTM"), srv("EX19", "2019", "CU15"), hybridWith("EX19")), ""},
		{"SE hybrid beside 2019", org(srv("EXSE", "SE", "RTM"), srv("EX19", "2019", "CU15"), hybridWith("EXSE")), ""},
		{"2016 hybrid beside SE", org(srv("EXSE", "SE", "RTM"), srv("EX16", "2016", "CU23"), hybridWith("EX16")),
			"(it accepts Exchange 2019 and SE): run hybrid on an Exchange SE server instead"},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerVersion{}, today, tc.src)
		switch {
		case tc.fails == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.fails != "" && (len(fs) != 1 || fs[0].Address != "hybrid.servers[0]" || !strings.Contains(fs[0].Message, tc.fails)):
			t.Errorf("%s: want one finding containing %q:\n%s", tc.name, tc.fails, summary(fs))
		}
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

// The fix for an organization with Exchange 2007: install an Exchange 2013
// hybrid server while 2013 is in support (through 2023-04-11); after that no
// version in support can be one, and the 2007 servers must go first.
func TestHybrid2007Fix(t *testing.T) {
	src := org(srv("EX07", "2007", "SP3 RU23"), srv("EX16", "2016", "CU23"), hybridWith("EX16"))
	for asOf, fix := range map[string]string{
		"2023-04-11": "install Exchange 2013 at its latest CU and list it in hybrid.servers",
		"2023-04-12": "no version in support can be one: retire the 2007 servers first",
	} {
		want := "the organization has Exchange 2007 servers (EX07), so its hybrid server must be Exchange 2013 CU1 or later " +
			"with the Client Access and Mailbox roles, and hybrid.servers lists EX16 (Exchange Server 2016): " + fix
		if fs := check(t, hybridServerVersion{}, asOf, src); len(fs) != 1 || fs[0].Message != want {
			t.Errorf("on %s:\n%s\nwant %s", asOf, summary(fs), want)
		}
	}
}
