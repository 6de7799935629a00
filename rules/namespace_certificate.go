package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// namespaceCertificate reports namespaces their certificate does not cover or
// that clients outside will not trust, and Autodiscover domains whose name is
// on no certificate.
type namespaceCertificate struct{}

func init() { register(namespaceCertificate{}) }

func (namespaceCertificate) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "namespace-certificate",
		Severity: lint.Error,
		Summary:  "a namespace its certificate does not cover, or a self-signed one outside; an Autodiscover domain whose name is on no certificate",
		Sources:  sources("MS-CERTS", "MS-HYB-PREREQ", "MS-AUTOD-SRV"),
	}
}

func (namespaceCertificate) Check(p *lint.Pass) {
	names := map[*schema.Certificate]certNames{}
	namesOf := func(c *schema.Certificate) certNames {
		n, ok := names[c]
		if !ok {
			n = certNamesOf(c)
			names[c] = n
		}
		return n
	}
	served := map[string]bool{} // namespaces that name their certificate
	for _, n := range p.Topology.Namespaces {
		if n.Certificate == nil {
			p.Unknown(&n.Block, "certificate")
		}
		if !n.Certificate.Resolved() {
			continue
		}
		c := n.Certificate.Target
		host := normalHost(n.Name())
		served[host] = true
		if cn := namesOf(c); !cn.known && !cn.covers(host) {
			p.UnknownFor(n, &c.Block, "names")
		} else if cn.known && !cn.covers(host) {
			p.Report(n.Certificate, fmt.Sprintf("namespace %s is not on certificate %q (%s): clients refuse the connection. "+
				"Add %s to the certificate's names", host, c.Name(), cn.describe(), host),
				lint.Related{Range: cn.at.SourceRange(), Message: fmt.Sprintf("the names of %q", c.Name())})
		}
		namespaceIssuer(p, n, c)
	}
	autodiscoverNames(p, served, namesOf)
}

// namespaceIssuer: clients trust only certificates from a certification
// authority they know. A self-signed certificate is trusted by no client
// (MS-CERTS: it "isn't automatically trusted by client computers and mobile
// devices"); an enterprise CA's by the organization's own computers only.
// Microsoft recommends "certificates from a commercial CA for client and
// external server connections" (MS-CERTS). An external namespace, or one whose
// scope is not stated, served by a self-signed certificate is an error; an
// internal one a warning; an enterprise CA outside a warning.
func namespaceIssuer(p *lint.Pass, n *schema.Namespace, c *schema.Certificate) {
	issuer, ok := c.Issuer.Get()
	if !ok {
		p.UnknownFor(n, &c.Block, "issuer")
		return
	}
	if issuer == "enterprise_ca" && n.Scope == nil {
		p.Unknown(&n.Block, "scope") // a warning outside only
	}
	scope, _ := n.Scope.Get()
	host := normalHost(n.Name())
	switch {
	case issuer == "self_signed" && scope != "internal":
		where := "external namespace"
		if scope == "" {
			where = "namespace"
		}
		p.Report(n.Certificate, fmt.Sprintf("%s %s is served by self-signed certificate %q: no client trusts it. "+
			"Serve it with a certificate from a public CA", where, host, c.Name()),
			lint.Related{Range: c.Issuer.SourceRange(), Message: fmt.Sprintf("%q is self-signed", c.Name())})
	case issuer == "self_signed":
		p.ReportAs(lint.Warning, n.Certificate, fmt.Sprintf("internal namespace %s is served by self-signed certificate %q: "+
			"clients do not trust it unless each is told to. Serve it with a certificate from a public or enterprise CA", host, c.Name()),
			lint.Related{Range: c.Issuer.SourceRange(), Message: fmt.Sprintf("%q is self-signed", c.Name())})
	case issuer == "enterprise_ca" && scope == "external":
		p.ReportAs(lint.Warning, n.Certificate, fmt.Sprintf("external namespace %s is served by certificate %q from an "+
			"enterprise CA: devices outside the domain do not trust it. Serve it with a certificate from a public CA", host, c.Name()),
			lint.Related{Range: c.Issuer.SourceRange(), Message: fmt.Sprintf("%q is from an enterprise CA", c.Name())})
	}
}

