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
				if !strings.Contains(f.Message, "(NEW) cannot be in the same organization as") || !strings.Contains(f.Message, "(OLD)") {
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

// Each forbidden pair's fix gives Microsoft's path from the older version to
// the newer one, through versions that coexist at each step: 2010 coexists
// with neither 2000 nor 5.5, SE with no 2013, and Exchange 2013 beside 2007
// needs CU2 (coexistence-minimum-update warns below it).
func TestCoexistenceFixes(t *testing.T) {
	cases := []struct{ newer, older, want string }{
		{"2007", "5.5", "Move off Exchange 5.5 (through Exchange 2000 or 2003), switch the organization to native mode, then install Exchange Server 2007"},
		{"2010", "5.5", "Microsoft's path is 5.5 → 2000 or 2003 → 2007 → 2010: move through each version in turn"},
		{"2010", "2000", "Microsoft's path is 2000 → 2007 → 2010: move through each version in turn, removing the servers of a version before installing one that cannot coexist with it; " +
			"every server running Exchange 2000 Server must be gone before Exchange Server 2010 is installed"},
		{"2013", "5.5", "Microsoft's path is 5.5 → 2000 or 2003 → 2007 → 2013:"},
		{"2013", "2000", "Microsoft's path is 2000 → 2007 → 2013:"},
		{"2013", "2003", "Microsoft's path is 2003 → 2010 → 2013:"},
		{"2016", "5.5", "Microsoft's path is 5.5 → 2000 or 2003 → 2007 → 2013 → 2016:"},
		{"2016", "2000", "Microsoft's path is 2000 → 2007 → 2013 → 2016:"},
		{"2016", "2003", "Microsoft's path is 2003 → 2010 → 2016:"},
		{"2016", "2007", "Microsoft's path is 2007 → 2013 → 2016: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
			"and remove every server running Exchange Server 2007 before installing Exchange Server 2016"},
		{"2019", "5.5", "Microsoft's path is 5.5 → 2000 or 2003 → 2007 → 2013 → 2019:"},
		{"2019", "2000", "Microsoft's path is 2000 → 2007 → 2013 → 2019:"},
		{"2019", "2003", "Microsoft's path is 2003 → 2010 → 2016 → 2019:"},
		{"2019", "2007", "Microsoft's path is 2007 → 2013 → 2019: introduce Exchange 2013 (CU2 or later"},
		{"2019", "2010", "Go through Exchange 2016 (2010 → 2016 → 2019) and remove every Exchange 2010 server before installing Exchange Server 2019"},
		{"SE", "5.5", "Microsoft's path is 5.5 → 2000 or 2003 → 2007 → 2013 → 2016 or 2019 → SE:"},
		{"SE", "2000", "Microsoft's path is 2000 → 2007 → 2013 → 2016 or 2019 → SE:"},
		{"SE", "2003", "Microsoft's path is 2003 → 2010 → 2016 → SE:"},
		{"SE", "2007", "Microsoft's path is 2007 → 2013 → 2016 or 2019 → SE: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
			"and remove every server running Exchange Server 2007; then move to Exchange 2016 CU23 or 2019 CU14/CU15 and remove every Exchange 2013 server before installing Exchange Server Subscription Edition"},
		{"SE", "2010", "Go through Exchange 2016 (2010 → 2016 → SE) and remove every Exchange 2010 server before installing Exchange Server Subscription Edition"},
		{"SE", "2013", "Move to Exchange 2016 CU23 or 2019 CU14/CU15 first and remove every Exchange 2013 server before installing Exchange Server Subscription Edition"},
	}
	for _, tc := range cases {
		fs := check(t, coexistenceUnsupported{}, today, org(srv("OLD", tc.older, someLevel[tc.older]), srv("NEW", tc.newer, someLevel[tc.newer])))
		if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("Exchange %s with %s: want %q\n%s", tc.newer, tc.older, tc.want, summary(fs))
			continue
		}
		for _, bad := range []string{"Server server", "CU1 or later", "%!", "Go through Exchange 2010 (2003"} {
			if strings.Contains(fs[0].Message, bad) {
				t.Errorf("Exchange %s with %s: message contains %q: %s", tc.newer, tc.older, bad, fs[0].Message)
			}
		}
	}
}
