// Package catalog is exlint's offline knowledge of Microsoft Exchange Server:
// every version with its lifecycle dates, every release (RTM, service pack,
// update rollup, cumulative update, security and hotfix update) with its build
// number and date, and the Windows Server, forest functional level, .NET
// Framework and Outlook versions the rules reason about.
//
// The data lives in CSV files under data/, embedded in the binary. Every row
// names its source; the source keys resolve to titles and URLs in
// data/sources.csv. Nothing here reads the clock or the network.
package catalog

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
)

// Kind is the kind of a release.
type Kind string

// Release kinds, as written in data/releases.csv.
const (
	Preview        Kind = "preview"
	RTM            Kind = "rtm"
	ServicePack    Kind = "sp"
	UpdateRollup   Kind = "ru"
	CumulativeUpd  Kind = "cu"
	SecurityUpdate Kind = "su"
	HotfixUpdate   Kind = "hu"
)

// IsLevel reports whether a release of this kind is a servicing level (what
// Microsoft's "latest or previous CU/RU" rule counts): RTM, SP, RU or CU.
// Security and hotfix updates patch a level; previews are not supported at all.
func (k Kind) IsLevel() bool {
	return k == RTM || k == ServicePack || k == UpdateRollup || k == CumulativeUpd
}

// Source is a document a fact comes from.
type Source struct {
	Key   string
	Title string
	URL   string
}

// Version is an Exchange Server major version.
type Version struct {
	ID   string // as written in topologies: "2013", "SE"
	Name string // "Exchange Server 2013"
	// Rank orders versions from oldest (5.5) to newest (SE).
	Rank int
	// BuildFrom and BuildTo bound the builds of this version: BuildFrom <= b < BuildTo.
	BuildFrom, BuildTo Build
	GA                 Date
	MainstreamEnd      Date // zero when none is published
	ExtendedEnd        Date // zero for the Modern Lifecycle Policy (SE)
	// Modern is true for products under the Modern Lifecycle Policy, which have
	// no fixed end-of-support date.
	Modern   bool
	Sources  []*Source
	releases []*Release // sorted by build
	// serviced lists the levels still serviced after the end of support
	// (data/serviced.csv).
	serviced []*Release
	byName   map[string]*Release // releases by canonical name
	// updates lists each level's security and hotfix updates, by build.
	updates map[*Release][]*Release
	levels  *levelCache
}

// levelCache remembers CurrentLevels by date: a run asks about one or two
// dates for every server.
type levelCache struct {
	mu sync.Mutex
	on map[Date][]*Release
}

// Release is one build of a version: RTM, an SP, an RU, a CU or an SU/HU.
type Release struct {
	Version *Version
	Name    string // canonical: "RTM", "SP3 RU10", "CU23", "CU14 Apr25HU"
	Build   Build
	Date    Date
	Kind    Kind
	// Level is the servicing level this release belongs to: the release itself
	// for RTM/SP/RU/CU, the patched CU (or RTM) for an SU/HU.
	Level   *Release
	Sources []*Source
	// line is the release's row in releases.csv; origin, for a row from
	// outside the embedded tables (--catalog), is where it comes from.
	line   int
	origin *Origin
}

// Origin says where a release from outside the embedded tables comes from
// (a --catalog file or the configuration's catalog setting); it is nil for
// the embedded releases, whose Sources say where they come from.
func (r *Release) Origin() *Origin { return r.origin }

// Line is the release's line in releases.csv, or 0 for a release added
// from outside the embedded tables.
func (r *Release) Line() int {
	if r.origin != nil {
		return 0
	}
	return r.line
}

// Where is the release's row: "releases.csv:434" for an embedded release,
// the file and line it was added from otherwise.
func (r *Release) Where() string {
	if r.origin != nil {
		return r.origin.String()
	}
	return fmt.Sprintf("releases.csv:%d", r.line)
}

// BaseName is the release's name without the re-release suffix of its last
// word: "SP3 RU8" for SP3 RU8v2 and SP3 RU8v3, "CU23 Aug23SU" for CU23
// Aug23SUv2. Microsoft re-releases a rollup or update (after a recall) under
// the same name with "v2", "v3": a re-release is the same servicing level.
func (r *Release) BaseName() string { return baseName(r.Name) }

