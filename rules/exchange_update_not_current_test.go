package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// The current levels of every version, and the boundaries where they change:
// a new CU/RU makes the level two back out of date on its release day; the
// end of support leaves only the levels Microsoft went on servicing (2013
// CU23, 2016 CU23, 2019 CU14 and CU15) or the last level.
func TestExchangeUpdateNotCurrent(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		warns                bool
		current              string // the current levels the message names
	}{
		// On the evaluation date of the examples (2026-11-21).
		{"5.5", "SP4", today, false, ""},
		{"5.5", "SP3", today, true, "SP4 (5.5.2653)"},
		{"2000", "SP3", today, false, ""},
		{"2000", "SP2", today, true, "SP3 (6.0.6249)"},
		{"2000", "SP3 PostSP3 Aug08", today, false, ""}, // a hotfix rollup on the last level
		{"2003", "SP2", today, false, ""},
		{"2003", "SP1", today, true, "SP2 (6.5.7638)"},
		{"2007", "SP3 RU23", today, false, ""},
		{"2007", "SP3 RU22", today, true, "SP3 RU23 (8.3.517.0)"},
		{"2010", "SP3 RU32", today, false, ""},
		{"2010", "SP3 RU31", today, true, "SP3 RU32 (14.3.513.0)"},
		{"2013", "CU23", today, false, ""},
		{"2013", "CU23 Mar23SU", today, false, ""},
		{"2013", "CU22", today, true, "CU23 (15.0.1497.2)"},
		{"2016", "CU23", today, false, ""},
		{"2016", "CU22", today, true, "CU23 (15.1.2507.6)"},
		{"2019", "CU15", today, false, ""},
		{"2019", "CU14", today, false, ""},
		{"2019", "CU14 Aug26SU", today, false, ""},
		{"2019", "CU13", today, true, "CU14 (15.2.1544.4) and CU15 (15.2.1748.10)"},
		{"SE", "RTM", today, false, ""},
		{"SE", "RTM Aug26SU", today, false, ""},
		// A new CU makes the level two back out of date on its release day.
		{"2019", "CU13", "2025-02-09", false, ""},
		{"2019", "CU13", "2025-02-10", true, "CU14 (15.2.1544.4) or CU15 (15.2.1748.10)"},
		{"2016", "CU20", "2021-09-27", false, ""},
		{"2016", "CU20", "2021-09-28", true, "CU21 (15.1.2308.8) or CU22 (15.1.2375.7)"},
		{"2013", "CU21", "2019-06-17", false, ""},
		{"2013", "CU21", "2019-06-18", true, "CU22 (15.0.1473.3) or CU23 (15.0.1497.2)"},
		{"2010", "SP3 RU27", "2019-07-08", false, ""},
		{"2010", "SP3 RU27", "2019-07-09", true, "SP3 RU28 (14.3.461.1) or SP3 RU29 (14.3.468.0)"},
		// The end of support: the last supported day keeps latest and
		// previous; the next day keeps only the serviced levels.
		{"2016", "CU22", "2025-10-14", false, ""},
		{"2016", "CU22", "2025-10-15", true, "CU23 (15.1.2507.6)"},
		{"2013", "CU22", "2023-04-11", false, ""},
		{"2013", "CU22", "2023-04-12", true, "CU23 (15.0.1497.2)"},
		{"2019", "CU14", "2025-10-15", false, ""},
		// 2010 has no serviced list: after its end the last level released
		// by the date counts (RU31 and RU32 came after 2020-10-13).
		{"2010", "SP3 RU30", "2020-10-13", false, ""},
		{"2010", "SP3 RU30", "2020-10-14", false, ""},
		{"2010", "SP3 RU30", "2020-12-01", true, "SP3 RU31 (14.3.509.0)"},
		{"2010", "SP3 RU31", "2021-03-01", false, ""},
		{"2010", "SP3 RU31", "2021-03-02", true, "SP3 RU32 (14.3.513.0)"},
		{"2007", "SP3 RU22", "2017-04-11", false, ""},
		{"2007", "SP3 RU22", "2017-04-12", true, "SP3 RU23 (8.3.517.0)"},
		// Levels by build, not by date: 2007 SP2 RU5 came out after SP3.
		{"2007", "SP2 RU5", "2010-12-08", true, "SP3 (8.3.83.6) or SP3 RU1 (8.3.106.2)"},
		// A level released after the evaluation date is not out of date.
		{"2019", "CU15", "2024-06-01", false, ""},
		// A level the catalogue does not know is not guessed at.
		{"2019", "CU99", today, false, ""},
		{"2019", "15.2.1258.12", today, true, "CU14 (15.2.1544.4) and CU15 (15.2.1748.10)"}, // by build: CU13
	}
	for _, tc := range cases {
		fs := check(t, exchangeUpdateNotCurrent{}, tc.asOf, org(srv("EX", tc.version, tc.level)))
		if got := len(fs) == 1; got != tc.warns || len(fs) > 1 {
			t.Errorf("%s %s on %s: %d findings, want warning=%v\n%s", tc.version, tc.level, tc.asOf, len(fs), tc.warns, summary(fs))
			continue
		}
		if !tc.warns {
			continue
		}
		f := fs[0]
		addr, col := "server.EX.update", "4:12"
		if tc.level[0] >= '0' && tc.level[0] <= '9' {
			addr, col = "server.EX.build", "4:11"
		}
		if f.Severity != lint.Warning || f.Address != addr || at(f) != col {
			t.Errorf("%s %s: %s at %s (%s)", tc.version, tc.level, f.Severity, f.Address, at(f))
		}
		if !strings.Contains(f.Message, tc.current) || !strings.HasPrefix(f.Message, "EX runs Exchange ") {
			t.Errorf("%s %s on %s: message lacks %q: %s", tc.version, tc.level, tc.asOf, tc.current, f.Message)
		}
	}
}

