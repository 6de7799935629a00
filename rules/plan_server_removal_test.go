package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// What a removed server still hosts, on both sides of zero, and through a
// stage that empties it before removing it; DAG membership, a connector's
// only source and the last hybrid server.
func TestPlanServerRemoval(t *testing.T) {
	plain := func(name string, extra ...string) string { return srv(name, "SE", "RTM", extra...) }
	for _, tc := range []struct {
		name    string
		current []string
		stages  []string
		want    []string
	}{
		{"hosts nothing (stated)", []string{plain("EX01", "mailboxes = 0\n  databases = 0\n  public_folders = false")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))}, nil},
		{"what it hosts is unknown", []string{plain("EX01")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))}, nil},
		{"one mailbox", []string{plain("EX01", "mailboxes = 1")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))},
			[]string{`9:19 s1 server.EX01.mailboxes error | stage "s1" removes EX01, which still hosts 1 mailbox: move them to another server first, and say so in a change (mailboxes = 0) before the removal`}},
		{"mailboxes, databases and public folders: one finding", []string{plain("EX01", "mailboxes = 1200\n  databases = 2\n  public_folders = true")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))},
			[]string{`11:19 s1 server.EX01.mailboxes error | still hosts 1,200 mailboxes, 2 mailbox databases and public folders | (mailboxes = 0, databases = 0 and public_folders = false)`}},
		{"one database", []string{plain("EX01", "databases = 1")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))},
			[]string{`9:19 s1 server.EX01.databases error | still hosts 1 mailbox database`}},
		{"public folders", []string{plain("EX01", "public_folders = true")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))},
			[]string{`9:19 s1 server.EX01.public_folders error | still hosts public folders`}},
		{"emptied in an earlier stage", []string{plain("EX01", "mailboxes = 1200\n  public_folders = true")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 0", "public_folders = false")),
				stageBlock("s2", "2027-02", removeServer("EX01"))}, nil},
		{"emptied, then removed, in one stage", []string{plain("EX01", "mailboxes = 1200\n  public_folders = true")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 0", "public_folders = false"), removeServer("EX01"))}, nil},
		{"partly emptied in the stage: the databases remain", []string{plain("EX01", "mailboxes = 1200\n  databases = 2")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 0"), removeServer("EX01"))},
			[]string{`13:19 s1 server.EX01.databases error | still hosts 2 mailbox databases`}},
		{"filled in the stage before the removal", []string{plain("EX01", "mailboxes = 0")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 10"), removeServer("EX01"))},
			[]string{`12:19 s1 server.EX01.mailboxes error | still hosts 10 mailboxes`}},
		{"unset in the stage before the removal: unknown", []string{plain("EX01", "mailboxes = 10")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = null"), removeServer("EX01"))}, nil},
		{"taken out of its DAG in the same stage", []string{plain("EX01"), plain("EX02"), "dag \"DAG01\" {\n  members = [\"EX01\", \"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"dag\" \"DAG01\" {\n    members = [\"EX01\"]\n  }\n", removeServer("EX02"))}, nil},
		{"still a DAG member: judged from the current state, the stage's state not being checked",
			[]string{plain("EX01"), plain("EX02"), "dag \"DAG01\" {\n  members = [\"EX01\", \"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", removeServer("EX02"))},
			[]string{`19:19 s1 server.EX02 error | stage "s1" removes EX02, which is still a member of DAG DAG01: remove it from the DAG, with its database copies, in this stage or an earlier one`}},
		{"the only source of a send connector left with none", []string{plain("EX01"), plain("EX02"), "connector \"send\" \"Internet\" {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"connector\" \"send\" \"Internet\" {\n    servers = []\n  }\n", removeServer("EX02"))},
			[]string{`22:19 s1 server.EX02 error | stage "s1" removes EX02, the only source server of send connector "Internet", which stays: give the connector another source server, or remove it`}},
		{"the connector gets another source", []string{plain("EX01"), plain("EX02"), "connector \"send\" \"Internet\" {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"connector\" \"send\" \"Internet\" {\n    servers = [\"EX01\"]\n  }\n", removeServer("EX02"))}, nil},
		{"the connector goes too", []string{plain("EX01"), plain("EX02"), "connector \"send\" \"Internet\" {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  remove \"connector\" \"send\" \"Internet\" {}\n", removeServer("EX02"))}, nil},
		{"one of two sources", []string{plain("EX01"), plain("EX02"), "connector \"send\" \"Internet\" {\n  servers = [\"EX01\", \"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"connector\" \"send\" \"Internet\" {\n    servers = [\"EX01\"]\n  }\n", removeServer("EX02"))}, nil},
		{"a receive connector is not judged", []string{plain("EX01"), plain("EX02"), "connector \"receive\" \"From EXO\" {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"connector\" \"receive\" \"From EXO\" {\n    servers = []\n  }\n", removeServer("EX02"))}, nil},
		{"the last hybrid server while mailboxes remain", []string{plain("EX01", "mailboxes = 100"), plain("EX02"), "hybrid {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"hybrid\" {\n    servers = []\n  }\n", removeServer("EX02"))},
			[]string{`22:19 s1 server.EX02 error | stage "s1" removes EX02, the last hybrid server, while mailboxes remain on-premises (EX01 still hosts mailboxes): keep a hybrid server until the last mailbox has moved`}},
		{"the last hybrid server while the migration is not complete", []string{plain("EX01"), plain("EX02"), "hybrid {\n  servers = [\"EX02\"]\n}\nmigration {\n  complete = false\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"hybrid\" {\n    servers = []\n  }\n", removeServer("EX02"))},
			[]string{`25:19 s1 server.EX02 error | (the migration is not complete)`}},
		{"the last hybrid server once every mailbox has moved", []string{plain("EX01", "mailboxes = 0"), plain("EX02", "mailboxes = 0"), "hybrid {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"hybrid\" {\n    servers = []\n  }\n", removeServer("EX02"))}, nil},
		{"the last hybrid server when it is unknown where the mailboxes are", []string{plain("EX01"), plain("EX02"), "hybrid {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"hybrid\" {\n    servers = []\n  }\n", removeServer("EX02"))}, nil},
		{"another hybrid server stays", []string{plain("EX01", "mailboxes = 100"), plain("EX02"), "hybrid {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  change \"hybrid\" {\n    servers = [\"EX01\"]\n  }\n", removeServer("EX02"))}, nil},
		{"hybrid removed with its server", []string{plain("EX01", "mailboxes = 100"), plain("EX02"), "hybrid {\n  servers = [\"EX02\"]\n}\n"},
			[]string{stageBlock("s1", "2027-01", "  remove \"hybrid\" {}\n", removeServer("EX02"))}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := org(tc.current...) + strings.Join(tc.stages, "")
			expectPlanFindings(t, transitionCheck(t, planServerRemoval{}, today, src), tc.want)
		})
	}
}

