package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// connectorExchangeOnline reports connectors to or from Exchange Online
// without what mail with Exchange Online needs: cloud services mail, TLS
// that validates Exchange Online's certificate, their certificate on every
// server, and a certificate in a domain of the tenant.
type connectorExchangeOnline struct{}

func init() { register(connectorExchangeOnline{}) }

func (connectorExchangeOnline) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "connector-exchange-online",
		Severity: lint.Error,
		Summary:  "a connector to or from Exchange Online without cloud services mail, required and validated TLS, its certificate on each of its servers, or a certificate in an accepted domain of the tenant",
		Sources: sources("CSS-HC-EXOCONN", "CSS-HC-HYBRID", "MS-PS-SENDCONNECTOR", "MS-PS-RECEIVECONNECTOR", "MS-HYB-CERT",
			"MC1226222"),
	}
}

// The settings are those the Hybrid Configuration Wizard gives its
// connectors, as HealthChecker checks them (CSS-HC-EXOCONN, CSS-HC-HYBRID)
// and the cmdlets define them (MS-PS-SENDCONNECTOR, MS-PS-RECEIVECONNECTOR).
// A send connector that relays internet mail through Exchange Online (every
// domain, no tenant routing domain) does not carry hybrid mail, so it needs no
// cloud services mail; the rest holds for it too.
func (connectorExchangeOnline) Check(p *lint.Pass) {
	domains := map[string]*schema.Domain{}
	for _, d := range p.Topology.Domains {
		domains[normalHost(d.Name())] = d
	}
	installed := map[*schema.Certificate]map[*schema.Server]bool{}
	verdicts := map[*schema.Certificate]string{}
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		what := facts.DescribeConnector(c.Connector)
		relay := c.RelaysInternetMail()
		switch {
		case relay:
			what += " relaying through Exchange Online"
		case c.Direction() == "send":
			what += " to Exchange Online"
		default:
			what += " from Exchange Online"
		}
		service := exoServiceDomainOf(c.Connector)
		if c.CloudServicesMail == nil && !relay {
			p.Unknown(&c.Block, "cloud_services_mail")
		}
		if c.CloudServicesMail.IsFalse() && !relay {
			p.Report(c.CloudServicesMail, what+" has cloud_services_mail = false: its mail does not count as the organization's "+
				"internal mail. Set cloud_services_mail = true")
		}
		if c.Direction() == "send" {
			exoSendTLS(p, c.Connector, what, service, relay)
			exoCertificateDomain(p, c.Connector, what, domains, verdicts)
		} else if c.TLSDomain == nil {
			p.Unknown(&c.Block, "tls_domain")
		} else if d, ok := c.TLSDomain.Get(); ok && !facts.IsExchangeOnlineServiceDomain(d) {
			p.Report(c.TLSDomain, fmt.Sprintf("%s accepts Exchange Online by tls_domain = %q, which its certificate does not "+
				"name. Set tls_domain = %q", what, d, service))
		}
		exoCertificateServers(p, c.Connector, what, installed)
	}
}

// exoSendTLS: RequireTLS, and a TlsAuthLevel that validates Exchange
// Online's certificate: certificate validation, or domain validation against
// the service domain. Exchange takes no TlsAuthLevel without RequireTLS
// (MS-PS-SENDCONNECTOR: "You can't specify a value for this parameter if ...
// the RequireTLS parameter is set to $false"), and with domain validation and
// no TlsDomain it compares the certificate with each recipient's domain
// (CSS-HC-HYBRID).
//
// For hybrid mail it is an error: the Hybrid Configuration Wizard sets both,
// and Exchange Online treats such mail as the organization's. A connector
// that only relays internet mail through Exchange Online carries mail as any
// sender's: Microsoft's health checker warns (CSS-HC-HYBRID), and so does
// the rule.
func exoSendTLS(p *lint.Pass, c *schema.Connector, what, service string, relay bool) {
	sev := lint.Error
	if relay {
		sev = lint.Warning
	}
	if c.RequireTLS == nil {
		p.Unknown(&c.Block, "require_tls")
	}
	if c.RequireTLS.IsFalse() {
		p.ReportAs(sev, c.RequireTLS, what+" has require_tls = false: it then validates no certificate and may send in clear. "+
			"Set require_tls = true")
	}
	auth, ok := c.TLSAuth.Get()
	switch {
	case !ok:
		p.Unknown(&c.Block, "tls_auth")
	case auth == "none" || auth == "encryption_only":
		p.ReportAs(sev, c.TLSAuth, fmt.Sprintf("%s has tls_auth = %q: it never checks Exchange Online's certificate. "+
			"Set tls_auth = \"domain_validation\" with tls_domain = %q", what, auth, service))
	case auth == "domain_validation" && c.TLSDomain == nil:
		p.ReportAs(sev, c.TLSAuth, fmt.Sprintf("%s has domain validation without tls_domain, so it checks Exchange Online's "+
			"certificate against each recipient's domain. Set tls_domain = %q", what, service))
	case auth == "domain_validation" && !facts.IsExchangeOnlineServiceDomain(c.TLSDomain.Value):
		p.ReportAs(sev, c.TLSDomain, fmt.Sprintf("%s validates Exchange Online's certificate against %q, a name it does not have. "+
			"Set tls_domain = %q", what, c.TLSDomain.Value, service))
	}
}

