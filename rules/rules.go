// Package rules holds exlint's rules, one per file. Each rule reads the typed
// topology, the facts derived from it (package facts) and the Exchange
// catalogue, and reports what breaks Microsoft's support rules, with the
// facts, the reason and the fix.
package rules

import (
	"fmt"
	"sort"
	"sync"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// registry holds every rule; each rule file registers its rule in init.
var registry []lint.Rule

func register(r lint.Rule) { registry = append(registry, &registered{Rule: r}) }

// registered is a rule whose info is built once: the engine asks for it for
// every topology and state, and a rule's info (its sources from the
// catalogue) is the same every time.
type registered struct {
	lint.Rule
	once sync.Once
	info lint.RuleInfo
}

func (r *registered) Info() lint.RuleInfo {
	r.once.Do(func() { r.info = r.Rule.Info() })
	return r.info
}

// All returns every rule, sorted by ID.
func All() []lint.Rule {
	rs := append([]lint.Rule(nil), registry...)
	sort.Slice(rs, func(i, j int) bool { return rs[i].Info().ID < rs[j].Info().ID })
	return rs
}

// sources turns catalogue source keys into rule sources. An unknown key is a
// defect caught by the tests that check every rule's page.
func sources(keys ...string) []lint.Source {
	var out []lint.Source
	for _, k := range keys {
		s := catalog.Default().Source(k)
		if s == nil {
			panic("rules: unknown source key " + k)
		}
		out = append(out, lint.Source{Title: s.Title, URL: s.URL})
	}
	return out
}

// The support matrices more than one rule reads (subjects of
// schema/catalog/data/support.csv).
const (
	coexistence  = "coexistence"  // Exchange versions in one organization
	dotnetMatrix = "dotnet"       // .NET Framework versions of an Exchange server
	tlsSupport   = "tls"          // TLS versions Exchange uses
	serverRoles  = "server-roles" // the roles of each Exchange version
	// transportRoles are the roles that run connectors: the servers a
	// connector may name and that receive mail from outside.
	transportRoles = "transport-roles"
	// sendRoles are the roles whose servers can be a send connector's
	// source servers.
	sendRoles = "send-roles"
	hostOS    = "host-os" // Windows Server versions an Exchange server runs on
	dcOS      = "dc-os"   // Windows Server versions of domain controllers Exchange works with
)

// windowsWouldDecide reports whether stating a server's Windows Server
// version would settle a verdict that is unknown without it: verdict gives
// it for a Windows Server version ("" when not stated), and some version
// gives one. A rule that gives up for lack of the server's os then declares
// it (lint.Pass.Unknown).
func windowsWouldDecide(cat *catalog.Catalog, verdict func(os string) catalog.Verdict) bool {
	if verdict("") != catalog.Unknown {
		return false
	}
	for _, w := range cat.Windows {
		if verdict(w.ID) != catalog.Unknown {
			return true
		}
	}
	return false
}

// roleOf returns whether version v has role, and from which release (nil:
// every release).
func roleOf(cat *catalog.Catalog, v *catalog.Version, role string) (present bool, from *catalog.Release) {
	from, present = cat.FirstSupported(serverRoles, role, v)
	return present, from
}

// hybridRolesHeld names a server's roles for a message: "Mailbox and Client
// Access", or "no role".
func hybridRolesHeld(s facts.Server) string { return rolesHeld(s.Roles) }

// rolesHeld names the roles of a roles list for a message: "Mailbox and
// Client Access", or "no role".
func rolesHeld(roles *schema.StringList) string {
	var pretty []string
	for _, r := range roles.Values() {
		pretty = append(pretty, roleNames[r])
	}
	if len(pretty) == 0 {
		return "no role"
	}
	return words.And(pretty)
}

// carriesMail reports whether a server holds a role that runs connectors
// (transportRoles), and whether that is known: not when its roles are not
// stated, nor when the catalogue says nothing of its version's roles.
func carriesMail(cat *catalog.Catalog, s facts.Server) (yes, known bool) {
	return hasRoleOf(cat, transportRoles, s)
}

// sendsMail reports whether a server can be a send connector's source
// server (the catalogue's send-roles), and whether that is known.
func sendsMail(cat *catalog.Catalog, s facts.Server) (yes, known bool) {
	return hasRoleOf(cat, sendRoles, s)
}

func hasRoleOf(cat *catalog.Catalog, subject string, s facts.Server) (yes, known bool) {
	if s.Roles == nil || len(cat.VersionRows(subject, s.Exchange)) == 0 {
		return false, false
	}
	for _, r := range s.Roles.Values() {
		if _, ok := cat.FirstSupported(subject, r, s.Exchange); ok {
			return true, true
		}
	}
	return false, true
}

// transportRoleNames names the roles of a subject (transportRoles,
// sendRoles) in version v, for messages: "Hub Transport or Edge Transport".
func transportRoleNames(cat *catalog.Catalog, subject string, v *catalog.Version) string {
	var out []string
	for _, r := range cat.SupportedValues(subject, v) {
		out = append(out, roleName(r.ID))
	}
	return words.Or(out)
}

// hcwFAQWithout2010 is the day Microsoft's Hybrid Configuration Wizard FAQ
// stopped naming Exchange 2010 among the hybrid servers the wizard supports
// and licenses (DOCS-PR-3184, merged for the FAQ of 2022-06-16).
const hcwFAQWithout2010 = "hcw-faq-without-2010"

// What a fix may name. A message never advises a platform past its end of
// support on the evaluation date (catalog's lifecycle queries), nor one that
// another rule rejects in the same organization.

// coexist reports whether Exchange versions a and b can be in one
// organization at some level of each: no row of the coexistence matrix
// refuses the pair for every release.
func coexist(cat *catalog.Catalog, a, b *catalog.Version) bool {
	for _, pair := range [][2]*catalog.Version{{a, b}, {b, a}} {
		for _, r := range cat.VersionRows(coexistence, pair[0]) {
			if r.Verdict == catalog.Unsupported && r.Whole() && r.HasValue(pair[1].ID) {
				return false
			}
		}
	}
	return true
}

// successor is where the work of a server of version v can go on day on:
// the newest version newer than v that is in support then and can be in one
// organization with it (nil when none can: Exchange Online is then the way),
// and the other versions of the organization that must be gone before it can
// join.
func successor(p *lint.Pass, v *catalog.Version, on catalog.Date) (next *catalog.Version, blockers []*catalog.Version) {
	vs := p.Catalog.SupportedVersions(on)
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Rank > v.Rank && coexist(p.Catalog, vs[i], v) {
			next = vs[i]
			break
		}
	}
	if next == nil {
		return nil, nil
	}
	return next, blockersOf(p, next, v)
}

