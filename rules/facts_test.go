package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// An update the catalogue lacks that names a security or hotfix update of a
// level it knows resolves to that level, at the newest release of the level
// known before the update's month; any other unknown update stays unknown.
func TestDescribeServerUnlistedUpdate(t *testing.T) {
	cases := []struct {
		version, update string
		level, release  string // "" when the release stays unknown
	}{
		{"2019", "CU15 Aug26SU", "CU15", "CU15 Aug26SU"}, // known: itself
		{"2019", "CU15 Sep26SU", "CU15", "CU15 Aug26SU"}, // newer than the catalogue
		{"2019", "cu15  sep26su", "CU15", "CU15 Aug26SU"},
		{"2019", "CU15 Aug26HU", "CU15", "CU15 Jul26SU"}, // same month as Aug26SU: below it is July's
		{"2019", "CU15 Jul26HU", "CU15", "CU15 Jun26SU"}, // an error for exchange-build-unknown, its level still known
		{"2019", "CU14 Sep26SU", "CU14", "CU14 Aug26SU"},
		{"2019", "CU15 Jan25SU", "CU15", "CU15"}, // before any update of CU15
		{"2016", "CU23 Jan27SU", "CU23", "CU23 Aug26SU"},
		{"2013", "CU23 Sep26SU", "CU23", "CU23 Mar23SU"},
		{"2013", "SP1 Sep26SU", "CU4", "CU4 Mar21SU"}, // the alias of the level
		{"SE", "RTM Oct26HU", "RTM", "RTM Aug26SU"},
		{"2019", "CU99 Sep26SU", "", ""}, // no such level
		{"2019", "CU15 Foo26SU", "", ""}, // no month
		{"2019", "CU15 Sep26XU", "", ""}, // neither SU nor HU
		{"2019", "CU16", "", ""},
		{"SE", "CU1 Dec26SU", "", ""}, // a planned CU: its level is unknown
	}
	for _, tc := range cases {
		var got server
		check(t, ruleFunc(func(p *lint.Pass) { got = servers(p)[0] }), today, org(srv("EX", tc.version, tc.update)))
		if tc.release == "" {
			if got.release != nil {
				t.Errorf("%s %q: release %s, want unknown", tc.version, tc.update, got.release.Name)
			}
			continue
		}
		if got.release == nil || got.release.Name != tc.release || got.level().Name != tc.level {
			t.Errorf("%s %q: release %v, want %s of level %s", tc.version, tc.update, got.release, tc.release, tc.level)
		}
	}
}

