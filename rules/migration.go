package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
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

// selectVersions returns the servers whose version is one of ids.
func selectVersions(ss []facts.Server, ids []string) []facts.Server {
	var out []facts.Server
	for _, s := range ss {
		if isAny(s.Exchange, ids) {
			out = append(out, s)
		}
	}
	return out
}

// describeByVersion names servers grouped by version: "Exchange Server 2003
// (EX1, EX2) and Exchange Server 2010 (EX3)".
func describeByVersion(ss []facts.Server) string {
	order, groups := facts.ByVersion(ss)
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
func minimalHybridServers(p *lint.Pass) []facts.Server {
	var out []facts.Server
	for _, s := range selectVersions(p.Facts.Servers(), minimalHybridVersions) {
		if !s.IsEdge() {
			out = append(out, s)
		}
	}
	return out
}

// hasMinimalHybridServer reports whether the organization has a server that
// can run minimal hybrid.
func hasMinimalHybridServer(p *lint.Pass) bool { return len(minimalHybridServers(p)) > 0 }
