package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// hybridDirectorySyncRequired reports hybrid deployments that need directory
// synchronization and do not have it running, or run it without the
// "Exchange hybrid deployment" write-back option.
type hybridDirectorySyncRequired struct{}

func init() { register(hybridDirectorySyncRequired{}) }

func (hybridDirectorySyncRequired) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-directory-sync-required",
		Severity: lint.Error,
		Summary:  "hybrid (other than express) without directory synchronization",
		Sources:  sources("MS-HYB-PREREQ", "MS-HCW-OPTIONS", "MS-MINHYB", "MS-MIG-PATH", "MS-ENTRA-CUSTOM", "MS-HCW-2020"),
	}
}

// hybridDirSyncNeed says, per hybrid topology, whether directory synchronization
// must keep running, and how sure the sources are (what they say is the rule
// page's).
type hybridDirSyncNeed struct {
	required bool
	severity lint.Severity
}

// hybridDirSyncNeeds says, per hybrid mode (hybridMode), whether directory
// synchronization must keep running. The Minimal options are treated alike.
var hybridDirSyncNeeds = map[string]hybridDirSyncNeed{
	// MS-HYB-PREREQ: directory synchronization is a prerequisite of hybrid;
	// MS-HCW-OPTIONS: "No; set up separately" for Classic Full and Modern Full.
	// A hybrid block without a topology (and no express method) is taken as
	// Classic Full.
	"classic_full": {true, lint.Error},
	"modern_full":  {true, lint.Error},
	// MS-HYB-PREREQ and MS-MIG-PATH ("Staged and Exchange Hybrid migrations
	// require that you also set up directory synchronization") against
	// MS-MINHYB, which calls minimal hybrid "also known as express migration"
	// (one synchronization, then none); MS-HCW-OPTIONS says "No" for Classic
	// Minimal and "No; set up separately" for Modern Minimal (Entra Connect in
	// express configuration). The reference treats both Minimal options alike:
	// a warning for both.
	"classic_minimal": {true, lint.Warning},
	"modern_minimal":  {true, lint.Warning},
	// MS-HCW-OPTIONS: Classic Express sets up Entra Connect in express
	// configuration; MS-MINHYB: synchronized once, then turned off. A
	// migration method of express or minimal_hybrid without a topology means
	// this mode too.
	"express": {false, 0},
}

func (hybridDirectorySyncRequired) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	mode, _ := p.Facts.HybridMode()
	need, ok := hybridDirSyncNeeds[mode]
	if !ok || !need.required {
		return
	}
	what := fmt.Sprintf("the %q hybrid deployment", mode)
	if h.Topology == nil {
		what = "the hybrid deployment (no topology: a classic full hybrid, not topology = \"express\")"
	}
	var at schema.Node = h
	if h.Topology != nil {
		at = h.Topology
	}
	// A warning says the sources disagree.
	note := ""
	if need.severity == lint.Warning {
		note = " (sources disagree for minimal hybrid: see the rule page)"
	}
	ds := p.Topology.DirectorySync
	if ds != nil && !ds.Enabled.IsFalse() {
		if ds.Enabled == nil {
			p.Unknown(&ds.Block, "enabled")
		}
		if ds.ExchangeHybridWriteback == nil {
			p.Unknown(&ds.Block, "exchange_hybrid_writeback")
		}
	}
	switch {
	case ds == nil:
		p.ReportAs(need.severity, at, fmt.Sprintf("%s has no directory synchronization (no directory_sync block), which hybrid needs%s: "+
			"set up Microsoft Entra Connect with the Exchange hybrid deployment option and describe it in a directory_sync block", what, note))
	case ds.Enabled.IsFalse():
		p.ReportAs(need.severity, ds.Enabled, fmt.Sprintf("directory synchronization is turned off, and %s needs it%s: "+
			"turn it on, with the Exchange hybrid deployment option", what, note))
	case ds.ExchangeHybridWriteback.IsFalse():
		p.ReportAs(need.severity, ds.ExchangeHybridWriteback, fmt.Sprintf("directory synchronization runs without the "+
			"Exchange hybrid deployment option, which %s needs%s: turn it on in Microsoft Entra Connect (or Exchange hybrid writeback in Cloud Sync)",
			what, note))
	}
}
