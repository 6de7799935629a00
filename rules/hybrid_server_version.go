package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
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

// The versions a hybrid server may run, by the versions of the
// organization, are the catalogue's (subject hybrid-server, hybridAllowed):
// an organization version with rows allows only the hybrid server versions
// they list.

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
		p.Unknown(&h.Block, "servers")
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
			if allowed, known := hybridAllowed(p.Catalog, v, hs.Exchange); !known || allowed {
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
		// The fix names the newest version in support every version here
		// accepts (Microsoft advises the newest it supports) and that can
		// join the organization, or else says what must go first (SE beside
		// the last 2013 server: once Exchange 2013 is gone); none suits an
		// organization whose versions accept only versions out of support.
		fix := "no version in support suits every version here; retire the older versions first"
		var except *catalog.Version // the rejected server's own, when it is the last of it
		if len(groups[hs.Exchange]) == 1 {
			except = hs.Exchange
		}
		if old := hybridBlockers(p, except); len(old) > 0 {
			fix = fmt.Sprintf("no version in support suits Exchange %s; retire those servers first", words.And(old))
		}
		if best, first := hybridTarget(p, except); best != nil {
			fix = fmt.Sprintf("run hybrid on an %s server instead%s", best.ShortName(), onceGoneNote(first))
		}
		p.Report(item, fmt.Sprintf("%s runs %s, which %s %s not accept as hybrid server (%s): %s",
			hs.Name(), hs.Exchange.Name, strings.Join(conflicts, " and "), words.Pick(len(conflicts), "does", "do"),
			describeAllowed(p.Catalog, first.Exchange), fix),
			lint.Related{Range: first.VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", first.Name(), first.Exchange.Name)})
	}
}

// check2007: an organization with Exchange 2007 needs an Exchange 2013 CU1 or
// later hybrid server with the Client Access and Mailbox roles, whatever else
// is listed (MS-HYB-2007-ROLES, MS-HCW-FAQ).
func check2007(p *lint.Pass, h *schema.Hybrid, all, ex2007 []facts.Server) {
	// The hybrid server version an organization with Exchange 2007 needs
	// (Exchange 2013), at the first level that coexists with 2007 (CU1).
	var hv *catalog.Version
	for _, v := range p.Catalog.Versions() {
		if ok, _ := hybridAllowed(p.Catalog, ex2007[0].Exchange, v); ok {
			hv = v
		}
	}
	var min *catalog.Release
	for _, r := range p.Catalog.VersionRows(coexistence, hv) {
		if r.From == nil && r.To != nil && r.Verdict == catalog.Unsupported && r.HasValue(ex2007[0].Exchange.ID) {
			min = r.To
		}
	}
	candidates := all
	if h.Servers != nil {
		candidates = p.Facts.HybridServers()
	}
	var below, others []facts.Server
	for _, s := range candidates {
		switch {
		case s.IsEdge():
		case s.Exchange != hv:
			others = append(others, s)
		case s.Level() == nil:
			return // a 2013 server whose level is unknown: stay silent
		case s.Level().Build.Compare(min.Build) >= 0:
			return
		default:
			below = append(below, s)
		}
	}
	var at schema.Node = h
	if h.Servers != nil {
		at = h.Servers
	}
	// The hybrid server must be Exchange 2013, which may be out of support:
	// then no supported version can be one, and the fix is to retire 2007.
	msg := fmt.Sprintf("the organization has Exchange 2007 servers (%s), so its hybrid server must be Exchange 2013 %s or later "+
		"with the Client Access and Mailbox roles", names(ex2007), min.Name)
	install := "install Exchange 2013 at its latest CU and list it in hybrid.servers"
	if !hv.InSupport(p.AsOf) {
		install = "no version in support can be one: retire the 2007 servers first"
	}
	switch {
	case len(below) > 0:
		msg += fmt.Sprintf(", and %s runs %s: update it to %s or later (the latest is best)", below[0].Name(), below[0].LevelName(), min.Name)
	case h.Servers != nil && len(others) > 0:
		msg += fmt.Sprintf(", and hybrid.servers lists %s: %s", describeServers(others), install)
	case h.Servers != nil:
		msg += ", and hybrid.servers lists none: " + install
	default:
		msg += ", and the topology has none: " + install
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

// hybridBlockers are the versions present (but except, a version being
// retired) that accept no hybrid server version in support on the
// evaluation date: those to retire before hybrid can run on a supported
// server.
func hybridBlockers(p *lint.Pass, except *catalog.Version) []string {
	var out []string
	order, _ := p.Facts.VersionGroups()
	for _, v := range order {
		if v == except {
			continue
		}
		if len(p.Catalog.VersionRows(hybridServer, v)) == 0 {
			continue
		}
		any := false
		for _, cand := range p.Catalog.SupportedVersions(p.AsOf) {
			if ok, _ := hybridAllowed(p.Catalog, v, cand); ok {
				any = true
			}
		}
		if !any {
			out = append(out, v.ID)
		}
	}
	return out
}

// describeAllowed names the hybrid server versions an organization with
// version v allows: "it accepts Exchange 2010 only", "it accepts Exchange
// 2010, 2013 and 2016".
func describeAllowed(cat *catalog.Catalog, v *catalog.Version) string {
	var parts []string
	for _, c := range cat.Versions() {
		if ok, _ := hybridAllowed(cat, v, c); ok {
			parts = append(parts, c.ID)
		}
	}
	if len(parts) == 1 {
		return "it accepts Exchange " + parts[0] + " only"
	}
	return "it accepts Exchange " + words.And(parts)
}
