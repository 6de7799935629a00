package rules

import (
	"fmt"
	"slices"
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
		Sources: sources("MS-READINESS", "MS-SYSREQ", "MS-SYSREQ-2025", "MS-SYSREQ-2013", "MS-HYB-2007-ROLES", "MS-CU1-BLOG", "MS-SE-UPGRADE",
			"MS-SE-INPLACE", "MS-COEX-2010", "MS-SYSREQ-2007-COEX", "SOURCEDADDY-2010", "PRACTICAL365-2010", "TECHREP-2007"),
	}
}

// The minimums are the catalogue's (subject coexistence): a row of an older
// version with a "to" bound is the level a newer version (its value) asks of
// every server of the older one, Edge Transport servers included. A disputed
// row is a warning whose message says the sources disagree; the rows' notes
// (what the sources say) are on the rule page.

// requirement is one minimum a server fails.
type requirement struct {
	by   string // what requires it: "Exchange 2013"
	min  *catalog.Release
	sev  lint.Severity
	note string // " (sources disagree: see the rule page)" for a disputed minimum
	// hold is what the newer servers must not do meanwhile: "keep the 2019
	// servers below CU15" where a later update of theirs refuses the
	// server's version altogether.
	hold string
}

func (coexistenceMinimumUpdate) Check(p *lint.Pass) {
	all := p.Facts.Servers()
	_, groups := facts.ByVersion(all)
	for _, s := range all {
		reqs := failedMinimums(p, s, groups)
		if len(reqs) == 0 {
			continue
		}
		sev, target := lint.Info, reqs[0].min
		var clauses, holds []string
		for i, r := range reqs {
			if r.hold != "" && !slices.Contains(holds, r.hold) {
				holds = append(holds, r.hold)
			}
			if r.sev > sev {
				sev = r.sev
			}
			if r.min.Build.Compare(target.Build) > 0 {
				target = r.min
			}
			// A disputed minimum after another of the same version: one clause.
			if i > 0 && reqs[i-1].by == r.by {
				clauses[len(clauses)-1] += fmt.Sprintf(", and %s or later%s", r.min.Ref(), r.note)
				continue
			}
			clauses = append(clauses, fmt.Sprintf("%s in the organization needs every %s server at %s or later%s",
				r.by, s.Exchange.ID, r.min.Ref(), r.note))
		}
		fix := fmt.Sprintf("install %s or later on %s", target.Name, s.Name())
		if len(holds) > 0 {
			fix += ", and " + words.And(holds) + " while it remains"
		}
		p.ReportAs(sev, s.LevelNode(), fmt.Sprintf("%s runs %s; %s: %s", s.Name(), s.LevelName(), strings.Join(clauses, "; "), fix))
	}
	checkNativeMode(p, groups)
}

// failedMinimums returns the minimums a server fails, in the order of the
// catalogue's rows; none when its level is unknown. A minimum is not asked
// for when every server of the version that asks it refuses the server's
// version altogether (coexistence-unsupported reports the pair).
func failedMinimums(p *lint.Pass, s facts.Server, groups map[*catalog.Version][]facts.Server) []requirement {
	if s.Release == nil {
		return nil
	}
	var out []requirement
	for _, r := range p.Catalog.VersionRows(coexistence, s.Exchange) {
		if r.To == nil || r.Verdict == catalog.Supported || s.Release.Build.Compare(r.To.Build) >= 0 {
			continue
		}
		var by []string
		var newer []facts.Server
		for _, id := range r.ValueIDs() {
			if ss := groups[p.Catalog.Version(id)]; len(ss) > 0 {
				by = append(by, id)
				newer = append(newer, ss...)
			}
		}
		if len(by) == 0 {
			continue
		}
		if refusing := coexistenceRefusing(p, s.Exchange, newer); len(refusing) == len(newer) {
			continue
		}
		sev, note := lint.Error, ""
		if r.Verdict == catalog.Disputed {
			sev, note = lint.Warning, " (sources disagree: see the rule page)"
		}
		out = append(out, requirement{by: "Exchange " + words.And(by), min: r.To, sev: sev, note: note, hold: refusalHold(p, s.Exchange, newer)})
	}
	return undisputed(out)
}

