package rules

import (
	"testing"

	"github.com/exlint/exlint/lint"
)

// The Hybrid Configuration Wizard's connectors, on EX, with certificate
// "hybrid" (see exo_connector_tls_test.go), and require_tls as it sets it.
var hcwSendTLS = append(append([]string(nil), hcwSend...), `require_tls = true`)

func TestConnectorExchangeOnlineSend(t *testing.T) {
	const c = "connector.send.O365."
	cases := []struct {
		name  string
		attrs []string
		want  []wantFinding
	}{
		{"as the wizard sets it", hcwSendTLS, nil},
		{"certificate validation", append(without(hcwSendTLS, "tls_auth", "tls_domain"), `tls_auth = "certificate_validation"`), nil},
		{"nothing stated", []string{`smart_hosts = ["contoso-com.mail.protection.outlook.com"]`}, nil},
		{"DNSSEC smart host", append(without(hcwSendTLS, "smart_hosts", "cloud_services_mail"), `smart_hosts = ["contoso-com.e-v1.mx.microsoft"]`,
			`cloud_services_mail = false`), []wantFinding{{lint.Error, c + "cloud_services_mail", `send connector "O365" to Exchange Online has cloud_services_mail = false`}}},
		{"cloud mail off", append(without(hcwSendTLS, "cloud_services_mail"), `cloud_services_mail = false`),
			[]wantFinding{{lint.Error, c + "cloud_services_mail", "its mail does not count as the organization's internal mail"}}},
		{"TLS not required", append(without(hcwSendTLS, "require_tls"), `require_tls = false`),
			[]wantFinding{{lint.Error, c + "require_tls", `has require_tls = false`}}},
		{"TLS requirement unstated", without(hcwSendTLS, "require_tls"), nil},
		{"encryption only", append(without(hcwSendTLS, "tls_auth", "tls_domain"), `tls_auth = "encryption_only"`),
			[]wantFinding{{lint.Error, c + "tls_auth", `has tls_auth = "encryption_only": it never checks Exchange Online's certificate`}}},
		{"no TLS authentication", append(without(hcwSendTLS, "tls_auth", "tls_domain"), `tls_auth = "none"`),
			[]wantFinding{{lint.Error, c + "tls_auth", `has tls_auth = "none"`}}},
		{"domain validation without a TLS domain", without(hcwSendTLS, "tls_domain"),
			[]wantFinding{{lint.Error, c + "tls_auth", `has domain validation without tls_domain, so it checks Exchange Online's certificate against each recipient's domain. Set tls_domain = "mail.protection.outlook.com"`}}},
		{"domain validation, another domain", append(without(hcwSendTLS, "tls_domain"), `tls_domain = "contoso.com"`),
			[]wantFinding{{lint.Error, c + "tls_domain", `against "contoso.com"`}}},
		{"a TLS domain without domain validation", append(without(hcwSendTLS, "tls_auth"), `tls_auth = "certificate_validation"`), nil},
		{"21Vianet, domain validation without a TLS domain", []string{`smart_hosts = ["contoso-com.mail.protection.partner.outlook.cn"]`,
			`tls_auth = "domain_validation"`}, []wantFinding{{lint.Error, c + "tls_auth", `Set tls_domain = "mail.protection.partner.outlook.cn"`}}},
		{"relay: no cloud mail needed", []string{`address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`tls_auth = "certificate_validation"`, `cloud_services_mail = false`}, nil},
		// A relay of internet mail: HealthChecker warns, and so does the rule.
		{"relay: TLS still validated", []string{`address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`tls_auth = "encryption_only"`}, []wantFinding{{lint.Warning, c + "tls_auth", `send connector "O365" relaying through Exchange Online has tls_auth`}}},
		{"relay: TLS not required", []string{`address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`require_tls = false`}, []wantFinding{{lint.Warning, c + "require_tls", `relaying through Exchange Online has require_tls = false`}}},
		{"not to Exchange Online", []string{`smart_hosts = ["relay.contoso.com"]`, `tls_auth = "none"`, `cloud_services_mail = false`}, nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorExchangeOnline{}, today, org(srv("EX", "SE", "RTM"), hybridCert, connector("send", "O365", tc.attrs...)))
		expectFindings(t, tc.name, fs, tc.want)
	}
}

func TestConnectorExchangeOnlineReceive(t *testing.T) {
	const c = "connector.receive.O365."
	cases := []struct {
		name  string
		attrs []string
		want  []wantFinding
	}{
		{"as the wizard sets it", hcwReceive, nil},
		{"cloud mail off", append(without(hcwReceive, "cloud_services_mail"), `cloud_services_mail = false`),
			[]wantFinding{{lint.Error, c + "cloud_services_mail", `receive connector "O365" from Exchange Online has cloud_services_mail = false`}}},
		{"another TLS domain", append(without(hcwReceive, "tls_domain"), `tls_domain = "contoso.com"`),
			[]wantFinding{{lint.Error, c + "tls_domain", `accepts Exchange Online by tls_domain = "contoso.com"`}}},
		{"TLS domain unstated", without(hcwReceive, "tls_domain"), nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorExchangeOnline{}, today, org(srv("EX", "SE", "RTM"), hybridCert, connector("receive", "O365", tc.attrs...)))
		expectFindings(t, tc.name, fs, tc.want)
	}
}

func TestConnectorExchangeOnlineCertificateServers(t *testing.T) {
	servers := srv("EX01", "SE", "RTM") + srv("EX02", "SE", "RTM")
	cert := func(on string) string { return hclBlock(`certificate "hybrid"`, `issuer = "public_ca"`, on) }
	conn := func(dir string) string {
		return hclBlock(`connector "`+dir+`" "O365"`, `servers = ["EX01", "EX02", "EX02"]`, `tls_certificate = "hybrid"`,
			`smart_hosts = ["contoso-com.mail.protection.outlook.com"]`, `cloud_services_mail = true`)
	}
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"on both", []string{cert(`servers = ["EX02", "EX01"]`), conn("send")}, nil},
		{"on one, send", []string{cert(`servers = ["EX01"]`), conn("send")},
			[]wantFinding{{lint.Error, `connector.send.O365.servers[1]`, `EX02 lacks certificate "hybrid" of send connector "O365" to Exchange Online`}}},
		{"on one, receive", []string{cert(`servers = ["EX01"]`), conn("receive")},
			[]wantFinding{{lint.Error, `connector.receive.O365.servers[1]`, `EX02 lacks certificate "hybrid" of receive connector "O365" from Exchange Online`}}},
		{"on none", []string{cert(`servers = []`), conn("send")},
			[]wantFinding{{lint.Error, `connector.send.O365.servers[0]`, "EX01 lacks"}, {lint.Error, `connector.send.O365.servers[1]`, "EX02 lacks"}}},
		{"servers unstated", []string{cert(`expires = "2027-01-01"`), conn("send")}, nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorExchangeOnline{}, today, org(append([]string{servers}, tc.blocks...)...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}

func TestConnectorExchangeOnlineCertificateDomain(t *testing.T) {
	const at = `connector.send.O365.tls_certificate`
	dom := func(name, verified string) string {
		if verified == "" {
			return hclBlock(`domain "`+name+`"`, `accepted = "authoritative"`)
		}
		return hclBlock(`domain "`+name+`"`, `verified = `+verified)
	}
	cert := func(attrs ...string) string { return hclBlock(`certificate "hybrid"`, attrs...) }
	conn := connector("send", "O365", `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`, `tls_certificate = "hybrid"`)
	cases := []struct {
		name   string
		blocks []string
		want   []wantFinding
	}{
		{"a host in a verified domain", []string{dom("contoso.com", "true"), cert(`subject = "mail.contoso.com"`, `names = ["mail.contoso.com"]`)}, nil},
		{"the verified domain itself", []string{dom("contoso.com", "true"), cert(`names = ["contoso.com"]`)}, nil},
		{"a wildcard of a verified domain", []string{dom("contoso.com", "true"), cert(`names = ["*.contoso.com"]`)}, nil},
		{"one name of several", []string{dom("contoso.com", "true"), cert(`names = ["smtp.contoso.local", "mail.contoso.com"]`)}, nil},
		{"a host of a subdomain block", []string{dom("contoso.com", "false"), dom("eu.contoso.com", "true"), cert(`names = ["mail.eu.contoso.com"]`)}, nil},
		{"verification unknown", []string{dom("contoso.com", ""), cert(`names = ["mail.contoso.com"]`)}, nil},
		{"a domain not verified", []string{dom("contoso.com", "false"), cert(`names = ["mail.contoso.com"]`)},
			[]wantFinding{{lint.Error, at, `certificate "hybrid" of send connector "O365" to Exchange Online names no domain verified in the tenant (contoso.com is not verified)`}}},
		{"no domain of the organization", []string{dom("contoso.com", "true"), cert(`subject = "smtp.contoso.local"`, `names = ["smtp.contoso.local"]`)},
			[]wantFinding{{lint.Error, at, `names no domain verified in the tenant: Exchange Online may attribute its mail to the wrong tenant`}}},
		{"the nearest domain decides", []string{dom("contoso.com", "true"), dom("eu.contoso.com", "false"), cert(`names = ["mail.eu.contoso.com"]`)},
			[]wantFinding{{lint.Error, at, `(eu.contoso.com is not verified)`}}},
		{"alternative names unknown", []string{dom("contoso.com", "true"), cert(`subject = "smtp.contoso.local"`)}, nil},
		{"no domain described", []string{cert(`names = ["smtp.contoso.local"]`)}, nil},
	}
	for _, tc := range cases {
		fs := check(t, connectorExchangeOnline{}, today, org(append([]string{srv("EX", "SE", "RTM"), conn}, tc.blocks...)...))
		expectFindings(t, tc.name, fs, tc.want)
	}
}

// exo-connector-tls gives way to connector-exchange-online where both report,
// and reports alone when connector-exchange-online is turned off.
func TestConnectorExchangeOnlineOverlap(t *testing.T) {
	src := org(srv("EX", "SE", "RTM"), hybridCert, connector("send", "O365", append(without(hcwSendTLS, "tls_auth", "tls_domain", "cloud_services_mail"),
		`tls_auth = "encryption_only"`, `cloud_services_mail = false`)...))
	rules := []lint.Rule{connectorExchangeOnline{}, exoConnectorTLS{}}
	fs := checkWith(t, rules, today, src, "")
	if got := byRule(fs, "exo-connector-tls"); got != "" {
		t.Errorf("exo-connector-tls should give way: %s\n%s", got, summary(fs))
	}
	if got := byRule(fs, "connector-exchange-online"); got != "connector.send.O365.tls_auth connector.send.O365.cloud_services_mail" {
		t.Errorf("connector-exchange-online: %s", got)
	}
	fs = checkWith(t, rules, today, src, disabled("connector-exchange-online"))
	if got := byRule(fs, "exo-connector-tls"); got != "connector.send.O365.tls_auth connector.send.O365.cloud_services_mail" {
		t.Errorf("exo-connector-tls alone: %s\n%s", got, summary(fs))
	}
}
