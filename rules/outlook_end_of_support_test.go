package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Each Outlook product line's end of support, on both sides of the date:
// the last day passes, the next day fails, for every service pack the line
// has. Microsoft 365 Apps (Modern Lifecycle) and Outlook 2024 (no date known)
// never fail.
func TestOutlookEndOfSupportDates(t *testing.T) {
	wantEnd := map[string]string{
		"2003": "2014-04-08", "2007": "2017-10-10", "2010": "2020-10-13", "2013": "2023-04-11",
		"2016": "2025-10-14", "2019": "2025-10-14", "2021": "2026-10-13", "2024": "", "365": "",
	}
	cat := catalog.Default()
	if len(wantEnd) != len(cat.Outlooks) {
		t.Fatalf("the test knows %d Outlook lines, the catalogue %d", len(wantEnd), len(cat.Outlooks))
	}
	for _, o := range cat.Outlooks {
		want, ok := wantEnd[o.ID]
		if !ok {
			t.Fatalf("Outlook %s: no expected date", o.ID)
		}
		if want == "" {
			for _, asOf := range []string{"2000-01-01", today, "2099-12-31"} {
				if fs := check(t, outlookEndOfSupport{}, asOf, org(outlookClients(o.ID))); len(fs) != 0 {
					t.Errorf("%s on %s: want no finding:\n%s", o.Name, asOf, summary(fs))
				}
			}
			continue
		}
		end := catalog.MustDate(want)
		if o.ExtendedEnd != end {
			t.Errorf("%s: the catalogue ends it on %s, want %s", o.Name, o.ExtendedEnd, want)
		}
		levels := []string{o.ID}
		for sp := 1; sp <= o.LastSP; sp++ {
			levels = append(levels, o.ID+" SP"+string(rune('0'+sp)))
		}
		for _, lv := range levels {
			if fs := check(t, outlookEndOfSupport{}, end.String(), org(outlookClients("365", lv))); len(fs) != 0 {
				t.Errorf("%s on its last day: want no finding:\n%s", lv, summary(fs))
			}
			fs := check(t, outlookEndOfSupport{}, end.AddDays(1).String(), org(outlookClients("365", lv)))
			if len(fs) != 1 || fs[0].Severity != lint.Warning || fs[0].Address != "clients.outlook[1]" ||
				!strings.HasPrefix(fs[0].Message, o.Name+" reached the end of its support on "+want+": ") {
				t.Errorf("%s the day after its end: want one warning at clients.outlook[1]:\n%s", lv, summary(fs))
			}
		}
	}
}

// The message names the Outlook versions that stay in support for more
// than a year after the evaluation date (outlookLasts): Outlook 2021, whose
// support ends on 2026-10-13, 366 days before its end, not 365 (nor 12 days
// before, the audit's case).
func TestOutlookEndOfSupportMessage(t *testing.T) {
	fs := check(t, outlookEndOfSupport{}, "2025-10-15", org(outlookClients("2016", "2021", "2019")))
	if len(fs) != 2 {
		t.Fatalf("want 2016 and 2019:\n%s", summary(fs))
	}
	want := "Outlook 2016 reached the end of its support on 2025-10-14: it gets no security updates or fixes; move these users to Microsoft 365 Apps or Outlook 2024"
	if fs[0].Message != want || fs[1].Address != "clients.outlook[2]" {
		t.Errorf("got %s\nwant %s", fs[0].Message, want)
	}
	for asOf, want := range map[string]string{
		"2025-10-12": "Outlook 2013 reached the end of its support on 2023-04-11: it gets no security updates or fixes; move these users to Microsoft 365 Apps, Outlook 2024 or Outlook 2021",
		"2025-10-13": "Outlook 2013 reached the end of its support on 2023-04-11: it gets no security updates or fixes; move these users to Microsoft 365 Apps or Outlook 2024",
		"2026-10-01": "Outlook 2013 reached the end of its support on 2023-04-11: it gets no security updates or fixes; move these users to Microsoft 365 Apps or Outlook 2024",
	} {
		fs := check(t, outlookEndOfSupport{}, asOf, org(outlookClients("2013")))
		if len(fs) != 1 || fs[0].Message != want {
			t.Errorf("on %s:\n%s\nwant %s", asOf, summary(fs), want)
		}
	}
	fs = check(t, outlookEndOfSupport{}, today, org(outlookClients("2021")))
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "move these users to Microsoft 365 Apps or Outlook 2024") {
		t.Errorf("2021 after its end:\n%s", summary(fs))
	}
	if fs := check(t, outlookEndOfSupport{}, today, org()); len(fs) != 0 {
		t.Errorf("no clients block:\n%s", summary(fs))
	}
}

