package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

func hyRoles(roles ...string) string {
	if roles == nil {
		return ""
	}
	return `roles = ["` + strings.Join(roles, `", "`) + `"]`
}

// One hybrid server of each version: it must hold every role its version
// needs; each role missing alone fails, all present passes.
func TestHybridServerRolesSingle(t *testing.T) {
	need := map[string][]string{
		"2010": {"mailbox", "hub_transport", "client_access"},
		"2013": {"client_access", "mailbox"},
		"2016": {"mailbox"},
		"2019": {"mailbox"},
		"SE":   {"mailbox"},
	}
	for v, roles := range need {
		src := org(srv("HYB", v, someLevel[v], hyRoles(roles...)), hybridWith("HYB"))
		if fs := check(t, hybridServerRoles{}, today, src); len(fs) != 0 {
			t.Errorf("%s with %v: want no finding:\n%s", v, roles, summary(fs))
		}
		for i, missing := range roles {
			rest := append(append([]string{}, roles[:i]...), roles[i+1:]...)
			if len(rest) == 0 {
				rest = []string{} // roles = []
			}
			src := org(srv("HYB", v, someLevel[v], `roles = [`+hyQuoted(rest)+`]`), hybridWith("HYB"))
			fs := check(t, hybridServerRoles{}, today, src)
			if len(fs) != 1 || fs[0].Address != "server.HYB.roles" || fs[0].Severity.String() != "error" ||
				!strings.Contains(fs[0].Message, "not "+roleNames[missing]+",") || !strings.Contains(fs[0].Message, ": install the "+roleNames[missing]+" role on HYB") {
				t.Errorf("%s without %s: want one error at server.HYB.roles naming it:\n%s", v, missing, summary(fs))
			}
		}
		// Roles unknown: silent.
		src = org(srv("HYB", v, someLevel[v]), hybridWith("HYB"))
		if fs := check(t, hybridServerRoles{}, today, src); len(fs) != 0 {
			t.Errorf("%s with unknown roles: want no finding:\n%s", v, summary(fs))
		}
	}
}

