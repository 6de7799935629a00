package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// namespaceLegacy reports Exchange 2003 or 2007 servers coexisting with a
// newer version that needs a legacy namespace for them, when the topology has
// none.
type namespaceLegacy struct{}

func init() { register(namespaceLegacy{}) }

func (namespaceLegacy) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "namespace-legacy",
		Severity: lint.Error,
		Summary:  "Exchange 2003 or 2007 coexisting with a newer version without a legacy namespace",
		Sources:  sources("MS-WHATSNEW-2013", "MS-WHATSNEW", "MS-CERTS-2013", "MS-2013-CAS-CONFIG"),
	}
}

// legacyNamespace is the catalogue's subject: the newer versions whose client
// access needs a legacy namespace for the servers of an older version.
const legacyNamespace = "legacy-namespace"

// The roles that serve users, by which a server needs (as an old one) or
// offers (as a new one) client access: an Edge, Hub Transport or Unified
// Messaging server alone serves no mailbox user. A server without roles is
// not known to be either, and counts.
var (
	legacyUserRoles   = []string{"mailbox", "client_access", "front_end", "back_end"}
	legacyClientRoles = []string{"client_access", "front_end"}
)

func (namespaceLegacy) Check(p *lint.Pass) {
	for _, n := range p.Topology.Namespaces {
		if n.Legacy.IsTrue() || (n.Legacy == nil && strings.HasPrefix(normalHost(n.Name()), "legacy.")) {
			return
		}
	}
	order, groups := p.Facts.VersionGroups()
	for _, old := range order {
		rows := p.Catalog.VersionRows(legacyNamespace, old)
		if len(rows) == 0 {
			continue
		}
		first := firstWithRoles(groups[old], legacyUserRoles)
		if first == nil || usersMoved(groups[old]) {
			continue
		}
		newer := legacyNewer(p.Catalog, rows, order, groups)
		if newer == nil {
			continue
		}
		p.Report(first.VersionNode(), fmt.Sprintf("%s runs %s beside %s (%s) without a legacy namespace for its users. "+
			"Add namespace \"legacy.%s\" with legacy = true, and put the name on the certificate",
			first.Name(), old.Name, newer.Exchange.Name, newer.Name(), legacyDomain(p)))
	}
}

// legacyNewer returns the first server that serves clients of a newer
// version whose rows say it needs the legacy namespace, or nil.
func legacyNewer(cat *catalog.Catalog, rows []*catalog.Support, order []*catalog.Version, groups map[*catalog.Version][]facts.Server) *facts.Server {
	for _, v := range order {
		for _, r := range rows {
			if r.Verdict == catalog.Supported && r.HasValue(v.ID) {
				if s := firstWithRoles(groups[v], legacyClientRoles); s != nil {
					return s
				}
			}
		}
	}
	return nil
}

// firstWithRoles returns the first server holding one of roles, or whose
// roles are unknown.
// usersMoved reports whether the servers of a version say that no mailbox
// is left on them: each that may host mailboxes (a Mailbox or back-end
// server, or one whose roles are unknown) states mailboxes = 0. No user is
// left to need the legacy namespace.
func usersMoved(ss []facts.Server) bool {
	hosts := 0
	for _, s := range ss {
		if s.Roles != nil && !s.HasRole("mailbox") && !s.HasRole("back_end") {
			continue
		}
		if s.Mailboxes == nil || s.Mailboxes.Value > 0 {
			return false
		}
		hosts++
	}
	return hosts > 0
}

func firstWithRoles(ss []facts.Server, roles []string) *facts.Server {
	for i, s := range ss {
		if s.Roles == nil {
			return &ss[i]
		}
		for _, r := range roles {
			if s.HasRole(r) {
				return &ss[i]
			}
		}
	}
	return nil
}

// legacyDomain is the domain to suggest the legacy name in: that of the
// first namespace, else the first domain, else a placeholder.
func legacyDomain(p *lint.Pass) string {
	for _, n := range p.Topology.Namespaces {
		if _, parent, ok := strings.Cut(normalHost(n.Name()), "."); ok && strings.Contains(parent, ".") {
			return parent
		}
	}
	if len(p.Topology.Domains) > 0 {
		return normalHost(p.Topology.Domains[0].Name())
	}
	return "<domain>"
}
