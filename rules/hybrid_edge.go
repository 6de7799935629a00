package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
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
		Sources:  sources("MS-HYB-EDGE", "MS-HYB-2007-EDGE", "MS-HYB-PREREQ", "MS-HYB-CERT", "CSS-HC-HYBRID", "MS-SYSREQ", "MS-SE-UPGRADE"),
	}
}

// hybridEdgeVersion is the oldest Edge Transport servers a hybrid deployment
// accepts, by the newest internal Exchange version of the organization.
type hybridEdgeVersion struct {
	org *catalog.Version // whose requirement it is (a 2007 organization's is 2013's)
	// mins are the oldest Edge versions accepted, oldest first, each with its
	// oldest level ("" for any). An Edge server older than the first is
	// rejected; one of a listed version must be at its level; newer versions
	// pass.
	mins []hybridEdgeMin
	want string // for the message
}

type hybridEdgeMin struct{ version, level string }

// hybridEdgeSubject is the catalogue's matrix of the Edge Transport servers a
// hybrid organization accepts (MS-HYB-2007-EDGE for Exchange 2013
// organizations, MS-HYB-EDGE for 2016 ones): each row an Edge version and
// updates, the value the organization's version; the note of an unsupported
// row says what the organization accepts.
const hybridEdgeSubject = "hybrid-edge"

