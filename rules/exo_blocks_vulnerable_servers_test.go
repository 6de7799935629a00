package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// A server of each version in hybrid.servers, at a level that is current
// after its end of support: every version but SE is out of support on the
// evaluation date. The fix names a version to route hybrid mail through only
// where one in support can join the organization; how sure the sources are
// of the enforcement is the rule page's.
func TestExoBlocksVulnerableServersVersions(t *testing.T) {
	cases := []struct {
		version, level string
		note           string // "" when not reported
	}{
		{"2003", "SP2", ": take EX off the mail path"},
		{"2007", "SP3 RU23", ": take EX off the mail path"},
		{"2010", "SP3 RU32", ": take EX off the mail path"},
		{"2013", "CU23 Mar23SU", ": take EX off the mail path"},
		{"2016", "CU23 Aug26SU", ": take EX off the mail path and move that mail to up-to-date Exchange SE servers"},
		{"2019", "CU15 Aug26SU", ": take EX off the mail path and move that mail to up-to-date Exchange SE servers"},
		{"SE", "RTM Aug26SU", ""},
		{"SE", "RTM", ""}, // a current level without its latest update: exchange-security-update-missing
	}
	for _, tc := range cases {
		src := org(srv("EX", tc.version, tc.level), `hybrid {
  servers = ["EX"]
}`)
		fs := check(t, exoBlocksVulnerableServers{}, today, src)
		want := tc.note != ""
		if got := len(fs) == 1; got != want || len(fs) > 1 {
			t.Errorf("%s %s: %d findings, want finding=%v\n%s", tc.version, tc.level, len(fs), want, summary(fs))
			continue
		}
		if !want {
			continue
		}
		f := fs[0]
		if f.Severity != lint.Warning || f.Address != "hybrid.servers[0]" || len(f.Related) != 1 || f.Related[0].Range.Start.Line != 3 {
			t.Errorf("%s: %s at %s, related %+v", tc.version, f.Severity, f.Address, f.Related)
		}
		for _, w := range []string{"EX (Exchange " + tc.version + ", out of support since ", ") carries mail with Exchange Online (hybrid.servers), which throttles and blocks such servers",
			tc.note} {
			if !strings.Contains(f.Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.version, w, f.Message)
			}
		}
	}
}

// The end of support and the currency boundaries.
func TestExoBlocksVulnerableServersDates(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		want                 string // "" when not reported
	}{
		{"2019", "CU15", "2025-10-14", ""},
		{"2019", "CU15", "2025-10-15", "out of support since 2025-10-14"},
		{"2019", "CU13", "2025-02-09", ""},
		{"2019", "CU13", "2025-02-10", "not on a current update level (CU14 (15.2.1544.4) or CU15 (15.2.1748.10))"},
		{"2016", "CU22", "2022-04-19", ""},
		{"2016", "CU21", "2022-04-20", "not on a current update level (CU22 (15.1.2375.7) or CU23 (15.1.2507.6))"},
		{"2013", "CU23", "2023-04-11", ""},
		{"2013", "CU23", "2023-04-12", "out of support since 2023-04-11"},
		{"2019", "CU99", "2025-01-01", ""}, // unknown level, in support: not guessed at
	}
	for _, tc := range cases {
		src := org(srv("EX", tc.version, tc.level), `hybrid {
  servers = ["EX"]
}`)
		fs := check(t, exoBlocksVulnerableServers{}, tc.asOf, src)
		want := tc.want != ""
		if got := len(fs) == 1; got != want || len(fs) > 1 {
			t.Errorf("%s %s on %s: %d findings, want finding=%v\n%s", tc.version, tc.level, tc.asOf, len(fs), want, summary(fs))
			continue
		}
		if want && !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s %s on %s: message lacks %q: %s", tc.version, tc.level, tc.asOf, tc.want, fs[0].Message)
		}
		if strings.Contains(tc.want, "not on a current") && !strings.Contains(fs[0].Message, ": install ") {
			t.Errorf("%s %s: no install advice: %s", tc.version, tc.level, fs[0].Message)
		}
	}
}

