package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/schema/catalog"
)

// levelRange is a range of servicing levels of one Exchange version, as a
// support matrix's rows cut it, with how messages name its first and last
// level ("CU3", "CU6", "SP1 (CU4)"; empty on an open side).
type levelRange struct {
	catalog.Range
	first, last string
}

func newLevelRange(cat *catalog.Catalog, r catalog.Range) levelRange {
	lr := levelRange{Range: r}
	if r.From != nil {
		lr.first = r.From.Name
		if alias := cat.LevelAlias(r.From); alias != "" {
			lr.first = fmt.Sprintf("%s (%s)", alias, r.From.Name)
		}
	}
	if l := r.Last(); r.To != nil && l != nil {
		lr.last = l.Name
	}
	return lr
}

// levelRanges cuts v at the bounds of a subject's rows: its ranges, newest
// first.
func levelRanges(cat *catalog.Catalog, subject string, v *catalog.Version) []levelRange {
	rs := cat.Ranges(subject, v)
	out := make([]levelRange, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = newLevelRange(cat, r)
	}
	return out
}

// match reports whether server s falls in the range, and whether that is
// known: a range with bounds needs the server's level, and a server whose
// level is unknown (or a preview) is not guessed at.
func (r levelRange) match(s facts.Server) (in, known bool) {
	if s.Exchange != r.Version {
		return false, true
	}
	if r.From == nil && r.To == nil {
		return true, true
	}
	l := s.Level()
	if l == nil {
		return false, false
	}
	if r.From != nil && l.Build.Compare(r.From.Build) < 0 {
		return false, true
	}
	if r.To != nil && l.Build.Compare(r.To.Build) >= 0 {
		return false, true
	}
	return true, true
}

// label names the range: "Exchange Server 2016 CU3 to CU6".
func (r levelRange) label() string { return spanLabel(r.Version.Name, r.first, r.last) }

// spanLabel names a range of levels: "Exchange Server 2016 CU3 to CU6",
// "Exchange Server 2016 CU12 or later", "Exchange Server 2016 CU2 or
// earlier", "Exchange Server 2019 CU14", or the version alone.
func spanLabel(version, first, last string) string {
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
