package facts

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// The host names of Exchange Online, in the worldwide cloud and in the
// 21Vianet and US Government clouds, as HealthChecker matches them
// (CSS-HC-EXOCONN, Invoke-AnalyzerFrequentConfigurationIssues.ps1):
// EOP smart hosts ("contoso-com.mail.protection.outlook.com"), the tenant's
// remote routing domain ("contoso.mail.onmicrosoft.com") and the service
// domain a connector's TLS domain names ("mail.protection.outlook.com").
// A domain with DNSSEC has its MX, and so its smart host, under
// mx.microsoft instead ("contoso-com.e-v1.mx.microsoft", MS-PS-DNSSEC).
//
// The names are matched without regular expressions: every connector of
// every topology is tested, and a compiled expression's matcher allocates on
// each call.
var (
	// exoServiceDomains are Exchange Online Protection's domains in the
	// worldwide, 21Vianet and GCC High clouds.
	exoServiceDomains = []string{"mail.protection.outlook.com", "mail.protection.partner.outlook.cn", "mail.protection.office365.us"}
	// exoRoutingSuffixes are the tenants' mail routing domains' suffixes.
	exoRoutingSuffixes = []string{"mail.onmicrosoft.com", "mail.partner.onmschina.cn", "mail.onmicrosoft.us"}
)

// labelsThen reports whether name, compared without regard to case, is
// exactly n non-empty labels followed by one of suffixes.
func labelsThen(name string, n int, suffixes []string) bool {
	for _, suf := range suffixes {
		if len(name) <= len(suf)+1 || name[len(name)-len(suf)-1] != '.' || !strings.EqualFold(name[len(name)-len(suf):], suf) {
			continue
		}
		head := name[:len(name)-len(suf)-1]
		if strings.Count(head, ".") != n-1 {
			return false
		}
		for _, l := range strings.Split(head, ".") {
			if l == "" {
				return false
			}
		}
		return true
	}
	return false
}

// IsExchangeOnlineProtectionHost reports whether a host name is an Exchange
// Online Protection host of a tenant's domain, the target of its MX record
// and of smart hosts to Exchange Online ("contoso-com.mail.protection.outlook.com",
// "contoso-com.e-v1.mx.microsoft").
func IsExchangeOnlineProtectionHost(h string) bool {
	h = strings.TrimSuffix(h, ".")
	return labelsThen(h, 1, exoServiceDomains) || labelsThen(h, 2, []string{"mx.microsoft"})
}

// IsExchangeOnlineRoutingDomain reports whether a domain is a tenant's remote
// routing domain ("contoso.mail.onmicrosoft.com").
func IsExchangeOnlineRoutingDomain(d string) bool { return labelsThen(d, 1, exoRoutingSuffixes) }

// IsExchangeOnlineServiceDomain reports whether a name is Exchange Online's
// service domain ("mail.protection.outlook.com").
func IsExchangeOnlineServiceDomain(d string) bool {
	for _, s := range exoServiceDomains {
		if strings.EqualFold(d, s) {
			return true
		}
	}
	return false
}

// ExchangeOnlineConnector is a connector that carries mail to or from
// Exchange Online, with what gave it away (for messages).
type ExchangeOnlineConnector struct {
	*schema.Connector
	Evidence string // "smart host contoso-com.mail.protection.outlook.com"
}

// ExchangeOnlineConnectors returns the topology's connectors to or from
// Exchange Online, in source order. A send connector goes to Exchange Online
// when a smart host is an EOP host or an address space is a tenant's routing
// domain (HealthChecker's test); a receive connector comes from it when it
// accepts cloud services mail or names the service domain as its TLS domain
// (the connector's TlsDomainCapabilities, as the Hybrid Configuration Wizard
// sets them).
func (t *Topology) ExchangeOnlineConnectors() []ExchangeOnlineConnector {
	if t.once(doneEXO) {
		for _, c := range t.top.Connectors {
			if ev := exoEvidence(c); ev != "" {
				t.exo = append(t.exo, ExchangeOnlineConnector{Connector: c, Evidence: ev})
			}
		}
	}
	return t.exo
}

// RelaysInternetMail reports whether a send connector to Exchange Online
// routes every domain ("*") and no tenant routing domain: it relays internet
// mail through Exchange Online rather than carrying hybrid mail
// (CSS-HC-HYBRID: "Relay Internet Mails via M365").
func (c ExchangeOnlineConnector) RelaysInternetMail() bool {
	if c.Direction() != "send" {
		return false
	}
	wildcard := false
	for _, a := range c.AddressSpaces.Values() {
		if IsExchangeOnlineRoutingDomain(a) {
			return false
		}
		wildcard = wildcard || a == "*"
	}
	return wildcard
}

