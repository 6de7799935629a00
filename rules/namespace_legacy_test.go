package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestNamespaceLegacy(t *testing.T) {
	ex07 := srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["client_access", "mailbox"]`)
	ns := func(host string, attrs ...string) string {
		return hclBlock(`namespace "`+host+`"`, append(attrs, `port = 443`)...)
	}
	const msg07 = `EX07 runs Exchange Server 2007 beside Exchange Server 2013 (EX13) without a legacy namespace for its users`
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"2007 beside 2013, no namespace", []string{ex07, ex13},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"2007 beside 2013, only the main namespace", []string{ex07, ex13, ns("mail.contoso.com")},
			[]wantFinding{{lint.Error, "server.EX07.version", `Add namespace "legacy.contoso.com" with legacy = true`}}},
		// Once the 2007 mailboxes have moved, no user needs the legacy name.
		{"2007 emptied", []string{srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`, "mailboxes = 0"), ex13}, nil},
		{"2007 with one mailbox left", []string{srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox", "client_access", "hub_transport"]`, "mailboxes = 1"), ex13},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"one 2007 server emptied, another silent", []string{srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox"]`, "mailboxes = 0"),
			srv("EX07B", "2007", "SP3 RU23", `roles = ["mailbox"]`), ex13},
			[]wantFinding{{lint.Error, "server.EX07.version", `EX07 runs Exchange Server 2007`}}},
		{"a namespace marked legacy", []string{ex07, ex13, ns("mail.contoso.com"), ns("old.contoso.com", `legacy = true`)}, nil},
		{"a namespace named legacy", []string{ex07, ex13, ns("legacy.contoso.com")}, nil},
		{"named legacy, marked not", []string{ex07, ex13, ns("legacy.contoso.com", `legacy = false`)},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"marked not legacy", []string{ex07, ex13, ns("mail.contoso.com", `legacy = false`)},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"2007 beside 2010", []string{ex07, srv("EX10", "2010", "SP3 RU32", `roles = ["client_access"]`)},
			[]wantFinding{{lint.Error, "server.EX07.version", "beside Exchange Server 2010 (EX10)"}}},
		{"2003 beside 2010", []string{srv("EX03", "2003", "SP2", `roles = ["back_end"]`), srv("EX10", "2010", "SP3 RU32")},
			[]wantFinding{{lint.Error, "server.EX03.version", "EX03 runs Exchange Server 2003 beside Exchange Server 2010 (EX10)"}}},
		{"2003 and 2007 beside 2010", []string{srv("EX03", "2003", "SP2"), ex07, srv("EX10", "2010", "SP3 RU32")},
			[]wantFinding{{lint.Error, "server.EX03.version", "EX03 runs Exchange Server 2003"}, {lint.Error, "server.EX07.version", "EX07 runs Exchange Server 2007"}}},
		{"2010 beside 2013: two namespaces suffice", []string{srv("EX10", "2010", "SP3 RU32"), ex13}, nil},
		{"2010 beside 2016", []string{srv("EX10", "2010", "SP3 RU32"), srv("EX16", "2016", "CU23")}, nil},
		{"2003 beside 2007: not judged", []string{srv("EX03", "2003", "SP2"), ex07}, nil},
		{"2007 alone", []string{ex07}, nil},
		{"2013 alone", []string{ex13}, nil},
		{"roles unknown", []string{srv("EX07", "2007", "SP3 RU23"), srv("EX13", "2013", "CU23")},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"the 2007 servers serve no user", []string{srv("HUB07", "2007", "SP3 RU23", `roles = ["hub_transport"]`),
			srv("EDGE07", "2007", "SP3 RU23", `roles = ["edge_transport"]`), ex13}, nil},
		{"the first 2007 server that serves users", []string{srv("HUB07", "2007", "SP3 RU23", `roles = ["hub_transport"]`), ex07, ex13},
			[]wantFinding{{lint.Error, "server.EX07.version", msg07}}},
		{"the legacy name in the first domain", []string{ex07, ex13, hclBlock(`domain "fabrikam.com"`, `mx = "on_premises"`)},
			[]wantFinding{{lint.Error, "server.EX07.version", `Add namespace "legacy.fabrikam.com"`}}},
		{"no domain known", []string{ex07, ex13}, []wantFinding{{lint.Error, "server.EX07.version", `Add namespace "legacy.<domain>"`}}},
		{"no 2013 Client Access server", []string{ex07, srv("MBX13", "2013", "CU23", `roles = ["mailbox"]`)}, nil},
	}
	for _, tc := range cases {
		fs := check(t, namespaceLegacy{}, today, org(tc.blocks...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}
