package graph

import (
	"strconv"
	"strings"

	"github.com/exlint/exlint/schema"
)

// Host names that say a connector talks to Exchange Online: its mail
// protection endpoint and the tenant's routing domain.
const (
	exoSmartHostSuffix = ".mail.protection.outlook.com"
	exoTLSDomain       = "mail.protection.outlook.com"
	exoRoutingSuffix   = ".mail.onmicrosoft.com"
	tenantSuffix       = ".onmicrosoft.com"
)

// flows draws the paths of mail (internet, MX, Edge, connectors) and the
// relationships between the organization and Exchange Online (hybrid,
// directory synchronization, migration), then the domains and clients.
func (b *builder) flows() {
	t := b.top
	b.domains()
	for _, s := range t.Servers {
		if !isEdge(s) {
			continue
		}
		to := b.org.ID
		if s.EdgeSyncSite.Resolved() {
			to = b.sites[s.EdgeSyncSite.Target].ID
		}
		b.edge(b.nodes[s].ID, to, onOff(s.EdgeSync, "EdgeSync", ""), Solid, false)
	}
	for _, c := range t.Connectors {
		b.connector(c)
	}
	if h := t.Hybrid; h != nil {
		topo, _ := h.Topology.Get()
		flags := strings.Join(nonEmpty([]string{onOff(h.OAuth, "OAuth", ""), onOff(h.ModernAuth, "modern auth", ""),
			onOff(h.FederationTrust, "federation trust", ""), onOff(h.DedicatedApp, "dedicated app", "")}), ", ")
		b.hybrid = b.node(ShapeService, &h.Block, "Hybrid", strings.ReplaceAll(topo, "_", " "), flags)
		b.d.Root.Nodes = append(b.d.Root.Nodes, b.hybrid)
		for _, s := range h.Servers.Targets() {
			b.edge(b.nodes[s].ID, b.hybrid.ID, "", Dashed, false)
		}
		for _, s := range h.EdgeServers.Targets() {
			b.edge(b.nodes[s].ID, b.hybrid.ID, "hybrid mail", Dashed, false)
		}
		if len(h.Tenants.Targets()) == 0 {
			b.edge(b.hybrid.ID, b.cloud().ID, "", Dashed, true)
		}
		for _, tn := range h.Tenants.Targets() {
			b.edge(b.hybrid.ID, b.tenantNode(tn).ID, "", Dashed, true)
		}
		if h.Certificate.Resolved() {
			b.edge(b.hybrid.ID, b.certs[h.Certificate.Target].ID, "", Dotted, false)
		}
	}
	if ds := t.DirectorySync; ds != nil {
		tool, _ := ds.Tool.Get()
		signIn, _ := ds.SignIn.Get()
		n := b.node(ShapeService, &ds.Block, "Directory synchronization", strings.ReplaceAll(tool, "_", " "),
			strings.ReplaceAll(signIn, "_", " "), onOff(ds.Enabled, "", "turned off"))
		b.d.Root.Nodes = append(b.d.Root.Nodes, n)
		b.edge(b.org.ID, n.ID, "", Dashed, false)
		b.edge(n.ID, b.cloud().ID, "", Dashed, false)
	}
	if m := t.Migration; m != nil {
		method, _ := m.Method.Get()
		count := ""
		if m.Mailboxes != nil {
			count = thousands(m.Mailboxes.Value) + " mailboxes"
		}
		n := b.node(ShapeMigration, &m.Block, "Migration", strings.ReplaceAll(method, "_", " "), count, onOff(m.Complete, "complete", ""))
		b.d.Root.Nodes = append(b.d.Root.Nodes, n)
		b.edge(b.org.ID, n.ID, "", Dashed, false)
		b.edge(n.ID, b.cloud().ID, "", Dashed, false)
	}
	if cl := t.Clients; cl != nil {
		n := b.node(ShapeClients, &cl.Block, "Outlook clients", list(cl.Outlook.Values(), 4))
		b.d.Root.Nodes = append(b.d.Root.Nodes, n)
		to := b.org.ID
		if b.spaces != nil {
			to = b.spaces.ID
		}
		b.edge(n.ID, to, "", Dashed, false)
	}
}

