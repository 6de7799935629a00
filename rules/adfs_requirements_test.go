package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

func idDirSync(extra ...string) string {
	return "directory_sync {\n  " + strings.Join(extra, "\n  ") + "\n}\n"
}

func idADFS(name string, extra ...string) string {
	return "adfs \"" + name + "\" {\n  " + strings.Join(extra, "\n  ") + "\n}\n"
}

func idCert(name, issuer string) string {
	if issuer == "" {
		return "certificate \"" + name + "\" {}\n"
	}
	return "certificate \"" + name + "\" {\n  issuer = \"" + issuer + "\"\n}\n"
}

// Federated sign-in needs directory synchronization.
func TestADFSDirectorySync(t *testing.T) {
	fed := `sign_in = "federation"`
	cases := []struct {
		name, src string
		at        string // address of the one finding, "" for none
		want      string
	}{
		{"federation with sync on", org(idDirSync(`enabled = true`, `tool = "entra_connect"`, fed)), "", ""},
		{"federation with sync of unknown state", org(idDirSync(fed)), "", ""},
		{"federation with sync off", org(idDirSync(`enabled = false`, fed)), "directory_sync.enabled",
			`sign-in is federated (sign_in = "federation"), but directory synchronization is turned off, which federated users need: turn it on, or move the users to password hash synchronization first`},
		{"an AD FS farm without any sync", org(idADFS("ADFS")), "adfs.ADFS",
			"the AD FS farm ADFS provides federated sign-in, but the topology has no directory synchronization, which federated users need: set up Microsoft Entra Connect"},
		{"an AD FS farm with sync off, sign-in not stated", org(idADFS("ADFS"), idDirSync(`enabled = false`)), "directory_sync.enabled",
			"the AD FS farm ADFS provides federated sign-in, but directory synchronization is turned off"},
		{"an AD FS farm with sync on", org(idADFS("ADFS"), idDirSync(`enabled = true`)), "", ""},
		{"an AD FS farm while sign-in is password hash sync", org(idADFS("ADFS"), idDirSync(`enabled = false`, `sign_in = "password_hash_sync"`)), "", ""},
		{"no federation at all", org(idDirSync(`enabled = false`, `sign_in = "pass_through"`)), "", ""},
		{"nothing", org(), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, adfsRequirements{}, today, tc.src)
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one error at %s containing %q:\n%s", tc.name, tc.at, tc.want, summary(fs))
		}
	}
}

// The federation service certificate must come from a public CA.
func TestADFSCertificate(t *testing.T) {
	sync := idDirSync(`enabled = true`, `sign_in = "federation"`)
	cases := []struct {
		issuer string
		fails  string // "" for no finding
	}{
		{"public_ca", ""},
		{"enterprise_ca", "which is issued by an internal CA"},
		{"self_signed", "which is self-signed"},
		{"", ""}, // issuer unknown
	}
	for _, tc := range cases {
		fs := check(t, adfsRequirements{}, today, org(sync, idCert("sts", tc.issuer), idADFS("ADFS", `certificate = "sts"`)))
		if tc.fails == "" {
			if len(fs) != 0 {
				t.Errorf("issuer %q: want no finding:\n%s", tc.issuer, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != "adfs.ADFS.certificate" || len(fs[0].Related) != 1 ||
			!strings.HasPrefix(fs[0].Message, "AD FS farm ADFS uses certificate sts, "+tc.fails+", and federated sign-in needs a publicly trusted one: replace it with a public CA certificate") {
			t.Errorf("issuer %q: want one finding at adfs.ADFS.certificate:\n%s", tc.issuer, summary(fs))
		}
	}
	if fs := check(t, adfsRequirements{}, today, org(sync, idADFS("ADFS"))); len(fs) != 0 {
		t.Errorf("no certificate stated: want no finding:\n%s", summary(fs))
	}
}

// AD FS on every Windows Server version: 2012 R2 passes, 2012 fails. The fix
// names the versions from 2012 R2 on that stay in support for more than a
// year after the evaluation date (windowsLasts), as windows-end-of-support
// does: Windows Server 2016 (to 2027-01-12) 366 days before its end, not
// 365; Windows Server 2025 (to 2034-11-14) alone 366 days before its end,
// and then none.
func TestADFSOperatingSystem(t *testing.T) {
	sync := idDirSync(`enabled = true`, `sign_in = "federation"`)
	fails := map[string]bool{"2000": true, "2003": true, "2008": true, "2008R2": true, "2012": true}
	none := "no later Windows Server version AD FS runs on stays in support for more than a year: plan the farm's replacement"
	for asOf, fix := range map[string]string{
		"2023-10-10": "move the farm to AD FS servers on Windows Server 2016, 2019, 2022 or 2025",
		"2026-01-11": "move the farm to AD FS servers on Windows Server 2016, 2019, 2022 or 2025",
		"2026-01-12": "move the farm to AD FS servers on Windows Server 2019, 2022 or 2025",
		"2026-12-06": "move the farm to AD FS servers on Windows Server 2019, 2022 or 2025",
		"2033-11-13": "move the farm to AD FS servers on Windows Server 2025",
		"2033-11-14": none,
	} {
		for _, w := range catalog.Default().Windows {
			fs := check(t, adfsRequirements{}, asOf, org(sync, idADFS("ADFS", `os = "`+w.ID+`"`), idADFS("ADFS2", `os = "2022"`)))
			if !fails[w.ID] {
				if len(fs) != 0 {
					t.Errorf("AD FS on %s: want no finding:\n%s", w.ID, summary(fs))
				}
				continue
			}
			want := "AD FS farm ADFS runs " + w.Name + ", below Windows Server 2012 R2, the minimum for federated sign-in with Microsoft Entra ID: " + fix
			if len(fs) != 1 || fs[0].Address != "adfs.ADFS.os" || fs[0].Message != want {
				t.Errorf("AD FS on %s, as of %s: want one finding at adfs.ADFS.os: %s\n%s", w.ID, asOf, want, summary(fs))
			}
		}
	}
}
