package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
)

// exoConnectorTLS reports connectors to or from Exchange Online without the
// TLS settings hybrid mail needs.
type exoConnectorTLS struct{}

func init() { register(exoConnectorTLS{}) }

func (exoConnectorTLS) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exo-connector-tls",
		Severity: lint.Warning,
		Summary:  "a connector to Exchange Online without the TLS settings hybrid mail needs",
		Sources:  sources("CSS-HC-EXOCONN", "CSS-HC-HYBRID"),
		// connector-exchange-online reports the same settings as errors, at
		// the same attributes.
		Yields: []string{"connector-exchange-online"},
	}
}

// The settings, as HealthChecker checks them (CSS-HC-EXOCONN): a send
// connector to Exchange Online needs TlsCertificateName and
// CloudServicesMailEnabled ("misconfigured to send authenticated internal
// mail to M365" without them), a TlsAuthLevel of CertificateValidation or
// DomainValidation, and with DomainValidation a TlsDomain of the service
// domain (mail.protection.outlook.com). A cloud mail enabled receive
// connector needs TlsCertificateName too (CSS-HC-HYBRID: "There is no
// 'TlsCertificateName' configured for this cloud mail enabled connector").
var exoTLSAuth = map[string]bool{"certificate_validation": true, "domain_validation": true}

func (exoConnectorTLS) Check(p *lint.Pass) {
	// Only stated settings are judged: an attribute the topology leaves out
	// is unknown (docs/language.md), so a connector that does not state its
	// certificate or TLS settings is not reported for them.
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		what := fmt.Sprintf("%s %s Exchange Online (%s)", facts.DescribeConnector(c.Connector),
			map[bool]string{true: "sends mail to", false: "receives mail from"}[c.Direction() == "send"], c.Evidence)
		relay := c.RelaysInternetMail()
		if relay {
			what += " to relay mail to the internet"
		}
		if c.Direction() == "send" {
			checkExoSend(p, c, what, relay)
		} else {
			checkExoReceive(p, c, what)
		}
	}
}

func checkExoSend(p *lint.Pass, c facts.ExchangeOnlineConnector, what string, relay bool) {
	if c.CloudServicesMail == nil && !relay {
		p.Unknown(&c.Block, "cloud_services_mail")
	}
	switch {
	case c.TLSAuth == nil:
		p.Unknown(&c.Block, "tls_auth")
	case c.TLSAuth.Is("domain_validation") && c.TLSDomain == nil:
		p.Unknown(&c.Block, "tls_domain")
	}
	if c.CloudServicesMail.IsFalse() && !relay {
		p.Report(c.CloudServicesMail, what+" with cloud_services_mail = false, so its mail is not the organization's internal mail: "+
			"set cloud_services_mail = true")
	}
	switch {
	case c.TLSAuth != nil && !exoTLSAuth[c.TLSAuth.Value]:
		p.Report(c.TLSAuth, what+" without validating Exchange Online's certificate: set tls_auth = \"domain_validation\" and tls_domain = "+
			"\"mail.protection.outlook.com\"")
	case c.TLSAuth.Is("domain_validation") && c.TLSDomain != nil && !facts.IsExchangeOnlineServiceDomain(c.TLSDomain.Value):
		p.Report(c.TLSDomain, what+" and checks Exchange Online's certificate against another name: "+
			"set tls_domain = \"mail.protection.outlook.com\"")
	}
}

func checkExoReceive(p *lint.Pass, c facts.ExchangeOnlineConnector, what string) {
	if c.CloudServicesMail == nil {
		p.Unknown(&c.Block, "cloud_services_mail")
	}
	if c.TLSDomain == nil {
		p.Unknown(&c.Block, "tls_domain")
	}
	if c.CloudServicesMail.IsFalse() {
		p.Report(c.CloudServicesMail, what+" with cloud_services_mail = false, so its mail is not accepted as the organization's internal mail: "+
			"set cloud_services_mail = true")
	}
	if c.TLSDomain != nil && !facts.IsExchangeOnlineServiceDomain(c.TLSDomain.Value) {
		p.Report(c.TLSDomain, what+" and cannot tell Exchange Online's certificate from others: set tls_domain = \"mail.protection.outlook.com\"")
	}
}
