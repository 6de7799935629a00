package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Every version's extended end of support, on both sides of both boundaries:
// 366 days before the end date passes, 365 days before warns, the end date
// itself (the last supported day) warns, and the next day belongs to
// exchange-end-of-support.
func TestExchangeEndOfSupportSoon(t *testing.T) {
	ends := map[string]string{
		"5.5": "2005-12-31", "2000": "2011-01-11", "2003": "2014-04-08", "2007": "2017-04-11",
		"2010": "2020-10-13", "2013": "2023-04-11", "2016": "2025-10-14", "2019": "2025-10-14",
	}
	for _, id := range versionOrder {
		if id == "SE" {
			continue
		}
		end := catalog.MustDate(ends[id])
		if got, _ := catalog.Default().Version(id).EndOfSupport(); got != end {
			t.Fatalf("Exchange %s ends on %s in the catalogue, the test says %s", id, got, end)
		}
		for _, tc := range []struct {
			asOf  catalog.Date
			warns bool
			days  string
		}{
			{end.AddDays(-366), false, ""},
			{end.AddDays(-365), true, "in 365 days"},
			{end.AddDays(-1), true, "in 1 day)"},
			{end, true, "today is its last day of support"},
			{end.AddDays(1), false, ""},
		} {
			fs := check(t, exchangeEndOfSupportSoon{}, tc.asOf.String(), org(srv("EX", id, someLevel[id])))
			if got := len(fs) == 1; got != tc.warns || len(fs) > 1 {
				t.Errorf("Exchange %s on %s: %d findings, want warning=%v\n%s", id, tc.asOf, len(fs), tc.warns, summary(fs))
				continue
			}
			if !tc.warns {
				continue
			}
			f := fs[0]
			if f.Severity != lint.Warning || f.Address != "server.EX.version" || at(f) != "3:13" {
				t.Errorf("Exchange %s: %s at %s (%s)", id, f.Severity, f.Address, at(f))
			}
			want := fmt.Sprintf("EX runs %s, whose extended support ends on %s (%s", catalog.Default().Version(id).Name, end, tc.days)
			if !strings.Contains(f.Message, want) {
				t.Errorf("Exchange %s on %s: message lacks %q: %s", id, tc.asOf, want, f.Message)
			}
		}
	}
}

// Exchange SE has no end date (Modern Lifecycle Policy): never reported.
func TestExchangeEndOfSupportSoonSE(t *testing.T) {
	for _, asOf := range []string{"2025-07-01", today, "2035-12-31", "2099-12-31"} {
		if fs := check(t, exchangeEndOfSupportSoon{}, asOf, org(srv("EX", "SE", "RTM"))); len(fs) != 0 {
			t.Errorf("SE on %s:\n%s", asOf, summary(fs))
		}
	}
}

// The advice names the newest version in support the day after the end that
// can join the organization: Exchange SE for 2016 and 2019, 2016 for 2010 in
// 2020 (2019 cannot be in one organization with 2010).
func TestExchangeEndOfSupportSoonAdvice(t *testing.T) {
	fs := check(t, exchangeEndOfSupportSoon{}, "2025-06-01", org(srv("EX16", "2016", "CU23"), srv("EX19", "2019", "CU15")))
	if len(fs) != 2 {
		t.Fatalf("want 2 findings:\n%s", summary(fs))
	}
	for _, f := range fs {
		if !strings.Contains(f.Message, "(in 135 days): plan the move of its work to Exchange SE or Exchange Online before then") {
			t.Errorf("message: %s", f.Message)
		}
	}
	fs = check(t, exchangeEndOfSupportSoon{}, "2020-01-01", org(srv("EX10", "2010", "SP3 RU29")))
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "(in 286 days): plan the move of its work to Exchange 2016 or Exchange Online before then") {
		t.Errorf("2010 in 2020:\n%s", summary(fs))
	}
}
