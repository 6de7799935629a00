package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Microsoft Entra Connect's host on every Windows Server version (MS-ENTRA):
// 2016 to 2022 pass, 2012 R2 fails, and so does 2025 ("Windows Server 2025
// is NOT supported"). The fix names the hosts that stay in support for more
// than a year after the evaluation date (windowsLasts, the versions
// windows-end-of-support names): Windows Server 2016 (to 2027-01-12) 366
// days before its end, not 365; Windows Server 2022 (to 2031-10-14) alone
// 366 days before its end, and then none.
func TestDirectorySyncHost(t *testing.T) {
	fails := map[string]bool{"2000": true, "2003": true, "2008": true, "2008R2": true, "2012": true, "2012R2": true, "2025": true}
	for asOf, hosts := range map[string]string{"2026-01-11": "Windows Server 2016, 2019 or 2022", "2026-01-12": "Windows Server 2019 or 2022",
		today: "Windows Server 2019 or 2022", "2026-12-06": "Windows Server 2019 or 2022",
		"2030-10-13": "Windows Server 2022", "2030-10-14": "", "2031-10-15": ""} {
		for _, w := range catalog.Default().Windows {
			fs := check(t, directorySyncPrerequisites{}, asOf, org(idDirSync(`enabled = true`, `tool = "entra_connect"`, `host_os = "`+w.ID+`"`)))
			if !fails[w.ID] {
				if len(fs) != 0 {
					t.Errorf("Entra Connect on %s: want no finding:\n%s", w.ID, summary(fs))
				}
				continue
			}
			fix := "install it on a domain-joined server on " + hosts
			if hosts == "" {
				fix = "no Windows Server version it runs on stays in support for more than a year: plan its successor"
			}
			want := "the directory synchronization server runs " + w.Name + ", which Microsoft Entra Connect does not support (it runs on Windows Server 2016 to 2022): " + fix
			if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "directory_sync.host_os" || fs[0].Message != want || len(fs[0].Related) != 1 {
				t.Errorf("Entra Connect on %s as of %s: want one error at host_os: %s\n%s", w.ID, asOf, want, summary(fs))
			}
		}
	}
}

// Microsoft Entra Connect's forest on every forest functional level: 2003
// passes, 2000 fails.
func TestDirectorySyncForest(t *testing.T) {
	for _, f := range catalog.Default().FFLs {
		fs := check(t, directorySyncPrerequisites{}, today, orgFFL(f.ID, idDirSync(`tool = "entra_connect"`)))
		if f.ID != "2000" {
			if len(fs) != 0 {
				t.Errorf("FFL %s: want no finding:\n%s", f.ID, summary(fs))
			}
			continue
		}
		want := "the forest functional level is Windows 2000, and Microsoft Entra Connect needs Windows Server 2003 or higher: raise the forest functional level to Windows Server 2003 or higher"
		if len(fs) != 1 || fs[0].Address != "organization.T.forest_functional_level" || fs[0].Message != want {
			t.Errorf("FFL %s: want one error at the level:\n%s", f.ID, summary(fs))
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

// Other tools, a turned-off synchronization and unknown facts stay silent.
func TestDirectorySyncSilent(t *testing.T) {
	for _, tool := range []string{"aad_connect", "cloud_sync"} {
		src := orgFFL("2000", idDirSync(`enabled = true`, `tool = "`+tool+`"`, `host_os = "2008R2"`))
		if fs := check(t, directorySyncPrerequisites{}, today, src); len(fs) != 0 {
			t.Errorf("%s: want no finding:\n%s", tool, summary(fs))
		}
	}
	for _, src := range []string{
		orgFFL("2000", idDirSync(`enabled = false`, `tool = "entra_connect"`, `host_os = "2012R2"`)),
		orgFFL("2000", idDirSync(`host_os = "2012R2"`)),
		org(idDirSync(`tool = "entra_connect"`)),
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
