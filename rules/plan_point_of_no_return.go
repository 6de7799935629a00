package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// planPointOfNoReturn reports a stage that adds a server of an Exchange
// version that can no longer join the organization: a newer version is
// already there, and the organization has no server of the older one left.
// Setup of the newer version, in an organization without servers of the
// older one, warns that they can never be added afterwards (readiness checks
// NoE14ServerWarning and NoE15ServerWarning of Exchange 2016, and Exchange
// 2013's "No Exchange 2010 or Exchange 2007 servers detected"). Which
// versions close the door to which is the catalogue's no-return matrix.
type planPointOfNoReturn struct{}

func init() { register(planPointOfNoReturn{}) }

const noReturn = "no-return"

func (planPointOfNoReturn) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:         "plan-point-of-no-return",
		Severity:   lint.Error,
		Summary:    "a stage adds a server of an Exchange version older than one already installed, when no server of that older version is left: setup of the newer version closed the door",
		Sources:    sources("MS-READINESS-NOE14", "MS-READINESS-NOE15", "MS-READINESS-2013"),
		Transition: true,
	}
}

func (planPointOfNoReturn) Check(p *lint.Pass) {
	adds := stageOps(p.Stage, schema.OpAdd, "server")
	if len(adds) == 0 || p.Previous == nil {
		return
	}
	// Where each version first appears among the states before this one.
	type seen struct {
		state  *schema.State
		server facts.Server
	}
	first := map[*catalog.Version]seen{}
	var order []*catalog.Version
	for _, st := range statesBefore(p) {
		for _, s := range facts.New(st.Topology, p.Catalog).Servers() {
			if _, ok := first[s.Exchange]; !ok {
				first[s.Exchange] = seen{st, s}
				order = append(order, s.Exchange)
			}
		}
	}
	before := map[*catalog.Version]bool{}
	for _, s := range facts.New(p.Previous, p.Catalog).Servers() {
		before[s.Exchange] = true
	}
	for _, op := range adds {
		s, ok := p.Facts.Server(p.Topology.ServerByName(op.Target.Name()))
		if !ok || before[s.Exchange] {
			continue
		}
		// The newest version that closes the door, so that the message names
		// the one that matters most.
		var closer *catalog.Version
		for _, v := range order {
			if v.Rank <= s.Exchange.Rank || (closer != nil && v.Rank < closer.Rank) {
				continue
			}
			if verdict, _ := p.Catalog.SupportsAny(noReturn, s.Exchange.ID, "", v); verdict == catalog.Unsupported {
				closer = v
			}
		}
		if closer == nil {
			continue
		}
		since := first[closer]
		where := "from the current state"
		if since.state.Stage != nil {
			where = "since " + since.state.Stage.Describe()
		}
		p.Report(s.VersionNode(), fmt.Sprintf(
			"%s adds %s, an %s server, but %s is in the organization and no %s server is left: %s servers can never join it again; add an %s server instead",
			p.Stage.Describe(), s.Name(), s.Exchange.ShortName(), closer.ShortName(), s.Exchange.ID,
			s.Exchange.ID, closer.ShortName()),
			related(since.server.VersionNode(), fmt.Sprintf("%s runs %s, %s", since.server.Name(), closer.Name, where)))
	}
}
