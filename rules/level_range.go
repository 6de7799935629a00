package rules

import (
	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/schema/catalog"
)

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
func (r adLevelRange) match(cat *catalog.Catalog, s facts.Server) (in, known bool) {
	if s.Exchange.ID != r.version {
		return false, true
	}
	if r.from == "" && r.to == "" {
		return true, true
	}
	l := s.Level()
	if l == nil {
		return false, false
	}
	if r.from != "" && l.Build.Compare(mustRelease(cat, s.Exchange, r.from).Build) < 0 {
		return false, true
	}
	if r.to != "" && l.Build.Compare(mustRelease(cat, s.Exchange, r.to).Build) >= 0 {
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