func hyQuoted(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

// Several hybrid servers of a version: the roles may be split among them.
func TestHybridServerRolesSeveral(t *testing.T) {
	cases := []struct {
		name    string
		version string
		roles   [][]string // nil: roles unknown
		missing string     // "" for no finding
	}{
		{"2013 split", "2013", [][]string{{"client_access"}, {"mailbox"}}, ""},
		{"2013 both on each", "2013", [][]string{{"client_access", "mailbox"}, {"client_access", "mailbox"}}, ""},
		{"2013 no Mailbox", "2013", [][]string{{"client_access"}, {"client_access"}}, "Mailbox"},
		{"2013 no Client Access", "2013", [][]string{{"mailbox"}, {"mailbox"}}, "Client Access"},
		{"2013 one unknown", "2013", [][]string{{"client_access"}, nil}, ""},
		{"2010 split three ways", "2010", [][]string{{"mailbox"}, {"hub_transport"}, {"client_access"}}, ""},
		{"2010 no Hub Transport", "2010", [][]string{{"mailbox"}, {"client_access"}}, "Hub Transport"},
		{"2010 no Mailbox nor Client Access", "2010", [][]string{{"hub_transport"}, {"hub_transport"}}, "Mailbox and Client Access"},
		{"2019 one without Mailbox", "2019", [][]string{{"mailbox"}, {}}, "per-server"},
		{"SE one with management tools only", "SE", [][]string{{"mailbox"}, {}}, "management tools only"},
	}
	for _, tc := range cases {
		var blocks, list []string
		for i, r := range tc.roles {
			name := fmt.Sprintf("HYB%d", i+1)
			attr := ""
			if r != nil {
				attr = "roles = [" + hyQuoted(r) + "]"
			}
			blocks = append(blocks, srv(name, tc.version, someLevel[tc.version], attr))
			list = append(list, name)
		}
		fs := check(t, hybridServerRoles{}, today, org(append(blocks, hybridWith(list...))...))
		switch tc.missing {
		case "":
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
		case "per-server", "management tools only":
			if len(fs) != 1 || fs[0].Address != "server.HYB2.roles" || !strings.Contains(fs[0].Message, "or list servers that have it in hybrid.servers") {
				t.Errorf("%s: want one finding at server.HYB2.roles:\n%s", tc.name, summary(fs))
			} else if tc.missing == "management tools only" && !strings.Contains(fs[0].Message, "has no server role (management tools only), so not Mailbox,") {
				t.Errorf("%s: the message should say the server has no role: %s", tc.name, fs[0].Message)
			}
		default:
			if len(fs) != 1 || fs[0].Address != "hybrid.servers" || !strings.Contains(fs[0].Message, "has the "+tc.missing+" role") {
				t.Errorf("%s: want one finding at hybrid.servers naming %s:\n%s", tc.name, tc.missing, summary(fs))
			}
		}
	}
}

// An Edge Transport server in hybrid.servers cannot run the endpoints; it is
// reported at its item, and the others are judged without it.
func TestHybridServerRolesEdgeListed(t *testing.T) {
	src := org(srv("EX", "2019", "CU15", hyRoles("mailbox")), srv("EDGE", "2019", "CU15", hyRoles("edge_transport")), hybridWith("EX", "EDGE"))
	fs := check(t, hybridServerRoles{}, today, src)
	if len(fs) != 1 || fs[0].Address != "hybrid.servers[1]" || !strings.Contains(fs[0].Message, "hybrid.edge_servers") {
		t.Errorf("want one finding at hybrid.servers[1]:\n%s", summary(fs))
	}
}

// In an Exchange 2007 organization without hybrid.servers, the Exchange 2013
// servers are the hybrid servers; elsewhere no list means nothing to check.
func TestHybridServerRolesImplied(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23", hyRoles("mailbox", "client_access", "hub_transport"))
	cases := []struct {
		name, src, at string
	}{
		{"2007 org, one 2013 CAS", org(ex07, srv("EX13", "2013", "CU23", hyRoles("client_access")), "hybrid {}\n"), "server.EX13.roles"},
		{"2007 org, 2013 CAS+MBX", org(ex07, srv("EX13", "2013", "CU23", hyRoles("client_access", "mailbox")), "hybrid {}\n"), ""},
		{"2007 org, two 2013 CAS", org(ex07, srv("EX13A", "2013", "CU23", hyRoles("client_access")), srv("EX13B", "2013", "CU23", hyRoles("client_access")), "hybrid {}\n"), "server.EX13A.version"},
		{"2007 org, 2013 Edge ignored", org(ex07, srv("EX13", "2013", "CU23", hyRoles("client_access", "mailbox")), srv("EDGE13", "2013", "CU23", hyRoles("edge_transport")), "hybrid {}\n"), ""},
		{"2016 org, no list", org(srv("EX16", "2016", "CU23", hyRoles("edge_transport")), "hybrid {}\n"), ""},
		{"no hybrid", org(ex07, srv("EX13", "2013", "CU23", hyRoles("client_access"))), ""},
		{"2007 listed: hybrid-server-version's", org(ex07, hybridWith("EX07")), ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerRoles{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at):
			t.Errorf("%s: want one finding at %s:\n%s", tc.name, tc.at, summary(fs))
		}
	}
}

// Microsoft asks for at least one instance of each role among the servers of
// the hybrid servers' version, "which a hybrid deployment based on": the roles are
// counted across the organization's non-Edge servers of that version, not
// only the listed ones. The single-server clause (both 2013 roles on one
// server) holds only when the organization has exactly one 2013 server.
func TestHybridServerRolesAcrossOrganization(t *testing.T) {
	cases := []struct {
		name, src string
		at        string   // "" for no finding
		has       []string // substrings of the message
	}{
		{"2010 hybrid MBX+CAS, Hub Transport on another 2010 server",
			org(srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), srv("HUB10", "2010", "SP3 RU32", hyRoles("hub_transport")), hybridWith("EX10")),
			"", nil},
		{"2010 hybrid MBX+CAS, no Hub Transport anywhere",
			org(srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), hybridWith("EX10")),
			"server.EX10.roles", []string{"but not Hub Transport,", "only Exchange Server 2010 server", ": install the Hub Transport role on EX10"}},
		{"2010 two servers, no Hub Transport",
			org(srv("EX10A", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), srv("EX10B", "2010", "SP3 RU32", hyRoles("client_access")), hybridWith("EX10A")),
			"hybrid.servers", []string{"none of the organization's Exchange Server 2010 servers (EX10A and EX10B) has the Hub Transport role"}},
		{"2010 Hub Transport only on an Edge server does not count",
			org(srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), srv("EDGE10", "2010", "SP3 RU32", hyRoles("edge_transport")), hybridWith("EX10")),
			"server.EX10.roles", []string{"but not Hub Transport,"}},
		{"2010 Hub Transport on a 2007 server does not count",
			org(srv("EX07", "2007", "SP3 RU23", hyRoles("hub_transport")), srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), hybridWith("EX10")),
			"server.EX10.roles", []string{"but not Hub Transport,"}},
		{"2010 another server with unknown roles",
			org(srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access")), srv("EX10B", "2010", "SP3 RU32"), hybridWith("EX10")),
			"", nil},
		{"2013 hybrid CAS, Mailbox on another 2013 server",
			org(srv("CAS13", "2013", "CU23", hyRoles("client_access")), srv("MBX13", "2013", "CU23", hyRoles("mailbox")), hybridWith("CAS13")),
			"", nil},
		{"2013 hybrid CAS, the only 2013 server",
			org(srv("CAS13", "2013", "CU23", hyRoles("client_access")), hybridWith("CAS13")),
			"server.CAS13.roles", []string{"but not Mailbox,", "only Exchange Server 2013 server", "install the Mailbox role on CAS13"}},
		{"2013 hybrid CAS, the other 2013 server is an Edge",
			org(srv("CAS13", "2013", "CU23", hyRoles("client_access")), srv("EDGE13", "2013", "CU23", hyRoles("edge_transport")), hybridWith("CAS13")),
			"server.CAS13.roles", []string{"but not Mailbox,", "install the Mailbox role on CAS13"}},
		{"2013 two CAS, no Mailbox",
			org(srv("CAS13A", "2013", "CU23", hyRoles("client_access")), srv("CAS13B", "2013", "CU23", hyRoles("client_access")), hybridWith("CAS13A")),
			"hybrid.servers", []string{"has the Mailbox role", "which a hybrid deployment based on"}},
		{"2007 org, one 2013 CAS listed, 2013 Mailbox unlisted",
			org(srv("EX07", "2007", "SP3 RU23", hyRoles("mailbox", "client_access", "hub_transport")), srv("CAS13", "2013", "CU23", hyRoles("client_access")), srv("MBX13", "2013", "CU23", hyRoles("mailbox")), hybridWith("CAS13")),
			"", nil},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerRoles{}, today, tc.src)
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity != lint.Error {
			t.Errorf("%s: want one error at %s:\n%s", tc.name, tc.at, summary(fs))
			continue
		}
		for _, w := range tc.has {
			if !strings.Contains(fs[0].Message, w) {
				t.Errorf("%s: message lacks %q: %s", tc.name, w, fs[0].Message)
			}
		}
		if strings.Contains(fs[0].Message, "all on the one server") && !strings.Contains(tc.name, "2013") {
			t.Errorf("%s: the single-server clause is for 2013 only: %s", tc.name, fs[0].Message)
		}
	}
}

