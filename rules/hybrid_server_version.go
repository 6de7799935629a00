package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridServerVersion reports hybrid deployments without a hybrid server of a
// version the organization allows.
type hybridServerVersion struct{}

func init() { register(hybridServerVersion{}) }

func (hybridServerVersion) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-server-version",
		Severity: lint.Error,
		Summary:  "a hybrid deployment without a hybrid server of a version the organization allows",
		Sources:  sources("MS-HYB-PREREQ", "MS-HYB-2007-ROLES", "MS-HCW-FAQ", "MS-SYSREQ-2013", "MS-2010SP1-HYB", "MS-2010SP2-HYB", "MS-SE-UPGRADE", "MS-SE-INPLACE"),
	}
}

// hybridVersions lists, for each version present on-premises, the versions a
// hybrid server may run: the "Which hybrid version" table of Microsoft's
// hybrid prerequisites (MS-HYB-PREREQ, 2019-2022 pages: the 2010, 2013, 2016
// and 2019 rows), extended with SE, and the 2011-2012 guidance that put a
// 2010 hybrid server in 2003 organizations. A 2007 organization needs a 2013
// server (checked apart).
var hybridVersions = map[string][]string{
	"2003": {"2010"},                 // MS-2010SP1-HYB, MS-2010SP2-HYB
	"2007": {"2010", "2013"},         // MS-2010SP2-HYB; MS-HYB-2007-ROLES
	"2010": {"2010", "2013", "2016"}, // MS-HYB-PREREQ table
	"2013": {"2013", "2016", "2019"}, // MS-HYB-PREREQ table
	// MS-HYB-PREREQ table; SE coexists with 2016 CU23 (MS-SE-UPGRADE).
	"2016": {"2016", "2019", "SE"},
	// MS-HYB-PREREQ table; "2019-based (Mailbox role) or SE via in-place
	// upgrade from CU14/CU15" (exchange-domain.md §4.2).
	"2019": {"2019", "SE"},
	// The SE row of Microsoft's current table is unverified (exchange-domain.md
	// §4.1). SE coexists with 2019 CU14/CU15 (§3; MS-SE-UPGRADE,
	// MS-SE-INPLACE), and an organization in the middle of the in-place
	// upgrade keeps its 2019 hybrid servers beside SE servers (§4.2): allow
	// 2019, as the 2019 row allows SE. 2016, which the 2019 row rejects,
	// stays rejected.
	"SE": {"2019", "SE"},
}

func (hybridServerVersion) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h == nil {
		return
	}
	all := p.Facts.Servers()
	order, groups := facts.ByVersion(all)
	if v07 := p.Catalog.Version("2007"); len(groups[v07]) > 0 {
		// With Exchange 2007, what matters is the 2013 hybrid server; whatever
		// else is listed is named in that one finding.
		check2007(p, h, all, groups[v07])
		return
	}
	if h.Servers == nil {
		return
	}
	for _, item := range h.Servers.Items {
		hs, ok := p.Facts.Server(item.Target)
		if !ok {
			continue
		}
		var conflicts []string
		var first facts.Server
		for _, v := range order {
			allowed, known := hybridVersions[v.ID]
			if !known || slices.Contains(allowed, hs.Exchange.ID) {
				continue
			}
			if len(conflicts) == 0 {
				first = groups[v][0]
			}
			conflicts = append(conflicts, fmt.Sprintf("%s (%s)", v.Name, names(groups[v])))
		}
		if len(conflicts) == 0 {
			continue
		}
		fix := "no hybrid server version suits every version here: retire the older versions first"
		if best := newestAllowed(order, groups, hs); best != "" {
			fix = fmt.Sprintf("run hybrid on an Exchange %s server instead (Microsoft advises the newest version it supports)", best)
		}
		p.Report(item, fmt.Sprintf("%s runs %s, which cannot be the hybrid server of an organization with %s: "+
			"Microsoft supports %s hybrid servers there; %s",
			hs.Name(), hs.Exchange.Name, strings.Join(conflicts, " and "), describeAllowed(first.Exchange), fix),
			lint.Related{Range: first.VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", first.Name(), first.Exchange.Name)})
	}
}

// check2007: an organization with Exchange 2007 needs an Exchange 2013 CU1 or
// later hybrid server with the Client Access and Mailbox roles, whatever else
// is listed (MS-HYB-2007-ROLES, MS-HCW-FAQ).
func check2007(p *lint.Pass, h *schema.Hybrid, all, ex2007 []facts.Server) {
	v13 := p.Catalog.Version("2013")
	cu1 := p.Catalog.Release(v13, "CU1")
	candidates := all
	if h.Servers != nil {
		candidates = p.Facts.HybridServers()
	}
	var below, others []facts.Server
	for _, s := range candidates {
		switch {
		case s.IsEdge():
		case s.Exchange != v13:
			others = append(others, s)
		case s.Level() == nil:
			return // a 2013 server whose level is unknown: stay silent
		case s.Level().Build.Compare(cu1.Build) >= 0:
			return
		default:
			below = append(below, s)
		}
	}
	var at schema.Node = h
	if h.Servers != nil {
		at = h.Servers
	}
	msg := fmt.Sprintf("the organization has Exchange 2007 servers (%s): a hybrid deployment then needs an Exchange 2013 server "+
		"at CU1 or later, with the Client Access and Mailbox roles, to run the hybrid endpoints", names(ex2007))
	install := "Install Exchange 2013 at its latest CU (with every 2007 server at SP3 RU10 or later) and list it in hybrid.servers"
	switch {
	case len(below) > 0:
		msg += fmt.Sprintf(", and %s runs %s. Update it to CU1 or later (the latest, CU23, is best; Microsoft's 2013 system requirements ask for CU2 for coexistence with 2007)",
			below[0].Name(), below[0].LevelName())
	case h.Servers != nil && len(others) > 0:
		msg += fmt.Sprintf("; hybrid.servers lists %s, which cannot serve it (Microsoft's current hybrid guidance for 2007 names Exchange 2013 only). %s",
			describeServers(others), install)
	case h.Servers != nil:
		msg += "; hybrid.servers lists none. " + install
	default:
		msg += "; the topology has none. " + install
	}
	p.Report(at, msg)
}

// describeServers lists servers with their versions: "EX07 (Exchange Server 2007)".
func describeServers(ss []facts.Server) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, fmt.Sprintf("%s (%s)", s.Name(), s.Exchange.Name))
	}
	return strings.Join(parts, ", ")
}

// newestAllowed returns the newest hybrid server version that every version
// present allows, or "" when there is none. The rejected hybrid server's own
// version is left out when that server is the only one of its version (it is
// what would be replaced, and its version would go with it); when other
// servers of that version remain, they still constrain the answer.
func newestAllowed(order []*catalog.Version, groups map[*catalog.Version][]facts.Server, rejected facts.Server) string {
	best := ""
	for _, cand := range []string{"2010", "2013", "2016", "2019", "SE"} {
		ok := true
		for _, v := range order {
			if v == rejected.Exchange && len(groups[v]) == 1 {
				continue
			}
			if allowed, known := hybridVersions[v.ID]; known && !slices.Contains(allowed, cand) {
				ok = false
			}
		}
		if ok {
			best = cand
		}
	}
	return best
}

func describeAllowed(v *catalog.Version) string {
	parts := hybridVersions[v.ID]
	switch len(parts) {
	case 1:
		return "only Exchange " + parts[0] + "-based"
	default:
		return "Exchange " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + "-based"
	}
}
