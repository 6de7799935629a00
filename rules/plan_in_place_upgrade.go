package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// planInPlaceUpgrade reports a stage that changes in place what setup cannot
// change on a running server: its Exchange version (Exchange "doesn't support
// in-place upgrades from previous versions", MS-PLAN-DEPLOY, save the upgrade
// from 2019 CU14 or CU15 to SE, MS-SE-UPGRADE: the catalogue's
// in-place-upgrade rows), its Windows version ("You can't upgrade Windows ...
// when Exchange is installed", MS-PREREQ), or its cumulative update to an
// older one ("you can't uninstall the new version to revert to the previous
// version", MS-CU-INSTALL). A server rebuilt under the same name (removed,
// then added) is what Microsoft asks for, and is not a change.
type planInPlaceUpgrade struct{}

func init() { register(planInPlaceUpgrade{}) }

const inPlaceUpgrade = "in-place-upgrade"

func (planInPlaceUpgrade) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:         "plan-in-place-upgrade",
		Severity:   lint.Error,
		Summary:    "a stage changes a server's Exchange version in place (other than 2019 CU14/CU15 to SE), its Windows version, or its cumulative update to an older one",
		Sources:    sources("MS-PLAN-DEPLOY", "MS-SE-UPGRADE", "MS-SE-INPLACE", "MS-PREREQ", "MS-MATRIX", "MS-CU-INSTALL"),
		Transition: true,
	}
}

func (planInPlaceUpgrade) Check(p *lint.Pass) {
	changes := stageOps(p.Stage, schema.OpChange, "server")
	if len(changes) == 0 || p.Previous == nil {
		return
	}
	before := facts.New(p.Previous, p.Catalog)
	for _, op := range changes {
		now := p.Topology.ServerByName(op.Target.Name())
		was := p.Previous.ServerByName(op.Target.Name())
		if now == nil || was == nil {
			continue
		}
		cs, okNow := p.Facts.Server(now)
		ps, okWas := before.Server(was)
		wasVersion, wasOS := was.Version.Value, ""
		if was.OS != nil {
			wasOS = was.OS.Value
		}
		// A server the stage removed and added again before this change is
		// changed from what the stage added: that is the server the change
		// upgrades in place.
		if add := readded(p.Stage, op); add != nil {
			wasVersion, _ = add.Attribute("version").String()
			wasOS, _ = add.Attribute("os").String()
			ps, okWas = addedServer(p.Catalog, add)
		}
		versionChanged := op.Attribute("version") != nil && now.Version.Value != wasVersion
		if versionChanged && okNow && okWas {
			checkVersionChange(p, ps, cs)
		}
		if op.Attribute("os") != nil && now.OS != nil && wasOS != "" && now.OS.Value != wasOS {
			p.Reportf(now.OS, "%s changes %s's Windows from %s to %s in place, which Exchange does not support: build a new server on %s, move the work to it, then remove %s",
				p.Stage.Describe(), now.Name(), p.Catalog.WindowsName(wasOS), p.Catalog.WindowsName(now.OS.Value),
				p.Catalog.WindowsName(now.OS.Value), now.Name())
		}
		if !versionChanged && okNow && okWas && (op.Attribute("update") != nil || op.Attribute("build") != nil) {
			checkLevelChange(p, ps, cs)
		}
	}
}

// readded returns the last operation of the stage before op that adds the
// server op changes, or nil: a server removed and built again under its
// name in the same stage.
func readded(stage *schema.Stage, op *schema.Operation) *schema.Operation {
	var add *schema.Operation
	for _, o := range stage.Operations {
		if o == op {
			break
		}
		if o.Kind == schema.OpAdd && !o.Skipped && o.Target.Type == "server" && o.Target.Name() == op.Target.Name() {
			add = o
		}
	}
	return add
}

// addedServer is what the catalogue knows of the server an add writes: its
// version and release.
func addedServer(cat *catalog.Catalog, add *schema.Operation) (facts.Server, bool) {
	id, _ := add.Attribute("version").String()
	v := cat.Version(id)
	if v == nil {
		return facts.Server{}, false
	}
	update, _ := add.Attribute("update").String()
	build, _ := add.Attribute("build").String()
	return facts.Server{Exchange: v, Release: cat.ResolveServer(v, update, build)}, true
}

