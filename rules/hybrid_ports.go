package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
)

// hybridPorts reports ports a hybrid topology needs that the topology does
// not list as open.
type hybridPorts struct{}

func init() { register(hybridPorts{}) }

func (hybridPorts) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-ports",
		Severity: lint.Error,
		Summary:  "inbound/outbound ports the hybrid topology needs (25, 443, 80) not open",
		Sources:  sources("MS-HYB-PREREQ", "MS-HCW-OPTIONS", "MS-HYB-AGENT"),
	}
}

// hybridPort is a TCP port a hybrid deployment needs open in one direction.
type hybridPort struct {
	port     int
	inbound  bool
	why      string          // what for, after "needs"
	topology map[string]bool // the topologies that need it ("" = not stated)
}

// full: the topologies with hybrid mail; classic: those where Exchange Online
// connects to on-premises endpoints; all: every topology.
var (
	hybridPortsFull    = map[string]bool{"classic_full": true, "modern_full": true, "": true}
	hybridPortsClassic = map[string]bool{"classic_full": true, "classic_minimal": true, "express": true, "": true}
	hybridPortsAll     = map[string]bool{"classic_full": true, "classic_minimal": true, "express": true,
		"modern_full": true, "modern_minimal": true, "": true}
)

// hybridPortTable: MS-HCW-OPTIONS rows "TCP Port 443 Inbound to Exchange
// On-premises" (Classic: Yes; Modern: "Yes for Autodiscover if needed, No for
// Hybrid Agent", not required here), "TCP Port 443 Outbound to Exchange
// Online" (all), "TCP Port 25 Inbound/Outbound" (Full only), "TCP Port 80
// Outbound for Certificate Revocation Check" (all); MS-HYB-PREREQ's ports
// table for 25 and 443. No topology stated: the prerequisites' general table
// (a full hybrid).
var hybridPortTable = []hybridPort{
	{25, true, "for hybrid mail from Exchange Online Protection", hybridPortsFull},
	{443, true, "for Autodiscover, EWS and mailbox moves from Exchange Online", hybridPortsClassic},
	{25, false, "for hybrid mail to Exchange Online Protection", hybridPortsFull},
	{443, false, "to reach Exchange Online (and the Hybrid Agent's relay)", hybridPortsAll},
	{80, false, "for certificate revocation checks", hybridPortsAll},
}

func (hybridPorts) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	topo := p.Facts.HybridModeKey()
	for _, hp := range hybridPortTable {
		if !hp.topology[topo] {
			continue
		}
		list, dir := h.OutboundPorts, "outbound"
		if hp.inbound {
			list, dir = h.InboundPorts, "inbound"
		}
		if list == nil {
			p.Unknown(&h.Block, dir+"_ports")
		}
		if list == nil || list.Has(hp.port) {
			continue
		}
		what := "this hybrid deployment"
		if topo != "" {
			what = fmt.Sprintf("the %q hybrid deployment", topo)
		}
		p.Report(list, fmt.Sprintf("hybrid.%s_ports does not open TCP %d, which %s needs %s: open TCP %d %s and add it to %s_ports",
			dir, hp.port, what, hp.why, hp.port, dir, dir))
	}
}
