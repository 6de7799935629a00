package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// hybridModernAuth reports hybrid modern authentication with Exchange servers
// that cannot take part in it.
type hybridModernAuth struct{}

func init() { register(hybridModernAuth{}) }

func (hybridModernAuth) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "hybrid-modern-auth",
		Severity: lint.Error,
		Summary:  "hybrid modern authentication with any Exchange 2010 server, or with servers not on the latest CU",
		Sources:  sources("MS-HMA-PREREQ", "MS-HYB-PREREQ", "MS-SE-INPLACE", "CSS-HC"),
	}
}

// The first level of each version that supports hybrid modern
// authentication is the catalogue's (subject hybrid-modern-auth:
// MS-HMA-PREREQ's "Exchange server 2013 CU19 and up, Exchange server 2016
// CU8 and up, or Exchange Server 2019 CU1 and up", and "There is no Exchange
// server 2007 or 2010 in the Hybrid environment"). Exchange SE, the code of
// 2019 CU15 (MS-SE-INPLACE), has no minimum.
const hybridModernAuthMatrix = "hybrid-modern-auth"

func (hybridModernAuth) Check(p *lint.Pass) {
	h := p.Topology.Hybrid
	if h != nil && h.ModernAuth == nil && len(p.Facts.Servers()) > 0 {
		p.Unknown(&h.Block, "modern_auth")
	}
	if h == nil || !h.ModernAuth.IsTrue() {
		return
	}
	on := related(h.ModernAuth, "hybrid modern authentication is turned on here")
	for _, s := range p.Facts.Servers() {
		if s.IsEdge() {
			// Edge Transport servers take no part in modern authentication:
			// they serve no clients and no EWS, Autodiscover or OAuth (as
			// hybrid-dedicated-app, which skips them too).
			continue
		}
		min, supported := p.Catalog.FirstSupported(hybridModernAuthMatrix, "", s.Exchange)
		if !supported {
			// The levels that take part are the rule page's table.
			p.Report(s.VersionNode(), fmt.Sprintf("%s runs %s, and hybrid modern authentication (hybrid.modern_auth) needs an organization "+
				"without %s servers: move its mailboxes and remove it before turning it on", s.Name(), s.Exchange.Name, s.Exchange.ShortName()), on)
			continue
		}
		if s.Level() == nil {
			continue // unknown level: exchange-build-unknown reports it
		}
		current, known, levels := s.Currency(p.AsOf)
		// The level to install is the newest current one that can join the
		// organization (updateTarget): beside Exchange 2013, 2019 CU14.
		if min != nil {
			if below, known := s.Below(min); known && below {
				fix := updateTarget(p, currentFrom(s.Exchange, min, p.AsOf)).install(p, s.Name(), nil, "")
				if fix == "" {
					fix = "install the latest CU on " + s.Name()
				}
				p.Report(s.LevelNode(), fmt.Sprintf("%s runs %s, below %s, the first level with hybrid modern authentication (hybrid.modern_auth): %s",
					s.Name(), s.LevelName(), min, fix), on)
				continue
			}
		}
		if !known {
			continue
		}
		latest := s.Exchange.LatestLevel(p.AsOf)
		switch {
		case !current:
			p.Report(s.LevelNode(), fmt.Sprintf("%s runs %s, not a current CU (%s), and hybrid modern authentication (hybrid.modern_auth) needs the latest: %s",
				s.Name(), s.LevelName(), words.Or(releaseNames(levels)), updateTarget(p, levels).install(p, s.Name(), nil, "")), on)
		case s.Level() != latest:
			// Microsoft's HMA prerequisites ask for the latest CU; its hybrid
			// support statement, quoted on the same page, accepts the latest
			// or the previous one: sources conflict, so a warning. Where the
			// latest cannot join the organization, what must go first.
			p.ReportAs(lint.Warning, s.LevelNode(), fmt.Sprintf("%s runs %s, the previous CU, and hybrid modern authentication asks for the latest "+
				"(sources disagree: see the rule page): %s", s.Name(), s.LevelName(),
				updateTarget(p, []*catalog.Release{latest}).install(p, s.Name(), nil, "")), on)
		}
	}
}