func TestExchangeUpdateNotCurrentMessages(t *testing.T) {
	fs := check(t, exchangeUpdateNotCurrent{}, "2025-03-01", org(srv("EX01", "2019", "CU13")))
	want := "EX01 runs Exchange Server 2019 CU13 (15.2.1258.12), not a current cumulative update (on 2025-03-01: CU14 (15.2.1544.4) or CU15 (15.2.1748.10)): install CU15 on EX01"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("in support:\n%s\nwant %s", summary(fs), want)
	}
	fs = check(t, exchangeUpdateNotCurrent{}, today, org(srv("EX01", "2019", "CU13")))
	want = "EX01 runs Exchange Server 2019 CU13 (15.2.1258.12), behind CU14 (15.2.1544.4) and CU15 (15.2.1748.10), the last levels Microsoft updated: install CU15 on EX01"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("out of support:\n%s\nwant %s", summary(fs), want)
	}
	fs = check(t, exchangeUpdateNotCurrent{}, today, org(srv("EX10", "2010", "SP3 RU30")))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "behind SP3 RU32 (14.3.513.0), the last level Microsoft updated: install SP3 RU32 on EX10") {
		t.Errorf("2010:\n%s", summary(fs))
	}
	// Levels rank by build: on 2008-09-01, 2007 SP1 RU3 and RU2 are current
	// although RTM RU7 came out the same day as SP1 RU3.
	fs = check(t, exchangeUpdateNotCurrent{}, "2008-09-01", org(srv("EX07", "2007", "SP1 RU1"), srv("EX07B", "2007", "SP1 RU2")))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "EX07 runs Exchange Server 2007 SP1 RU1 (8.1.263.1), not a current update rollup "+
		"(on 2008-09-01: SP1 RU2 (8.1.278.2) or SP1 RU3 (8.1.291.2))") {
		t.Errorf("2007 in 2008:\n%s", summary(fs))
	}
}

// A preview build is never supported in production.
func TestExchangeUpdateNotCurrentPreview(t *testing.T) {
	fs := check(t, exchangeUpdateNotCurrent{}, "2019-01-01", org(srv("EX", "2019", "Preview")))
	if len(fs) != 1 || fs[0].Severity != lint.Warning || !strings.Contains(fs[0].Message, "a preview build Microsoft does not support in production: install RTM (15.2.221.12)") {
		t.Errorf("2019 Preview:\n%s", summary(fs))
	}
	// Before the first release there is nothing to move to.
	if fs := check(t, exchangeUpdateNotCurrent{}, "2018-08-01", org(srv("EX", "2019", "Preview"))); len(fs) != 0 {
		t.Errorf("2019 Preview before RTM:\n%s", summary(fs))
	}
}

