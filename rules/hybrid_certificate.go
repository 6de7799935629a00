package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridCertificate reports hybrid certificates that Exchange Online will not
// accept: self-signed or from a private CA, without the Autodiscover or EWS
// names, different between the hybrid transport servers, or expired.
type hybridCertificate struct{}

func init() { register(hybridCertificate{}) }

func (hybridCertificate) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-certificate",
		Severity: lint.Error,
		Summary:  "a hybrid certificate that is self-signed or from a private CA, lacks the Autodiscover or EWS names, differs between transport servers, or is expired",
		Sources:  sources("MS-HYB-PREREQ", "MS-HYB-CERT", "MS-HCW-OPTIONS", "MS-HYB-AGENT"),
	}
}

// hcNeed is what a hybrid topology asks of the certificates of one kind of
// endpoint: whether they must come from a public CA and carry the public
// names, and how sure the sources are (a warning where they disagree).
type hcNeed struct {
	required bool
	severity lint.Severity
}

var (
	hcMust   = hcNeed{true, lint.Error}
	hcShould = hcNeed{true, lint.Warning}
	hcFree   = hcNeed{}
)

// hcNeeds: per topology, the needs of the certificates bound to IIS
// (Autodiscover, EWS) and to SMTP (hybrid mail), and whether the EWS external
// name must be on the certificate (MS-HCW-OPTIONS table rows "Autodiscover /
// EWS / Transport external DNS and public certificate required" and
// "Third-Party Certificate Required").
var hcNeeds = map[string]struct{ iis, smtp, ews hcNeed }{
	"classic_full":    {hcMust, hcMust, hcMust},
	"classic_minimal": {hcMust, hcFree, hcMust}, // no connectors: no transport certificate
	"express":         {hcMust, hcFree, hcMust},
	// Modern (Hybrid Agent): Autodiscover "Yes (see note)" in one row and
	// "Yes for Autodiscover if needed, No for Hybrid Agent" in another, hence a
	// warning; EWS goes through the agent ("No"); SMTP still needs a public
	// certificate in Modern Full (MS-HYB-AGENT; "Transport external DNS and
	// public certificate required: Yes").
	"modern_full":    {hcShould, hcMust, hcFree},
	"modern_minimal": {hcShould, hcFree, hcFree},
	// No topology stated: the general prerequisites (MS-HYB-PREREQ, MS-HYB-CERT)
	// for Exchange services in hybrid.
	"": {hcMust, hcMust, hcMust},
}

// hcTransportTopologies carry hybrid mail, so their transport certificates must
// match (MS-HCW-OPTIONS: Send/Receive connectors in Full only).
var hcTransportTopologies = map[string]bool{"classic_full": true, "modern_full": true, "": true}

func (hybridCertificate) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	topo := p.Facts.HybridModeKey()
	need := hcNeeds[topo]
	certs := p.Facts.HybridCertificates()
	if len(certs) == 0 && h.Certificate == nil {
		p.Unknown(&h.Block, "certificate")
	}
	for _, c := range certs {
		hcIssuer(p, c, need.iis, need.smtp)
		hcExpiry(p, c)
	}
	hcNames(p, certs, need.iis, need.ews)
	if hcTransportTopologies[topo] {
		hcSame(p, certs)
	}
}

// hcIssuer: Exchange services in hybrid need a certificate from a trusted
// public CA; self-signed certificates are for the federation trust only
// (MS-HYB-PREREQ, MS-HYB-CERT).
func hcIssuer(p *lint.Pass, c facts.HybridCertificate, iis, smtp hcNeed) {
	issuer, ok := c.Issuer.Get()
	if !ok && ((c.IIS && iis.required) || (c.SMTP && smtp.required)) {
		p.Unknown(&c.Block, "issuer")
	}
	if !ok || issuer == "public_ca" {
		return
	}
	var sev lint.Severity
	var uses []string
	if c.IIS && iis.required {
		sev = max(sev, iis.severity)
		uses = append(uses, "Autodiscover and EWS")
	}
	if c.SMTP && smtp.required {
		sev = max(sev, smtp.severity)
		uses = append(uses, "hybrid mail")
	}
	if len(uses) == 0 {
		return
	}
	kind := "self-signed"
	if issuer == "enterprise_ca" {
		kind = "issued by a private (enterprise) CA"
	}
	// Self-signed certificates are for the federation trust only (the rule
	// page says more).
	note := ""
	if sev == lint.Warning {
		note = " (with the Hybrid Agent, only where Autodiscover is published: see the rule page)"
	}
	p.ReportAs(sev, c.Issuer, fmt.Sprintf("%s is %s, and Exchange Online trusts only public CAs for %s%s: replace it with a certificate from a public CA",
		c.Describe(), kind, strings.Join(uses, " and "), note))
}

