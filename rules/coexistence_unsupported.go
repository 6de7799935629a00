package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// coexistenceUnsupported reports two Exchange versions in one organization
// that cannot coexist: setup of the newer one refuses the older, or Microsoft
// does not support the pair.
type coexistenceUnsupported struct{}

func init() { register(coexistenceUnsupported{}) }

func (coexistenceUnsupported) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "coexistence-unsupported",
		Severity: lint.Error,
		Summary:  "two Exchange versions in one organization that cannot coexist",
		Sources: sources("MS-READINESS", "MS-SYSREQ", "MS-SYSREQ-2013", "MS-COEX-2010", "MS-SYSREQ-2007-COEX",
			"MS-SE-UPGRADE", "JW-CU15", "E1-IE15", "MS-CU-INSTALL"),
	}
}

// The pairs are the catalogue's (subject coexistence): a row for every
// release of newer versions whose values are older versions that cannot be
// in the same organization (the note says why), and rows for a range of a
// version's updates that refuses an older version (Exchange 2019 CU15 and
// later refuse Exchange 2013). Microsoft's path from one version to the
// other (subject upgrade-path) is a table of the rule page.

// forbiddenFix is the way out: move the older version's mailboxes and remove
// its servers (an organization in mixed mode because of Exchange 5.5 also
// switches to native mode). Microsoft's on-premises path through the versions
// between, which may be out of support, is the rule page's table
// (upgrade-path), not the message's.
func forbiddenFix(newer, older *catalog.Version) string {
	fix := fmt.Sprintf("move the %[1]s mailboxes (to Exchange Online, or as the rule page shows) and remove the %[1]s servers first", older.ID)
	if older.ID == "5.5" {
		fix += ", then switch the organization to native mode"
	}
	return fix
}

