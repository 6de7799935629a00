package rules

import (
	"fmt"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// coexistenceUnsupported reports two Exchange versions in one organization
// that cannot coexist: setup of the newer one refuses the older, or Microsoft
// does not support the pair.
type coexistenceUnsupported struct{}

func init() { register(coexistenceUnsupported{}) }

func (coexistenceUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "coexistence-unsupported",
		Severity: lint.Error,
		Summary:  "two Exchange versions in one organization that cannot coexist",
		Sources: sources("MS-READINESS", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-COEX-2010", "MS-SYSREQ-2007-COEX",
			"MS-SE-UPGRADE", "JW-CU15", "E1-IE15"),
	}
}

// forbiddenPair is a rule of the coexistence matrix (exchange-domain.md §3):
// no version in newer may be in an organization with a version in older.
type forbiddenPair struct {
	newer, older []string
	why          string // what Microsoft says, with {new} and {old} placeholders
	fix          string // the upgrade path, a sentence: %[1]s is the newer version, %[2]s the older
}

var forbiddenPairs = []forbiddenPair{
	{
		newer: []string{"2016", "2019", "SE"}, older: []string{"2007"},
		why: "setup of Exchange 2016 and later refuses an organization that still has Exchange 2007 servers (readiness check E16E12CoexistenceMinVersionRequirement)",
		fix: "Microsoft's path is 2007 → 2013 → 2016/2019 → SE: introduce Exchange 2013 (CU1 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, and remove every 2007 server before installing %[1]s",
	},
	{
		newer: []string{"2016", "2019", "SE"}, older: []string{"5.5", "2000", "2003"},
		why: "setup of Exchange 2016 and later refuses an organization that still has Exchange 2000 or 2003 servers (readiness check Exchange2000or2003PresentInOrg), and nothing after 2003 coexists with Exchange 5.5",
		fix: "Microsoft's paths are 2003 → 2010 → 2016 and 2000 → 2007 → 2013 → 2016: go through the intermediate versions and remove every %[2]s server before installing %[1]s",
	},
	{
		newer: []string{"2013"}, older: []string{"5.5", "2000", "2003"},
		why: "Exchange 2013 does not support coexistence with Exchange 2003 or earlier versions",
		fix: "Go through Exchange 2010 (2003 → 2010 → 2013 or 2016) and remove every %[2]s server before installing %[1]s",
	},
	{
		newer: []string{"2019", "SE"}, older: []string{"2010"},
		why: "Exchange 2019 and later do not support coexistence with Exchange 2010",
		fix: "Go through Exchange 2016 (2010 → 2016 → 2019/SE) and remove every Exchange 2010 server before installing %[1]s",
	},
	{
		newer: []string{"2010"}, older: []string{"5.5", "2000"},
		why: "Exchange 2010 supports coexistence with Exchange 2003 and 2007 only, in an organization in native mode: Exchange 2000 and 5.5 are not supported",
		fix: "Go through Exchange 2003 or 2007 and remove every %[2]s server before installing %[1]s",
	},
	{
		newer: []string{"2007"}, older: []string{"5.5"},
		why: "Exchange 2007 needs an organization in native mode, which Exchange 5.5 servers prevent",
		fix: "Move off Exchange 5.5 (through Exchange 2000 or 2003), switch the organization to native mode, then install %[1]s",
	},
	{
		newer: []string{"SE"}, older: []string{"2013"},
		why: "setup of Exchange Server SE refuses an organization that still has Exchange 2013 servers",
		fix: "Move to Exchange 2016 CU23 or 2019 CU14/CU15 first and remove every Exchange 2013 server before installing %[1]s",
	},
}

func (coexistenceUnsupported) Check(p *lint.Pass) {
	order, groups := byVersion(servers(p))
	present := map[string]*catalog.Version{}
	for _, v := range order {
		present[v.ID] = v
	}
	for _, fp := range forbiddenPairs {
		for _, n := range fp.newer {
			nv := present[n]
			if nv == nil {
				continue
			}
			for _, o := range fp.older {
				ov := present[o]
				if ov == nil {
					continue
				}
				newer, older := groups[nv], groups[ov]
				msg := fmt.Sprintf("%s (%s) cannot be in the same organization as %s (%s): %s. ",
					nv.Name, names(newer), ov.Name, names(older), fp.why) +
					fmt.Sprintf(fp.fix, nv.Name, ov.Name)
				p.Report(versionNode(newer[0]), msg,
					lint.Related{Range: versionNode(older[0]).SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
			}
		}
	}
	checkCU15With2013(p, present, groups)
}

// checkCU15With2013: setup of Exchange 2019 CU15 blocks any Exchange 2013
// server (JW-CU15, E1-IE15); 2019 up to CU14 coexists with 2013 CU21 or later.
func checkCU15With2013(p *lint.Pass, present map[string]*catalog.Version, groups map[*catalog.Version][]server) {
	v19, v13 := present["2019"], present["2013"]
	if v19 == nil || v13 == nil {
		return
	}
	cu15 := p.Catalog.Release(v19, "CU15")
	var blocking []server
	for _, s := range groups[v19] {
		if l := s.level(); l != nil && l.Build.Compare(cu15.Build) >= 0 {
			blocking = append(blocking, s)
		}
	}
	if len(blocking) == 0 {
		return
	}
	older := groups[v13]
	msg := fmt.Sprintf("Exchange Server 2019 CU15 or later (%s) cannot be in the same organization as Exchange Server 2013 (%s): "+
		"setup of 2019 CU15 refuses an organization that still has Exchange 2013 servers. "+
		"Keep the 2019 servers at CU14 until every Exchange 2013 server is removed, then update them to CU15",
		names(blocking), names(older))
	p.Report(levelNode(blocking[0]), msg,
		lint.Related{Range: versionNode(older[0]).SourceRange(), Message: fmt.Sprintf("%s runs Exchange Server 2013", older[0].Name())})
}
