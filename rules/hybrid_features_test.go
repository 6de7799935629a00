package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// featuresHybrid declares an SE organization (plus extra servers) with a hybrid
// block holding the given lines.
func featuresHybrid(extra string, lines ...string) string {
	return org(srv("EX01", "SE", "RTM", `roles = ["mailbox"]`), extra,
		"hybrid {\n  servers = [\"EX01\"]\n  "+strings.Join(lines, "\n  ")+"\n}\n")
}

var ex2010 = srv("EX10", "2010", "SP3 RU32", `roles = ["mailbox", "client_access", "hub_transport"]`)

// Which option sets up which feature, from Microsoft's options table
// (MS-HCW-OPTIONS) and the Hybrid Agent's limits (MS-HYB-AGENT): every
// option with every feature.
func TestHybridFeaturesByOption(t *testing.T) {
	full := map[string]bool{"classic_full": true, "modern_full": true}
	classic := map[string]bool{"classic_full": true}
	setUp := map[string]map[string]bool{
		"free_busy": full, "mailtips": full, "owa_redirection": full, "photos": full,
		"secure_mail": full, "centralized_transport": full,
		"message_tracking": classic, "multi_mailbox_search": classic,
	}
	names := map[string]string{"classic_minimal": "Classic Minimal", "express": "Classic Express", "classic_full": "Classic Full",
		"modern_minimal": "Modern Minimal", "modern_full": "Modern Full"}
	for _, mode := range []string{"classic_minimal", "express", "classic_full", "modern_minimal", "modern_full"} {
		for feature, by := range setUp {
			fs := check(t, hybridFeatures{}, today, featuresHybrid("", fmt.Sprintf("topology = %q", mode), fmt.Sprintf("features = [%q, \"online_archive\"]", feature)))
			if by[mode] {
				if len(fs) > 0 {
					t.Errorf("%s with %s: want nothing, got\n%s", mode, feature, summary(fs))
				}
				continue
			}
			want := fmt.Sprintf("the %s option of the Hybrid Configuration Wizard does not set up ", names[mode])
			fix := fmt.Sprintf(": run the wizard with Classic Full (classic_full) or Modern Full (modern_full), or leave %s out of hybrid.features", feature)
			if !by["modern_full"] {
				fix = fmt.Sprintf(": run the wizard with Classic Full (classic_full), or leave %s out of hybrid.features", feature)
			}
			if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "hybrid.features[0]" ||
				!strings.HasPrefix(fs[0].Message, want) || !strings.HasSuffix(fs[0].Message, fix) {
				t.Errorf("%s with %s: want %q...%q at hybrid.features[0], got\n%s", mode, feature, want, fix, summary(fs))
			}
			if agent := strings.Contains(fs[0].Message, "(the Hybrid Agent does not carry it)"); agent != (strings.HasPrefix(mode, "modern_") && !by["modern_full"]) {
				t.Errorf("%s with %s: the Hybrid Agent note is %v:\n%s", mode, feature, agent, fs[0].Message)
			}
		}
	}
	// A hybrid block that states no topology is the Classic Full option;
	// with an express migration, Classic Express, which the note points at.
	if fs := check(t, hybridFeatures{}, today, featuresHybrid("", `features = ["multi_mailbox_search"]`)); len(fs) > 0 {
		t.Errorf("no topology: want nothing, got\n%s", summary(fs))
	}
	fs := check(t, hybridFeatures{}, today, featuresHybrid("migration {\n  method = \"express\"\n}\n", `features = ["free_busy"]`))
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, "the Classic Express option") || len(fs[0].Related) != 1 || fs[0].Related[0].Message != "the Classic Express option" {
		t.Errorf("express migration: got\n%s", summary(fs))
	}
}

