package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// forestFunctionalLevel reports a forest functional level below what the
// Exchange servers of the organization need.
type forestFunctionalLevel struct{}

func init() { register(forestFunctionalLevel{}) }

func (forestFunctionalLevel) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "forest-functional-level",
		Severity: lint.Error,
		Summary:  "a forest functional level below the minimum of the newest Exchange version present (and Exchange 2016 with Windows Server 2016 domain controllers)",
		Sources: sources("MS-SYSREQ", "MS-MATRIX", "MS-FFL-2016", "MS-READINESS", "SUNIL-2016", "E1-IE15",
			"MS-SYSREQ-2013", "MS-SYSREQ-2010", "MS-ROADMAP-2024", "MS-SYSREQ-2007"),
	}
}

// fflMinimum is the lowest forest functional level a range of Exchange levels
// supports. Below hard every source agrees it is unsupported (an error);
// between hard and min the sources disagree (a warning, conflict says how).
type fflMinimum struct {
	adLevelRange
	min, hard string // forest functional level IDs; hard "" is min
	conflict  string
}

// fflMinimums: exchange-domain.md §1.3, "Minimum forest functional level".
var fflMinimums = []fflMinimum{
	// MS-SYSREQ (2019): "Windows Server 2012 R2 or higher"; MS-MATRIX FFL table, Exchange 2019 column.
	{adLevelRange: adLevelRange{version: "2019"}, min: "2012R2"},
	// MS-ROADMAP-2024: "we will continue to support the Windows Server 2012 R2 forest functional level".
	{adLevelRange: adLevelRange{version: "SE"}, min: "2012R2"},
	// MS-SYSREQ (2016, 2021-2022 text): "Windows Server 2008 R2 or higher"; MS-MATRIX column
	// "Exchange 2016 CU7 and later" (CU7 raised the requirement).
	{adLevelRange: adLevelRange{version: "2016", from: "CU7", first: "CU7"}, min: "2008R2"},
	// MS-MATRIX column "Exchange 2016 CU3 to CU6": Windows Server 2008 and later; MS-FFL-2016
	// (2016-10-27): "supported in environments configured to FFL 2008 and later".
	{adLevelRange: adLevelRange{version: "2016", from: "CU3", to: "CU7", first: "CU3", last: "CU6"}, min: "2008"},
	// Conflict. MS-MATRIX column "Exchange 2016 CU2 and earlier" lists Windows Server 2003, and setup's
	// readiness check ForestLevelNotWin2003Native (MS-READINESS) asks for 2003; the RTM-era system
	// requirements (SUNIL-2016) asked for Windows Server 2008. The reference's reading: 2003 is the
	// hard setup gate, 2008 the documented requirement.
	{adLevelRange: adLevelRange{version: "2016", to: "CU3", last: "CU2"}, min: "2008", hard: "2003",
		conflict: "sources disagree for Exchange 2016 CU2 and earlier: the system requirements of the time asked for Windows Server 2008, " +
			"while Microsoft's supportability matrix lists Windows Server 2003 and setup checks only for 2003"},
	// MS-SYSREQ-2013: "Windows Server 2003 forest functionality mode or higher".
	{adLevelRange: adLevelRange{version: "2013"}, min: "2003"},
	// MS-SYSREQ-2010; MS-MATRIX (the Exchange 2010 SP3 columns start at Windows Server 2003).
	{adLevelRange: adLevelRange{version: "2010"}, min: "2003"},
	// MS-SYSREQ-2007: Windows 2000 native, the lowest forest functional level: always met.
	{adLevelRange: adLevelRange{version: "2007"}, min: "2000"},
	// Exchange 2003: Windows 2000 mixed or higher (MS-AD-2009, domain levels): always met.
	{adLevelRange: adLevelRange{version: "2003"}, min: "2000"},
}

// fflDCMinimum: Exchange 2016 with any Windows Server 2016 domain controller
// needs the Windows Server 2008 R2 forest functional level (MS-FFL-2016).
const fflDCMinimum, fflDCOS = "2008R2", "2016"

// fflNeed is one reason the forest needs a level: servers and why.
type fflNeed struct {
	min, hard *catalog.FFL
	what      string // "EX01 (Exchange Server 2019 CU15 (15.2.1748.10)) needs"
	note      string // after "<level> or higher", for servers of unknown level
	conflict  string
	related   lint.Related
}

