package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Queries the rules ask of the release tables: what is current, what is
// newest, how far the catalogue reaches, and how to read the names people
// give updates.

// Horizon is the date of the newest release in the catalogue: what exlint
// can know about. A build or update dated after it may be real.
func (c *Catalog) Horizon() Date { return c.horizon }

// StaleDays is how many days past the horizon the catalogue counts as
// stale: between the releases of releases.csv since 2021, the gap was at
// most 91 days but once (203 days, April to November 2024), so a catalogue
// whose newest release is more than 90 days old has most likely missed one.
const StaleDays = 90

// Age returns how many days on is past the horizon (negative before it).
func (c *Catalog) Age(on Date) int { return c.horizon.DaysUntil(on) }

// Stale reports whether the catalogue is stale on a date: more than
// StaleDays past its horizon.
func (c *Catalog) Stale(on Date) bool { return c.Age(on) > StaleDays }

func (c *Catalog) computeHorizon() {
	for _, v := range c.versions {
		for _, r := range v.releases {
			if r.Date.After(c.horizon) {
				c.horizon = r.Date
			}
		}
		for _, r := range v.releases {
			if r.Kind == CumulativeUpd && (c.firstCUVersion == nil || v.Rank < c.firstCUVersion.Rank) {
				c.firstCUVersion = v
			}
		}
	}
}

// NewestOf returns the newest release of a servicing level: its last
// security or hotfix update, or the level itself when it has none.
func (v *Version) NewestOf(level *Release) *Release {
	if us := v.Updates(level); len(us) > 0 {
		return us[len(us)-1]
	}
	return level
}

// Next returns the release after r in build order, or nil.
func (v *Version) Next(r *Release) *Release {
	for i, x := range v.releases {
		if x == r && i+1 < len(v.releases) {
			return v.releases[i+1]
		}
	}
	return nil
}

// liveWindow is how recent a level's newest release must be, counted back from
// the catalogue's horizon, for the level to count as still serviced:
// Microsoft ships security or hotfix updates for the levels it services every
// few months (2025-2026: gaps of two to four months).
const liveWindow = 180

// Live reports whether Microsoft was still shipping updates for level when
// the catalogue was last updated: the level counted as current on the horizon
// (Version.CurrentLevels) and got an update in the liveWindow days before it.
// A newer update than the catalogue knows may exist for a live level, not for
// others.
func (c *Catalog) Live(level *Release) bool {
	if level == nil {
		return false
	}
	current := false
	for _, l := range level.Version.CurrentLevels(c.horizon) {
		current = current || l == level
	}
	return current && !level.Version.NewestOf(level).Date.AddDays(liveWindow).Before(c.horizon)
}

// Open reports whether v may still get new servicing levels (cumulative
// updates) after the catalogue's horizon: it was in support then.
func (c *Catalog) Open(v *Version) bool {
	end, ok := v.EndOfSupport()
	return !ok || !c.horizon.After(end)
}

// Updated reports whether Microsoft was still releasing updates for v at
// the catalogue's horizon: v may get new cumulative updates (Open), or one
// of its levels is Live. Releases after the horizon may concern such a
// version, not the others.
func (c *Catalog) Updated(v *Version) bool {
	if c.Open(v) {
		return true
	}
	for _, l := range v.CurrentLevels(c.horizon) {
		if c.Live(l) {
			return true
		}
	}
	return false
}

// UsesCUs reports whether v is serviced by cumulative updates: the version
// that brought them (Exchange 2013) and every later one.
func (c *Catalog) UsesCUs(v *Version) bool {
	return c.firstCUVersion != nil && v.Rank >= c.firstCUVersion.Rank
}

// CUNumber reads the cumulative update a level name starts with: 14 for
// "CU14" or "CU14 Aug26SU"; false when the name does not start with a CU.
func CUNumber(name string) (int, bool) {
	first, _, _ := strings.Cut(NormalizeUpdateName(name), " ")
	if !strings.HasPrefix(first, "CU") {
		return 0, false
	}
	n, err := strconv.Atoi(first[2:])
	if err != nil {
		return 0, false
	}
	return n, true
}

// NewestCU is the highest cumulative update number of v in the catalogue (0
// when v has none yet, like Exchange SE at RTM).
func (v *Version) NewestCU() int {
	best := 0
	for _, l := range v.Levels() {
		if l.Kind != CumulativeUpd {
			continue
		}
		if n, ok := CUNumber(l.Name); ok && n > best {
			best = n
		}
	}
	return best
}

// LatestLevel returns the newest servicing level (by build) among the levels
// that count as current for v on the given date, or nil when v has none.
func (v *Version) LatestLevel(on Date) *Release {
	var latest *Release
	for _, l := range v.CurrentLevels(on) {
		if latest == nil || l.Build.Compare(latest.Build) > 0 {
			latest = l
		}
	}
	return latest
}

// Currency says whether a server on level is on a current servicing level on
// a date (the latest or the previous CU/RU; after the end of support, a level
// Microsoft still services). A re-released rollup is the same level as the
// rollup it re-releases (a server on 2007 SP3 RU8 is on the level of
// RU8v3). known is false when level is nil or the version has no level yet.
// levels are the current ones.
func (v *Version) Currency(level *Release, on Date) (current, known bool, levels []*Release) {
	levels = v.CurrentLevels(on)
	if level == nil || len(levels) == 0 {
		return false, false, levels
	}
	for _, c := range levels {
		if c.Version == level.Version && c.BaseName() == level.BaseName() {
			return true, true, levels
		}
	}
	return false, true, levels
}

var monthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// UpdateMonth reads the name of a security or hotfix update of one of v's
// levels, canonical or not: "CU15 Sep26SU" is CU15's update of September
// 2026. ok is false for any other name.
func (c *Catalog) UpdateMonth(v *Version, name string) (level *Release, month Date, ok bool) {
	name = NormalizeUpdateName(name)
	i := strings.LastIndex(name, " ")
	if i < 0 {
		return nil, Date{}, false
	}
	level = c.Release(v, name[:i])
	tok := name[i+1:]
	if level == nil || !level.Kind.IsLevel() || len(tok) < 7 {
		return nil, Date{}, false
	}
	kind := tok[5:7]
	if kind != "SU" && kind != "HU" {
		return nil, Date{}, false
	}
	for m, mn := range monthNames {
		if tok[:3] == mn {
			d, err := ParseDate(fmt.Sprintf("20%s-%02d", tok[3:5], m+1))
			if err != nil {
				return nil, Date{}, false
			}
			return level, d, true
		}
	}
	return nil, Date{}, false
}

// ResolveServer returns the release a server of version v runs, from its
// build and update as written ("" when absent): the build's release when the
// build is given and resolves within v, else the update's. An update the
// catalogue lacks that names a security or hotfix update of one of v's levels
// ("CU15 Sep26SU") resolves, as a build newer than the catalogue does, to what
// is known to be below it: the newest release of that level the catalogue
// knows before the update's month (CU15 Aug26SU), or the level itself when it
// knows none. It returns nil when neither names a known release or level.
func (c *Catalog) ResolveServer(v *Version, update, build string) *Release {
	if build != "" {
		if b, err := ParseBuild(build); err == nil {
			if r, _ := c.ResolveBuild(b); r != nil && r.Version == v {
				return r
			}
		}
	}
	if update == "" {
		return nil
	}
	if r := c.Release(v, update); r != nil {
		return r
	}
	level, month, ok := c.UpdateMonth(v, update)
	if !ok {
		return nil
	}
	start := Date{Year: month.Year, Month: month.Month, Day: 1}
	r := level
	for _, u := range v.Updates(level) {
		if u.Date.Before(start) {
			r = u
		}
	}
	return r
}

// Includes reports whether a server whose release is got runs the release
// named names as an update attribute: the same release, a re-release of it
// ("SP3 RU8" names SP3 RU8v2 and v3 too), or, for a service pack or RTM of
// Exchange 2007 and 2010, an update rollup released on it ("SP3" names "SP3
// RU10", "RTM" names "RU3").
func (named *Release) Includes(got *Release) bool {
	if got == nil {
		return false
	}
	if named == got {
		return true
	}
	if rest, ok := strings.CutPrefix(got.Name, named.Name+"v"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
		return true
	}
	if got.Kind != UpdateRollup {
		return false
	}
	switch named.Kind {
	case ServicePack:
		return strings.HasPrefix(got.Name, named.Name+" ")
	case RTM:
		return !strings.Contains(got.Name, " ")
	}
	return false
}

// SameFamily reports whether two builds share major, minor and build number:
// a CU's security and hotfix updates keep its build number and raise the
// revision (15.2.1748.10 for CU15, 15.2.1748.49 for its Aug26SU).
func (b Build) SameFamily(o Build) bool {
	return b.parts[0] == o.parts[0] && b.parts[1] == o.parts[1] && b.parts[2] == o.parts[2]
}

// LevelAlias returns the other name a servicing level is known by, when that
// name is itself a level's ("SP1" for Exchange 2013 CU4), or "".
func (c *Catalog) LevelAlias(r *Release) string {
	for k, target := range c.aliases {
		if k[0] == r.Version.ID && target == r.Name && !strings.Contains(k[1], " ") {
			return k[1]
		}
	}
	return ""
}

// WindowsName is a Windows Server version's name ("Windows Server 2012 R2"),
// or the ID itself when the catalogue does not know it.
func (c *Catalog) WindowsName(id string) string {
	if w := c.WindowsByID(id); w != nil {
		return w.Name
	}
	return id
}

// DotNetName is a .NET Framework version's name (".NET Framework 4.8"), also
// for an ID the catalogue does not know.
func (c *Catalog) DotNetName(id string) string {
	if d := c.DotNetByID(id); d != nil {
		return d.Name
	}
	return ".NET Framework " + id
}

// WindowsBelow reports whether Windows Server version id is older than min,
// and whether both are known.
func (c *Catalog) WindowsBelow(id, min string) (below, known bool) {
	w, m := c.WindowsByID(id), c.WindowsByID(min)
	if w == nil || m == nil {
		return false, false
	}
	return w.Rank < m.Rank, true
}

// WindowsRangeName names a run of consecutive Windows Server versions:
// "Windows Server 2016", "Windows Server 2019 or later", "Windows Server 2012
// R2 or earlier", "Windows Server 2012 to 2016", "any Windows Server".
func (c *Catalog) WindowsRangeName(ids []string) string {
	ws := c.Windows
	first, last := c.WindowsName(ids[0]), c.WindowsName(ids[len(ids)-1])
	switch {
	case len(ids) == 1:
		return first
	case len(ids) == len(ws):
		return "any Windows Server"
	case ids[0] == ws[0].ID:
		return last + " or earlier"
	case ids[len(ids)-1] == ws[len(ws)-1].ID:
		return first + " or later"
	}
	return first + " to " + strings.TrimPrefix(last, "Windows Server ")
}
