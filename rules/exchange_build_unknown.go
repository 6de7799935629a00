package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// exchangeBuildUnknown reports a build that matches no known release of the
// server's version, an update the version does not have, and a build and an
// update that disagree. A build or update that may simply be newer than
// exlint's catalogue (a security update, or a cumulative update of a version
// still in support, released since) is a warning: a real new release must not
// fail a pull request.
type exchangeBuildUnknown struct{}

func init() { register(exchangeBuildUnknown{}) }

func (exchangeBuildUnknown) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exchange-build-unknown",
		Severity: lint.Error,
		Summary:  "a build that matches no known release, an update the version does not have, or a build and an update that disagree",
		Sources:  sources("MS-BUILDS", "CSS-HC", "MS-GEBN", "MS-SE-UPGRADE", "SCHNOLL-CU1"),
	}
}

// buildVerdict is what the build attribute says about a server.
type buildVerdict int

const (
	buildAbsent buildVerdict = iota // no build, or one that does not parse (a schema finding)
	buildBad                        // reported: no such release
	buildExact                      // a known release (or an alternate build of one)
	buildNewer                      // reported as a warning: newer than the catalogue
)

func (exchangeBuildUnknown) Check(p *lint.Pass) {
	for _, s := range servers(p) {
		verdict, rel := checkBuild(p, s)
		upd := checkUpdate(p, s)
		if upd == nil || rel == nil || (verdict != buildExact && verdict != buildNewer) {
			continue
		}
		checkAgreement(p, s, upd, rel, verdict == buildExact)
	}
}

// checkBuild judges the build attribute and returns the release it resolves
// to (the nearest release at or below it for a newer build).
func checkBuild(p *lint.Pass, s server) (buildVerdict, *catalog.Release) {
	text, ok := s.Build.Get()
	if !ok {
		return buildAbsent, nil
	}
	b, err := catalog.ParseBuild(text)
	if err != nil {
		return buildAbsent, nil
	}
	v := s.version
	r, exact := p.Catalog.ResolveBuild(b)
	horizon := catalogueHorizon(p)
	switch {
	case r != nil && r.Version == v && exact:
		return buildExact, r
	case r != nil && r.Version == v:
		// Between two known releases, or above the newest one.
		level := r.Level
		if level != nil && r == newestOfLevel(level) && sameFamily(b, level.Build) && liveLevel(p, level) {
			p.ReportAs(lint.Warning, s.Build, fmt.Sprintf("%s's build %s is newer than %s, the newest %s %s update in exlint's catalogue, "+
				"which knows releases up to %s: if Microsoft has released a newer update, update exlint; otherwise correct the build. "+
				"Until then exlint judges %s as %s",
				s.Name(), b, releaseRef(r), shortName(v), level.Name, horizon, s.Name(), r.Name))
			return buildNewer, r
		}
		rs := v.Releases()
		if r == rs[len(rs)-1] && (level == nil || !sameFamily(b, level.Build)) && usesCUs(p.Catalog, v) && versionOpen(p, v) {
			p.ReportAs(lint.Warning, s.Build, fmt.Sprintf("%s's build %s is above %s, the newest %s release in exlint's catalogue, "+
				"which knows releases up to %s: it may be a cumulative update released since; if so, update exlint, otherwise correct the build. "+
				"Until then exlint judges %s as %s",
				s.Name(), b, releaseRef(r), shortName(v), horizon, s.Name(), r.Name))
			// Its level is unknown: no agreement check against update.
			return buildNewer, nil
		}
		msg := fmt.Sprintf("%s's build %s matches no release of %s in exlint's catalogue, which knows releases up to %s",
			s.Name(), b, v.Name, horizon)
		if level != nil && r == newestOfLevel(level) && sameFamily(b, level.Build) {
			msg += fmt.Sprintf(": it is above %s, the newest update of %s in the catalogue, and %s is no longer updated", releaseRef(r), level.Name, level.Name)
		} else {
			msg += fmt.Sprintf(": the nearest release below it is %s", releaseRef(r))
			if next := nextRelease(v, r); next != nil {
				msg += fmt.Sprintf(", the next %s", releaseRef(next))
			}
		}
		p.Report(s.Build, msg+". Correct the build: Exchange shows it in Get-ExchangeServer (AdminDisplayVersion) and as ExSetup.exe's file version")
		return buildBad, nil
	}
	// The build is not one of this version's.
	other := p.Catalog.VersionOfBuild(b)
	var msg string
	switch {
	case other == nil:
		msg = fmt.Sprintf("%s's build %s belongs to no Exchange version: %s builds run from %s to below %s",
			s.Name(), b, v.Name, v.BuildFrom, v.BuildTo)
	case other == v:
		first := v.Releases()[0]
		msg = fmt.Sprintf("%s's build %s is below %s, the first release of %s", s.Name(), b, releaseRef(first), v.Name)
	case r != nil && exact:
		msg = fmt.Sprintf("%s's build %s is %s %s, not %s: correct version or build", s.Name(), b, other.Name, r.Name, v.Name)
	default:
		msg = fmt.Sprintf("%s's build %s is in %s's range of builds (%s to below %s), not %s's: correct version or build",
			s.Name(), b, other.Name, other.BuildFrom, other.BuildTo, v.Name)
	}
	p.Report(s.Build, msg)
	return buildBad, nil
}

