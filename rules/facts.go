// Package rules holds exlint's rules, one per file. Each rule reads the typed
// topology and the Exchange catalogue and reports what breaks Microsoft's
// support rules, with the facts, the reason and the fix.
package rules

import (
	"fmt"
	"sort"
	"strings"

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

// server is an Exchange server with what the catalogue knows of it.
type server struct {
	*schema.Server
	version *catalog.Version
	// release is the server's release: from build when it is given and
	// resolves, else from update. An update the catalogue lacks that names a
	// security or hotfix update of a known level ("CU15 Sep26SU") resolves,
	// like a build newer than the catalogue, to the newest release of that
	// level the catalogue knows before the update's month. Nil when neither
	// names a known release or level.
	release *catalog.Release
}

// level is the server's servicing level (RTM, SP, RU or CU), or nil.
func (s server) level() *catalog.Release {
	if s.release == nil {
		return nil
	}
	return s.release.Level
}

// levelName names what the server runs: "Exchange Server 2013 CU23
// (15.0.1497.2)", or just the version when the level is unknown.
func (s server) levelName() string {
	if s.release == nil {
		return s.version.Name
	}
	return s.release.String()
}

// hasRole reports whether the server declares a role.
func (s server) hasRole(role string) bool { return s.Roles.Has(role) }

// isEdge reports whether the server is an Edge Transport server.
func (s server) isEdge() bool { return s.hasRole("edge_transport") }

// servers returns the topology's servers whose version is known, in source
// order. It is computed once per topology and shared by every rule.
func servers(p *lint.Pass) []server {
	return p.Memo("servers", func() any {
		var out []server
		for _, s := range p.Topology.Servers {
			if sv, ok := describeServer(p.Catalog, s); ok {
				out = append(out, sv)
			}
		}
		return out
	}).([]server)
}

// serverOf returns the facts of one server, or false when its version is unknown.
func serverOf(p *lint.Pass, s *schema.Server) (server, bool) {
	index := p.Memo("serverIndex", func() any {
		m := map[*schema.Server]server{}
		for _, sv := range servers(p) {
			m[sv.Server] = sv
		}
		return m
	}).(map[*schema.Server]server)
	sv, ok := index[s]
	return sv, ok
}

// atLeast reports whether the server is at the named release of its version
// or later (its release's build is at or above that release's), and whether
// that is known: false when the server's level is unknown or the version has
// no release of that name.
func (s server) atLeast(cat *catalog.Catalog, name string) (ok, known bool) {
	min := cat.Release(s.version, name)
	if min == nil || s.release == nil {
		return false, false
	}
	return s.release.Build.Compare(min.Build) >= 0, true
}

// hybridServers returns the servers named in hybrid.servers whose version is
// known; nil without a hybrid block or list.
func hybridServers(p *lint.Pass) []server {
	h := p.Topology.Hybrid
	if h == nil || h.Servers == nil {
		return nil
	}
	var out []server
	for _, t := range h.Servers.Targets() {
		if s, ok := serverOf(p, t); ok {
			out = append(out, s)
		}
	}
	return out
}

func describeServer(cat *catalog.Catalog, s *schema.Server) (server, bool) {
	id, ok := s.Version.Get()
	if !ok {
		return server{}, false
	}
	v := cat.Version(id)
	if v == nil {
		return server{}, false
	}
	sv := server{Server: s, version: v}
	if b, ok := s.Build.Get(); ok {
		if parsed, err := catalog.ParseBuild(b); err == nil {
			if r, _ := cat.ResolveBuild(parsed); r != nil && r.Version == v {
				sv.release = r
			}
		}
	}
	if sv.release == nil {
		if u, ok := s.Update.Get(); ok {
			sv.release = cat.Release(v, u)
			if sv.release == nil {
				// "CU15 Sep26SU": an update the catalogue lacks, of a level it
				// knows (exchange-build-unknown reports it).
				sv.release = unlistedUpdate(cat, v, u)
			}
		}
	}
	return sv, true
}

// byVersion groups servers by version, newest version first is not implied:
// the order is the catalogue's (oldest first).
func byVersion(ss []server) (order []*catalog.Version, groups map[*catalog.Version][]server) {
	groups = map[*catalog.Version][]server{}
	for _, s := range ss {
		if groups[s.version] == nil {
			order = append(order, s.version)
		}
		groups[s.version] = append(groups[s.version], s)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Rank < order[j].Rank })
	return order, groups
}

// versionGroups is byVersion(servers(p)), computed once per topology. The
// result is shared between rules: read it, never append to it.
func versionGroups(p *lint.Pass) (order []*catalog.Version, groups map[*catalog.Version][]server) {
	type grouped struct {
		order  []*catalog.Version
		groups map[*catalog.Version][]server
	}
	g := p.Memo("versionGroups", func() any {
		o, gs := byVersion(servers(p))
		return grouped{o, gs}
	}).(grouped)
	return g.order, g.groups
}

// names lists server names for a message: "EX01, EX02 and 3 more".
func names(ss []server) string {
	const max = 4
	var ns []string
	for i, s := range ss {
		if i == max {
			ns = append(ns, fmt.Sprintf("%d more", len(ss)-max))
			break
		}
		ns = append(ns, s.Name())
	}
	switch len(ns) {
	case 1:
		return ns[0]
	default:
		return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
	}
}

// versionNode is where to point at a server's version: its version attribute.
func versionNode(s server) schema.Node {
	if s.Version != nil {
		return s.Version
	}
	return s.Server
}

// levelNode is where to point at a server's update level: build when given
// (it is what decided the level), else update, else the version.
func levelNode(s server) schema.Node {
	switch {
	case s.Build != nil:
		return s.Build
	case s.Update != nil:
		return s.Update
	}
	return versionNode(s)
}

// currency says whether a server is on a current servicing level on p.AsOf
// (the latest or the previous CU/RU; after the end of support, a level
// Microsoft still services). A re-released rollup is the same level as the
// rollup it re-releases (a server on 2007 SP3 RU8 is on the level of
// RU8v3). known is false when the server's level is unknown or the version
// has no level yet. levels are the current ones.
func currency(p *lint.Pass, s server) (current, known bool, levels []*catalog.Release) {
	levels = s.version.CurrentLevels(p.AsOf)
	l := s.level()
	if l == nil || len(levels) == 0 {
		return false, false, levels
	}
	for _, c := range levels {
		if c.Version == l.Version && c.BaseName() == l.BaseName() {
			return true, true, levels
		}
	}
	return false, true, levels
}

// levelNames lists release names for a message: "CU14 or CU15".
func levelNames(rs []*catalog.Release) string {
	var ns []string
	for _, r := range rs {
		ns = append(ns, r.Name)
	}
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " or " + ns[len(ns)-1]
}
