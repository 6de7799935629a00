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
				msg := fmt.Sprintf("%s (%s) cannot be in one organization with %s (%s): %s",
					nv.Name, names(newer), ov.Name, names(older), forbiddenFix(nv, ov))
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
	msg := fmt.Sprintf("%s %s or later (%s) cannot be in one organization with %s (%s): "+
		"keep the %s servers at %s until every %s server is removed, then update them to %s",
		v.Name, r.From.Name, names(blocking), ov.Name, names(older), v.ID, before, ov.ShortName(), r.From.Name)
	p.Report(blocking[0].LevelNode(), msg,
		lint.Related{Range: older[0].VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", older[0].Name(), ov.Name)})
}