// sameFamily reports whether two builds share major, minor and build number:
// a CU's security and hotfix updates keep its build number and raise the
// revision (15.2.1748.10 for CU15, 15.2.1748.49 for its Aug26SU).
func sameFamily(a, b catalog.Build) bool {
	a1, a2, a3, _ := a.Parts()
	b1, b2, b3, _ := b.Parts()
	return a1 == b1 && a2 == b2 && a3 == b3
}

// nextRelease returns the release after r in build order, or nil.
func nextRelease(v *catalog.Version, r *catalog.Release) *catalog.Release {
	rs := v.Releases()
	for i, x := range rs {
		if x == r && i+1 < len(rs) {
			return rs[i+1]
		}
	}
	return nil
}

// checkUpdate judges the update attribute and returns its release, or nil
// when it is absent or unknown (then reported).
func checkUpdate(p *lint.Pass, s server) *catalog.Release {
	text, ok := s.Update.Get()
	if !ok {
		return nil
	}
	v := s.version
	if r := p.Catalog.Release(v, text); r != nil {
		return r
	}
	horizon := catalogueHorizon(p)
	name := catalog.NormalizeUpdateName(text)
	// A cumulative update beyond the newest known, for a version still in
	// support: a planned target (Exchange SE CU1, CU2), not a typo.
	if n, ok := cuNumber(name); ok && usesCUs(p.Catalog, v) && n > newestCU(v) {
		if versionOpen(p, v) {
			p.ReportAs(lint.Warning, s.Update, fmt.Sprintf("%s is planned at %s CU%d, which is not released as of exlint's catalogue (releases up to %s): "+
				"if Microsoft has released it since, update exlint; until then exlint cannot check %s's level",
				s.Name(), v.Name, n, horizon, s.Name()))
			return nil
		}
	}
	// A security or hotfix update dated after the catalogue, for a level
	// Microsoft still updates: it may be real. Its month counts as ending
	// after the catalogue's newest release when they share the month (the
	// catalogue's convention for dates known by month only).
	if level, month, ok := updateMonth(p.Catalog, v, name); ok && liveLevel(p, level) && month.After(horizon) {
		msg := fmt.Sprintf("%s declares update %q, which is not in exlint's catalogue, which knows releases up to %s: "+
			"if Microsoft has released it, update exlint; otherwise correct the update. Until then exlint judges %s by its level, %s",
			s.Name(), text, horizon, s.Name(), level.Name)
		if s.release != nil && s.release != level {
			msg += fmt.Sprintf(", as at least %s, the newest update of %s it knows before then", releaseRef(s.release), level.Name)
		}
		p.ReportAs(lint.Warning, s.Update, msg)
		return nil
	}
	msg := fmt.Sprintf("%s declares update %q, which %s does not have (exlint's catalogue knows releases up to %s)", s.Name(), text, v.Name, horizon)
	if last := beyondLast(v, name); last != "" {
		// No suggestion: "CU16" is one letter from "CU1" as well as "CU15".
		msg += ": " + last + "."
	} else if sug := schema.Suggest(text, v.ReleaseNames()); sug != "" {
		msg += fmt.Sprintf(": did you mean %q?", sug)
	} else {
		msg += "."
	}
	msg += fmt.Sprintf(" Name the update as Microsoft does (%s), or give the server's build", exampleNames(v))
	p.Report(s.Update, msg)
	return nil
}

// beyondLast explains an update numbered past the last of its kind ("CU16"
// for 2019, "SP3 RU33" for 2010): "its last cumulative update is CU15".
func beyondLast(v *catalog.Version, name string) string {
	if n, ok := cuNumber(name); ok && !strings.Contains(name, " ") {
		if last := newestCU(v); last > 0 && n > last {
			return fmt.Sprintf("its last cumulative update is CU%d", last)
		}
		return ""
	}
	prefix, ru, ok := strings.Cut(name, " RU")
	k, err := strconv.Atoi(ru)
	if !ok || err != nil {
		return ""
	}
	var last *catalog.Release
	for _, l := range v.Levels() {
		rest, ok := strings.CutPrefix(l.Name, prefix+" RU")
		if j, err := strconv.Atoi(rest); ok && err == nil && j < k && (last == nil || l.Build.Compare(last.Build) > 0) {
			last = l
		} else if ok && err == nil && j >= k {
			return ""
		}
	}
	if last == nil {
		return ""
	}
	return fmt.Sprintf("its last update rollup on %s is %s", prefix, last.Name)
}

