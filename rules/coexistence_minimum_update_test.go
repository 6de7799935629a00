package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// releaseBefore returns the release just below r in build order.
func releaseBefore(t *testing.T, r *catalog.Release) *catalog.Release {
	t.Helper()
	rs := r.Version.Releases()
	for i, x := range rs {
		if x == r && i > 0 {
			return rs[i-1]
		}
	}
	t.Fatalf("no release below %s", r)
	return nil
}

// Every cell of the coexistence matrix with a minimum: exactly the minimum
// passes (at most the warning of a disputed higher minimum), the release just
// below it fails, naming the newer version, the minimum and its build.
func TestCoexistenceMinimumUpdateMatrix(t *testing.T) {
	cat := catalog.Default()
	cells := []struct {
		newer, older, min string
		note              string // the disputed higher minimum's clause, where there is one
		install           string // the level asked for, when a disputed higher minimum applies too
	}{
		{"2007", "2000", "SP3", "", ""},
		{"2007", "2003", "SP2", "", ""},
		{"2010", "2003", "SP2", "", ""},
		{"2010", "2007", "SP2", "", ""},
		{"2013", "2007", "SP3 RU10", "", ""},
		{"2013", "2010", "SP3", "", ""},
		{"2016", "2010", "SP3 RU11", "", ""},
		{"2016", "2013", "CU10", "", ""},
		{"2019", "2013", "CU21", "", ""},
		{"2019", "2016", "CU11", ", and CU23 (15.1.2507.6) or later (sources disagree: see the rule page)", "CU23"},
		{"SE", "2016", "CU23", "", ""},
		{"SE", "2019", "CU14", "", ""},
	}
	minimums := 0
	for _, r := range cat.Subject(coexistence).Rows() {
		if r.From == nil && r.To != nil && r.Verdict == catalog.Unsupported && len(r.ValueIDs()) == 1 {
			minimums++
		}
	}
	if len(cells) != minimums {
		t.Errorf("the test covers %d cells, the catalogue has %d minimums", len(cells), minimums)
	}
	for _, c := range cells {
		min := cat.Release(cat.Version(c.older), c.min)
		prev := releaseBefore(t, min)
		newer := srv("NEW", c.newer, someLevel[c.newer])
		// Exactly the minimum passes, by name and by build.
		for _, level := range []string{c.min, min.Build.String()} {
			fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("OLD", c.older, level), newer))
			if len(fs) != 0 && (c.install == "" || len(fs) != 1 || fs[0].Severity != lint.Warning) {
				t.Errorf("%s at %s beside %s:\n%s", c.older, level, c.newer, summary(fs))
			}
		}
		install := c.install
		if install == "" {
			install = c.min
		}
		// The release just below fails.
		fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("OLD", c.older, prev.Build.String()), newer))
		if len(fs) != 1 {
			t.Errorf("%s at %s beside %s: want 1 finding\n%s", c.older, prev.Name, c.newer, summary(fs))
			continue
		}
		f := fs[0]
		if f.Severity != lint.Error || f.Address != "server.OLD.build" || at(f) != "4:11" {
			t.Errorf("%s beside %s: %s at %s (%s)", c.older, c.newer, f.Severity, f.Address, at(f))
		}
		want := "OLD runs " + prev.String() + "; Exchange " + c.newer + " in the organization needs every " + c.older +
			" server at " + c.min + " (" + min.Build.String() + ") or later"
		if !strings.HasPrefix(f.Message, want) || !strings.Contains(f.Message, ": install "+install+" or later on OLD") || !strings.Contains(f.Message, c.note) {
			t.Errorf("%s beside %s: message\n%s\nwant prefix\n%s\nand %q", c.older, c.newer, f.Message, want, c.note)
		}
	}
}