// A DAG that still names a removed server is also plan-structure's: with
// both rules on, its finding shows; turning either off shows the other's.
func TestPlanServerRemovalYieldsToPlanStructure(t *testing.T) {
	src := org(srv("EX01", "SE", "RTM"), srv("EX02", "SE", "RTM", "mailboxes = 5"), "dag \"DAG01\" {\n  members = [\"EX01\", \"EX02\"]\n}\n") +
		stageBlock("s1", "2027-01", removeServer("EX02"))
	rules := []lint.Rule{planServerRemoval{}, planStructure{}}
	for _, tc := range []struct{ cfg, want string }{
		{"", "plan-server-removal:server.EX02.mailboxes plan-structure:server.EX02"},
		{disabled("plan-structure"), "plan-server-removal:server.EX02 plan-server-removal:server.EX02.mailboxes"},
		{disabled("plan-server-removal"), "plan-structure:server.EX02"},
	} {
		var got []string
		for _, f := range checkWith(t, rules, today, src, tc.cfg) {
			got = append(got, f.Rule+":"+f.Address)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: %v, want %s", tc.cfg, got, tc.want)
		}
	}
}

// What a removed server hosts, when neither it nor the stage says, stays
// unknown: exlint check --coverage lists it at the server's block, in the
// stage that removes it.
func TestPlanServerRemovalUnknowns(t *testing.T) {
	plain := func(name string, extra ...string) string { return srv(name, "SE", "RTM", extra...) }
	for _, tc := range []struct {
		name    string
		current []string
		stages  []string
		want    []string
	}{
		{"nothing said", []string{plain("EX01")}, []string{stageBlock("s1", "2027-01", removeServer("EX01"))},
			[]string{"server.EX01.databases s1", "server.EX01.mailboxes s1", "server.EX01.public_folders s1"}}, // sorted by place, then attribute
		{"everything said", []string{plain("EX01", "mailboxes = 0\n  databases = 0\n  public_folders = false")},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))}, nil},
		{"the stage empties it of mailboxes", []string{plain("EX01", "public_folders = false")},
			[]string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 0"), removeServer("EX01"))},
			[]string{"server.EX01.databases s1"}},
		{"an Edge server hosts none of it", []string{plain("EX01", `roles = ["edge_transport"]`)},
			[]string{stageBlock("s1", "2027-01", removeServer("EX01"))}, nil},
		{"no removal", []string{plain("EX01")}, []string{stageBlock("s1", "2027-01", changeServer("EX01", "mailboxes = 0"))}, nil},
	} {
		src := org(tc.current...) + strings.Join(tc.stages, "")
		_, us, err := runner.CheckFilesCoverage(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}},
			runner.Options{Rules: []lint.Rule{planServerRemoval{}}, Catalog: catalog.Default(), AsOf: catalog.MustDate(today), Limits: schema.DefaultLimits})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range us {
			got = append(got, u.Attribute+" "+u.State.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: unknown %q, want %q", tc.name, got, tc.want)
		}
	}
}
