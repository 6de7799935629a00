package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestConnectorServersTransportRole(t *testing.T) {
	cases := []struct {
		name    string
		servers []string
		dir     string
		want    []wantFinding
	}{
		{"2019 Mailbox", []string{srv("S", "2019", "CU15", `roles = ["mailbox"]`)}, "send", nil},
		{"SE Edge", []string{srv("S", "SE", "RTM", `roles = ["edge_transport"]`)}, "send", nil},
		{"2013 Client Access", []string{srv("S", "2013", "CU23", `roles = ["client_access"]`)}, "receive", nil},
		{"2013 Mailbox", []string{srv("S", "2013", "CU23", `roles = ["mailbox"]`)}, "send", nil},
		{"2010 Hub Transport", []string{srv("S", "2010", "SP3 RU32", `roles = ["hub_transport"]`)}, "send", nil},
		{"2007 Edge", []string{srv("S", "2007", "SP3 RU23", `roles = ["edge_transport"]`)}, "receive", nil},
		{"2010 Mailbox and Client Access", []string{srv("S", "2010", "SP3 RU32", `roles = ["mailbox", "client_access"]`)}, "send",
			[]wantFinding{{lint.Error, `connector.send.C.servers[0]`, `S (Exchange Server 2010, Mailbox and Client Access) has no transport role to carry send connector "C": Exchange Server 2010 send connectors run on Hub Transport or Edge Transport servers`}}},
		// A 2013 Client Access server receives (Front End Transport), but is
		// no send connector's source: Mailbox servers are.
		{"2013 Client Access as a send connector's source", []string{srv("S", "2013", "CU23", `roles = ["client_access"]`)}, "send",
			[]wantFinding{{lint.Error, `connector.send.C.servers[0]`, `S (Exchange Server 2013, Client Access) has no transport role to carry send connector "C": Exchange Server 2013 send connectors run on Mailbox or Edge Transport servers`}}},
		{"2007 Unified Messaging", []string{srv("S", "2007", "SP3 RU23", `roles = ["unified_messaging"]`)}, "receive",
			[]wantFinding{{lint.Error, `connector.receive.C.servers[0]`, "has no transport role"}}},
		{"roles unknown", []string{srv("S", "2010", "SP3 RU32")}, "send", nil},
		{"2003: not judged", []string{srv("S", "2003", "SP2", `roles = ["back_end"]`)}, "send", nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorServers{}, today, org(append(tc.servers, hclBlock(`connector "`+tc.dir+`" "C"`, `servers = ["S"]`))...))
		expectFindings(t, tc.name, fs, tc.want)
	}
	// A server listed twice is one offending server.
	fs := check(t, connectorServers{}, today, org(srv("S", "2010", "SP3 RU32", `roles = ["mailbox"]`),
		hclBlock(`connector "send" "C"`, `servers = ["S", "S"]`)))
	expectFindings(t, "listed twice", fs, []wantFinding{{lint.Error, `connector.send.C.servers[0]`, "has no transport role"}})
}

