package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Every Windows Server version with a verified end of extended support, on
// every kind of host, at each boundary: 366 days before the last day nothing,
// 365 days before and the last day itself a warning, the next day an error.
func TestWindowsEndOfSupportBoundaries(t *testing.T) {
	hosts := []struct {
		kind, address, what string
		block               func(os string) string
	}{
		{"server", "server.EX01.os", "EX01", func(os string) string {
			return srv("EX01", "SE", "RTM", fmt.Sprintf("os = %q", os))
		}},
		{"domain controller", "domain_controller.DC01.os", "domain controller DC01", func(os string) string {
			return fmt.Sprintf("domain_controller \"DC01\" {\n  os = %q\n}\n", os)
		}},
		{"AD FS", "adfs.FS.os", "AD FS farm FS", func(os string) string {
			return fmt.Sprintf("adfs \"FS\" {\n  os = %q\n}\n", os)
		}},
		{"sync server", "directory_sync.host_os", "the directory synchronization server", func(os string) string {
			return fmt.Sprintf("directory_sync {\n  host_os = %q\n}\n", os)
		}},
	}
	judged := 0
	for _, w := range catalog.Default().Windows {
		end := w.ExtendedEnd
		if end.IsZero() {
			continue
		}
		judged++
		for _, h := range hosts {
			src := org(h.block(w.ID))
			for _, tc := range []struct {
				asOf string
				sev  lint.Severity // 0: nothing
				text string
			}{
				{end.AddDays(-366).String(), 0, ""},
				{end.AddDays(-365).String(), lint.Warning, fmt.Sprintf("whose extended support ends on %s (in 365 days)", end)},
				{end.AddDays(-1).String(), lint.Warning, fmt.Sprintf("whose extended support ends on %s (in 1 day)", end)},
				{end.String(), lint.Warning, fmt.Sprintf("whose extended support ends on %s (today is its last day)", end)},
				{end.AddDays(1).String(), lint.Error, fmt.Sprintf("whose extended support ended on %s", end)},
			} {
				what := fmt.Sprintf("%s on %s as of %s", h.kind, w.Name, tc.asOf)
				fs := check(t, windowsEndOfSupport{}, tc.asOf, src)
				if tc.sev == 0 {
					if len(fs) > 0 {
						t.Errorf("%s: want nothing, got\n%s", what, summary(fs))
					}
					continue
				}
				if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Address != h.address ||
					!strings.HasPrefix(fs[0].Message, h.what+" runs on "+w.Name+", ") || !strings.Contains(fs[0].Message, tc.text) {
					t.Errorf("%s: want one %s at %s saying %q, got\n%s", what, tc.sev, h.address, tc.text, summary(fs))
				}
			}
		}
	}
	if judged != 9 {
		t.Errorf("%d Windows Server versions have an end date, want 9 (2003 to 2025)", judged)
	}
}

// Windows 2000 Server has no verified date: not judged; nor is a host
// without os.
func TestWindowsEndOfSupportUnknown(t *testing.T) {
	for _, src := range []string{
		org(srv("EX01", "2003", "SP2", `os = "2000"`)),
		org(srv("EX01", "SE", "RTM"), "domain_controller \"DC01\" {}\n", "adfs \"FS\" {}\n", "directory_sync {\n  enabled = true\n}\n"),
	} {
		if fs := check(t, windowsEndOfSupport{}, "2040-01-01", src); len(fs) > 0 {
			t.Errorf("want nothing, got\n%s\n%s", summary(fs), src)
		}
	}
}