// exampleNames shows how v's updates are written: its newest level and the
// newest update of that level.
func exampleNames(v *catalog.Version) string {
	levels := v.Levels()
	if len(levels) == 0 {
		return `"RTM"`
	}
	l := levels[len(levels)-1]
	if n := newestOfLevel(l); n != l {
		return fmt.Sprintf("%q, %q", l.Name, n.Name)
	}
	return fmt.Sprintf("%q", l.Name)
}

var monthNames = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// updateMonth reads a security or hotfix update name of a known level:
// "CU15 Sep26SU" is CU15's update of September 2026.
func updateMonth(cat *catalog.Catalog, v *catalog.Version, name string) (*catalog.Release, catalog.Date, bool) {
	i := strings.LastIndex(name, " ")
	if i < 0 {
		return nil, catalog.Date{}, false
	}
	level := cat.Release(v, name[:i])
	tok := name[i+1:]
	if level == nil || !level.Kind.IsLevel() || len(tok) < 7 {
		return nil, catalog.Date{}, false
	}
	kind := tok[5:7]
	if kind != "SU" && kind != "HU" {
		return nil, catalog.Date{}, false
	}
	for m, mn := range monthNames {
		if tok[:3] == mn {
			d, err := catalog.ParseDate(fmt.Sprintf("20%s-%02d", tok[3:5], m+1))
			if err != nil {
				return nil, catalog.Date{}, false
			}
			return level, d, true
		}
	}
	return nil, catalog.Date{}, false
}

// unlistedUpdate resolves an update name the catalogue lacks that names a
// security or hotfix update of one of v's levels ("CU15 Sep26SU"): the server
// runs that level, at least at the newest release of the level the catalogue
// knows before the update's month (CU15 Aug26SU), or the level itself when it
// knows none. As for a build newer than the catalogue, the server is judged
// by what is known to be below it: its level, and a lower bound on its
// updates. It returns nil for any other name.
func unlistedUpdate(cat *catalog.Catalog, v *catalog.Version, text string) *catalog.Release {
	level, month, ok := updateMonth(cat, v, catalog.NormalizeUpdateName(text))
	if !ok {
		return nil
	}
	start := catalog.Date{Year: month.Year, Month: month.Month, Day: 1}
	r := level
	for _, u := range v.Updates(level) {
		if u.Date.Before(start) {
			r = u
		}
	}
	return r
}

// checkAgreement: an update naming a servicing level agrees with a build of
// that level or of one of its security or hotfix updates (and, for Exchange
// 2007 and 2010, an update naming RTM or a service pack agrees with the
// update rollups released on it, and an update rollup with its re-releases:
// "SP3 RU8" with SP3 RU8v2). An update naming a security or hotfix update
// agrees only with that exact release's build (or an alternate build of it).
func checkAgreement(p *lint.Pass, s server, upd, rel *catalog.Release, exact bool) {
	var agree bool
	if upd.Kind.IsLevel() {
		agree = levelIncludes(upd, rel.Level)
	} else {
		agree = exact && rel == upd
	}
	if agree {
		return
	}
	b, _ := s.Build.Get()
	var what string
	if upd.Kind.IsLevel() {
		what = fmt.Sprintf("not %s or one of its updates", upd.Name)
	} else {
		what = fmt.Sprintf("not %s, the one release the update names", releaseRef(upd))
	}
	is := fmt.Sprintf("%s %s", s.version.Name, releaseRef(rel))
	if !exact {
		is = fmt.Sprintf("a build of %s %s newer than %s", s.version.Name, rel.Level.Name, releaseRef(rel))
	}
	fix := fmt.Sprintf("correct update to %q", rel.Name)
	if rel.Level != nil && rel.Level != rel {
		fix += fmt.Sprintf(" (or %q)", rel.Level.Name)
	}
	if !exact {
		fix = fmt.Sprintf("correct update to %q", rel.Level.Name)
	}
	p.Report(s.Update, fmt.Sprintf("%s's update %q and build %s disagree: the build is %s, %s; exlint judges the server by its build: %s, or correct the build",
		s.Name(), s.Update.Value, b, is, what, fix),
		lint.Related{Range: s.Build.SourceRange(), Message: fmt.Sprintf("build %s", b)})
}

// levelIncludes reports whether a server whose level is got runs the level
// an update attribute names.
func levelIncludes(named, got *catalog.Release) bool {
	if got == nil {
		return false
	}
	if named == got {
		return true
	}
	// A re-release of an update rollup: "SP3 RU8" names SP3 RU8v2 and v3 too.
	if rest, ok := strings.CutPrefix(got.Name, named.Name+"v"); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
		return true
	}
	if got.Kind != catalog.UpdateRollup {
		return false
	}
	switch named.Kind {
	case catalog.ServicePack:
		// "SP3" names SP3 and its rollups ("SP3 RU10").
		return strings.HasPrefix(got.Name, named.Name+" ")
	case catalog.RTM:
		// "RTM" names RTM and the rollups released on it ("RU3").
		return !strings.Contains(got.Name, " ")
	}
	return false
}
