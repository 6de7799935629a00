package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridFeatures reports hybrid features that the deployment's Hybrid
// Configuration Wizard option, organization relationship or OAuth do not
// provide, and a federation trust missing where Exchange 2010 or 2007 needs
// one.
type hybridFeatures struct{}

func init() { register(hybridFeatures{}) }

func (hybridFeatures) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-features",
		Severity: lint.Error,
		Summary:  "a hybrid feature the Hybrid Configuration Wizard option, the organization relationship or OAuth do not provide, hybrid modern authentication without OAuth, or no federation trust where Exchange 2010 or 2007 needs one (warning where sources conflict)",
		Sources: sources("MS-HCW-OPTIONS", "MS-HCW", "MS-HYB-FREEBUSY", "MS-HYB-AGENT", "MS-PS-HYBRIDCONFIG", "MS-HYBAPP-SEC",
			"MS-OAUTH-2013", "MS-HMA-CONFIG", "MS-SE-INPLACE"),
	}
}

// What each option sets up, and what each feature relies on, is the
// catalogue's (data/hybridwizard.csv); which Exchange versions the wizard
// sets OAuth up for is subject hybrid-oauth.
const hybridOAuth = "hybrid-oauth"

// wizardOptionNames are the Hybrid Configuration Wizard's names of its
// options (MS-HCW-OPTIONS), by hybrid_topology keyword.
var wizardOptionNames = map[string]string{
	"classic_minimal": "Classic Minimal",
	"express":         "Classic Express",
	"classic_full":    "Classic Full",
	"modern_minimal":  "Modern Minimal",
	"modern_full":     "Modern Full",
}

func (hybridFeatures) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	mode, modeAt := p.Facts.HybridMode()
	cat := p.Catalog
	option := fmt.Sprintf("the %s option of the Hybrid Configuration Wizard", wizardOptionNames[mode])
	var optionNote []lint.Related
	if modeAt != h {
		optionNote = append(optionNote, related(modeAt, fmt.Sprintf("the %s option", wizardOptionNames[mode])))
	}
	legacy := hybridOAuthLegacy(p)

	if h.Features == nil {
		p.Unknown(&h.Block, "features")
	}
	if h.Features != nil {
		for _, f := range h.Features.Items {
			w := cat.WizardItem(f.Value)
			if w == nil || !w.Feature || len(w.Topologies) == 0 {
				continue // online_archive: not judged
			}
			if !w.SetUpBy(mode) {
				what := w.Name
				if w.Note != "" && strings.HasPrefix(mode, "modern_") {
					what += " (" + w.Note + ")" // the Hybrid Agent's limits
				}
				p.Report(f, fmt.Sprintf("%s does not set up %s: run the wizard with %s, or leave %s out of hybrid.features",
					option, what, wizardOptions(w), f.Value), optionNote...)
				continue
			}
			switch missing, why := wizardNeedsMissing(h, w, legacy); missing {
			case needsMet:
				if wizardNeedUnstated(h, w) {
					p.UnknownFor(f, &h.Block, "organization_relationship")
				}
			case needsMissing:
				p.Report(f, fmt.Sprintf("%s needs %s, and this hybrid has %s: set up the organization relationship (the wizard's %s option does)",
					w.Name, wizardNeedNames(w), why, wizardOptionNames[mode]))
			case needsUnstated:
				p.ReportAs(lint.Warning, f, fmt.Sprintf("%s needs %s, and this hybrid has %s and does not say whether OAuth is set up: "+
					"state oauth = true if it is, or restore the organization relationship", w.Name, wizardNeedNames(w), why))
			}
		}
	}

	// Hybrid modern authentication needs OAuth between Exchange and Exchange
	// Online: its evoSTS authorization server is one the OAuth configuration
	// creates, and "If you don't see this, you should download and run the
	// most recent version of the Hybrid Configuration Wizard" (MS-HMA-CONFIG,
	// MS-OAUTH-2013).
	if h.ModernAuth == nil {
		p.Unknown(&h.Block, "modern_auth")
	}
	if h.ModernAuth.IsTrue() {
		oauth := cat.WizardItem("oauth")
		if h.OAuth == nil && oauth.SetUpBy(mode) {
			p.Unknown(&h.Block, "oauth")
		}
		switch {
		case h.OAuth.IsFalse():
			p.Report(h.OAuth, "hybrid modern authentication (modern_auth = true) needs OAuth between Exchange and Exchange Online, "+
				"whose evoSTS authorization server it uses, and oauth = false: set OAuth up with the Hybrid Configuration Wizard",
				related(h.ModernAuth, "modern authentication is turned on here"))
		case h.OAuth == nil && !oauth.SetUpBy(mode):
			p.Report(h.ModernAuth, fmt.Sprintf("hybrid modern authentication needs OAuth between Exchange and Exchange Online, which %s does not set up: "+
				"run the wizard with the Classic Full option (the Modern options, through the Hybrid Agent, do not support it)", option), optionNote...)
		}
	}

	// The federation trust. Microsoft's pages agree that a hybrid with
	// Exchange 2010 or 2007 relies on it (MS-OAUTH-2013, MS-HYB-FREEBUSY,
	// MS-HCW-OPTIONS), and disagree for one without: a warning that says so.
	if h.FederationTrust == nil && cat.WizardItem("federation_trust").SetUpBy(mode) {
		p.Unknown(&h.Block, "federation_trust")
	}
	if h.FederationTrust.IsFalse() && cat.WizardItem("federation_trust").SetUpBy(mode) {
		if len(legacy) > 0 {
			p.Report(h.FederationTrust, fmt.Sprintf("federation_trust = false, but with %s in the organization the wizard sets up no OAuth, "+
				"so free/busy, MailTips and the organization relationship rely on the federation trust: set it up (the wizard's %s option does)",
				hybridLegacyNames(legacy), wizardOptionNames[mode]))
		} else {
			p.ReportAs(lint.Warning, h.FederationTrust, fmt.Sprintf("federation_trust = false: Microsoft's pages disagree on whether a hybrid without Exchange 2010 or 2007 "+
				"needs one (the wizard's options table has its %s option set one up; its free/busy page says only mixed 2013/2010 and 2013/2007 hybrids need it); "+
				"keep the one the wizard sets up", wizardOptionNames[mode]))
		}
	}
}