// The fix names only Outlook versions that every Exchange version hosting
// mailboxes supports (outlookTargets, the query of
// outlook-version-unsupported); when none lasts, the mailboxes of the
// versions that support none move first, where exchange-end-of-support and
// outlook-version-unsupported send them, then the users go to what the
// other versions support.
func TestOutlookEndOfSupportMailboxes(t *testing.T) {
	mbx := `roles = ["mailbox"]`
	const ended = " reached the end of its support on "
	for _, tc := range []struct {
		name, asOf, src, want string
	}{
		// The audit's cases.
		{"Exchange 2010 with Outlook 2016 and Microsoft 365 Apps", "2026-12-06",
			org(srv("EX", "2010", "SP3 RU32", mbx), outlookClients("2016", "365")),
			"Outlook 2016" + ended + "2025-10-14: it gets no security updates or fixes; no Outlook that stays in support works with Exchange 2010 (EX): move those mailboxes to Exchange Online first"},
		{"Exchange 2010 and 2016 with Outlook 2013 SP1", "2026-12-06",
			org(srv("EX10", "2010", "SP3 RU32", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2013 SP1")),
			"Outlook 2013" + ended + "2023-04-11: it gets no security updates or fixes; no Outlook that stays in support works with Exchange 2010 (EX10): " +
				"move those mailboxes to Exchange Online first, then these users to Microsoft 365 Apps or Outlook 2024"},
		// Exchange 2013's list names Microsoft 365 Apps, not Outlook 2024.
		{"Exchange 2013 and 2016", "2026-12-06",
			org(srv("EX13", "2013", "CU23", mbx), srv("EX16", "2016", "CU23", mbx), outlookClients("2013 SP1")),
			"Outlook 2013" + ended + "2023-04-11: it gets no security updates or fixes; move these users to Microsoft 365 Apps"},
		// Outlook 2016, the newest Exchange 2010 supports, ends on
		// 2025-10-14: 366 days before it is named, 365 days before it is not.
		{"Exchange 2010, 366 days before Outlook 2016's end", "2024-10-13",
			org(srv("EX", "2010", "SP3 RU32", mbx), outlookClients("2013")),
			"Outlook 2013" + ended + "2023-04-11: it gets no security updates or fixes; move these users to Outlook 2016"},
		// Then Exchange 2016, still in support, can take the mailboxes, and
		// its list names what the users go to next.
		{"Exchange 2010, 365 days before Outlook 2016's end", "2024-10-14",
			org(srv("EX", "2010", "SP3 RU32", mbx), outlookClients("2013")),
			"Outlook 2013" + ended + "2023-04-11: it gets no security updates or fixes; no Outlook that stays in support works with Exchange 2010 (EX): " +
				"move those mailboxes to Exchange 2016 or Exchange Online first, then these users to Microsoft 365 Apps, Outlook 2024 or Outlook 2021"},
		// Outlook 2016 and later do not connect to Exchange 2007, and nothing
		// older lasts.
		{"Exchange 2007 beside 2013", "2026-12-06",
			org(srv("EX07", "2007", "SP3 RU23", mbx), srv("EX13", "2013", "CU23", mbx), outlookClients("2010")),
			"Outlook 2010" + ended + "2020-10-13: it gets no security updates or fixes; no Outlook that stays in support works with Exchange 2007 (EX07): " +
				"move those mailboxes to Exchange Online first, then these users to Microsoft 365 Apps"},
		// Servers without the mailbox role, or whose roles are unknown, do
		// not count.
		{"no server hosts mailboxes", "2026-12-06",
			org(srv("EX", "2010", "SP3 RU32"), outlookClients("2016")),
			"Outlook 2016" + ended + "2025-10-14: it gets no security updates or fixes; move these users to Microsoft 365 Apps or Outlook 2024"},
	} {
		fs := check(t, outlookEndOfSupport{}, tc.asOf, tc.src)
		if len(fs) != 1 || fs[0].Message != tc.want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), tc.want)
		}
	}
}
