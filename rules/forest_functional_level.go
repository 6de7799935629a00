package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// forestFunctionalLevel reports a forest functional level below what the
// Exchange servers of the organization need, or above what they support.
type forestFunctionalLevel struct{}

func init() { register(forestFunctionalLevel{}) }

func (forestFunctionalLevel) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "forest-functional-level",
		Severity: lint.Error,
		Summary:  "a forest functional level below the minimum of the newest Exchange version present (and Exchange 2016 with Windows Server 2016 domain controllers), or above what a server supports",
		Sources: sources("MS-SYSREQ", "MS-MATRIX-2025", "MS-MATRIX-2021", "MS-MATRIX", "MS-FFL-2016", "MS-READINESS", "SUNIL-2016", "E1-IE15",
			"MS-SYSREQ-2013", "MS-SYSREQ-2010", "MS-ROADMAP-2024", "MS-SYSREQ-2007"),
	}
}

// The levels are the catalogue's (subject forest-level): per range of
// Exchange levels, the levels that are supported, not supported, or where
// sources disagree, below the minimum and above the maximum. Where a domain
// controller runs a given Windows Server version, Exchange may need more
// (subject forest-level-dc).
const (
	forestLevel   = "forest-level"
	forestLevelDC = "forest-level-dc"
)

// fflMinimum is the lowest forest functional level a range of Exchange levels
// supports. Below hard every source agrees it is unsupported (an error);
// between hard and min the sources disagree (a warning, conflict says how).
// Above min, rows says what is not supported or disputed (the maximum).
type fflMinimum struct {
	levelRange
	min, hard *catalog.FFL
	conflict  string
	rows      []*catalog.Support
}

// above is the row that judges level f, above the range's minimum, when it
// is not supported or disputed; nil when it is supported or not judged.
func (m fflMinimum) above(f *catalog.FFL) *catalog.Support {
	if f.Level <= m.min.Level {
		return nil
	}
	for _, r := range m.rows {
		if r.Verdict != catalog.Supported && r.HasValue(f.ID) {
			return r
		}
	}
	return nil
}

