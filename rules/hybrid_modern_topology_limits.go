package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
)

// hybridModernTopologyLimits reports the Modern hybrid topology (the Hybrid
// Agent) together with a feature the agent does not support.
type hybridModernTopologyLimits struct{}

func init() { register(hybridModernTopologyLimits{}) }

func (hybridModernTopologyLimits) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-modern-topology-limits",
		Severity: lint.Warning,
		Summary:  "the Modern (Hybrid Agent) topology with a feature it does not support",
		Sources:  sources("MS-HYB-AGENT", "MS-HMA-PREREQ"),
		// hybrid-features reports a feature the Modern options do not set
		// up, and modern authentication without the OAuth they do not set
		// up, at the same item, as an error that also names the Hybrid Agent.
		Yields: []string{"hybrid-features"},
	}
}

// agentFeatureLimits are the hybrid features that do not traverse the Hybrid
// Agent (MS-HYB-AGENT: "Message tracking and multi-mailbox search do not
// traverse the Hybrid Agent").
var agentFeatureLimits = map[string]string{
	"message_tracking":     "cross-premises message tracking",
	"multi_mailbox_search": "cross-premises multi-mailbox search",
}

func (hybridModernTopologyLimits) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil || !(h.Topology.Is("modern_full") || h.Topology.Is("modern_minimal")) {
		return
	}
	for _, attr := range []struct {
		unstated bool
		name     string
	}{{h.ModernAuth == nil, "modern_auth"}, {h.Features == nil, "features"},
		{h.ExchangeOrganizations == nil, "exchange_organizations"}, {h.MigrationEndpoints == nil, "migration_endpoints"}} {
		if attr.unstated {
			p.Unknown(&h.Block, attr.name)
		}
	}
	topology := fmt.Sprintf("the Modern hybrid topology (%s)", h.Topology.Value)
	// MS-HYB-AGENT: "Hybrid Modern Authentication is not supported with the
	// Hybrid Agent. You need to use the Classic Exchange Hybrid Topology and
	// publish AutoDiscover, EWS, ActiveSync, MAPI and OAB endpoints"; the same
	// in MS-HMA-PREREQ.
	if h.ModernAuth.IsTrue() {
		p.Report(h.ModernAuth, topology+" does not support hybrid modern authentication: "+
			"run the Hybrid Configuration Wizard with the Classic topology (classic_full), or leave modern authentication off")
	}
	if h.Features != nil {
		for _, f := range h.Features.Items {
			what, limited := agentFeatureLimits[f.Value]
			if !limited {
				continue
			}
			p.Report(f, fmt.Sprintf("%s does not carry %s: use the Classic topology (classic_full), or do without it", topology, what))
		}
	}
	// MS-HYB-AGENT: "The Hybrid Agent supports a single Exchange organization.
	// Multiple Exchange organizations are not supported."
	if n := h.ExchangeOrganizations; n != nil && n.Value > 1 {
		p.Report(n, fmt.Sprintf("%s supports one Exchange organization, and %d are in hybrid with this tenant: "+
			"use the Classic topology (classic_full)", topology, n.Value))
	}
	// MS-HYB-AGENT: "The Hybrid Agent supports a single migration endpoint with
	// the service default limits. Multiple migration endpoints using custom
	// endpoints or URLs is not supported."
	if n := h.MigrationEndpoints; n != nil && n.Value > 1 {
		p.Report(n, fmt.Sprintf("%s supports one migration endpoint, and this plan has %d: "+
			"move mailboxes through one endpoint, or use the Classic topology (classic_full)", topology, n.Value))
	}
}
