package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Every current level with security or hotfix updates, at its latest update
// (passes) and one update below (reported), and the day a new update makes
// the previous one out of date.
func TestExchangeSecurityUpdateMissing(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		latest               string // "" when nothing is reported
	}{
		{"2013", "CU23 Mar23SU", today, ""},
		{"2013", "CU23 Feb23SU", today, "CU23 Mar23SU (15.0.1497.48)"},
		{"2013", "CU23", today, "CU23 Mar23SU (15.0.1497.48)"},
		{"2016", "CU23 Aug26SU", today, ""},
		{"2016", "CU23 Jul26SU", today, "CU23 Aug26SU (15.1.2507.72)"},
		{"2019", "CU14 Aug26SU", today, ""},
		{"2019", "CU14 Jul26SU", today, "CU14 Aug26SU (15.2.1544.44)"},
		{"2019", "CU15 Aug26SU", today, ""},
		{"2019", "CU15 Jul26SU", today, "CU15 Aug26SU (15.2.1748.49)"},
		{"2019", "15.2.1748.48", today, "CU15 Aug26SU (15.2.1748.49)"}, // by build
		{"SE", "RTM Aug26SU", today, ""},
		{"SE", "RTM Jul26SU", today, "RTM Aug26SU (15.2.2562.46)"},
		{"SE", "RTM", today, "RTM Aug26SU (15.2.2562.46)"},
		{"2000", "SP3 PostSP3 Aug08", today, ""},
		{"2000", "SP3", today, "SP3 PostSP3 Aug08 (6.0.6620.7)"},
		{"2003", "SP2 PostSP2 Mar08", today, "SP2 PostSP2 Aug08 (6.5.7654.4)"},
		// Levels without updates, and levels that are not current.
		{"2010", "SP3 RU32", today, ""},
		{"2007", "SP3 RU23", today, ""},
		{"2019", "CU13", today, ""},
		{"2016", "CU22", today, ""},
		// The day an update is released, the one before it is out of date.
		{"2019", "CU15 Jul26SU", "2026-08-10", ""},
		{"2019", "CU15 Jul26SU", "2026-08-11", "CU15 Aug26SU (15.2.1748.49)"},
		{"2019", "CU15", "2025-04-17", ""}, // no update for CU15 yet
		// Updates known only by month count from the end of their month.
		{"2013", "CU23", "2019-07-31", ""},
		{"2013", "CU23", "2019-08-01", "CU23 Jul19SU (15.0.1497.3)"},
		// An unknown level is not guessed at.
		{"2019", "CU99", today, ""},
	}
	for _, tc := range cases {
		fs := check(t, exchangeSecurityUpdateMissing{}, tc.asOf, org(srv("EX", tc.version, tc.level)))
		want := tc.latest != ""
		if got := len(fs) == 1; got != want || len(fs) > 1 {
			t.Errorf("%s %s on %s: %d findings, want finding=%v\n%s", tc.version, tc.level, tc.asOf, len(fs), want, summary(fs))
			continue
		}
		if !want {
			continue
		}
		f := fs[0]
		if f.Severity != lint.Info || (f.Address != "server.EX.update" && f.Address != "server.EX.build") {
			t.Errorf("%s %s: %s at %s", tc.version, tc.level, f.Severity, f.Address)
		}
		if !strings.Contains(f.Message, ", without "+tc.latest+", released") || !strings.HasPrefix(f.Message, "EX runs Exchange ") || !strings.HasSuffix(f.Message, ": install it on EX") {
			t.Errorf("%s %s on %s: message lacks %q: %s", tc.version, tc.level, tc.asOf, tc.latest, f.Message)
		}
	}
}

// Updates released after the end of support may be ESU-only: the message
// says so for 2016 and 2019, not for an update released before the end.
func TestExchangeSecurityUpdateMissingESU(t *testing.T) {
	fs := check(t, exchangeSecurityUpdateMissing{}, today, org(srv("EX16", "2016", "CU23 Jun26SU"), srv("EX13", "2013", "CU23 Feb23SU")))
	if len(fs) != 2 {
		t.Fatalf("want 2 findings:\n%s", summary(fs))
	}
	want := "EX16 runs Exchange Server 2016 CU23 Jun26SU (15.1.2507.69), without CU23 Aug26SU (15.1.2507.72), released 2026-08-11 (a paid Extended Security Update), " +
		"the latest update for CU23 exlint knows (to 2026-08-11): install it on EX16"
	if fs[0].Message != want {
		t.Errorf("2016: %s", fs[0].Message)
	}
	if strings.Contains(fs[1].Message, "Extended Security Update") {
		t.Errorf("2013: %s", fs[1].Message)
	}
}

// The message says what exlint knows: up to the catalogue's newest release,
// the latest update on the evaluation date; after it, the latest update the
// catalogue knows, with the catalogue's date (computed from the catalogue).
func TestExchangeSecurityUpdateMissingHorizon(t *testing.T) {
	var horizon catalog.Date
	for _, v := range catalog.Default().Versions() {
		for _, r := range v.Releases() {
			if r.Date.After(horizon) {
				horizon = r.Date
			}
		}
	}
	cases := []struct{ asOf, want string }{
		{horizon.String(), ", without CU15 Aug26SU (15.2.1748.49), released 2026-08-11 (a paid Extended Security Update), the latest update for CU15: install it on EX"},
		{horizon.AddDays(1).String(), ", the latest update for CU15 exlint knows (to " + horizon.String() + "): install it on EX"},
		{today, ", the latest update for CU15 exlint knows (to " + horizon.String() + "): install it on EX"},
	}
	for _, tc := range cases {
		fs := check(t, exchangeSecurityUpdateMissing{}, tc.asOf, org(srv("EX", "2019", "CU15 Jul26SU")))
		if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("on %s: want %q\n%s", tc.asOf, tc.want, summary(fs))
		}
	}
}
