package rules

import "testing"

// The in-place upgrade rows on both sides (2019 CU14 to SE passes, CU13 does
// not), the other version changes, Windows changes, and CUs taken back.
func TestPlanInPlaceUpgrade(t *testing.T) {
	current := org(
		srv("EX19", "2019", "CU14", `os = "2022"`),
		srv("EX19-OLD", "2019", "CU13", `os = "2019"`),
		srv("EX16", "2016", "CU23", `os = "2016"`),
		srv("EXSE", "SE", "RTM", `os = "2025"`),
		srv("EX10", "2010", "SP3 RU32", `os = "2008R2"`),
		srv("EX19-X", "2019", "CU99", `os = "2022"`),
	)
	// The stage starts on line 37 of the plan; its first change writes on
	// line 40.
	for _, tc := range []struct {
		name string
		ops  []string
		want []string
	}{
		{"2019 CU14 to SE (the boundary)", []string{changeServer("EX19", `version = "SE"`, `update = "RTM"`)}, nil},
		{"2019 CU15 to SE", []string{changeServer("EX19", `update = "CU15"`), changeServer("EX19", `version = "SE"`, `update = "RTM"`)}, nil},
		{"2019 CU13 to SE (one below)", []string{changeServer("EX19-OLD", `version = "SE"`, `update = "RTM"`)},
			[]string{`40:15 s1 server.EX19-OLD.version error | stage "s1" upgrades EX19-OLD in place from 2019 CU13 to SE, but that upgrade starts from 2019 CU14 or later: update EX19-OLD to it in an earlier stage`}},
		{"2016 to 2019", []string{changeServer("EX16", `version = "2019"`, `update = "CU15"`)},
			[]string{`40:15 s1 server.EX16.version error | stage "s1" changes EX16 from Exchange 2016 to 2019 in place, which Exchange does not support (only from 2019 CU14 or later to SE): Exchange 2019 is out of support, so add a new SE server (once Exchange 2010 is gone), move the work to it, then remove EX16`}},
		{"2016 to SE", []string{changeServer("EX16", `version = "SE"`, `update = "RTM"`)},
			[]string{`40:15 s1 server.EX16.version error | from Exchange 2016 to SE in place`}},
		{"SE back to 2019", []string{changeServer("EXSE", `version = "2019"`, `update = "CU15"`)},
			[]string{`40:15 s1 server.EXSE.version error | from Exchange SE to 2019 in place`}},
		{"2019 at an unknown level to SE: not judged", []string{changeServer("EX19-X", `version = "SE"`, `update = "RTM"`)}, nil},
		{"Windows changed", []string{changeServer("EX16", `os = "2019"`)},
			[]string{`40:10 s1 server.EX16.os error | stage "s1" changes EX16's Windows from Windows Server 2016 to Windows Server 2019 in place, which Exchange does not support: build a new server on Windows Server 2019, move the work to it, then remove EX16`}},
		{"Windows written again unchanged", []string{changeServer("EX16", `os = "2016"`)}, nil},
		{"version and Windows changed at once", []string{changeServer("EX16", `version = "2019"`, `update = "CU15"`, `os = "2022"`)},
			[]string{`40:15 s1 server.EX16.version error`, `42:10 s1 server.EX16.os error`}},
		{"a CU taken back", []string{changeServer("EX19", `update = "CU13"`)},
			[]string{`40:14 s1 server.EX19.update error | takes EX19 from CU14 back to CU13, but a cumulative update cannot be uninstalled to go back`}},
		{"a CU taken back, written as a build", []string{changeServer("EX19", `build = "15.2.1258.12"`)},
			[]string{`40:13 s1 server.EX19.build error | from CU14 back to CU13`}},
		{"a newer CU", []string{changeServer("EX19-OLD", `update = "CU14"`)}, nil},
		{"a security update on the same CU", []string{changeServer("EX19", `update = "CU14 Apr25HU"`)}, nil},
		{"an older rollup of Exchange 2010: not judged", []string{changeServer("EX10", `update = "SP3 RU30"`)}, nil},
		{"rebuilt under the same name", []string{removeServer("EX16"), addServer("EX16", `version = "2019"`, `update = "CU15"`, `os = "2022"`)}, nil},
		// Rebuilt, then changed in the same stage: the change starts from
		// what the stage added, not from the server removed.
		{"rebuilt on 2019 CU14, then upgraded to SE", []string{removeServer("EX16"), addServer("EX16", `version = "2019"`, `update = "CU14"`),
			changeServer("EX16", `version = "SE"`, `update = "RTM"`)}, nil},
		{"rebuilt on 2019 CU13, then upgraded to SE", []string{removeServer("EX16"), addServer("EX16", `version = "2019"`, `update = "CU13"`),
			changeServer("EX16", `version = "SE"`, `update = "RTM"`)},
			[]string{`45:15 s1 server.EX16.version error | from 2019 CU13 to SE, but that upgrade starts from 2019 CU14`}},
		{"rebuilt on CU13, then updated to CU14", []string{removeServer("EX19"), addServer("EX19", `version = "2019"`, `update = "CU13"`),
			changeServer("EX19", `update = "CU14"`)}, nil},
		{"rebuilt on 2022, then moved to Windows 2025", []string{removeServer("EX16"), addServer("EX16", `version = "2019"`, `update = "CU15"`, `os = "2022"`),
			changeServer("EX16", `os = "2025"`)},
			[]string{`46:10 s1 server.EX16.os error | from Windows Server 2022 to Windows Server 2025 in place`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := current + stageBlock("s1", "2027-01", tc.ops...)
			expectPlanFindings(t, transitionCheck(t, planInPlaceUpgrade{}, today, src), tc.want)
		})
	}
	// Taken back over two stages: reported at the second.
	src := org(srv("EX19", "2019", "CU14 Apr25HU")) + stageBlock("s1", "2027-01", changeServer("EX19", `update = "CU15"`)) +
		stageBlock("s2", "2027-03", changeServer("EX19", `update = "CU14"`))
	expectPlanFindings(t, transitionCheck(t, planInPlaceUpgrade{}, today, src), []string{`16:14 s2 server.EX19.update error | from CU15 back to CU14`})
	// Back from a CU's security update to the CU itself: the same level.
	src = org(srv("EX19", "2019", "CU14 Apr25HU")) + stageBlock("s1", "2027-01", changeServer("EX19", `update = "CU14"`))
	expectPlanFindings(t, transitionCheck(t, planInPlaceUpgrade{}, today, src), nil)
}