// Which servers are on the hybrid mail path: hybrid.edge_servers, else
// hybrid.servers, of a hybrid deployment with mail flow (not minimal or
// express), and the servers of connectors with cloud_services_mail.
func TestExoBlocksVulnerableServersMailPath(t *testing.T) {
	servers := srv("EX16", "2016", "CU23") + srv("EDGE16", "2016", "CU23") + srv("EXSE", "SE", "RTM")
	cases := []struct {
		name, blocks string
		want         []string // addresses
	}{
		{"no hybrid, no connector", "", nil},
		{"full hybrid", `hybrid {
  topology = "classic_full"
  servers  = ["EXSE", "EX16"]
}`, []string{"hybrid.servers[1]"}},
		{"topology absent: the wizard's default, full", `hybrid {
  servers = ["EX16"]
}`, []string{"hybrid.servers[0]"}},
		{"modern full", `hybrid {
  topology = "modern_full"
  servers  = ["EX16"]
}`, []string{"hybrid.servers[0]"}},
		{"classic minimal", `hybrid {
  topology = "classic_minimal"
  servers  = ["EX16"]
}`, nil},
		{"express", `hybrid {
  topology = "express"
  servers  = ["EX16"]
}`, nil},
		{"modern minimal", `hybrid {
  topology = "modern_minimal"
  servers  = ["EX16"]
}`, nil},
		// With Edge servers, hybrid mail flows through them: hybrid.servers
		// run the endpoints only (docs/language.md).
		{"edge servers: the hybrid servers are off the mail path", `hybrid {
  servers      = ["EX16", "EDGE16"]
  edge_servers = ["EDGE16"]
}`, []string{"hybrid.edge_servers[0]"}}, // EDGE16 once, at edge_servers
		{"an empty edge_servers list: the hybrid servers carry the mail", `hybrid {
  servers      = ["EX16"]
  edge_servers = []
}`, []string{"hybrid.servers[0]"}},
		{"edge servers and a cloud connector: the connector's servers count", `hybrid {
  servers      = ["EX16"]
  edge_servers = ["EDGE16"]
}
connector "send" "To EXO" {
  servers             = ["EX16"]
  cloud_services_mail = true
}`, []string{"hybrid.edge_servers[0]", `connector.send."To EXO".servers[0]`}},
		{"cloud connector without hybrid", `connector "send" "To EXO" {
  servers             = ["EX16", "EXSE"]
  cloud_services_mail = true
}`, []string{`connector.send."To EXO".servers[0]`}},
		{"connector without cloud_services_mail", `connector "send" "Internet" {
  servers             = ["EX16"]
  cloud_services_mail = false
}
connector "receive" "Partners" {
  servers = ["EX16"]
}`, nil},
		{"minimal hybrid with a cloud connector", `hybrid {
  topology = "classic_minimal"
  servers  = ["EDGE16"]
}
connector "receive" "From EXO" {
  servers             = ["EX16"]
  cloud_services_mail = true
}`, []string{`connector.receive."From EXO".servers[0]`}},
	}
	for _, tc := range cases {
		fs := check(t, exoBlocksVulnerableServers{}, today, org(servers, tc.blocks))
		var got []string
		for _, f := range fs {
			got = append(got, f.Address)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: findings at %v, want %v\n%s", tc.name, got, tc.want, summary(fs))
		}
	}
	fs := check(t, exoBlocksVulnerableServers{}, today, org(servers, `connector "send" "To EXO" {
  servers             = ["EX16"]
  cloud_services_mail = true
}`))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, `(send connector "To EXO")`) {
		t.Errorf("connector message:\n%s", summary(fs))
	}
}

// Where the mail of a server goes names a version that can join the
// organization, or what must go first: Exchange SE refuses Exchange 2013 and
// 2010, so beside them "once Exchange 2013 is gone" (as
// exchange-end-of-support says). A server in support that is not current
// goes to the newest current level that can join (updateTarget): beside
// 2013, 2019 CU14 with its latest update.
func TestExoBlocksVulnerableServersJoinable(t *testing.T) {
	hybrid := hybridBlock(`servers = ["EX19"]`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	ex10 := srv("EX10", "2010", "SP3 RU32", `roles = ["mailbox", "client_access", "hub_transport"]`)
	for _, tc := range []struct {
		name, asOf, level, other, fix string
	}{
		{"out of support, beside 2013", "2026-12-06", "CU13", ex13,
			": take EX19 off the mail path and move that mail to up-to-date Exchange SE servers (once Exchange 2013 is gone)"},
		{"out of support, beside 2010", "2026-12-06", "CU15", ex10,
			": take EX19 off the mail path and move that mail to up-to-date Exchange SE servers (once Exchange 2010 is gone)"},
		{"out of support, alone", "2026-12-06", "CU15", "",
			": take EX19 off the mail path and move that mail to up-to-date Exchange SE servers"},
		{"in support, not current, beside 2013", "2025-03-01", "CU13", ex13,
			": install CU14 Nov24SUv2 on EX19 (CU15 once Exchange 2013 is gone), or move that mail to up-to-date servers"},
		{"in support, not current, alone", "2025-03-01", "CU13", "",
			": install CU15 and its latest security update on EX19, or move that mail to up-to-date servers"},
	} {
		src := org(tc.other, srv("EX19", "2019", tc.level, `roles = ["mailbox"]`), hybrid)
		fs := check(t, exoBlocksVulnerableServers{}, tc.asOf, src)
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, tc.fix) {
			t.Errorf("%s: want a finding ending %q:\n%s", tc.name, tc.fix, summary(fs))
		}
	}
}
