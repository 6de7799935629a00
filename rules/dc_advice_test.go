package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// fixOf returns the fix of the one finding a rule gives at a domain
// controller's os (what follows the last ": "), or "" when it gives none.
func fixOf(t *testing.T, fs []lint.Finding, dc string) string {
	t.Helper()
	var out []string
	for _, f := range fs {
		if f.Address == "domain_controller."+dc+".os" {
			out = append(out, f.Message[strings.LastIndex(f.Message, ": ")+2:])
		}
	}
	if len(out) > 1 {
		t.Fatalf("%d findings at %s", len(out), dc)
	}
	if len(out) == 0 {
		return ""
	}
	return out[0]
}

// Where a domain controller goes: domain-controller-os-unsupported and
// windows-end-of-support give the same fix (dcAdvice), naming only Windows
// Server versions that stay in support for more than a year, and say
// "updated" only where a later update of the server's version is listed
// with them. Each case gives each rule's fix, "" when it reports nothing.
func TestDomainControllerReplacement(t *testing.T) {
	for _, tc := range []struct {
		name, asOf, src string
		dcOS, eos       string // the fixes of domain-controller-os-unsupported and windows-end-of-support
	}{
		// The cases (December 2026): Windows Server 2016 ends on
		// 2027-01-12, within a year, so neither rule names it; 2016 CU10 is
		// listed with 2019 from CU12 and 2022 from CU23, so it is updated to
		// CU23 (or retired) first.
		{"2016 CU10 beside a 2008 DC", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2016", "CU10")),
			"replace it with a domain controller on Windows Server 2019 or 2022 once EX is updated to CU23 or later or retired",
			"replace it with a domain controller on Windows Server 2019 or 2022 once EX is updated to CU23 or later or retired"},
		{"2016 CU23 beside a 2008 DC", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2016", "CU23")),
			"replace it with a domain controller on Windows Server 2019 or 2022",
			"replace it with a domain controller on Windows Server 2019 or 2022"},
		// Exchange 2010 SP3 RU32 and 2013 CU23 are their versions' last
		// updates, listed with no version that lasts: retired, not updated.
		{"2010 SP3 RU32 beside a 2008 DC", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2010", "SP3 RU32")),
			"",
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired"},
		{"2013 CU23 beside a 2008 DC", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2013", "CU23")),
			"",
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX (Exchange 2013, which does not support those) is retired"},
		// A version the catalogue says nothing of for domain controllers
		// (Exchange 5.5) is asked nothing: only Exchange 2010 is named.
		{"5.5 and 2010 beside a 2008 DC", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("OLD", "5.5", "SP4"), srv("EX", "2010", "SP3 RU32")),
			"",
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired"},
		// The horizon: 366 days before Windows Server 2016's last day it is
		// named, 365 days before it is not.
		{"2016 CU23, 366 days before Windows Server 2016's end", "2026-01-11",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2016", "CU23")),
			"replace it with a domain controller on Windows Server 2016, 2019 or 2022",
			"replace it with a domain controller on Windows Server 2016, 2019 or 2022"},
		{"2016 CU23, 365 days before Windows Server 2016's end", "2026-01-12",
			org(adDC("DC1", `os = "2008"`), srv("EX", "2016", "CU23")),
			"replace it with a domain controller on Windows Server 2019 or 2022",
			"replace it with a domain controller on Windows Server 2019 or 2022"},
		// Keeping the domain controller (an update of Exchange) is a fix only
		// while its Windows lasts; a replacement that needs an update too is
		// then not named.
		{"2010 SP3 RU21 beside a 2016 DC, while 2016 lasts", "2026-01-11",
			org(adDC("DC1", `os = "2016"`), srv("EX", "2010", "SP3 RU21")),
			"update EX to SP3 RU22 or later",
			""},
		{"2010 SP3 RU21 beside a 2016 DC, within the year", "2026-01-12",
			org(adDC("DC1", `os = "2016"`), srv("EX", "2010", "SP3 RU21")),
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired",
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired"},
		// The last level that is not listed, and the first that is: 2019 CU11
		// waits for CU12 with Windows Server 2022; a server of unknown level
		// waits for the first level listed.
		{"2019 CU11 and 2016 of unknown level beside a 2012 DC", "2026-12-06",
			org(adDC("DC1", `os = "2012"`), srv("A", "2019", "CU11"), srv("B", "2016", "CU99")),
			"replace it with a domain controller on Windows Server 2019 once B is updated to CU12 or later or retired",
			"replace it with a domain controller on Windows Server 2019 once B is updated to CU12 or later or retired"},
		{"2019 CU11 and 2016 CU23 beside a 2012 DC", "2026-12-06",
			org(adDC("DC1", `os = "2012"`), srv("A", "2019", "CU11"), srv("B", "2016", "CU23")),
			"replace it with a domain controller on Windows Server 2019",
			"replace it with a domain controller on Windows Server 2019"},
		// The audit's cases (December 2026): the domain controller's own
		// Windows lasts and is listed with no level of the Exchange version
		// beside it; once that version is retired, it is supported, so it
		// stays (no replacement needs nothing first).
		{"2010 SP3 RU32 beside a 2019 DC", "2026-12-06",
			org(adDC("DC1", `os = "2019"`), srv("EX", "2010", "SP3 RU32")),
			"retire EX (no level of Exchange 2010 is listed with it); DC1 can then stay on Windows Server 2019",
			""},
		{"2013 CU23 beside a 2022 DC", "2026-12-06",
			org(adDC("DC1", `os = "2022"`), srv("EX", "2013", "CU23")),
			"retire EX (no level of Exchange 2013 is listed with it); DC1 can then stay on Windows Server 2022",
			""},
		{"2016 CU11 beside a 2025 DC", "2026-12-06",
			org(adDC("DC1", `os = "2025"`), srv("EX", "2016", "CU11")),
			"retire EX (no level of Exchange 2016 is listed with it); DC1 can then stay on Windows Server 2025",
			""},
		// Every server that stands in the way: one to update, one to retire.
		{"2016 CU11 and 2013 CU23 beside a 2019 DC", "2026-12-06",
			org(adDC("DC1", `os = "2019"`), srv("A", "2016", "CU11"), srv("B", "2013", "CU23")),
			"update A to CU12 or later and retire B (no level of Exchange 2013 is listed with it); DC1 can then stay on Windows Server 2019",
			""},
		// The horizon: Windows Server 2019 ends on 2029-01-09; 366 days
		// before, the domain controller stays; 365 days before, it is
		// replaced, as windows-end-of-support says too.
		{"2010 SP3 RU32 beside a 2019 DC, 366 days before its end", "2028-01-09",
			org(adDC("DC1", `os = "2019"`), srv("EX", "2010", "SP3 RU32")),
			"retire EX (no level of Exchange 2010 is listed with it); DC1 can then stay on Windows Server 2019",
			""},
		{"2010 SP3 RU32 beside a 2019 DC, 365 days before its end", "2028-01-10",
			org(adDC("DC1", `os = "2019"`), srv("EX", "2010", "SP3 RU32")),
			"replace it with a domain controller on Windows Server 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired",
			"replace it with a domain controller on Windows Server 2022 or 2025 once EX (Exchange 2010, which does not support those) is retired"},
		{"servers to update and to retire", "2026-12-06",
			org(adDC("DC1", `os = "2008"`), srv("A", "2016", "CU10"), srv("B", "2016", "CU11"), srv("C", "2013", "CU23")),
			"replace it with a domain controller on Windows Server 2019 or 2022 once A and B are updated to CU23 or later or retired and C (Exchange 2013, which does not support those) is retired",
			"replace it with a domain controller on Windows Server 2019 or 2022 once A and B are updated to CU23 or later or retired and C (Exchange 2013, which does not support those) is retired"},
	} {
		if got := fixOf(t, check(t, domainControllerOSUnsupported{}, tc.asOf, tc.src), "DC1"); got != tc.dcOS {
			t.Errorf("%s: domain-controller-os-unsupported:\n got  %q\n want %q", tc.name, got, tc.dcOS)
		}
		if got := fixOf(t, check(t, windowsEndOfSupport{}, tc.asOf, tc.src), "DC1"); got != tc.eos {
			t.Errorf("%s: windows-end-of-support:\n got  %q\n want %q", tc.name, got, tc.eos)
		}
	}
}