// The rules that depend on a server's level judge a server declared on an
// update newer than the catalogue by its level.
func TestUnlistedUpdateJudgedByLevel(t *testing.T) {
	// Exchange 2019 CU15 blocks Exchange 2013; CU14 does not.
	for _, tc := range []struct {
		update string
		blocks bool
	}{
		{"CU15 Sep26SU", true},
		{"CU15 Jul26HU", true},
		{"CU14 Sep26SU", false},
		{"CU99 Sep26SU", false}, // unknown level: not guessed at
	} {
		fs := check(t, coexistenceUnsupported{}, today, org(srv("EX19", "2019", tc.update), srv("EX13", "2013", "CU23")))
		if got := len(fs) == 1 && strings.Contains(fs[0].Message, "Exchange Server 2019 CU15 or later (EX19)"); got != tc.blocks || len(fs) > 1 {
			t.Errorf("2019 %q beside 2013: want CU15 block=%v\n%s", tc.update, tc.blocks, summary(fs))
		}
	}
	// .NET Framework 4.7.2 is supported by 2019 RTM-CU3 only: unknown at an
	// unknown level, an error on CU15.
	for _, tc := range []struct {
		update string
		errors bool
	}{
		{"CU15 Sep26SU", true},
		{"CU99 Sep26SU", false},
	} {
		fs := check(t, dotnetUnsupported{}, today, org(srv("EX", "2019", tc.update, `dotnet = "4.7.2"`)))
		if got := len(fs) == 1 && fs[0].Severity == lint.Error && fs[0].Address == "server.EX.dotnet" &&
			strings.Contains(fs[0].Message, "4.7.2"); got != tc.errors || len(fs) > 1 {
			t.Errorf("2019 %q with .NET 4.7.2: want error=%v\n%s", tc.update, tc.errors, summary(fs))
		}
	}
	// The server is at least at the newest update known before the named
	// month: not missing that update.
	if fs := check(t, exchangeSecurityUpdateMissing{}, today, org(srv("EX", "2019", "CU15 Sep26SU"))); len(fs) != 0 {
		t.Errorf("2019 CU15 Sep26SU reported as missing an update:\n%s", summary(fs))
	}
	if fs := check(t, exchangeSecurityUpdateMissing{}, today, org(srv("EX", "2019", "CU15 Jul26HU"))); len(fs) != 1 || !strings.Contains(fs[0].Message, "Aug26SU") {
		t.Errorf("2019 CU15 Jul26HU: want a missing Aug26SU\n%s", summary(fs))
	}
	// exchange-build-unknown says what exlint judges the server as.
	fs := check(t, exchangeBuildUnknown{}, today, org(srv("EX", "2019", "CU15 Sep26SU")))
	if len(fs) != 1 || fs[0].Severity != lint.Warning || !strings.Contains(fs[0].Message, "exlint judges EX by its level, CU15, as at least CU15 Aug26SU (15.2.1748.49), the newest update of CU15 it knows before then") {
		t.Errorf("2019 CU15 Sep26SU:\n%s", summary(fs))
	}
}

// A re-released rollup is the same level as the rollup it re-releases: a
// server on 2007 SP3 RU8 (v1) is on the level of RU8v3, and the level before
// a re-released one is the previous level, not the first release of it.
func TestCurrencyReReleases(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		current              bool
	}{
		{"2007", "SP3 RU8", "2012-11-13", true}, // RU8v3 is the latest
		{"2007", "SP3 RU8v2", "2012-11-13", true},
		{"2007", "SP3 RU8v3", "2012-11-13", true},
		{"2007", "SP3 RU7", "2012-11-13", true}, // the previous level
		{"2007", "SP3 RU6", "2012-11-13", false},
		{"2007", "SP3 RU8", "2012-12-10", true}, // RU9 and RU8(v3)
		{"2007", "SP3 RU7", "2012-12-10", false},
		{"2010", "SP2 RU4", "2012-12-10", true}, // RU5v2 and RU4v2
		{"2010", "SP2 RU4v2", "2012-12-10", true},
		{"2010", "SP2 RU3", "2012-12-10", false},
		{"2010", "SP3 RU8", "2015-03-17", true}, // RU9 and RU8v2
		{"2010", "SP3 RU7", "2015-03-17", false},
	}
	for _, tc := range cases {
		var got, known bool
		check(t, ruleFunc(func(p *lint.Pass) { got, known, _ = currency(p, servers(p)[0]) }), tc.asOf, org(srv("EX", tc.version, tc.level)))
		if got != tc.current || !known {
			t.Errorf("%s %s on %s: current=%v known=%v, want current=%v", tc.version, tc.level, tc.asOf, got, known, tc.current)
		}
	}
	// exchange-update-not-current names the current levels by their newest release.
	fs := check(t, exchangeUpdateNotCurrent{}, "2012-12-10", org(srv("EX", "2010", "SP2 RU3")))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "SP2 RU4v2 (14.2.318.4) and SP2 RU5v2 (14.2.328.10)") {
		t.Errorf("2010 SP2 RU3 on 2012-12-10:\n%s", summary(fs))
	}
	if fs := check(t, exchangeUpdateNotCurrent{}, "2012-11-13", org(srv("EX", "2007", "SP3 RU8"))); len(fs) != 0 {
		t.Errorf("2007 SP3 RU8 on 2012-11-13 is current:\n%s", summary(fs))
	}
}
