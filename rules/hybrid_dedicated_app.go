package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
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

// dedicatedAppBuilds lists, per version, the April 2025 Hotfix Updates that
// brought the dedicated Exchange hybrid app: a server needs the one for its
// CU, or a later build (MS-HYBAPP-SEC; builds in CSS-HC). Every Exchange SE
// build has it (SE RTM is 2019 CU15 with the May 2025 HU). Exchange 2013 uses
// OAuth with Exchange Online but got no April 2025 HU, so none of its builds
// can use the app. Exchange 2010 and older are not listed: they reach
// Exchange Online through the federation trust, not OAuth, and do not use the
// shared service principal.
var dedicatedAppBuilds = map[string][]string{
	"2013": nil,                              // no April 2025 HU (CSS-HC)
	"2016": {"CU23 Apr25HU"},                 // 15.1.2507.55 (MS-HYBAPP-SEC, CSS-HC)
	"2019": {"CU14 Apr25HU", "CU15 Apr25HU"}, // 15.2.1544.25, 15.2.1748.24 (MS-HYBAPP-SEC, CSS-HC)
	"SE":   {},                               // every build
}

// Exchange Online's enforcement of the dedicated app. From the April 2025 HU
// (the first builds with the app) to the end of October 2025 Microsoft asked
// customers to switch, with temporary blocks of the shared service principal
// on 2025-09-16 (48 hours) and 2025-10-07 (MS-HYBAPP-REMINDER; the August
// block was cancelled, MS-HYBAPP); after 2025-10-31 the block is permanent
// (MS-HYBAPP: "permanently blocked starting in October 2025";
// MS-HYBAPP-REMINDER: "final deprecation ... at the end of October 2025").
var (
	dedicatedAppTemporaryBlocks = []catalog.Date{catalog.MustDate("2025-09-16"), catalog.MustDate("2025-10-07")}
	dedicatedAppPermanentBlock  = catalog.MustDate("2025-10-31") // the last day before the permanent block
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
	sev := lint.Error
	consequence := "Exchange Online has blocked EWS calls through its shared service principal since the end of October 2025 " +
		"(after " + dedicatedAppPermanentBlock.String() + "), so free/busy, MailTips and profile pictures between Exchange Server " +
		"and Exchange Online mailboxes no longer work (mail flow, migrations and management are not affected)"
	if !p.AsOf.After(dedicatedAppPermanentBlock) {
		sev = lint.Warning
		consequence = fmt.Sprintf("Exchange Online blocks EWS calls through its shared service principal permanently after %s "+
			"(temporary blocks on %s), and free/busy, MailTips and profile pictures between Exchange Server and Exchange Online "+
			"mailboxes then stop (mail flow, migrations and management are not affected)",
			dedicatedAppPermanentBlock, dateList(dedicatedAppTemporaryBlocks))
	}
	if h.DedicatedApp.IsFalse() {
		p.ReportAs(sev, h.DedicatedApp, "the dedicated Exchange hybrid app is not configured (dedicated_app = false): "+consequence+
			". Create it with the current Hybrid Configuration Wizard or ConfigureExchangeHybridApplication.ps1, after installing "+
			"the April 2025 Hotfix Update or later on every Exchange server")
	}
	for _, s := range p.Facts.Servers() {
		hus, listed := dedicatedAppBuilds[s.Exchange.ID]
		if !listed || s.IsEdge() {
			continue // Edge Transport servers take no part in free/busy, MailTips or photos
		}
		if hus == nil {
			p.ReportAs(sev, s.VersionNode(), fmt.Sprintf("%s runs %s, which has no April 2025 Hotfix Update and cannot use the dedicated "+
				"Exchange hybrid app: %s. Move its mailboxes to Exchange Online, or to a version with the update, and retire %s",
				s.Name(), s.Exchange.Name, consequence, s.Name()))
			continue
		}
		if len(hus) == 0 || s.Level() == nil {
			continue // Exchange SE, a level exlint does not know, or a preview build (no level)
		}
		need, ok := dedicatedAppNeed(p.Catalog, s, hus)
		if ok {
			continue
		}
		p.ReportAs(sev, s.LevelNode(), fmt.Sprintf("%s runs %s, below the April 2025 Hotfix Update, which the dedicated Exchange hybrid app "+
			"needs: %s. Install %s, or a later build, on %s", s.Name(), s.LevelName(), consequence, need, s.Name()))
	}
}

// dedicatedAppNeed says whether server s has the April 2025 HU for its CU (or
// is on a later CU), and otherwise names what it needs: the HU of its CU, or
// those of the CUs that have one.
func dedicatedAppNeed(cat *catalog.Catalog, s facts.Server, hus []string) (string, bool) {
	var names []string
	for _, name := range hus {
		hu := cat.Release(s.Exchange, name)
		if hu.Level == s.Level() {
			return fmt.Sprintf("%s (%s)", hu.Name, hu.Build), s.Release.Build.Compare(hu.Build) >= 0
		}
		names = append(names, fmt.Sprintf("%s (%s)", hu.Name, hu.Build))
	}
	last := cat.Release(s.Exchange, hus[len(hus)-1])
	if s.Level().Build.Compare(last.Level.Build) > 0 {
		return "", true // a CU released after the HU includes it
	}
	return strings.Join(names, " or "), false
}

// firstDedicatedAppHU is the earliest April 2025 HU of the table.
func firstDedicatedAppHU(cat *catalog.Catalog) *catalog.Release {
	var first *catalog.Release
	for id, hus := range dedicatedAppBuilds {
		for _, name := range hus {
			r := cat.Release(cat.Version(id), name)
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
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}
