package rules

import (
	"strings"
	"testing"
)

// A level each version can be declared at.
var someLevel = map[string]string{
	"5.5": "SP4", "2000": "SP3", "2003": "SP2", "2007": "SP3 RU23", "2010": "SP3 RU32",
	"2013": "CU23", "2016": "CU23", "2019": "CU14", "SE": "RTM",
}

var versionOrder = []string{"5.5", "2000", "2003", "2007", "2010", "2013", "2016", "2019", "SE"}

// Every pair of versions in the coexistence matrix (MS-READINESS, MS-SYSREQ,
// MS-SYSREQ-2013, MS-COEX-2010, MS-SYSREQ-2007-COEX, MS-SE-UPGRADE):
// the pairs below cannot share an organization; every other pair can.
func TestCoexistenceMatrix(t *testing.T) {
	forbidden := map[[2]string]bool{}
	for newer, olders := range map[string][]string{
		"2007": {"5.5"},
		"2010": {"5.5", "2000"},
		"2013": {"5.5", "2000", "2003"},
		"2016": {"5.5", "2000", "2003", "2007"},
		"2019": {"5.5", "2000", "2003", "2007", "2010"}, // 2013 only from 2019 CU15: see below
		"SE":   {"5.5", "2000", "2003", "2007", "2010", "2013"},
	} {
		for _, o := range olders {
			forbidden[[2]string{newer, o}] = true
		}
	}
	for i, older := range versionOrder {
		for _, newer := range versionOrder[i+1:] {
			src := org(srv("OLD", older, someLevel[older]), srv("NEW", newer, someLevel[newer]))
			fs := check(t, coexistenceUnsupported{}, today, src)
			want := forbidden[[2]string{newer, older}]
			if got := len(fs) == 1; got != want || len(fs) > 1 {
				t.Errorf("Exchange %s with %s: %d findings, want forbidden=%v\n%s", newer, older, len(fs), want, summary(fs))
				continue
			}
			if want {
				f := fs[0]
				// at the newer server's version, relating the older server's
				if at(f) != "9:13" || f.Address != "server.NEW.version" || len(f.Related) != 1 || f.Related[0].Range.Start.Line != 3 {
					t.Errorf("Exchange %s with %s: finding at %s (%s), related %+v", newer, older, at(f), f.Address, f.Related)
				}
				if !strings.Contains(f.Message, "(NEW) cannot be in one organization with") || !strings.Contains(f.Message, "(OLD)") {
					t.Errorf("message does not name the servers: %s", f.Message)
				}
			}
		}
	}
}

// Exchange 2019 CU15 setup refuses Exchange 2013; 2019 up to CU14 does not.
func TestCoexistence2019CU15With2013(t *testing.T) {
	cases := []struct {
		level string
		fails bool
	}{
		{"CU14", false},
		{"CU14 Aug26SU", false},
		{"15.2.1748.9", false}, // below CU15's build: a CU14 update
		{"CU15", true},
		{"15.2.1748.10", true},
		{"CU15 Apr25HU", true},
	}
	for _, tc := range cases {
		fs := check(t, coexistenceUnsupported{}, today, org(srv("EX13", "2013", "CU23"), srv("EX19", "2019", tc.level)))
		if got := len(fs) == 1; got != tc.fails {
			t.Errorf("2019 %s with 2013: finding=%v, want %v\n%s", tc.level, got, tc.fails, summary(fs))
			continue
		}
		if tc.fails && (fs[0].Address != "server.EX19.update" && fs[0].Address != "server.EX19.build") {
			t.Errorf("2019 %s: finding at %s, want the level attribute", tc.level, fs[0].Address)
		}
	}
}

