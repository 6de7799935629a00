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
// hybrid for 2010 and later while a version in support can be the hybrid
// server (hybridOutOfReach, the hybrid rules' query), else a third-party
// migration, saying why; the 2012 cap of 1,000 is mentioned above it.
func TestMigrationCutoverSizeAdvice(t *testing.T) {
	cases := []struct {
		version, asOf string
		n             int
		want          []string
		not           []string
	}{
		{"2007", today, 2400, []string{"at most 2,000", "plans 2,400", "staged migration"}, nil},
		{"2016", today, 2400, []string{"plan a hybrid migration instead (the source runs Exchange 2010 or later)"}, []string{"staged"}},
		{"2013", today, 2400, []string{"plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2013)"}, []string{"staged", "hybrid migration"}},
		{"2010", "2025-10-14", 1200, []string{"this cutover plans 1,200 mailboxes, above the 150 Microsoft recommends it for: plan a hybrid migration instead"}, nil},
		{"2010", today, 1200, []string{"this cutover plans 1,200 mailboxes, above the 150 Microsoft recommends it for: " +
			"plan a third-party migration instead, or keep the cutover and allow for its slower pace (no version in support can be a hybrid server beside Exchange 2010)"}, nil},
		{"2010", today, 900, []string{"plans 900"}, nil},
	}
	for _, tc := range cases {
		src := org(srv("EX", tc.version, someLevel[tc.version]), fmt.Sprintf("migration {\n  method = \"cutover\"\n  mailboxes = %d\n}\n", tc.n))
		fs := check(t, migrationCutoverSize{}, tc.asOf, src)
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
// (MS-MIG-PATH), staged for 2003/2007, hybrid for 2010 and later while a
// version in support can be the organization's hybrid server, else a
// third-party migration; a mix names each group's method. Both rules that
// advise an alternative use it. On 2025-10-14, the last day of Exchange
// 2016's support, an organization with Exchange 2010 can still have a 2016
// hybrid server (one with Exchange 2003 cannot: it needs a 2010 one).
func TestMigrationCutoverAlternative(t *testing.T) {
	s := func(name, v string, extra ...string) string { return srv(name, v, someLevel[v], extra...) }
	const lastDay = "2025-10-14"
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
			[]string{"plan a staged migration for the 2003/2007 mailboxes and a third-party migration for the 2010 or later ones instead " +
				"(no version in support can be a hybrid server beside Exchange 2003)"}, []string{"IMAP", "hybrid migration"}},
		{"2000, 2003 and 2010", s("EX2K", "2000") + s("EX03", "2003") + s("EX10", "2010"),
			[]string{"plan an IMAP migration for the 2000/5.5 mailboxes, a staged migration for the 2003/2007 ones and a third-party migration for the 2010 or later ones instead"}, []string{"hybrid migration"}},
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
			fs := check(t, r.rule, lastDay, org(tc.servers, r.decl))
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

// The audit's case: in December 2026, Exchange 2010 accepts only hybrid
// servers of Exchange 2010 to 2016, all out of support, so the hybrid rules
// rule hybrid out ("retire the 2010 servers first"): the migration rules do
// not advise it, but a third-party migration, and say why. On the last day
// of Exchange 2016's support a 2016 hybrid server is still possible; the day
// after, not. Exchange 2016 and 2019 accept an Exchange SE hybrid server.
func TestMigrationCutoverWithoutHybrid(t *testing.T) {
	for _, tc := range []struct {
		name, asOf, servers, want string
	}{
		{"2010 in December 2026", "2026-12-06", srv("EX", "2010", "SP3 RU32"),
			"a cutover migration moves at most 2,000 mailboxes, and this one plans 2,400: plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2010)"},
		{"2010 on Exchange 2016's last day", "2025-10-14", srv("EX", "2010", "SP3 RU32"),
			"a cutover migration moves at most 2,000 mailboxes, and this one plans 2,400: plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
		{"2010 the day after", "2025-10-15", srv("EX", "2010", "SP3 RU32"),
			"a cutover migration moves at most 2,000 mailboxes, and this one plans 2,400: plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2010)"},
		{"2013 the day after", "2025-10-15", srv("EX", "2013", "CU23"),
			"a cutover migration moves at most 2,000 mailboxes, and this one plans 2,400: plan a third-party migration instead (no version in support can be a hybrid server beside Exchange 2013)"},
		{"2010 within the limit: the cutover may stay", "2026-12-06", srv("EX", "2010", "SP3 RU32"),
			"this cutover plans 2,000 mailboxes, above the 150 Microsoft recommends it for: plan a third-party migration instead, or keep the cutover and allow for its slower pace (no version in support can be a hybrid server beside Exchange 2010)"},
		{"2016 in December 2026: an SE hybrid server", "2026-12-06", srv("EX", "2016", "CU23"),
			"a cutover migration moves at most 2,000 mailboxes, and this one plans 2,400: plan a hybrid migration instead (the source runs Exchange 2010 or later)"},
	} {
		n := 2400
		if strings.Contains(tc.want, "2,000 mailboxes, above") {
			n = 2000
		}
		fs := check(t, migrationCutoverSize{}, tc.asOf, org(tc.servers, migrationBlock("cutover", n, "")))
		if len(fs) != 1 || fs[0].Message != tc.want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), tc.want)
		}
	}
}
