package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// migrationBlock writes a migration block; empty values are left out.
func migrationBlock(method string, mailboxes int, timeframe string) string {
	var b strings.Builder
	b.WriteString("migration {\n")
	if method != "" {
		fmt.Fprintf(&b, "  method = %q\n", method)
	}
	if mailboxes >= 0 {
		fmt.Fprintf(&b, "  mailboxes = %d\n", mailboxes)
	}
	if timeframe != "" {
		fmt.Fprintf(&b, "  timeframe = %q\n", timeframe)
	}
	b.WriteString("}\n")
	return b.String()
}

// dirSync writes a directory_sync block; enabled is "true", "false" or ""
// (absent).
func dirSync(enabled string) string {
	if enabled == "" {
		return "directory_sync {\n  tool = \"entra_connect\"\n}\n"
	}
	return "directory_sync {\n  enabled = " + enabled + "\n}\n"
}

// Cutover while directory synchronization is enabled: "you need to turn it
// off before you can perform a cutover migration".
func TestMigrationCutoverDirectorySync(t *testing.T) {
	ex := srv("EX", "2010", "SP3 RU32")
	cases := []struct {
		name string
		src  string
		want bool
	}{
		{"cutover, sync enabled", org(ex, migrationBlock("cutover", 100, ""), dirSync("true")), true},
		{"cutover, sync turned off", org(ex, migrationBlock("cutover", 100, ""), dirSync("false")), false},
		{"cutover, sync set up, running unknown", org(ex, migrationBlock("cutover", 100, ""), dirSync("")), false},
		{"cutover, no sync", org(ex, migrationBlock("cutover", 100, "")), false},
		{"staged, sync enabled", org(ex, migrationBlock("staged", 100, ""), dirSync("true")), false},
		{"hybrid, sync enabled", org(ex, migrationBlock("hybrid", 100, ""), dirSync("true")), false},
		{"express, sync enabled", org(ex, migrationBlock("express", 100, ""), dirSync("true")), false},
		{"minimal hybrid, sync enabled", org(ex, migrationBlock("minimal_hybrid", 100, ""), dirSync("true")), false},
		{"imap, sync enabled", org(ex, migrationBlock("imap", 100, ""), dirSync("true")), false},
		{"third party, sync enabled", org(ex, migrationBlock("third_party", 100, ""), dirSync("true")), false},
		{"no method, sync enabled", org(ex, migrationBlock("", 100, ""), dirSync("true")), false},
		{"no migration, sync enabled", org(ex, dirSync("true")), false},
	}
	for _, tc := range cases {
		fs := check(t, migrationCutoverDirectorySync{}, today, tc.src)
		if !tc.want {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 {
			t.Fatalf("%s: want one finding:\n%s", tc.name, summary(fs))
		}
		f := fs[0]
		if f.Severity != lint.Error || f.Address != "directory_sync.enabled" {
			t.Errorf("%s: %s at %s, want error at directory_sync.enabled", tc.name, f.Severity, f.Address)
		}
		for _, w := range []string{"directory synchronization is enabled", "cutover", "a cutover migration needs it off", "enabled = false"} {
			if !strings.Contains(f.Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, f.Message)
			}
		}
		if len(f.Related) != 1 || f.Related[0].Range.Start.Line != 9 {
			t.Errorf("%s: want the method (line 9) as related location, got %+v", tc.name, f.Related)
		}
	}
}

// The alternative follows the source: staged for 2003/2007, hybrid for 2010
// and later while a version in support can be the hybrid server (Exchange
// 2016 for 2010, to 2025-10-14; Exchange SE for 2016 and later), else a
// third-party migration, which works with directory synchronization.
func TestMigrationCutoverDirectorySyncAlternative(t *testing.T) {
	for _, tc := range []struct{ v, asOf, want string }{
		{"2003", today, "plan a staged migration instead (the source runs Exchange 2003/2007)"},
		{"2007", today, "plan a staged migration instead (the source runs Exchange 2003/2007)"},
		{"2010", "2025-10-14", "plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
		{"2010", "2025-10-15", "plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2010)"},
		{"2010", today, "plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2010)"},
		{"2016", today, "plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
		{"SE", today, "plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
	} {
		fs := check(t, migrationCutoverDirectorySync{}, tc.asOf, org(srv("EX", tc.v, someLevel[tc.v]), migrationBlock("cutover", 100, ""), dirSync("true")))
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "or, to keep it, "+tc.want) {
			t.Errorf("%s on %s: want one finding ending in %q:\n%s", tc.v, tc.asOf, tc.want, summary(fs))
		}
	}
}
