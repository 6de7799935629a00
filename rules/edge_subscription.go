package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// edgeSubscription reports Edge subscriptions that cannot work: an Exchange
// 2013 SP1 or later Edge Transport server synchronized by Exchange 2007 or
// 2010 Hub Transport servers below the update EdgeSync needs. It also advises
// (info) to re-create the subscription of an older Edge server once it is
// raised to the level a newer version in the organization requires.
type edgeSubscription struct{}

func init() { register(edgeSubscription{}) }

func (edgeSubscription) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "edge-subscription",
		Severity: lint.Error,
		Summary:  "EdgeSync from an Exchange 2007 Hub below SP3 RU13 or a 2010 Hub below SP3 RU5 to a 2013 SP1 or later Edge; info to re-create subscriptions after upgrading an older Edge",
		Sources:  sources("MS-SYSREQ-2013", "MS-READINESS"),
	}
}

// The levels a Hub Transport server of each version needs to synchronize an
// Exchange 2013 SP1 or later Edge Transport server are the catalogue's
// (subject edgesync: the Hub's version and updates, the Edge's version).
const edgeSync = "edgesync"

// The versions whose Edge servers must have their subscription re-created
// after being raised to the level a newer version requires, and the newer
// versions whose setup documents it, are the catalogue's (subject
// edge-resubscribe: the Exchange 2013 and 2016 setup readiness articles,
// MS-READINESS).
const edgeResubscribe = "edge-resubscribe"

// resubscribeNewer reports whether the catalogue documents re-creating the
// subscription of an Edge server of version edge once it meets what version
// newer requires.
func resubscribeNewer(cat *catalog.Catalog, edge *catalog.Version, newer string) bool {
	for _, r := range cat.VersionRows(edgeResubscribe, edge) {
		if r.Verdict == catalog.Supported && r.HasValue(newer) {
			return true
		}
	}
	return false
}

// subscribed reports whether an Edge server has an Edge subscription: edge_sync
// = true, or a subscribed site given without edge_sync = false.
func subscribed(s facts.Server) bool {
	return s.EdgeSync.IsTrue() || (s.EdgeSync == nil && s.EdgeSyncSite.Resolved())
}

func (edgeSubscription) Check(p *lint.Pass) {
	all := p.Facts.Servers()
	checkEdgeSyncHubs(p, all)
	checkResubscribe(p, all)
}

// checkEdgeSyncHubs: one error per Hub Transport server below the minimum in
// a site a 2013 SP1 or later Edge server is subscribed to.
func checkEdgeSyncHubs(p *lint.Pass, all []facts.Server) {
	edges := map[*schema.Site][]facts.Server{}
	hubs := p.Coverage() && edgeSyncHubsPresent(p, all)
	for _, s := range all {
		if !s.IsEdge() || !edgeSyncEdge(p.Catalog, s.Exchange) {
			continue
		}
		// Exchange 2013 has the Edge Transport role from SP1 (CU4).
		if ok, known := s.AtLeast(p.Catalog, "SP1"); !ok || !known {
			continue
		}
		switch {
		case !subscribed(s):
			if s.EdgeSync == nil && hubs {
				p.Unknown(&s.Block, "edge_sync")
			}
		case !s.EdgeSyncSite.Resolved():
			if hubs {
				p.Unknown(&s.Block, "edge_sync_site")
			}
		default:
			edges[s.EdgeSyncSite.Target] = append(edges[s.EdgeSyncSite.Target], s)
		}
	}
	if len(edges) == 0 {
		return
	}
	for _, hub := range all {
		if p.Coverage() && len(p.Catalog.VersionRows(edgeSync, hub.Exchange)) > 0 {
			if hub.Roles == nil {
				p.Unknown(&hub.Block, "roles")
			} else if hub.HasRole("hub_transport") && hub.Site == nil {
				p.Unknown(&hub.Block, "site")
			}
		}
		if !hub.HasRole("hub_transport") || !hub.Site.Resolved() || hub.Release == nil {
			continue
		}
		subscribers := edges[hub.Site.Target]
		if len(subscribers) == 0 {
			continue
		}
		var min *catalog.Release
		for _, r := range p.Catalog.VersionRows(edgeSync, hub.Exchange) {
			if r.Verdict == catalog.Unsupported && r.To != nil && r.HasValue(subscribers[0].Exchange.ID) {
				min = r.To
			}
		}
		if min == nil || hub.Release.Build.Compare(min.Build) >= 0 {
			continue
		}
		site := hub.Site.Target.Name()
		p.Report(hub.LevelNode(), fmt.Sprintf("Hub Transport server %s runs %s, too old for EdgeSync with %s, subscribed to its site %s "+
			"(%s SP1 or later): install %s or later on %s",
			hub.Name(), hub.LevelName(), names(subscribers), site, subscribers[0].Exchange.ShortName(), min.Ref(), hub.Name()),
			lint.Related{Range: subscribers[0].EdgeSyncSite.SourceRange(), Message: fmt.Sprintf("%s is subscribed to site %s", subscribers[0].Name(), site)})
	}
}

// edgeSyncHubsPresent reports whether the organization has servers of a
// version whose Hub Transport servers the EdgeSync rows are about.
func edgeSyncHubsPresent(p *lint.Pass, all []facts.Server) bool {
	for _, s := range all {
		if len(p.Catalog.VersionRows(edgeSync, s.Exchange)) > 0 {
			return true
		}
	}
	return false
}

// edgeSyncEdge reports whether the catalogue's EdgeSync rows are about Edge
// Transport servers of version v.
func edgeSyncEdge(cat *catalog.Catalog, v *catalog.Version) bool {
	for _, r := range cat.Subject(edgeSync).Rows() {
		if r.HasValue(v.ID) {
			return true
		}
	}
	return false
}

// checkResubscribe: an info per subscribed Edge server of 2007, 2010 or 2013
// in an organization with Exchange 2013 or 2016, when that version sets a
// minimum for it.
func checkResubscribe(p *lint.Pass, all []facts.Server) {
	present := map[string]bool{}
	for _, s := range all {
		present[s.Exchange.ID] = true
	}
	for _, s := range all {
		if !s.IsEdge() || len(p.Catalog.VersionRows(edgeResubscribe, s.Exchange)) == 0 {
			continue
		}
		var min *catalog.Release
		var by string
		// The minimums newer versions ask (coexistence-minimum-update's rows).
		for _, r := range p.Catalog.VersionRows(coexistence, s.Exchange) {
			if r.From != nil || r.To == nil || r.Verdict != catalog.Unsupported {
				continue
			}
			for _, newer := range r.ValueIDs() {
				if present[newer] && resubscribeNewer(p.Catalog, s.Exchange, newer) && (min == nil || r.To.Build.Compare(min.Build) > 0) {
					min, by = r.To, "Exchange "+newer
				}
			}
		}
		if min == nil {
			continue
		}
		if !subscribed(s) {
			if s.EdgeSync == nil {
				p.Unknown(&s.Block, "edge_sync")
			}
			continue
		}
		var at schema.Node = s.Server
		if s.EdgeSync != nil {
			at = s.EdgeSync
		} else if s.EdgeSyncSite != nil {
			at = s.EdgeSyncSite
		}
		// Why (Active Directory keeps the version recorded at subscription)
		// is the rule page's.
		p.ReportAs(lint.Info, at, fmt.Sprintf("Edge server %s runs %s, and %s needs %s or later on %s servers: once it runs that, "+
			"re-create its Edge subscription", s.Name(), s.LevelName(), by, min.Ref(), s.Exchange.ID))
	}
}
