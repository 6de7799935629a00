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

// Where a domain controller goes when it must be replaced: the one answer
// domain-controller-os-unsupported and windows-end-of-support both give, so
// that they name the same Windows Server versions.
//
// The policy: a Windows Server version other than the domain controller's
// own that stays in extended support for more than the warning window
// (soonDays, windowsLasts) after the evaluation date, so that the fix is
// never a version windows-end-of-support warns about; among those, the ones
// every Exchange server of the organization is listed with (subject dc-os).
// When none is, the versions that the fewest servers stand in the way of,
// fewest to retire first, then fewest to update, with what those servers
// must do first: be updated to the first level from which their version is
// listed with every version named, or, when no later level is, be retired.
//
// When the domain controller's own version lasts, it stays: what stands in
// its way is the servers not listed with it, to update to the first level
// that is or, when none is, to retire (once they are, it is supported).
// Beside that, a replacement is named only when it needs nothing first.

// dcAdvice is where a domain controller can go.
type dcAdvice struct {
	targets []*catalog.Windows // oldest first; none when no version lasts
	waits   []dcWait           // what must happen first; none when nothing must
	// keep is the domain controller's own version when it lasts, and
	// keepWaits what must happen before it is supported.
	keep      *catalog.Windows
	keepWaits []dcWait
}

// dcWait is servers that stand in the way of a dcAdvice's Windows Server
// versions until they are updated to level or later, or, with no level,
// retired.
type dcWait struct {
	servers []facts.Server
	level   *catalog.Release
}

// dcAdvisor works out a check's advice, once per Windows Server version a
// domain controller runs.
type dcAdvisor struct {
	p    *lint.Pass
	memo map[*catalog.Windows]dcAdvice
}

func newDCAdvisor(p *lint.Pass) *dcAdvisor {
	return &dcAdvisor{p: p, memo: map[*catalog.Windows]dcAdvice{}}
}

// dcNeed is what one server needs before a domain controller can run a
// Windows Server version: nothing, an update to level or later, or
// (blocked without a level) retirement.
type dcNeed struct {
	blocked bool
	level   *catalog.Release
}

// advise returns where a domain controller on Windows Server current goes.
func (a *dcAdvisor) advise(current *catalog.Windows) dcAdvice {
	if adv, ok := a.memo[current]; ok {
		return adv
	}
	cat, servers := a.p.Catalog, a.p.Facts.Servers()
	var (
		adv         dcAdvice
		best        []dcNeed // the needs of the first of adv.targets
		bestRetire  = -1
		bestUpdates int
		needs       [][]dcNeed // of each of adv.targets
	)
	for _, c := range cat.Windows {
		if c == current || !windowsLasts(cat, c, a.p.AsOf) {
			continue
		}
		need := make([]dcNeed, len(servers))
		retire, updates := 0, 0
		for i, s := range servers {
			need[i] = dcNeedOf(cat, s, c)
			switch {
			case need[i].blocked && need[i].level == nil:
				retire++
			case need[i].blocked:
				updates++
			}
		}
		switch {
		case bestRetire < 0 || retire < bestRetire || retire == bestRetire && updates < bestUpdates:
			bestRetire, bestUpdates, best = retire, updates, need
			adv.targets, needs = []*catalog.Windows{c}, [][]dcNeed{need}
		case retire == bestRetire && updates == bestUpdates && sameNeeds(need, best):
			adv.targets, needs = append(adv.targets, c), append(needs, need)
		}
	}
	if len(adv.targets) > 0 {
		adv.waits = dcWaits(servers, best, needs)
	}
	if windowsLasts(cat, current, a.p.AsOf) {
		need := make([]dcNeed, len(servers))
		for i, s := range servers {
			need[i] = dcNeedOf(cat, s, current)
		}
		if waits := dcWaits(servers, need, [][]dcNeed{need}); len(waits) > 0 {
			adv.keep, adv.keepWaits = current, waits
		}
	}
	a.memo[current] = adv
	return adv
}

// dcWaits is what the servers blocked in first must do before the versions
// whose needs are needs: the servers to update, by the level that suits
// every version (the latest of their first levels), then those to retire.
func dcWaits(servers []facts.Server, first []dcNeed, needs [][]dcNeed) []dcWait {
	var waits []dcWait
	var retired []facts.Server
	byLevel := map[*catalog.Release]int{}
	for i, s := range servers {
		if !first[i].blocked {
			continue
		}
		if first[i].level == nil {
			retired = append(retired, s)
			continue
		}
		level := first[i].level
		for _, n := range needs {
			if n[i].level.Build.Compare(level.Build) > 0 {
				level = n[i].level
			}
		}
		k, ok := byLevel[level]
		if !ok {
			k = len(waits)
			byLevel[level] = k
			waits = append(waits, dcWait{level: level})
		}
		waits[k].servers = append(waits[k].servers, s)
	}
	if len(retired) > 0 {
		waits = append(waits, dcWait{servers: retired})
	}
	return waits
}

// sameNeeds reports whether two versions' needs block the same servers,
// asking the same of each (an update, or retirement).
func sameNeeds(a, b []dcNeed) bool {
	for i := range a {
		if a[i].blocked != b[i].blocked || (a[i].level == nil) != (b[i].level == nil) {
			return false
		}
	}
	return true
}

