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
// must keep running, and how sure the sources are.
type hybridDirSyncNeed struct {
	required bool
	severity lint.Severity
	why      string // what the sources say, for the message
}

const hybridDirSyncSeparately = "Microsoft's hybrid prerequisites require it (Exchange Online knows the on-premises users and " +
	"mailboxes only as synchronized objects), and the Hybrid Configuration Wizard leaves it to be set up separately in this topology"

var hybridDirSyncNeeds = map[string]hybridDirSyncNeed{
	// MS-HYB-PREREQ: directory synchronization is a prerequisite of hybrid;
	// MS-HCW-OPTIONS: "No; set up separately" for Classic Full.
	"classic_full": {true, lint.Error, hybridDirSyncSeparately},
	// MS-HCW-OPTIONS: "No; set up separately" for Modern Full and Modern Minimal.
	"modern_full":    {true, lint.Error, hybridDirSyncSeparately},
	"modern_minimal": {true, lint.Error, hybridDirSyncSeparately},
	// MS-HYB-PREREQ and MS-MIG-PATH ("Staged and Exchange Hybrid migrations
	// require that you also set up directory synchronization") against
	// MS-MINHYB, which calls minimal hybrid "also known as express migration"
	// (one synchronization, then none): a warning.
	"classic_minimal": {true, lint.Warning, "Microsoft's hybrid prerequisites and migration guidance require it for hybrid, while its minimal hybrid page describes minimal hybrid as an express migration that synchronizes users once (sources disagree, hence a warning)"},
	// MS-HCW-OPTIONS: Classic Express sets up Entra Connect in express
	// configuration; MS-MINHYB: synchronized once, then turned off.
	"express": {false, 0, ""},
	// No topology stated: the general prerequisite (MS-HYB-PREREQ) holds; only
	// a stated express topology is exempt.
	"": {true, lint.Error, "Microsoft's hybrid prerequisites require it (Exchange Online knows the on-premises users and mailboxes only as synchronized objects; only the express option synchronizes once and turns it off: if this is one, say topology = \"express\")"},
}

func (hybridDirectorySyncRequired) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	topo := hybridTopology(p)
	need, ok := hybridDirSyncNeeds[topo]
	if !ok || !need.required {
		return
	}
	what := "the hybrid deployment"
	if topo != "" {
		what = fmt.Sprintf("the %q hybrid deployment", topo)
	}
	var at schema.Node = h
	if h.Topology != nil {
		at = h.Topology
	}
	note := ""
	if need.severity == lint.Warning {
		note = " (sources disagree on whether minimal hybrid keeps directory synchronization, hence a warning)"
	}
	ds := p.Topology.DirectorySync
	switch {
	case ds == nil:
		p.ReportAs(need.severity, at, fmt.Sprintf("%s has no directory synchronization (no directory_sync block): %s. "+
			"Set up Microsoft Entra Connect with the Exchange hybrid deployment option, and describe it in a directory_sync block",
			what, need.why))
	case ds.Enabled.IsFalse():
		p.ReportAs(need.severity, ds.Enabled, fmt.Sprintf("directory synchronization is turned off, and %s needs it: %s. "+
			"Turn it on, with the Exchange hybrid deployment option", what, need.why))
	case ds.ExchangeHybridWriteback.IsFalse():
		p.ReportAs(need.severity, ds.ExchangeHybridWriteback, fmt.Sprintf("directory synchronization runs without the "+
			"Exchange hybrid deployment option, and %s needs it: that option writes back to Active Directory the "+
			"attributes that let mailboxes on premises and in Exchange Online coexist. Turn on the Exchange hybrid "+
			"deployment optional feature in Microsoft Entra Connect (or Exchange hybrid writeback in Cloud Sync)%s", what, note))
	}
}
