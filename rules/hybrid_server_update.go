package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// hybridServerUpdate reports hybrid and hybrid Edge servers that are not on
// the latest or the previous servicing level of their version.
type hybridServerUpdate struct{}

func init() { register(hybridServerUpdate{}) }

func (hybridServerUpdate) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-server-update",
		Severity: lint.Error,
		Summary:  "a hybrid or Edge server not on the latest or previous CU/RU",
		Sources:  sources("MS-HYB-PREREQ", "MS-HCW-FAQ", "CSS-HC", "ESU-E1"),
	}
}

// MS-HYB-PREREQ: "Hybrid deployments require the latest Cumulative Update
// (CU) or Update Rollup (RU) that's available for your version of Exchange.
// If you can't install the latest update, the immediately previous release is
// also supported", Edge Transport servers included. After a version's end of
// support, the current levels are those Microsoft kept servicing (currency).
func (hybridServerUpdate) Check(p *lint.Pass) {
	ms, known := p.Facts.HybridRoster()
	if h := p.Topology.Hybrid; h != nil && !known {
		p.Unknown(&h.Block, "servers")
	}
	seen := map[*schema.Server]bool{}
	for _, group := range [][]facts.RosterEntry{ms, p.Facts.EdgeRoster()} {
		for _, m := range group {
			if seen[m.Server.Server] {
				continue
			}
			seen[m.Server.Server] = true
			current, known, levels := m.Server.Currency(p.AsOf)
			if !known || current {
				continue
			}
			kind := "hybrid server"
			if m.IsEdge() {
				kind = "hybrid Edge Transport server"
			}
			// Hybrid needs the latest or the previous CU/RU, Edge Transport
			// servers included; after the end of support, the last levels
			// Microsoft updated (the rule page says more).
			need := fmt.Sprintf("the latest or previous CU/RU (on %s: %s)", p.AsOf, words.Or(releaseNames(levels)))
			if end, ok := m.Exchange.EndOfSupport(); ok && p.AsOf.After(end) {
				need = fmt.Sprintf("the last %s Microsoft updated (%s)", words.Noun("level", len(levels)), words.Or(releaseNames(levels)))
			}
			// The level to install is the newest current one that can join
			// the organization (updateTarget).
			msg := fmt.Sprintf("%s %s runs %s, and hybrid needs %s: %s", kind, m.Name(), m.LevelName(), need,
				updateTarget(p, levels).install(p, m.Name(), nil, ""))
			var rel []lint.Related
			if m.At != m.Server.VersionNode() {
				rel = append(rel, lint.Related{Range: m.At.SourceRange(), Message: fmt.Sprintf("%s is listed here", m.Name())})
			}
			p.Report(m.Server.LevelNode(), msg, rel...)
		}
	}
}
