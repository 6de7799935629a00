package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
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
		if h := p.Topology.Hybrid; h != nil {
			p.Unknown(&h.Block, "servers")
		}
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
	// What stops (Autodiscover, EWS, moves, mail) is the rule page's. The
	// second server's version is one the organization accepts as hybrid
	// server and that is in support: the server's own, else the newest such.
	// When no version in support qualifies, the versions that accept none
	// must go first (as hybrid-server-version and hybrid-wizard-unsupported
	// say).
	fix := "no version in support can be a second hybrid server here; retire the older versions first"
	if v, first := secondHybridVersion(p, m.Exchange); v != nil {
		fix = "add a second " + v.ShortName() + " server to hybrid.servers" + onceGoneNote(first)
	} else if old := hybridBlockers(p, nil); len(old) > 0 {
		fix = fmt.Sprintf("no version in support can be a second hybrid server beside Exchange %s; retire those servers first", words.And(old))
	}
	p.Report(m.At, fmt.Sprintf("%s is the only hybrid server, so hybrid stops when it is down (Microsoft highly recommends more than one): %s",
		m.Name(), fix))
}

// secondHybridVersion is the version of a second hybrid server beside one of
// version v: v itself when it is in support and every version here accepts
// it, else hybridTarget's (with the versions that must go first), or nil
// when none is.
func secondHybridVersion(p *lint.Pass, v *catalog.Version) (*catalog.Version, []*catalog.Version) {
	if v.InSupport(p.AsOf) {
		order, _ := p.Facts.VersionGroups()
		accepted := true
		for _, o := range order {
			if allowed, known := hybridAllowed(p.Catalog, o, v); known && !allowed {
				accepted = false
			}
		}
		if accepted {
			return v, nil
		}
	}
	return hybridTarget(p, nil)
}
