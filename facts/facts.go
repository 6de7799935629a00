// Package facts derives, once per topology, what several rules need to know
// about it: each server's Exchange version and release, the servers grouped
// by version, the connectors to Exchange Online, the servers on the hybrid
// path, the planned hybrid mode, the certificates the hybrid deployment uses
// and the servers a migration moves mailboxes from. It reads the typed model
// and the catalogue, and knows nothing of rules.
//
// A Topology computes each fact on first use and keeps it; the lint engine
// makes one per topology, used by one goroutine at a time. The slices and
// maps it returns are shared between rules: read them, never change them.
package facts

import (
	"sort"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Topology holds the derived facts of one topology.
type Topology struct {
	top *schema.Topology
	cat *catalog.Catalog

	servers      []Server
	serverIndex  map[*schema.Server]int
	versionOrder []*catalog.Version
	versionGroup map[*catalog.Version][]Server
	exo          []ExchangeOnlineConnector
	path         []PathServer
	roster       []RosterEntry
	rosterKnown  bool
	edgeRoster   []RosterEntry
	hybridCerts  []HybridCertificate
	sources      []Server
	done         uint16
}

// The facts computed so far, as bits of Topology.done.
const (
	doneServers uint16 = 1 << iota
	doneGroups
	doneEXO
	donePath
	doneRoster
	doneEdgeRoster
	doneHybridCerts
	doneSources
)

// New returns the facts of top, computed on demand against cat.
func New(top *schema.Topology, cat *catalog.Catalog) *Topology {
	return &Topology{top: top, cat: cat}
}

func (t *Topology) once(bit uint16) bool {
	if t.done&bit != 0 {
		return false
	}
	t.done |= bit
	return true
}

// Server is an Exchange server with what the catalogue knows of it.
type Server struct {
	*schema.Server
	// Exchange is the server's Exchange version.
	Exchange *catalog.Version
	// Release is what the server runs: from its build when the build is given
	// and resolves, else from its update (catalog.ResolveServer). Nil when
	// neither names a known release or level.
	Release *catalog.Release
}

// Level is the server's servicing level (RTM, SP, RU or CU), or nil: when
// its release is unknown, or a preview build.
func (s Server) Level() *catalog.Release {
	if s.Release == nil {
		return nil
	}
	return s.Release.Level
}

// LevelName names what the server runs: "Exchange Server 2013 CU23
// (15.0.1497.2)", or just the version when the release is unknown.
func (s Server) LevelName() string {
	if s.Release == nil {
		return s.Exchange.Name
	}
	return s.Release.String()
}

// HasRole reports whether the server declares a role.
func (s Server) HasRole(role string) bool { return s.Roles.Has(role) }

// IsEdge reports whether the server is an Edge Transport server.
func (s Server) IsEdge() bool { return s.HasRole("edge_transport") }

// Below reports whether the server's release is below r (a release of its
// own version) by build, and whether that is known.
func (s Server) Below(r *catalog.Release) (below, known bool) {
	if s.Release == nil || r == nil {
		return false, false
	}
	return s.Release.Build.Compare(r.Build) < 0, true
}

// AtLeast reports whether the server is at the named release of its version
// or later (by build), and whether that is known: false when its release is
// unknown or the version has no release of that name.
func (s Server) AtLeast(cat *catalog.Catalog, name string) (ok, known bool) {
	min := cat.Release(s.Exchange, name)
	if min == nil || s.Release == nil {
		return false, false
	}
	return s.Release.Build.Compare(min.Build) >= 0, true
}

// Currency says whether the server is on a current servicing level on a
// date (catalog.Version.Currency).
func (s Server) Currency(on catalog.Date) (current, known bool, levels []*catalog.Release) {
	return s.Exchange.Currency(s.Level(), on)
}

// VersionNode is where to point at the server's version: its version
// attribute.
func (s Server) VersionNode() schema.Node {
	if s.Server.Version != nil {
		return s.Server.Version
	}
	return s.Server
}

// LevelNode is where to point at the server's update level: build when given
// (it is what decided the level), else update, else the version.
func (s Server) LevelNode() schema.Node {
	switch {
	case s.Build != nil:
		return s.Build
	case s.Update != nil:
		return s.Update
	}
	return s.VersionNode()
}

// Servers returns the topology's servers whose version is known, in source
// order.
func (t *Topology) Servers() []Server {
	if t.once(doneServers) {
		t.serverIndex = map[*schema.Server]int{}
		for _, s := range t.top.Servers {
			id, ok := s.Version.Get()
			if !ok {
				continue
			}
			v := t.cat.Version(id)
			if v == nil {
				continue
			}
			update, _ := s.Update.Get()
			build, _ := s.Build.Get()
			t.serverIndex[s] = len(t.servers)
			t.servers = append(t.servers, Server{Server: s, Exchange: v, Release: t.cat.ResolveServer(v, update, build)})
		}
	}
	return t.servers
}

// Server returns the facts of one server, or false when its version is
// unknown (or s is nil).
func (t *Topology) Server(s *schema.Server) (Server, bool) {
	t.Servers()
	i, ok := t.serverIndex[s]
	if !ok {
		return Server{}, false
	}
	return t.servers[i], true
}

// ByVersion groups servers by version; order lists the versions present,
// oldest first.
func ByVersion(ss []Server) (order []*catalog.Version, groups map[*catalog.Version][]Server) {
	groups = map[*catalog.Version][]Server{}
	for _, s := range ss {
		if groups[s.Exchange] == nil {
			order = append(order, s.Exchange)
		}
		groups[s.Exchange] = append(groups[s.Exchange], s)
	}
	sort.Slice(order, func(i, j int) bool { return order[i].Rank < order[j].Rank })
	return order, groups
}

// VersionGroups is ByVersion(Servers()).
func (t *Topology) VersionGroups() (order []*catalog.Version, groups map[*catalog.Version][]Server) {
	if t.once(doneGroups) {
		t.versionOrder, t.versionGroup = ByVersion(t.Servers())
	}
	return t.versionOrder, t.versionGroup
}

// HybridServers returns the servers named in hybrid.servers whose version is
// known, one per item; nil without a hybrid block or list.
func (t *Topology) HybridServers() []Server {
	h := t.top.Hybrid
	if h == nil || h.Servers == nil {
		return nil
	}
	var out []Server
	for _, s := range h.Servers.Targets() {
		if sv, ok := t.Server(s); ok {
			out = append(out, sv)
		}
	}
	return out
}
