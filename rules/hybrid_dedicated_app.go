package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridDedicatedApp reports hybrid deployments that still depend on
// Exchange Online's shared service principal: without the dedicated Exchange
// hybrid app, or with Exchange servers that cannot use it.
type hybridDedicatedApp struct{}

func init() { register(hybridDedicatedApp{}) }

func (hybridDedicatedApp) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-dedicated-app",
		Severity: lint.Error,
		Summary:  "after 2025-10-31: hybrid without the dedicated hybrid app, or servers below the April 2025 HU",
		Sources:  sources("MS-HYBAPP-SEC", "MS-HYBAPP", "MS-HYBAPP-REMINDER", "CSS-HC-HYBAPP", "CSS-HC", "MS-HCW-OPTIONS"),
	}
}

// The builds that can use the dedicated Exchange hybrid app are the
// catalogue's (subject hybrid-dedicated-app): per version, from the April
// 2025 Hotfix Update of each CU, or every build (Exchange SE), or none
// (Exchange 2013, which got no April 2025 HU). Exchange 2010 and older have
// no rows: they reach Exchange Online through the federation trust, not
// OAuth, and do not use the shared service principal.
const dedicatedAppMatrix = "hybrid-dedicated-app"

// Exchange Online's enforcement of the dedicated app. From the April 2025 HU
// (the first builds with the app) to the end of October 2025 Microsoft asked
// customers to switch, with temporary blocks of the shared service principal
// on 2025-09-16 (48 hours) and 2025-10-07 (MS-HYBAPP-REMINDER; the August
// block was cancelled, MS-HYBAPP); after 2025-10-31 the block is permanent
// (MS-HYBAPP: "permanently blocked starting in October 2025";
// MS-HYBAPP-REMINDER: "final deprecation ... at the end of October 2025").
var (
	dedicatedAppTemporaryBlocks = "hybrid-app-temporary-blocks"
	dedicatedAppPermanentBlock  = "hybrid-app-permanent-block" // the last day before the permanent block
)

// topologies without rich coexistence (no organization relationship, no
// OAuth: MS-HCW-OPTIONS) do not use the shared service principal; the
// topology is the shared hybrid mode (hybridMode).
func (hybridDedicatedApp) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if mode, _ := p.Facts.HybridMode(); h == nil || facts.WithoutHybridMail(mode) {
		return
	}
	first := firstDedicatedAppHU(p.Catalog)
	if p.AsOf.Before(first.Date) {
		return // the dedicated app did not exist yet
	}
	// Exchange Online's blocks of its shared service principal, and what
	// they do and do not break, are the rule page's.
	permanent := p.Catalog.Day(dedicatedAppPermanentBlock)
	sev := lint.Error
	consequence := fmt.Sprintf("free/busy and MailTips with Exchange Online fail since %s", permanent.AddDays(1))
	if !p.AsOf.After(permanent) {
		sev = lint.Warning
		consequence = fmt.Sprintf("free/busy and MailTips with Exchange Online fail from %s (and on %s)",
			permanent.AddDays(1), dateList(p.Catalog.DaysList(dedicatedAppTemporaryBlocks)))
	}
	if h.DedicatedApp == nil {
		p.Unknown(&h.Block, "dedicated_app")
	}
	if h.DedicatedApp.IsFalse() {
		p.ReportAs(sev, h.DedicatedApp, "the dedicated Exchange hybrid app is not configured (dedicated_app = false), so "+consequence+
			": create it with the current Hybrid Configuration Wizard, after the April 2025 Hotfix Update on every Exchange server")
	}
	for _, s := range p.Facts.Servers() {
		if len(p.Catalog.VersionRows(dedicatedAppMatrix, s.Exchange)) == 0 || s.IsEdge() {
			continue // Edge Transport servers take no part in free/busy, MailTips or photos
		}
		first, some := p.Catalog.FirstSupported(dedicatedAppMatrix, "", s.Exchange)
		if !some {
			p.ReportAs(sev, s.VersionNode(), fmt.Sprintf("%s runs %s, which has no update for the dedicated hybrid app, so %s: "+
				"move its mailboxes to %s and retire it", s.Name(), s.Exchange.Name, consequence, moveTo(p, s.Exchange, p.AsOf)))
			continue
		}
		if first == nil || s.Level() == nil {
			continue // Exchange SE, a level exlint does not know, or a preview build (no level)
		}
		if v, _ := p.Catalog.Supports(dedicatedAppMatrix, "", s.Release); v == catalog.Supported {
			continue
		}
		p.ReportAs(sev, s.LevelNode(), fmt.Sprintf("%s runs %s, below the April 2025 HU the dedicated hybrid app needs, so %s: %s",
			s.Name(), s.LevelName(), consequence, dedicatedAppFix(p, s)))
	}
}

// dedicatedAppHUs are the April 2025 HUs of version v: the first builds of
// its ranges that can use the app.
func dedicatedAppHUs(cat *catalog.Catalog, v *catalog.Version) []*catalog.Release {
	var out []*catalog.Release
	for _, r := range cat.VersionRows(dedicatedAppMatrix, v) {
		if r.Verdict == catalog.Supported && r.From != nil {
			out = append(out, r.From)
		}
	}
	return out
}

// dedicatedAppFix names what server s installs: the HU of its CU, or those
// of the CUs that have one, or later. Where the newest of those cannot join
// the organization (updateTarget: Exchange 2019 CU15 and later refuse
// Exchange 2013), the CU that can, with its latest update, and the newest
// once what refuses it is gone.
func dedicatedAppFix(p *lint.Pass, s facts.Server) string {
	hus := dedicatedAppHUs(p.Catalog, s.Exchange)
	for _, hu := range hus {
		if hu.Level == s.Level() {
			return fmt.Sprintf("install %s or later", hu.Ref())
		}
	}
	if t := updateTarget(p, hus); t.blocked() {
		return t.install(p, s.Name(), (*catalog.Release).Ref, " or later")
	}
	var names []string
	for _, hu := range hus {
		names = append(names, hu.Ref())
	}
	return fmt.Sprintf("install %s or later", strings.Join(names, " or "))
}

// firstDedicatedAppHU is the earliest April 2025 HU of the catalogue.
func firstDedicatedAppHU(cat *catalog.Catalog) *catalog.Release {
	var first *catalog.Release
	for _, v := range cat.Versions() {
		for _, r := range dedicatedAppHUs(cat, v) {
			if first == nil || r.Date.Before(first.Date) {
				first = r
			}
		}
	}
	return first
}

// dateList renders dates for a message: "2025-09-16 and 2025-10-07".
func dateList(ds []catalog.Date) string {
	ss := make([]string, len(ds))
	for i, d := range ds {
		ss[i] = d.String()
	}
	return words.And(ss)
}
