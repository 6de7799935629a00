package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// connector writes a connector block.
func connector(direction, name string, attrs ...string) string {
	return "connector \"" + direction + "\" \"" + name + "\" {\n  servers = [\"EX\"]\n  " + strings.Join(attrs, "\n  ") + "\n}\n"
}

// The settings of the Hybrid Configuration Wizard's connectors.
var (
	hcwSend = []string{`smart_hosts = ["contoso-com.mail.protection.outlook.com"]`, `address_spaces = ["contoso.mail.onmicrosoft.com"]`,
		`tls_certificate = "hybrid"`, `tls_auth = "domain_validation"`, `tls_domain = "mail.protection.outlook.com"`, `cloud_services_mail = true`}
	hcwReceive = []string{`tls_certificate = "hybrid"`, `tls_domain = "mail.protection.outlook.com"`, `cloud_services_mail = true`}
)

const hybridCert = "certificate \"hybrid\" {\n  issuer = \"public_ca\"\n}\n"

// without returns attrs without the ones starting with name.
func without(attrs []string, names ...string) []string {
	var out []string
next:
	for _, a := range attrs {
		for _, n := range names {
			if strings.HasPrefix(a, n+" ") {
				continue next
			}
		}
		out = append(out, a)
	}
	return out
}

func TestExoConnectorTLSSend(t *testing.T) {
	cases := []struct {
		name  string
		attrs []string
		want  []string // "address: message part", one per finding
	}{
		{"as the wizard sets it", hcwSend, nil},
		{"certificate validation", append(without(hcwSend, "tls_auth", "tls_domain"), `tls_auth = "certificate_validation"`), nil},
		{"21Vianet", []string{`smart_hosts = ["contoso-com.mail.protection.partner.outlook.cn"]`, `tls_certificate = "hybrid"`,
			`tls_auth = "domain_validation"`, `tls_domain = "mail.protection.partner.outlook.cn"`, `cloud_services_mail = true`}, nil},
		{"certificate unstated", without(hcwSend, "tls_certificate"), nil}, // unknown: not judged
		{"cloud mail off", append(without(hcwSend, "cloud_services_mail"), `cloud_services_mail = false`),
			[]string{`connector.send.O365.cloud_services_mail: with cloud_services_mail = false`}},
		{"cloud mail unstated", without(hcwSend, "cloud_services_mail"), nil},
		{"encryption only", append(without(hcwSend, "tls_auth", "tls_domain"), `tls_auth = "encryption_only"`),
			[]string{`connector.send.O365.tls_auth: without validating Exchange Online's certificate: set tls_auth = "domain_validation" and tls_domain = "mail.protection.outlook.com"`}},
		{"no TLS authentication", append(without(hcwSend, "tls_auth", "tls_domain"), `tls_auth = "none"`),
			[]string{`connector.send.O365.tls_auth: without validating Exchange Online's certificate`}},
		{"TLS authentication unstated", without(hcwSend, "tls_auth", "tls_domain"), nil},
		{"domain validation, other domain", append(without(hcwSend, "tls_domain"), `tls_domain = "contoso.com"`),
			[]string{`connector.send.O365.tls_domain: and checks Exchange Online's certificate against another name: set tls_domain = "mail.protection.outlook.com"`}},
		{"domain validation, domain unstated", without(hcwSend, "tls_domain"), nil},
		{"nothing stated", []string{`smart_hosts = ["contoso-com.mail.protection.outlook.com"]`}, nil},
		{"routing domain only, encryption only", []string{`address_spaces = ["contoso.mail.onmicrosoft.com"]`, `tls_certificate = "hybrid"`,
			`cloud_services_mail = true`, `tls_auth = "encryption_only"`}, []string{`connector.send.O365.tls_auth: without validating Exchange Online's certificate`}},
		{"not to Exchange Online", []string{`address_spaces = ["*"]`, `smart_hosts = ["relay.contoso.com"]`}, nil},
		{"relay to the internet", []string{`address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`tls_auth = "certificate_validation"`}, nil},
		{"relay to the internet, encryption only", []string{`address_spaces = ["*"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`tls_auth = "encryption_only"`}, []string{`connector.send.O365.tls_auth: to relay mail to the internet without validating`}},
		{"relay and routing domain", []string{`address_spaces = ["*", "contoso.mail.onmicrosoft.com"]`, `smart_hosts = ["contoso-com.mail.protection.outlook.com"]`,
			`tls_auth = "certificate_validation"`, `cloud_services_mail = false`}, []string{`connector.send.O365.cloud_services_mail: with cloud_services_mail = false`}},
		{"not an EOP host", []string{`smart_hosts = ["mail.protection.outlook.com"]`, `address_spaces = ["contoso.onmicrosoft.com"]`}, nil},
	}
	for _, tc := range cases {
		fs := check(t, exoConnectorTLS{}, today, org(srv("EX", "SE", "RTM"), hybridCert, connector("send", "O365", tc.attrs...)))
		checkFindings(t, tc.name, fs, tc.want)
	}
}

func TestExoConnectorTLSReceive(t *testing.T) {
	cases := []struct {
		name  string
		attrs []string
		want  []string
	}{
		{"as the wizard sets it", hcwReceive, nil},
		{"certificate unstated", without(hcwReceive, "tls_certificate"), nil},
		{"known by its domain, cloud mail off", append(without(hcwReceive, "cloud_services_mail"), `cloud_services_mail = false`),
			[]string{`connector.receive.O365.cloud_services_mail: with cloud_services_mail = false, so its mail is not accepted as the organization's internal mail: set cloud_services_mail = true`}},
		{"known by its domain, cloud mail unstated", without(hcwReceive, "cloud_services_mail"), nil},
		{"known by cloud mail, other domain", append(without(hcwReceive, "tls_domain"), `tls_domain = "contoso.com"`),
			[]string{`connector.receive.O365.tls_domain: and cannot tell Exchange Online's certificate from others: set tls_domain = "mail.protection.outlook.com"`}},
		{"known by cloud mail, domain unstated", without(hcwReceive, "tls_domain"), nil},
		{"not from Exchange Online", []string{`tls_domain = "partner.example.com"`}, nil},
	}
	for _, tc := range cases {
		fs := check(t, exoConnectorTLS{}, today, org(srv("EX", "SE", "RTM"), hybridCert, connector("receive", "O365", tc.attrs...)))
		checkFindings(t, tc.name, fs, tc.want)
	}
}

// checkFindings: one warning per wanted "address: message part", in order.
func checkFindings(t *testing.T, name string, fs []lint.Finding, want []string) {
	t.Helper()
	var ws []wantFinding
	for _, w := range want {
		addr, msg, _ := strings.Cut(w, ": ")
		ws = append(ws, wantFinding{lint.Warning, addr, msg})
	}
	expectFindings(t, name, fs, ws)
}
