package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

var hostAllRoles = []string{"mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport", "front_end", "back_end"}

// The roles of each version (MS-DISCONT, MS-ARCH, MS-SYSREQ-2013,
// MS-ROADMAP-2024), written out independently of the rule's table. 2013 has Edge Transport from SP1 =
// CU4 only (tested apart).
var hostRoleFacts = map[string][]string{
	"5.5":  {},
	"2000": {"front_end", "back_end"},
	"2003": {"front_end", "back_end"},
	"2007": {"mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport"},
	"2010": {"mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport"},
	"2013": {"client_access", "mailbox", "edge_transport"},
	"2016": {"mailbox", "edge_transport"},
	"2019": {"mailbox", "edge_transport"},
	"SE":   {"mailbox", "edge_transport"},
}

// What each message must name: the version's roles.
var hostRoleSummaries = map[string]string{
	"5.5":  "Exchange Server 5.5 has no server roles",
	"2000": "Exchange 2000 Server has no server roles: its servers are front-end or back-end servers",
	"2003": "Exchange Server 2003 has no server roles: its servers are front-end or back-end servers",
	"2007": "Exchange Server 2007 has the Mailbox, Client Access, Hub Transport, Unified Messaging and Edge Transport roles",
	"2010": "Exchange Server 2010 has the Mailbox, Client Access, Hub Transport, Unified Messaging and Edge Transport roles",
	"2013": "Exchange Server 2013 has the Client Access, Mailbox and Edge Transport (from SP1 = CU4) roles",
	"2016": "Exchange Server 2016 has the Mailbox and Edge Transport roles",
	"2019": "Exchange Server 2019 has the Mailbox and Edge Transport roles",
	"SE":   "Exchange Server Subscription Edition has the Mailbox and Edge Transport roles",
}

// Every role against every version, at the version's last level and with an
// unknown level: one finding per role the version lacks, at the list item.
func TestServerRolesMatrix(t *testing.T) {
	for version, has := range hostRoleFacts {
		for _, level := range []string{hostLastLevel(t, version), hostUnknownLevel} {
			for _, role := range hostAllRoles {
				// the role second in the list, after a valid one, to check the
				// item's index (5.5 has no valid role: the role alone)
				roles, at := fmt.Sprintf("roles = [%q, %q]", hostOtherRole(has, role), role), "server.EX.roles[1]"
				if len(has) == 0 {
					roles, at = fmt.Sprintf("roles = [%q]", role), "server.EX.roles[0]"
				}
				fs := check(t, serverRolesInvalid{}, today, org(srv("EX", version, level, roles)))
				what := fmt.Sprintf("Exchange %s %s with %s", version, level, role)
				if slices.Contains(has, role) {
					hostExpectNone(t, what, fs)
					continue
				}
				hostExpectOne(t, what, fs, lint.Error, at,
					"EX declares the "+roleName(role)+" role; "+hostRoleSummaries[version]+": "+fmt.Sprintf("remove %q from roles", role))
			}
		}
	}
}

// hostOtherRole is a role the version has, other than role.
func hostOtherRole(has []string, role string) string {
	if len(has) == 0 {
		return ""
	}
	if has[0] == role && len(has) > 1 {
		return has[1]
	}
	return has[0]
}

// Each invalid item is its own finding.
func TestServerRolesEveryItem(t *testing.T) {
	fs := check(t, serverRolesInvalid{}, today, org(srv("EX", "2016", "CU23", `roles = ["mailbox", "client_access", "hub_transport", "unified_messaging"]`)))
	if len(fs) != 3 || fs[0].Address != "server.EX.roles[1]" || fs[1].Address != "server.EX.roles[2]" || fs[2].Address != "server.EX.roles[3]" {
		t.Errorf("want one finding per invalid item:\n%s", summary(fs))
	}
}

