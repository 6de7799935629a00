package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
)

// Microsoft's migration-path table (MS-MIG-PATH), restated: for each source
// group, small (150 or fewer) or not, and timeframe, the methods it
// recommends. An unknown timeframe accepts both rows.
func recommendedMethods(version string, small bool, timeframe string) []string {
	old := version == "2003" || version == "2007"
	switch {
	case old && small && timeframe == "fast":
		return []string{"cutover"}
	case old && small && timeframe == "slow":
		return []string{"staged"}
	case old && small:
		return []string{"cutover", "staged"}
	case old:
		return []string{"staged"}
	case small && timeframe == "fast":
		return []string{"cutover", "express", "minimal_hybrid"}
	case small && timeframe == "slow":
		return []string{"hybrid"}
	case small:
		return []string{"cutover", "express", "minimal_hybrid", "hybrid"}
	}
	return []string{"hybrid"}
}

// Every row of the table, for every source version it covers (2019 and SE
// with the 2010-2016 rows), on both sides of 150, for every method and
// timeframe; a third-party tool is always an option. The rule judges alone
// the methods other rules also report (cutover above 150, staged from 2010
// and later, express without a 2010 or later server): the engine drops its
// finding where theirs is at the same address (TestMigrationMethodAdviceYields).
// A cutover above 150 is reported at its size, as migration-cutover-size does.
func TestMigrationMethodAdviceTable(t *testing.T) {
	for _, v := range []string{"2003", "2007", "2010", "2013", "2016", "2019", "SE"} {
		for _, n := range []int{0, 150, 151, 4999} {
			small := n <= 150
			for _, tf := range []string{"fast", "slow", ""} {
				for _, method := range migrationMethods {
					rec := recommendedMethods(v, small, tf)
					want := method != "third_party" && !slices.Contains(rec, method)
					src := org(srv("SRC", v, someLevel[v]), migrationBlock(method, n, tf))
					fs := check(t, migrationMethodAdvice{}, today, src)
					what := fmt.Sprintf("%s of %d from %s, timeframe %q", method, n, v, tf)
					if !want {
						if len(fs) != 0 {
							t.Errorf("%s: want no finding:\n%s", what, summary(fs))
						}
						continue
					}
					wantAt := "migration.method"
					if method == "cutover" && !small {
						wantAt = "migration.mailboxes"
					}
					if len(fs) != 1 || fs[0].Severity != lint.Info || fs[0].Address != wantAt {
						t.Errorf("%s: want one info at %s:\n%s", what, wantAt, summary(fs))
						continue
					}
					msg := fs[0].Message
					wants := []string{methodPhrase(method) + " of " + words.Thousands(n) + " mailboxes", "(SRC)", "migration-path table recommends"}
					for _, r := range rec {
						wants = append(wants, map[string]string{"cutover": "a cutover", "staged": "a staged", "hybrid": "hybrid migration",
							"express": "express", "minimal_hybrid": "minimal hybrid"}[r])
					}
					if small {
						wants = append(wants, "150 mailboxes or fewer")
					} else {
						wants = append(wants, "more than 150 mailboxes")
					}
					if small && tf == "fast" {
						wants = append(wants, "over a weekend or a few days")
					}
					if small && tf == "slow" {
						wants = append(wants, "a few users at a time")
					}
					if method == "imap" {
						wants = append(wants, "copies email only")
					}
					for _, w := range wants {
						if !strings.Contains(msg, w) {
							t.Errorf("%s: message lacks %q: %s", what, w, msg)
						}
					}
				}
			}
		}
	}
}

