package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Facts shared by the migration rules (migration-*).

// The on-premises versions, grouped as Microsoft's migration guidance groups
// them.
var (
	// imapOnlyVersions: "if your Exchange server is older than Exchange 2003,
	// IMAP migration is your only option" (MS-MIG-PATH).
	imapOnlyVersions = []string{"5.5", "2000"}
	// stagedVersions: staged migration moves Exchange 2003 and 2007 mailboxes
	// only (MS-STAGED, MS-STAGED-STEPS); Microsoft's migration-path table
	// groups the same two versions (MS-MIG-PATH).
	stagedVersions = []string{"2003", "2007"}
	// outlookAnywhereToEnable: Outlook Anywhere must be set up for a cutover
	// or staged migration from these; "Outlook Anywhere is automatically
	// configured for Exchange 2013" (MS-CUTOVER-STEPS).
	outlookAnywhereToEnable = []string{"2003", "2007", "2010"}
	// minimalHybridVersions: minimal hybrid needs "at least one Exchange 2010,
	// Exchange 2013, and/or Exchange 2016 server" (MS-MINHYB, 2018 text);
	// 2019 and SE run the same Hybrid Configuration Wizard (MS-HCW-OPTIONS
	// lists Exchange 2013/2016/2019), so they count too.
	minimalHybridVersions = []string{"2010", "2013", "2016", "2019", "SE"}
)

// isAny reports whether the version is one of ids.
func isAny(v *catalog.Version, ids []string) bool {
	for _, id := range ids {
		if v.ID == id {
			return true
		}
	}
	return false
}

// mayHostMailboxes reports whether a server may hold mailboxes a migration
// moves: not an Edge Transport server and, when its roles are given, a
// Mailbox (2007 and later) or back-end (2000, 2003) server. Without roles it
// counts: Exchange 5.5 has no roles, and a server whose roles are unknown may
// hold mailboxes.
func mayHostMailboxes(s server) bool {
	if s.isEdge() {
		return false
	}
	if s.Roles == nil {
		return true
	}
	return s.hasRole("mailbox") || s.hasRole("back_end")
}

// migrationSources returns the servers whose mailboxes a migration to
// Exchange Online moves (see mayHostMailboxes), in source order.
func migrationSources(p *lint.Pass) []server {
	return p.Memo("migrationSources", func() any {
		var out []server
		for _, s := range servers(p) {
			if mayHostMailboxes(s) {
				out = append(out, s)
			}
		}
		return out
	}).([]server)
}

// migrationMethod returns migration.method, or "" when it is not given.
func migrationMethod(p *lint.Pass) string {
	if p.Topology.Migration == nil {
		return ""
	}
	m, _ := p.Topology.Migration.Method.Get()
	return m
}

// selectVersions returns the servers whose version is one of ids.
func selectVersions(ss []server, ids []string) []server {
	var out []server
	for _, s := range ss {
		if isAny(s.version, ids) {
			out = append(out, s)
		}
	}
	return out
}

// describeByVersion names servers grouped by version: "Exchange Server 2003
// (EX1, EX2) and Exchange Server 2010 (EX3)".
func describeByVersion(ss []server) string {
	order, groups := byVersion(ss)
	var parts []string
	for _, v := range order {
		parts = append(parts, fmt.Sprintf("%s (%s)", v.Name, names(groups[v])))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// relatedServer points at a server's version, for a finding about it.
func relatedServer(s server) lint.Related {
	return lint.Related{Range: versionNode(s).SourceRange(), Message: fmt.Sprintf("%s runs %s", s.Name(), s.version.Name)}
}

// methodPhrase names a migration method in a sentence.
func methodPhrase(method string) string {
	switch method {
	case "cutover":
		return "a cutover migration"
	case "staged":
		return "a staged migration"
	case "hybrid":
		return "a hybrid migration"
	case "minimal_hybrid":
		return "a minimal hybrid (express) migration"
	case "express":
		return "an express migration (minimal hybrid)"
	case "imap":
		return "an IMAP migration"
	case "third_party":
		return "a third-party migration"
	}
	return "a " + method + " migration"
}

// minimalHybridServers returns the non-Edge servers that can run minimal
// hybrid: Exchange 2010 or later (see minimalHybridVersions).
func minimalHybridServers(p *lint.Pass) []server {
	var out []server
	for _, s := range selectVersions(servers(p), minimalHybridVersions) {
		if !s.isEdge() {
			out = append(out, s)
		}
	}
	return out
}

// hasMinimalHybridServer reports whether the organization has a server that
// can run minimal hybrid.
func hasMinimalHybridServer(p *lint.Pass) bool { return len(minimalHybridServers(p)) > 0 }
