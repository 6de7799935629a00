package rules

import (
	"fmt"
	"strings"
	"testing"
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
				!strings.Contains(fs[0].Message, "but not "+hybridRoleNames[missing]+":") {
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
		case "per-server":
			if len(fs) != 1 || fs[0].Address != "server.HYB2.roles" {
				t.Errorf("%s: want one finding at server.HYB2.roles:\n%s", tc.name, summary(fs))
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