// The table has no row for an organization with both Exchange 2003/2007 and
// Exchange 2010 or later mailbox servers, nor for an unknown size.
func TestMigrationMethodAdviceSilent(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23")
	cases := []struct {
		name string
		src  string
	}{
		{"2007 and 2013", org(ex07, srv("EX13", "2013", "CU23"), migrationBlock("hybrid", 100, "fast"))},
		{"2007 and 2013, imap", org(ex07, srv("EX13", "2013", "CU23"), migrationBlock("imap", 400, ""))},
		{"size unknown", org(ex07, migrationBlock("imap", -1, "fast"))},
		{"no method", org(ex07, migrationBlock("", 100, "fast"))},
		{"no migration", org(ex07)},
		{"no source server", org(migrationBlock("imap", 100, "fast"))},
		// an Edge server is no source: the source is 2007 alone
		{"2013 Edge beside 2007", org(ex07, srv("EDGE", "2013", "CU23", `roles = ["edge_transport"]`), migrationBlock("staged", 400, "slow"))},
		// express from 2007 with a 2013 Client Access server: possible, and the
		// table's row for 2007 applies (cutover for a small fast move)
	}
	for _, tc := range cases {
		if fs := check(t, migrationMethodAdvice{}, today, tc.src); len(fs) != 0 {
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		}
	}
	// Express from 2007 beside a 2013 Client Access server is possible (the
	// server runs minimal hybrid); the 2003/2007 row recommends cutover.
	src := org(ex07, srv("CAS13", "2013", "CU23", `roles = ["client_access"]`), migrationBlock("express", 100, "fast"))
	if fs := check(t, migrationMethodAdvice{}, today, src); len(fs) != 1 || !strings.Contains(fs[0].Message, "recommends a cutover migration") {
		t.Errorf("express from 2007 with a 2013 CAS: want the cutover advice:\n%s", summary(fs))
	}
}

// 5,000 mailboxes or more: Microsoft suggests a partner, in the method's
// finding when there is one, else at migration.mailboxes.
func TestMigrationMethodAdvicePartner(t *testing.T) {
	cases := []struct {
		version, method string
		n               int
		at              string // "" for no finding
	}{
		{"2016", "hybrid", 4999, ""},
		{"2016", "hybrid", 5000, "migration.mailboxes"},
		{"2007", "staged", 5000, "migration.mailboxes"},
		{"2016", "imap", 5000, "migration.method"},
		{"2016", "third_party", 5000, ""},
		{"2016", "cutover", 5000, "migration.mailboxes"},
	}
	for _, tc := range cases {
		fs := check(t, migrationMethodAdvice{}, today, org(srv("SRC", tc.version, someLevel[tc.version]), migrationBlock(tc.method, tc.n, "")))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s of %d: want no finding:\n%s", tc.method, tc.n, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity != lint.Info ||
			!strings.Contains(fs[0].Message, "5,000") || !strings.Contains(fs[0].Message, "partner") {
			t.Errorf("%s of %d: want one info at %s suggesting a partner:\n%s", tc.method, tc.n, tc.at, summary(fs))
		}
	}
}

