package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

// Each version's extended end of support, on both sides of the date: the last
// day of support passes, the day after fails.
func TestExchangeEndOfSupport(t *testing.T) {
	cases := []struct {
		version, level, asOf string
		fails                bool
	}{
		{"5.5", "SP4", "2005-12-31", false},
		{"5.5", "SP4", "2006-01-01", true},
		{"2000", "SP3", "2011-01-11", false},
		{"2000", "SP3", "2011-01-12", true},
		{"2003", "SP2", "2014-04-08", false},
		{"2003", "SP2", "2014-04-09", true},
		{"2007", "SP3 RU23", "2017-04-11", false},
		{"2007", "SP3 RU23", "2017-04-12", true},
		{"2010", "SP3 RU32", "2020-10-13", false},
		{"2010", "SP3 RU32", "2020-10-14", true},
		{"2013", "CU23", "2023-04-11", false},
		{"2013", "CU23", "2023-04-12", true},
		{"2016", "CU23", "2025-10-14", false},
		{"2016", "CU23", "2025-10-15", true},
		{"2019", "CU15", "2025-10-14", false},
		{"2019", "CU15", "2025-10-15", true},
		{"SE", "RTM", "2099-12-31", false}, // Modern Lifecycle Policy: no end date
	}
	for _, tc := range cases {
		fs := check(t, exchangeEndOfSupport{}, tc.asOf, org(srv("EX", tc.version, tc.level)))
		if got := len(fs) == 1; got != tc.fails {
			t.Errorf("Exchange %s on %s: finding=%v, want %v\n%s", tc.version, tc.asOf, got, tc.fails, summary(fs))
			continue
		}
		if tc.fails {
			f := fs[0]
			if f.Severity != lint.Error || at(f) != "3:13" || f.Address != "server.EX.version" {
				t.Errorf("Exchange %s: %s %s %s", tc.version, f.Severity, at(f), f.Address)
			}
		}
	}
}

func TestExchangeEndOfSupportMessages(t *testing.T) {
	fs := check(t, exchangeEndOfSupport{}, today, org(srv("EX16", "2016", "CU23"), srv("EX10", "2010", "SP3 RU32"), srv("EXSE", "SE", "RTM")))
	if len(fs) != 2 {
		t.Fatalf("want 2 findings:\n%s", summary(fs))
	}
	// The fix names the newest version in support that can join the
	// organization, and what must go first; Microsoft's paid Extended
	// Security Updates, and news reports of them, are the rule page's.
	want := "EX16 runs Exchange Server 2016, out of support since 2025-10-14 (no fixes or security updates): " +
		"move its work to Exchange SE (once Exchange 2010 is gone) or Exchange Online and retire it"
	if fs[0].Message != want {
		t.Errorf("2016 message:\n%s\nwant\n%s", fs[0].Message, want)
	}
	// No supported version can be in one organization with Exchange 2010.
	if want := "EX10 runs Exchange Server 2010, out of support since 2020-10-13 (no fixes or security updates): move its work to Exchange Online and retire it"; fs[1].Message != want {
		t.Errorf("2010 message: %s", fs[1].Message)
	}
}
