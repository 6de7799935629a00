package rules

import (
	"fmt"
	"strings"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// dagMixedVersions reports database availability groups whose members run
// different Exchange versions or different Windows Server versions.
type dagMixedVersions struct{}

func init() { register(dagMixedVersions{}) }

func (dagMixedVersions) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "dag-mixed-versions",
		Severity: lint.Error,
		Summary:  "a DAG whose members run different Exchange versions or different Windows Server versions",
		Sources:  sources("MS-DAG-MEMBERS", "MS-DAG-2013", "MS-MATRIX", "E1-NET", "MS-SE-INPLACE"),
	}
}

// dagFamily is the group of versions whose servers may share a DAG, named by
// its oldest version: one version, except the versions the catalogue's
// dag-versions rows let share one (Exchange 2019 and SE during the in-place
// upgrade from 2019 CU14/CU15 to SE, MS-SE-INPLACE).
func dagFamily(cat *catalog.Catalog, v *catalog.Version) string {
	family := v
	for _, o := range cat.SupportedValues(dagVersions, v) {
		if ov := cat.Version(o.ID); ov != nil && ov.Rank < family.Rank {
			family = ov
		}
	}
	return family.ID
}

// dagVersions is the catalogue's matrix of the other versions whose servers
// may share a DAG with a version's.
const dagVersions = "dag-versions"

// group is the members sharing one value, in order of first appearance.
type group struct {
	label   string
	members []facts.Server
}

func (dagMixedVersions) Check(p *lint.Pass) {
	for _, d := range p.Topology.DAGs {
		if d.Members == nil {
			p.Unknown(&d.Block, "members")
			continue
		}
		var versions, oses []*group
		var osUnstated []facts.Server
		versionAt, osAt, firstAt := -1, -1, -1
		for i, it := range d.Members.Items {
			if !it.Resolved() {
				continue
			}
			s, ok := p.Facts.Server(it.Target)
			if !ok {
				continue
			}
			if firstAt < 0 {
				firstAt = i
			}
			if add(&versions, dagFamily(p.Catalog, s.Exchange), s) && len(versions) > 1 && versionAt < 0 {
				versionAt = i
			}
			if os, ok := s.OS.Get(); ok {
				if add(&oses, os, s) && len(oses) > 1 && osAt < 0 {
					osAt = i
				}
			} else {
				osUnstated = append(osUnstated, s)
			}
		}
		if len(osUnstated) > 0 && len(osUnstated)+len(oses) > 1 {
			// One member with its Windows Server version stated, and another
			// without, may mix them.
			for _, s := range osUnstated {
				p.UnknownFor(d, &s.Block, "os")
			}
		}
		if versionAt < 0 && osAt < 0 {
			continue
		}
		var mixes []string
		if versionAt >= 0 {
			mixes = append(mixes, describeGroups(versions, func(g *group) string { return versionLabel(g.members) }))
		}
		if osAt >= 0 {
			mixes = append(mixes, describeGroups(oses, func(g *group) string { return windowsName(p, g.label) }))
		}
		at := versionAt
		if at < 0 || (osAt >= 0 && osAt < at) {
			at = osAt
		}
		// Why (one version, failover clustering; 2019 and SE during the
		// in-place upgrade) is the rule page's.
		var one []string
		if versionAt >= 0 {
			one = append(one, "one Exchange version")
		}
		if osAt >= 0 {
			one = append(one, "one Windows Server version")
		}
		first := d.Members.Items[at]
		p.Report(first, fmt.Sprintf("DAG %s mixes %s, and its members must run %s: create a new DAG for the new servers and move the mailbox databases to it",
			d.Name(), strings.Join(mixes, ", and "), words.And(one)),
			lint.Related{Range: d.Members.Items[firstAt].SourceRange(), Message: fmt.Sprintf("%s, the DAG's first member", d.Members.Items[firstAt].Value)})
	}
}

// add puts s in the group with label, creating it when new; it reports
// whether a group was created.
func add(gs *[]*group, label string, s facts.Server) bool {
	for _, g := range *gs {
		if g.label == label {
			g.members = append(g.members, s)
			return false
		}
	}
	*gs = append(*gs, &group{label: label, members: []facts.Server{s}})
	return true
}

func describeGroups(gs []*group, label func(*group) string) string {
	var parts []string
	for _, g := range gs {
		parts = append(parts, fmt.Sprintf("%s (%s)", label(g), names(g.members)))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// versionLabel names the versions of a group: "Exchange Server 2019", or
// "Exchange Server 2019 and SE" for the 2019/SE family.
func versionLabel(ss []facts.Server) string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s.Exchange.ID] {
			seen[s.Exchange.ID] = true
			ids = append(ids, s.Exchange.ID)
		}
	}
	if len(ids) == 1 {
		return ss[0].Exchange.Name
	}
	return "Exchange Server " + strings.Join(ids, " and ")
}

func windowsName(p *lint.Pass, id string) string {
	if w := p.Catalog.WindowsByID(id); w != nil {
		return w.Name
	}
	return id
}