// autodiscoverNames: a domain whose Autodiscover record points on premises
// needs autodiscover.<domain> on the certificate bound to IIS (MS-CERTS:
// the names a certificate needs are those clients use, Autodiscover's among
// them; MS-HYB-PREREQ: the Autodiscover endpoint must be in the SAN). A
// namespace of that name with a certificate is judged as a namespace. The
// certificates that may serve it are those bound to IIS or whose services are
// not stated; a topology that describes no certificate, or one of them whose
// names are unknown, is not judged.
func autodiscoverNames(p *lint.Pass, served map[string]bool, namesOf func(*schema.Certificate) certNames) {
	if len(p.Topology.Certificates) == 0 {
		return
	}
	var web []*schema.Certificate
	all := certNames{exact: map[string]bool{}} // the names of all of them
	for _, c := range p.Topology.Certificates {
		if c.Services == nil || c.Services.Has("iis") {
			cn := namesOf(c)
			if !cn.known {
				autodiscoverUnknown(p, served, c)
				return
			}
			web = append(web, c)
			for h := range cn.exact {
				all.exact[h] = true
			}
		}
	}
	for _, d := range p.Topology.Domains {
		if d.Autodiscover == nil {
			p.Unknown(&d.Block, "autodiscover")
		}
		if !d.Autodiscover.Is("on_premises") {
			continue
		}
		host := "autodiscover." + normalHost(d.Name())
		if served[host] {
			continue
		}
		if all.covers(host) {
			continue
		}
		if len(web) == 0 {
			p.Report(d.Autodiscover, fmt.Sprintf("Autodiscover for %s points on premises to %s, and no certificate is bound to "+
				"IIS: Outlook cannot set itself up. Bind a certificate that names it to IIS", d.Name(), host))
			continue
		}
		cn := namesOf(web[0])
		rel := lint.Related{Range: cn.at.SourceRange(), Message: fmt.Sprintf("the names of %q", web[0].Name())}
		if !hybridDomain(p, d) {
			// Outlook also finds Autodiscover through an SRV record or an
			// HTTP redirect to a name the certificate has (MS-AUTOD-SRV).
			p.ReportAs(lint.Warning, d.Autodiscover, fmt.Sprintf("Autodiscover for %s points on premises to %s, which no IIS "+
				"certificate names: add it to certificate %q, or publish an SRV record _autodiscover._tcp.%s to a name it has",
				d.Name(), host, web[0].Name(), normalHost(d.Name())), rel)
			continue
		}
		p.Report(d.Autodiscover, fmt.Sprintf("Autodiscover for %s points on premises to %s, which no IIS certificate names: "+
			"Outlook warns or cannot set itself up. Add it to certificate %q", d.Name(), host, web[0].Name()), rel)
	}
}

// autodiscoverUnknown declares the names of an IIS certificate that keep
// the Autodiscover names of the domains pointing on premises from being
// judged.
func autodiscoverUnknown(p *lint.Pass, served map[string]bool, c *schema.Certificate) {
	for _, d := range p.Topology.Domains {
		if d.Autodiscover.Is("on_premises") && !served["autodiscover."+normalHost(d.Name())] {
			p.UnknownFor(d, &c.Block, "names")
			return
		}
	}
}

// certNames are the host names a certificate covers: its subject and its
// subject alternative names. known is false when the alternative names are
// not stated: the certificate may then cover more than its subject.
type certNames struct {
	exact map[string]bool
	list  []string // as written, for messages
	known bool
	at    schema.Node // where the names are written
}

func certNamesOf(c *schema.Certificate) certNames {
	cn := certNames{exact: map[string]bool{}, known: c.Names != nil, at: c}
	add := func(s *schema.String) {
		if s == nil {
			return
		}
		h := normalHost(s.Value)
		if !cn.exact[h] {
			cn.exact[h] = true
			cn.list = append(cn.list, h)
		}
	}
	add(c.Subject)
	if c.Names != nil {
		for _, it := range c.Names.Items {
			add(it)
		}
		cn.at = c.Names
	} else if c.Subject != nil {
		cn.at = c.Subject
	}
	return cn
}

// covers reports whether host is one of the names, or matches a wildcard
// name: "*.contoso.com" covers exactly one label more ("mail.contoso.com",
// neither "contoso.com" nor "a.mail.contoso.com": MS-CERTS).
func (cn certNames) covers(host string) bool {
	if cn.exact[host] {
		return true
	}
	if i := strings.IndexByte(host, '.'); i > 0 {
		return cn.exact["*"+host[i:]]
	}
	return false
}

// describe lists the names for a message: "mail.contoso.com and
// autodiscover.contoso.com", shortened, or "no names".
func (cn certNames) describe() string {
	if len(cn.list) == 0 {
		return "no names"
	}
	if len(cn.list) > 3 {
		return strings.Join(cn.list[:3], ", ") + fmt.Sprintf(" and %d more", len(cn.list)-3)
	}
	return strings.Join(cn.list, ", ")
}

// normalHost is a host name as DNS compares it: lower case, without the
// root's trailing dot.
func normalHost(h string) string { return strings.ToLower(strings.TrimSuffix(h, ".")) }

// hybridDomain reports whether d is one of the hybrid deployment's domains,
// whose Autodiscover endpoint must be on the certificate (MS-HYB-PREREQ).
func hybridDomain(p *lint.Pass, d *schema.Domain) bool {
	h := p.Topology.Hybrid
	if h == nil || h.Domains == nil {
		return false
	}
	for _, t := range h.Domains.Targets() {
		if t == d {
			return true
		}
	}
	return false
}