// One finding per pair of versions, however many servers each has.
func TestCoexistenceOnePerPair(t *testing.T) {
	src := org(srv("A07", "2007", "SP3 RU23"), srv("B07", "2007", "SP3 RU23"),
		srv("A16", "2016", "CU23"), srv("B16", "2016", "CU23"), srv("A19", "2019", "CU14"))
	fs := check(t, coexistenceUnsupported{}, today, src)
	if len(fs) != 2 {
		t.Fatalf("want one finding for 2016/2007 and one for 2019/2007:\n%s", summary(fs))
	}
	if !strings.Contains(fs[0].Message, "(A16 and B16)") || !strings.Contains(fs[0].Message, "(A07 and B07)") {
		t.Errorf("message should name every server: %s", fs[0].Message)
	}
}

// Each forbidden pair's fix moves the older version's mailboxes and removes
// its servers (and, from Exchange 5.5, switches to native mode); Microsoft's
// on-premises path through the versions between, which may be out of
// support, is the rule page's, so the message names no version but the two.
func TestCoexistenceFixes(t *testing.T) {
	pairs := 0
	for i, older := range versionOrder {
		for _, newer := range versionOrder[i+1:] {
			fs := check(t, coexistenceUnsupported{}, today, org(srv("OLD", older, someLevel[older]), srv("NEW", newer, someLevel[newer])))
			if len(fs) == 0 {
				continue
			}
			pairs++
			want := "move the " + older + " mailboxes (to Exchange Online, or as the rule page shows) and remove the " + older + " servers first"
			if older == "5.5" {
				want += ", then switch the organization to native mode"
			}
			if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, ": "+want) {
				t.Errorf("Exchange %s with %s: want the fix %q\n%s", newer, older, want, summary(fs))
				continue
			}
			for _, v := range versionOrder {
				if v != older && v != newer && strings.Contains(fs[0].Message, " "+v+" ") {
					t.Errorf("Exchange %s with %s: the message names %s: %s", newer, older, v, fs[0].Message)
				}
			}
		}
	}
	if pairs != 21 {
		t.Errorf("%d forbidden pairs, want 21", pairs)
	}
}

