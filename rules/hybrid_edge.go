package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridEdge reports Edge Transport servers used for hybrid mail that miss
// what hybrid needs of them, and hybrid mail that bypasses them.
type hybridEdge struct{}

func init() { register(hybridEdge{}) }

func (hybridEdge) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-edge",
		Severity: lint.Error,
		Summary:  "Edge servers used for hybrid that miss the requirements, or Edge servers listed together with other transport servers",
		Sources:  sources("MS-HYB-EDGE", "MS-HYB-2007-EDGE", "MS-HYB-PREREQ", "MS-HYB-CERT", "CSS-HC-HYBRID"),
	}
}

// hybridEdgeVersion is the oldest Edge Transport server a hybrid deployment
// accepts, by the newest internal Exchange version of the organization.
type hybridEdgeVersion struct {
	orgs    []string // newest internal version of the organization
	version string   // oldest Edge version
	level   string   // and its oldest level ("" for any)
	want    string   // for the message
	source  string
}

var hybridEdgeVersions = []hybridEdgeVersion{
	// MS-HYB-2007-EDGE: Exchange 2013 organizations (a 2007 organization
	// hybrid through Exchange 2013) use "either Exchange Server 2013 Edge
	// Transport servers or Exchange 2010 Edge Transport servers running
	// Service Pack 3 (SP3)".
	{[]string{"2007", "2013"}, "2010", "SP3", "Exchange 2013 or Exchange 2010 SP3", "Microsoft's 2013/2007 hybrid Edge guidance"},
	// MS-HYB-EDGE: "Exchange 2016 organizations ... have the option of
	// deploying Edge Transport servers running the latest release of Exchange
	// 2010 or later" (the current page, for 2016 and later). How current the
	// level must be is hybrid-server-update's concern.
	{[]string{"2016", "2019", "SE"}, "2010", "", "the latest release of Exchange 2010 or later", "Microsoft's hybrid Edge guidance"},
}

func (hybridEdge) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	edges := edgeRoster(p)
	rule := hybridEdgeVersionFor(p)
	var cert *schema.Certificate
	inCert := map[*schema.Server]bool{}
	if h.Certificate.Resolved() && h.Certificate.Target.Servers != nil {
		cert = h.Certificate.Target
		for _, s := range cert.Servers.Targets() {
			inCert[s] = true
		}
	}
	for _, m := range edges {
		if m.Roles != nil && !m.isEdge() {
			p.Report(m.at, fmt.Sprintf("%s is listed in hybrid.edge_servers but is not an Edge Transport server (it has %s): "+
				"hybrid.edge_servers is for Edge Transport servers in the perimeter network that relay hybrid mail. "+
				"Move %s to hybrid.servers, or name the Edge Transport servers", m.Name(), hybridRolesHeld(m.server), m.Name()))
			continue
		}
		if rule != nil {
			hybridEdgeCheckVersion(p, m, rule)
		}
		if m.EdgeSync.IsFalse() {
			p.Report(m.EdgeSync, fmt.Sprintf("hybrid Edge Transport server %s has no Edge subscription: an Edge subscription "+
				"(EdgeSync) is required for hybrid, set up before the Hybrid Configuration Wizard runs and after every CU. "+
				"Subscribe %s to an Active Directory site, then run the wizard", m.Name(), m.Name()))
		}
		if m.Network.Is("internal") {
			p.ReportAs(lint.Warning, m.Network, fmt.Sprintf("hybrid Edge Transport server %s is in the internal network: "+
				"Microsoft strongly recommends Edge Transport servers in a perimeter network, where they keep internal "+
				"servers off the internet. Move %s to the perimeter network", m.Name(), m.Name()))
		}
		if cert != nil && !inCert[m.Server] {
			p.Report(m.at, fmt.Sprintf("the hybrid certificate %q is not installed on hybrid Edge Transport server %s: "+
				"it must be on every Edge server that carries hybrid mail (same issuer and subject), since the Edge servers "+
				"present it to Exchange Online. Install it on %s and add %s to the certificate's servers",
				cert.Name(), m.Name(), m.Name(), m.Name()),
				lint.Related{Range: cert.Servers.SourceRange(), Message: fmt.Sprintf("%q is installed on these servers", cert.Name())})
		}
	}
	if len(edges) > 0 {
		hybridEdgeBypass(p)
	}
}

// hybridEdgeVersionFor picks the Edge version rule by the newest internal (non-Edge)
// Exchange version of the organization, or nil when none applies.
func hybridEdgeVersionFor(p *lint.Pass) *hybridEdgeVersion {
	var newest *catalog.Version
	for _, s := range servers(p) {
		if !s.isEdge() && (newest == nil || s.version.Rank > newest.Rank) {
			newest = s.version
		}
	}
	if newest == nil {
		return nil
	}
	for i, r := range hybridEdgeVersions {
		if contains(r.orgs, newest.ID) {
			return &hybridEdgeVersions[i]
		}
	}
	return nil
}

func hybridEdgeCheckVersion(p *lint.Pass, m rosterEntry, r *hybridEdgeVersion) {
	min := p.Catalog.Version(r.version)
	switch {
	case m.version.Rank > min.Rank:
		return
	case m.version.Rank < min.Rank:
		p.Report(versionNode(m.server), fmt.Sprintf("hybrid Edge Transport server %s runs %s: %s accepts %s Edge "+
			"Transport servers for hybrid mail. Replace %s with an Edge Transport server of a version it accepts",
			m.Name(), m.version.Name, r.source, r.want, m.Name()))
	case r.level != "":
		ok, known := m.atLeast(p.Catalog, r.level)
		if !known || ok {
			return
		}
		p.Report(levelNode(m.server), fmt.Sprintf("hybrid Edge Transport server %s runs %s: %s accepts %s Edge "+
			"Transport servers for hybrid mail. Install %s or later on %s",
			m.Name(), m.levelName(), r.source, r.want, min.Name+" "+r.level, m.Name()))
	}
}

// hybridEdgeBypass: with Edge servers in hybrid, the Edge servers alone send and
// receive hybrid mail; HealthChecker warns when the hybrid configuration's
// Sending or Receiving transport servers are set together with its Edge
// transport servers ("you must configure the ReceivingTransportServers and
// SendingTransportServers parameter values to null", CSS-HC-HYBRID). In the
// language, those are the internal servers of connectors that carry hybrid
// mail (cloud_services_mail = true). A warning, as HealthChecker's.
func hybridEdgeBypass(p *lint.Pass) {
	for _, c := range p.Topology.Connectors {
		if !c.CloudServicesMail.IsTrue() || c.Servers == nil {
			continue
		}
		param := "SendingTransportServers"
		if c.Direction() == "receive" {
			param = "ReceivingTransportServers"
		}
		for _, it := range c.Servers.Items {
			if it.Target == nil {
				continue
			}
			s, ok := serverOf(p, it.Target)
			if !ok || s.Roles == nil || s.isEdge() {
				continue
			}
			p.ReportAs(lint.Warning, it, fmt.Sprintf("%s connector %q carries hybrid mail (cloud_services_mail) on %s, an "+
				"internal server, while hybrid.edge_servers routes hybrid mail through Edge Transport servers: the "+
				"hybrid configuration then has %s set together with EdgeTransportServers, which must be empty when Edge "+
				"servers are used (Microsoft's HealthChecker warns). Carry hybrid mail on the Edge servers only, or "+
				"remove hybrid.edge_servers", c.Direction(), c.Name(), s.Name(), param))
		}
	}
}