func TestConnectorServersEdge(t *testing.T) {
	mbx := srv("EX01", "SE", "RTM", `roles = ["mailbox"]`)
	edge := func(extra ...string) string {
		return srv("EDGE01", "SE", "RTM", append([]string{`roles = ["edge_transport"]`}, extra...)...)
	}
	toEXO := []string{`smart_hosts = ["contoso-com.mail.protection.outlook.com"]`}
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"Edge alone", []string{edge(`edge_sync = true`), hclBlock(`connector "send" "Internet"`, `servers = ["EDGE01"]`, `address_spaces = ["*"]`)}, nil},
		{"internal alone", []string{mbx, hclBlock(`connector "send" "Internet"`, `servers = ["EX01"]`)}, nil},
		{"Edge beside internal", []string{mbx, edge(), hclBlock(`connector "send" "Internet"`, `servers = ["EX01", "EDGE01"]`)},
			[]wantFinding{{lint.Error, `connector.send.Internet.servers[1]`, `Edge Transport server EDGE01 is on send connector "Internet" beside internal servers (EX01): an Edge server sends through the connectors its Edge subscription creates`}}},
		{"Edge beside internal, to Exchange Online", []string{mbx, edge(), hclBlock(`connector "send" "O365"`, append(toEXO, `servers = ["EDGE01", "EX01"]`)...)},
			[]wantFinding{{lint.Error, `connector.send.O365.servers[0]`, `hybrid mail goes through the Edge servers or the internal ones, never both`}}},
		{"Edge beside internal, from Exchange Online", []string{mbx, edge(), hclBlock(`connector "receive" "O365"`, `servers = ["EX01", "EDGE01"]`, `cloud_services_mail = true`)},
			[]wantFinding{{lint.Error, `connector.receive.O365.servers[1]`, `never both`}}},
		{"Edge beside internal, another receive connector", []string{mbx, edge(), hclBlock(`connector "receive" "Internet"`, `servers = ["EX01", "EDGE01"]`)}, nil},
		{"Edge beside a server of unknown roles", []string{srv("EX01", "SE", "RTM"), edge(), hclBlock(`connector "send" "Internet"`, `servers = ["EX01", "EDGE01"]`)}, nil},
		// Without EdgeSync, an Edge server's own connector to the internet is
		// how Microsoft says to run it; a connector to Exchange Online is
		// the organization's, and reaches it only through a subscription.
		{"Edge without subscription, its own internet connector", []string{edge(`edge_sync = false`),
			hclBlock(`connector "send" "Internet"`, `servers = ["EDGE01"]`, `address_spaces = ["*"]`)}, nil},
		{"Edge without subscription, to Exchange Online", []string{edge(`edge_sync = false`), hclBlock(`connector "send" "O365"`, append(toEXO, `servers = ["EDGE01"]`)...)},
			[]wantFinding{{lint.Error, `connector.send.O365.servers[0]`, `Edge Transport server EDGE01 has no Edge subscription, so send connector "O365"`}}},
		{"Edge without subscription beside internal", []string{mbx, edge(`edge_sync = false`),
			hclBlock(`connector "send" "Internet"`, `servers = ["EX01", "EDGE01"]`)},
			[]wantFinding{{lint.Error, `connector.send.Internet.servers[1]`, `beside internal servers`}}},
		{"Edge without subscription, receive", []string{edge(`edge_sync = false`), hclBlock(`connector "receive" "Internet"`, `servers = ["EDGE01"]`)}, nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorServers{}, today, org(tc.blocks...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}

func TestConnectorServersPerimeter(t *testing.T) {
	exo := hclBlock(`connector "send" "O365"`, `servers = ["S"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`)
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"Mailbox inside", []string{srv("S", "SE", "RTM", `roles = ["mailbox"]`, `network = "internal"`), exo}, nil},
		{"Mailbox in the perimeter, to Exchange Online", []string{srv("S", "SE", "RTM", `roles = ["mailbox"]`, `network = "perimeter"`), exo},
			[]wantFinding{{lint.Error, `connector.send.O365.servers[0]`, `S (Mailbox) is a hybrid endpoint in the perimeter network`}}},
		{"Client Access in the perimeter, hybrid server", []string{srv("S", "2013", "CU23", `roles = ["client_access"]`, `network = "perimeter"`),
			hclBlock(`hybrid`, `servers = ["S"]`)},
			[]wantFinding{{lint.Error, `hybrid.servers[0]`, `S (Client Access) is a hybrid endpoint in the perimeter network`}}},
		{"Edge in the perimeter", []string{srv("S", "SE", "RTM", `roles = ["edge_transport"]`, `network = "perimeter"`), exo}, nil},
		{"network unknown", []string{srv("S", "SE", "RTM", `roles = ["mailbox"]`), exo}, nil},
		{"roles unknown", []string{srv("S", "SE", "RTM", `network = "perimeter"`), exo}, nil},
		{"in the perimeter, not hybrid", []string{srv("S", "SE", "RTM", `roles = ["mailbox"]`, `network = "perimeter"`),
			hclBlock(`connector "send" "Internet"`, `servers = ["S"]`)}, nil},
		{"listed as an Edge server (hybrid-edge's)", []string{srv("S", "SE", "RTM", `roles = ["mailbox"]`, `network = "perimeter"`),
			hclBlock(`hybrid`, `edge_servers = ["S"]`)}, nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorServers{}, today, org(tc.blocks...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}