// 2019 servers already at CU15 beside Exchange 2013 cannot go back to CU14
// (a cumulative update cannot be uninstalled): the fix removes the 2013
// servers, or, while Exchange 2019 is in support, moves the work to new
// 2019 servers at the level that can join. Only a plan's stage that brings
// them to CU15 can keep them at CU14 instead.
func TestCoexistence2019CU15With2013Fix(t *testing.T) {
	ex13 := srv("EX13", "2013", "CU23")
	what := "Exchange Server 2019 CU15 or later (EX19) cannot be in one organization with Exchange Server 2013 (EX13)"
	remove := ", and a CU cannot be uninstalled: move the 2013 mailboxes (to Exchange Online, or as the rule page shows) and remove the 2013 servers"
	for _, tc := range []struct {
		name, asOf, want string
	}{
		{"2019 out of support", "2026-12-06", what + remove},
		{"2019 in support, its last day", "2025-10-14", what + remove + ", or move the work of EX19 to new 2019 CU14 servers"},
	} {
		fs := check(t, coexistenceUnsupported{}, tc.asOf, org(ex13, srv("EX19", "2019", "CU15")))
		if len(fs) != 1 || fs[0].Message != tc.want {
			t.Errorf("%s:\n%s\nwant %s", tc.name, summary(fs), tc.want)
		}
	}
	// In a plan: the stage that updates EX19 to CU15 (or adds it at CU15)
	// can keep it at CU14; in a later state it is there already.
	keep := what + ": keep the 2019 servers at CU14 until every Exchange 2013 server is removed, then update them to CU15"
	for _, tc := range []struct {
		name, src string
		want      []string // messages, by state
	}{
		{"updated to CU15 by a stage", org(ex13, srv("EX19", "2019", "CU14")) +
			stageBlock("s1", "2027-01", changeServer("EX19", `update = "CU15"`)) + stageBlock("s2", "2027-03", changeServer("EX13", `os = "2012R2"`)),
			[]string{keep, what + remove}},
		{"added at CU15 by a stage", org(ex13) + stageBlock("s1", "2027-01", addServer("EX19", `version = "2019"`, `update = "CU15"`)),
			[]string{keep}},
		{"at CU15 already", org(ex13, srv("EX19", "2019", "CU15")) + stageBlock("s1", "2027-01", changeServer("EX13", `os = "2012R2"`)),
			[]string{what + remove, what + remove}},
	} {
		fs := transitionCheck(t, coexistenceUnsupported{}, "2026-12-06", tc.src)
		var got []string
		for _, f := range fs {
			got = append(got, f.Message)
		}
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// In a plan, a stage that brings an older version beside a newer one that
// cannot coexist with it is told not to: the finding points at the older
// server the stage writes, in that state and the later ones alike, rather
// than at the newer server an earlier stage wrote, with the fix of retiring
// the older version first. A stage that brings the newer version beside the
// older keeps that fix.
func TestCoexistenceBroughtByAStage(t *testing.T) {
	se := srv("SE01", "SE", "RTM")
	ex13 := srv("EX13", "2013", "CU23")
	dontAdd := "Exchange Server 2013 (EX13-BR) cannot join an organization with Exchange Server Subscription Edition (SE01): do not add EX13-BR; give its work to Exchange SE or Exchange Online"
	for _, tc := range []struct {
		name, src string
		want      []string // "line:col message", by state
	}{
		{"a stage adds 2013 beside SE", org(se) +
			stageBlock("s1", "2027-01", addServer("EX13-BR", `version = "2013"`, `update = "CU23"`)) +
			stageBlock("s2", "2027-03", changeServer("SE01", `mailboxes = 10`)),
			[]string{"10:15 " + dontAdd, "10:15 " + dontAdd}},
		{"a stage changes a 2016 server to 2013 beside SE", org(se, srv("EX16", "2016", "CU23")) +
			stageBlock("s1", "2027-01", changeServer("EX16", `version = "2013"`)),
			[]string{"16:15 Exchange Server 2013 (EX16) cannot join an organization with Exchange Server Subscription Edition (SE01): do not change EX16 to 2013; give its work to Exchange SE or Exchange Online"}},
		{"a stage adds SE beside 2013", org(ex13) +
			stageBlock("s1", "2027-01", addServer("SE01", `version = "SE"`, `update = "RTM"`)),
			[]string{"10:15 Exchange Server Subscription Edition (SE01) cannot be in one organization with Exchange Server 2013 (EX13): move the 2013 mailboxes (to Exchange Online, or as the rule page shows) and remove the 2013 servers first"}},
		{"both there today", org(se, ex13) + stageBlock("s1", "2027-01", changeServer("SE01", `mailboxes = 10`)),
			[]string{"3:13 Exchange Server Subscription Edition (SE01) cannot be in one organization", "3:13 Exchange Server Subscription Edition (SE01) cannot be in one organization"}},
		// A second server of the newer version, first by name, does not move
		// the finding from the server that has had that version longest.
		{"another server comes to SE", org(srv("AAA", "2019", "CU14"), ex13) +
			stageBlock("s1", "2027-01", addServer("SE01", `version = "SE"`, `update = "RTM"`)) +
			stageBlock("s2", "2027-03", changeServer("AAA", `version = "SE"`, `update = "RTM"`)),
			[]string{"16:15 Exchange Server Subscription Edition (SE01) cannot be in one organization", "16:15 Exchange Server Subscription Edition (AAA and SE01) cannot be in one organization"}},
	} {
		fs := transitionCheck(t, coexistenceUnsupported{}, "2026-12-06", tc.src)
		var got []string
		for _, f := range fs {
			got = append(got, at(f)+" "+f.Message)
		}
		ok := len(got) == len(tc.want)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], tc.want[i])
		}
		if !ok {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}