// blockersOf lists the versions of the organization, other than except
// (the version being replaced), that cannot be in one organization with v.
func blockersOf(p *lint.Pass, v, except *catalog.Version) []*catalog.Version {
	var out []*catalog.Version
	order, _ := p.Facts.VersionGroups()
	for _, o := range order {
		if o != except && !coexist(p.Catalog, v, o) {
			out = append(out, o)
		}
	}
	return out
}

// joinLevel is the level a new server of version v is installed at: its
// newest level that can join the organization (updateTarget: Exchange 2019
// CU15 and later refuse Exchange 2013, so beside 2013 a new 2019 server
// stays at CU14). Versions that cannot be in one organization with v at any
// level (blockersOf) do not count: they must go first. Nil when v has no
// level, or none can join.
func joinLevel(p *lint.Pass, v *catalog.Version) *catalog.Release {
	return updateTarget(p, v.Levels()).join
}

// moveTo names where the work of a server of version v can go on day on:
// "Exchange Server Subscription Edition or Exchange Online", with what must
// go first.
func moveTo(p *lint.Pass, v *catalog.Version, on catalog.Date) string {
	next, blockers := successor(p, v, on)
	if next == nil {
		return "Exchange Online"
	}
	if len(blockers) > 0 {
		return fmt.Sprintf("%s (%s) or Exchange Online", next.ShortName(), onceGone(blockers))
	}
	return next.ShortName() + " or Exchange Online"
}

// onceGone says which versions of the organization must be gone before a
// version they cannot be in one organization with joins it: "once Exchange
// 2010 and 2013 are gone".
func onceGone(blockers []*catalog.Version) string {
	ids := make([]string, len(blockers))
	for i, b := range blockers {
		ids[i] = b.ID
	}
	return fmt.Sprintf("once Exchange %s %s gone", words.And(ids), words.Pick(len(ids), "is", "are"))
}

// hybridServer is the matrix of the versions a hybrid server may run, by the
// versions of the organization.
const hybridServer = "hybrid-server"

// hybridAllowed reports whether an organization with version org may have a
// hybrid server of version hybrid, and whether the catalogue says.
func hybridAllowed(cat *catalog.Catalog, org, hybrid *catalog.Version) (allowed, known bool) {
	rows := cat.VersionRows(hybridServer, org)
	for _, r := range rows {
		if r.Verdict == catalog.Supported && r.HasValue(hybrid.ID) {
			return true, true
		}
	}
	return false, len(rows) > 0
}