func baseName(name string) string {
	last := name[strings.LastIndex(name, " ")+1:]
	i := strings.LastIndex(last, "v")
	if i <= 0 || !isDigits(last[i+1:]) {
		return name
	}
	return name[:len(name)-len(last)+i]
}

// Ref names the release with its build, without its version: "CU8
// (15.1.1415.2)".
func (r *Release) Ref() string { return fmt.Sprintf("%s (%s)", r.Name, r.Build) }

// String is the release as people say it: "Exchange Server 2013 CU23 (15.0.1497.2)".
func (r *Release) String() string {
	return fmt.Sprintf("%s %s (%s)", r.Version.Name, r.Name, r.Build)
}

// Catalog holds every table.
type Catalog struct {
	versions []*Version
	byID     map[string]*Version
	sources  map[string]*Source
	Windows  []*Windows
	FFLs     []*FFL
	DotNets  []*DotNet
	Outlooks []*Outlook
	// syncTools are the directory synchronization tools (data/dirsync.csv).
	syncTools []*SyncTool
	// limits are the single facts of data/limits.csv, by key and in order.
	limits     map[string]*Limit
	limitOrder []*Limit
	// wizard is what the Hybrid Configuration Wizard's options set up
	// (data/hybridwizard.csv).
	wizard []*WizardItem
	// aliases maps a version ID and a normalised alias to a canonical release
	// name, e.g. ("2013", "SP1") -> "CU4".
	aliases map[[2]string]string
	// alternates maps a build another Microsoft source gives for a release to
	// that release (data/alternates.csv).
	alternates map[Build]*Release
	// altDates are the dates another Microsoft source gives for a release
	// (data/alternate_dates.csv).
	altDates map[*Release][]Date
	// horizon is the date of the newest release; firstCUVersion the first
	// version serviced by cumulative updates.
	horizon        Date
	firstCUVersion *Version
	// subjects are the support matrices (data/subjects.csv, support.csv).
	subjects     map[string]*Subject
	subjectOrder []*Subject
	data         fs.FS // the tables, while loading
	// extra are the release rows to merge (Extend), and releaseAt each
	// version's releases by build, while loading.
	extra     []Row
	releaseAt map[*Version]map[[4]int]*Release
	// derived holds what Derived computed.
	derived sync.Map
}

// Derived returns what compute makes of the catalogue alone, computed once
// per key for the catalogue's life: a rule's view of a support matrix that
// every topology would otherwise rebuild (the catalogue never changes once
// loaded). compute must depend on nothing but the catalogue and key, and key
// must be comparable; concurrent first calls may both compute, and one
// result is kept.
func (c *Catalog) Derived(key any, compute func() any) any {
	if v, ok := c.derived.Load(key); ok {
		return v
	}
	v, _ := c.derived.LoadOrStore(key, compute())
	return v
}

var (
	defaultOnce sync.Once
	defaultCat  *Catalog
)

// Default returns the embedded catalogue. It is parsed once, on first use; the
// embedded data is checked by tests, so a failure here is a build defect.
func Default() *Catalog {
	defaultOnce.Do(func() {
		c, err := load()
		if err != nil {
			panic("exlint: embedded catalogue is invalid: " + err.Error())
		}
		defaultCat = c
	})
	return defaultCat
}

// ShortName is how messages name a version in passing: "Exchange 2013",
// "Exchange SE".
func (v *Version) ShortName() string { return "Exchange " + v.ID }

// Versions returns every version from oldest to newest.
func (c *Catalog) Versions() []*Version { return c.versions }

// Version returns the version with this ID ("2013", "SE"), or nil.
func (c *Catalog) Version(id string) *Version { return c.byID[id] }

// VersionIDs returns the IDs of every version, oldest first.
func (c *Catalog) VersionIDs() []string {
	ids := make([]string, len(c.versions))
	for i, v := range c.versions {
		ids[i] = v.ID
	}
	return ids
}

