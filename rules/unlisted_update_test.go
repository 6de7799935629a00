package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

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
	if len(fs) != 1 || fs[0].Severity != lint.Warning || !strings.Contains(fs[0].Message, "(exlint judges EX as CU15 Aug26SU (15.2.1748.49) meanwhile)") {
		t.Errorf("2019 CU15 Sep26SU:\n%s", summary(fs))
	}
}

// exchange-update-not-current names the current levels by their newest
// release, and a re-released rollup is the level of its re-releases.
func TestCurrencyReReleases(t *testing.T) {
	fs := check(t, exchangeUpdateNotCurrent{}, "2012-12-10", org(srv("EX", "2010", "SP2 RU3")))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "SP2 RU4v2 (14.2.318.4) or SP2 RU5v2 (14.2.328.10)") {
		t.Errorf("2010 SP2 RU3 on 2012-12-10:\n%s", summary(fs))
	}
	if fs := check(t, exchangeUpdateNotCurrent{}, "2012-11-13", org(srv("EX", "2007", "SP3 RU8"))); len(fs) != 0 {
		t.Errorf("2007 SP3 RU8 on 2012-11-13 is current:\n%s", summary(fs))
	}
}