// The new server a version change in place is redone on is of a version in
// support on the state's date: the version the stage wanted while it is in
// support (2019 up to 2025-10-14), else the one exchange-end-of-support
// sends the old version's work to (successor), with what must go first, or
// Exchange Online when none can join.
func TestPlanInPlaceUpgradeNewServerInSupport(t *testing.T) {
	ex16 := srv("EX16", "2016", "CU23", `os = "2016"`)
	change := changeServer("EX16", `version = "2019"`, `update = "CU15"`)
	head := `stage "s1" changes EX16 from Exchange 2016 to 2019 in place, which Exchange does not support (only from 2019 CU14 or later to SE): `
	for _, tc := range []struct {
		name, current, date, want string
	}{
		{"2019 on its last day of support", org(ex16), "2025-10-14",
			head + "add a new 2019 server, move the work to it, then remove EX16"},
		{"2019 the day after", org(ex16), "2025-10-15",
			head + "Exchange 2019 is out of support, so add a new SE server, move the work to it, then remove EX16"},
		{"judged on 2027-02-01", org(ex16), "2027-02-01",
			head + "Exchange 2019 is out of support, so add a new SE server, move the work to it, then remove EX16"},
		{"with Exchange 2013, which SE cannot join", org(ex16, srv("EX13", "2013", "CU23")), "2027-02-01",
			head + "Exchange 2019 is out of support, so add a new SE server (once Exchange 2013 is gone), move the work to it, then remove EX16"},
		{"from Exchange 2013, which no version in support can be beside", org(srv("EX16", "2013", "CU23", `os = "2012R2"`)), "2027-02-01",
			`stage "s1" changes EX16 from Exchange 2013 to 2019 in place, which Exchange does not support (only from 2019 CU14 or later to SE): ` +
				"Exchange 2019 is out of support, and no version in support can be in one organization with Exchange 2013: move the work to Exchange Online, then remove EX16"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.current + stageBlock("s1", tc.date, change)
			fs := transitionCheck(t, planInPlaceUpgrade{}, "2025-06-01", src)
			if len(fs) != 1 || fs[0].Message != tc.want {
				t.Errorf("got:\n%s\nwant %s", dump(fs), tc.want)
			}
		})
	}
}
