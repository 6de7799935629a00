package rules

import (
	"strings"
	"testing"
)

func changeBlock(typ, labels string, attrs ...string) string {
	return "  change \"" + typ + "\"" + labels + " {\n" + indentAttrs(attrs) + "  }\n"
}

// Each prerequisite on both sides: in place before the step (an earlier
// stage, or earlier in the same one) passes; missing, or set up after the
// step in the same stage, fails.
func TestPlanPrerequisiteOrder(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23", "mailboxes = 1200")
	staged := "migration {\n  method = \"staged\"\n}\n"
	syncOn := "directory_sync {\n  enabled = true\n}\n"
	addSync := "  add \"directory_sync\" {\n    enabled = true\n  }\n"
	move := changeServer("EX07", "mailboxes = 600")
	ex10 := srv("EX10", "2010", "SP3 RU32", "mailboxes = 800")
	hybridMig := "migration {\n  method = \"hybrid\"\n}\n"
	moveEX10 := changeServer("EX10", "mailboxes = 400")
	contoso := func(verified string) string {
		if verified == "" {
			return "domain \"contoso.com\" {}\n"
		}
		return "domain \"contoso.com\" {\n  verified = " + verified + "\n}\n"
	}
	hybrid := "hybrid {\n  domains = [\"contoso.com\"]\n}\n"
	addHybrid := "  add \"hybrid\" {\n    domains = [\"contoso.com\"]\n  }\n"
	pf07 := srv("EX07", "2007", "SP3 RU23", "mailboxes = 1200\n  public_folders = true")
	ex13 := srv("EX13", "2013", "CU23", "mailboxes = 0")
	for _, tc := range []struct {
		name    string
		current []string
		stages  []string
		want    []string
	}{
		{"staged moves without directory synchronization", []string{ex07, staged}, []string{stageBlock("s1", "2027-01", move)},
			[]string{`14:17 s1 server.EX07.mailboxes error | stage "s1" moves mailboxes in a staged migration before directory synchronization is on: every batch needs it; turn it on in an earlier stage`}},
		{"staged moves with directory synchronization turned off", []string{ex07, staged, "directory_sync {\n  enabled = false\n}\n"}, []string{stageBlock("s1", "2027-01", move)},
			[]string{`18:17 s1 server.EX07.mailboxes error`}},
		{"staged moves with directory synchronization on", []string{ex07, staged, syncOn}, []string{stageBlock("s1", "2027-01", move)}, nil},
		{"directory synchronization turned on earlier in the stage", []string{ex07, staged}, []string{stageBlock("s1", "2027-01", addSync, move)}, nil},
		{"directory synchronization turned on later in the stage", []string{ex07, staged}, []string{stageBlock("s1", "2027-01", move, addSync)},
			[]string{`14:17 s1 server.EX07.mailboxes error | (the stage turns it on later, at add directory_sync)`}},
		{"directory synchronization turned on in a later stage", []string{ex07, staged},
			[]string{stageBlock("s1", "2027-01", move), stageBlock("s2", "2027-02", addSync)},
			[]string{`14:17 s1 server.EX07.mailboxes error`}},
		{"the last batch marks the migration complete", []string{srv("EX07", "2007", "SP3 RU23"), "migration {\n  method   = \"staged\"\n  complete = false\n}\n"},
			[]string{stageBlock("s1", "2027-01", changeBlock("migration", "", "complete = true"))},
			[]string{`15:16 s1 migration.complete error`}},
		{"mailboxes moved between servers, not to the cloud", []string{ex07, ex13, staged},
			[]string{stageBlock("s1", "2027-01", move, changeServer("EX13", "mailboxes = 600"))}, nil},
		{"hybrid moves before the hybrid deployment exists", []string{ex10, hybridMig}, []string{stageBlock("s1", "2027-01", moveEX10)},
			[]string{`14:17 s1 server.EX10.mailboxes error | stage "s1" moves mailboxes in a hybrid migration before the hybrid deployment exists: run the Hybrid Configuration Wizard (add hybrid) in an earlier stage`}},
		{"minimal hybrid moves before the hybrid deployment exists", []string{ex10, "migration {\n  method = \"minimal_hybrid\"\n}\n"}, []string{stageBlock("s1", "2027-01", moveEX10)},
			[]string{`14:17 s1 server.EX10.mailboxes error | in a minimal hybrid migration`}},
		{"hybrid added in an earlier stage", []string{ex10, hybridMig, contoso("true")},
			[]string{stageBlock("s1", "2027-01", addHybrid), stageBlock("s2", "2027-02", moveEX10)}, nil},
		{"hybrid added later in the same stage", []string{ex10, hybridMig, contoso("true")},
			[]string{stageBlock("s1", "2027-01", moveEX10, addHybrid)},
			[]string{`18:17 s1 server.EX10.mailboxes error | before the hybrid deployment exists (the stage adds it later): add hybrid first`}},
		{"its domain not verified", []string{ex10, hybridMig, contoso("false"), hybrid}, []string{stageBlock("s1", "2027-01", moveEX10)},
			[]string{`22:17 s1 server.EX10.mailboxes error | before the hybrid domain contoso.com is verified in the tenant: verify it first`}},
		{"its domain verified", []string{ex10, hybridMig, contoso("true"), hybrid}, []string{stageBlock("s1", "2027-01", moveEX10)}, nil},
		{"whether its domain is verified is unknown", []string{ex10, hybridMig, contoso(""), hybrid}, []string{stageBlock("s1", "2027-01", moveEX10)}, nil},
		{"its domain verified later in the same stage", []string{ex10, hybridMig, contoso("false"), hybrid},
			[]string{stageBlock("s1", "2027-01", moveEX10, changeBlock("domain", ` "contoso.com"`, "verified = true"))},
			[]string{`22:17 s1 server.EX10.mailboxes error | before the hybrid domain contoso.com is verified`}},
		{"its domain verified earlier in the same stage", []string{ex10, hybridMig, contoso("false"), hybrid},
			[]string{stageBlock("s1", "2027-01", changeBlock("domain", ` "contoso.com"`, "verified = true"), moveEX10)}, nil},
		{"public folders to 2013 while 2007 hosts mailboxes", []string{pf07, ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX13", "public_folders = true"))},
			[]string{`17:22 s1 server.EX13.public_folders error | stage "s1" moves public folders to EX13 (Exchange 2013) while EX07 (Exchange 2007) still hosts mailboxes: users with mailboxes on the older version can't reach them there; move the user mailboxes first`}},
		{"public folders after the mailboxes, a stage later", []string{pf07, ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX07", "mailboxes = 0"), changeServer("EX13", "mailboxes = 1200")),
				stageBlock("s2", "2027-02", changeServer("EX13", "public_folders = true"), changeServer("EX07", "public_folders = false"))}, nil},
		{"public folders after the mailboxes in the same stage", []string{pf07, ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX07", "mailboxes = 0"), changeServer("EX13", "public_folders = true"))}, nil},
		{"public folders before the mailboxes in the same stage", []string{pf07, ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX13", "public_folders = true"), changeServer("EX07", "mailboxes = 0"))},
			[]string{`17:22 s1 server.EX13.public_folders error`}},
		{"whether the older server hosts mailboxes is unknown", []string{srv("EX07", "2007", "SP3 RU23", "public_folders = true"), ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX13", "public_folders = true"))}, nil},
		{"a new server added with public folders", []string{ex13, srv("EX10", "2010", "SP3 RU32", "mailboxes = 10")},
			[]string{stageBlock("s1", "2027-01", addServer("EX16", `version = "2016"`, `update = "CU23"`, "public_folders = true"))},
			[]string{`18:22 s1 server.EX16.public_folders error | while EX10 (Exchange 2010) still hosts mailboxes`}},
		// Users on Exchange 2013 and later reach public folder mailboxes of a
		// newer version as far as Microsoft's pages say nothing against it:
		// the catalogue has no row, and the order is not judged.
		{"public folders to 2016 while 2013 hosts mailboxes", []string{ex13, srv("EX13B", "2013", "CU23", "mailboxes = 10")},
			[]string{stageBlock("s1", "2027-01", addServer("EX16", `version = "2016"`, `update = "CU23"`, "public_folders = true"))}, nil},
		{"public folders on a server of the same version", []string{srv("EX13A", "2013", "CU23", "mailboxes = 10"), ex13},
			[]string{stageBlock("s1", "2027-01", changeServer("EX13", "public_folders = true"))}, nil},
		{"public folders to Exchange Online before the migration is complete", []string{"", "migration {\n  method   = \"third_party\"\n  complete = false\n}\n"},
			[]string{stageBlock("s1", "2027-01", changeBlock("organization", ` "T"`, `public_folders = "exchange_online"`))},
			[]string{`11:22 s1 organization.T.public_folders warning | stage "s1" moves the public folders to Exchange Online before the mailboxes (the migration is not complete): Microsoft recommends moving the user mailboxes first`}},
		{"public folders to Exchange Online once the migration is complete", []string{"", "migration {\n  method   = \"third_party\"\n  complete = false\n}\n"},
			[]string{stageBlock("s1", "2027-01", changeBlock("migration", "", "complete = true")),
				stageBlock("s2", "2027-02", changeBlock("organization", ` "T"`, `public_folders = "exchange_online"`))}, nil},
		{"complete later in the same stage", []string{"", "migration {\n  method   = \"third_party\"\n  complete = false\n}\n"},
			[]string{stageBlock("s1", "2027-01", changeBlock("organization", ` "T"`, `public_folders = "exchange_online"`), changeBlock("migration", "", "complete = true"))},
			[]string{`11:22 s1 organization.T.public_folders warning`}},
		{"whether the migration is complete is unknown", []string{"", "migration {\n  method = \"third_party\"\n}\n"},
			[]string{stageBlock("s1", "2027-01", changeBlock("organization", ` "T"`, `public_folders = "exchange_online"`))}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := org(tc.current...) + strings.Join(tc.stages, "")
			if tc.current[0] == "" {
				src = "organization \"T\" {\n  public_folders = \"on_premises\"\n}\n" + strings.Join(tc.current[1:], "\n") + strings.Join(tc.stages, "")
			}
			expectPlanFindings(t, transitionCheck(t, planPrerequisiteOrder{}, today, src), tc.want)
		})
	}
}
