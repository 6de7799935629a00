package rules

import (
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// catalogStale reports that exlint's catalogue is more than
// catalog.StaleDays (90) past its horizon on the evaluation date, for a topology
// with servers of a version Microsoft was still updating then
// (Catalog.Updated): Microsoft has most likely shipped an update for them
// since (MS-BUILDS, MS-GEBN), which exlint cannot know, so a server on it
// would be reported as unknown and one without it not told so. Servers of
// versions Microsoft no longer updated get no new release: the catalogue's
// age changes nothing for them. The horizon counts the releases --catalog
// added. Rules report per topology: the finding is the topology's, once,
// at its organization block. Of a plan, only the current state is judged,
// on the run's evaluation date, with the versions of every state: a stage
// dated next year says nothing about how old exlint's catalogue is today.
type catalogStale struct{}

func init() { register(catalogStale{}) }

func (catalogStale) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "catalog-stale",
		Severity: lint.Info,
		Summary:  "exlint's Exchange catalogue ends more than 90 days before the evaluation date, for servers of a version Microsoft still updates",
		Sources:  sources("MS-BUILDS", "MS-GEBN"),
		OfTheRun: true,
	}
}

func (catalogStale) Check(p *lint.Pass) {
	o := p.Topology.Organization
	if o == nil || p.Stage != nil || !p.Catalog.Stale(p.AsOf) {
		return
	}
	tops := []*schema.Topology{p.Topology}
	if p.Plan != nil {
		tops = tops[:0]
		for _, st := range p.Plan.States {
			tops = append(tops, st.Topology)
		}
	}
	var updated []string
	seen := map[string]bool{}
	for _, v := range p.Catalog.Versions() {
		for _, top := range tops {
			if seen[v.ID] || !p.Catalog.Updated(v) || !hasVersion(top, v.ID) {
				continue
			}
			seen[v.ID] = true
			updated = append(updated, v.ID)
		}
	}
	if len(updated) == 0 {
		return
	}
	p.Reportf(o, "exlint knows Exchange releases up to %s, %d days before %s: newer updates for Exchange %s may exist; "+
		"add Microsoft's ExchangeBuildNumbers.csv with --catalog, or update exlint",
		p.Catalog.Horizon(), p.Catalog.Age(p.AsOf), p.AsOf, words.And(updated))
}

// hasVersion reports whether a topology has a server of an Exchange version.
func hasVersion(top *schema.Topology, id string) bool {
	for _, s := range top.Servers {
		if v, ok := s.Version.Get(); ok && v == id {
			return true
		}
	}
	return false
}
