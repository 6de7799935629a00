package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
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
	why          string // what Microsoft says
	// fix is the way out, a sentence: %[1]s is the newer version's name,
	// %[2]s the older's, %[3]s Microsoft's upgrade path from the older
	// version to the newer (upgradePath). fixFor replaces it for one newer
	// version.
	fix    string
	fixFor map[string]string
}

// throughEach is the fix of a path through several versions.
const throughEach = "Microsoft's path is %[3]s: move through each version in turn, removing the servers of a version before installing one that cannot coexist with it; " +
	"every server running %[2]s must be gone before %[1]s is installed"

var forbiddenPairs = []forbiddenPair{
	{
		newer: []string{"2016", "2019", "SE"}, older: []string{"2007"},
		why: "setup of Exchange 2016 and later refuses an organization that still has Exchange 2007 servers (readiness check E16E12CoexistenceMinVersionRequirement)",
		// Exchange 2013 CU2: the 2013 system requirements' coexistence table (coexistence-minimum-update warns below it).
		fix: "Microsoft's path is %[3]s: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
			"and remove every server running %[2]s before installing %[1]s",
		fixFor: map[string]string{
			// SE setup refuses Exchange 2013 too: 2016 CU23 or 2019 CU14/CU15 come between.
			"SE": "Microsoft's path is %[3]s: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
				"and remove every server running %[2]s; then move to Exchange 2016 CU23 or 2019 CU14/CU15 and remove every Exchange 2013 server before installing %[1]s",
		},
	},
	{
		newer: []string{"2016", "2019", "SE"}, older: []string{"5.5", "2000", "2003"},
		why: "setup of Exchange 2016 and later refuses an organization that still has Exchange 2000 or 2003 servers (readiness check Exchange2000or2003PresentInOrg), and nothing after 2003 coexists with Exchange 5.5",
		fix: throughEach,
	},
	{
		newer: []string{"2013"}, older: []string{"5.5", "2000", "2003"},
		why: "Exchange 2013 does not support coexistence with Exchange 2003 or earlier versions",
		fix: throughEach,
	},
	{
		newer: []string{"2019", "SE"}, older: []string{"2010"},
		why: "Exchange 2019 and later do not support coexistence with Exchange 2010",
		fix: "Go through Exchange 2016 (%[3]s) and remove every Exchange 2010 server before installing %[1]s",
	},
	{
		newer: []string{"2010"}, older: []string{"5.5", "2000"},
		why: "Exchange 2010 supports coexistence with Exchange 2003 and 2007 only, in an organization in native mode: Exchange 2000 and 5.5 are not supported",
		fix: throughEach,
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

// upgradeEntry is the start of Microsoft's path from a version to the
// first one that coexists with the versions after it, and upgradeTail the
// rest of the path from there (exchange-domain.md §3, "Latest version for
// coexistence" and the paths of MS-READINESS Exchange2000or2003PresentInOrg:
// 2000 → 2007 → 2013 → 2016/2019 → SE; 2003 → 2010 → 2016 → 2019/SE;
// 2007 → 2013 → 2016/2019; 2010 → 2016 → 2019/SE). Exchange 5.5 first moves
// to Exchange 2000 or 2003, which Exchange 2007 coexists with
// (MS-SYSREQ-2007-COEX); 2010 coexists with neither 2000 nor 5.5.
var upgradeEntry = map[string][]string{
	"5.5":  {"5.5", "2000 or 2003", "2007"},
	"2000": {"2000", "2007"},
	"2003": {"2003", "2010"},
	"2007": {"2007"},
	"2010": {"2010"},
}

var upgradeTail = map[[2]string][]string{
	{"2007", "2010"}: {"2010"},
	{"2007", "2013"}: {"2013"},
	{"2007", "2016"}: {"2013", "2016"},
	{"2007", "2019"}: {"2013", "2019"},
	{"2007", "SE"}:   {"2013", "2016 or 2019", "SE"},
	{"2010", "2013"}: {"2013"},
	{"2010", "2016"}: {"2016"},
	{"2010", "2019"}: {"2016", "2019"},
	{"2010", "SE"}:   {"2016", "SE"},
}

// upgradePath is Microsoft's path from version older to version newer:
// "2003 → 2010 → 2016 → SE", or "" when the tables hold none.
func upgradePath(older, newer string) string {
	entry := upgradeEntry[older]
	if entry == nil {
		return ""
	}
	tail, ok := upgradeTail[[2]string{entry[len(entry)-1], newer}]
	if !ok {
		return ""
	}
	return strings.Join(append(append([]string(nil), entry...), tail...), " → ")
}

func (coexistenceUnsupported) Check(p *lint.Pass) {
	order, groups := p.Facts.VersionGroups()
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
				fix := fp.fix
				if f, ok := fp.fixFor[n]; ok {
					fix = f
				}
				msg := fmt.Sprintf("%s (%s) cannot be in the same organization as %s (%s): %s. ",
					nv.Name, names(newer), ov.Name, names(older), fp.why) +
					fmt.Sprintf(fix, nv.Name, ov.Name, upgradePath(o, n))
				p.Report(newer[0].VersionNode(), msg,
					lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
			}
		}
	}
	checkCU15With2013(p, present, groups)
}

// checkCU15With2013: setup of Exchange 2019 CU15 blocks any Exchange 2013
// server (JW-CU15, E1-IE15); 2019 up to CU14 coexists with 2013 CU21 or later.
func checkCU15With2013(p *lint.Pass, present map[string]*catalog.Version, groups map[*catalog.Version][]facts.Server) {
	v19, v13 := present["2019"], present["2013"]
	if v19 == nil || v13 == nil {
		return
	}
	cu15 := p.Catalog.Release(v19, "CU15")
	var blocking []facts.Server
	for _, s := range groups[v19] {
		if l := s.Level(); l != nil && l.Build.Compare(cu15.Build) >= 0 {
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
	p.Report(blocking[0].LevelNode(), msg,
		lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs Exchange Server 2013", older[0].Name())})
}