// The fix never names a Windows Server version past its end, or within the
// warning window of it, on the evaluation date; for an Exchange server, only
// a version its Exchange version runs on, or a newer Exchange version in
// support when its own is not.
func TestWindowsEndOfSupportFixes(t *testing.T) {
	for _, tc := range []struct {
		name, asOf, src string
		want            []string
	}{
		{"SE on 2016: a new SE server on a later Windows", today,
			org(srv("EX01", "SE", "RTM", `os = "2016"`)),
			[]string{"warning", "EX01 runs on Windows Server 2016, whose extended support ends on 2027-01-12 (in 52 days): install a new Exchange server on Windows Server 2019, 2022 or 2025, move the work to it and retire EX01"}},
		{"2019 on 2016: 2019 is past its own end, so SE", today,
			org(srv("EX01", "2019", "CU15", `os = "2016"`)),
			[]string{"warning", "and Exchange 2019's ended on 2025-10-14: move its work to Exchange Online or to Exchange SE on Windows Server 2019, 2022 or 2025, and retire it"}},
		// Exchange SE's setup refuses an organization with Exchange 2013 or
		// older (coexistence): their work goes to Exchange Online, as
		// exchange-end-of-support says.
		{"2013 on 2012 R2 in December 2026: SE cannot join an organization with 2013", "2026-12-06",
			org(srv("EX01", "2013", "CU23", `os = "2012R2"`)),
			[]string{"error", "EX01 runs on Windows Server 2012 R2, whose extended support ended on 2023-10-10, and Exchange 2013's ended on 2023-04-11: move its work to Exchange Online and retire it"}},
		{"2010 on 2008 R2 in December 2026", "2026-12-06",
			org(srv("EX", "2010", "SP3 RU32", `os = "2008R2"`)),
			[]string{"error", "EX runs on Windows Server 2008 R2, whose extended support ended on 2020-01-14, and Exchange 2010's ended on 2020-10-13: move its work to Exchange Online and retire it"}},
		{"2007 on 2008 in December 2026", "2026-12-06",
			org(srv("EX", "2007", "SP3 RU23", `os = "2008"`)),
			[]string{"error", "move its work to Exchange Online and retire it"}},
		// 2016 may go to SE, once the organization's 2013 server is gone (as
		// exchange-end-of-support says).
		{"2016 beside 2013 in December 2026: SE once 2013 is gone", "2026-12-06",
			org(srv("EX13", "2013", "CU23"), srv("EX16", "2016", "CU23", `os = "2012R2"`)),
			[]string{"error", "EX16 runs on Windows Server 2012 R2, whose extended support ended on 2023-10-10, and Exchange 2016's ended on 2025-10-14: move its work to Exchange Online or to Exchange SE on Windows Server 2019, 2022 or 2025 (once Exchange 2013 is gone), and retire it"}},
		// 2013 leaves support within the year: the work goes where
		// exchange-end-of-support-soon sends it, the newest version in support
		// the day after 2013's end that can join (2019), at the level that
		// can be beside 2013 (CU14: CU15 refuses 2013, and Windows Server
		// 2025 needs CU15).
		{"2013 on 2012 (2022): 2013 leaves support within the year, so where it then goes", "2022-12-01",
			org(srv("EX01", "2013", "CU23", `os = "2012"`)),
			[]string{"warning", "EX01 runs on Windows Server 2012, whose extended support ends on 2023-10-10 (in 313 days), and Exchange 2013's ends on 2023-04-11: move its work to Exchange Online or to Exchange 2019 on Windows Server 2019 or 2022, and retire it"}},
		{"2016 in support on 2012 R2 (2023): Windows Server 2016 lasts", "2023-10-11",
			org(srv("EX01", "2016", "CU23", `os = "2012R2"`)),
			[]string{"error", "install a new Exchange server on Windows Server 2016, move the work to it and retire EX01"}},
		{"in 2028, Windows Server 2019 is too close to its end to be named", "2028-06-01",
			org(srv("EX01", "SE", "RTM", `os = "2012R2"`)),
			[]string{"error", "install a new Exchange server on Windows Server 2022 or 2025, move the work to it and retire EX01"}},
		{"a domain controller, where Exchange 2013 supports no later Windows that lasts", today,
			org(srv("EX01", "2013", "CU23"), srv("EX02", "2016", "CU22"), srv("EX03", "2016", "CU23"), "domain_controller \"DC01\" {\n  os = \"2012R2\"\n}\n"),
			[]string{"error", "domain controller DC01 runs on Windows Server 2012 R2, whose extended support ended on 2023-10-10: replace it with a domain controller on Windows Server 2019 once EX01 (Exchange 2013, which does not support it) is retired"}},
		// The fix names the later versions the fewest servers stand in the way
		// of: 2019 (EX01, 2013), not 2022 (and EX02, 2016 CU22) or 2025 (and
		// EX03, 2016 CU23). Exchange 2013 has no later update listed with
		// Windows Server 2019: EX01 is to be retired, not updated.
		{"a domain controller beside Exchange 2003, which Microsoft lists with none that lasts", today,
			org(srv("EX01", "2003", "SP2"), "domain_controller \"DC01\" {\n  os = \"2003\"\n}\n"),
			[]string{"error", "replace it with a domain controller on Windows Server 2019, 2022 or 2025 once EX01 (Exchange 2003, which does not support those) is retired"}},
		{"a domain controller beside SE", today,
			org(srv("EX01", "SE", "RTM"), "domain_controller \"DC01\" {\n  os = \"2016\"\n}\n"),
			[]string{"warning", "replace it with a domain controller on Windows Server 2019, 2022 or 2025"}},
		{"Entra Connect: only the hosts it supports", today,
			org("directory_sync {\n  tool = \"entra_connect\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move Microsoft Entra Connect to a server on Windows Server 2019 or 2022"}},
		// A retired tool's server goes where the tool Microsoft says to
		// upgrade to runs (dirsync.csv: DirSync's successor is Microsoft
		// Entra Connect, which does not run on Windows Server 2025), as
		// directory-sync-prerequisites says to upgrade.
		{"DirSync: the hosts of Entra Connect, which replaces it", "2026-12-06",
			org("directory_sync {\n  enabled = true\n  tool = \"dirsync\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "the directory synchronization server runs on Windows Server 2012 R2, whose extended support ended on 2023-10-10: replace DirSync, which is retired, with Microsoft Entra Connect on a server on Windows Server 2019 or 2022"}},
		{"Azure AD Sync: the hosts of Entra Connect", today,
			org("directory_sync {\n  tool = \"aad_sync\"\n  host_os = \"2008R2\"\n}\n"),
			[]string{"error", "replace Azure AD Sync, which is retired, with Microsoft Entra Connect on a server on Windows Server 2019 or 2022"}},
		// The horizon: Windows Server 2022 (to 2031-10-14) is named 366 days
		// before its end, not 365; then Entra Connect runs on nothing that lasts.
		{"DirSync, 366 days before Windows Server 2022's end", "2030-10-13",
			org("directory_sync {\n  tool = \"dirsync\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "replace DirSync, which is retired, with Microsoft Entra Connect on a server on Windows Server 2022"}},
		{"DirSync, 365 days before Windows Server 2022's end", "2030-10-14",
			org("directory_sync {\n  tool = \"dirsync\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "no later Windows Server version Microsoft Entra Connect (which replaces the retired DirSync) runs on stays in support for more than a year: plan its successor"}},
		{"Entra Connect, 365 days before Windows Server 2022's end", "2030-10-14",
			org("directory_sync {\n  tool = \"entra_connect\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "no later Windows Server version Microsoft Entra Connect runs on stays in support for more than a year: plan its successor"}},
		// Cloud Sync runs on 2016 to 2025 (MS-CLOUDSYNC, 2026): 2025 too.
		{"Cloud Sync: 2025 among its hosts", "2026-12-06",
			org("directory_sync {\n  tool = \"cloud_sync\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move Microsoft Entra Cloud Sync to a server on Windows Server 2019, 2022 or 2025"}},
		{"Cloud Sync, 365 days before Windows Server 2022's end", "2030-10-14",
			org("directory_sync {\n  tool = \"cloud_sync\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move Microsoft Entra Cloud Sync to a server on Windows Server 2025"}},
		// Azure AD Connect, Microsoft Entra Connect's former name: from
		// 2026-09-30, when every build of that name has stopped, a current
		// build of Microsoft Entra Connect on its hosts; the day before, an
		// old build may still run, so as an unnamed tool.
		{"Azure AD Connect on the day its builds stop", "2026-09-30",
			org("directory_sync {\n  tool = \"aad_connect\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "install a current Microsoft Entra Connect (Azure AD Connect's current name) on a server on Windows Server 2019 or 2022"}},
		{"Azure AD Connect the day before its builds stop", "2026-09-29",
			org("directory_sync {\n  tool = \"aad_connect\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move directory synchronization to a server on Windows Server 2019 or 2022"}},
		{"Azure AD Connect, 365 days before Windows Server 2022's end", "2030-10-14",
			org("directory_sync {\n  tool = \"aad_connect\"\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "no later Windows Server version Microsoft Entra Connect runs on stays in support for more than a year: plan its successor"}},
		// Without a tool the catalogue judges, a later version that lasts and
		// that every supported tool runs on: not 2025, which Microsoft Entra
		// Connect does not run on; when none is left, the tools that still
		// have one; then none.
		{"an unnamed tool", "2026-12-06",
			org("directory_sync {\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move directory synchronization to a server on Windows Server 2019 or 2022"}},
		{"an unnamed tool, 366 days before Windows Server 2022's end", "2030-10-13",
			org("directory_sync {\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move directory synchronization to a server on Windows Server 2022"}},
		{"an unnamed tool, 365 days before Windows Server 2022's end", "2030-10-14",
			org("directory_sync {\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "move directory synchronization to Microsoft Entra Cloud Sync on a server on Windows Server 2025"}},
		{"an unnamed tool, 365 days before Windows Server 2025's end", "2033-11-14",
			org("directory_sync {\n  host_os = \"2012R2\"\n}\n"),
			[]string{"error", "no later Windows Server version a directory synchronization tool runs on stays in support for more than a year: plan its successor"}},
		{"AD FS", today,
			org("adfs \"FS\" {\n  os = \"2012\"\n}\n"),
			[]string{"error", "AD FS farm FS runs on Windows Server 2012, whose extended support ended on 2023-10-10: move the farm to AD FS servers on Windows Server 2019, 2022 or 2025"}},
	} {
		fs := check(t, windowsEndOfSupport{}, tc.asOf, tc.src)
		if len(fs) != 1 || fs[0].Severity.String() != tc.want[0] || !strings.HasSuffix(fs[0].Message, tc.want[1]) {
			t.Errorf("%s: want one %s ending in %q, got\n%s", tc.name, tc.want[0], tc.want[1], summary(fs))
		}
	}
}
