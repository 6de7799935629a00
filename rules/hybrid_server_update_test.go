package rules

import (
	"strings"
	"testing"
)

// Hybrid and hybrid Edge servers must be on the latest or the previous level
// on as_of; after the end of support, on a level Microsoft still services.
func TestHybridServerUpdate(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		fails                bool
		want                 string // in the message
	}{
		{"SE", "RTM", today, false, ""},
		{"2019", "CU15", today, false, ""},
		{"2019", "CU14", today, false, ""},
		{"2019", "CU13", today, true, "and hybrid needs the last levels Microsoft updated (CU14 or CU15): install CU15 on HYB"},
		// Before 2019's end of support: latest and previous by date.
		{"2019", "CU13", "2025-02-09", false, ""}, // CU15 came out on 2025-02-10
		{"2019", "CU13", "2025-02-10", true, "and hybrid needs the latest or previous CU/RU (on 2025-02-10: CU14 or CU15): install CU15 on HYB"},
		{"2019", "CU12", "2025-02-09", true, "CU13 or CU14"},
		{"2016", "CU23", today, false, ""},
		{"2016", "CU22", today, true, "CU23"},
		{"2013", "CU23", today, false, ""},
		// 2013's end of support (2023-04-11): the previous CU counts through
		// that day, only CU23 (the level Microsoft kept servicing) after it.
		{"2013", "CU22", "2023-04-11", false, ""},
		{"2013", "CU22", "2023-04-12", true, "and hybrid needs the last level Microsoft updated (CU23): install CU23 on HYB"},
		{"2013", "CU22", today, true, "CU23"},
		{"2010", "SP3 RU32", today, false, ""},
		{"2010", "SP3 RU31", today, true, "SP3 RU32"},
		// A security update on a current level is that level.
		{"2019", "CU14 Apr25HU", today, false, ""},
		{"2019", "CU13 Mar24SU", today, true, "runs Exchange Server 2019 CU13 Mar24SU"},
	}
	for _, tc := range cases {
		for _, edge := range []bool{false, true} {
			hybrid, roles := hybridWith("HYB"), hyRoles("mailbox")
			if edge {
				hybrid, roles = "hybrid {\n  edge_servers = [\"HYB\"]\n}\n", hyRoles("edge_transport")
			}
			fs := check(t, hybridServerUpdate{}, tc.asOf, org(srv("HYB", tc.version, tc.level, roles), hybrid))
			name := tc.version + " " + tc.level + " on " + tc.asOf
			if edge {
				name += " (Edge)"
			}
			if !tc.fails {
				if len(fs) != 0 {
					t.Errorf("%s: want no finding:\n%s", name, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Address != "server.HYB.update" || fs[0].Severity.String() != "error" ||
				!strings.Contains(fs[0].Message, tc.want) || len(fs[0].Related) != 1 {
				t.Errorf("%s: want one error at server.HYB.update containing %q with the list item related:\n%s", name, tc.want, summary(fs))
				continue
			}
			if edge && !strings.Contains(fs[0].Message, "hybrid Edge Transport server HYB") {
				t.Errorf("%s: the message should say it is an Edge server: %s", name, fs[0].Message)
			}
		}
	}
}

// A server in both lists is reported once; a build decides the level; an
// unknown level, other servers and an absent hybrid block are silent.
func TestHybridServerUpdateScope(t *testing.T) {
	cases := []struct {
		name, src string
		n         int
		at        string
	}{
		{"both lists", org(srv("HYB", "2019", "CU13"), "hybrid {\n  servers = [\"HYB\"]\n  edge_servers = [\"HYB\"]\n}\n"), 1, "server.HYB.update"},
		{"build", org(srv("HYB", "2019", "15.2.1258.12"), hybridWith("HYB")), 1, "server.HYB.build"},
		{"unknown level", org(srv("HYB", "2019", "CU99"), hybridWith("HYB")), 0, ""},
		{"not a hybrid server", org(srv("OLD", "2019", "CU13"), srv("HYB", "2019", "CU15"), hybridWith("HYB")), 0, ""},
		{"no hybrid", org(srv("OLD", "2019", "CU13")), 0, ""},
		{"2007 org, implied 2013", org(srv("EX07", "2007", "SP3 RU23"), srv("EX13", "2013", "CU21"), "hybrid {}\n"), 1, "server.EX13.update"},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerUpdate{}, today, tc.src)
		if len(fs) != tc.n || tc.n == 1 && fs[0].Address != tc.at {
			t.Errorf("%s: want %d finding(s) at %s:\n%s", tc.name, tc.n, tc.at, summary(fs))
		}
	}
}

// The level to install is the newest current one that can join the
// organization (updateTarget): beside Exchange 2013, 2019 CU14 with its
// latest update, and CU15 once 2013 is gone.
func TestHybridServerUpdateJoinableLevel(t *testing.T) {
	ex19 := srv("EX19", "2019", "CU13", `roles = ["mailbox"]`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	hybrid := hybridBlock(`servers = ["EX19"]`, `modern_auth = true`)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"beside 2013", org(ex13, ex19, hybrid),
			"hybrid server EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), and hybrid needs the last levels Microsoft updated (CU14 or CU15): " +
				"install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)"},
		{"alone", org(ex19, hybrid),
			"hybrid server EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), and hybrid needs the last levels Microsoft updated (CU14 or CU15): install CU15 on EX19"},
	} {
		fs := check(t, hybridServerUpdate{}, "2026-12-06", tc.src)
		if len(fs) != 1 || fs[0].Message != tc.want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), tc.want)
		}
	}
}
