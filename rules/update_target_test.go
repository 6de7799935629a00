package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// updateTarget picks the newest candidate level the catalogue lets into the
// organization: Exchange 2019 CU15 and later refuse Exchange 2013 (a 2019
// server beside 2013 goes to CU14), Exchange SE refuses 2019 below CU14.
// Versions that refuse the candidates' version at every level (2010 beside
// 2019) are no reason to pick one level over another.
func TestUpdateTarget(t *testing.T) {
	cat := catalog.Default()
	rel := func(version, name string) *catalog.Release { return mustRelease(cat, cat.Version(version), name) }
	cu13, cu14, cu15 := rel("2019", "CU13"), rel("2019", "CU14"), rel("2019", "CU15")
	ex19 := srv("EX19", "2019", "CU10")
	cases := []struct {
		name       string
		others     []string
		candidates []*catalog.Release
		join       *catalog.Release
		ideal      *catalog.Release
		blockers   string
		fix        string
	}{
		{"alone", nil, []*catalog.Release{cu14, cu15}, cu15, cu15, "", "install CU15 on EX19"},
		{"beside 2013", []string{srv("EX13", "2013", "CU23")}, []*catalog.Release{cu14, cu15}, cu14, cu15, "2013",
			"install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)"},
		{"beside 2013, candidates in any order", []string{srv("EX13", "2013", "CU23")}, []*catalog.Release{cu15, cu14}, cu14, cu15, "2013",
			"install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)"},
		{"beside 2013, only CU15 would do", []string{srv("EX13", "2013", "CU23")}, []*catalog.Release{cu15}, nil, cu15, "2013",
			"remove the Exchange 2013 servers, then install CU15 on EX19"},
		{"beside 2016", []string{srv("EX16", "2016", "CU23")}, []*catalog.Release{cu14, cu15}, cu15, cu15, "", "install CU15 on EX19"},
		{"beside SE, which refuses 2019 below CU14", []string{srv("EXSE", "SE", "RTM")}, []*catalog.Release{cu13}, nil, cu13, "SE",
			"remove the Exchange SE servers, then install CU13 on EX19"},
		{"beside 2010, refused at every level", []string{srv("EX10", "2010", "SP3 RU32")}, []*catalog.Release{cu14, cu15}, cu15, cu15, "", "install CU15 on EX19"},
		{"no candidate", nil, nil, nil, nil, "", ""},
	}
	for _, tc := range cases {
		var got levelTarget
		var fix string
		r := ruleFunc(func(p *lint.Pass) {
			got = updateTarget(p, tc.candidates)
			fix = got.install(p, "EX19", nil, "")
		})
		check(t, r, "2026-12-06", org(append([]string{ex19}, tc.others...)...))
		var blockers []string
		for _, b := range got.blockers {
			blockers = append(blockers, b.ID)
		}
		if got.join != tc.join || got.ideal != tc.ideal || strings.Join(blockers, " ") != tc.blockers || fix != tc.fix {
			t.Errorf("%s: join %v, ideal %v, blockers %v, fix %q; want %v, %v, %q, %q", tc.name, got.join, got.ideal, blockers, fix,
				tc.join, tc.ideal, tc.blockers, tc.fix)
		}
	}
}

// The level that can join is named with its latest update on the
// evaluation date, not one released after it; a label and " or later" are
// the caller's.
func TestUpdateTargetInstallWording(t *testing.T) {
	cat := catalog.Default()
	v := cat.Version("2019")
	candidates := []*catalog.Release{mustRelease(cat, v, "CU14"), mustRelease(cat, v, "CU15")}
	src := org(srv("EX19", "2019", "CU10"), srv("EX13", "2013", "CU23"))
	for _, tc := range []struct {
		asOf, later, want string
		label             func(*catalog.Release) string
	}{
		{"2025-03-01", "", "install CU14 Nov24SUv2 on EX19 (CU15 once Exchange 2013 is gone)", nil},
		{"2026-12-06", " or later", "install CU14 Aug26SU (15.2.1544.44) on EX19 (CU15 or later once Exchange 2013 is gone)", (*catalog.Release).Ref},
		// The day before CU14's first update: CU14 itself.
		{"2024-03-11", "", "install CU14 on EX19 (CU15 once Exchange 2013 is gone)", nil},
	} {
		var fix string
		check(t, ruleFunc(func(p *lint.Pass) { fix = updateTarget(p, candidates).install(p, "EX19", tc.label, tc.later) }), tc.asOf, src)
		if fix != tc.want {
			t.Errorf("%s: %q, want %q", tc.asOf, fix, tc.want)
		}
	}
}