// dcNeedOf is what server s needs before a domain controller can run
// Windows Server w: nothing when its level is listed with w (subject dc-os),
// or, for a server whose level is unknown, when every level of its version
// is; else an update to the first level from which every later one is
// listed with w, when that is later than its own; else retirement.
func dcNeedOf(cat *catalog.Catalog, s facts.Server, w *catalog.Windows) dcNeed {
	if len(cat.VersionRows(dcOS, s.Exchange)) == 0 {
		// The catalogue says nothing of the version's domain controllers
		// (Exchange 5.5): it is not judged, so nothing is asked of it.
		return dcNeed{}
	}
	from := dcListedFrom(cat, s.Exchange, w)
	level := s.Level()
	if level == nil {
		if from != nil && from == s.Exchange.Levels()[0] {
			return dcNeed{} // every level is listed
		}
	} else if verdict, _ := cat.Supports(dcOS, w.ID, level); verdict == catalog.Supported {
		return dcNeed{}
	}
	if from != nil && (level == nil || from.Build.Compare(level.Build) > 0) {
		return dcNeed{blocked: true, level: from}
	}
	return dcNeed{blocked: true}
}

// dcListedFrom is the first level of v from which every later level is
// listed with domain controllers on Windows Server w (subject dc-os), or nil
// when its newest level is not.
func dcListedFrom(cat *catalog.Catalog, v *catalog.Version, w *catalog.Windows) *catalog.Release {
	type key struct {
		v *catalog.Version
		w *catalog.Windows
	}
	from, _ := cat.Derived(key{v, w}, func() any {
		var from *catalog.Release
		levels := v.Levels()
		for i := len(levels) - 1; i >= 0; i-- {
			if verdict, _ := cat.Supports(dcOS, w.ID, levels[i]); verdict != catalog.Supported {
				break
			}
			from = levels[i]
		}
		return from
	}).(*catalog.Release)
	return from
}

// fix is the advice for domain controller name: when its own version
// lasts, what the servers must do for it to stay ("update EX01 to CU23 or
// later", "retire EX01 (no level of Exchange 2010 is listed with it); DC01
// can then stay on Windows Server 2019"), with a replacement that needs
// nothing first when there is one; else the replacement.
func (adv dcAdvice) fix(cat *catalog.Catalog, name string) string {
	if adv.keep == nil {
		return adv.replace(cat)
	}
	var parts []string
	retire := false
	for _, w := range adv.keepWaits {
		if w.level != nil {
			parts = append(parts, fmt.Sprintf("update %s to %s or later", names(w.servers), dcLevelName(cat, w.level)))
			continue
		}
		retire = true
		parts = append(parts, fmt.Sprintf("retire %s (no level of Exchange %s is listed with it)", names(w.servers), words.And(dcVersionIDs(w.servers))))
	}
	fix := words.And(parts)
	if retire {
		fix += fmt.Sprintf("; %s can then stay on %s", name, adv.keep.Name)
	}
	if len(adv.targets) > 0 && len(adv.waits) == 0 {
		fix += ", or " + adv.replace(cat)
	}
	return fix
}

// dcVersionIDs are the Exchange versions of servers, each once: "2010".
func dcVersionIDs(ss []facts.Server) []string {
	var ids []string
	for _, s := range ss {
		if !slices.Contains(ids, s.Exchange.ID) {
			ids = append(ids, s.Exchange.ID)
		}
	}
	return ids
}

// replace is the advice to replace the domain controller the message is
// about (it names it first): "replace it with a domain controller on
// Windows Server 2019 or 2022 once EX01 is updated to CU23 or later or
// retired".
func (adv dcAdvice) replace(cat *catalog.Catalog) string {
	if len(adv.targets) == 0 {
		return "replace it with a domain controller on a Windows Server version in support"
	}
	ws := make([]string, len(adv.targets))
	for i, w := range adv.targets {
		ws[i] = strings.TrimPrefix(w.Name, "Windows Server ")
	}
	msg := "replace it with a domain controller on Windows Server " + words.Or(ws)
	if len(adv.waits) == 0 {
		return msg
	}
	var parts []string
	for _, w := range adv.waits {
		be := words.Pick(len(w.servers), "is", "are")
		if w.level != nil {
			parts = append(parts, fmt.Sprintf("%s %s updated to %s or later or retired", names(w.servers), be, dcLevelName(cat, w.level)))
			continue
		}
		// Past two servers, their count: their names are in the findings
		// about them, and the fix stays short.
		versions, them := words.And(dcVersionIDs(w.servers)), words.Pick(len(adv.targets), "it", "those")
		if len(w.servers) > 2 {
			parts = append(parts, fmt.Sprintf("the %d Exchange %s servers (which do not support %s) are retired",
				len(w.servers), versions, them))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (Exchange %s, which does not support %s) %s retired",
			names(w.servers), versions, them, be))
	}
	return msg + " once " + words.And(parts)
}

// dcLevelName names a level as the rule pages' tables do: "CU23", "SP1
// (CU4)".
func dcLevelName(cat *catalog.Catalog, r *catalog.Release) string {
	if alias := cat.LevelAlias(r); alias != "" {
		return fmt.Sprintf("%s (%s)", alias, r.Name)
	}
	return r.Name
}
