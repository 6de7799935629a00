package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// Helpers of the Active Directory, Clients and Identity rules.

// adLevelRange is a range of servicing levels of one Exchange version, as the
// columns of Microsoft's support matrices cut them: from (inclusive) to to
// (exclusive), by release name; an empty name leaves that side open. first
// and last name the first and last level of the range for messages ("CU3",
// "CU6"); they are empty on an open side.
type adLevelRange struct {
	version     string
	from, to    string
	first, last string
}

// match reports whether server s falls in the range, and whether that is
// known: a range with bounds needs the server's level, and a server whose
// level is unknown (or a preview) is not guessed at.
func (r adLevelRange) match(cat *catalog.Catalog, s server) (in, known bool) {
	if s.version.ID != r.version {
		return false, true
	}
	if r.from == "" && r.to == "" {
		return true, true
	}
	l := s.level()
	if l == nil {
		return false, false
	}
	if r.from != "" && l.Build.Compare(adRelease(cat, s.version, r.from).Build) < 0 {
		return false, true
	}
	if r.to != "" && l.Build.Compare(adRelease(cat, s.version, r.to).Build) >= 0 {
		return false, true
	}
	return true, true
}

// label names the range: "Exchange Server 2016 CU3 to CU6", "Exchange Server
// 2016 CU12 or later", "Exchange Server 2016 CU2 or earlier", "Exchange Server
// 2019 CU14", or the version alone.
func (r adLevelRange) label(cat *catalog.Catalog) string {
	return adSpanLabel(cat.Version(r.version).Name, r.first, r.last)
}

func adSpanLabel(version, first, last string) string {
	switch {
	case first == "" && last == "":
		return version
	case first == "":
		return version + " " + last + " or earlier"
	case last == "":
		return version + " " + first + " or later"
	case first == last:
		return version + " " + first
	}
	return version + " " + first + " to " + last
}

// adRelease returns a release a rule's table names; a name the catalogue
// lacks is a defect of the table, caught by the rule's tests.
func adRelease(cat *catalog.Catalog, v *catalog.Version, name string) *catalog.Release {
	r := cat.Release(v, name)
	if r == nil {
		panic(fmt.Sprintf("rules: the catalogue has no release %s %s", v.ID, name))
	}
	return r
}

// adGroupName names servers that share a verdict: "EX01 (Exchange Server 2016
// CU23 (15.1.2507.6))" for one server, "EX01 and EX02 (Exchange Server 2016
// CU7 or later)" for several, what being the range they share.
func adGroupName(ss []server, what string) string {
	if len(ss) == 1 {
		return fmt.Sprintf("%s (%s)", ss[0].Name(), ss[0].levelName())
	}
	return fmt.Sprintf("%s (%s)", names(ss), what)
}

// adWindowsName is a Windows Server version's name ("Windows Server 2012 R2"),
// or the ID when the catalogue does not know it.
func adWindowsName(cat *catalog.Catalog, id string) string {
	if w := cat.WindowsByID(id); w != nil {
		return w.Name
	}
	return id
}

// adWindowsBelow reports whether Windows Server version id is older than min,
// and whether both are known.
func adWindowsBelow(cat *catalog.Catalog, id, min string) (below, known bool) {
	w, m := cat.WindowsByID(id), cat.WindowsByID(min)
	if w == nil || m == nil {
		return false, false
	}
	return w.Rank < m.Rank, true
}

// adJoinOr joins words for a message: "a", "a or b", "a, b or c".
func adJoinOr(ws []string) string { return adJoinWith(ws, " or ") }

// adJoinAnd joins words for a message: "a", "a and b", "a, b and c".
func adJoinAnd(ws []string) string { return adJoinWith(ws, " and ") }

func adJoinWith(ws []string, last string) string {
	switch len(ws) {
	case 0:
		return ""
	case 1:
		return ws[0]
	}
	return strings.Join(ws[:len(ws)-1], ", ") + last + ws[len(ws)-1]
}

// adRelatedServer points at the server whose level or version decided a verdict.
func adRelatedServer(s server) lint.Related {
	return lint.Related{Range: levelNode(s).SourceRange(), Message: fmt.Sprintf("%s runs %s", s.Name(), s.levelName())}
}

// adVerb picks the singular or plural form for a group of servers.
func adVerb(ss []server, one, many string) string {
	if len(ss) == 1 {
		return one
	}
	return many
}
