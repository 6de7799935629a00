package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// domainControllerReadOnly reports Active Directory sites with Exchange
// servers and no writable global catalog server.
type domainControllerReadOnly struct{}

func init() { register(domainControllerReadOnly{}) }

func (domainControllerReadOnly) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "domain-controller-read-only",
		Severity: lint.Error,
		Summary:  "an Active Directory site with Exchange servers whose only global catalogs are read-only, or that has none",
		Sources:  sources("MS-MATRIX", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-SYSREQ-2007"),
	}
}

// What each version needs in every site with Exchange servers is the
// catalogue's (subject dc-role): Exchange 2010 and later a writable domain
// controller that is also a global catalog server (MS-SYSREQ,
// MS-SYSREQ-2013, MS-MATRIX), Exchange 2007 a global catalog server
// (MS-SYSREQ-2007); Exchange 2003 and older have no row and are not checked.
const dcRole = "dc-role"

// dcNeeds reports whether the catalogue says that the servers of v need a
// domain controller that is role (global_catalog, writable) in their site.
func dcNeeds(cat *catalog.Catalog, v *catalog.Version, role string) bool {
	verdict, _ := cat.SupportsAny(dcRole, role, "", v)
	return verdict == catalog.Supported
}

func (domainControllerReadOnly) Check(p *lint.Pass) {
	t := p.Topology
	// Without any domain_controller block the topology does not describe
	// Active Directory (a forest without domain controllers cannot exist).
	if len(t.DomainControllers) == 0 {
		return
	}
	needsGC := func(s facts.Server) bool { return dcNeeds(p.Catalog, s.Exchange, "global_catalog") }
	exchange := map[*schema.Site][]facts.Server{}
	for _, s := range p.Facts.Servers() {
		if !s.IsEdge() && needsGC(s) && s.Site == nil {
			p.Unknown(&s.Block, "site")
		}
		if s.IsEdge() || !needsGC(s) || !s.Site.Resolved() {
			continue // Edge servers are outside the forest; a server of unknown site is not placed
		}
		exchange[s.Site.Target] = append(exchange[s.Site.Target], s)
	}
	inSite := map[*schema.Site][]*schema.DomainController{}
	var unsited []*schema.DomainController
	for _, dc := range t.DomainControllers {
		if dc.Site.Resolved() {
			inSite[dc.Site.Target] = append(inSite[dc.Site.Target], dc)
		} else {
			unsited = append(unsited, dc)
		}
	}
	for _, site := range t.Sites {
		ss := exchange[site]
		if len(ss) == 0 {
			continue
		}
		writable := false
		for _, s := range ss {
			if dcNeeds(p.Catalog, s.Exchange, "writable") {
				writable = true
			}
		}
		// A domain controller in the site that qualifies settles it; one that
		// might (unknown flags), or one whose site is unknown, leaves it unknown.
		if dcAny(inSite[site], func(dc *schema.DomainController) bool { return gcQualifies(dc, writable) }) {
			continue
		}
		if dcAny(inSite[site], func(dc *schema.DomainController) bool { return gcMightQualify(dc, writable) }) ||
			dcAny(unsited, func(dc *schema.DomainController) bool { return gcMightQualify(dc, writable) }) {
			dcUnknowns(p, site, inSite[site], unsited, writable)
			continue
		}
		reportSite(p, site, ss, inSite[site], writable)
	}
}

// dcUnknowns declares what would settle a site that no domain controller
// qualifies for and some might: the flags they leave out, and the site of
// those whose site is not stated.
func dcUnknowns(p *lint.Pass, site *schema.Site, in, unsited []*schema.DomainController, writable bool) {
	for _, dc := range in {
		if !gcMightQualify(dc, writable) {
			continue
		}
		if dc.GlobalCatalog == nil {
			p.UnknownFor(site, &dc.Block, "global_catalog")
		}
		if writable && dc.ReadOnly == nil {
			p.UnknownFor(site, &dc.Block, "read_only")
		}
	}
	for _, dc := range unsited {
		if gcMightQualify(dc, writable) {
			p.UnknownFor(site, &dc.Block, "site")
		}
	}
}

// gcQualifies: a global catalog, writable where the site needs one.
func gcQualifies(dc *schema.DomainController, writable bool) bool {
	return dc.GlobalCatalog.IsTrue() && (!writable || dc.ReadOnly.IsFalse())
}

// gcMightQualify: nothing known rules it out.
func gcMightQualify(dc *schema.DomainController, writable bool) bool {
	return !dc.GlobalCatalog.IsFalse() && (!writable || !dc.ReadOnly.IsTrue())
}

func dcAny(dcs []*schema.DomainController, f func(*schema.DomainController) bool) bool {
	for _, dc := range dcs {
		if f(dc) {
			return true
		}
	}
	return false
}

func reportSite(p *lint.Pass, site *schema.Site, ss []facts.Server, dcs []*schema.DomainController, writable bool) {
	// None of these qualifies or might: each is read-only (where that
	// matters) or not a global catalog.
	var roGCs, details []string
	for _, dc := range dcs {
		switch {
		case writable && dc.ReadOnly.IsTrue() && dc.GlobalCatalog.IsTrue():
			roGCs = append(roGCs, dc.Name())
		case writable && dc.ReadOnly.IsTrue():
			details = append(details, dc.Name()+" is a read-only domain controller")
		default:
			details = append(details, dc.Name()+" is not a global catalog")
		}
	}
	msg := fmt.Sprintf("site %s has Exchange servers (%s) but ", site.Name(), names(ss))
	switch {
	case len(roGCs) > 0:
		msg += fmt.Sprintf("its only global catalog %s (%s) %s read-only", words.Pick(len(roGCs), "server", "servers"),
			words.And(words.Short(roGCs)), words.Pick(len(roGCs), "is", "are"))
	case len(dcs) == 0:
		msg += "no domain controller"
	case writable:
		msg += "no writable global catalog server"
	default:
		msg += "no global catalog server"
	}
	if len(details) > 0 {
		msg += " (" + words.And(words.Short(details)) + ")"
	}
	// Why (read-only ones are not used; setup fails) is the rule page's.
	if writable {
		msg += fmt.Sprintf(", and Exchange needs a writable global catalog in each of its sites: "+
			"make a writable domain controller in %s a global catalog server, or add one", site.Name())
	} else {
		msg += fmt.Sprintf(", and Exchange 2007 needs a global catalog in each of its sites: "+
			"make a domain controller in %s a global catalog server, or add one", site.Name())
	}
	p.Report(site, msg, lint.Related{Range: ss[0].Site.SourceRange(), Message: fmt.Sprintf("%s is in site %s", ss[0].Name(), site.Name())})
}

// adPlural picks the singular or plural form for a list of names.
func adPlural(ns []string, one, many string) string {
	if len(ns) == 1 {
		return one
	}
	return many
}