// hybridTarget is the version to run hybrid on: of the versions in support
// on the evaluation date that every version of the organization (but
// except, when given: a version about to go) accepts as its hybrid server,
// the newest that can join the organization as it is, else the newest, with
// the versions present that must be gone before it can join (blockersOf:
// Exchange SE's setup refuses an organization with Exchange 2013). Nil when
// none is accepted.
func hybridTarget(p *lint.Pass, except *catalog.Version) (target *catalog.Version, blockers []*catalog.Version) {
	order, _ := p.Facts.VersionGroups()
	vs := p.Catalog.SupportedVersions(p.AsOf)
	for i := len(vs) - 1; i >= 0; i-- {
		ok := true
		for _, o := range order {
			if o == except {
				continue
			}
			if allowed, known := hybridAllowed(p.Catalog, o, vs[i]); known && !allowed {
				ok = false
			}
		}
		if !ok {
			continue
		}
		b := blockersOf(p, vs[i], nil)
		if len(b) == 0 {
			return vs[i], nil
		}
		if target == nil {
			target, blockers = vs[i], b
		}
	}
	return target, blockers
}

// onceGoneNote is onceGone in brackets after a fix, or "" when nothing
// must go: " (once Exchange 2013 is gone)".
func onceGoneNote(blockers []*catalog.Version) string {
	if len(blockers) == 0 {
		return ""
	}
	return " (" + onceGone(blockers) + ")"
}

// The wording the rules share.

// names lists server names for a message: "EX01, EX02 and 3 more".
func names(ss []facts.Server) string {
	ns := make([]string, len(ss))
	for i, s := range ss {
		ns[i] = s.Name()
	}
	return words.And(words.Short(ns))
}

// releaseNames lists release names: "CU14", "CU15".
func releaseNames(rs []*catalog.Release) []string {
	ns := make([]string, len(rs))
	for i, r := range rs {
		ns[i] = r.Name
	}
	return ns
}

// releaseRefs lists releases with their builds: "CU14 (15.2.1544.4) and
// CU15 (15.2.1748.10)", conj joining the last.
func releaseRefs(rs []*catalog.Release, conj string) string {
	refs := make([]string, len(rs))
	for i, r := range rs {
		refs[i] = r.Ref()
	}
	return words.Join(refs, conj)
}

// groupName names servers that share a verdict: "EX01 (Exchange Server 2016
// CU23 (15.1.2507.6))" for one server, "EX01 and EX02 (Exchange Server 2016
// CU7 or later)" for several, what being the range they share.
func groupName(ss []facts.Server, what string) string {
	if len(ss) == 1 {
		return fmt.Sprintf("%s (%s)", ss[0].Name(), ss[0].LevelName())
	}
	return fmt.Sprintf("%s (%s)", names(ss), what)
}

// related points a finding at a second place, with a short note.
func related(n schema.Node, msg string) lint.Related {
	return lint.Related{Range: n.SourceRange(), Message: msg}
}

// relatedLevel points at the server whose level decided a verdict.
func relatedLevel(s facts.Server) lint.Related {
	return related(s.LevelNode(), fmt.Sprintf("%s runs %s", s.Name(), s.LevelName()))
}

// relatedVersion points at a server's version, for a finding about it.
func relatedVersion(s facts.Server) lint.Related {
	return related(s.VersionNode(), fmt.Sprintf("%s runs %s", s.Name(), s.Exchange.Name))
}

// levelLabel names a level for lists, with the service pack it also is:
// "CU3", "SP1 = CU4" (Exchange 2013 SP1 is CU4).
func levelLabel(cat *catalog.Catalog, r *catalog.Release) string {
	if alias := cat.LevelAlias(r); alias != "" {
		return alias + " = " + r.Name
	}
	return r.Name
}

// levelRef is levelLabel with the build: "CU3 (15.1.544.27)", "SP1 = CU4
// (15.0.847.32)".
func levelRef(cat *catalog.Catalog, r *catalog.Release) string {
	return fmt.Sprintf("%s (%s)", levelLabel(cat, r), r.Build)
}

// mustRelease returns a release a rule's table names; a name the catalogue
// lacks is a defect of the table, caught by the rule's tests.
func mustRelease(cat *catalog.Catalog, v *catalog.Version, name string) *catalog.Release {
	r := cat.Release(v, name)
	if r == nil {
		panic(fmt.Sprintf("rules: the catalogue has no release %s %s", v.ID, name))
	}
	return r
}

// roleNames are the roles as Microsoft names them.
var roleNames = map[string]string{
	"mailbox":           "Mailbox",
	"client_access":     "Client Access",
	"hub_transport":     "Hub Transport",
	"unified_messaging": "Unified Messaging",
	"edge_transport":    "Edge Transport",
	"front_end":         "front-end",
	"back_end":          "back-end",
}

// roleName is a role keyword as Microsoft names the role: "Client Access".
func roleName(id string) string {
	if n, ok := roleNames[id]; ok {
		return n
	}
	return id
}
