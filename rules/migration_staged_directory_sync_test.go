package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// A staged migration needs directory synchronization: no directory_sync
// block, or one turned off, fails; enabled or unknown passes.
func TestMigrationStagedDirectorySync(t *testing.T) {
	ex := srv("EX07", "2007", "SP3 RU23")
	cases := []struct {
		name string
		src  string
		at   string // "" for no finding
		want string
	}{
		{"staged, no sync", org(ex, migrationBlock("staged", 600, "")), "migration.method", "the topology has no directory_sync block"},
		{"staged, sync turned off", org(ex, migrationBlock("staged", 600, ""), dirSync("false")), "directory_sync.enabled", "turned off (enabled = false)"},
		{"staged, sync enabled", org(ex, migrationBlock("staged", 600, ""), dirSync("true")), "", ""},
		{"staged, sync set up, running unknown", org(ex, migrationBlock("staged", 600, ""), dirSync("")), "", ""},
		{"cutover, no sync", org(ex, migrationBlock("cutover", 100, "")), "", ""},
		{"hybrid, no sync", org(ex, migrationBlock("hybrid", 600, "")), "", ""},
		{"express, no sync", org(ex, migrationBlock("express", 100, "")), "", ""},
		{"imap, no sync", org(ex, migrationBlock("imap", 100, "")), "", ""},
		{"no method, no sync", org(ex, migrationBlock("", 600, "")), "", ""},
		{"no migration", org(ex), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, migrationStagedDirectorySync{}, today, tc.src)
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at {
			t.Errorf("%s: want one error at %s:\n%s", tc.name, tc.at, summary(fs))
			continue
		}
		for _, w := range []string{tc.want, "staged migration needs directory synchronization", " before the first batch"} {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, fs[0].Message)
			}
		}
	}
}
