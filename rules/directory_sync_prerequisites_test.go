package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The host of each tool the catalogue judges, on every Windows Server
// version. Microsoft Entra Connect (MS-ENTRA): 2016 to 2022 pass, 2012 R2
// fails, and so does 2025 ("Windows Server 2025 is NOT supported"). Microsoft Entra Cloud Sync
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
// 2003 passes, 2000 fails; Cloud Sync's sources name no level, so none fails.
func TestDirectorySyncForest(t *testing.T) {
	for _, tool := range []string{"entra_connect", "cloud_sync"} {
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

// Azure AD Connect, a turned-off synchronization and unknown facts stay
// silent.
func TestDirectorySyncSilent(t *testing.T) {
	for _, src := range []string{
		orgFFL("2000", idDirSync(`enabled = true`, `tool = "aad_connect"`, `host_os = "2008R2"`)),
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
