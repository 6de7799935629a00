package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Which hybrid servers get the free hybrid license: 2013, 2016 and SE always,
// 2019 from CU12, 2010 until the FAQ dropped it on 2022-06-16, nothing older.
func TestHybridLicense(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		at, want             string // "" for no finding
	}{
		{"2013", "CU23", today, "", ""},
		{"2016", "CU23", today, "", ""},
		{"SE", "RTM", today, "", ""},
		{"2019", "CU12", today, "", ""},
		{"2019", "15.2.1118.7", today, "", ""},
		{"2019", "15.2.1118.6", today, "server.EX.build", "hybrid server EX runs Exchange Server 2019 CU11 Mar23SU (15.2.986.42), and the wizard's free hybrid license covers Exchange 2019 only from CU12 (15.2.1118.7): update EX to the latest CU, or license it"},
		{"2019", "CU11", today, "server.EX.update", "hybrid server EX runs Exchange Server 2019 CU11"},
		{"2019", "CU11", "2021-01-01", "server.EX.update", "only from CU12"},
		{"2019", "CU99", today, "", ""}, // unknown level: not guessed
		{"2010", "SP3 RU32", "2022-06-15", "", ""},
		{"2010", "SP3 RU32", "2022-06-16", "server.EX.version", "which the Hybrid Configuration Wizard's FAQ no longer names for the free hybrid license (since 2022-06-16): do not count on a free key for EX"},
		{"2007", "SP3 RU23", today, "server.EX.version", "which the Hybrid Configuration Wizard's free hybrid license does not cover"},
	}
	for _, tc := range cases {
		fs := check(t, hybridLicense{}, tc.asOf, org(srv("EX", tc.version, tc.level), hybridBlock(`servers = ["EX"]`)))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s %s on %s: want no finding:\n%s", tc.version, tc.level, tc.asOf, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Info || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s %s on %s: want one info at %s with %q:\n%s", tc.version, tc.level, tc.asOf, tc.at, tc.want, summary(fs))
		}
	}
	// Only hybrid.servers counts: not other servers, not Edge servers, not
	// a topology without the list.
	old := srv("EX", "2019", "CU11")
	for _, src := range []string{org(old), org(old, hybridBlock()), org(old, hybridBlock(`edge_servers = ["EX"]`))} {
		if fs := check(t, hybridLicense{}, today, src); len(fs) != 0 {
			t.Errorf("want no finding:\n%s", summary(fs))
		}
	}
}

// The CU to update to is the latest, unless it cannot join the organization
// (updateTarget): beside Exchange 2013, which 2019 CU15 and later refuse,
// 2019 CU14 with its latest update.
func TestHybridLicenseJoinableLevel(t *testing.T) {
	for _, tc := range []struct {
		name, other, want string
	}{
		{"beside 2013", srv("EX13", "2013", "CU23"),
			"hybrid server EX runs Exchange Server 2019 CU11 (15.2.986.5), and the wizard's free hybrid license covers Exchange 2019 only from CU12 (15.2.1118.7): " +
				"install CU14 Aug26SU on EX (CU15 once Exchange 2013 is gone), or license it"},
		{"alone", "", "covers Exchange 2019 only from CU12 (15.2.1118.7): update EX to the latest CU, or license it"},
	} {
		var got []string
		for _, f := range check(t, hybridLicense{}, "2026-12-06", org(tc.other, srv("EX", "2019", "CU11"), hybridBlock(`servers = ["EX"]`))) {
			if f.Address == "server.EX.update" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) {
			t.Errorf("%s: %q, want …%q", tc.name, got, tc.want)
		}
	}
}
