package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridWizardUnsupported warns about hybrid servers the current Hybrid
// Configuration Wizard no longer serves, and hybrid servers none of which can
// run it.
type hybridWizardUnsupported struct{}

func init() { register(hybridWizardUnsupported{}) }

func (hybridWizardUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-wizard-unsupported",
		Severity: lint.Warning,
		Summary:  "a hybrid server version the current Hybrid Configuration Wizard no longer supports",
		Sources:  sources("MS-HCW-FAQ", "DOCS-PR-3184", "MS-HYB-PREREQ", "MS-2010-EXT"),
	}
}

var (
	// MS-HYB-PREREQ: ".NET Framework: 4.6.2 or later is required to install
	// Hybrid Configuration Wizard."
	hcwDotNet = "hcw-dotnet-min"
)

func (hybridWizardUnsupported) Check(p *lint.Pass) {
	ms, known := p.Facts.HybridRoster()
	if !known {
		return
	}
	if !p.AsOf.Before(p.Catalog.Day(hcwFAQWithout2010)) {
		for _, m := range ms {
			if m.Exchange.ID != "2010" || m.IsEdge() {
				continue
			}
			msg := fmt.Sprintf("hybrid server %s runs %s: since June 2022 Microsoft's Hybrid Configuration Wizard FAQ names "+
				"Exchange 2013, 2016 and 2019 as the hybrid servers the wizard licenses, no longer Exchange 2010, which has been "+
				"out of support since %s, so the current wizard may not configure or license it. Microsoft advises Exchange 2016 "+
				"hybrid endpoints for organizations with Exchange 2010: install one and list it in hybrid.servers",
				m.Name(), m.Exchange.Name, hybridEOS(m.Exchange))
			p.Report(m.At, msg)
		}
	}
	hybridWizardHost(p, ms)
}

// hybridWizardHost: the wizard runs on a computer with .NET Framework 4.6.2 or
// later, usually a hybrid server. When every hybrid server has an older .NET
// Framework, none of them can run it.
func hybridWizardHost(p *lint.Pass, ms []facts.RosterEntry) {
	min := p.Catalog.DotNetByID(p.Catalog.PlatformID(hcwDotNet))
	var old []string
	var internal []facts.RosterEntry
	for _, m := range ms {
		if m.IsEdge() {
			continue
		}
		internal = append(internal, m)
		id, ok := m.DotNet.Get()
		d := p.Catalog.DotNetByID(id)
		if !ok || d == nil || d.Rank >= min.Rank {
			return // unknown, or a server that can run the wizard
		}
		old = append(old, fmt.Sprintf("%s has %s", m.Name(), d.Name))
	}
	if len(internal) == 0 {
		return
	}
	var at schema.Node = internal[0].DotNet
	if len(internal) > 1 && p.Topology.Hybrid.Servers != nil {
		at = p.Topology.Hybrid.Servers
	}
	p.Report(at, fmt.Sprintf("no hybrid server can run the Hybrid Configuration Wizard, which needs %s or later on the "+
		"computer that runs it (%s): install %s or later on a hybrid server, or run the wizard from another "+
		"domain-joined computer that has it", min.Name, words.And(old), min.Name))
}

// hybridEOS is a version's end of support, for messages.
func hybridEOS(v *catalog.Version) string {
	if end, ok := v.EndOfSupport(); ok {
		return end.String()
	}
	return "its end of support"
}
