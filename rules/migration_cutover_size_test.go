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
		{"2010", 1200, []string{"this cutover plans 1,200 mailboxes, above the 150 Microsoft recommends it for: plan a hybrid migration instead"}, nil},
		{"2010", 900, []string{"plans 900"}, nil},
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
		if tc.n > 2000 && fs[0].Severity != lint.Error {
			t.Errorf("above 2,000 is an error")
		}
	}
}

// The alternative to cutover, by the versions of the sources (the servers
// that may hold mailboxes): IMAP is the only path for Exchange 2000 and 5.5
// (MS-MIG-PATH), staged for 2003/2007, hybrid for 2010 and later; a mix names
// each group's method. Both rules that advise an alternative use it.
func TestMigrationCutoverAlternative(t *testing.T) {
	s := func(name, v string, extra ...string) string { return srv(name, v, someLevel[v], extra...) }
	cases := []struct {
		name, servers string
		want, not     []string
	}{
		{"5.5 only", s("EX55", "5.5"), []string{"plan an IMAP migration instead", "only"}, []string{"staged", "hybrid"}},
		{"2000 only", s("EX2K", "2000"), []string{"plan an IMAP migration instead"}, []string{"staged", "hybrid"}},
		{"5.5 and 2000", s("EX55", "5.5") + s("EX2K", "2000"), []string{"plan an IMAP migration instead"}, []string{"staged", "hybrid"}},
		{"2003 only", s("EX03", "2003"), []string{"plan a staged migration instead"}, []string{"IMAP", "hybrid"}},
		{"2007 only", s("EX07", "2007"), []string{"plan a staged migration instead"}, []string{"IMAP", "hybrid"}},
		{"2010 only", s("EX10", "2010"), []string{"plan a hybrid migration instead"}, []string{"IMAP", "staged"}},
		{"SE only", s("EXSE", "SE"), []string{"plan a hybrid migration instead"}, []string{"IMAP", "staged"}},
		{"2000 and 2003", s("EX2K", "2000") + s("EX03", "2003"),
			[]string{"plan an IMAP migration for the 2000/5.5 mailboxes and a staged migration for the 2003/2007 ones instead"}, []string{"hybrid"}},
		{"2003 and 2010", s("EX03", "2003") + s("EX10", "2010"),
			[]string{"plan a staged migration for the 2003/2007 mailboxes and a hybrid migration for the 2010 or later ones instead"}, []string{"IMAP"}},
		{"2000, 2003 and 2010", s("EX2K", "2000") + s("EX03", "2003") + s("EX10", "2010"),
			[]string{"plan an IMAP migration for the 2000/5.5 mailboxes, a staged migration for the 2003/2007 ones and a hybrid migration for the 2010 or later ones instead"}, nil},
		// An Edge Transport server holds no mailboxes.
		{"2000 with a 2010 Edge", s("EX2K", "2000") + s("EDGE", "2010", `roles = ["edge_transport"]`), []string{"plan an IMAP migration instead"}, []string{"staged", "hybrid"}},
		{"no server", "", []string{"plan a staged migration (Exchange 2003/2007 sources) or a hybrid migration (Exchange 2010 and later) instead"}, []string{"IMAP"}},
	}
	for _, tc := range cases {
		for _, r := range []struct {
			name string
			rule lint.Rule
			decl string
		}{
			{"migration-cutover-size", migrationCutoverSize{}, migrationBlock("cutover", 2400, "")},
			{"migration-cutover-directory-sync", migrationCutoverDirectorySync{}, migrationBlock("cutover", 100, "") + dirSync("true")},
		} {
			fs := check(t, r.rule, today, org(tc.servers, r.decl))
			if len(fs) != 1 {
				t.Errorf("%s, %s: want one finding:\n%s", tc.name, r.name, summary(fs))
				continue
			}
			for _, w := range tc.want {
				if !strings.Contains(fs[0].Message, w) {
					t.Errorf("%s, %s: message lacks %q: %s", tc.name, r.name, w, fs[0].Message)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(fs[0].Message, w) {
					t.Errorf("%s, %s: message should not say %q: %s", tc.name, r.name, w, fs[0].Message)
				}
			}
		}
	}
}