// exoCertificateServers: every server of the connector presents its
// certificate, so the certificate must be installed on each (MS-HYB-CERT:
// on every Mailbox, Client Access and Edge Transport server that carries
// hybrid mail). Judged when the certificate states its servers.
func exoCertificateServers(p *lint.Pass, c *schema.Connector, what string, installed map[*schema.Certificate]map[*schema.Server]bool) {
	switch {
	case c.TLSCertificate == nil:
		p.Unknown(&c.Block, "tls_certificate")
	case c.Servers == nil:
		p.Unknown(&c.Block, "servers")
	case c.TLSCertificate.Resolved() && c.TLSCertificate.Target.Servers == nil:
		p.UnknownFor(c, &c.TLSCertificate.Target.Block, "servers")
	}
	if !c.TLSCertificate.Resolved() || c.TLSCertificate.Target.Servers == nil || c.Servers == nil {
		return
	}
	cert := c.TLSCertificate.Target
	on, ok := installed[cert]
	if !ok {
		on = map[*schema.Server]bool{}
		for _, s := range cert.Servers.Targets() {
			on[s] = true
		}
		installed[cert] = on
	}
	seen := map[*schema.Server]bool{}
	for _, it := range c.Servers.Items {
		if it.Target == nil || on[it.Target] || seen[it.Target] {
			continue
		}
		seen[it.Target] = true
		name := it.Target.Name()
		p.Report(it, fmt.Sprintf("%s lacks certificate %q of %s: it cannot present it. "+
			"Install the certificate on %s and add %s to its servers", name, cert.Name(), what, name, name),
			related(cert.Servers, fmt.Sprintf("%q is installed on these servers", cert.Name())))
	}
}

// exoCertificateDomain: Exchange Online tells which tenant mail from an
// on-premises organization belongs to first by the domain of the certificate
// its server presents; Microsoft warns that a certificate "for a domain that
// is NOT an Accepted Domain of the tenant" makes mail flow fail, now or after
// a tenant move (MC1226222). The certificate must name a domain verified in
// the tenant, or a host in one (mail.contoso.com for contoso.com). Judged
// when the topology describes its domains and the certificate its names; a
// name in a domain whose verification is unknown passes. Each certificate's
// verdict is worked out once (why, "" when it passes).
func exoCertificateDomain(p *lint.Pass, c *schema.Connector, what string, domains map[string]*schema.Domain, verdicts map[*schema.Certificate]string) {
	if !c.TLSCertificate.Resolved() || len(domains) == 0 {
		return
	}
	cert := c.TLSCertificate.Target
	why, ok := verdicts[cert]
	if !ok {
		why = exoCertificateVerdict(cert, domains)
		verdicts[cert] = why
		if why == "" && p.Coverage() {
			exoCertificateUnknowns(p, c, cert, domains)
		}
	}
	if why != "" {
		p.Report(c.TLSCertificate, fmt.Sprintf("certificate %q of %s %s: Exchange Online may attribute its mail to the "+
			"wrong tenant. Use a certificate with a name in a verified domain", cert.Name(), what, why))
	}
}

func exoCertificateVerdict(cert *schema.Certificate, domains map[string]*schema.Domain) string {
	if cert.Names == nil {
		return "" // the alternative names are unknown and may hold one
	}
	var hosts []string
	if cert.Subject != nil {
		hosts = append(hosts, cert.Subject.Value)
	}
	hosts = append(hosts, cert.Names.Values()...)
	if len(hosts) == 0 {
		return ""
	}
	var unverified string
	for _, h := range hosts {
		d := exoDomainOf(domains, normalHost(strings.TrimPrefix(h, "*.")))
		switch {
		case d == nil:
		case !d.Verified.IsFalse():
			return "" // verified, or not known not to be
		case unverified == "":
			unverified = d.Name()
		}
	}
	why := "names no domain verified in the tenant"
	if unverified != "" {
		why += fmt.Sprintf(" (%s is not verified)", unverified)
	}
	return why
}

// exoCertificateUnknowns declares what would settle a certificate that
// passes for lack of it: its alternative names, or whether the domains its
// names are in are verified, when none is known to be.
func exoCertificateUnknowns(p *lint.Pass, c *schema.Connector, cert *schema.Certificate, domains map[string]*schema.Domain) {
	if cert.Names == nil {
		p.UnknownFor(c, &cert.Block, "names")
		return
	}
	var unstated []*schema.Domain
	hosts := cert.Names.Values()
	if cert.Subject != nil {
		hosts = append(hosts, cert.Subject.Value)
	}
	for _, h := range hosts {
		d := exoDomainOf(domains, normalHost(strings.TrimPrefix(h, "*.")))
		switch {
		case d == nil:
		case d.Verified.IsTrue():
			return
		case d.Verified == nil:
			unstated = append(unstated, d)
		}
	}
	for _, d := range unstated {
		p.UnknownFor(c, &d.Block, "verified")
	}
}

// exoDomainOf returns the domain block that is host or its nearest parent
// domain, or nil.
func exoDomainOf(domains map[string]*schema.Domain, host string) *schema.Domain {
	for h := host; h != ""; {
		if d, ok := domains[h]; ok {
			return d
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok {
			break
		}
		h = rest
	}
	return nil
}

// exoServiceDomainOf is the service domain of the cloud a connector talks
// to, for the fix: that of its smart hosts (21Vianet, US Government), else
// the worldwide one.
func exoServiceDomainOf(c *schema.Connector) string {
	for _, h := range c.SmartHosts.Values() {
		h = normalHost(h)
		for _, cloud := range []string{"partner.outlook.cn", "office365.us"} {
			if strings.HasSuffix(h, ".mail.protection."+cloud) {
				return "mail.protection." + cloud
			}
		}
	}
	return "mail.protection.outlook.com"
}
