package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Helpers shared by the hybrid rules of this file's neighbours: connectors to
// Exchange Online, the servers on the hybrid path, and a version's latest CU.

// The host names of Exchange Online, in the worldwide cloud and in the
// 21Vianet and US Government clouds, as HealthChecker matches them
// (CSS-HC-EXOCONN, Invoke-AnalyzerFrequentConfigurationIssues.ps1):
// EOP smart hosts ("contoso-com.mail.protection.outlook.com"), the tenant's
// remote routing domain ("contoso.mail.onmicrosoft.com") and the service
// domain a connector's TLS domain names ("mail.protection.outlook.com").
var (
	exoSmartHost     = regexp.MustCompile(`(?i)^[^.]+\.mail\.protection\.(outlook\.com|partner\.outlook\.cn|office365\.us)$`)
	exoRoutingDomain = regexp.MustCompile(`(?i)^[^.]+\.mail\.(onmicrosoft\.com|partner\.onmschina\.cn|onmicrosoft\.us)$`)
	exoServiceDomain = regexp.MustCompile(`(?i)^mail\.protection\.(outlook\.com|partner\.outlook\.cn|office365\.us)$`)
)

// exoConnector is a connector that carries mail to or from Exchange Online,
// with what gave it away (for messages).
type exoConnector struct {
	*schema.Connector
	evidence string // "smart host contoso-com.mail.protection.outlook.com"
}

// exoConnectors returns the topology's connectors to or from Exchange Online,
// in source order. A send connector goes to Exchange Online when a smart host
// is an EOP host or an address space is a tenant's routing domain
// (HealthChecker's test); a receive connector comes from it when it accepts
// cloud services mail or names the service domain as its TLS domain (the
// connector's TlsDomainCapabilities, as the Hybrid Configuration Wizard sets
// them).
func exoConnectors(p *lint.Pass) []exoConnector {
	return p.Memo("exoConnectors", func() any {
		var out []exoConnector
		for _, c := range p.Topology.Connectors {
			if ev := exoEvidence(c); ev != "" {
				out = append(out, exoConnector{Connector: c, evidence: ev})
			}
		}
		return out
	}).([]exoConnector)
}

func exoEvidence(c *schema.Connector) string {
	if c.Direction() == "send" {
		if c.SmartHosts != nil {
			for _, h := range c.SmartHosts.Items {
				if exoSmartHost.MatchString(h.Value) {
					return "smart host " + h.Value
				}
			}
		}
		if c.AddressSpaces != nil {
			for _, a := range c.AddressSpaces.Items {
				if exoRoutingDomain.MatchString(a.Value) {
					return "address space " + a.Value
				}
			}
		}
		return ""
	}
	switch {
	case c.CloudServicesMail.IsTrue():
		return "cloud_services_mail = true"
	case c.TLSDomain != nil && exoServiceDomain.MatchString(c.TLSDomain.Value):
		return "TLS domain " + c.TLSDomain.Value
	}
	return ""
}

// describeConnector names a connector in messages: `send connector "Outbound to Office 365"`.
func describeConnector(c *schema.Connector) string {
	return fmt.Sprintf("%s connector %q", c.Direction(), c.Name())
}

// pathServer is a server on the hybrid path: listed in hybrid.servers or
// hybrid.edge_servers, or a source or receiving server of a connector to or
// from Exchange Online. at is where the topology puts it on that path.
type pathServer struct {
	server
	at  schema.Node
	why string // "hybrid.servers", `send connector "To EXO"`
}

// hybridPathServers returns the servers that exchange mail or requests with
// Exchange Online, each once (where it first appears), in this order:
// hybrid.servers, hybrid.edge_servers, then the connectors to or from
// Exchange Online. Servers whose version is unknown are left out.
func hybridPathServers(p *lint.Pass) []pathServer {
	return p.Memo("hybridPathServers", func() any {
		seen := map[*schema.Server]bool{}
		var out []pathServer
		add := func(l *schema.RefList[*schema.Server], why string) {
			if l == nil {
				return
			}
			for _, it := range l.Items {
				if seen[it.Target] {
					continue
				}
				if s, ok := serverOf(p, it.Target); ok {
					seen[it.Target] = true
					out = append(out, pathServer{server: s, at: it, why: why})
				}
			}
		}
		if h := p.Topology.Hybrid; h != nil {
			add(h.Servers, "hybrid.servers")
			add(h.EdgeServers, "hybrid.edge_servers")
		}
		for _, c := range exoConnectors(p) {
			add(c.Servers, describeConnector(c.Connector))
		}
		return out
	}).([]pathServer)
}

// latestLevel returns the newest servicing level (by build) among the levels
// that count as current for v on the given date, or nil when v has none.
func latestLevel(v *catalog.Version, on catalog.Date) *catalog.Release {
	var latest *catalog.Release
	for _, l := range v.CurrentLevels(on) {
		if latest == nil || l.Build.Compare(latest.Build) > 0 {
			latest = l
		}
	}
	return latest
}

// related points a finding at a second place, with a short note.
func related(n schema.Node, msg string) lint.Related {
	return lint.Related{Range: n.SourceRange(), Message: msg}
}

// quoted lists values for a message: "a", "b" and "c".
func quoted(vs []string) string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = fmt.Sprintf("%q", v)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// shortRelease names a release without its version: "CU8 (15.1.1415.2)".
func shortRelease(r *catalog.Release) string {
	return fmt.Sprintf("%s (%s)", r.Name, r.Build)
}

// minimalTopologies configure no hybrid connectors, so no hybrid mail flow,
// and no OAuth or organization relationship (Microsoft's Hybrid Configuration
// Wizard options, MS-HCW-OPTIONS).
var minimalTopologies = map[string]bool{"classic_minimal": true, "express": true, "modern_minimal": true}