// With several newer versions, every minimum applies; one finding per older
// server names each failed one and asks for the highest.
func TestCoexistenceMinimumUpdateSeveralNewer(t *testing.T) {
	cases := []struct {
		older, level string
		newer        []string
		want         []string // clauses; nil when it passes
		target       string
	}{
		{"2010", "SP3 RU11", []string{"2013", "2016"}, nil, ""},
		{"2010", "SP3 RU10", []string{"2013", "2016"}, []string{"Exchange 2016 in the organization needs every 2010 server at SP3 RU11 (14.3.266.2)"}, "SP3 RU11"},
		{"2010", "SP2 RU8", []string{"2013", "2016"}, []string{
			"Exchange 2013 in the organization needs every 2010 server at SP3 (14.3.123.4) or later; Exchange 2016 in the organization needs every 2010 server at SP3 RU11 (14.3.266.2) or later"}, "SP3 RU11"},
		{"2013", "CU21", []string{"2016", "2019"}, nil, ""},
		{"2013", "CU20", []string{"2016", "2019"}, []string{"Exchange 2019 in the organization needs every 2013 server at CU21 (15.0.1395.4)"}, "CU21"},
		{"2013", "CU9", []string{"2016", "2019"}, []string{"Exchange 2016", "CU10 (15.0.1130.7)", "Exchange 2019", "CU21 (15.0.1395.4)"}, "CU21"},
		{"2016", "CU23", []string{"2019", "SE"}, nil, ""},
		{"2016", "CU22", []string{"2019", "SE"}, []string{"Exchange SE in the organization needs every 2016 server at CU23 (15.1.2507.6)"}, "CU23"},
		{"2016", "CU10", []string{"2019", "SE"}, []string{"Exchange 2019", "CU11 (15.1.1591.10)", "Exchange SE", "CU23 (15.1.2507.6)"}, "CU23"},
	}
	for _, tc := range cases {
		blocks := []string{srv("OLD", tc.older, tc.level)}
		for _, n := range tc.newer {
			blocks = append(blocks, srv("NEW"+n, n, someLevel[n]))
		}
		fs := check(t, coexistenceMinimumUpdate{}, today, org(blocks...))
		if tc.want == nil {
			if len(fs) != 0 {
				t.Errorf("%s %s beside %v:\n%s", tc.older, tc.level, tc.newer, summary(fs))
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%s %s beside %v: want one finding\n%s", tc.older, tc.level, tc.newer, summary(fs))
			continue
		}
		for _, w := range append(tc.want, "install "+tc.target+" or later on OLD") {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s %s beside %v: message lacks %q: %s", tc.older, tc.level, tc.newer, w, fs[0].Message)
			}
		}
	}
}

