package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
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
			"MS-SE-UPGRADE", "JW-CU15", "E1-IE15"),
	}
}

// The pairs are the catalogue's (subject coexistence): a row for every
// release of newer versions whose values are older versions that cannot be
// in the same organization (the note says why), and rows for a range of a
// version's updates that refuses an older version (Exchange 2019 CU15 and
// later refuse Exchange 2013). Microsoft's path from one version to the
// other is the note of its upgrade-path row.
const upgradePath = "upgrade-path"

// throughEach is the fix of a path through several versions.
const throughEach = "Microsoft's path is %[3]s: move through each version in turn, removing the servers of a version before installing one that cannot coexist with it; " +
	"every server running %[2]s must be gone before %[1]s is installed"

// forbiddenFix is the way out, a sentence: %[1]s is the newer version's name,
// %[2]s the older's, %[3]s Microsoft's upgrade path from the older version to
// the newer.
func forbiddenFix(newer, older *catalog.Version) string {
	switch {
	case older.ID == "2007" && newer.ID == "SE":
		// SE setup refuses Exchange 2013 too: 2016 CU23 or 2019 CU14/CU15 come between.
		return "Microsoft's path is %[3]s: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
			"and remove every server running %[2]s; then move to Exchange 2016 CU23 or 2019 CU14/CU15 and remove every Exchange 2013 server before installing %[1]s"
	case older.ID == "2007":
		// Exchange 2013 CU2: the 2013 system requirements' coexistence table (coexistence-minimum-update warns below it).
		return "Microsoft's path is %[3]s: introduce Exchange 2013 (CU2 or later, with every 2007 server at SP3 RU10), move mailboxes and services to it, " +
			"and remove every server running %[2]s before installing %[1]s"
	case older.ID == "2010":
		return "Go through Exchange 2016 (%[3]s) and remove every Exchange 2010 server before installing %[1]s"
	case older.ID == "2013":
		return "Move to Exchange 2016 CU23 or 2019 CU14/CU15 first and remove every Exchange 2013 server before installing %[1]s"
	case older.ID == "5.5" && newer.ID == "2007":
		return "Move off Exchange 5.5 (through Exchange 2000 or 2003), switch the organization to native mode, then install %[1]s"
	}
	return throughEach
}

// pathOf is Microsoft's path from version older to version newer: "2003 →
// 2010 → 2016 → SE", or "" when the catalogue has none.
func pathOf(cat *catalog.Catalog, older, newer *catalog.Version) string {
	for _, r := range cat.VersionRows(upgradePath, older) {
		if r.HasValue(newer.ID) {
			return r.Note
		}
	}
	return ""
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
				msg := fmt.Sprintf("%s (%s) cannot be in the same organization as %s (%s): %s. ",
					nv.Name, names(newer), ov.Name, names(older), r.Note) +
					fmt.Sprintf(forbiddenFix(nv, ov), nv.Name, ov.Name, pathOf(p.Catalog, ov, nv))
				p.Report(newer[0].VersionNode(), msg,
					lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
			}
		}
	}
}

// reportRefusal: setup of a range of a version's updates refuses an older
// version (JW-CU15, E1-IE15: 2019 CU15 blocks any Exchange 2013 server; 2019
// up to CU14 coexists with 2013 CU21 or later). One finding, at the first
// server of the range, when any server is known to be in it.
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
	before := "an earlier update"
	for _, l := range v.Levels() {
		if l.Build.Compare(r.From.Build) < 0 {
			before = l.Name
		}
	}
	msg := fmt.Sprintf("%s %s or later (%s) cannot be in the same organization as %s (%s): %s. "+
		"Keep the %s servers at %s until every %s server is removed, then update them to %s",
		v.Name, r.From.Name, names(blocking), ov.Name, names(older), r.Note, v.ID, before, ov.ShortName(), r.From.Name)
	p.Report(blocking[0].LevelNode(), msg,
		lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
}
