package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// migrationOutlookAnywhere reports a cutover or staged migration whose
// source does not offer what the migration service connects to: Outlook
// Anywhere (RPC over HTTP) on TCP 443, with a certificate from a trusted
// certification authority that holds its name; and, from Exchange 2003, the
// RPC ports 6001, 6002 and 6004 (warning).
type migrationOutlookAnywhere struct{}

func init() { register(migrationOutlookAnywhere{}) }

func (migrationOutlookAnywhere) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "migration-outlook-anywhere",
		Severity: lint.Error,
		Summary:  "a cutover or staged migration without Outlook Anywhere on TCP 443 with a certificate from a trusted CA (warning: Exchange 2003 RPC ports)",
		Sources:  sources("MS-CUTOVER-STEPS", "MS-STAGED-STEPS"),
	}
}

func (migrationOutlookAnywhere) Check(p *lint.Pass) {
	m := p.Topology.Migration
	method := p.Facts.MigrationMethod()
	if m != nil && m.Method == nil {
		p.Unknown(&m.Block, "method")
	}
	if method != "cutover" && method != "staged" {
		return
	}
	srcs := p.Facts.MigrationSources()
	legacy := selectVersions(srcs, byCatalog(p, outlookAnywhereToEnable))
	oa := p.Topology.OutlookAnywhere
	if oa == nil {
		// Exchange 2013 and later configure Outlook Anywhere themselves; an
		// older source must have it set up.
		if len(legacy) > 0 {
			p.Report(m.Method, fmt.Sprintf("%s reaches the mailboxes on %s through Outlook Anywhere, which the topology does not describe: "+
				"enable it on TCP 443 with a public CA certificate, and add an outlook_anywhere block",
				methodPhrase(method), describeByVersion(legacy)), relatedVersion(legacy[0]))
		}
		return
	}
	for _, attr := range []struct {
		unstated bool
		name     string
	}{{oa.Enabled == nil, "enabled"}, {oa.Port == nil, "port"}, {oa.Certificate == nil, "certificate"}} {
		if attr.unstated {
			p.Unknown(&oa.Block, attr.name)
		}
	}
	// The migration service reaches Outlook Anywhere (RPC over HTTP) over
	// HTTPS, on the catalogue's port (MS-CUTOVER-STEPS, MS-STAGED-STEPS).
	port := p.Catalog.Ports("migration-outlook-anywhere-port")[0]
	if oa.Enabled.IsFalse() {
		p.Report(oa.Enabled, fmt.Sprintf("Outlook Anywhere is disabled, and %s reaches the mailboxes through it: "+
			"enable it on TCP %d with a public CA certificate", methodPhrase(method), port))
	}
	if oa.Port != nil && oa.Port.Value != port {
		p.Report(oa.Port, fmt.Sprintf("Outlook Anywhere is published on TCP %d, and the migration service connects on TCP %d: "+
			"publish it on TCP %d", oa.Port.Value, port, port))
	}
	checkOutlookAnywhereCertificate(p, oa)
	check2003RPCPorts(p, oa, selectVersions(srcs, byCatalog(p, rpcPortsToOpen)))
}

// checkOutlookAnywhereCertificate: a certificate from a trusted certification
// authority, with the Outlook Anywhere name (MS-CUTOVER-STEPS: "You must use
// a certificate issued by a trusted certification authority (CA)"; "add the
// Outlook Anywhere and Autodiscover services to your certificate";
// MS-STAGED-STEPS: "Outlook Anywhere can't be configured with a self-signed
// certificate"). Exchange Online connects from the internet, so a certificate
// from an internal (enterprise) CA, which it does not trust, fails as well.
func checkOutlookAnywhereCertificate(p *lint.Pass, oa *schema.OutlookAnywhere) {
	if !oa.Certificate.Resolved() {
		return
	}
	c := oa.Certificate.Target
	const fix = "use a public CA certificate with the Outlook Anywhere and Autodiscover names"
	if c.Issuer == nil {
		p.UnknownFor(oa.Certificate, &c.Block, "issuer")
	}
	switch {
	case c.Issuer.Is("self_signed"):
		p.Report(oa.Certificate, fmt.Sprintf("Outlook Anywhere uses certificate %s, which is self-signed, and the migration service needs "+
			"one from a trusted CA: %s", c.Name(), fix), lint.Related{Range: c.Issuer.SourceRange(), Message: "the certificate's issuer"})
	case c.Issuer.Is("enterprise_ca"):
		p.Report(oa.Certificate, fmt.Sprintf("Outlook Anywhere uses certificate %s, issued by an internal CA that Exchange Online does not trust: %s",
			c.Name(), fix), lint.Related{Range: c.Issuer.SourceRange(), Message: "the certificate's issuer"})
	}
	host, ok := oa.ExternalHost.Get()
	switch {
	case !ok:
		p.Unknown(&oa.Block, "external_host")
	case c.Names == nil && c.Subject == nil:
		p.UnknownFor(oa.ExternalHost, &c.Block, "names")
	}
	if !ok || (c.Names == nil && c.Subject == nil) {
		return
	}
	held := c.Names.Values()
	if subject, ok := c.Subject.Get(); ok {
		held = append(held, subject)
	}
	for _, n := range held {
		if coversHost(n, host) {
			return
		}
	}
	p.Report(oa.ExternalHost, fmt.Sprintf("Outlook Anywhere is published as %s, a name certificate %s does not hold (it holds %s): "+
		"add %s to the certificate, or publish Outlook Anywhere under a name it holds", host, c.Name(), strings.Join(held, ", "), host),
		lint.Related{Range: oa.Certificate.SourceRange(), Message: "the certificate Outlook Anywhere uses"})
}

// coversHost reports whether a certificate name matches a host name: equal
// ignoring case, or a wildcard "*.example.com" for one label.
func coversHost(name, host string) bool {
	name, host = strings.ToLower(strings.TrimSuffix(name, ".")), strings.ToLower(strings.TrimSuffix(host, "."))
	if name == host {
		return true
	}
	if rest, ok := strings.CutPrefix(name, "*."); ok {
		if _, parent, ok := strings.Cut(host, "."); ok && parent == rest {
			return true
		}
	}
	return false
}

// check2003RPCPorts: from Exchange 2003 (the versions of the catalogue's
// migration-rpc-ports, rpcPortsToOpen), the ports of the catalogue's
// migration-rpc-proxy-ports (TCP 6001, 6002 and 6004) must be open
// on the Exchange 2003 side (warning: the note is on the cutover page; staged
// migration uses the same Outlook Anywhere endpoint).
func check2003RPCPorts(p *lint.Pass, oa *schema.OutlookAnywhere, ex2003 []facts.Server) {
	if len(ex2003) > 0 && oa.RPCPorts == nil {
		p.Unknown(&oa.Block, "rpc_ports")
	}
	if len(ex2003) == 0 || oa.RPCPorts == nil {
		return
	}
	var missing []string
	for _, port := range p.Catalog.Ports("migration-rpc-proxy-ports") {
		if !oa.RPCPorts.Has(port) {
			missing = append(missing, fmt.Sprint(port))
		}
	}
	if len(missing) == 0 {
		return
	}
	list := strings.Join(missing, ", ")
	if len(missing) > 1 {
		list = strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	}
	p.ReportAs(lint.Warning, oa.RPCPorts, fmt.Sprintf("rpc_ports lacks TCP %s, which Microsoft asks to be open on the Exchange 2003 side (%s) "+
		"for the migration: open it there", list, names(ex2003)), relatedVersion(ex2003[0]))
}