// The fix for each missing role: remove it, and what carries its work or
// what to declare instead. Why each role is missing is the rule page's table
// (from the same catalogue rows).
func TestServerRolesFixes(t *testing.T) {
	cases := []struct{ version, role, fix string }{
		{"2013", "hub_transport", `: remove "hub_transport" from roles (the Mailbox role carries transport)`},
		{"2016", "hub_transport", `: remove "hub_transport" from roles (the Mailbox role carries transport)`},
		{"2016", "client_access", `: remove "client_access" from roles (the Mailbox role serves clients)`},
		{"SE", "client_access", `: remove "client_access" from roles (the Mailbox role serves clients)`},
		{"2013", "unified_messaging", `: remove "unified_messaging" from roles (Unified Messaging runs on the Mailbox role)`},
		{"2016", "unified_messaging", `: remove "unified_messaging" from roles (Unified Messaging runs on the Mailbox role)`},
		{"2019", "unified_messaging", `: remove "unified_messaging" from roles`},
		{"SE", "unified_messaging", `: remove "unified_messaging" from roles`},
		{"2007", "front_end", `: remove "front_end" from roles and list the server's roles instead`},
		{"2019", "back_end", `: remove "back_end" from roles and list the server's roles instead`},
		{"2003", "mailbox", `EX declares the Mailbox role; Exchange Server 2003 has no server roles: its servers are front-end or back-end servers: ` +
			`remove "mailbox" from roles, and declare the server as "front_end" or "back_end"`},
		{"2000", "edge_transport", `: remove "edge_transport" from roles, and declare the server as "front_end" or "back_end"`},
		{"5.5", "front_end", `EX declares the front-end role; Exchange Server 5.5 has no server roles: remove "front_end" from roles`},
	}
	for _, tc := range cases {
		fs := check(t, serverRolesInvalid{}, today, org(srv("EX", tc.version, hostLastLevel(t, tc.version), fmt.Sprintf("roles = [%q]", tc.role))))
		hostExpectOne(t, tc.version+" "+tc.role, fs, lint.Error, "server.EX.roles[0]", tc.fix)
		if len(fs) == 1 && !strings.HasSuffix(fs[0].Message, tc.fix) {
			t.Errorf("%s %s: want the message to end %q: %s", tc.version, tc.role, tc.fix, fs[0].Message)
		}
	}
}

// Exchange 2013 has the Edge Transport role from SP1 = CU4: CU4 (by name, by
// its SP1 alias and by build) passes, CU3 and the build just below CU4 fail;
// an unknown level is not judged.
func TestServerRoles2013Edge(t *testing.T) {
	cases := []struct {
		level string
		fails bool
	}{
		{"RTM", true}, {"CU1", true}, {"CU3", true}, {"15.0.847.31", true},
		{"CU4", false}, {"SP1", false}, {"15.0.847.32", false}, {"CU5", false}, {"CU23", false},
		{hostUnknownLevel, false},
	}
	for _, tc := range cases {
		fs := check(t, serverRolesInvalid{}, today, org(srv("EDGE", "2013", tc.level, `roles = ["edge_transport"]`)))
		what := "2013 " + tc.level + " Edge"
		if !tc.fails {
			hostExpectNone(t, what, fs)
			continue
		}
		hostExpectOne(t, what, fs, lint.Error, "server.EDGE.roles[0]",
			"EDGE declares the Edge Transport role on Exchange Server 2013", "which has it only from SP1 = CU4 (15.0.847.32)",
			"install SP1 = CU4 or later on EDGE")
	}
}

// Without roles, nothing.
func TestServerRolesAbsent(t *testing.T) {
	hostExpectNone(t, "no roles", check(t, serverRolesInvalid{}, today, org(srv("EX", "2016", "CU23"))))
	hostExpectNone(t, "empty roles", check(t, serverRolesInvalid{}, today, org(srv("EX", "2016", "CU23", "roles = []"))))
}

