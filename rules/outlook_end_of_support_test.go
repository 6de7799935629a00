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

// The message names what is still supported on the date.
func TestOutlookEndOfSupportMessage(t *testing.T) {
	fs := check(t, outlookEndOfSupport{}, "2025-10-15", org(outlookClients("2016", "2021", "2019")))
	if len(fs) != 2 {
		t.Fatalf("want 2016 and 2019:\n%s", summary(fs))
	}
	want := "Outlook 2016 reached the end of its support on 2025-10-14: it gets no security updates or fixes; move these users to Microsoft 365 Apps, Outlook 2024 or Outlook 2021"
	if fs[0].Message != want || fs[1].Address != "clients.outlook[2]" {
		t.Errorf("got %s\nwant %s", fs[0].Message, want)
	}
	fs = check(t, outlookEndOfSupport{}, today, org(outlookClients("2021")))
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "move these users to Microsoft 365 Apps or Outlook 2024") {
		t.Errorf("2021 after its end:\n%s", summary(fs))
	}
	if fs := check(t, outlookEndOfSupport{}, today, org()); len(fs) != 0 {
		t.Errorf("no clients block:\n%s", summary(fs))
	}
}
