package facts

import (
	"fmt"

	"github.com/exlint/exlint/schema"
)

// The hybrid mode: which option of the Hybrid Configuration Wizard the
// topology plans (MS-HCW-OPTIONS: Classic Minimal, Express and Full; Modern
// Minimal and Full). Rules that depend on it judge by this one notion, so
// that they cannot contradict each other.

// HybridMode returns the planned hybrid mode, one of the hybrid_topology
// keywords, and the node that decided it:
//
//   - a stated hybrid.topology wins;
//   - else a migration method of "express" or "minimal_hybrid" means
//     "express": Microsoft's minimal hybrid page calls minimal hybrid "also
//     known as express migration" (MS-MINHYB);
//   - else a hybrid block means "classic_full", the wizard's default option
//     and the one Microsoft's hybrid prerequisites describe (MS-HYB-PREREQ).
//
// Without a hybrid block or such a method, it returns "" and nil: no hybrid
// is planned.
func (t *Topology) HybridMode() (mode string, at schema.Node) {
	h := t.top.Hybrid
	if h != nil {
		if m, ok := h.Topology.Get(); ok {
			return m, h.Topology
		}
	}
	if m := t.MigrationMethod(); m == "express" || m == "minimal_hybrid" {
		return "express", t.top.Migration.Method
	}
	if h != nil {
		return "classic_full", h
	}
	return "", nil
}

// HybridModeKey is the hybrid mode as tables keyed by the stated topology
// read it: "" for a hybrid block that states no topology and that no express
// migration method qualifies (read with Microsoft's general prerequisites,
// as a classic full hybrid), else HybridMode.
func (t *Topology) HybridModeKey() string {
	mode, _ := t.HybridMode()
	if h := t.top.Hybrid; h != nil && h.Topology == nil && mode == "classic_full" {
		return ""
	}
	return mode
}

// IsMinimalMode reports whether a hybrid mode is one of the two Minimal
// options (classic_minimal, modern_minimal). Microsoft's sources treat them
// alike as to directory synchronization: the hybrid prerequisites require it
// for hybrid, the minimal hybrid page calls minimal hybrid an express
// migration that synchronizes once, and the wizard's options table says "No"
// (Classic Minimal) and "No; set up separately" (Modern Minimal) for running
// Entra Connect in express configuration.
func IsMinimalMode(mode string) bool { return mode == "classic_minimal" || mode == "modern_minimal" }

// WithoutHybridMail reports whether a hybrid mode configures no hybrid
// connectors, so no hybrid mail flow, and no OAuth or organization
// relationship: the Minimal options and Express (MS-HCW-OPTIONS).
func WithoutHybridMail(mode string) bool { return IsMinimalMode(mode) || mode == "express" }

// HybridCertificate is a certificate of the hybrid deployment with what it
// serves.
type HybridCertificate struct {
	*schema.Certificate
	// IIS and SMTP: bound to IIS on a hybrid server, to SMTP on a hybrid or
	// hybrid Edge server (a transport certificate), or hybrid.certificate
	// bound to them (to both when its services are unknown).
	IIS, SMTP bool
	Named     bool // it is hybrid.certificate
}

// HybridCertificates gathers hybrid.certificate and the certificates bound
// to IIS on hybrid servers or to SMTP on hybrid or hybrid Edge servers, in
// source order; none without a hybrid block.
func (t *Topology) HybridCertificates() []HybridCertificate {
	if !t.once(doneHybridCerts) {
		return t.hybridCerts
	}
	h := t.top.Hybrid
	if h == nil {
		return nil
	}
	ms, _ := t.HybridRoster()
	internal := map[*schema.Server]bool{}
	for _, m := range ms {
		if !m.IsEdge() {
			internal[m.Server.Server] = true
		}
	}
	edges := map[*schema.Server]bool{}
	for _, m := range t.EdgeRoster() {
		edges[m.Server.Server] = true
	}
	var named *schema.Certificate
	if h.Certificate.Resolved() {
		named = h.Certificate.Target
	}
	for _, c := range t.top.Certificates {
		onInternal, onAny := false, false
		for _, s := range c.Servers.Targets() {
			onInternal = onInternal || internal[s]
			onAny = onAny || internal[s] || edges[s]
		}
		hc := HybridCertificate{Certificate: c, Named: c == named}
		if hc.Named && c.Services == nil {
			hc.IIS, hc.SMTP = true, true // "the certificate for hybrid mail and services"
		} else {
			hc.IIS = c.Services.Has("iis") && (hc.Named || onInternal)
			hc.SMTP = c.Services.Has("smtp") && (hc.Named || onAny)
		}
		if hc.Named || hc.IIS || hc.SMTP {
			t.hybridCerts = append(t.hybridCerts, hc)
		}
	}
	return t.hybridCerts
}

// Serves names what the certificate serves in hybrid: "IIS and SMTP".
func (c HybridCertificate) Serves() string {
	switch {
	case c.IIS && c.SMTP:
		return "IIS and SMTP"
	case c.IIS:
		return "IIS"
	case c.SMTP:
		return "SMTP"
	}
	return "hybrid"
}

// Describe names the certificate and why it is a hybrid one.
func (c HybridCertificate) Describe() string {
	if c.Named {
		return fmt.Sprintf("the hybrid certificate %q", c.Name())
	}
	return fmt.Sprintf("certificate %q (bound to %s on hybrid servers)", c.Name(), c.Serves())
}

// MigrationMethod returns migration.method, or "" when it is not given.
func (t *Topology) MigrationMethod() string {
	if t.top.Migration == nil {
		return ""
	}
	m, _ := t.top.Migration.Method.Get()
	return m
}

// MayHostMailboxes reports whether a server may hold mailboxes a migration
// moves: not an Edge Transport server and, when its roles are given, a
// Mailbox (2007 and later) or back-end (2000, 2003) server. Without roles it
// counts: Exchange 5.5 has no roles, and a server whose roles are unknown may
// hold mailboxes.
func MayHostMailboxes(s Server) bool {
	if s.IsEdge() {
		return false
	}
	if s.Roles == nil {
		return true
	}
	return s.HasRole("mailbox") || s.HasRole("back_end")
}

// MigrationSources returns the servers whose mailboxes a migration to
// Exchange Online moves (see MayHostMailboxes), in source order.
func (t *Topology) MigrationSources() []Server {
	if t.once(doneSources) {
		for _, s := range t.Servers() {
			if MayHostMailboxes(s) {
				t.sources = append(t.sources, s)
			}
		}
	}
	return t.sources
}
