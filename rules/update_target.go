package rules

import (
	"fmt"
	"sort"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The level a fix asks a server to install. Every rule that names one, and
// joinLevel (the level of a new server), picks it with updateTarget: the
// newest of the levels that would satisfy the rule that the catalogue lets
// into the organization as it is. Exchange 2019 CU15 and later refuse
// Exchange 2013 (subject coexistence): beside 2013, a 2019 server goes to
// CU14, and to CU15 once 2013 is gone.

// levelTarget is the level a rule advises.
type levelTarget struct {
	// join is the newest candidate that can be in one organization with the
	// versions present; nil when none can.
	join *catalog.Release
	// ideal is the newest candidate, and blockers the versions present
	// that refuse it (nil when it can join: then join is ideal).
	ideal    *catalog.Release
	blockers []*catalog.Version
}

// levelRefusers lists the versions of the organization whose servers a
// server at release rel cannot be in one organization with, by the rows of
// rel's version and update (Exchange 2019 CU15 and later refuse Exchange
// 2013). Versions that refuse rel's version at every level (coexist) are
// left out: they must go whatever the level (coexistence-unsupported says
// so), and are no reason to pick one level over another.
func levelRefusers(p *lint.Pass, rel *catalog.Release) []*catalog.Version {
	v := rel.Version
	order, _ := p.Facts.VersionGroups()
	var out []*catalog.Version
	for _, o := range order {
		if o == v || !coexist(p.Catalog, v, o) {
			continue
		}
		if verdict, _ := p.Catalog.Supports(coexistence, o.ID, rel); verdict == catalog.Unsupported {
			out = append(out, o)
		}
	}
	return out
}

// updateTarget picks, of candidates (releases of one version that would
// satisfy a rule, in any order), the newest that can join the organization,
// and the newest of all with what refuses it.
func updateTarget(p *lint.Pass, candidates []*catalog.Release) levelTarget {
	cs := append([]*catalog.Release(nil), candidates...)
	sort.Slice(cs, func(i, j int) bool { return cs[i].Build.Compare(cs[j].Build) < 0 })
	var t levelTarget
	for i := len(cs) - 1; i >= 0; i-- {
		b := levelRefusers(p, cs[i])
		if t.ideal == nil {
			t.ideal = cs[i]
			if len(b) > 0 {
				t.blockers = b
			}
		}
		if len(b) == 0 {
			t.join = cs[i]
			break
		}
	}
	return t
}

// blocked reports whether the newest candidate cannot join the
// organization as it is.
func (t levelTarget) blocked() bool { return len(t.blockers) > 0 }

// install is the fix that puts server name on the target, label naming a
// release ("CU15", "CU15 (15.2.1748.10)") and later (" or later", or "")
// saying that newer levels do too:
//
//   - "install CU15 on EX19", when the newest candidate can join;
//   - "install CU14 Aug26SU on EX19 (CU15 once Exchange 2013 is gone)",
//     when only an older one can: the level that can join with its latest
//     security or hotfix update on the evaluation date, and the newest once
//     what refuses it is gone;
//   - "remove the Exchange 2013 servers, then install CU15 on EX19", when
//     none can.
//
// It is "" when there is no candidate.
func (t levelTarget) install(p *lint.Pass, name string, label func(*catalog.Release) string, later string) string {
	if t.ideal == nil {
		return ""
	}
	if label == nil {
		label = func(r *catalog.Release) string { return r.Name }
	}
	if !t.blocked() {
		return fmt.Sprintf("install %s%s on %s", label(t.ideal), later, name)
	}
	if t.join == nil {
		return fmt.Sprintf("%s, then install %s%s on %s", removeFirst(t.blockers), label(t.ideal), later, name)
	}
	what := t.join
	if u := t.join.Version.LatestUpdate(t.join.Level, p.AsOf); u != nil && u.Build.Compare(t.join.Build) > 0 {
		what = u
	}
	return fmt.Sprintf("install %s on %s (%s%s %s)", label(what), name, t.ideal.Name, later, onceGone(t.blockers))
}

// currentFrom lists the current levels of version v on day on (the latest
// and the previous, or those Microsoft went on servicing) from min on: the
// candidates of a rule that asks for at least min and a current level.
func currentFrom(v *catalog.Version, min *catalog.Release, on catalog.Date) []*catalog.Release {
	var out []*catalog.Release
	for _, l := range v.CurrentLevels(on) {
		if min == nil || l.Build.Compare(min.Build) >= 0 {
			out = append(out, l)
		}
	}
	return out
}

// removeFirst says which servers must go before a level can be installed:
// "remove the Exchange 2013 servers", "remove the Exchange 2010 and 2013
// servers".
func removeFirst(blockers []*catalog.Version) string {
	ids := make([]string, len(blockers))
	for i, b := range blockers {
		ids[i] = b.ID
	}
	return fmt.Sprintf("remove the Exchange %s servers", words.And(ids))
}