// Edge Transport with any other role the version has, from 2007 on.
func TestServerRolesEdgeCombined(t *testing.T) {
	for _, version := range []string{"2007", "2010", "2013", "2016", "2019", "SE"} {
		for _, role := range hostRoleFacts[version] {
			if role == "edge_transport" {
				continue
			}
			src := org(srv("EX", version, hostLastLevel(t, version), fmt.Sprintf(`roles = ["edge_transport", %q]`, role)))
			hostExpectOne(t, version+" Edge with "+role, check(t, serverRolesEdgeCombined{}, today, src), lint.Error, "server.EX.roles",
				"EX combines the Edge Transport role with the "+roleName(role)+" role", "and Edge Transport cannot share a server: put Edge Transport on a server of its own",
				"put Edge Transport on a server of its own")
		}
		src := org(srv("EX", version, hostLastLevel(t, version), `roles = ["edge_transport"]`))
		hostExpectNone(t, version+" Edge alone", check(t, serverRolesEdgeCombined{}, today, src))
	}
	// several other roles: one finding naming them all
	src := org(srv("EX", "2010", "SP3 RU32", `roles = ["mailbox", "edge_transport", "hub_transport"]`))
	hostExpectOne(t, "2010 Edge with two roles", check(t, serverRolesEdgeCombined{}, today, src), lint.Error, "server.EX.roles",
		"with the Mailbox and Hub Transport roles")
	cases := []struct{ name, src string }{
		// a role the version lacks is server-roles-invalid's finding
		{"2016 Edge with Client Access", org(srv("EX", "2016", "CU23", `roles = ["edge_transport", "client_access"]`))},
		// 2013 before SP1 has no Edge role: server-roles-invalid
		{"2013 CU3 Edge with Mailbox", org(srv("EX", "2013", "CU3", `roles = ["edge_transport", "mailbox"]`))},
		// no Edge Transport role before 2007
		{"2003 Edge with back-end", org(srv("EX", "2003", "SP2", `roles = ["edge_transport", "back_end"]`))},
		{"no Edge", org(srv("EX", "2010", "SP3 RU32", `roles = ["mailbox", "hub_transport"]`))},
	}
	for _, tc := range cases {
		hostExpectNone(t, tc.name, check(t, serverRolesEdgeCombined{}, today, tc.src))
	}
	// 2013 at an unknown level: with or without SP1, Edge and Mailbox cannot share a server
	src = org(srv("EX", "2013", hostUnknownLevel, `roles = ["edge_transport", "mailbox"]`))
	hostExpectOne(t, "2013 unknown level", check(t, serverRolesEdgeCombined{}, today, src), lint.Error, "server.EX.roles", "Mailbox role")
}

// A 2013 server with only one of Client Access and Mailbox.
func TestServerRoles2013Split(t *testing.T) {
	cases := []struct {
		version, roles string
		msg            string // "" for no finding
	}{
		{"2013", `["mailbox"]`, `EX runs Exchange Server 2013 with the Mailbox role only, and Microsoft recommends both roles on each 2013 server: install the Client Access role too (add "client_access" to roles)`},
		{"2013", `["client_access"]`, `with the Client Access role only`},
		{"2013", `["client_access", "mailbox"]`, ""},
		{"2013", `["mailbox", "client_access"]`, ""},
		{"2013", `["edge_transport"]`, ""},
		{"2013", `["edge_transport", "mailbox"]`, ""},
		{"2013", `["hub_transport"]`, ""},
		{"2013", `[]`, ""},
		{"2010", `["mailbox"]`, ""},
		{"2016", `["mailbox"]`, ""},
	}
	for _, tc := range cases {
		fs := check(t, serverRoles2013Split{}, today, org(srv("EX", tc.version, hostLastLevel(t, tc.version), "roles = "+tc.roles)))
		what := tc.version + " " + tc.roles
		if tc.msg == "" {
			hostExpectNone(t, what, fs)
			continue
		}
		hostExpectOne(t, what, fs, lint.Info, "server.EX.roles", tc.msg)
	}
	hostExpectNone(t, "no roles", check(t, serverRoles2013Split{}, today, org(srv("EX", "2013", "CU23"))))
	hostExpectOne(t, "unknown level", check(t, serverRoles2013Split{}, today, org(srv("EX", "2013", hostUnknownLevel, `roles = ["mailbox"]`))),
		lint.Info, "server.EX.roles", "Mailbox role only")
}
