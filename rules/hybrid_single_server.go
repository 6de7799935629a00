package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
)

// hybridSingleServer notes a hybrid deployment that rests on one server.
type hybridSingleServer struct{}

func init() { register(hybridSingleServer{}) }

func (hybridSingleServer) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-single-server",
		Severity: lint.Info,
		Summary:  "only one hybrid server",
		Sources:  sources("MS-HYB-2007-ROLES", "MS-HYB-PREREQ"),
	}
}

// MS-HYB-2007-ROLES: "We highly recommend installing more than one Exchange
// 2013 server in your on-premises organization to help increase reliability
// and availability of hybrid deployment features." The same reasoning holds
// for every version: one server is a single point of failure for free/busy,
// mailbox moves and, in a full hybrid, mail flow.
func (hybridSingleServer) Check(p *lint.Pass) {
	ms, known := p.Facts.HybridRoster()
	if !known {
		return
	}
	var internal []facts.RosterEntry
	for _, m := range ms {
		if !m.IsEdge() {
			internal = append(internal, m)
		}
	}
	if len(internal) != 1 {
		return
	}
	m := internal[0]
	p.Report(m.At, fmt.Sprintf("%s is the only hybrid server: the hybrid endpoints (Autodiscover and EWS for "+
		"Exchange Online, mailbox moves and, in a full hybrid, mail with Exchange Online) stop when it is down; "+
		"Microsoft highly recommends more than one hybrid server for reliability and availability. "+
		"Add a second %s server to hybrid.servers", m.Name(), m.Exchange.Name))
}
