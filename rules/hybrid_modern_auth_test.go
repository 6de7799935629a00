package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestHybridModernAuth(t *testing.T) {
	on := hybridBlock(`modern_auth = true`)
	cases := []struct {
		name, version, level, asOf string
		sev                        lint.Severity // 0: no finding
		at                         string
		want                       string
	}{
		// No Exchange 2007 or 2010 in the organization, whatever their level.
		{"2010", "2010", "SP3 RU32", today, lint.Error, "server.EX.version", "needs an organization without Exchange 2010 servers: move its mailboxes and remove it before turning it on"},
		{"2007", "2007", "SP3 RU23", today, lint.Error, "server.EX.version", "runs Exchange Server 2007"},
		// The minimum of each version, on the day its minimum came out: one
		// level below is then the previous CU, current for hybrid, yet too old.
		{"2013 CU18", "2013", "CU18", "2017-12-19", lint.Error, "server.EX.update", "below Exchange Server 2013 CU19 (15.0.1365.1), the first level with hybrid modern authentication (hybrid.modern_auth): install CU19 on EX"},
		{"2013 CU19", "2013", "CU19", "2017-12-19", 0, "", ""},
		{"2016 CU7", "2016", "CU7", "2017-12-19", lint.Error, "server.EX.update", "below Exchange Server 2016 CU8 (15.1.1415.2)"},
		{"2016 CU8", "2016", "CU8", "2017-12-19", 0, "", ""},
		{"2019 RTM", "2019", "RTM", "2019-02-12", lint.Error, "server.EX.update", "below Exchange Server 2019 CU1 (15.2.330.5)"},
		{"2019 CU1", "2019", "CU1", "2019-02-12", 0, "", ""},
		{"2019 CU1 by build", "2019", "15.2.330.5", "2019-02-12", 0, "", ""},
		{"2019 below CU1 by build", "2019", "15.2.330.4", "2019-02-12", lint.Error, "server.EX.build", "below Exchange Server 2019 CU1"},
		// The latest CU passes; the previous one is a warning (the sources
		// disagree); older ones fail.
		{"2019 CU15", "2019", "CU15", today, 0, "", ""},
		{"2019 CU15 with an SU", "2019", "CU15 Feb26SU", today, 0, "", ""},
		{"2019 CU14", "2019", "CU14", today, lint.Warning, "server.EX.update", "the previous CU, and hybrid modern authentication asks for the latest (sources disagree: see the rule page): install CU15 on EX"},
		{"2019 CU13", "2019", "CU13", today, lint.Error, "server.EX.update", "not a current CU (CU14 or CU15), and hybrid modern authentication (hybrid.modern_auth) needs the latest: install CU15 on EX"},
		{"2019 CU13 before CU15", "2019", "CU13", "2025-02-09", lint.Warning, "server.EX.update", "the previous CU, and hybrid modern authentication asks for the latest (sources disagree: see the rule page): install CU14 on EX"},
		{"2019 CU14 before CU15", "2019", "CU14", "2025-02-09", 0, "", ""},
		{"2016 CU23", "2016", "CU23", today, 0, "", ""},
		{"2016 CU22", "2016", "CU22", today, lint.Error, "server.EX.update", "not a current CU (CU23), and hybrid modern authentication (hybrid.modern_auth) needs the latest: install CU23 on EX"},
		{"2013 CU23", "2013", "CU23", today, 0, "", ""},
		{"2013 CU22", "2013", "CU22", today, lint.Error, "server.EX.update", "not a current CU (CU23), and hybrid modern authentication (hybrid.modern_auth) needs the latest: install CU23 on EX"},
		{"SE RTM", "SE", "RTM", today, 0, "", ""},
		{"SE RTM with an SU", "SE", "RTM Aug25SU", today, 0, "", ""},
		{"unknown level", "2019", "CU99", today, 0, "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridModernAuth{}, tc.asOf, org(srv("EX", tc.version, tc.level), on))
		if tc.sev == 0 {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) ||
			len(fs[0].Related) != 1 {
			t.Errorf("%s: want one %s at %s with %q:\n%s", tc.name, tc.sev, tc.at, tc.want, summary(fs))
		}
	}
}

// Modern authentication off or unknown: nothing to check. Every server of the
// organization counts, servers outside hybrid.servers included, one finding
// each; Edge Transport servers take no part in modern authentication (no
// client or EWS endpoints), whatever their version or level.
func TestHybridModernAuthScope(t *testing.T) {
	old := srv("EX10", "2010", "SP3 RU32")
	for _, h := range []string{hybridBlock(`modern_auth = false`), hybridBlock(`topology = "classic_full"`), ""} {
		if fs := check(t, hybridModernAuth{}, today, org(old, h)); len(fs) != 0 {
			t.Errorf("%q: want no finding:\n%s", h, summary(fs))
		}
	}
	src := org(old, srv("EX16", "2016", "CU23"), srv("EDGE", "2016", "CU21", `roles = ["edge_transport"]`),
		srv("EX19", "2019", "CU14"), hybridBlock(`servers = ["EX16"]`, `modern_auth = true`))
	fs := check(t, hybridModernAuth{}, today, src)
	var got []string
	for _, f := range fs {
		got = append(got, f.Address)
	}
	if strings.Join(got, " ") != "server.EX10.version server.EX19.update" {
		t.Errorf("findings at %v:\n%s", got, summary(fs))
	}
	for _, edge := range []string{
		srv("EDGE", "2010", "SP3 RU32", `roles = ["edge_transport"]`), // a 2010 Edge server
		srv("EDGE", "2016", "CU21", `roles = ["edge_transport"]`),     // below the latest CU
		srv("EDGE", "2013", "CU18", `roles = ["edge_transport"]`),     // below the HMA minimum
	} {
		src := org(srv("EX", "SE", "RTM", `roles = ["mailbox"]`), edge, hybridBlock(`modern_auth = true`, `edge_servers = ["EDGE"]`))
		if fs := check(t, hybridModernAuth{}, today, src); len(fs) != 0 {
			t.Errorf("an Edge Transport server: want no finding:\n%s", summary(fs))
		}
	}
	// Roles unknown: the server may be a Mailbox server, and is judged.
	src = org(srv("EX", "2016", "CU21"), hybridBlock(`modern_auth = true`))
	if fs := check(t, hybridModernAuth{}, today, src); len(fs) != 1 || fs[0].Address != "server.EX.update" {
		t.Errorf("roles unknown: want one finding at server.EX.update:\n%s", summary(fs))
	}
}

// The level to install is the newest current one that can join the
// organization (updateTarget). Beside Exchange 2013, which 2019 CU15 and
// later refuse, a 2019 server not current goes to CU14 with its latest
// update (CU15 once 2013 is gone); one at CU14, for which modern
// authentication asks the latest, needs 2013 gone first.
func TestHybridModernAuthJoinableLevel(t *testing.T) {
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	hybrid := hybridBlock(`servers = ["EX19"]`, `modern_auth = true`)
	for _, tc := range []struct {
		name, level, other string
		sev                lint.Severity
		fix                string
	}{
		{"CU13 beside 2013", "CU13", ex13, lint.Error, "needs the latest: install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)"},
		{"CU13 alone", "CU13", "", lint.Error, "needs the latest: install CU15 on EX19"},
		{"CU14 beside 2013", "CU14", ex13, lint.Warning, "(sources disagree: see the rule page): remove the Exchange 2013 servers, then install CU15 on EX19"},
		{"CU14 alone", "CU14", "", lint.Warning, "(sources disagree: see the rule page): install CU15 on EX19"},
	} {
		fs := check(t, hybridModernAuth{}, "2026-12-06", org(tc.other, srv("EX19", "2019", tc.level, `roles = ["mailbox"]`), hybrid))
		var mine []lint.Finding
		for _, f := range fs {
			if f.Address == "server.EX19.update" {
				mine = append(mine, f)
			}
		}
		if len(mine) != 1 || mine[0].Severity != tc.sev || !strings.HasSuffix(mine[0].Message, tc.fix) {
			t.Errorf("%s: want a %s ending %q:\n%s", tc.name, tc.sev, tc.fix, summary(fs))
		}
	}
}
