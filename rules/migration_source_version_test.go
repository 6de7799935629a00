package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

var migrationMethods = []string{"cutover", "staged", "hybrid", "minimal_hybrid", "express", "imap", "third_party"}

// Every pair of a source version and a method: cutover and staged cannot
// migrate Exchange 2000 and earlier (IMAP only); staged migrates Exchange
// 2003 and 2007 only. Other methods are other rules' concern.
func TestMigrationSourceVersionMatrix(t *testing.T) {
	forbidden := func(method, version string) bool {
		switch method {
		case "cutover":
			return version == "5.5" || version == "2000"
		case "staged":
			return version != "2003" && version != "2007"
		}
		return false
	}
	for _, v := range versionOrder {
		for _, method := range migrationMethods {
			src := org(srv("SRC", v, someLevel[v]), migrationBlock(method, 400, ""))
			fs := check(t, migrationSourceVersion{}, today, src)
			if !forbidden(method, v) {
				if len(fs) != 0 {
					t.Errorf("%s from %s: want no finding:\n%s", method, v, summary(fs))
				}
				continue
			}
			if len(fs) != 1 {
				t.Errorf("%s from %s: want one finding:\n%s", method, v, summary(fs))
				continue
			}
			f := fs[0]
			name := catalog.Default().Version(v).Name
			if f.Severity != lint.Error || f.Address != "migration.method" {
				t.Errorf("%s from %s: %s at %s, want error at migration.method", method, v, f.Severity, f.Address)
			}
			for _, w := range []string{method + " migration cannot move the mailboxes of " + name + " (SRC)"} {
				if !strings.Contains(f.Message, w) {
					t.Errorf("%s from %s: message lacks %q: %s", method, v, w, f.Message)
				}
			}
			if len(f.Related) != 1 || f.Related[0].Range.Start.Line != 3 {
				t.Errorf("%s from %s: want SRC's version as related location, got %+v", method, v, f.Related)
			}
			wantWhy := map[bool]string{true: "IMAP migration", false: "Exchange 2003 and 2007 mailboxes only"}[v == "5.5" || v == "2000"]
			if !strings.Contains(f.Message, wantWhy) {
				t.Errorf("%s from %s: message lacks %q: %s", method, v, wantWhy, f.Message)
			}
		}
	}
}

