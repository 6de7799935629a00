package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// hybridBlock writes a hybrid block with the given attribute lines.
func hybridBlock(attrs ...string) string {
	return "hybrid {\n  " + strings.Join(attrs, "\n  ") + "\n}\n"
}

// Every limit of the Hybrid Agent, with both Modern topologies; the Classic
// topologies and an unknown topology stay silent.
func TestHybridModernTopologyLimits(t *testing.T) {
	ex := srv("EX01", "SE", "RTM", `roles = ["mailbox"]`)
	cases := []struct {
		name  string
		attrs []string
		at    string // address of the one finding, or "" for none
		want  string // in the message
	}{
		{"modern auth on", []string{`modern_auth = true`}, "hybrid.modern_auth", "does not support hybrid modern authentication"},
		{"modern auth off", []string{`modern_auth = false`}, "", ""},
		{"message tracking", []string{`features = ["free_busy", "message_tracking"]`}, "hybrid.features[1]", "does not carry cross-premises message tracking"},
		{"multi-mailbox search", []string{`features = ["multi_mailbox_search"]`}, "hybrid.features[0]", "does not carry cross-premises multi-mailbox search"},
		{"features the agent carries", []string{`features = ["free_busy", "mailtips", "online_archive", "owa_redirection", "photos", "secure_mail", "centralized_transport"]`}, "", ""},
		{"one organization", []string{`exchange_organizations = 1`}, "", ""},
		{"two organizations", []string{`exchange_organizations = 2`}, "hybrid.exchange_organizations", "supports one Exchange organization, and 2 are in hybrid with this tenant: use the Classic topology (classic_full)"},
		{"no migration endpoint", []string{`migration_endpoints = 0`}, "", ""},
		{"one migration endpoint", []string{`migration_endpoints = 1`}, "", ""},
		{"two migration endpoints", []string{`migration_endpoints = 2`}, "hybrid.migration_endpoints", "supports one migration endpoint, and this plan has 2: move mailboxes through one endpoint"},
	}
	for _, topology := range []string{"modern_full", "modern_minimal"} {
		for _, tc := range cases {
			src := org(ex, hybridBlock(append([]string{`topology = "` + topology + `"`}, tc.attrs...)...))
			fs := check(t, hybridModernTopologyLimits{}, today, src)
			if tc.at == "" {
				if len(fs) != 0 {
					t.Errorf("%s, %s: want no finding:\n%s", topology, tc.name, summary(fs))
				}
				continue
			}
			if len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity != lint.Warning ||
				!strings.Contains(fs[0].Message, tc.want) || !strings.Contains(fs[0].Message, "the Modern hybrid topology ("+topology+")") {
				t.Errorf("%s, %s: want one warning at %s with %q:\n%s", topology, tc.name, tc.at, tc.want, summary(fs))
			}
		}
	}
	// Everything at once is one finding per offending thing.
	all := []string{`modern_auth = true`, `features = ["message_tracking", "multi_mailbox_search"]`, `exchange_organizations = 3`, `migration_endpoints = 4`}
	if fs := check(t, hybridModernTopologyLimits{}, today, org(ex, hybridBlock(append([]string{`topology = "modern_full"`}, all...)...))); len(fs) != 5 {
		t.Errorf("all limits: want 5 findings:\n%s", summary(fs))
	}
	for _, topology := range []string{`topology = "classic_full"`, `topology = "classic_minimal"`, `topology = "express"`, `# topology unknown`} {
		if fs := check(t, hybridModernTopologyLimits{}, today, org(ex, hybridBlock(append([]string{topology}, all...)...))); len(fs) != 0 {
			t.Errorf("%s: want no finding:\n%s", topology, summary(fs))
		}
	}
}
