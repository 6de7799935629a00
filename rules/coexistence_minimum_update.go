package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// coexistenceMinimumUpdate reports servers of an older version below the
// level a newer version in the organization requires, Exchange 2013 servers
// below the CU that coexistence with 2007 and 2010 needs, and an organization
// in mixed mode with Exchange 2007 or 2010.
type coexistenceMinimumUpdate struct{}

func init() { register(coexistenceMinimumUpdate{}) }

func (coexistenceMinimumUpdate) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "coexistence-minimum-update",
		Severity: lint.Error,
		Summary:  "a server of an older version below the level a newer version in the organization requires",
		Sources: sources("MS-READINESS", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-HYB-2007-ROLES", "MS-CU1-BLOG", "MS-SE-UPGRADE",
			"MS-SE-INPLACE", "MS-COEX-2010", "MS-SYSREQ-2007-COEX", "SOURCEDADDY-2010", "PRACTICAL365-2010", "TECHREP-2007"),
	}
}

// coexistenceMinimum is a cell of the coexistence matrix (exchange-domain.md
// §3): with a server of version newer in the organization, every server of
// version older (Edge Transport servers included) must be at level min or
// later.
type coexistenceMinimum struct {
	newer, older, min string
	// note qualifies the source, appended to the message.
	note string
}

// communityNote marks minima known only from community sources.
const communityNote = " (a minimum known from community sources, not from a Microsoft page exlint could read)"

var coexistenceMinimums = []coexistenceMinimum{
	// Exchange 2007 beside 2000 and 2003 (TECHREP-2007): 2000 SP3 with the
	// post-SP3 update rollup (KB870540), 2003 SP2.
	{newer: "2007", older: "2000", min: "SP3", note: communityNote + ", with the post-SP3 update rollup (KB870540)"},
	{newer: "2007", older: "2003", min: "SP2", note: communityNote},
	// Exchange 2010 beside 2003 and 2007 (SOURCEDADDY-2010, PRACTICAL365-2010).
	{newer: "2010", older: "2003", min: "SP2", note: communityNote},
	{newer: "2010", older: "2007", min: "SP2", note: communityNote},
	// Exchange 2013: readiness checks Exchange2007ServersMustBeUpgradedToSP3RU10
	// and Exchange2010ServersMustBeUpgradedToSP3 (MS-READINESS, MS-SYSREQ-2013).
	{newer: "2013", older: "2007", min: "SP3 RU10"},
	{newer: "2013", older: "2010", min: "SP3"},
	// Exchange 2016: E16E14CoexistenceMinVersionRequirement and
	// E16E15CoexistenceMinVersionRequirement (MS-READINESS, MS-SYSREQ).
	{newer: "2016", older: "2010", min: "SP3 RU11"},
	{newer: "2016", older: "2013", min: "CU10"},
	// Exchange 2019 (MS-SYSREQ, 2019 moniker; the 2018 preview page said 2016 CU10). Setup of
	// 2019 CU15 refuses Exchange 2013 (JW-CU15, E1-IE15): the 2013 minimum is not asked for when
	// every 2019 server is at CU15 or later (coexistence-unsupported reports the pair).
	{newer: "2019", older: "2013", min: "CU21", note: cu15Note},
	{newer: "2019", older: "2016", min: "CU11", note: " (Microsoft's 2018 preview documentation said CU10; the released system requirements say CU11)"},
	// Exchange SE: the starting points of Microsoft's upgrade guidance
	// (MS-SE-UPGRADE, MS-SE-INPLACE); whether SE setup refuses older levels
	// is not documented.
	{newer: "SE", older: "2016", min: "CU23", note: " (the only 2016 level Microsoft's SE upgrade guidance starts from; whether SE setup refuses older levels is not documented)"},
	{newer: "SE", older: "2019", min: "CU14", note: " (Microsoft supports the in-place upgrade to SE from 2019 CU14 and CU15; whether SE setup refuses older levels is not documented)"},
}

// cu15Note qualifies the Exchange 2019 minimum for Exchange 2013.
const cu15Note = " (and Exchange 2019 CU15 and later refuse Exchange 2013 altogether: keep the 2019 servers at CU14 or earlier until every 2013 server is gone"

// coexistenceContext is what the minimums depend on beyond the server: the
// versions present and the Exchange 2019 servers at CU15 or later.
type coexistenceContext struct {
	present map[string]bool
	// all2019CU15: every 2019 server is known to be at CU15 or later.
	all2019CU15 bool
	cu15        []facts.Server
}

func newCoexistenceContext(p *lint.Pass, order []*catalog.Version, groups map[*catalog.Version][]facts.Server) coexistenceContext {
	c := coexistenceContext{present: map[string]bool{}}
	for _, v := range order {
		c.present[v.ID] = true
	}
	if v19 := p.Catalog.Version("2019"); len(groups[v19]) > 0 {
		for _, s := range groups[v19] {
			if ok, known := s.AtLeast(p.Catalog, "CU15"); ok && known {
				c.cu15 = append(c.cu15, s)
			}
		}
		c.all2019CU15 = len(c.cu15) == len(groups[v19])
	}
	return c
}