// Only servers that may hold mailboxes are sources: not Edge Transport
// servers, not servers whose roles exclude Mailbox (or back-end for 2000 and
// 2003). One finding per offending version, naming its servers: at the
// method when it can move none of the sources, else at the first server of
// the version it cannot move.
func TestMigrationSourceVersionServers(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`)
	cases := []struct {
		name   string
		src    string
		method string
		want   []string // one finding per entry, containing it
		at     string   // the findings' addresses
	}{
		{"2010 Edge beside 2007", org(ex07, srv("EDGE10", "2010", "SP3 RU32", `roles = ["edge_transport"]`)), "staged", nil, ""},
		{"2013 Client Access only", org(ex07, srv("CAS13", "2013", "CU23", `roles = ["client_access"]`)), "staged", nil, ""},
		{"2013 Mailbox", org(ex07, srv("EX13", "2013", "CU23", `roles = ["client_access", "mailbox"]`)), "staged", []string{"Exchange Server 2013 (EX13)"}, "server.EX13.version"},
		{"2000 front-end", org(srv("FE2K", "2000", "SP3", `roles = ["front_end"]`), srv("EX03", "2003", "SP2")), "cutover", nil, ""},
		{"2000 back-end", org(srv("BE2K", "2000", "SP3", `roles = ["back_end"]`), srv("EX03", "2003", "SP2")), "cutover", []string{"Exchange 2000 Server (BE2K)"}, "server.BE2K.version"},
		{"two 2010 servers, one 2013", org(ex07, srv("EX10A", "2010", "SP3 RU32"), srv("EX10B", "2010", "SP3 RU32"), srv("EX13", "2013", "CU23")), "staged",
			[]string{"Exchange Server 2010 (EX10A and EX10B)", "Exchange Server 2013 (EX13)"}, "server.EX10A.version server.EX13.version"},
		{"5.5 and 2000", org(srv("EX55", "5.5", "SP4"), srv("EX2K", "2000", "SP3")), "staged",
			[]string{"Exchange Server 5.5 (EX55)", "Exchange 2000 Server (EX2K)"}, "migration.method migration.method"},
	}
	for _, tc := range cases {
		fs := check(t, migrationSourceVersion{}, today, tc.src+migrationBlock(tc.method, 400, ""))
		if len(fs) != len(tc.want) {
			t.Errorf("%s: want %d findings:\n%s", tc.name, len(tc.want), summary(fs))
			continue
		}
		if got := byRule(fs, "migration-source-version"); got != tc.at {
			t.Errorf("%s: findings at %q, want %q", tc.name, got, tc.at)
		}
		all := summary(fs)
		for _, w := range tc.want {
			if strings.Count(all, w) != 1 {
				t.Errorf("%s: want one finding naming %q:\n%s", tc.name, w, all)
			}
		}
	}
}

// The fix follows Microsoft's migration-path table and the mailbox count,
// naming hybrid and express only while a version in support can be the
// hybrid server (hybridOutOfReach, the hybrid rules' query): for Exchange
// 2010 and 2013, up to 2025-10-14, the last day of Exchange 2016's and 2019's
// support; for 2016 and later, Exchange SE. Without it: a cutover within its
// limits (2,000 mailboxes, recommended for 150 or fewer), or a third-party
// migration, saying why.
func TestMigrationSourceVersionFix(t *testing.T) {
	const (
		lastDay = "2025-10-14"
		no10    = " (no version in support can be a hybrid server beside Exchange 2010)"
		no13    = " (no version in support can be a hybrid server beside Exchange 2013)"
	)
	cases := []struct {
		version, asOf string
		mailboxes     int // -1: not given
		want          string
	}{
		{"2000", today, 100, "IMAP migration (it copies email only"},
		{"5.5", today, -1, "IMAP migration"},
		{"2010", lastDay, 150, "for 150 mailboxes, plan a cutover or an express migration (moved over a few days) or a hybrid migration (a few users at a time) instead"},
		{"2010", today, 150, "for 150 mailboxes, plan a cutover migration instead" + no10},
		{"2013", lastDay, 151, "for 151 mailboxes, plan a hybrid migration instead"},
		{"2013", "2025-10-15", 151, "for 151 mailboxes, plan a third-party or a cutover migration instead" + no13},
		{"2013", today, 2000, "for 2,000 mailboxes, plan a third-party or a cutover migration instead" + no13},
		{"2013", today, 2001, "for 2,001 mailboxes, plan a third-party migration instead" + no13},
		{"2010", today, -1, "plan a cutover (at most 2,000 mailboxes) or a third-party migration instead" + no10},
		{"SE", today, 3000, "for 3,000 mailboxes, plan a hybrid migration instead"},
		{"2016", today, -1, "plan a hybrid migration instead (a cutover or express migration for 150 or fewer moved over a few days)"},
	}
	for _, tc := range cases {
		fs := check(t, migrationSourceVersion{}, tc.asOf, org(srv("SRC", tc.version, someLevel[tc.version]), migrationBlock("staged", tc.mailboxes, "")))
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, tc.want) && !strings.HasPrefix(tc.version, "5.5") && tc.version != "2000" {
			t.Errorf("%s, %d mailboxes, %s: want one finding ending in %q:\n%s", tc.version, tc.mailboxes, tc.asOf, tc.want, summary(fs))
		}
		if len(fs) == 1 && !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s, %d mailboxes, %s: want one finding containing %q:\n%s", tc.version, tc.mailboxes, tc.asOf, tc.want, summary(fs))
		}
	}
}

// Without a method, or without a migration, there is nothing to judge.
func TestMigrationSourceVersionUnknown(t *testing.T) {
	for _, src := range []string{
		org(srv("EX10", "2010", "SP3 RU32"), migrationBlock("", 400, "")),
		org(srv("EX10", "2010", "SP3 RU32")),
		org(migrationBlock("staged", 400, "")),
	} {
		if fs := check(t, migrationSourceVersion{}, today, src); len(fs) != 0 {
			t.Errorf("want no finding:\n%s\n%s", src, summary(fs))
		}
	}
}