// undisputed drops the disputed minimums that an undisputed one at the same
// or a higher level already asks for: Exchange SE's CU23 of 2016 makes the
// warning about 2019's CU23 redundant.
func undisputed(reqs []requirement) []requirement {
	var highest *catalog.Release
	for _, r := range reqs {
		if r.sev == lint.Error && (highest == nil || r.min.Build.Compare(highest.Build) > 0) {
			highest = r.min
		}
	}
	if highest == nil {
		return reqs
	}
	return slices.DeleteFunc(reqs, func(r requirement) bool {
		return r.sev == lint.Warning && r.min.Build.Compare(highest.Build) <= 0
	})
}

// refusalHold says which newer servers must stay below the update from which
// they refuse version older altogether: "keep the 2019 servers below CU15".
//
// Only servers still below it can stay below it (an update cannot be
// uninstalled): beside one already there (coexistence-unsupported reports
// it), those below are named, "keep EX19B below CU15".
func refusalHold(p *lint.Pass, older *catalog.Version, newer []facts.Server) string {
	for _, s := range newer {
		for _, r := range p.Catalog.VersionRows(coexistence, s.Exchange) {
			if r.From == nil || r.To != nil || r.Verdict != catalog.Unsupported || !r.HasValue(older.ID) {
				continue
			}
			var same, below []facts.Server
			for _, o := range newer {
				if o.Exchange != s.Exchange {
					continue
				}
				same = append(same, o)
				if o.Release == nil || o.Release.Build.Compare(r.From.Build) < 0 {
					below = append(below, o) // a level not known may be below
				}
			}
			switch {
			case len(below) == 0:
				return ""
			case len(below) == len(same):
				return fmt.Sprintf("keep the %s servers below %s", s.Exchange.ID, r.From.Name)
			}
			return fmt.Sprintf("keep %s below %s", names(below), r.From.Name)
		}
	}
	return ""
}

// coexistenceRefusing returns the servers among newer whose release is in a
// range that refuses version older altogether (Exchange 2019 CU15 and later
// refuse Exchange 2013).
func coexistenceRefusing(p *lint.Pass, older *catalog.Version, newer []facts.Server) (refusing []facts.Server) {
	for _, s := range newer {
		for _, r := range p.Catalog.VersionRows(coexistence, s.Exchange) {
			if r.From != nil && r.To == nil && r.Verdict == catalog.Unsupported && r.HasValue(older.ID) && r.Covers(s.Release) {
				refusing = append(refusing, s)
				break
			}
		}
	}
	return refusing
}

// nativeMode is the catalogue's subject of the versions that need the
// organization in native mode: Exchange 2007 and 2010 (MS-SYSREQ-2007-COEX,
// MS-COEX-2010).
const nativeMode = "native-mode"

// needsNativeMode reports whether the catalogue says that servers of v need
// the organization in native mode.
func needsNativeMode(cat *catalog.Catalog, v *catalog.Version) bool {
	verdict, _ := cat.SupportsAny(nativeMode, "", "", v)
	return verdict == catalog.Supported
}

// checkNativeMode: the versions that need the organization in native mode
// (nativeMode) beside an organization in mixed mode.
func checkNativeMode(p *lint.Pass, groups map[*catalog.Version][]facts.Server) {
	o := p.Topology.Organization
	if o == nil || o.NativeMode.IsTrue() {
		return
	}
	var parts []string
	for _, v := range p.Catalog.Versions() {
		if ss := groups[v]; len(ss) > 0 && needsNativeMode(p.Catalog, v) {
			parts = append(parts, fmt.Sprintf("Exchange %s (%s)", v.ID, names(ss)))
		}
	}
	if len(parts) == 0 {
		return
	}
	if o.NativeMode == nil {
		p.Unknown(&o.Block, "native_mode")
		return
	}
	p.Report(o.NativeMode, fmt.Sprintf("the organization is in mixed mode (native_mode = false), but %s %s native mode: "+
		"remove every Exchange 5.5 server and the Site Replication Service, then switch the organization to native mode",
		strings.Join(parts, " and "), words.Pick(len(parts), "needs", "need")))
}