func (forestFunctionalLevel) Check(p *lint.Pass) {
	o := p.Topology.Organization
	if o == nil || o.ForestFunctionalLevel == nil {
		return
	}
	cur := p.Catalog.FFLByID(o.ForestFunctionalLevel.Value)
	if cur == nil {
		return
	}
	var needs []fflNeed
	all := p.Facts.Servers()
	for _, m := range fflMinimums {
		var ss []facts.Server
		for _, s := range all {
			if in, _ := m.match(p.Catalog, s); in {
				ss = append(ss, s)
			}
		}
		if len(ss) == 0 {
			continue
		}
		hard := m.hard
		if hard == "" {
			hard = m.min
		}
		needs = append(needs, fflNeed{
			min: p.Catalog.FFLByID(m.min), hard: p.Catalog.FFLByID(hard),
			what:     groupName(ss, m.label(p.Catalog)) + words.Pick(len(ss), " needs", " need"),
			conflict: m.conflict, related: relatedLevel(ss[0]),
		})
	}
	needs = append(needs, fflUnknownNeeds(p, all)...)
	if n, ok := fflDCNeed(p, all); ok {
		needs = append(needs, n)
	}

	// The verdict: an error when any need's hard minimum is above the
	// level, a warning when only disputed minimums are.
	var failing []fflNeed
	isError := false
	for _, n := range needs {
		if n.min.Level > cur.Level {
			failing = append(failing, n)
			if n.hard.Level > cur.Level {
				isError = true
			}
		}
	}
	if len(failing) == 0 {
		return
	}
	// Describe the strictest needs of the verdict's kind; the target covers all.
	var target *catalog.FFL
	for _, n := range failing {
		if target == nil || n.min.Level > target.Level {
			target = n.min
		}
	}
	var parts, conflicts []string
	var related []lint.Related
	for _, n := range failing {
		if n.min != target || (isError && n.hard.Level <= cur.Level) {
			continue
		}
		part := fmt.Sprintf("%s %s or higher%s", n.what, n.min.Name, n.note)
		if isError && n.hard != n.min {
			part += fmt.Sprintf(" (its setup refuses anything below %s)", n.hard.Name)
		}
		parts = append(parts, part)
		if !isError && n.conflict != "" {
			conflicts = append(conflicts, n.conflict)
		}
		related = append(related, n.related)
	}
	if len(parts) == 0 {
		// The strictest need is disputed and a lower one is not: describe
		// the undisputed ones that fail.
		for _, n := range failing {
			if n.hard.Level > cur.Level {
				parts = append(parts, fmt.Sprintf("%s %s or higher%s", n.what, n.min.Name, n.note))
				related = append(related, n.related)
			}
		}
	}
	msg := fmt.Sprintf("the forest functional level is %s, but %s", cur.Name, words.And(parts))
	if len(conflicts) > 0 {
		msg += "; " + words.And(conflicts)
	}
	msg += fmt.Sprintf(": raise the forest functional level to %s or higher", target.Name)
	if isError {
		p.Report(o.ForestFunctionalLevel, msg, related...)
		return
	}
	p.ReportAs(lint.Warning, o.ForestFunctionalLevel, msg, related...)
}

// fflUnknownNeeds: servers whose level is unknown, where their version's
// minimum depends on the level (Exchange 2016), are judged at what every
// range of the version agrees on: the lowest hard minimum among them (every
// 2016 update needs Windows Server 2003 at least). Above it the ranges
// differ, and the level is not guessed at.
func fflUnknownNeeds(p *lint.Pass, all []facts.Server) []fflNeed {
	var order []*catalog.Version
	unknown := map[*catalog.Version][]facts.Server{}
	for _, s := range all {
		for _, m := range fflMinimums {
			if _, known := m.match(p.Catalog, s); !known {
				if unknown[s.Exchange] == nil {
					order = append(order, s.Exchange)
				}
				unknown[s.Exchange] = append(unknown[s.Exchange], s)
				break
			}
		}
	}
	var needs []fflNeed
	for _, v := range order {
		var agreed, top *catalog.FFL
		var topRange adLevelRange
		for _, m := range fflMinimums {
			if m.version != v.ID {
				continue
			}
			hard := m.hard
			if hard == "" {
				hard = m.min
			}
			if h := p.Catalog.FFLByID(hard); agreed == nil || h.Level < agreed.Level {
				agreed = h
			}
			if mn := p.Catalog.FFLByID(m.min); top == nil || mn.Level > top.Level {
				top, topRange = mn, m.adLevelRange
			}
		}
		ss := unknown[v]
		whose := "the update of " + ss[0].Name()
		if len(ss) > 1 {
			whose = "their updates"
		}
		needs = append(needs, fflNeed{
			min: agreed, hard: agreed,
			what:    groupName(ss, v.Name) + words.Pick(len(ss), " needs", " need"),
			note:    fmt.Sprintf(" at any update (exlint does not know %s; %s needs %s or higher)", whose, topRange.label(p.Catalog), top.Name),
			related: relatedLevel(ss[0]),
		})
	}
	return needs
}

// fflDCNeed: the Exchange 2016 servers whose own minimum is below Windows
// Server 2008 R2 (levels before CU7, or unknown) need it when any domain
// controller runs Windows Server 2016.
func fflDCNeed(p *lint.Pass, all []facts.Server) (fflNeed, bool) {
	var dcs []string
	var first lint.Related
	for _, dc := range p.Topology.DomainControllers {
		if dc.OS.Is(fflDCOS) {
			if len(dcs) == 0 {
				first = lint.Related{Range: dc.OS.SourceRange(), Message: fmt.Sprintf("%s runs %s", dc.Name(), p.Catalog.WindowsName(fflDCOS))}
			}
			dcs = append(dcs, dc.Name())
		}
	}
	if len(dcs) == 0 {
		return fflNeed{}, false
	}
	v16 := p.Catalog.Version("2016")
	cu7 := mustRelease(p.Catalog, v16, "CU7")
	var ss []facts.Server
	for _, s := range all {
		if s.Exchange != v16 {
			continue
		}
		if l := s.Level(); l != nil && l.Build.Compare(cu7.Build) >= 0 {
			continue // CU7 and later need 2008 R2 anyway
		}
		ss = append(ss, s)
	}
	if len(ss) == 0 {
		return fflNeed{}, false
	}
	min := p.Catalog.FFLByID(fflDCMinimum)
	what := fmt.Sprintf("with Windows Server 2016 domain controllers (%s), %s%s", words.And(words.Short(dcs)), groupName(ss, "Exchange Server 2016"), words.Pick(len(ss), " needs", " need"))
	return fflNeed{min: min, hard: min, what: what, related: first}, true
}
