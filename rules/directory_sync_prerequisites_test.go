package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The host of each tool the catalogue judges, on every Windows Server
// version. Microsoft Entra Connect (MS-ENTRA), and Azure AD Connect, its
// former name, judged as it from 2026-09-30: 2016 to 2022 pass, 2012 R2 fails, and so does
// 2025 ("Windows Server 2025 is NOT supported"). Microsoft Entra Cloud Sync
// (MS-CLOUDSYNC, 2026): 2016 to 2025 pass, 2012 R2 fails. The fix names the
// hosts that stay in support for more than a year after the evaluation date
// (windowsLasts, the versions windows-end-of-support names): Windows Server
// 2016 (to 2027-01-12) 366 days before its end, not 365; Windows Server 2022
// (to 2031-10-14) 366 days before its end, and then, for Entra Connect,
// none; Windows Server 2025 (to 2034-11-14) alone, for Cloud Sync, 366 days
// before its end, and then none.
func TestDirectorySyncHost(t *testing.T) {
	entraFails := map[string]bool{"2000": true, "2003": true, "2008": true, "2008R2": true, "2012": true, "2012R2": true, "2025": true}
	cloudFails := map[string]bool{"2000": true, "2003": true, "2008": true, "2008R2": true, "2012": true, "2012R2": true}
	for _, tc := range []struct {
		tool, name, runsOn string
		fails              map[string]bool
		hosts              map[string]string // by evaluation date, the hosts the fix names
	}{
		{"entra_connect", "Microsoft Entra Connect", "Windows Server 2016 to 2022", entraFails, map[string]string{
			"2026-01-11": "Windows Server 2016, 2019 or 2022", "2026-01-12": "Windows Server 2019 or 2022",
			today: "Windows Server 2019 or 2022", "2026-12-06": "Windows Server 2019 or 2022",
			"2030-10-13": "Windows Server 2022", "2030-10-14": "", "2031-10-15": ""}},
		{"aad_connect", "Microsoft Entra Connect", "Windows Server 2016 to 2022", entraFails, map[string]string{
			"2026-09-30": "Windows Server 2019 or 2022", "2026-12-06": "Windows Server 2019 or 2022", "2030-10-14": ""}},
		{"cloud_sync", "Microsoft Entra Cloud Sync", "Windows Server 2016 or later", cloudFails, map[string]string{
			"2026-01-11": "Windows Server 2016, 2019, 2022 or 2025", "2026-01-12": "Windows Server 2019, 2022 or 2025",
			"2026-12-06": "Windows Server 2019, 2022 or 2025", "2030-10-13": "Windows Server 2022 or 2025",
			"2030-10-14": "Windows Server 2025", "2033-11-13": "Windows Server 2025", "2033-11-14": ""}},
	} {
		for asOf, hosts := range tc.hosts {
			for _, w := range catalog.Default().Windows {
				fs := check(t, directorySyncPrerequisites{}, asOf, org(idDirSync(`enabled = true`, `tool = "`+tc.tool+`"`, `host_os = "`+w.ID+`"`)))
				fs = findingsAt(fs, "directory_sync.host_os")
				if !tc.fails[w.ID] {
					if len(fs) != 0 {
						t.Errorf("%s on %s: want no finding at host_os:\n%s", tc.tool, w.ID, summary(fs))
					}
					continue
				}
				fix := "install it on a domain-joined server on " + hosts
				if hosts == "" {
					fix = "no Windows Server version it runs on stays in support for more than a year: plan its successor"
				}
				want := "the directory synchronization server runs " + w.Name + ", which " + tc.name + " does not support (it runs on " + tc.runsOn + "): " + fix
				if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Message != want || len(fs[0].Related) != 1 {
					t.Errorf("%s on %s as of %s: want one error at host_os: %s\n%s", tc.tool, w.ID, asOf, want, summary(fs))
				}
			}
		}
	}
}

// findingsAt keeps the findings at one address.
func findingsAt(fs []lint.Finding, address string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Address == address {
			out = append(out, f)
		}
	}
	return out
}

// The forest on every forest functional level: for Microsoft Entra Connect,
// and Azure AD Connect judged as it, 2003 passes, 2000 fails; Cloud Sync's
// sources name no level, so none fails.
func TestDirectorySyncForest(t *testing.T) {
	for _, tool := range []string{"entra_connect", "aad_connect", "cloud_sync"} {
		for _, f := range catalog.Default().FFLs {
			fs := findingsAt(check(t, directorySyncPrerequisites{}, today, orgFFL(f.ID, idDirSync(`tool = "`+tool+`"`))), "organization.T.forest_functional_level")
			if f.ID != "2000" || tool == "cloud_sync" {
				if len(fs) != 0 {
					t.Errorf("%s, FFL %s: want no finding:\n%s", tool, f.ID, summary(fs))
				}
				continue
			}
			want := "the forest functional level is Windows 2000, and Microsoft Entra Connect needs Windows Server 2003 or higher: raise the forest functional level to Windows Server 2003 or higher"
			if len(fs) != 1 || fs[0].Message != want {
				t.Errorf("%s, FFL %s: want one error at the level:\n%s", tool, f.ID, summary(fs))
			}
		}
	}
}