// Source returns the source with this key, or nil.
func (c *Catalog) Source(key string) *Source { return c.sources[key] }

// Releases returns every release of v, sorted by build.
func (v *Version) Releases() []*Release { return v.releases }

// Levels returns the servicing levels of v (RTM, SPs, RUs, CUs), sorted by build.
func (v *Version) Levels() []*Release {
	var out []*Release
	for _, r := range v.releases {
		if r.Kind.IsLevel() {
			out = append(out, r)
		}
	}
	return out
}

// Contains reports whether build b belongs to version v.
func (v *Version) Contains(b Build) bool {
	return b.Compare(v.BuildFrom) >= 0 && b.Compare(v.BuildTo) < 0
}

// EndOfSupport returns the extended end of support, and false for versions
// without a fixed date (Modern Lifecycle Policy).
func (v *Version) EndOfSupport() (Date, bool) {
	if v.Modern || v.ExtendedEnd.IsZero() {
		return Date{}, false
	}
	return v.ExtendedEnd, true
}

// Release returns the release of v with this name. The name is matched
// without regard to case or spacing ("cu23", "SP3  RU10", "CU14 apr25hu"),
// and known aliases are followed (Exchange 2013 "SP1" is CU4).
func (c *Catalog) Release(v *Version, name string) *Release {
	if r := v.byName[name]; r != nil {
		return r // already canonical: the common case, without normalising
	}
	n := NormalizeUpdateName(name)
	if alias, ok := c.aliases[[2]string{v.ID, n}]; ok {
		n = alias
	}
	return v.byName[n]
}

// ReleaseNames returns the canonical names of v's releases in build order,
// for "did you mean" suggestions.
func (v *Version) ReleaseNames() []string {
	out := make([]string, len(v.releases))
	for i, r := range v.releases {
		out[i] = r.Name
	}
	return out
}

// VersionOfBuild returns the version whose build range holds b, or nil.
func (c *Catalog) VersionOfBuild(b Build) *Version {
	for _, v := range c.versions {
		if !v.BuildFrom.IsZero() && v.Contains(b) {
			return v
		}
	}
	return nil
}

// ResolveBuild returns the release a server on build b runs: the release with
// the highest build at or below b within b's version (this is how Microsoft's
// HealthChecker resolves a build). exact is true when b is that release's own
// build, or a build another Microsoft source gives for it (alternates.csv). It returns nil when b belongs to no version, or is below the
// version's first release.
func (c *Catalog) ResolveBuild(b Build) (r *Release, exact bool) {
	if r, ok := c.alternates[b]; ok {
		return r, true
	}
	v := c.VersionOfBuild(b)
	if v == nil {
		return nil, false
	}
	rs := v.releases
	i := sort.Search(len(rs), func(i int) bool { return rs[i].Build.Compare(b) > 0 })
	if i == 0 {
		return nil, false
	}
	r = rs[i-1]
	return r, r.Build.Compare(b) == 0
}

// Current returns the latest servicing level of v released on or before on,
// and the one before it. Levels are ranked by build, not by date: Exchange
// 2007 SP2 RU5 came out after SP3 but is an older level. A re-released
// rollup (SP3 RU8, RU8v2, RU8v3) is one level, by its base name (BaseName),
// represented by its highest build released by then. Either result is nil
// when there is no such release.
func (v *Version) Current(on Date) (latest, previous *Release) {
	for _, r := range v.releases {
		if !r.Kind.IsLevel() || r.Date.After(on) {
			continue
		}
		// releases are sorted by build, so each accepted level outranks the
		// last, and a re-release follows the release it replaces
		if latest != nil && latest.BaseName() == r.BaseName() {
			latest = r
			continue
		}
		previous, latest = latest, r
	}
	return latest, previous
}

// CurrentLevels returns the servicing levels of v that count as current on
// on: Microsoft supports the latest CU (or RU) and the one before it. After
// the version's end of support, only the levels Microsoft went on servicing
// count (data/serviced.csv), or else only the last level.
// The slice is shared: callers must not change it.
func (v *Version) CurrentLevels(on Date) []*Release {
	if v.levels == nil {
		return v.currentLevels(on)
	}
	v.levels.mu.Lock()
	defer v.levels.mu.Unlock()
	if l, ok := v.levels.on[on]; ok {
		return l
	}
	l := v.currentLevels(on)
	if len(v.levels.on) < 64 {
		v.levels.on[on] = l
	}
	return l
}

