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
// row is a warning; its note, like any row's, qualifies the minimum in the
// message.

// requirement is one minimum a server fails.
type requirement struct {
	by   string // what requires it: "Exchange 2013"
	min  *catalog.Release
	sev  lint.Severity
	note string
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
// catalogue's rows; none when its level is unknown. A minimum is not asked
// for when every server of the version that asks it refuses the server's
// version altogether (coexistence-unsupported reports the pair), and its note
// says so when some do.
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
		note := r.Note
		if refusing, from := coexistenceRefusing(p, s.Exchange, newer); len(refusing) == len(newer) {
			continue
		} else if len(refusing) > 0 {
			note = strings.TrimSuffix(note, ")") + fmt.Sprintf("; %s already %s %s or later, which coexistence-unsupported reports)",
				names(refusing), words.Pick(len(refusing), "runs", "run"), from.Name)
		}
		if note != "" {
			note = " " + note
		}
		sev := lint.Error
		if r.Verdict == catalog.Disputed {
			sev = lint.Warning
		}
		out = append(out, requirement{by: "Exchange " + words.And(by), min: r.To, sev: sev, note: note})
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

// coexistenceRefusing returns the servers among newer whose release is in a
// range that refuses version older altogether (Exchange 2019 CU15 and later
// refuse Exchange 2013), and where that range starts.
func coexistenceRefusing(p *lint.Pass, older *catalog.Version, newer []facts.Server) (refusing []facts.Server, from *catalog.Release) {
	for _, s := range newer {
		for _, r := range p.Catalog.VersionRows(coexistence, s.Exchange) {
			if r.From != nil && r.To == nil && r.Verdict == catalog.Unsupported && r.HasValue(older.ID) && r.Covers(s.Release) {
				refusing, from = append(refusing, s), r.From
				break
			}
		}
	}
	return refusing, from
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