// A server hybrid-server-update judges (in hybrid.servers or
// hybrid.edge_servers, or the implied 2013 hybrid servers of a 2007
// organization) gets that rule's error, not this warning too: one finding
// per server that is not current, as this rule yields to that one at the same
// address. Other servers keep the warning, and with hybrid-server-update
// turned off, every server gets it.
func TestExchangeUpdateNotCurrentYieldsToHybridServerUpdate(t *testing.T) {
	ex16 := srv("EX16", "2016", "CU22", `roles = ["mailbox"]`)
	other := srv("OTHER16", "2016", "CU22", `roles = ["mailbox"]`)
	edge := srv("EDGE16", "2016", "CU22", `roles = ["edge_transport"]`)
	ex07 := srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`)
	ex13 := srv("EX13", "2013", "CU22", `roles = ["client_access", "mailbox"]`)
	cases := []struct {
		name, src string
		warned    []string // addresses of this rule's warnings
		errored   []string // addresses of hybrid-server-update's errors
	}{
		{"no hybrid", org(ex16, other, edge), []string{"server.EX16.update", "server.OTHER16.update", "server.EDGE16.update"}, nil},
		{"hybrid server listed", org(ex16, other, edge, hybridBlock(`servers = ["EX16"]`)),
			[]string{"server.OTHER16.update", "server.EDGE16.update"}, []string{"server.EX16.update"}},
		{"hybrid and Edge servers listed", org(ex16, other, edge, hybridBlock(`servers = ["EX16"]`, `edge_servers = ["EDGE16"]`)),
			[]string{"server.OTHER16.update"}, []string{"server.EX16.update", "server.EDGE16.update"}},
		{"hybrid block without lists", org(ex16, other, edge, hybridBlock(`topology = "classic_full"`)),
			[]string{"server.EX16.update", "server.OTHER16.update", "server.EDGE16.update"}, nil},
		{"2007 organization, implied 2013 hybrid server", org(ex07, ex13, hybridBlock(`topology = "classic_full"`)),
			nil, []string{"server.EX13.update"}},
		// hybrid-server-update does not judge a preview build: this rule does.
		{"hybrid server on a preview build", org(srv("EX19", "2019", "15.2.196.0", `roles = ["mailbox"]`), hybridBlock(`servers = ["EX19"]`)),
			[]string{"server.EX19.build"}, nil},
	}
	addrs := func(fs []lint.Finding) string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Address)
		}
		return strings.Join(out, " ")
	}
	rules := []lint.Rule{exchangeUpdateNotCurrent{}, hybridServerUpdate{}}
	for _, tc := range cases {
		fs := checkWith(t, rules, today, tc.src, "")
		var warned, errored []lint.Finding
		for _, f := range fs {
			if f.Rule == "exchange-update-not-current" {
				warned = append(warned, f)
			} else {
				errored = append(errored, f)
			}
		}
		// Off, hybrid-server-update lets this rule's warning through for
		// every server it would have reported: the hybrid servers too.
		off := byRule(checkWith(t, rules, today, tc.src, disabled("hybrid-server-update")), "exchange-update-not-current")
		if alone := addrs(check(t, exchangeUpdateNotCurrent{}, today, tc.src)); off != alone {
			t.Errorf("%s: hybrid-server-update off: exchange-update-not-current at %q, want %q", tc.name, off, alone)
		}
		for _, a := range tc.errored {
			if !strings.Contains(off+" ", a+" ") {
				t.Errorf("%s: hybrid-server-update off: no warning at %s (%q)", tc.name, a, off)
			}
		}
		if got := addrs(warned); got != strings.Join(tc.warned, " ") {
			t.Errorf("%s: exchange-update-not-current at %q, want %q:\n%s", tc.name, got, strings.Join(tc.warned, " "), summary(warned))
		}
		if got := addrs(errored); got != strings.Join(tc.errored, " ") {
			t.Errorf("%s: hybrid-server-update at %q, want %q:\n%s", tc.name, got, strings.Join(tc.errored, " "), summary(errored))
		}
		for _, f := range warned {
			if f.Severity != lint.Warning {
				t.Errorf("%s: want warnings: %s", tc.name, summary(warned))
			}
		}
	}
}

// The level to install is the newest current one that can join the
// organization (updateTarget): beside Exchange 2013, which 2019 CU15 and
// later refuse, a 2019 server goes to CU14 with its latest update, and to
// CU15 once 2013 is gone; without 2013, or beside versions that do not
// refuse CU15, to CU15.
func TestExchangeUpdateNotCurrentJoinableLevel(t *testing.T) {
	ex19 := srv("EX19", "2019", "CU13", `roles = ["mailbox"]`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	for _, tc := range []struct {
		name, asOf, src, want string
	}{
		{"beside 2013, out of support", "2026-12-06", org(ex13, ex19),
			"EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), behind CU14 (15.2.1544.4) and CU15 (15.2.1748.10), the last levels Microsoft updated: " +
				"install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)"},
		{"beside 2013, in support", "2025-03-01", org(ex13, ex19),
			"EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), not a current cumulative update (on 2025-03-01: CU14 (15.2.1544.4) or CU15 (15.2.1748.10)): " +
				"install CU14 Nov24SUv2 on EX19 (CU15 once Exchange 2013 is gone)"},
		{"alone", "2026-12-06", org(ex19),
			"EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), behind CU14 (15.2.1544.4) and CU15 (15.2.1748.10), the last levels Microsoft updated: install CU15 on EX19"},
		{"beside 2016", "2026-12-06", org(srv("EX16", "2016", "CU23"), ex19),
			"EX19 runs Exchange Server 2019 CU13 (15.2.1258.12), behind CU14 (15.2.1544.4) and CU15 (15.2.1748.10), the last levels Microsoft updated: install CU15 on EX19"},
	} {
		var got []string
		for _, f := range check(t, exchangeUpdateNotCurrent{}, tc.asOf, tc.src) {
			if f.Address == "server.EX19.update" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: %q\nwant %q", tc.name, got, tc.want)
		}
	}
}
