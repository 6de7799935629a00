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
// them, are the catalogue's (subject migration-source): the methods that
// move the mailboxes of a source server of each version, with Microsoft's
// reason where one cannot (MS-MIG-PATH, MS-CUTOVER-STEPS, MS-STAGED,
// MS-STAGED-STEPS, MS-2012-CUTOVER), and the versions whose servers run
// minimal hybrid (MS-MINHYB, MS-HCW-OPTIONS). Its rows hold for every
// release of their versions.
const migrationSource = "migration-source"

// migrationRow is the catalogue's row for a migration by method from a
// source server of version v, or nil when it has none.
func migrationRow(cat *catalog.Catalog, v *catalog.Version, method string) *catalog.Support {
	for _, r := range cat.VersionRows(migrationSource, v) {
		if r.HasValue(method) {
			return r
		}
	}
	return nil
}

// migrationSupported reports whether the catalogue says that method moves
// the mailboxes of a source server of version v (for minimal_hybrid: that
// a server of v runs it).
func migrationSupported(cat *catalog.Catalog, v *catalog.Version, method string) bool {
	r := migrationRow(cat, v, method)
	return r != nil && r.Verdict == catalog.Supported
}

// imapOnly reports whether IMAP is the only method that moves the mailboxes
// of v: "if your Exchange server is older than Exchange 2003, IMAP migration
// is your only option" (MS-MIG-PATH), Exchange 2000 and 5.5.
func imapOnly(cat *catalog.Catalog, v *catalog.Version) bool {
	only := false
	for _, r := range cat.VersionRows(migrationSource, v) {
		if r.Verdict != catalog.Supported {
			continue
		}
		if !r.HasValue("imap") || len(r.ValueIDs()) != 1 {
			return false
		}
		only = true
	}
	return only
}

// stagedSource reports whether a staged migration moves the mailboxes of v:
// Exchange 2003 and 2007 only (MS-STAGED, MS-STAGED-STEPS; MS-MIG-PATH
// groups the same two versions).
func stagedSource(cat *catalog.Catalog, v *catalog.Version) bool {
	return migrationSupported(cat, v, "staged")
}

// minimalHybridVersion reports whether a server of v runs minimal hybrid:
// Exchange 2010 or later (MS-MINHYB, MS-HCW-OPTIONS).
func minimalHybridVersion(cat *catalog.Catalog, v *catalog.Version) bool {
	return migrationSupported(cat, v, "minimal_hybrid")
}

// outlookAnywhereAuto is the catalogue's subject of the versions that set up
// Outlook Anywhere themselves: a cutover or staged migration from Exchange
// 2003, 2007 or 2010 needs it enabled; "Outlook Anywhere is automatically
// configured for Exchange 2013" (MS-CUTOVER-STEPS).
const outlookAnywhereAuto = "outlook-anywhere-auto"

// outlookAnywhereToEnable reports whether Outlook Anywhere must be set up on
// the servers of v for a cutover or staged migration.
func outlookAnywhereToEnable(cat *catalog.Catalog, v *catalog.Version) bool {
	verdict, _ := cat.SupportsAny(outlookAnywhereAuto, "", "", v)
	return verdict == catalog.Unsupported
}

// migrationRPCPorts is the catalogue's subject of the versions whose RPC
// proxy ports (the catalogue's migration-rpc-proxy-ports) must be open on
// the source servers for a cutover or staged migration: Exchange 2003
// (MS-CUTOVER-STEPS).
const migrationRPCPorts = "migration-rpc-ports"

// rpcPortsToOpen reports whether the catalogue says that the RPC proxy ports
// must be open on the servers of v for a cutover or staged migration.
func rpcPortsToOpen(cat *catalog.Catalog, v *catalog.Version) bool {
	verdict, _ := cat.SupportsAny(migrationRPCPorts, "", "", v)
	return verdict == catalog.Supported
}

// selectVersions returns the servers whose version is one keep accepts.
func selectVersions(ss []facts.Server, keep func(*catalog.Version) bool) []facts.Server {
	var out []facts.Server
	for _, s := range ss {
		if keep(s.Exchange) {
			out = append(out, s)
		}
	}
	return out
}

// byCatalog binds a version predicate to the pass's catalogue.
func byCatalog(p *lint.Pass, pred func(*catalog.Catalog, *catalog.Version) bool) func(*catalog.Version) bool {
	return func(v *catalog.Version) bool { return pred(p.Catalog, v) }
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
// hybrid: Exchange 2010 or later (minimalHybridVersion).
func minimalHybridServers(p *lint.Pass) []facts.Server {
	var out []facts.Server
	for _, s := range selectVersions(p.Facts.Servers(), byCatalog(p, minimalHybridVersion)) {
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
	recent := group{len(selectVersions(ss, byCatalog(p, minimalHybridVersion))) > 0, "a hybrid migration", "2010 or later",
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
		{len(selectVersions(ss, byCatalog(p, imapOnly))) > 0, "an IMAP migration", "2000/5.5",
			"plan an IMAP migration instead (the only path from Exchange 2000 or 5.5)"},
		{len(selectVersions(ss, byCatalog(p, stagedSource))) > 0, "a staged migration", "2003/2007",
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