// checkVersionChange reports a change of version the catalogue does not list
// as an in-place upgrade from the server's release.
func checkVersionChange(p *lint.Pass, was, now facts.Server) {
	allowed := allowedInPlace(p.Catalog, was.Exchange, now.Exchange)
	if was.Release == nil {
		if allowed != nil {
			return // whether its level allows it is unknown
		}
	} else if verdict, _ := p.Catalog.Supports(inPlaceUpgrade, now.Exchange.ID, was.Release); verdict == catalog.Supported {
		return
	}
	if allowed != nil {
		p.Reportf(now.VersionNode(), "%s upgrades %s in place from %s %s to %s, but that upgrade starts from %s %s or later: update %s to it in an earlier stage",
			p.Stage.Describe(), now.Name(), was.Exchange.ID, levelLabel(p.Catalog, was.Level()), now.Exchange.ID,
			was.Exchange.ID, allowed.From.Name, now.Name())
		return
	}
	p.Reportf(now.VersionNode(), "%s changes %s from Exchange %s to %s in place, which Exchange does not support (%s): %s",
		p.Stage.Describe(), now.Name(), was.Exchange.ID, now.Exchange.ID, inPlaceExceptions(p.Catalog), newServerFix(p, was.Exchange, now.Exchange, now.Name()))
}

// newServerFix is the way to the version a stage wanted in place: a new
// server of it, while it is in support on the state's date; else of the
// version exchange-end-of-support sends the old version's work to
// (successor, with what must go first), or Exchange Online.
func newServerFix(p *lint.Pass, from, to *catalog.Version, name string) string {
	if to.InSupport(p.AsOf) {
		return fmt.Sprintf("add a new %s server, move the work to it, then remove %s", to.ID, name)
	}
	next, blockers := successor(p, from, p.AsOf)
	if next == nil {
		return fmt.Sprintf("%s is out of support, and no version in support can be in one organization with %s: move the work to Exchange Online, then remove %s",
			to.ShortName(), from.ShortName(), name)
	}
	return fmt.Sprintf("%s is out of support, so add a new %s server%s, move the work to it, then remove %s", to.ShortName(), next.ID, onceGoneNote(blockers), name)
}

// allowedInPlace returns the catalogue's row that allows some release of from
// to be upgraded in place to to, or nil.
func allowedInPlace(cat *catalog.Catalog, from, to *catalog.Version) *catalog.Support {
	for _, r := range cat.VersionRows(inPlaceUpgrade, from) {
		if r.Verdict == catalog.Supported && r.HasValue(to.ID) {
			return r
		}
	}
	return nil
}

// inPlaceExceptions names the in-place upgrades Microsoft supports: "only
// from 2019 CU14 or later to SE".
func inPlaceExceptions(cat *catalog.Catalog) string {
	var out []string
	for _, r := range cat.Subject(inPlaceUpgrade).Rows() {
		if r.Verdict != catalog.Supported {
			continue
		}
		for _, v := range r.Versions {
			from := v.ID
			if r.From != nil {
				from += " " + r.From.Name + " or later"
			}
			out = append(out, fmt.Sprintf("from %s to %s", from, words.And(r.ValueIDs())))
		}
	}
	if len(out) == 0 {
		return "never"
	}
	return "only " + words.Or(out)
}

// checkLevelChange reports a server's cumulative update changed to an older
// one: a CU cannot be uninstalled to go back. Versions serviced by service
// packs and rollups (2010 and older) are not judged: the source speaks of
// cumulative updates.
func checkLevelChange(p *lint.Pass, was, now facts.Server) {
	if was.Exchange != now.Exchange || !p.Catalog.UsesCUs(now.Exchange) {
		return
	}
	wl, nl := was.Level(), now.Level()
	if wl == nil || nl == nil || nl.Build.Compare(wl.Build) >= 0 {
		return
	}
	p.Reportf(now.LevelNode(), "%s takes %s from %s back to %s, but a cumulative update cannot be uninstalled to go back (uninstalling it removes Exchange from the server): keep %s or later, or rebuild the server",
		p.Stage.Describe(), now.Name(), levelLabel(p.Catalog, wl), levelLabel(p.Catalog, nl), levelLabel(p.Catalog, wl))
}
