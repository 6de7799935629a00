package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// coexistenceSECU2Legacy warns about Exchange SE servers planned at CU2 or
// later in an organization that still has Exchange 2016 or 2019 servers:
// Microsoft has announced that SE CU2 setup will block coexistence with
// versions out of support when it is released.
type coexistenceSECU2Legacy struct{}

func init() { register(coexistenceSECU2Legacy{}) }

func (coexistenceSECU2Legacy) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "coexistence-se-cu2-legacy",
		Severity: lint.Warning,
		Summary:  "Exchange SE at CU2 or later planned beside Exchange 2016 or 2019 servers",
		Sources:  sources("MS-SE-UPGRADE", "MS-ROADMAP-2024", "SCHNOLL-CU1"),
	}
}

// seBlockingCU is the first Exchange SE CU whose setup blocks versions that
// are out of support when it is released (MS-SE-UPGRADE).
const seBlockingCU = "se-coexistence-blocking-cu"

func (coexistenceSECU2Legacy) Check(p *lint.Pass) {
	_, groups := p.Facts.VersionGroups()
	var legacy []string
	var first *facts.Server
	out := true // every version named is out of support on the evaluation date
	// The versions the block is about are those older than SE that can be
	// in one organization with it (coexist: Exchange 2016 and 2019; SE's
	// setup refuses 2013 and older already).
	se := p.Catalog.Version("SE")
	for _, v := range p.Catalog.Versions() {
		if v.Rank >= se.Rank || !coexist(p.Catalog, se, v) {
			continue
		}
		if ss := groups[v]; len(ss) > 0 {
			legacy = append(legacy, fmt.Sprintf("%s (%s)", ss[0].Exchange.ShortName(), names(ss)))
			out = out && !ss[0].Exchange.InSupport(p.AsOf)
			if first == nil {
				first = &ss[0]
			}
		}
	}
	if first == nil {
		return
	}
	blocking := p.Catalog.CU(seBlockingCU)
	for _, s := range groups[se] {
		n, ok := seCU(s)
		if !ok || n < blocking {
			continue
		}
		// Microsoft's statement of the block is quoted on the rule page.
		state := ""
		if out {
			state = ", out of support"
		}
		p.Report(s.LevelNode(), fmt.Sprintf("%s is planned at %s CU%d, whose setup blocks versions out of support, "+
			"and will not run beside %s%s: move their work to %s servers at %s and remove them before installing CU%d",
			s.Name(), s.Exchange.ShortName(), n, strings.Join(legacy, " and "), state, s.Exchange.ShortName(), levelsBeforeCU(s.Exchange, blocking), n),
			lint.Related{Range: first.VersionNode().SourceRange(), Message: fmt.Sprintf("%s runs %s", first.Name(), first.Exchange.Name)})
	}
}

// levelsBeforeCU names the levels of v the catalogue knows below CU n, the
// levels its servers can be at beside the versions that CU's setup blocks:
// "RTM" (Exchange SE's CU1 is not in the catalogue).
func levelsBeforeCU(v *catalog.Version, n int) string {
	var out []string
	for _, l := range v.Levels() {
		if cu, ok := catalog.CUNumber(l.Name); !ok || cu < n {
			out = append(out, l.Name)
		}
	}
	if len(out) == 0 {
		return fmt.Sprintf("a level below CU%d", n)
	}
	return words.Or(out)
}

// seCU returns the cumulative update an SE server is at or planned at: from
// its release when the catalogue knows it, else from the update text (SE CU2
// is not released, so the catalogue does not know it).
func seCU(s facts.Server) (int, bool) {
	if l := s.Level(); l != nil {
		return catalog.CUNumber(l.Name)
	}
	if u, ok := s.Update.Get(); ok {
		return catalog.CUNumber(u)
	}
	return 0, false
}
