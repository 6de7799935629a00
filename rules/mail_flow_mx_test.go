package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

func TestMailFlowMX(t *testing.T) {
	dom := func(attrs ...string) string { return hclBlock(`domain "contoso.com"`, attrs...) }
	se := srv("EX01", "SE", "RTM", `roles = ["mailbox"]`)
	const mx = `domain."contoso.com".mx`
	fromEXO := hclBlock(`connector "receive" "From EXO"`, `servers = ["EX01"]`, `cloud_services_mail = true`)
	toEXO := hclBlock(`connector "send" "To EXO"`, `servers = ["EX01"]`, `address_spaces = ["contoso.mail.onmicrosoft.com"]`)
	relay := hclBlock(`connector "send" "Relay"`, `servers = ["EX01"]`, `address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`)
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		// MX at Exchange Online: the way back on premises.
		{"EXO, mailboxes in EXO", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "exchange_online"`)}, nil},
		// Without hybrid, the way back is an outbound connector in Exchange
		// Online (standalone EOP), which the language does not describe.
		{"EXO, mailboxes on both sides, no hybrid", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "both"`)}, nil},
		{"EXO, mailboxes on premises, full hybrid", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "on_premises"`), hclBlock(`hybrid`, `topology = "classic_full"`)}, nil},
		{"EXO, mailboxes on premises, hybrid of unstated topology", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "on_premises"`), hclBlock(`hybrid`, `oauth = true`)}, nil},
		{"EXO, mailboxes on both sides, modern full", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "both"`), hclBlock(`hybrid`, `topology = "modern_full"`)}, nil},
		{"EXO, mailboxes on both sides, minimal hybrid", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "both"`), hclBlock(`hybrid`, `topology = "classic_minimal"`)},
			[]wantFinding{{lint.Warning, mx, `(classic_minimal creates none). Run the wizard's Full option, or add an outbound connector in Exchange Online`}}},
		{"EXO, mailboxes on both sides, express migration", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "both"`), hclBlock(`migration`, `method = "express"`)},
			[]wantFinding{{lint.Warning, mx, `(express creates none)`}}},
		{"EXO, minimal hybrid with a receive connector", []string{se, dom(`mx = "exchange_online"`, `mailboxes = "both"`),
			hclBlock(`hybrid`, `topology = "classic_minimal"`), fromEXO}, nil},
		{"EXO, mailboxes unknown", []string{se, dom(`mx = "exchange_online"`)}, nil},
		{"EXO, mailboxes unstated, a server hosts some", []string{srv("EX01", "SE", "RTM", `mailboxes = 2400`), dom(`mx = "exchange_online"`), hclBlock(`hybrid`, `topology = "classic_minimal"`)},
			[]wantFinding{{lint.Warning, mx, `MX of contoso.com points to Exchange Online, but EX01 hosts 2,400 mailboxes on premises and no connector routes mail back to them`}}},
		{"EXO, mailboxes unstated, one mailbox", []string{srv("EX01", "SE", "RTM", `mailboxes = 0`), srv("EX02", "SE", "RTM", `mailboxes = 1`),
			dom(`mx = "exchange_online"`), hclBlock(`hybrid`, `topology = "classic_minimal"`)}, []wantFinding{{lint.Warning, mx, `EX02 hosts 1 mailbox on premises`}}},
		{"EXO, a server hosts some, no hybrid", []string{srv("EX01", "SE", "RTM", `mailboxes = 2400`), dom(`mx = "exchange_online"`)}, nil},
		{"EXO, mailboxes unstated, servers empty", []string{srv("EX01", "SE", "RTM", `mailboxes = 0`), dom(`mx = "exchange_online"`)}, nil},
		{"EXO, all in EXO though a server hosts some", []string{srv("EX01", "SE", "RTM", `mailboxes = 5`), dom(`mx = "exchange_online"`, `mailboxes = "exchange_online"`)}, nil},
		{"EXO, a server hosts some, full hybrid", []string{srv("EX01", "SE", "RTM", `mailboxes = 5`), dom(`mx = "exchange_online"`), hclBlock(`hybrid`, `topology = "classic_full"`)}, nil},
		{"EXO by its MX host", []string{se, dom(`mx_hosts = ["contoso-com.mail.protection.outlook.com"]`, `mailboxes = "on_premises"`), hclBlock(`hybrid`, `topology = "express"`)},
			[]wantFinding{{lint.Warning, `domain."contoso.com".mx_hosts[0]`, `points to Exchange Online, but the mailboxes are on premises`}}},
		{"an MX host elsewhere, mx unstated", []string{se, dom(`mx_hosts = ["mx.contoso.com"]`, `mailboxes = "on_premises"`)}, nil},
		// MX on premises: the way on to Exchange Online, and a server that receives.
		{"on premises, mailboxes on premises", []string{se, dom(`mx = "on_premises"`, `mailboxes = "on_premises"`)}, nil},
		// A staged or cutover migration, or a Minimal hybrid: moved users'
		// mail is forwarded by their target address, as internet mail.
		{"on premises, mailboxes in EXO, no send connector stated", []string{se, dom(`mx = "on_premises"`, `mailboxes = "exchange_online"`)}, nil},
		{"on premises, mailboxes in EXO, a send connector to a partner only", []string{se, dom(`mx = "on_premises"`, `mailboxes = "exchange_online"`),
			hclBlock(`connector "send" "Partner"`, `servers = ["EX01"]`, `address_spaces = ["fabrikam.com"]`)},
			[]wantFinding{{lint.Error, mx, `MX of contoso.com points on premises, but the mailboxes are in Exchange Online and no send connector takes mail on to them: add one for all domains (*)`}}},
		{"on premises, staged migration through the internet connector", []string{se, dom(`mx = "on_premises"`, `mailboxes = "both"`),
			hclBlock(`connector "send" "Internet"`, `servers = ["EX01"]`, `address_spaces = ["*"]`), hclBlock(`migration`, `method = "staged"`)}, nil},
		{"on premises, mailboxes on both sides, a send connector", []string{se, dom(`mx = "on_premises"`, `mailboxes = "both"`), toEXO}, nil},
		{"on premises, mailboxes on both sides, a relay through EOP", []string{se, dom(`mx = "on_premises"`, `mailboxes = "both"`), relay}, nil},
		{"on premises, mailboxes on both sides, full hybrid", []string{se, dom(`mx = "on_premises"`, `mailboxes = "both"`), hclBlock(`hybrid`, `topology = "classic_full"`)}, nil},
		{"on premises, no Exchange server", []string{dom(`mx = "on_premises"`, `mailboxes = "exchange_online"`)},
			[]wantFinding{{lint.Error, mx, `the organization has no Exchange server there to receive the mail`}}},
		{"on premises, no transport role", []string{srv("EX10", "2010", "SP3 RU32", `roles = ["mailbox", "client_access"]`), dom(`mx = "on_premises"`)},
			[]wantFinding{{lint.Error, mx, `no server there can receive mail from the internet`}}},
		{"on premises, a Hub Transport server", []string{srv("EX10", "2010", "SP3 RU32", `roles = ["mailbox", "client_access"]`),
			srv("HUB", "2010", "SP3 RU32", `roles = ["hub_transport"]`), dom(`mx = "on_premises"`)}, nil},
		{"on premises, an Edge server", []string{srv("EDGE", "SE", "RTM", `roles = ["edge_transport"]`), dom(`mx = "on_premises"`)}, nil},
		{"on premises, a 2013 Client Access server", []string{srv("CAS", "2013", "CU23", `roles = ["client_access"]`), dom(`mx = "on_premises"`)}, nil},
		{"on premises, roles unknown", []string{srv("EX10", "2010", "SP3 RU32"), dom(`mx = "on_premises"`)}, nil},
		{"on premises, Exchange 2003: not judged", []string{srv("EX03", "2003", "SP2", `roles = ["back_end"]`), dom(`mx = "on_premises"`)}, nil},
		// EOP relied on, MX elsewhere.
		{"EOP relied on, MX on premises", []string{se, dom(`mx = "on_premises"`), hclBlock(`tenant "contoso.onmicrosoft.com"`, `eop_filtering = true`)},
			[]wantFinding{{lint.Warning, mx, `while tenant "contoso.onmicrosoft.com" relies on Exchange Online Protection: EOP cannot effectively scan mail it does not receive first`}}},
		{"EOP not relied on", []string{se, dom(`mx = "on_premises"`), hclBlock(`tenant "contoso.onmicrosoft.com"`, `eop_filtering = false`)}, nil},
		{"EOP relied on, MX at EOP", []string{se, dom(`mx = "exchange_online"`), hclBlock(`tenant "contoso.onmicrosoft.com"`, `eop_filtering = true`)}, nil},
		// A third-party MX in hybrid.
		{"third party, Enhanced Filtering off", []string{se, dom(`mx = "third_party"`), hclBlock(`hybrid`, `topology = "classic_full"`),
			hclBlock(`tenant "contoso.onmicrosoft.com"`, `enhanced_filtering = false`)},
			[]wantFinding{{lint.Warning, mx, `has Enhanced Filtering off: EOP sees the service, not the sender`}}},
		{"third party, Enhanced Filtering on", []string{se, dom(`mx = "third_party"`), hclBlock(`hybrid`, `topology = "classic_full"`),
			hclBlock(`tenant "contoso.onmicrosoft.com"`, `enhanced_filtering = true`)}, nil},
		{"third party, one tenant with it on", []string{se, dom(`mx = "third_party"`), hclBlock(`hybrid`, `topology = "classic_full"`),
			hclBlock(`tenant "a.onmicrosoft.com"`, `enhanced_filtering = false`), hclBlock(`tenant "b.onmicrosoft.com"`, `enhanced_filtering = true`)}, nil},
		{"third party, not hybrid", []string{se, dom(`mx = "third_party"`), hclBlock(`tenant "contoso.onmicrosoft.com"`, `enhanced_filtering = false`)}, nil},
		{"third party, mailboxes on premises", []string{se, dom(`mx = "third_party"`, `mailboxes = "on_premises"`), hclBlock(`hybrid`, `topology = "classic_full"`),
			hclBlock(`tenant "contoso.onmicrosoft.com"`, `enhanced_filtering = false`)}, nil},
		// mx and mx_hosts disagree.
		{"EXO host, mx on premises", []string{se, dom(`mx = "on_premises"`, `mx_hosts = ["mx1.contoso.com", "contoso-com.mail.protection.outlook.com"]`)},
			[]wantFinding{{lint.Error, `domain."contoso.com".mx_hosts[1]`, `has mx = "on_premises", but MX host contoso-com.mail.protection.outlook.com is Exchange Online Protection`}}},
		{"mx at EXO, hosts elsewhere", []string{se, dom(`mx = "exchange_online"`, `mx_hosts = ["mx1.contoso.com"]`, `mailboxes = "on_premises"`)},
			[]wantFinding{{lint.Error, `domain."contoso.com".mx_hosts`, `but no MX host (mx1.contoso.com) is Exchange Online Protection's`}}},
		{"mx at EXO, DNSSEC host", []string{se, dom(`mx = "exchange_online"`, `mx_hosts = ["contoso-com.e-v1.mx.microsoft"]`)}, nil},
		{"mx on premises, host on premises", []string{se, dom(`mx = "on_premises"`, `mx_hosts = ["mx1.contoso.com"]`)}, nil},
		{"nothing stated", []string{se, dom(`accepted = "authoritative"`)}, nil},
	}
	for _, tc := range cases {
		fs := check(t, mailFlowMX{}, today, org(tc.blocks...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}