func (hybridEdge) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	edges := p.Facts.EdgeRoster()
	rule := hybridEdgeVersionFor(p)
	var cert *schema.Certificate
	inCert := map[*schema.Server]bool{}
	if h.Certificate.Resolved() && h.Certificate.Target.Servers != nil {
		cert = h.Certificate.Target
		for _, s := range cert.Servers.Targets() {
			inCert[s] = true
		}
		// An Edge server may carry its own certificate for hybrid mail: what
		// Microsoft requires is the same issuer and subject on every transport
		// server (MS-HYB-PREREQ, MS-HYB-CERT), which hybrid-certificate checks
		// for every certificate bound to SMTP on a hybrid or hybrid Edge
		// server. Such an Edge server is that rule's concern.
		for _, c := range p.Facts.HybridCertificates() {
			if c.SMTP {
				for _, s := range c.Servers.Targets() {
					inCert[s] = true
				}
			}
		}
	}
	if len(edges) > 0 {
		switch {
		case h.Certificate == nil:
			p.Unknown(&h.Block, "certificate")
		case h.Certificate.Resolved() && h.Certificate.Target.Servers == nil:
			p.UnknownFor(h.Certificate, &h.Certificate.Target.Block, "servers")
		}
	}
	for _, m := range edges {
		if m.Roles == nil {
			p.UnknownFor(m.At, &m.Block, "roles")
		}
		if m.EdgeSync == nil {
			p.UnknownFor(m.At, &m.Block, "edge_sync")
		}
		if m.Network == nil {
			p.UnknownFor(m.At, &m.Block, "network")
		}
		if m.Roles != nil && !m.IsEdge() {
			p.Report(m.At, fmt.Sprintf("%s is in hybrid.edge_servers but is not an Edge Transport server (it has %s): "+
				"move %s to hybrid.servers, or list Edge Transport servers there", m.Name(), hybridRolesHeld(m.Server), m.Name()))
			continue
		}
		if rule != nil {
			hybridEdgeCheckVersion(p, m, rule)
		}
		if m.EdgeSync.IsFalse() {
			p.Report(m.EdgeSync, fmt.Sprintf("hybrid Edge Transport server %s has no Edge subscription, which hybrid needs: "+
				"subscribe it to an Active Directory site, then run the Hybrid Configuration Wizard", m.Name()))
		}
		if m.Network.Is("internal") {
			p.ReportAs(lint.Warning, m.Network, fmt.Sprintf("hybrid Edge Transport server %s is in the internal network, "+
				"and Microsoft strongly recommends a perimeter network: move %s there", m.Name(), m.Name()))
		}
		if cert != nil && !inCert[m.Server.Server] {
			p.Report(m.At, fmt.Sprintf("the hybrid certificate %q is not on hybrid Edge Transport server %s, nor is another SMTP certificate: "+
				"install it there and add %s to its servers (or describe %s's own SMTP certificate)",
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
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() && (newest == nil || s.Exchange.Rank > newest.Rank) {
			newest = s.Exchange
		}
	}
	if newest == nil {
		return nil
	}
	org := hybridEdgeOrg(p.Catalog, newest)
	if mins, want := hybridEdgeDocumented(p.Catalog, org); len(mins) > 0 {
		return &hybridEdgeVersion{org: org, mins: mins, want: want}
	}
	// Microsoft's hybrid Edge guidance speaks of organizations up to Exchange
	// 2016 only; newer organizations (2019, SE) accept the Edge servers of
	// the versions that coexist with them, at the minimums the catalogue's
	// coexistence rows give: 2019 cannot coexist with 2010, SE neither with
	// 2010 nor 2013. Older organizations without rows (2010) are not judged.
	if documented := hybridEdgeNewestOrg(p.Catalog); documented == nil || org.Rank <= documented.Rank {
		return nil
	}
	if mins, want := hybridEdgeCoexisting(p.Catalog, org); len(mins) > 0 {
		return &hybridEdgeVersion{org: org, mins: mins, want: want}
	}
	return nil
}

// hybridEdgeOrg is the version whose hybrid Edge requirement an organization
// whose newest internal version is v has: v, or the oldest version its
// hybrid servers may run when that is newer (a 2007 organization goes hybrid
// through Exchange 2013, the catalogue's hybrid-server rows).
func hybridEdgeOrg(cat *catalog.Catalog, v *catalog.Version) *catalog.Version {
	org := v
	var oldest *catalog.Version
	for _, h := range cat.SupportedValues(hybridServer, v) {
		if hv := cat.Version(h.ID); hv != nil && (oldest == nil || hv.Rank < oldest.Rank) {
			oldest = hv
		}
	}
	if oldest != nil && oldest.Rank > v.Rank {
		org = oldest
	}
	return org
}

// hybridEdgeDocumented is what the catalogue's hybrid-edge rows say an
// organization of version org accepts: each Edge version with a supported
// row, from the row's first release; want is the note of its unsupported
// rows. None when the rows say nothing of org.
func hybridEdgeDocumented(cat *catalog.Catalog, org *catalog.Version) (mins []hybridEdgeMin, want string) {
	for _, v := range cat.Versions() {
		if from, ok := cat.FirstSupported(hybridEdgeSubject, org.ID, v); ok {
			min := hybridEdgeMin{version: v.ID}
			if from != nil {
				min.level = from.Name
			}
			mins = append(mins, min)
		}
	}
	for _, r := range cat.Subject(hybridEdgeSubject).Rows() {
		if r.Verdict == catalog.Unsupported && r.HasValue(org.ID) && r.Note != "" {
			return mins, r.Note
		}
	}
	return mins, want
}

// hybridEdgeNewestOrg is the newest organization version the hybrid-edge
// rows name, or nil.
func hybridEdgeNewestOrg(cat *catalog.Catalog) *catalog.Version {
	var newest *catalog.Version
	for _, r := range cat.Subject(hybridEdgeSubject).Rows() {
		for _, id := range r.ValueIDs() {
			if v := cat.Version(id); v != nil && (newest == nil || v.Rank > newest.Rank) {
				newest = v
			}
		}
	}
	return newest
}

// hybridEdgeCoexisting is what an organization whose newest version is org
// accepts of Edge servers when the versions that coexist with org decide:
// each older version with a coexistence minimum, at that minimum; newer
// versions pass. want says it for the message: "Exchange 2013 CU21 or
// Exchange 2016 CU11 or later".
func hybridEdgeCoexisting(cat *catalog.Catalog, org *catalog.Version) (mins []hybridEdgeMin, want string) {
	var names []string
	for _, v := range cat.Versions() {
		for _, r := range cat.VersionRows(coexistence, v) {
			if r.From == nil && r.To != nil && r.Verdict == catalog.Unsupported && r.HasValue(org.ID) {
				mins = append(mins, hybridEdgeMin{v.ID, r.To.Name})
				names = append(names, fmt.Sprintf("Exchange %s %s", v.ID, r.To.Name))
			}
		}
	}
	return mins, strings.Join(names, " or ") + " or later"
}

func hybridEdgeCheckVersion(p *lint.Pass, m facts.RosterEntry, r *hybridEdgeVersion) {
	// Which guidance gives what an organization accepts is the rule page's.
	if oldest := p.Catalog.Version(r.mins[0].version); m.Exchange.Rank < oldest.Rank {
		with := "an Edge Transport server of a version it accepts"
		if v := hybridEdgeTarget(p, r); v != nil {
			with = "an " + v.ShortName() + " Edge Transport server"
		}
		p.Report(m.Server.VersionNode(), fmt.Sprintf("hybrid Edge Transport server %s runs %s, which %s does not accept for hybrid mail "+
			"(it accepts %s): replace %s with %s", m.Name(), m.Exchange.Name, hybridEdgeWho(r), r.want, m.Name(), with))
		return
	}
	for _, min := range r.mins {
		if min.version != m.Exchange.ID || min.level == "" {
			continue
		}
		ok, known := m.AtLeast(p.Catalog, min.level)
		if !known || ok {
			return
		}
		p.Report(m.Server.LevelNode(), fmt.Sprintf("hybrid Edge Transport server %s runs %s, which %s does not accept for hybrid mail "+
			"(it accepts %s): install %s or later on %s", m.Name(), m.LevelName(), hybridEdgeWho(r), r.want, min.level, m.Name()))
	}
}

// hybridEdgeTarget is the newest version in support on the evaluation date
// that the organization accepts for its Edge Transport servers and that can
// be in one organization with its newest version, or nil.
func hybridEdgeTarget(p *lint.Pass, r *hybridEdgeVersion) *catalog.Version {
	org := r.org
	oldest := p.Catalog.Version(r.mins[0].version)
	vs := p.Catalog.SupportedVersions(p.AsOf)
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Rank >= oldest.Rank && coexist(p.Catalog, vs[i], org) {
			return vs[i]
		}
	}
	return nil
}

// hybridEdgeWho names whose requirement it is, for the message: "an
// Exchange 2013 organization" (for a 2007 organization too, which goes hybrid
// through Exchange 2013).
func hybridEdgeWho(r *hybridEdgeVersion) string {
	return "an Exchange " + r.org.ID + " organization"
}

// hybridEdgeBypass: with Edge servers in hybrid, the Edge servers alone send and
// receive hybrid mail; HealthChecker warns when the hybrid configuration's
// Sending or Receiving transport servers are set together with its Edge
// transport servers ("you must configure the ReceivingTransportServers and
// SendingTransportServers parameter values to null", CSS-HC-HYBRID). In the
// language, those are the internal servers of connectors that carry hybrid
// mail (cloud_services_mail = true). A warning, as HealthChecker's.
func hybridEdgeBypass(p *lint.Pass) {
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		if c.CloudServicesMail == nil {
			p.Unknown(&c.Block, "cloud_services_mail")
		}
	}
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
			s, ok := p.Facts.Server(it.Target)
			if ok && s.Roles == nil {
				p.UnknownFor(it, &s.Block, "roles")
			}
			if !ok || s.Roles == nil || s.IsEdge() {
				continue
			}
			// The hybrid configuration's parameters involved are the rule
			// page's.
			p.ReportAs(lint.Warning, it, fmt.Sprintf("%s connector %q carries hybrid mail on %s, an internal server, while "+
				"hybrid.edge_servers routes it through Edge servers (%s conflicts): carry hybrid mail on the Edge servers only, "+
				"or remove hybrid.edge_servers", c.Direction(), c.Name(), s.Name(), param))
		}
	}
}
