package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestSignInPreferPasswordHash(t *testing.T) {
	cases := []struct {
		src   string
		fails bool
	}{
		{org(idDirSync(`sign_in = "federation"`)), true},
		{org(idDirSync(`enabled = true`, `sign_in = "federation"`), idADFS("ADFS", `os = "2022"`)), true},
		{org(idDirSync(`sign_in = "password_hash_sync"`)), false},
		{org(idDirSync(`sign_in = "pass_through"`)), false},
		{org(idDirSync(`enabled = true`), idADFS("ADFS")), false}, // the method is not stated: not a choice to judge
		{org(idADFS("ADFS")), false},
		{org(), false},
		// Several Exchange organizations (forests) in hybrid with the tenant:
		// federation "is required" (MS-HYB-PREREQ).
		{org(idDirSync(`sign_in = "federation"`), "hybrid {\n  exchange_organizations = 1\n}\n"), true},
		{org(idDirSync(`sign_in = "federation"`), "hybrid {\n  exchange_organizations = 2\n}\n"), false},
		{org(idDirSync(`sign_in = "federation"`), "hybrid {\n  exchange_organizations = 5\n}\n"), false},
		{org(idDirSync(`sign_in = "federation"`), "hybrid {}\n"), true}, // not stated
	}
	for _, tc := range cases {
		fs := check(t, signInPreferPasswordHash{}, today, tc.src)
		if !tc.fails {
			if len(fs) != 0 {
				t.Errorf("want no finding:\n%s\n%s", summary(fs), tc.src)
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Info || fs[0].Address != "directory_sync.sign_in" ||
			!strings.HasPrefix(fs[0].Message, "sign-in is federated, and Microsoft strongly recommends password hash synchronization unless a specific need") ||
			!strings.HasSuffix(fs[0].Message, `use sign_in = "password_hash_sync"`) {
			t.Errorf("want one info at directory_sync.sign_in:\n%s", summary(fs))
		}
	}
}
