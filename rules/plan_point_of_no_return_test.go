package rules

import "testing"

// Every row of the no-return matrix, on both sides: an older version added
// while none of it is left fails; added while one is left, or a version no
// row closes, passes.
func TestPlanPointOfNoReturn(t *testing.T) {
	ex16 := srv("EX16", "2016", "CU23")
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"2010 after 2016, none left (NoE14ServerWarning)",
			org(ex16, stageBlock("s1", "2027-01", addServer("EX10", `version = "2010"`, `update = "SP3 RU32"`))),
			[]string{`11:15 s1 server.EX10.version error | stage "s1" adds EX10, an Exchange 2010 server, but Exchange 2016 is in the organization and no 2010 server is left: 2010 servers can never join it again; add an Exchange 2016 server instead | related: EX16 runs Exchange Server 2016, from the current state`}},
		{"2013 after 2016, none left (NoE15ServerWarning)",
			org(ex16, stageBlock("s1", "2027-01", addServer("EX13", `version = "2013"`, `update = "CU23"`))),
			[]string{`11:15 s1 server.EX13.version error | an Exchange 2013 server`}},
		{"2013 after 2016 while a 2013 server is left",
			org(ex16, srv("EX13", "2013", "CU23"), stageBlock("s1", "2027-01", addServer("EX13-2", `version = "2013"`, `update = "CU23"`))),
			nil},
		{"2010 after 2013, none left (Exchange 2013 setup)",
			org(srv("EX13", "2013", "CU23"), stageBlock("s1", "2027-01", addServer("EX10", `version = "2010"`, `update = "SP3 RU32"`))),
			[]string{`11:15 s1 server.EX10.version error | Exchange 2013 is in the organization`}},
		{"2007 after 2013, none left (Exchange 2013 setup)",
			org(srv("EX13", "2013", "CU23"), stageBlock("s1", "2027-01", addServer("EX07", `version = "2007"`, `update = "SP3 RU23"`))),
			[]string{`11:15 s1 server.EX07.version error | an Exchange 2007 server`}},
		{"2010 beside 2013 and a 2010 server",
			org(srv("EX13", "2013", "CU23"), srv("EX10", "2010", "SP3 RU32"), stageBlock("s1", "2027-01", addServer("EX10-2", `version = "2010"`, `update = "SP3 RU32"`))),
			nil},
		{"a newer version is no point of no return",
			org(srv("EX07", "2007", "SP3 RU23"), stageBlock("s1", "2027-01", addServer("EX13", `version = "2013"`, `update = "CU23"`))),
			nil},
		{"2016 after 2019: Microsoft documents no such check",
			org(srv("EX19", "2019", "CU15"), stageBlock("s1", "2027-01", addServer("EX16-2", `version = "2016"`, `update = "CU23"`))),
			nil},
		{"the last 2010 server removed, then one added: the second stage",
			org(srv("EX10", "2010", "SP3 RU32"), ex16, stageBlock("s1", "2027-01", removeServer("EX10")),
				stageBlock("s2", "2027-03", addServer("EX10-2", `version = "2010"`, `update = "SP3 RU32"`))),
			[]string{`22:15 s2 server.EX10-2.version error | related: from the current state`}},
		{"2016 brought by a stage closes the door to 2013 in a later one",
			org(srv("EX13", "2013", "CU23"), stageBlock("s1", "2027-01", addServer("EX16", `version = "2016"`, `update = "CU23"`)),
				stageBlock("s2", "2027-03", removeServer("EX13")),
				stageBlock("s3", "2027-06", addServer("EX13-2", `version = "2013"`, `update = "CU23"`))),
			[]string{`24:15 s3 server.EX13-2.version error | related: EX16 runs Exchange Server 2016, since stage "s1"`}},
		{"removed and added again in one stage: a 2010 server is there before it",
			org(srv("EX10", "2010", "SP3 RU32"), ex16, stageBlock("s1", "2027-01", removeServer("EX10"), addServer("EX10", `version = "2010"`, `update = "SP3 RU32"`))),
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			expectPlanFindings(t, transitionCheck(t, planPointOfNoReturn{}, today, tc.src), tc.want)
		})
	}
}