// requirement is one minimum a server fails.
type requirement struct {
	by   string // what requires it: "Exchange 2013"
	min  *catalog.Release
	sev  lint.Severity
	note string
}

func (coexistenceMinimumUpdate) Check(p *lint.Pass) {
	all := p.Facts.Servers()
	order, groups := facts.ByVersion(all)
	ctx := newCoexistenceContext(p, order, groups)
	for _, s := range all {
		reqs := failedMinimums(p, s, ctx)
		if len(reqs) == 0 {
			continue
		}
		sev, target := lint.Info, reqs[0].min
		var clauses []string
		for _, r := range reqs {
			if r.sev > sev {
				sev = r.sev
			}
			if r.min.Build.Compare(target.Build) > 0 {
				target = r.min
			}
			clauses = append(clauses, fmt.Sprintf("%s in the same organization needs every %s server at %s or later%s",
				r.by, s.Exchange.ID, r.min.Ref(), r.note))
		}
		p.ReportAs(sev, s.LevelNode(), fmt.Sprintf("%s runs %s; %s: install %s or later on %s",
			s.Name(), s.LevelName(), strings.Join(clauses, "; "), target.Name, s.Name()))
	}
	checkNativeMode(p, groups)
}

// failedMinimums returns the minimums a server fails, in the order of the
// table; none when its level is unknown.
func failedMinimums(p *lint.Pass, s facts.Server, ctx coexistenceContext) []requirement {
	if s.Release == nil {
		return nil
	}
	present := ctx.present
	var out []requirement
	below := func(name string) *catalog.Release {
		min := p.Catalog.Release(s.Exchange, name)
		if min != nil && s.Release.Build.Compare(min.Build) < 0 {
			return min
		}
		return nil
	}
	for _, m := range coexistenceMinimums {
		if m.older != s.Exchange.ID || !present[m.newer] {
			continue
		}
		note := m.note
		if m.note == cu15Note {
			if ctx.all2019CU15 {
				continue // no 2013 server may stay at all: coexistence-unsupported
			}
			if len(ctx.cu15) > 0 {
				note += fmt.Sprintf("; %s already %s CU15 or later, which coexistence-unsupported reports", names(ctx.cu15), words.Pick(len(ctx.cu15), "runs", "run"))
			}
			note += ")"
		}
		if min := below(m.min); min != nil {
			out = append(out, requirement{by: "Exchange " + m.newer, min: min, sev: lint.Error, note: note})
		}
	}
	// Exchange 2013 beside 2007 or 2010: RTM cannot coexist (CU1 was the
	// first coexistence-capable update, MS-CU1-BLOG); Microsoft's 2013
	// system requirements ask for CU2, its 2013/2007 hybrid page for CU1
	// (MS-SYSREQ-2013, MS-HYB-2007-ROLES): a warning between the two.
	if s.Exchange.ID == "2013" && (present["2007"] || present["2010"]) {
		legacy := "Exchange 2007"
		switch {
		case present["2007"] && present["2010"]:
			legacy = "Exchange 2007 and 2010"
		case present["2010"]:
			legacy = "Exchange 2010"
		}
		if min := below("CU1"); min != nil {
			out = append(out, requirement{by: legacy, min: min, sev: lint.Error,
				note: " (Exchange 2013 RTM cannot coexist with earlier versions: CU1 was the first update that could)"})
		}
		if min := below("CU2"); min != nil {
			out = append(out, requirement{by: legacy, min: min, sev: lint.Warning,
				note: " per Microsoft's Exchange 2013 system requirements (its 2013/2007 hybrid page asks for CU1 only: the sources conflict, so this alone is a warning)"})
		}
	}
	return out
}

// checkNativeMode: Exchange 2007 and 2010 need the organization in native
// mode (MS-SYSREQ-2007-COEX, MS-COEX-2010).
func checkNativeMode(p *lint.Pass, groups map[*catalog.Version][]facts.Server) {
	o := p.Topology.Organization
	if o == nil || !o.NativeMode.IsFalse() {
		return
	}
	var parts []string
	for _, id := range []string{"2007", "2010"} {
		if ss := groups[p.Catalog.Version(id)]; len(ss) > 0 {
			parts = append(parts, fmt.Sprintf("Exchange %s (%s)", id, names(ss)))
		}
	}
	if len(parts) == 0 {
		return
	}
	p.Report(o.NativeMode, fmt.Sprintf("the organization is in mixed mode (native_mode = false), but %s needs an organization in native mode: "+
		"remove every Exchange 5.5 server and the Site Replication Service, switch the organization to native mode, then install the newer servers",
		strings.Join(parts, " and ")))
}