// Exchange 2013 beside 2007 or 2010: RTM cannot coexist (error); CU1 is
// enough per the hybrid page but not per the system requirements (CU2):
// a warning; CU2 passes.
func TestCoexistenceMinimumUpdate2013WithLegacy(t *testing.T) {
	for _, legacy := range []string{"2007", "2010"} {
		for _, tc := range []struct {
			level string
			sev   lint.Severity
			ok    bool
			want  string
		}{
			{"RTM", lint.Error, false, "needs every 2013 server at CU1 (15.0.620.29) or later, and CU2 (15.0.712.24) or later (sources disagree: see the rule page)"},
			{"15.0.516.32", lint.Error, false, "needs every 2013 server at CU1 (15.0.620.29) or later"},
			{"CU1", lint.Warning, false, "needs every 2013 server at CU2 (15.0.712.24) or later (sources disagree: see the rule page)"},
			{"15.0.620.29", lint.Warning, false, "(sources disagree: see the rule page)"},
			{"CU2", 0, true, ""},
			{"15.0.712.24", 0, true, ""},
		} {
			fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX13", "2013", tc.level), srv("LEGACY", legacy, someLevel[legacy])))
			if tc.ok {
				if len(fs) != 0 {
					t.Errorf("2013 %s beside %s:\n%s", tc.level, legacy, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Severity != tc.sev || !strings.Contains(fs[0].Message, tc.want) ||
				!strings.Contains(fs[0].Message, "Exchange "+legacy+" in the organization") || !strings.HasSuffix(fs[0].Message, "install CU2 or later on EX13") {
				t.Errorf("2013 %s beside %s: want %s with %q\n%s", tc.level, legacy, tc.sev, tc.want, summary(fs))
			}
		}
	}
	// Both legacy versions are named; with 2016 too, the error wins and the
	// highest minimum is asked for.
	fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX13", "2013", "CU1"), srv("EX07", "2007", "SP3 RU23"), srv("EX10", "2010", "SP3 RU32")))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Exchange 2007 and 2010 in the organization needs every 2013 server at CU2") {
		t.Errorf("2013 CU1 beside 2007 and 2010:\n%s", summary(fs))
	}
	fs = check(t, coexistenceMinimumUpdate{}, today, org(srv("EX13", "2013", "CU1"), srv("EX10", "2010", "SP3 RU32"), srv("EX16", "2016", "CU23")))
	if len(fs) != 1 || fs[0].Severity != lint.Error || !strings.HasSuffix(fs[0].Message, "install CU10 or later on EX13") {
		t.Errorf("2013 CU1 beside 2010 and 2016:\n%s", summary(fs))
	}
}

// Exchange 2016 beside 2019: below CU11 an error (every source); CU11 to
// CU22 a warning, since Microsoft's current system requirements ask for CU23
// and those of 2018-2022 asked for CU11; CU23 passes. Edge Transport servers
// count.
func TestCoexistenceMinimumUpdate2016With2019(t *testing.T) {
	const disputed = "CU23 (15.1.2507.6) or later (sources disagree: see the rule page)"
	for _, tc := range []struct {
		level, roles string
		sev          lint.Severity
		want         []string // nil: it passes
	}{
		{"CU10", "", lint.Error, []string{"Exchange 2019 in the organization needs every 2016 server at CU11 (15.1.1591.10) or later, and " + disputed}},
		{"CU11", "", lint.Warning, []string{"Exchange 2019 in the organization needs every 2016 server at " + disputed}},
		{"15.1.1591.10", "", lint.Warning, []string{disputed}},
		{"CU22", `roles = ["edge_transport"]`, lint.Warning, []string{"EX16 runs Exchange Server 2016 CU22", disputed}},
		{"CU23", "", 0, nil},
		{"15.1.2507.6", `roles = ["edge_transport"]`, 0, nil},
	} {
		fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX16", "2016", tc.level, tc.roles), srv("EX19", "2019", "CU15")))
		if tc.want == nil {
			if len(fs) != 0 {
				t.Errorf("2016 %s beside 2019:\n%s", tc.level, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tc.sev || !strings.HasSuffix(fs[0].Message, "install CU23 or later on EX16") {
			t.Errorf("2016 %s beside 2019: want one %s\n%s", tc.level, tc.sev, summary(fs))
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("2016 %s beside 2019: message lacks %q: %s", tc.level, w, fs[0].Message)
			}
		}
	}
	// With SE too, SE's undisputed CU23 is the one asked for: an error, without
	// the disputed clause of 2019.
	fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX16", "2016", "CU22"), srv("EX19", "2019", "CU15"), srv("EXSE", "SE", "RTM")))
	want := "EX16 runs Exchange Server 2016 CU22 (15.1.2375.7); Exchange SE in the organization needs every 2016 server at CU23 (15.1.2507.6) or later: " +
		"install CU23 or later on EX16"
	if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Message != want {
		t.Errorf("2016 CU22 beside 2019 and SE: want\n%s\n%s", want, summary(fs))
	}
}

// Edge Transport servers count; one finding per older server; a server of
// unknown level is not guessed at; a lone version needs nothing.
func TestCoexistenceMinimumUpdateServers(t *testing.T) {
	fs := check(t, coexistenceMinimumUpdate{}, today, org(
		srv("EX13", "2013", "CU23"),
		srv("EX07A", "2007", "SP3 RU9"),
		srv("EX07B", "2007", "SP3 RU8"),
		srv("EDGE07", "2007", "SP3 RU9", `roles = ["edge_transport"]`),
		srv("EX07C", "2007", "SP3 RU99"),
		srv("EX07D", "2007", "SP3 RU10"),
	))
	var got []string
	for _, f := range fs {
		got = append(got, f.Address)
	}
	if strings.Join(got, " ") != "server.EX07A.update server.EX07B.update server.EDGE07.update" {
		t.Errorf("findings at %v\n%s", got, summary(fs))
	}
	if fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX10", "2010", "RTM"), srv("EX10B", "2010", "SP1"))); len(fs) != 0 {
		t.Errorf("one version:\n%s", summary(fs))
	}
}

// The example of the issue: the message names the server, its level and
// build, the newer version, the minimum and its build, and the fix.
func TestCoexistenceMinimumUpdateMessage(t *testing.T) {
	fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX07", "2007", "SP3 RU9"), srv("EX13", "2013", "CU23")))
	want := "EX07 runs Exchange Server 2007 SP3 RU9 (8.3.297.2); Exchange 2013 in the organization needs every 2007 server at SP3 RU10 (8.3.298.3) or later: install SP3 RU10 or later on EX07"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("got\n%s\nwant\n%s", summary(fs), want)
	}
}

// Exchange 2007 and 2010 need the organization in native mode.
func TestCoexistenceMinimumUpdateNativeMode(t *testing.T) {
	cases := []struct {
		native, servers string
		fails           bool
	}{
		{"native_mode = false", srv("EX03", "2003", "SP2") + srv("EX10", "2010", "SP3 RU32"), true},
		{"native_mode = false", srv("EX03", "2003", "SP2") + srv("EX07", "2007", "SP3 RU23"), true},
		{"native_mode = false", srv("EX03", "2003", "SP2"), false},
		{"native_mode = true", srv("EX03", "2003", "SP2") + srv("EX10", "2010", "SP3 RU32"), false},
		{"", srv("EX03", "2003", "SP2") + srv("EX10", "2010", "SP3 RU32"), false}, // unknown
	}
	for _, tc := range cases {
		src := "organization \"T\" {\n  " + tc.native + "\n}\n" + tc.servers
		fs := check(t, coexistenceMinimumUpdate{}, today, src)
		if got := len(fs) == 1; got != tc.fails || len(fs) > 1 {
			t.Errorf("%q with %s: %d findings\n%s", tc.native, tc.servers, len(fs), summary(fs))
			continue
		}
		if tc.fails && (fs[0].Address != "organization.T.native_mode" || fs[0].Severity != lint.Error ||
			!strings.Contains(fs[0].Message, "the organization is in mixed mode (native_mode = false), but Exchange 20")) {
			t.Errorf("%q: %s %s", tc.native, fs[0].Address, fs[0].Message)
		}
	}
}

// Exchange 2019 needs every 2013 server at CU21, but 2019 CU15 and later
// refuse Exchange 2013 altogether (coexistence-unsupported): with every 2019
// server at CU15 or later the 2019 minimum is not asked for; with some below
// CU15 (or of unknown level) it is, and the fix says to keep them below CU15.
func TestCoexistenceMinimumUpdate2019CU15(t *testing.T) {
	cases := []struct {
		name    string
		servers []string
		want    string // "" when no finding
	}{
		{"every 2019 server at CU15", []string{srv("EX19", "2019", "CU15")}, ""},
		{"every 2019 server at CU15 or later, by update and build", []string{srv("EX19", "2019", "CU15 Aug26SU"), srv("EX19B", "2019", "15.2.1748.10")}, ""},
		{"a 2019 server at CU14", []string{srv("EX19", "2019", "CU14")},
			"EX13 runs Exchange Server 2013 CU20 (15.0.1367.3); Exchange 2019 in the organization needs every 2013 server at CU21 (15.0.1395.4) or later: " +
				"install CU21 or later on EX13, and keep the 2019 servers below CU15 while it remains"},
		{"one build below CU15", []string{srv("EX19", "2019", "15.2.1748.9")}, "keep the 2019 servers below CU15"},
		// Only those still below CU15 can stay below it.
		{"2019 at CU15 and at CU14", []string{srv("EX19", "2019", "CU15"), srv("EX19B", "2019", "CU14")},
			"install CU21 or later on EX13, and keep EX19B below CU15 while it remains"},
		{"2019 at CU15 and of unknown level", []string{srv("EX19", "2019", "CU15"), srv("EX19B", "2019", "CU99")}, "keep EX19B below CU15"},
	}
	for _, tc := range cases {
		fs := check(t, coexistenceMinimumUpdate{}, today, org(append([]string{srv("EX13", "2013", "CU20")}, tc.servers...)...))
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want none\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "server.EX13.update" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want an error with %q\n%s", tc.name, tc.want, summary(fs))
		}
	}
	// The other minimums still apply: 2016 needs 2013 CU10.
	fs := check(t, coexistenceMinimumUpdate{}, today, org(srv("EX13", "2013", "CU9"), srv("EX19", "2019", "CU15"), srv("EX16", "2016", "CU23")))
	if len(fs) != 1 || strings.Contains(fs[0].Message, "Exchange 2019") || !strings.HasSuffix(fs[0].Message, "install CU10 or later on EX13") {
		t.Errorf("2013 CU9 beside 2019 CU15 and 2016:\n%s", summary(fs))
	}
}