// Azure AD Connect names Microsoft Entra Connect by its former name, whose
// builds stop synchronizing on 2026-09-30 (MS-ENTRA-PKS). From 365 days
// before that day (the warning window, as for an end of support), a warning
// at the tool: "stop ... (in N days)" until the day before, "stopped" from
// the day itself; 366 days before, nothing. Before the day an old build may
// still run, on hosts exlint's sources do not give: the host is judged, as
// Microsoft Entra Connect's, with a note naming the former name, only from
// the day itself.
func TestDirectorySyncRenamedTool(t *testing.T) {
	for _, tc := range []struct {
		asOf, stops string // stops: "" for no warning
		judged      bool
	}{
		{"2024-01-01", "", false},
		{"2025-09-29", "", false},
		{"2025-09-30", "stop synchronizing on 2026-09-30 (in 365 days)", false},
		{"2026-09-29", "stop synchronizing on 2026-09-30 (in 1 day)", false},
		{"2026-09-30", "stopped synchronizing on 2026-09-30", true},
		{"2026-12-06", "stopped synchronizing on 2026-09-30", true},
	} {
		for _, host := range []string{"2022", "2012R2"} {
			fs := check(t, directorySyncPrerequisites{}, tc.asOf, orgFFL("2000", idDirSync(`enabled = true`, `tool = "aad_connect"`, `host_os = "`+host+`"`)))
			at := findingsAt(fs, "directory_sync.tool")
			want := "the directory synchronization tool is Azure AD Connect, Microsoft Entra Connect's name until 2023: its builds predate 2.5.79.0 and " +
				tc.stops + `; run a current build and write tool = "entra_connect"`
			if tc.stops == "" && len(at) != 0 || tc.stops != "" && (len(at) != 1 || at[0].Severity != lint.Warning || at[0].Message != want) {
				t.Errorf("aad_connect on %s as of %s: want a warning at the tool (%q):\n%s", host, tc.asOf, tc.stops, summary(fs))
			}
			hostFs := findingsAt(fs, "directory_sync.host_os")
			wantHost := tc.judged && host == "2012R2"
			if !wantHost && len(hostFs) != 0 || wantHost && (len(hostFs) != 1 ||
				hostFs[0].Related[0].Message != "the directory synchronization tool is Azure AD Connect, Microsoft Entra Connect's name until 2023") {
				t.Errorf("aad_connect on %s as of %s: host findings:\n%s", host, tc.asOf, summary(hostFs))
			}
			forestFs := findingsAt(fs, "organization.T.forest_functional_level")
			if tc.judged != (len(forestFs) == 1) {
				t.Errorf("aad_connect on %s as of %s: forest judged %v:\n%s", host, tc.asOf, tc.judged, summary(forestFs))
			}
		}
	}
	// The cutoff the message gives is Microsoft Entra Connect Sync's: every
	// renamed tool of the catalogue is a former name of Microsoft Entra Connect.
	for _, tool := range catalog.Default().SyncTools() {
		if tool.Renamed && tool.Current().ID != "entra_connect" {
			t.Errorf("%s: renamedSyncTool gives Microsoft Entra Connect Sync's cutoff, not %s's", tool.ID, tool.Current().Name)
		}
	}
	if fs := check(t, directorySyncPrerequisites{}, today, org(idDirSync(`enabled = false`, `tool = "aad_connect"`, `host_os = "2012R2"`))); len(fs) != 0 {
		t.Errorf("aad_connect turned off: want no finding:\n%s", summary(fs))
	}
}

// DirSync and Azure AD Sync are retired (MS-DIRSYNC-RETIRED): one error at
// the tool, whatever the host and forest; turned off, nothing.
func TestDirectorySyncRetiredTools(t *testing.T) {
	for tool, name := range map[string]string{"dirsync": "DirSync", "aad_sync": "Azure AD Sync"} {
		fs := check(t, directorySyncPrerequisites{}, today, orgFFL("2000", idDirSync(`enabled = true`, `tool = "`+tool+`"`, `host_os = "2008R2"`)))
		want := "the directory synchronization tool is " + name + ": Microsoft retired DirSync and Azure AD Sync, which are not supported and no longer work; upgrade to Microsoft Entra Connect"
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "directory_sync.tool" || fs[0].Message != want {
			t.Errorf("%s: want one error at the tool:\n%s", tool, summary(fs))
		}
		if fs := check(t, directorySyncPrerequisites{}, today, org(idDirSync(`enabled = false`, `tool = "`+tool+`"`))); len(fs) != 0 {
			t.Errorf("%s turned off: want no finding:\n%s", tool, summary(fs))
		}
	}
}

// A turned-off synchronization and unknown facts stay silent.
func TestDirectorySyncSilent(t *testing.T) {
	for _, src := range []string{
		orgFFL("2000", idDirSync(`enabled = false`, `tool = "entra_connect"`, `host_os = "2012R2"`)),
		orgFFL("2000", idDirSync(`enabled = false`, `tool = "cloud_sync"`, `host_os = "2012R2"`)),
		orgFFL("2000", idDirSync(`host_os = "2012R2"`)),
		org(idDirSync(`tool = "entra_connect"`)),
		org(idDirSync(`tool = "cloud_sync"`)),
		orgFFL("2000"),
	} {
		if fs := check(t, directorySyncPrerequisites{}, today, src); len(fs) != 0 {
			t.Errorf("want no finding:\n%s\n%s", summary(fs), src)
		}
	}
	fs := check(t, directorySyncPrerequisites{}, today, orgFFL("2000", idDirSync(`tool = "entra_connect"`, `host_os = "2012R2"`)))
	if len(fs) != 2 || !strings.Contains(fs[0].Message, "forest functional level") || fs[1].Address != "directory_sync.host_os" {
		t.Errorf("both: one finding each:\n%s", summary(fs))
	}
}
