package rules

import (
	"strings"
	"testing"
)

// The last running Exchange server removed or shut down, with each thing
// that still needs one on both sides, and the Management Tools at the
// catalogue's boundary (2019 CU12).
func TestPlanLastServer(t *testing.T) {
	ex1, ex2 := srv("EX01", "SE", "RTM"), srv("EX02", "SE", "RTM")
	removeBoth := stageBlock("s1", "2027-01", removeServer("EX01"), removeServer("EX02"))
	domain := func(mx, autodiscover string) string {
		return "domain \"contoso.com\" {\n  mx           = \"" + mx + "\"\n  autodiscover = \"" + autodiscover + "\"\n}\n"
	}
	dirsync := "directory_sync {\n  enabled = true\n}\n"
	keepEX02 := stageBlock("s1", "2027-01", removeServer("EX01"), changeServer("EX02", "shut_down = true"))
	tools := func(version, update string) string {
		if update == "" {
			return "management_tools {\n  version = \"" + version + "\"\n}\n"
		}
		return "management_tools {\n  version = \"" + version + "\"\n  update  = \"" + update + "\"\n}\n"
	}
	for _, tc := range []struct {
		name    string
		current []string
		stage   string
		want    []string
	}{
		{"one server stays", []string{ex1, ex2, domain("on_premises", "on_premises"), dirsync},
			stageBlock("s1", "2027-01", removeServer("EX01")), nil},
		{"the last servers removed, nothing needs them", []string{ex1, ex2, domain("exchange_online", "exchange_online")}, removeBoth, nil},
		{"MX on-premises", []string{ex1, ex2, domain("on_premises", "exchange_online")}, removeBoth,
			[]string{`21:19 s1 domain."contoso.com".mx error | stage "s1" removes EX02, the last Exchange server, while the MX record of contoso.com still points on-premises: point it to Exchange Online, in internal and external DNS, first`}},
		{"Autodiscover on-premises", []string{ex1, ex2, domain("exchange_online", "on_premises")}, removeBoth,
			[]string{`21:19 s1 domain."contoso.com".autodiscover error | the Autodiscover record of contoso.com still points on-premises`}},
		{"both", []string{ex1, ex2, domain("on_premises", "on_premises")}, removeBoth,
			[]string{`21:19 s1 domain."contoso.com".mx error | the MX and Autodiscover records of contoso.com still point on-premises: point them`}},
		{"MX through a third party", []string{ex1, ex2, domain("third_party", "exchange_online")}, removeBoth, nil},
		{"records moved in the same stage", []string{ex1, ex2, domain("on_premises", "on_premises")},
			stageBlock("s1", "2027-01", "  change \"domain\" \"contoso.com\" {\n    mx           = \"exchange_online\"\n    autodiscover = \"exchange_online\"\n  }\n",
				removeServer("EX01"), removeServer("EX02")), nil},
		{"an Edge server is no Exchange server left for this", []string{ex1, ex2, srv("EDGE", "SE", "RTM", `roles = ["edge_transport"]`), domain("on_premises", "exchange_online")}, removeBoth,
			[]string{`27:19 s1 domain."contoso.com".mx error`}},
		{"hybrid stays", []string{ex1, ex2, "hybrid {\n  topology = \"classic_full\"\n}\n"}, removeBoth,
			[]string{`20:19 s1 hybrid error | while the hybrid deployment stays: remove the hybrid configuration`}},
		{"public folders on-premises", []string{"", ex1, ex2}, removeBoth, nil},
		{"directory synchronization stays on", []string{ex1, ex2, dirsync}, removeBoth,
			[]string{`20:19 s1 directory_sync error | while directory synchronization stays on: keep EX02, shut down (shut_down = true), with the Management Tools of Exchange SE, or turn directory synchronization off first`}},
		{"directory synchronization set up, enabled unknown", []string{ex1, ex2, "directory_sync {\n  tool = \"entra_connect\"\n}\n"}, removeBoth,
			[]string{`20:19 s1 directory_sync error`}},
		{"directory synchronization turned off", []string{ex1, ex2, "directory_sync {\n  enabled = false\n}\n"}, removeBoth, nil},
		{"kept shut down without Management Tools", []string{ex1, ex2, dirsync}, keepEX02,
			[]string{`21:17 s1 directory_sync error | stage "s1" shuts down EX02, the last running Exchange server, while directory synchronization stays on, without the Management Tools of Exchange SE to manage recipients: install Exchange SE's, and add management_tools { version = "SE", update = "RTM" }`}},
		{"kept shut down with the 2019 CU12 tools", []string{ex1, ex2, dirsync, tools("2019", "CU12")}, keepEX02, nil},
		{"kept shut down with the 2019 CU11 tools", []string{ex1, ex2, dirsync, tools("2019", "CU11")}, keepEX02,
			[]string{`26:17 s1 management_tools.version error | stage "s1" shuts down EX02, the last running Exchange server, while directory synchronization stays on, and the Management Tools of Exchange 2019 CU11 cannot manage recipients without a running server: set management_tools to version = "SE", update = "RTM"`}},
		{"kept shut down with the SE tools", []string{ex1, ex2, dirsync, tools("SE", "")}, keepEX02, nil},
		{"kept shut down with the 2016 tools", []string{ex1, ex2, dirsync, tools("2016", "CU23")}, keepEX02,
			[]string{`26:17 s1 management_tools.version error | and the Management Tools of Exchange 2016 CU23 cannot manage recipients without a running server: set management_tools to version = "SE"`}},
		// The 2016 tools added by the stage that shuts the server down: the
		// fix is that add's version, not a second add.
		{"kept shut down, the stage adds the 2016 tools", []string{ex1, ex2, dirsync},
			stageBlock("s1", "2027-01", removeServer("EX01"), changeServer("EX02", "shut_down = true"),
				"  add \"management_tools\" {\n    version = \"2016\"\n  }\n"),
			[]string{`21:17 s1 management_tools.version error | and the Management Tools of Exchange 2016 cannot manage recipients without a running server: set management_tools to version = "SE", update = "RTM"`}},
		{"kept shut down with 2019 tools of an unknown update", []string{ex1, ex2, dirsync, tools("2019", "")}, keepEX02, nil},
		{"kept shut down, MX still on-premises", []string{ex1, ex2, dirsync, tools("SE", ""), domain("on_premises", "exchange_online")}, keepEX02,
			[]string{`30:17 s1 domain."contoso.com".mx error | stage "s1" shuts down EX02, the last running Exchange server, while the MX record`}},
		{"every server already shut down", []string{srv("EX01", "SE", "RTM", "shut_down = true"), ex2, dirsync},
			stageBlock("s1", "2027-01", changeServer("EX02", "shut_down = true")),
			[]string{`20:17 s1 directory_sync error`}},
		{"nothing runs before the stage", []string{srv("EX01", "SE", "RTM", "shut_down = true"), dirsync},
			stageBlock("s1", "2027-01", removeServer("EX01")), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			current := tc.current
			if tc.name == "public folders on-premises" {
				for _, where := range []string{"on_premises", "exchange_online", "none"} {
					src := "organization \"T\" {\n  public_folders = \"" + where + "\"\n}\n" + strings.Join(current[1:], "\n") + tc.stage
					var want []string
					if where == "on_premises" {
						want = []string{`18:19 s1 organization.T.public_folders error | while the organization's public folders are on-premises: migrate them to Exchange Online, or remove them, first`}
					}
					expectPlanFindings(t, transitionCheck(t, planLastServer{}, today, src), want)
				}
				return
			}
			expectPlanFindings(t, transitionCheck(t, planLastServer{}, today, org(current...)+tc.stage), tc.want)
		})
	}
}

// The Management Tools a message names are those of versions in support on
// the state's date: Exchange 2019 CU12 or later's too up to 2025-10-14, the
// last day of Exchange 2019's support, and only Exchange SE's after it (the
// 2019 tools still manage recipients: a topology that has them passes).
func TestPlanLastServerToolsInSupport(t *testing.T) {
	src := org(srv("EX01", "SE", "RTM"), "directory_sync {\n  enabled = true\n}\n")
	for _, tc := range []struct{ date, tools string }{
		{"2025-10-14", "Exchange 2019 CU12 or later or Exchange SE"},
		{"2025-10-15", "Exchange SE"},
		{"2027-02-01", "Exchange SE"},
	} {
		fs := transitionCheck(t, planLastServer{}, "2025-06-01", src+stageBlock("s1", tc.date, removeServer("EX01")))
		want := `stage "s1" removes EX01, the last Exchange server, while directory synchronization stays on: keep EX01, shut down (shut_down = true), ` +
			"with the Management Tools of " + tc.tools + ", or turn directory synchronization off first"
		if len(fs) != 1 || fs[0].Message != want {
			t.Errorf("on %s:\n%s\nwant %s", tc.date, dump(fs), want)
		}
	}
}
