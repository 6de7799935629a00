package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// connectorServers reports connectors whose servers cannot carry them, and
// Mailbox or Client Access servers in the perimeter network as hybrid
// endpoints.
type connectorServers struct{}

func init() { register(connectorServers{}) }

func (connectorServers) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "connector-servers",
		Severity: lint.Error,
		Summary:  "a connector whose servers cannot carry it: no transport role, an Edge server beside internal ones or without an Edge subscription, a Mailbox or Client Access server in the perimeter network as hybrid endpoint",
		Sources: sources("MS-TRANSPORT-OPTIONS", "MS-PS-SENDCONNECTOR", "MS-PS-HYBRIDCONFIG", "MS-2007-SENDCONN",
			"MS-2007-EDGESUB", "MS-HYB-PREREQ", "MS-EDGE-NOSYNC"),
	}
}

func (connectorServers) Check(p *lint.Pass) {
	exo := map[*schema.Connector]bool{}
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		exo[c.Connector] = true
	}
	for _, c := range p.Topology.Connectors {
		if c.Servers == nil {
			p.Unknown(&c.Block, "servers")
			continue
		}
		var edges []*schema.Ref[*schema.Server]
		var internal []facts.Server
		seen := map[*schema.Server]bool{}
		for _, it := range c.Servers.Items {
			s, ok := p.Facts.Server(it.Target)
			if ok && s.Roles == nil {
				p.UnknownFor(it, &s.Block, "roles")
			}
			if !ok || s.Roles == nil || seen[it.Target] {
				continue
			}
			seen[it.Target] = true
			roles, carries := transportRoles, carriesMail
			if c.Direction() == "send" {
				roles, carries = sendRoles, sendsMail
			}
			if yes, known := carries(p.Catalog, s); known && !yes {
				p.Report(it, fmt.Sprintf("%s (%s, %s) has no transport role to carry %s: %s %s connectors run on %s servers. "+
					"Name one of those", s.Name(), s.Exchange.Name, hybridRolesHeld(s), facts.DescribeConnector(c),
					s.Exchange.Name, c.Direction(), transportRoleNames(p.Catalog, roles, s.Exchange)))
				continue
			}
			// A connector to Exchange Online is the organization's (the
			// wizard creates it in Active Directory), and reaches an Edge
			// server only through its subscription. Another send connector
			// naming only Edge servers may be one made on the Edge itself,
			// as an Edge without EdgeSync is run (MS-EDGE-NOSYNC).
			if s.IsEdge() && c.Direction() == "send" && exo[c] && s.EdgeSync == nil {
				p.UnknownFor(it, &s.Block, "edge_sync")
			}
			switch {
			case s.IsEdge() && c.Direction() == "send" && exo[c] && s.EdgeSync.IsFalse():
				// One finding per item: without a subscription, no
				// connector of the organization reaches it at all.
				p.Report(it, fmt.Sprintf("Edge Transport server %s has no Edge subscription, so %s, a connector of the "+
					"organization, never reaches it. Subscribe %s to a site, or take it off the connector",
					s.Name(), facts.DescribeConnector(c), s.Name()))
			case s.IsEdge():
				edges = append(edges, it)
			default:
				internal = append(internal, s)
			}
		}
		if len(internal) > 0 && (c.Direction() == "send" || exo[c]) {
			connectorEdgeBeside(p, c, exo[c], edges, internal)
		}
	}
	perimeterEndpoints(p)
}

// connectorEdgeBeside: a send connector's source servers are the
// organization's internal transport servers (Set-SendConnector: "the
// Mailbox servers that can use this Send connector"), or an Edge server
// through the connectors its subscription creates for it (MS-2007-EDGESUB).
// For hybrid mail both ways, the Edge servers replace the internal ones:
// with EdgeTransportServers set, SendingTransportServers and
// ReceivingTransportServers must be empty (MS-PS-HYBRIDCONFIG). An Edge server
// listed beside internal servers is reported at its item.
func connectorEdgeBeside(p *lint.Pass, c *schema.Connector, toEXO bool, edges []*schema.Ref[*schema.Server], internal []facts.Server) {
	for _, it := range edges {
		why := "an Edge server sends through the connectors its Edge subscription creates. Give it a connector of its own"
		if toEXO {
			why = "hybrid mail goes through the Edge servers or the internal ones, never both. Keep one kind on the connector"
		}
		p.Report(it, fmt.Sprintf("Edge Transport server %s is on %s beside internal servers (%s): %s",
			it.Value, facts.DescribeConnector(c), names(internal), why))
	}
}

// perimeterEndpoints: "You can't deploy Mailbox or Client Access servers in a
// perimeter network" (MS-HYB-PREREQ); only Edge Transport servers belong
// there. Each Mailbox or Client Access server on the hybrid path (in
// hybrid.servers, or a server of a connector to or from Exchange Online) with
// network = "perimeter" is reported where the path names it.
func perimeterEndpoints(p *lint.Pass) {
	for _, ps := range p.Facts.HybridPathServers() {
		if ps.Why != "hybrid.edge_servers" && !ps.IsEdge() {
			switch {
			case ps.Network == nil && (ps.Roles == nil || ps.HasRole("mailbox") || ps.HasRole("client_access")):
				p.UnknownFor(ps.At, &ps.Block, "network")
			case ps.Network.Is("perimeter") && ps.Roles == nil:
				p.UnknownFor(ps.At, &ps.Block, "roles")
			}
		}
		if ps.Why == "hybrid.edge_servers" || ps.IsEdge() || !ps.Network.Is("perimeter") || !(ps.HasRole("mailbox") || ps.HasRole("client_access")) {
			continue
		}
		p.Report(ps.At, fmt.Sprintf("%s (%s) is a hybrid endpoint in the perimeter network: Mailbox and Client Access servers "+
			"cannot be deployed there. Move %s to the internal network, and put an Edge Transport server in the perimeter",
			ps.Name(), hybridRolesHeld(ps.Server), ps.Name()),
			related(ps.Network, fmt.Sprintf("%s is in the perimeter network", ps.Name())))
	}
}