// hybridOAuthLegacy returns the Exchange servers, Edge Transport servers
// aside, whose version the wizard sets up no OAuth for (subject
// hybrid-oauth): with them, the hybrid uses the federation trust.
func hybridOAuthLegacy(p *lint.Pass) []*schema.Server {
	var out []*schema.Server
	legacy := map[*catalog.Version]bool{}
	for _, v := range p.Catalog.Versions() {
		verdict, _ := p.Catalog.SupportsAny(hybridOAuth, "", "", v)
		legacy[v] = verdict == catalog.Unsupported
	}
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() && legacy[s.Exchange] {
			out = append(out, s.Server)
		}
	}
	return out
}

// hybridLegacyNames names the versions of those servers: "Exchange Server
// 2010 (EX10-01)".
func hybridLegacyNames(ss []*schema.Server) string {
	var parts []string
	byVersion := map[string][]string{}
	var order []string
	for _, s := range ss {
		v := "Exchange " + s.Version.Value
		if byVersion[v] == nil {
			order = append(order, v)
		}
		byVersion[v] = append(byVersion[v], s.Name())
	}
	for _, v := range order {
		parts = append(parts, fmt.Sprintf("%s (%s)", v, words.And(words.Short(byVersion[v]))))
	}
	return words.And(parts)
}

// What wizardNeedsMissing finds of the components a feature relies on.
const (
	needsMet      = iota // one of them is there, or may be
	needsMissing         // each is known to be missing
	needsUnstated        // the organization relationship is turned off and OAuth is not stated
)

// wizardNeedsMissing says whether every component a feature relies on is
// known to be missing, and how: organization_relationship = false; oauth =
// false, or no OAuth because Exchange 2010 or 2007 is present. A design
// that turns the organization relationship off and says nothing of OAuth
// is needsUnstated: the wizard's Full option sets OAuth up for Exchange
// 2013 and later, but the design has left the path it set up.
func wizardNeedsMissing(h *schema.Hybrid, w *catalog.WizardItem, legacy []*schema.Server) (int, string) {
	if len(w.Needs) == 0 {
		return needsMet, ""
	}
	var why []string
	unstated := false
	for _, n := range w.Needs {
		switch n.ID {
		case "organization_relationship":
			if !h.OrganizationRelationship.IsFalse() {
				return needsMet, ""
			}
			why = append(why, "organization_relationship = false")
		case "oauth":
			switch {
			case h.OAuth.IsFalse():
				why = append(why, "oauth = false")
			case h.OAuth == nil && len(legacy) > 0:
				why = append(why, fmt.Sprintf("no OAuth with %s present", hybridLegacyNames(legacy)))
			case h.OAuth == nil:
				unstated = true
			default:
				return needsMet, ""
			}
		default:
			return needsMet, "" // a component the topology does not state
		}
	}
	if unstated {
		return needsUnstated, strings.Join(why, "; ")
	}
	if len(why) == 1 {
		return needsMissing, why[0]
	}
	return needsMissing, "neither (" + strings.Join(why, "; ") + ")"
}

// wizardNeedUnstated reports whether a feature's needs pass only because
// the organization relationship is not stated: OAuth, the other way, is not
// known to be set up.
func wizardNeedUnstated(h *schema.Hybrid, w *catalog.WizardItem) bool {
	if h.OrganizationRelationship != nil || h.OAuth.IsTrue() {
		return false
	}
	for _, n := range w.Needs {
		if n.ID == "organization_relationship" {
			return true
		}
	}
	return false
}

// wizardNeedNames names what a feature relies on: "the organization
// relationship or OAuth".
func wizardNeedNames(w *catalog.WizardItem) string {
	var ns []string
	for _, n := range w.Needs {
		ns = append(ns, n.Name)
	}
	return words.Or(ns)
}

// wizardOptions names the options that set an item up: "Classic Full or
// Modern Full".
func wizardOptions(w *catalog.WizardItem) string {
	var ns []string
	for _, t := range w.Topologies {
		ns = append(ns, fmt.Sprintf("%s (%s)", wizardOptionNames[t], t))
	}
	return words.Or(ns)
}
