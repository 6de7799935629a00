package rules

import (
	"fmt"
	"slices"

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
		if h := p.Topology.Hybrid; h != nil {
			p.Unknown(&h.Block, "servers")
		}
		return
	}
	if !p.AsOf.Before(p.Catalog.Day(hcwFAQWithout2010)) {
		for _, m := range ms {
			if !faqDropped(p.Catalog, m.Exchange) || m.IsEdge() {
				continue
			}
			// Microsoft advises Exchange 2016 hybrid servers beside 2010, named
			// only while one is in support (hybridTarget).
			fix := "retire the 2010 servers first (no version in support can be a hybrid server beside them)"
			if v, first := hybridTarget(p, nil); v != nil && v != m.Exchange {
				fix = fmt.Sprintf("add an %s hybrid server and list it in hybrid.servers%s", v.ShortName(), onceGoneNote(first))
			}
			p.Report(m.At, fmt.Sprintf("hybrid server %s runs %s, which the current Hybrid Configuration Wizard no longer lists "+
				"(since %s) and may not configure or license: %s", m.Name(), m.Exchange.Name, p.Catalog.Day(hcwFAQWithout2010), fix))
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
	var internal, unstated []facts.RosterEntry
	for _, m := range ms {
		if m.IsEdge() {
			continue
		}
		internal = append(internal, m)
		id, ok := m.DotNet.Get()
		d := p.Catalog.DotNetByID(id)
		if !ok {
			unstated = append(unstated, m)
			continue
		}
		if d == nil || d.Rank >= min.Rank {
			return // unknown, or a server that can run the wizard
		}
		old = append(old, fmt.Sprintf("%s has %s", m.Name(), d.Name))
	}
	if len(unstated) > 0 {
		for _, m := range unstated {
			p.UnknownFor(m.At, &m.Block, "dotnet")
		}
		return
	}
	if len(internal) == 0 {
		return
	}
	var at schema.Node = internal[0].DotNet
	if len(internal) > 1 && p.Topology.Hybrid.Servers != nil {
		at = p.Topology.Hybrid.Servers
	}
	// A hybrid server whose Exchange supports no such .NET (Exchange 2010)
	// cannot be given one: then only another computer can run the wizard.
	fix := "run the wizard on another domain-joined computer that has it"
	if hybridHostCanTake(p, internal, min) {
		fix = "install it on a hybrid server, or " + fix
	}
	p.Report(at, fmt.Sprintf("no hybrid server can run the Hybrid Configuration Wizard, which needs %s or later (%s): %s",
		min.Name, words.And(old), fix))
}

// hybridHostCanTake reports whether some hybrid server's release supports a
// .NET Framework at least min (the dotnet matrix), or is of unknown level.
func hybridHostCanTake(p *lint.Pass, ms []facts.RosterEntry, min *catalog.DotNet) bool {
	for _, m := range ms {
		if m.Release == nil {
			return true
		}
		os, _ := m.OS.Get()
		for _, d := range p.Catalog.DotNets {
			if v, _ := p.Catalog.SupportsOn(dotnetMatrix, d.ID, os, m.Release); d.Rank >= min.Rank && v == catalog.Supported {
				return true
			}
		}
	}
	return false
}

// faqDropped reports whether the Hybrid Configuration Wizard FAQ stopped
// naming hybrid servers of v on the day of hcwFAQWithout2010: v's
// hybrid-license row cites the change to the FAQ (that limit's source,
// DOCS-PR-3184), Exchange 2010.
func faqDropped(cat *catalog.Catalog, v *catalog.Version) bool {
	change := cat.Limit(hcwFAQWithout2010).Sources
	for _, r := range cat.VersionRows(licenseMatrix, v) {
		for _, src := range r.Sources {
			if slices.Contains(change, src) {
				return true
			}
		}
	}
	return false
}