func (v *Version) currentLevels(on Date) []*Release {
	if end, ok := v.EndOfSupport(); ok && on.After(end) {
		if len(v.serviced) > 0 {
			return v.serviced
		}
		if latest, _ := v.Current(on); latest != nil {
			return []*Release{latest}
		}
		return nil
	}
	latest, previous := v.Current(on)
	var out []*Release
	if previous != nil {
		out = append(out, previous)
	}
	if latest != nil {
		out = append(out, latest)
	}
	return out
}

// Updates returns the security and hotfix updates for level, sorted by
// build. The slice is shared: callers must not change it.
func (v *Version) Updates(level *Release) []*Release {
	if v.updates != nil {
		return v.updates[level]
	}
	var out []*Release
	for _, r := range v.releases {
		if r.Level == level && r != level {
			out = append(out, r)
		}
	}
	return out
}

// LatestUpdate returns the newest security or hotfix update for level
// released on or before on, or nil when there is none.
func (v *Version) LatestUpdate(level *Release, on Date) *Release {
	var latest *Release
	for _, r := range v.Updates(level) {
		if !r.Date.After(on) {
			latest = r
		}
	}
	return latest
}

var updateSeparators = strings.NewReplacer("-", " ", "_", " ")

// NormalizeUpdateName returns the canonical spelling of an update name:
// "sp3 ru10" -> "SP3 RU10", "cu14  apr25hu" -> "CU14 Apr25HU",
// "SP3 RU8 v2" -> "SP3 RU8v2", "RTM RU1" -> "RU1".
func NormalizeUpdateName(s string) string {
	if strings.ContainsAny(s, "-_") {
		s = updateSeparators.Replace(s)
	}
	var toks []string
	for _, t := range strings.Fields(s) {
		lt := strings.ToLower(t)
		switch {
		case lt == "rtm":
			toks = append(toks, "RTM")
		case lt == "preview":
			toks = append(toks, "Preview")
		case len(lt) >= 2 && lt[0] == 'v' && isDigits(lt[1:]) && len(toks) > 0:
			toks[len(toks)-1] += lt
		case hasPrefixDigits(lt, "sp"), hasPrefixDigits(lt, "ru"), hasPrefixDigits(lt, "cu"):
			toks = append(toks, strings.ToUpper(lt[:2])+lt[2:])
		case len(lt) >= 7 && isLetters(lt[:3]) && isDigits(lt[3:5]) && (lt[5:7] == "su" || lt[5:7] == "hu"):
			toks = append(toks, strings.ToUpper(lt[:1])+lt[1:3]+lt[3:5]+strings.ToUpper(lt[5:7])+lt[7:])
		case len(lt) == 5 && isLetters(lt[:3]) && isDigits(lt[3:]):
			// a month and year: "Aug08" in "SP2 PostSP2 Aug08"
			toks = append(toks, strings.ToUpper(lt[:1])+lt[1:])
		case hasPrefixDigits(strings.TrimPrefix(lt, "post"), "sp") && strings.HasPrefix(lt, "post"):
			toks = append(toks, "PostSP"+lt[6:])
		default:
			toks = append(toks, t)
		}
	}
	// An update rollup on RTM is written without the RTM prefix in the catalogue.
	if len(toks) == 2 && toks[0] == "RTM" && strings.HasPrefix(toks[1], "RU") {
		toks = toks[1:]
	}
	return strings.Join(toks, " ")
}

func hasPrefixDigits(s, prefix string) bool {
	if !strings.HasPrefix(s, prefix) || len(s) == len(prefix) {
		return false
	}
	rest := s[len(prefix):]
	i := 0
	for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	// allow a re-release suffix: "ru8v2"
	tail := rest[i:]
	return tail == "" || (len(tail) >= 2 && tail[0] == 'v' && isDigits(tail[1:]))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}
