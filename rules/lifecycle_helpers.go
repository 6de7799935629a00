package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Helpers shared by the lifecycle and currency rules (exchange-update-not-current,
// exchange-build-unknown, exchange-security-update-missing,
// exo-blocks-vulnerable-servers, coexistence-se-cu2-legacy).

// catalogueHorizon is the date of the newest release in exlint's catalogue:
// what it can know about. A build or update newer than that may be real.
func catalogueHorizon(p *lint.Pass) catalog.Date {
	return p.Memo("catalogueHorizon", func() any {
		var newest catalog.Date
		for _, v := range p.Catalog.Versions() {
			for _, r := range v.Releases() {
				if r.Date.After(newest) {
					newest = r.Date
				}
			}
		}
		return newest
	}).(catalog.Date)
}

// newestOfLevel returns the newest release of a servicing level: its last
// security or hotfix update, or the level itself when it has none.
func newestOfLevel(level *catalog.Release) *catalog.Release {
	if us := level.Version.Updates(level); len(us) > 0 {
		return us[len(us)-1]
	}
	return level
}

// liveWindow is how recent a level's newest release must be, counted back from
// the catalogue's newest release, for the level to count as still serviced:
// Microsoft ships security or hotfix updates for the levels it services every
// few months (2025-2026: gaps of two to four months).
const liveWindow = 180

// liveLevel reports whether Microsoft was still shipping updates for level
// when the catalogue was last updated: the level counted as current on the
// catalogue's horizon (Version.CurrentLevels) and got an update in the
// liveWindow days before it. A newer update than the catalogue knows may
// exist for a live level, not for others.
func liveLevel(p *lint.Pass, level *catalog.Release) bool {
	if level == nil {
		return false
	}
	horizon := catalogueHorizon(p)
	current := false
	for _, l := range level.Version.CurrentLevels(horizon) {
		current = current || l == level
	}
	return current && !newestOfLevel(level).Date.AddDays(liveWindow).Before(horizon)
}

// versionOpen reports whether a version may still get new servicing levels
// (cumulative updates) after the catalogue's horizon: it was in support then.
func versionOpen(p *lint.Pass, v *catalog.Version) bool {
	end, ok := v.EndOfSupport()
	return !ok || !catalogueHorizon(p).After(end)
}

// cuNumber reads the cumulative update a level name starts with: 14 for
// "CU14" or "CU14 Aug26SU"; false when the name does not start with a CU.
func cuNumber(name string) (int, bool) {
	first, _, _ := strings.Cut(catalog.NormalizeUpdateName(name), " ")
	if !strings.HasPrefix(first, "CU") {
		return 0, false
	}
	n, err := strconv.Atoi(first[2:])
	if err != nil {
		return 0, false
	}
	return n, true
}

// newestCU is the highest cumulative update number of v in the catalogue (0
// when v has none yet, like Exchange SE at RTM).
func newestCU(v *catalog.Version) int {
	best := 0
	for _, l := range v.Levels() {
		if l.Kind != catalog.CumulativeUpd {
			continue
		}
		if n, ok := cuNumber(l.Name); ok && n > best {
			best = n
		}
	}
	return best
}

// usesCUs reports whether v is serviced by cumulative updates (2013 and later).
func usesCUs(cat *catalog.Catalog, v *catalog.Version) bool {
	return v.Rank >= cat.Version("2013").Rank
}

// releaseRef names a release with its build: "CU15 Aug26SU (15.2.1748.49)".
func releaseRef(r *catalog.Release) string {
	return fmt.Sprintf("%s (%s)", r.Name, r.Build)
}

// releaseRefs lists releases with their builds: "CU14 (15.2.1544.4) and CU15 (15.2.1748.10)".
func releaseRefs(rs []*catalog.Release, conj string) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, releaseRef(r))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + conj + " " + parts[len(parts)-1]
}

// shortName is how messages name a version in passing: "Exchange 2013",
// "Exchange SE".
func shortName(v *catalog.Version) string { return "Exchange " + v.ID }

// levelWord names what a servicing level is: "cumulative update",
// "update rollup", "service pack".
func levelWord(r *catalog.Release) string {
	switch r.Kind {
	case catalog.CumulativeUpd:
		return "cumulative update"
	case catalog.UpdateRollup:
		return "update rollup"
	case catalog.ServicePack:
		return "service pack"
	}
	return "release"
}
