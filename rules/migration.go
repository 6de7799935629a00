package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
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

// Cutover limits (MS-CUTOVER, limits.csv): at most 2,000 mailboxes, and
// Microsoft recommends cutover for 150 or fewer.
const (
	cutoverMax         = "cutover-mailboxes-max"
	cutoverRecommended = "cutover-mailboxes-recommended"
)

// hybridOutOfReach says why no hybrid migration (full, minimal or express:
// each needs a hybrid server, on which the Hybrid Configuration Wizard
// runs) can run in the organization on the evaluation date: no Exchange
// version in support can be its hybrid server (hybridTarget, the query of
// hybrid-server-version, hybrid-single-server and hybrid-wizard-unsupported),
// "no version in support can be a hybrid server beside Exchange 2010"; ""
// when one can. The migration rules advise hybrid only when it is "".
func hybridOutOfReach(p *lint.Pass) string {
	if v, _ := hybridTarget(p, nil); v != nil {
		return ""
	}
	if old := hybridBlockers(p, nil); len(old) > 0 {
		return "no version in support can be a hybrid server beside Exchange " + words.And(old)
	}
	return "no version in support can be a hybrid server beside every version here"
}

// hybridMethods are the migration methods that move mailboxes through a
// hybrid deployment (the Hybrid Configuration Wizard's full, minimal and
// express options), and so need a hybrid server.
var hybridMethods = []string{"hybrid", "minimal_hybrid", "express"}

// alternativeMethod names what Microsoft's decision table recommends instead
// of cutover for the versions of the migration's sources (the servers that
// may hold mailboxes, migrationSources): IMAP for Exchange 2000 and 5.5, the
// only option there (MS-MIG-PATH: "if your Exchange server is older than
// Exchange 2003, IMAP migration is your only option"); staged for 2003 and
// 2007; hybrid for 2010 and later, when a version in support can be the
// hybrid server (hybridOutOfReach), else a third-party migration, saying
// why, or, when the cutover is within its limit (keepCutover), keeping it.
// With sources of several groups, each group's method is named for its
// mailboxes.
func alternativeMethod(p *lint.Pass, keepCutover bool) string {
	ss := p.Facts.MigrationSources()
	type group struct {
		present       bool
		method, which string
		alone         string
	}
	recent := group{len(selectVersions(ss, minimalHybridVersions)) > 0, "a hybrid migration", "2010 or later",
		"plan a hybrid migration instead (the source runs Exchange 2010 or later)"}
	note := ""
	if why := hybridOutOfReach(p); recent.present && why != "" {
		note = " (" + why + ")"
		recent.method, recent.alone = "a third-party migration", "plan a third-party migration instead"+note
		if keepCutover {
			recent.alone = "plan a third-party migration instead, or keep the cutover and allow for its slower pace" + note
		}
	}
	groups := []group{
		{len(selectVersions(ss, imapOnlyVersions)) > 0, "an IMAP migration", "2000/5.5",
			"plan an IMAP migration instead (the only path from Exchange 2000 or 5.5)"},
		{len(selectVersions(ss, stagedVersions)) > 0, "a staged migration", "2003/2007",
			"plan a staged migration instead (the source runs Exchange 2003/2007)"},
		recent,
	}
	var present []group
	for _, g := range groups {
		if g.present {
			present = append(present, g)
		}
	}
	switch len(present) {
	case 0:
		return "plan a staged migration (Exchange 2003/2007 sources) or a hybrid migration (Exchange 2010 and later) instead"
	case 1:
		return present[0].alone
	}
	// The groups' versions without "Exchange": they name sources, not targets.
	var parts []string
	for i, g := range present {
		whose := "for the " + g.which + " ones"
		if i == 0 {
			whose = "for the " + g.which + " mailboxes"
		}
		parts = append(parts, g.method+" "+whose)
	}
	return "plan " + words.And(parts) + " instead" + note
}

// migrationSyncUnknowns declares what keeps a rule about a migration by
// method and directory synchronization from judging: the migration's
// method, or, for that method, whether synchronization runs.
func migrationSyncUnknowns(p *lint.Pass, method string) {
	m, ds := p.Topology.Migration, p.Topology.DirectorySync
	switch {
	case m == nil:
	case m.Method == nil:
		p.Unknown(&m.Block, "method")
	case m.Method.Is(method) && ds != nil && ds.Enabled == nil:
		p.UnknownFor(m.Method, &ds.Block, "enabled")
	}
}
