// Package rules holds exlint's rules, one per file. Each rule reads the typed
// topology, the facts derived from it (package facts) and the Exchange
// catalogue, and reports what breaks Microsoft's support rules, with the
// facts, the reason and the fix.
package rules

import (
	"fmt"
	"sort"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// registry holds every rule; each rule file registers its rule in init.
var registry []lint.Rule

func register(r lint.Rule) { registry = append(registry, r) }

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
	hostOS       = "host-os"      // Windows Server versions an Exchange server runs on
	dcOS         = "dc-os"        // Windows Server versions of domain controllers Exchange works with
)

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

// hcwFAQWithout2010 is the day Microsoft's Hybrid Configuration Wizard FAQ
// stopped naming Exchange 2010 among the hybrid servers the wizard supports
// and licenses (DOCS-PR-3184, merged for the FAQ of 2022-06-16).
var hcwFAQWithout2010 = catalog.MustDate("2022-06-16")

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
