package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Cutover moves at most 2,000 mailboxes; Microsoft recommends it for 150 or
// fewer.
func TestMigrationCutoverSize(t *testing.T) {
	cases := []struct {
		method    string
		mailboxes int
		want      string // "", "warning" or "error"
	}{
		{"cutover", 0, ""},
		{"cutover", 150, ""},
		{"cutover", 151, "warning"},
		{"cutover", 1000, "warning"},
		{"cutover", 1001, "warning"},
		{"cutover", 2000, "warning"},
		{"cutover", 2001, "error"},
		{"cutover", 100000, "error"},
		{"staged", 5000, ""},
		{"hybrid", 5000, ""},
	}
	for _, tc := range cases {
		src := org(srv("EX", "2007", "SP3 RU23"), fmt.Sprintf("migration {\n  method = %q\n  mailboxes = %d\n}\n", tc.method, tc.mailboxes))
		fs := check(t, migrationCutoverSize{}, today, src)
		switch {
		case tc.want == "" && len(fs) != 0:
			t.Errorf("%s of %d: want no finding:\n%s", tc.method, tc.mailboxes, summary(fs))
		case tc.want != "" && (len(fs) != 1 || fs[0].Severity.String() != tc.want || fs[0].Address != "migration.mailboxes"):
			t.Errorf("%s of %d: want one %s at migration.mailboxes:\n%s", tc.method, tc.mailboxes, tc.want, summary(fs))
		}
	}
}

// Without a mailbox count or a method, the rule cannot judge and stays silent.
func TestMigrationCutoverSizeUnknown(t *testing.T) {
	for _, m := range []string{"migration {\n  method = \"cutover\"\n}\n", "migration {\n  mailboxes = 5000\n}\n", ""} {
		if fs := check(t, migrationCutoverSize{}, today, org(m)); len(fs) != 0 {
			t.Errorf("%q: want no finding:\n%s", m, summary(fs))
		}
	}
}

// The fix follows Microsoft's decision table: staged for 2003/2007 sources,
// hybrid for 2010 and later; the 2012 cap of 1,000 is mentioned above it.
func TestMigrationCutoverSizeAdvice(t *testing.T) {
	cases := []struct {
		version string
		n       int
		want    []string
		not     []string
	}{
		{"2007", 2400, []string{"at most 2,000", "plans 2,400", "staged migration"}, nil},
		{"2013", 2400, []string{"hybrid migration"}, []string{"staged"}},
		{"2010", 1200, []string{"recommends it for 150 or fewer", "1,000"}, nil},
		{"2010", 900, []string{"plans 900"}, []string{"1,000"}},
	}
	for _, tc := range cases {
		src := org(srv("EX", tc.version, someLevel[tc.version]), fmt.Sprintf("migration {\n  method = \"cutover\"\n  mailboxes = %d\n}\n", tc.n))
		fs := check(t, migrationCutoverSize{}, today, src)
		if len(fs) != 1 {
			t.Fatalf("%s %d: %s", tc.version, tc.n, summary(fs))
		}
		for _, w := range tc.want {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s %d: message lacks %q: %s", tc.version, tc.n, w, fs[0].Message)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(fs[0].Message, w) {
				t.Errorf("%s %d: message should not say %q: %s", tc.version, tc.n, w, fs[0].Message)
			}
		}
		if tc.n > cutoverMax && fs[0].Severity != lint.Error {
			t.Errorf("above 2,000 is an error")
		}
	}
}