// hcNames: the Autodiscover name of each hybrid domain and the EWS external
// host must be on the certificate that serves them (MS-HYB-PREREQ: "The EWS
// external URL and the Autodiscover endpoint that you specified in your public
// DNS must be listed in the Subject Alternative Name (SAN) field"). An EWS
// namespace that names its certificate must be on that one; other names must
// be on one of the IIS certificates of the hybrid servers, and when none has
// them, the finding goes to hybrid.certificate (else the first of them). A
// certificate whose names are unknown could cover anything: silence.
func hcNames(p *lint.Pass, certs []facts.HybridCertificate, iis, ews hcNeed) {
	if !iis.required {
		return
	}
	var web []facts.HybridCertificate
	names := map[*schema.Certificate]map[string]bool{}
	unknown := false
	for _, c := range certs {
		if !c.IIS {
			continue
		}
		web = append(web, c)
		if c.Names == nil {
			p.Unknown(&c.Block, "names")
			unknown = true
			continue
		}
		have := map[string]bool{}
		for _, n := range c.Names.Values() {
			have[strings.ToLower(n)] = true
		}
		if s, ok := c.Subject.Get(); ok {
			have[strings.ToLower(s)] = true
		}
		names[c.Certificate] = have
	}
	if len(web) == 0 {
		return
	}
	primary := web[0]
	for _, c := range web {
		if c.Named {
			primary = c
		}
	}
	missing := map[*schema.Certificate][]string{}
	seen := map[string]bool{}
	// onAny: host must be on one of the IIS certificates.
	onAny := func(host string) {
		host = strings.ToLower(host)
		if seen[host] || unknown {
			return
		}
		seen[host] = true
		for _, c := range web {
			if hcCovers(names[c.Certificate], host) {
				return
			}
		}
		missing[primary.Certificate] = append(missing[primary.Certificate], host)
	}
	for _, d := range p.Topology.Hybrid.Domains.Targets() {
		onAny("autodiscover." + d.Name())
	}
	if ews.required {
		isWeb := map[*schema.Certificate]bool{}
		for _, c := range web {
			isWeb[c.Certificate] = true
		}
		for _, n := range p.Topology.Namespaces {
			if n.Services == nil {
				p.Unknown(&n.Block, "services") // whether it serves EWS
			}
			if !n.Services.Has("ews") {
				continue
			}
			if !n.Certificate.Resolved() {
				onAny(n.Name())
				continue
			}
			c := n.Certificate.Target
			host := strings.ToLower(n.Name())
			if have, ok := names[c]; ok && isWeb[c] && !hcCovers(have, host) {
				missing[c] = append(missing[c], host)
			}
		}
	}
	for _, c := range web {
		m := missing[c.Certificate]
		if len(m) == 0 {
			continue
		}
		note := ""
		if iis.severity == lint.Warning {
			note = " (with the Hybrid Agent, only where Autodiscover is published: see the rule page)"
		}
		p.ReportAs(iis.severity, c.Names, fmt.Sprintf("%s does not cover %s, which Exchange Online connects to%s: reissue it with %s",
			c.Describe(), words.And(m), note, words.Pick(len(m), "that name", "those names")))
	}
}

// hcCovers reports whether a certificate's names cover host, directly or
// through a wildcard for its parent domain.
func hcCovers(have map[string]bool, host string) bool {
	if have[host] {
		return true
	}
	if i := strings.IndexByte(host, '.'); i > 0 {
		return have["*"+host[i:]]
	}
	return false
}

// hcExpiry: an expired certificate breaks the hybrid endpoints and mail
// that use it. A certificate is valid through its expiry day.
func hcExpiry(p *lint.Pass, c facts.HybridCertificate) {
	e, ok := c.Expires.Get()
	if !ok {
		p.Unknown(&c.Block, "expires")
		return
	}
	d, err := catalog.ParseDate(e)
	if err != nil || !p.AsOf.After(d) {
		return
	}
	p.Report(c.Expires, fmt.Sprintf("%s expired on %s, and Exchange Online refuses it for Autodiscover, EWS and hybrid mail: "+
		"renew it, install it on every server that has this one and re-run the Hybrid Configuration Wizard", c.Describe(), d))
}

// hcSame: the certificates for hybrid mail on all transport
// servers (Mailbox, Client Access, Edge) must come from the same CA with the
// same subject (MS-HYB-PREREQ, MS-HYB-CERT). The reference is
// hybrid.certificate when it serves SMTP, else the first transport
// certificate; each other one that differs is reported once.
func hcSame(p *lint.Pass, certs []facts.HybridCertificate) {
	var transport []facts.HybridCertificate
	for _, c := range certs {
		if c.SMTP {
			transport = append(transport, c)
		}
	}
	if len(transport) < 2 {
		return
	}
	ref := transport[0]
	for _, c := range transport {
		if c.Named {
			ref = c
		}
	}
	for _, c := range transport {
		if c.Certificate == ref.Certificate {
			continue
		}
		var diffs []string
		var at, refAt schema.Node
		note := func(what string, mine, theirs *schema.String) {
			a, okA := mine.Get()
			b, okB := theirs.Get()
			if !okA {
				p.Unknown(&c.Block, what)
			}
			if !okB {
				p.Unknown(&ref.Block, what)
			}
			if !okA || !okB || strings.EqualFold(a, b) {
				return
			}
			diffs = append(diffs, fmt.Sprintf("%s %q where %q has %q", what, a, ref.Name(), b))
			if at == nil {
				at, refAt = mine, theirs
			}
		}
		note("subject", c.Subject, ref.Subject)
		note("issuer", c.Issuer, ref.Issuer)
		note("issuer_name", c.IssuerName, ref.IssuerName)
		if len(diffs) == 0 {
			continue
		}
		p.Report(at, fmt.Sprintf("%s has %s: use one issuer and subject on every hybrid transport server",
			c.Describe(), words.And(diffs)),
			lint.Related{Range: refAt.SourceRange(), Message: fmt.Sprintf("%q is the hybrid transport certificate", ref.Name())})
	}
}