// domains draws each accepted domain and where its MX record sends mail
// from the internet: the perimeter network's Edge servers, the
// organization, Exchange Online or a third-party service.
func (b *builder) domains() {
	if len(b.top.Domains) == 0 {
		return
	}
	c := b.cluster("Domains", nil)
	b.d.Root.Clusters = append(b.d.Root.Clusters, c)
	// Mail from the internet reaches the Edge servers when there are some,
	// else the organization (one line per domain either way).
	entry := b.org.ID
	if b.edgeNet != nil {
		entry = b.edgeNet.ID
	}
	inHybrid := map[*schema.Domain]bool{}
	if h := b.top.Hybrid; h != nil {
		for _, d := range h.Domains.Targets() {
			inHybrid[d] = true
		}
	}
	for _, d := range b.top.Domains {
		mx, _ := d.MX.Get()
		accepted, _ := d.Accepted.Get()
		where := ""
		if mx != "" {
			where = "MX: " + strings.ReplaceAll(mx, "_", " ")
		}
		n := b.node(ShapeDomain, &d.Block, d.Name(), strings.ReplaceAll(accepted, "_", " "), where)
		c.Nodes = append(c.Nodes, n)
		if mx == "" {
			continue
		}
		b.edge(b.internetNode().ID, n.ID, "MX", Solid, false)
		switch mx {
		case "on_premises":
			b.edge(n.ID, entry, "", Solid, false)
		case "exchange_online":
			b.edge(n.ID, b.cloudTarget(inHybrid[d], nil), "", Solid, false)
		case "third_party":
			if b.thirdPty == nil {
				b.thirdPty = b.node(ShapeExternal, nil, "third-party mail service")
				b.d.Root.Nodes = append(b.d.Root.Nodes, b.thirdPty)
			}
			b.edge(n.ID, b.thirdPty.ID, "", Solid, false)
		}
	}
}

// connector draws the mail a connector carries: from its servers to
// Exchange Online or the internet (send), or from there to its servers
// (receive), and the certificate it presents.
func (b *builder) connector(c *schema.Connector) {
	n := b.conns[c]
	far := b.internetNode().ID
	if toCloud(c) {
		far = b.cloudTarget(false, c)
	}
	for _, s := range c.Servers.Targets() {
		if c.Direction() == "send" {
			b.edge(b.nodes[s].ID, n.ID, "", Solid, false)
		} else {
			b.edge(n.ID, b.nodes[s].ID, "", Solid, false)
		}
	}
	if c.Direction() == "send" {
		b.edge(n.ID, far, "", Solid, false)
	} else {
		b.edge(far, n.ID, "", Solid, false)
	}
	if c.TLSCertificate.Resolved() {
		b.edge(n.ID, b.certs[c.TLSCertificate.Target].ID, "", Dotted, false)
	}
}

// toCloud reports whether a connector carries mail to or from Exchange
// Online: hybrid mail, or a smart host, TLS domain or address space of
// Exchange Online.
func toCloud(c *schema.Connector) bool {
	if c.CloudServicesMail.IsTrue() || c.TLSDomain.Is(exoTLSDomain) {
		return true
	}
	for _, h := range c.SmartHosts.Values() {
		if strings.HasSuffix(strings.ToLower(h), exoSmartHostSuffix) {
			return true
		}
	}
	for _, a := range c.AddressSpaces.Values() {
		if strings.HasSuffix(strings.ToLower(a), exoRoutingSuffix) {
			return true
		}
	}
	return false
}

// cloudTarget is where mail for Exchange Online goes: the tenant a
// connector's routing domain names, the hybrid deployment's one tenant (for
// a hybrid domain or connector), the topology's one tenant, or Exchange
// Online as a whole.
func (b *builder) cloudTarget(hybridDomain bool, c *schema.Connector) string {
	if c != nil {
		if b.routing == nil {
			b.routing = map[string]*schema.Tenant{}
			for _, t := range b.top.Tenants {
				b.routing[strings.TrimSuffix(strings.ToLower(t.Name()), tenantSuffix)+exoRoutingSuffix] = t
			}
		}
		for _, a := range c.AddressSpaces.Values() {
			if t := b.routing[strings.ToLower(a)]; t != nil {
				return b.tenantNode(t).ID
			}
		}
	}
	if h := b.top.Hybrid; h != nil && (hybridDomain || c != nil) {
		if ts := h.Tenants.Targets(); len(ts) == 1 {
			return b.tenantNode(ts[0]).ID
		}
	}
	if len(b.top.Tenants) == 1 {
		return b.tenantNode(b.top.Tenants[0]).ID
	}
	return b.cloud().ID
}

// tenantNode returns the node drawing a tenant.
func (b *builder) tenantNode(t *schema.Tenant) *Node {
	b.cloud()
	return b.tenants[t]
}

func (b *builder) internetNode() *Node {
	if b.internet == nil {
		b.internet = &Node{ID: b.id("n"), Shape: ShapeInternet, Lines: []string{"Internet"}, Count: 1}
		b.d.Root.Nodes = append([]*Node{b.internet}, b.d.Root.Nodes...)
	}
	return b.internet
}

// thousands writes n with thousands separators: 1,800.
func thousands(n int) string {
	s := strings.TrimPrefix(strconv.Itoa(n), "-")
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if n < 0 {
		return "-" + string(out)
	}
	return string(out)
}