// The Minimal and Express options configure no hybrid connectors, so no
// hybrid mail flow, the one thing the Exchange 2010 Hub Transport role serves
// in hybrid: they do not need it. Full options and an unstated topology do.
func TestHybridServerRolesHubTransportByMode(t *testing.T) {
	ex10 := srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox", "client_access"))
	list := `servers = ["EX10"]`
	cases := []struct {
		name, decl string
		wantHub    bool
	}{
		{"classic_full", "hybrid {\n  topology = \"classic_full\"\n  " + list + "\n}\n", true},
		{"modern_full", "hybrid {\n  topology = \"modern_full\"\n  " + list + "\n}\n", true},
		{"no topology", "hybrid {\n  " + list + "\n}\n", true},
		{"classic_minimal", "hybrid {\n  topology = \"classic_minimal\"\n  " + list + "\n}\n", false},
		{"modern_minimal", "hybrid {\n  topology = \"modern_minimal\"\n  " + list + "\n}\n", false},
		{"express", "hybrid {\n  topology = \"express\"\n  " + list + "\n}\n", false},
		{"express method, no topology", migrationBlock("express", 100, "") + "hybrid {\n  " + list + "\n}\n", false},
		{"minimal_hybrid method, no topology", migrationBlock("minimal_hybrid", 100, "") + "hybrid {\n  " + list + "\n}\n", false},
		{"express method, classic_full topology", migrationBlock("express", 100, "") + "hybrid {\n  topology = \"classic_full\"\n  " + list + "\n}\n", true},
	}
	for _, tc := range cases {
		fs := check(t, hybridServerRoles{}, today, org(ex10, tc.decl))
		if !tc.wantHub {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != "server.EX10.roles" || !strings.Contains(fs[0].Message, "but not Hub Transport,") {
			t.Errorf("%s: want one finding at server.EX10.roles about Hub Transport:\n%s", tc.name, summary(fs))
		}
	}
	// Minimal modes still need Mailbox and Client Access.
	fs := check(t, hybridServerRoles{}, today, org(srv("EX10", "2010", "SP3 RU32", hyRoles("mailbox")), "hybrid {\n  topology = \"express\"\n  "+list+"\n}\n"))
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "but not Client Access,") || strings.Contains(fs[0].Message, "Hub Transport,") {
		t.Errorf("express, 2010 Mailbox only: want one finding about Client Access only:\n%s", summary(fs))
	}
}