func exoEvidence(c *schema.Connector) string {
	if c.Direction() == "send" {
		if c.SmartHosts != nil {
			for _, h := range c.SmartHosts.Items {
				if IsExchangeOnlineProtectionHost(h.Value) {
					return "smart host " + h.Value
				}
			}
		}
		if c.AddressSpaces != nil {
			for _, a := range c.AddressSpaces.Items {
				if IsExchangeOnlineRoutingDomain(a.Value) {
					return "address space " + a.Value
				}
			}
		}
		return ""
	}
	switch {
	case c.CloudServicesMail.IsTrue():
		return "cloud_services_mail = true"
	case c.TLSDomain != nil && IsExchangeOnlineServiceDomain(c.TLSDomain.Value):
		return "TLS domain " + c.TLSDomain.Value
	}
	return ""
}

// DescribeConnector names a connector in messages: `send connector "Outbound
// to Office 365"`.
func DescribeConnector(c *schema.Connector) string {
	return fmt.Sprintf("%s connector %q", c.Direction(), c.Name())
}

// PathServer is a server on the hybrid path: listed in hybrid.servers or
// hybrid.edge_servers, or a source or receiving server of a connector to or
// from Exchange Online.
type PathServer struct {
	Server
	At  schema.Node // where the topology puts it on that path
	Why string      // "hybrid.servers", `send connector "To EXO"`
}

// HybridPathServers returns the servers that exchange mail or requests with
// Exchange Online, each once (where it first appears), in this order:
// hybrid.servers, hybrid.edge_servers, then the connectors to or from
// Exchange Online. Servers whose version is unknown are left out.
func (t *Topology) HybridPathServers() []PathServer {
	if !t.once(donePath) {
		return t.path
	}
	seen := map[*schema.Server]bool{}
	add := func(l *schema.RefList[*schema.Server], why string) {
		if l == nil {
			return
		}
		for _, it := range l.Items {
			if seen[it.Target] {
				continue
			}
			if s, ok := t.Server(it.Target); ok {
				seen[it.Target] = true
				t.path = append(t.path, PathServer{Server: s, At: it, Why: why})
			}
		}
	}
	if h := t.top.Hybrid; h != nil {
		add(h.Servers, "hybrid.servers")
		add(h.EdgeServers, "hybrid.edge_servers")
	}
	for _, c := range t.ExchangeOnlineConnectors() {
		add(c.Servers, DescribeConnector(c.Connector))
	}
	return t.path
}

// RosterEntry is a server the hybrid deployment uses, with where the topology
// names it: its item in hybrid.servers or hybrid.edge_servers, or, when the
// deployment implies it, its version attribute.
type RosterEntry struct {
	Server
	At schema.Node
}

// HybridRoster returns the servers that run the hybrid endpoints: each
// server named in hybrid.servers once, at its first item, when its version is
// known. Without the list, an organization with Exchange 2007 can only use
// the servers of the version the catalogue allows as its hybrid servers
// (Exchange 2013, MS-HYB-2007-ROLES), Edge Transport servers aside, which are
// returned at their version attribute. known is false when the hybrid
// servers cannot be told: no hybrid block, or no list outside a 2007
// organization.
func (t *Topology) HybridRoster() (ms []RosterEntry, known bool) {
	if !t.once(doneRoster) {
		return t.roster, t.rosterKnown
	}
	h := t.top.Hybrid
	switch {
	case h == nil:
	case h.Servers != nil:
		t.roster, t.rosterKnown = t.rosterOf(h.Servers), true
	default:
		_, groups := t.VersionGroups()
		v07 := t.cat.Version("2007")
		if len(groups[v07]) == 0 {
			break
		}
		for _, s := range t.Servers() {
			if !s.IsEdge() && t.allowedHybrid(v07, s.Exchange) {
				t.roster = append(t.roster, RosterEntry{s, s.VersionNode()})
			}
		}
		t.rosterKnown = true
	}
	return t.roster, t.rosterKnown
}

// allowedHybrid reports whether the catalogue allows a hybrid server of
// version hybrid in an organization with version org (subject hybrid-server).
func (t *Topology) allowedHybrid(org, hybrid *catalog.Version) bool {
	for _, r := range t.cat.VersionRows("hybrid-server", org) {
		if r.Verdict == catalog.Supported && r.HasValue(hybrid.ID) {
			return true
		}
	}
	return false
}

// EdgeRoster returns the servers named in hybrid.edge_servers, each once, at
// its first item, when its version is known.
func (t *Topology) EdgeRoster() []RosterEntry {
	if t.once(doneEdgeRoster) {
		if h := t.top.Hybrid; h != nil && h.EdgeServers != nil {
			t.edgeRoster = t.rosterOf(h.EdgeServers)
		}
	}
	return t.edgeRoster
}

func (t *Topology) rosterOf(l *schema.RefList[*schema.Server]) []RosterEntry {
	var out []RosterEntry
	seen := map[*schema.Server]bool{}
	for _, it := range l.Items {
		if it.Target == nil || seen[it.Target] {
			continue
		}
		seen[it.Target] = true
		if s, ok := t.Server(it.Target); ok {
			out = append(out, RosterEntry{s, it})
		}
	}
	return out
}