func (coexistenceUnsupported) Check(p *lint.Pass) {
	_, groups := p.Facts.VersionGroups()
	for _, r := range p.Catalog.Subject(coexistence).Rows() {
		if r.Verdict != catalog.Unsupported || r.To != nil {
			continue
		}
		for _, nv := range r.Versions {
			for _, o := range r.ValueIDs() {
				ov := p.Catalog.Version(o)
				newer, older := groups[nv], groups[ov]
				if len(newer) == 0 || len(older) == 0 {
					continue
				}
				if r.From != nil {
					reportRefusal(p, r, newer, ov, older)
					continue
				}
				if broughtLater(p, older, newer) {
					reportBrought(p, nv, newer, ov, older)
					continue
				}
				msg := fmt.Sprintf("%s (%s) cannot be in one organization with %s (%s): %s",
					nv.Name, names(newer), ov.Name, names(older), forbiddenFix(nv, ov))
				p.Report(longestNewer(p, newer).VersionNode(), msg,
					lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
			}
		}
	}
}

// broughtLater reports whether, in a plan, the older version came into an
// organization that already had the newer one: every older server got its
// version from a stage later than the one that wrote the version of a newer
// server (or than the current state). Then the finding is the stage's that
// brings the older servers, and the fix is not to bring them, where
// removing them before the newer version arrives (forbiddenFix) would ask
// to undo an earlier stage. It is read from where the versions are written,
// which stays the same from state to state, so that the finding keeps its
// place for as long as the problem lasts.
func broughtLater(p *lint.Pass, older, newer []facts.Server) bool {
	if p.Plan == nil {
		return false
	}
	first := func(ss []facts.Server) int {
		at := -1
		for _, s := range ss {
			if i := stageWriting(p.Plan, s.VersionNode().SourceRange()); at < 0 || i < at {
				at = i
			}
		}
		return at
	}
	return first(older) > first(newer)
}

// longestNewer is the server of the newer version the finding points at:
// in a plan, the one whose version was written first (the current state's
// before any stage's), so that a stage bringing another server of that
// version does not move the finding, which would end it there and start
// it again; the first by name otherwise.
func longestNewer(p *lint.Pass, newer []facts.Server) facts.Server {
	best := newer[0]
	if p.Plan == nil {
		return best
	}
	at := stageWriting(p.Plan, best.VersionNode().SourceRange())
	for _, s := range newer[1:] {
		if i := stageWriting(p.Plan, s.VersionNode().SourceRange()); i < at {
			best, at = s, i
		}
	}
	return best
}

// stageWriting is the index in plan.States of the state whose stage wrote
// rng, or 0 (the current state) when no stage did.
func stageWriting(plan *schema.Plan, rng hcl.Range) int {
	for i, st := range plan.States {
		if st.Stage != nil && inRange(rng, st.Stage.Range) {
			return i
		}
	}
	return 0
}

func inRange(r, outer hcl.Range) bool {
	return r.Filename == outer.Filename && r.Start.Byte >= outer.Start.Byte && r.End.Byte <= outer.End.Byte
}

// reportBrought reports older servers that stages bring beside a newer
// version that cannot coexist with them, at the first of them: do not add
// them (or do not change them to that version), and give their work to the
// newer version or to Exchange Online.
func reportBrought(p *lint.Pass, nv *catalog.Version, newer []facts.Server, ov *catalog.Version, older []facts.Server) {
	var added, changed []facts.Server
	for _, s := range older {
		// Added: the stage that wrote its version wrote the whole block.
		if stageWriting(p.Plan, s.Block.DefRange) == stageWriting(p.Plan, s.VersionNode().SourceRange()) {
			added = append(added, s)
		} else {
			changed = append(changed, s)
		}
	}
	var dont []string
	if len(added) > 0 {
		dont = append(dont, "add "+names(added))
	}
	if len(changed) > 0 {
		dont = append(dont, fmt.Sprintf("change %s to %s", names(changed), ov.ID))
	}
	msg := fmt.Sprintf("%s (%s) cannot join an organization with %s (%s): do not %s; give %s work to %s or Exchange Online",
		ov.Name, names(older), nv.Name, names(newer), strings.Join(dont, ", nor "),
		words.Pick(len(older), "its", "their"), nv.ShortName())
	p.Report(older[0].VersionNode(), msg,
		lint.Related{Range: newer[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", newer[0].Name(), nv.Name)})
}

// reportRefusal: setup of a range of a version's updates refuses an older
// version (JW-CU15, E1-IE15: 2019 CU15 blocks any Exchange 2013 server; 2019
// up to CU14 coexists with 2013 CU21 or later). One finding, at the first
// server of the range, when any server is known to be in it. Servers a
// plan's stage brings to the range can stay below it until the older
// version is gone; servers already there cannot go back.
func reportRefusal(p *lint.Pass, r *catalog.Support, newer []facts.Server, ov *catalog.Version, older []facts.Server) {
	var blocking []facts.Server
	for _, s := range newer {
		if l := s.Level(); l != nil && r.Covers(l) {
			blocking = append(blocking, s)
		}
	}
	if len(blocking) == 0 {
		return
	}
	v := r.From.Version
	what := fmt.Sprintf("%s %s or later (%s) cannot be in one organization with %s (%s)", v.Name, r.From.Name, names(blocking), ov.Name, names(older))
	rel := lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)}
	// The level the servers can have beside ov: the newest that can join
	// the organization (joinLevel), else the last one before the range.
	keep := joinLevel(p, v)
	if keep == nil || keep.Build.Compare(r.From.Build) >= 0 {
		keep = nil
		for _, l := range v.Levels() {
			if l.Build.Compare(r.From.Build) < 0 {
				keep = l
			}
		}
	}
	if !refusalInstalled(p, r, blocking) && keep != nil {
		// A stage that brings them to the range: they can stay below it.
		p.Report(blocking[0].LevelNode(), fmt.Sprintf("%s: keep the %s servers at %s until every %s server is removed, then update them to %s",
			what, v.ID, keep.Name, ov.ShortName(), r.From.Name), rel)
		return
	}
	// Already there: a cumulative update cannot be uninstalled to go back
	// (MS-CU-INSTALL), so the older version goes, or the work moves to new
	// servers at a level that can join, while the version is in support.
	fix := fmt.Sprintf("move the %[1]s mailboxes (to Exchange Online, or as the rule page shows) and remove the %[1]s servers", ov.ID)
	if keep != nil && v.InSupport(p.AsOf) {
		fix += fmt.Sprintf(", or move the work of %s to new %s %s servers", names(blocking), v.ID, keep.Name)
	}
	p.Report(blocking[0].LevelNode(), what+", and a CU cannot be uninstalled: "+fix, rel)
}

// refusalInstalled reports whether servers of a range that refuses an older
// version are already at it: always in a topology without stages, or in
// its current state; in a plan's later state, unless the stage that led to
// it installs them (each is absent before it, or known below the range).
func refusalInstalled(p *lint.Pass, r *catalog.Support, blocking []facts.Server) bool {
	if p.Previous == nil {
		return true
	}
	before := facts.New(p.Previous, p.Catalog)
	for _, s := range blocking {
		was := p.Previous.ServerByName(s.Name())
		if was == nil {
			continue
		}
		ps, ok := before.Server(was)
		if ok && ps.Exchange != s.Exchange {
			continue // another version before: the stage installs this one
		}
		// At the range before, or at a level not known: what is there
		// may not be below it, and no fix may ask to go back.
		if !ok || ps.Level() == nil || r.Covers(ps.Level()) {
			return true
		}
	}
	return false
}