// Under a Full option: free/busy and MailTips need the organization
// relationship or OAuth; Outlook on the web redirection, photos, message
// tracking and multi-mailbox search the organization relationship. Only
// what the topology states as missing counts, and OAuth, which the wizard
// does not set up with Exchange 2010 or 2007 in the organization; with the
// organization relationship turned off and OAuth not stated, free/busy and
// MailTips get a warning asking to state it.
func TestHybridFeaturesNeeds(t *testing.T) {
	either := []string{"free_busy", "mailtips"}
	relOnly := []string{"owa_redirection", "photos", "message_tracking", "multi_mailbox_search"}
	for _, tc := range []struct {
		name, extra, rel, oauth string
		failEither, failRel     bool
		why                     string
		warnEither              bool
	}{
		{"both stated off", "", "false", "false", true, true, "neither (organization_relationship = false; oauth = false)", false},
		{"no relationship, OAuth on", "", "false", "true", false, true, "organization_relationship = false", false},
		{"no relationship, OAuth unknown", "", "false", "", false, true, "organization_relationship = false", true},
		{"no relationship, OAuth unknown, Exchange 2010", ex2010, "false", "", true, true, "neither (organization_relationship = false; no OAuth with Exchange 2010 (EX10) present)", false},
		{"no relationship, OAuth on, Exchange 2010", ex2010, "false", "true", false, true, "organization_relationship = false", false},
		{"relationship unknown, OAuth off", "", "", "false", false, false, "", false},
		{"relationship on, OAuth off", "", "true", "false", false, false, "", false},
		{"nothing stated", ex2010, "", "", false, false, "", false},
	} {
		for _, group := range [][]string{either, relOnly} {
			for _, feature := range group {
				lines := []string{`topology = "classic_full"`, fmt.Sprintf("features = [%q]", feature)}
				if tc.rel != "" {
					lines = append(lines, "organization_relationship = "+tc.rel)
				}
				if tc.oauth != "" {
					lines = append(lines, "oauth = "+tc.oauth)
				}
				fs := check(t, hybridFeatures{}, today, featuresHybrid(tc.extra, lines...))
				fail, why := tc.failRel, "organization_relationship = false"
				if group[0] == "free_busy" {
					fail, why = tc.failEither, tc.why
				}
				if group[0] == "free_busy" && tc.warnEither {
					want := "and this hybrid has organization_relationship = false and does not say whether OAuth is set up: state oauth = true if it is, or restore the organization relationship"
					if len(fs) != 1 || fs[0].Severity != lint.Warning || !strings.HasSuffix(fs[0].Message, want) {
						t.Errorf("%s, %s: want a warning ...%q, got\n%s", tc.name, feature, want, summary(fs))
					}
					continue
				}
				if !fail {
					if len(fs) > 0 {
						t.Errorf("%s, %s: want nothing, got\n%s", tc.name, feature, summary(fs))
					}
					continue
				}
				want := "and this hybrid has " + why + ": set up the organization relationship (the wizard's Classic Full option does)"
				if len(fs) != 1 || fs[0].Address != "hybrid.features[0]" || !strings.HasSuffix(fs[0].Message, want) {
					t.Errorf("%s, %s: want ...%q, got\n%s", tc.name, feature, want, summary(fs))
				}
			}
		}
	}
	fs := check(t, hybridFeatures{}, today, featuresHybrid("", `features = ["free_busy"]`, "organization_relationship = false", "oauth = false"))
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, "free/busy sharing needs the organization relationship or OAuth, and") {
		t.Errorf("wording: got\n%s", summary(fs))
	}
}

// Hybrid modern authentication needs OAuth: stated off (at oauth), or not
// set up by the option (at modern_auth).
func TestHybridFeaturesModernAuth(t *testing.T) {
	for _, tc := range []struct {
		mode, oauth, at string
	}{
		{"classic_full", "false", "hybrid.oauth"},
		{"classic_full", "", ""},
		{"classic_full", "true", ""},
		{"modern_full", "", ""},
		{"modern_full", "false", "hybrid.oauth"},
		{"classic_minimal", "", "hybrid.modern_auth"},
		{"express", "", "hybrid.modern_auth"},
		{"modern_minimal", "", "hybrid.modern_auth"},
		{"classic_minimal", "true", ""},
		{"classic_minimal", "false", "hybrid.oauth"},
	} {
		lines := []string{fmt.Sprintf("topology = %q", tc.mode), "modern_auth = true"}
		if tc.oauth != "" {
			lines = append(lines, "oauth = "+tc.oauth)
		}
		fs := check(t, hybridFeatures{}, today, featuresHybrid("", lines...))
		if tc.at == "" {
			if len(fs) > 0 {
				t.Errorf("%s, oauth %q: want nothing, got\n%s", tc.mode, tc.oauth, summary(fs))
			}
			continue
		}
		want := "hybrid modern authentication (modern_auth = true) needs OAuth between Exchange and Exchange Online, whose evoSTS authorization server it uses, and oauth = false: set OAuth up with the Hybrid Configuration Wizard"
		if tc.at == "hybrid.modern_auth" {
			want = "hybrid modern authentication needs OAuth between Exchange and Exchange Online, which the " + map[string]string{"classic_minimal": "Classic Minimal", "express": "Classic Express", "modern_minimal": "Modern Minimal"}[tc.mode] +
				" option of the Hybrid Configuration Wizard does not set up: run the wizard with the Classic Full option (the Modern options, through the Hybrid Agent, do not support it)"
		}
		if len(fs) != 1 || fs[0].Address != tc.at || fs[0].Message != want {
			t.Errorf("%s, oauth %q: want %q at %s, got\n%s", tc.mode, tc.oauth, want, tc.at, summary(fs))
		}
	}
	// Modern authentication off: nothing.
	if fs := check(t, hybridFeatures{}, today, featuresHybrid("", `topology = "express"`, "modern_auth = false", "oauth = false")); len(fs) > 0 {
		t.Errorf("off: got\n%s", summary(fs))
	}
}