// fflMinimums reads the minimums of every range the rows of forest-level
// name, in the order of their first row.
func fflMinimums(cat *catalog.Catalog) []fflMinimum {
	var out []fflMinimum
	index := map[[3]any]int{}
	for _, r := range cat.Subject(forestLevel).Rows() {
		for _, v := range r.Versions {
			key := [3]any{v, r.From, r.To}
			i, ok := index[key]
			if !ok {
				i = len(out)
				index[key] = i
				out = append(out, fflMinimum{levelRange: newLevelRange(cat, catalog.Range{Version: v, From: r.From, To: r.To})})
			}
			m := &out[i]
			m.rows = append(m.rows, r)
			for _, id := range r.ValueIDs() {
				f := cat.FFLByID(id)
				if r.Verdict == catalog.Supported && (m.min == nil || f.Level < m.min.Level) {
					m.min = f
				}
				if r.Verdict != catalog.Unsupported && (m.hard == nil || f.Level < m.hard.Level) {
					m.hard = f
				}
			}
		}
	}
	for i, m := range out {
		for _, r := range m.rows {
			if r.Verdict == catalog.Disputed && cat.FFLByID(r.ValueIDs()[0]).Level < m.min.Level {
				out[i].conflict = r.Note
			}
		}
	}
	return out
}

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
	if o != nil && o.ForestFunctionalLevel == nil && len(p.Facts.Servers()) > 0 {
		p.Unknown(&o.Block, "forest_functional_level")
	}
	if o == nil || o.ForestFunctionalLevel == nil {
		return
	}
	cur := p.Catalog.FFLByID(o.ForestFunctionalLevel.Value)
	if cur == nil {
		return
	}
	var needs []fflNeed
	all := p.Facts.Servers()
	minimums := fflMinimums(p.Catalog)
	fflAbove(p, o.ForestFunctionalLevel, cur, minimums, all)
	for _, m := range minimums {
		var ss []facts.Server
		for _, s := range all {
			if in, _ := m.match(s); in {
				ss = append(ss, s)
			}
		}
		if len(ss) == 0 {
			continue
		}
		needs = append(needs, fflNeed{
			min: m.min, hard: m.hard,
			what:     groupName(ss, m.label()) + words.Pick(len(ss), " needs", " need"),
			conflict: m.conflict, related: relatedLevel(ss[0]),
		})
	}
	needs = append(needs, fflUnknownNeeds(p, minimums, all)...)
	if n, ok := fflDCNeed(p, minimums, all); ok {
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
	// What the disputing sources say, and how far below the minimum setup
	// still runs, is the rule page's.
	var parts []string
	disputed := false
	var related []lint.Related
	for _, n := range failing {
		if n.min != target || (isError && n.hard.Level <= cur.Level) {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %s or higher%s", n.what, n.min.Name, n.note))
		disputed = disputed || (!isError && n.conflict != "")
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
	if disputed {
		msg += " (sources disagree: see the rule page)"
	}
	msg += fmt.Sprintf(": raise the forest functional level to %s or higher", target.Name)
	if isError {
		p.Report(o.ForestFunctionalLevel, msg, related...)
		return
	}
	p.ReportAs(lint.Warning, o.ForestFunctionalLevel, msg, related...)
}

// fflAbove reports a level above what a range of Exchange levels supports:
// an error where a source says it is not supported (Exchange 2013 before SP1
// with Windows Server 2012 R2 or 2016), with the update that supports it; a
// warning where the sources leave it open (Windows Server 2025, which
// Microsoft's matrix does not list). Servers of unknown level are not
// guessed at.
func fflAbove(p *lint.Pass, at schema.Node, cur *catalog.FFL, minimums []fflMinimum, all []facts.Server) {
	var errs, warns fflOver
	for _, m := range minimums {
		row := m.above(cur)
		if row == nil {
			continue
		}
		var ss []facts.Server
		for _, s := range all {
			if in, known := m.match(s); in && known {
				ss = append(ss, s)
			}
		}
		if len(ss) == 0 {
			continue
		}
		o := &errs
		if row.Verdict == catalog.Disputed {
			o = &warns
		}
		o.servers += len(ss)
		o.whats = append(o.whats, groupName(ss, m.label()))
		if !slices.Contains(o.notes, row.Note) {
			o.notes = append(o.notes, row.Note)
		}
		if next := fflSupportedFrom(minimums, m, cur); next != "" {
			o.fixes = append(o.fixes, fmt.Sprintf("install %s or later on %s", next, names(ss)))
		}
		o.related = append(o.related, relatedLevel(ss[0]))
	}
	// The rows' notes (what the sources say) are the rule page's.
	switch {
	case errs.servers > 0:
		fix := "update or retire them"
		if len(errs.fixes) > 0 {
			fix = strings.Join(errs.fixes, "; ")
		}
		p.Report(at, fmt.Sprintf("the forest functional level is %s, which %s %s not support: %s", cur.Name, words.And(errs.whats),
			words.Pick(errs.servers, "does", "do"), fix), errs.related...)
	case warns.servers > 0:
		p.ReportAs(lint.Warning, at, fmt.Sprintf("the forest functional level is %s, which %s may not support (sources leave it open: see the rule page): "+
			"check Microsoft's current supportability matrix before relying on it",
			cur.Name, words.And(warns.whats)), warns.related...)
	}
}

// fflOver gathers the ranges a level is above, for one finding.
type fflOver struct {
	servers             int
	whats, notes, fixes []string
	related             []lint.Related
}

// fflSupportedFrom names the first later range of m's version that supports
// level f ("SP1 (CU4)", "SP3 RU22"), or "" when none does.
func fflSupportedFrom(minimums []fflMinimum, m fflMinimum, f *catalog.FFL) string {
	var best *fflMinimum
	for i, n := range minimums {
		if n.Version != m.Version || n.From == nil || (m.From != nil && n.From.Build.Compare(m.From.Build) <= 0) ||
			(best != nil && n.From.Build.Compare(best.From.Build) >= 0) {
			continue
		}
		if slices.ContainsFunc(n.rows, func(r *catalog.Support) bool { return r.Verdict == catalog.Supported && r.HasValue(f.ID) }) {
			best = &minimums[i]
		}
	}
	if best == nil {
		return ""
	}
	return best.first
}

// fflUnknownNeeds: servers whose level is unknown, where their version's
// minimum depends on the level (Exchange 2016), are judged at what every
// range of the version agrees on: the lowest hard minimum among them (every
// 2016 update needs Windows Server 2003 at least). Above it the ranges
// differ, and the level is not guessed at.
func fflUnknownNeeds(p *lint.Pass, minimums []fflMinimum, all []facts.Server) []fflNeed {
	var order []*catalog.Version
	unknown := map[*catalog.Version][]facts.Server{}
	for _, s := range all {
		for _, m := range minimums {
			if _, known := m.match(s); !known {
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
		var topRange levelRange
		for _, m := range minimums {
			if m.Version != v {
				continue
			}
			if agreed == nil || m.hard.Level < agreed.Level {
				agreed = m.hard
			}
			if top == nil || m.min.Level > top.Level {
				top, topRange = m.min, m.levelRange
			}
		}
		ss := unknown[v]
		whose := "the update of " + ss[0].Name()
		if len(ss) > 1 {
			whose = "their updates"
		}
		note := fmt.Sprintf(" at any update (exlint does not know %s; %s needs %s)", whose, topRange.label(), top.Name)
		if top == agreed {
			note = "" // every update needs the same
		}
		needs = append(needs, fflNeed{
			min: agreed, hard: agreed,
			what:    groupName(ss, v.Name) + words.Pick(len(ss), " needs", " need"),
			note:    note,
			related: relatedLevel(ss[0]),
		})
	}
	return needs
}

// fflDCNeed: where a domain controller runs a Windows Server version the
// rows of forest-level-dc name (Windows Server 2016, MS-FFL-2016), the
// servers of their Exchange version (2016) whose own minimum is lower (levels
// before CU7, or unknown) need the level those rows support.
func fflDCNeed(p *lint.Pass, minimums []fflMinimum, all []facts.Server) (fflNeed, bool) {
	rows := p.Catalog.Subject(forestLevelDC).Rows()
	var dcs []string
	var first lint.Related
	for _, dc := range p.Topology.DomainControllers {
		os, ok := dc.OS.Get()
		if !ok && p.Coverage() && fflDCVersionPresent(p, rows) {
			p.Unknown(&dc.Block, "os")
		}
		if !ok || !slices.ContainsFunc(rows, func(r *catalog.Support) bool { return r.OnWindows(os) }) {
			continue
		}
		if len(dcs) == 0 {
			first = lint.Related{Range: dc.OS.SourceRange(), Message: fmt.Sprintf("%s runs %s", dc.Name(), p.Catalog.WindowsName(os))}
		}
		dcs = append(dcs, dc.Name())
	}
	if len(dcs) == 0 {
		return fflNeed{}, false
	}
	var min *catalog.FFL
	var version *catalog.Version
	var windows string
	for _, r := range rows {
		for _, id := range r.ValueIDs() {
			if f := p.Catalog.FFLByID(id); r.Verdict == catalog.Supported && (min == nil || f.Level < min.Level) {
				min, version, windows = f, r.Versions[0], r.WindowsIDs()[0]
			}
		}
	}
	var ss []facts.Server
	for _, s := range all {
		if s.Exchange != version {
			continue
		}
		if own := fflOwnMinimum(minimums, s); own != nil && own.Level >= min.Level {
			continue // it needs as much anyway
		}
		ss = append(ss, s)
	}
	if len(ss) == 0 {
		return fflNeed{}, false
	}
	what := fmt.Sprintf("with %s domain controllers (%s), %s%s", p.Catalog.WindowsName(windows), words.And(words.Short(dcs)),
		groupName(ss, version.Name), words.Pick(len(ss), " needs", " need"))
	return fflNeed{min: min, hard: min, what: what, related: first}, true
}

// fflDCVersionPresent reports whether a server runs a version whose forest
// level the domain controllers' Windows Server version decides (rows).
func fflDCVersionPresent(p *lint.Pass, rows []*catalog.Support) bool {
	_, groups := p.Facts.VersionGroups()
	for _, r := range rows {
		for _, v := range r.Versions {
			if len(groups[v]) > 0 {
				return true
			}
		}
	}
	return false
}

// fflOwnMinimum is the minimum of the range a server's level is in, or nil
// when its level is unknown.
func fflOwnMinimum(minimums []fflMinimum, s facts.Server) *catalog.FFL {
	for _, m := range minimums {
		if in, known := m.match(s); in && known {
			return m.min
		}
	}
	return nil
}
