package rules

import (
	"github.com/exlint/exlint/lint"
)

// signInPreferPasswordHash recommends password hash synchronization over
// federated sign-in, as Microsoft does.
type signInPreferPasswordHash struct{}

func init() { register(signInPreferPasswordHash{}) }

func (signInPreferPasswordHash) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "sign-in-prefer-password-hash",
		Severity: lint.Info,
		Summary:  "federated sign-in chosen where password hash synchronization would do",
		Sources:  sources("MS-HYB-SSO", "MS-HYB-PREREQ"),
	}
}

// MS-HYB-SSO: "We strongly recommend using the password hash synchronization
// method unless you have a specific need that requires federation."
// MS-HYB-PREREQ: federation "is required" for "very large organizations,
// such as those with multiple Active Directory forests that need to join the
// hybrid deployment". hybrid.exchange_organizations states that need: more
// than one on-premises Exchange organization (forest) in hybrid with the
// tenant. Otherwise federation chosen is reported.

func (signInPreferPasswordHash) Check(p *lint.Pass) {
	ds := p.Topology.DirectorySync
	if ds != nil && ds.SignIn == nil {
		p.Unknown(&ds.Block, "sign_in")
	}
	if ds == nil || !ds.SignIn.Is("federation") {
		return
	}
	if h := p.Topology.Hybrid; h != nil {
		if n := h.ExchangeOrganizations; n != nil && n.Value > 1 {
			return // several forests join the hybrid deployment: federation is required
		}
	}
	p.Report(ds.SignIn, "sign-in is federated, and Microsoft strongly recommends password hash synchronization unless a specific need "+
		`(such as several forests in one hybrid deployment) requires federation: use sign_in = "password_hash_sync"`)
}