// federation_trust = false under a Full option: an error with Exchange 2010
// or 2007 (Edge Transport servers aside), where every source agrees the
// hybrid relies on it; a warning without, where they disagree.
func TestHybridFeaturesFederationTrust(t *testing.T) {
	ex2007 := srv("EX07", "2007", "SP3 RU23", `roles = ["mailbox"]`)
	edge2010 := srv("EDGE10", "2010", "SP3 RU32", `roles = ["edge_transport"]`)
	for _, tc := range []struct {
		name, extra, mode, trust string
		sev                      lint.Severity
		want                     string
	}{
		{"2010", ex2010, "classic_full", "false", lint.Error, "federation_trust = false, but with Exchange 2010 (EX10) in the organization the wizard sets up no OAuth, so free/busy, MailTips and the organization relationship rely on the federation trust: set it up (the wizard's Classic Full option does)"},
		{"2007", ex2007, "modern_full", "false", lint.Error, "with Exchange 2007 (EX07) in the organization"},
		{"2013 and later only", "", "classic_full", "false", lint.Warning, "federation_trust = false: Microsoft's pages disagree on whether a hybrid without Exchange 2010 or 2007 needs one (the wizard's options table has its Classic Full option set one up; its free/busy page says only mixed 2013/2010 and 2013/2007 hybrids need it); keep the one the wizard sets up"},
		{"an Exchange 2010 Edge only", edge2010, "classic_full", "false", lint.Warning, "Microsoft's pages disagree"},
		{"minimal", ex2010, "classic_minimal", "false", 0, ""},
		{"express", ex2010, "express", "false", 0, ""},
		{"on", ex2010, "classic_full", "true", 0, ""},
		{"unknown", ex2010, "classic_full", "", 0, ""},
	} {
		lines := []string{fmt.Sprintf("topology = %q", tc.mode)}
		if tc.trust != "" {
			lines = append(lines, "federation_trust = "+tc.trust)
		}
		fs := check(t, hybridFeatures{}, today, featuresHybrid(tc.extra, lines...))
		if tc.sev == 0 {
			if len(fs) > 0 {
				t.Errorf("%s: want nothing, got\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != tc.sev || fs[0].Address != "hybrid.federation_trust" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want one %s saying %q, got\n%s", tc.name, tc.sev, tc.want, summary(fs))
		}
	}
}

// hybrid-modern-topology-limits gives way at the same item: the error names
// the Hybrid Agent too. Turned off, it comes back.
func TestHybridFeaturesOverlap(t *testing.T) {
	src := featuresHybrid("", `topology = "modern_full"`, `features = ["message_tracking"]`)
	rules := []lint.Rule{hybridFeatures{}, hybridModernTopologyLimits{}}
	fs := checkWith(t, rules, today, src, "")
	if byRule(fs, "hybrid-features") != `hybrid.features["message_tracking"]` || byRule(fs, "hybrid-modern-topology-limits") != "" ||
		!strings.Contains(fs[0].Message, "the Modern Full option of the Hybrid Configuration Wizard does not set up cross-premises message tracking (the Hybrid Agent does not carry it)") {
		t.Errorf("both on: got\n%s", summary(fs))
	}
	fs = checkWith(t, rules, today, src, disabled("hybrid-features"))
	if byRule(fs, "hybrid-modern-topology-limits") != `hybrid.features["message_tracking"]` {
		t.Errorf("hybrid-features off: got\n%s", summary(fs))
	}
}
