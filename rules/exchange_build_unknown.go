package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/exlint/exlint/facts"
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
	for _, s := range p.Facts.Servers() {
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
func checkBuild(p *lint.Pass, s facts.Server) (buildVerdict, *catalog.Release) {
	text, ok := s.Build.Get()
	if !ok {
		return buildAbsent, nil
	}
	b, err := catalog.ParseBuild(text)
	if err != nil {
		return buildAbsent, nil
	}
	v := s.Exchange
	r, exact := p.Catalog.ResolveBuild(b)
	horizon := p.Catalog.Horizon()
	switch {
	case r != nil && r.Version == v && exact:
		return buildExact, r
	case r != nil && r.Version == v:
		// Between two known releases, or above the newest one.
		level := r.Level
		if level != nil && r == level.Version.NewestOf(level) && b.SameFamily(level.Build) && p.Catalog.Live(level) {
			p.ReportAs(lint.Warning, s.Build, fmt.Sprintf("%s's build %s is newer than %s, the newest %s %s update exlint knows (to %s): "+
				"update exlint if Microsoft released a newer one, else correct the build (exlint judges it as %s meanwhile)",
				s.Name(), b, r.Ref(), v.ShortName(), level.Name, horizon, r.Name))
			return buildNewer, r
		}
		rs := v.Releases()
		if r == rs[len(rs)-1] && (level == nil || !b.SameFamily(level.Build)) && p.Catalog.UsesCUs(v) && p.Catalog.Open(v) {
			p.ReportAs(lint.Warning, s.Build, fmt.Sprintf("%s's build %s is above %s, the newest %s release exlint knows (to %s), maybe a later CU: "+
				"update exlint if so, else correct the build (exlint judges it as %s meanwhile)",
				s.Name(), b, r.Ref(), v.ShortName(), horizon, r.Name))
			// Its level is unknown: no agreement check against update.
			return buildNewer, nil
		}
		msg := fmt.Sprintf("%s's build %s matches no release of %s exlint knows (to %s)", s.Name(), b, v.Name, horizon)
		if level != nil && r == level.Version.NewestOf(level) && b.SameFamily(level.Build) {
			msg += fmt.Sprintf(": it is above %s, the last update of %s, which is no longer updated", r.Ref(), level.Name)
		} else {
			msg += fmt.Sprintf(": the nearest release below it is %s", r.Ref())
			if next := v.Next(r); next != nil {
				msg += fmt.Sprintf(", the next %s", next.Ref())
			}
		}
		// Where Exchange shows its build is the rule page's.
		p.Report(s.Build, msg+"; correct the build")
		return buildBad, nil
	}
	// The build is not one of this version's.
	other := p.Catalog.VersionOfBuild(b)
	var msg string
	switch {
	case other == nil:
		msg = fmt.Sprintf("%s's build %s belongs to no Exchange version (%s builds run from %s to below %s): correct the build",
			s.Name(), b, v.Name, v.BuildFrom, v.BuildTo)
	case other == v:
		first := v.Releases()[0]
		msg = fmt.Sprintf("%s's build %s is below %s, the first release of %s: correct the build", s.Name(), b, first.Ref(), v.Name)
	case r != nil && exact:
		msg = fmt.Sprintf("%s's build %s is %s %s, not %s: correct version or build", s.Name(), b, other.Name, r.Name, v.Name)
	default:
		msg = fmt.Sprintf("%s's build %s is in %s's range of builds (%s to below %s), not %s's: correct version or build",
			s.Name(), b, other.Name, other.BuildFrom, other.BuildTo, v.Name)
	}
	p.Report(s.Build, msg)
	return buildBad, nil
}

// checkUpdate judges the update attribute and returns its release, or nil
// when it is absent or unknown (then reported).
func checkUpdate(p *lint.Pass, s facts.Server) *catalog.Release {
	text, ok := s.Update.Get()
	if !ok {
		return nil
	}
	v := s.Exchange
	if r := p.Catalog.Release(v, text); r != nil {
		return r
	}
	horizon := p.Catalog.Horizon()
	name := catalog.NormalizeUpdateName(text)
	// A cumulative update beyond the newest known, for a version still in
	// support: a planned target (Exchange SE CU1, CU2), not a typo.
	if n, ok := catalog.CUNumber(name); ok && p.Catalog.UsesCUs(v) && n > v.NewestCU() {
		if p.Catalog.Open(v) {
			p.ReportAs(lint.Warning, s.Update, fmt.Sprintf("%s is planned at %s CU%d, which exlint does not know (it knows releases to %s): "+
				"update exlint once Microsoft releases it; until then exlint cannot check %s's level",
				s.Name(), v.Name, n, horizon, s.Name()))
			return nil
		}
	}
	// A security or hotfix update dated after the catalogue, for a level
	// Microsoft still updates: it may be real. Its month counts as ending
	// after the catalogue's newest release when they share the month (the
	// catalogue's convention for dates known by month only).
	if level, month, ok := p.Catalog.UpdateMonth(v, name); ok && p.Catalog.Live(level) && month.After(horizon) {
		judged := level.Name
		if s.Release != nil && s.Release != level {
			judged = s.Release.Ref()
		}
		p.ReportAs(lint.Warning, s.Update, fmt.Sprintf("%s declares update %q, which exlint does not know (it knows releases to %s): "+
			"update exlint if Microsoft released it, else correct the update (exlint judges %s as %s meanwhile)",
			s.Name(), text, horizon, s.Name(), judged))
		return nil
	}
	msg := fmt.Sprintf("%s declares update %q, which %s does not have (exlint knows releases to %s)", s.Name(), text, v.Name, horizon)
	if last := beyondLast(v, name); last != "" {
		// No suggestion: "CU16" is one letter from "CU1" as well as "CU15".
		msg += ": " + last + "."
	} else if sug := schema.Suggest(text, v.ReleaseNames()); sug != "" {
		msg += fmt.Sprintf(": did you mean %q?", sug)
	} else {
		msg += "."
	}
	msg += fmt.Sprintf(" Name it as Microsoft does (%s), or give the build", exampleNames(v))
	p.Report(s.Update, msg)
	return nil
}

// beyondLast explains an update numbered past the last of its kind ("CU16"
// for 2019, "SP3 RU33" for 2010): "its last cumulative update is CU15".
func beyondLast(v *catalog.Version, name string) string {
	if n, ok := catalog.CUNumber(name); ok && !strings.Contains(name, " ") {
		if last := v.NewestCU(); last > 0 && n > last {
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
	if n := l.Version.NewestOf(l); n != l {
		return fmt.Sprintf("%q, %q", l.Name, n.Name)
	}
	return fmt.Sprintf("%q", l.Name)
}

// checkAgreement: an update naming a servicing level agrees with a build of
// that level or of one of its security or hotfix updates (and, for Exchange
// 2007 and 2010, an update naming RTM or a service pack agrees with the
// update rollups released on it, and an update rollup with its re-releases:
// "SP3 RU8" with SP3 RU8v2). An update naming a security or hotfix update
// agrees only with that exact release's build (or an alternate build of it).
func checkAgreement(p *lint.Pass, s facts.Server, upd, rel *catalog.Release, exact bool) {
	var agree bool
	if upd.Kind.IsLevel() {
		agree = upd.Includes(rel.Level)
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
		what = fmt.Sprintf("not %s, the one release the update names", upd.Ref())
	}
	is := fmt.Sprintf("%s %s", s.Exchange.Name, rel.Ref())
	if !exact {
		is = fmt.Sprintf("a build of %s %s newer than %s", s.Exchange.Name, rel.Level.Name, rel.Ref())
	}
	fix := fmt.Sprintf("correct update to %q", rel.Name)
	if rel.Level != nil && rel.Level != rel {
		fix += fmt.Sprintf(" (or %q)", rel.Level.Name)
	}
	if !exact {
		fix = fmt.Sprintf("correct update to %q", rel.Level.Name)
	}
	p.Report(s.Update, fmt.Sprintf("%s's update %q and build %s disagree: the build is %s, %s (exlint judges the build): %s, or correct the build",
		s.Name(), s.Update.Value, b, is, what, fix),
		lint.Related{Range: s.Build.SourceRange(), Message: fmt.Sprintf("build %s", b)})
}