// Exchange 2000 and earlier: IMAP only. Cutover and staged from them are
// migration-source-version's errors.
func TestMigrationMethodAdviceIMAPOnly(t *testing.T) {
	for _, v := range []string{"5.5", "2000"} {
		for _, method := range migrationMethods {
			fs := check(t, migrationMethodAdvice{}, today, org(srv("OLD", v, someLevel[v]), migrationBlock(method, 100, "")))
			want := method != "imap" && method != "cutover" && method != "staged" && method != "third_party"
			if !want {
				if len(fs) != 0 {
					t.Errorf("%s from %s: want no finding:\n%s", method, v, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Address != "migration.method" || !strings.Contains(fs[0].Message, "can move only by IMAP migration: move them with an IMAP migration") ||
				!strings.Contains(fs[0].Message, "(OLD)") {
				t.Errorf("%s from %s: want one finding at migration.method recommending IMAP:\n%s", method, v, summary(fs))
			}
		}
	}
	// Beside Exchange 2003, the 2003 row is judged too.
	src := org(srv("EX2K", "2000", "SP3"), srv("EX03", "2003", "SP2"), migrationBlock("hybrid", 100, "fast"))
	if fs := check(t, migrationMethodAdvice{}, today, src); len(fs) != 2 {
		t.Errorf("hybrid from 2000 and 2003: want the IMAP and the cutover advice:\n%s", summary(fs))
	}
}

// Where another migration rule reports the same method at the same address,
// exlint check shows that rule's finding alone; with that rule turned off,
// this rule's finding comes back (RuleInfo.Yields).
func TestMigrationMethodAdviceYields(t *testing.T) {
	cases := []struct {
		name, src, other, at string
	}{
		{"cutover above 150", org(srv("EX10", "2010", "SP3 RU32"), migrationBlock("cutover", 400, "")), "migration-cutover-size", "migration.mailboxes"},
		{"staged from 2013", org(srv("EX13", "2013", "CU23"), migrationBlock("staged", 100, "fast")), "migration-source-version", "migration.method"},
		{"express from 2007 alone", org(srv("EX07", "2007", "SP3 RU23"), migrationBlock("express", 100, "fast")), "migration-minimal-hybrid", "migration.method"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkWith(t, All(), today, tc.src, "")
			if got := byRule(fs, "migration-method-advice"); got != "" {
				t.Errorf("with %s on, want no migration-method-advice finding, got one at %s", tc.other, got)
			}
			if got := byRule(fs, tc.other); !strings.Contains(got, tc.at) {
				t.Errorf("want %s at %s, got %q", tc.other, tc.at, got)
			}
			fs = checkWith(t, All(), today, tc.src, disabled(tc.other))
			if got := byRule(fs, "migration-method-advice"); got != tc.at {
				t.Errorf("with %s off, want migration-method-advice at %s, got %q", tc.other, tc.at, got)
			}
		})
	}
}

// The table's hybrid, express and minimal hybrid rows need a hybrid server:
// where no version in support can be one (hybridOutOfReach, the hybrid
// rules' query), the message says so after the table's recommendation and
// advises what is left of the row, else a third-party migration. Exchange
// 2010 and 2013 could have an Exchange 2016 or 2019 hybrid server up to
// 2025-10-14, their last day of support; Exchange 2016 an SE one.
func TestMigrationMethodAdviceWithoutHybrid(t *testing.T) {
	for _, tc := range []struct {
		name, asOf, src, want string
	}{
		{"IMAP of 2,400 from 2010 in December 2026", "2026-12-06", org(srv("EX", "2010", "SP3 RU32"), migrationBlock("imap", 2400, "")),
			"the plan is an IMAP migration of 2,400 mailboxes from Exchange Server 2010 (EX): for more than 150 mailboxes, Microsoft's migration-path table recommends a hybrid migration, " +
				"and no version in support can be a hybrid server beside Exchange 2010: plan a third-party migration (IMAP copies email only)"},
		{"IMAP of 2,400 from 2010 on Exchange 2016's last day", "2025-10-14", org(srv("EX", "2010", "SP3 RU32"), migrationBlock("imap", 2400, "")),
			"the plan is an IMAP migration of 2,400 mailboxes from Exchange Server 2010 (EX): for more than 150 mailboxes, Microsoft's migration-path table recommends a hybrid migration (IMAP copies email only)"},
		{"IMAP of 90 from 2013: what is left of the row", today, org(srv("EX", "2013", "CU23"), migrationBlock("imap", 90, "")),
			"the plan is an IMAP migration of 90 mailboxes from Exchange Server 2013 (EX): for 150 mailboxes or fewer, Microsoft's migration-path table recommends a cutover, an express (minimal hybrid) or a hybrid migration, " +
				"and no version in support can be a hybrid server beside Exchange 2013: plan a cutover migration (IMAP copies email only)"},
		{"IMAP of 2,400 from 2016: an SE hybrid server", "2026-12-06", org(srv("EX", "2016", "CU23"), migrationBlock("imap", 2400, "")),
			"the plan is an IMAP migration of 2,400 mailboxes from Exchange Server 2016 (EX): for more than 150 mailboxes, Microsoft's migration-path table recommends a hybrid migration (IMAP copies email only)"},
	} {
		fs := check(t, migrationMethodAdvice{}, tc.asOf, tc.src)
		if len(fs) != 1 || fs[0].Message != tc.want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), tc.want)
		}
	}
}
