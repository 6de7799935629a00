package rules

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// dagWitness reports a DAG witness server that is a member of the DAG, that
// is named by an IP address or a wildcard (errors), or that is a domain
// controller (a warning).
type dagWitness struct{}

func init() { register(dagWitness{}) }

func (dagWitness) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "dag-witness",
		Severity: lint.Error,
		Summary:  "a DAG witness server that is a member of the DAG or named by an IP address or wildcard (error), or a domain controller (warning)",
		Sources:  sources("MS-DAG-MANAGE", "MS-DAG-CREATE", "MS-DAG-AZURE-WITNESS", "MS-PLAN-HA"),
	}
}

func (dagWitness) Check(p *lint.Pass) {
	var dcs, servers *hostIndex
	for _, d := range p.Topology.DAGs {
		w := d.Witness
		if w == nil {
			p.Unknown(&d.Block, "witness")
		}
		if w == nil || strings.TrimSpace(w.Value) == "" {
			continue
		}
		host := strings.TrimSpace(w.Value)
		// MS-DAG-CREATE: "You must use either a host name or a fully qualified
		// domain name (FQDN) for the witness server. Using an IP address or a
		// wildcard name isn't supported."
		if _, err := netip.ParseAddr(host); err == nil {
			p.Report(w, fmt.Sprintf("the witness server of DAG %s is an IP address (%s), which Exchange does not support: name it by its host name or FQDN",
				d.Name(), host))
			continue
		}
		if strings.Contains(host, "*") {
			p.Report(w, fmt.Sprintf("the witness server of DAG %s is a wildcard name (%s), which Exchange does not support: name one server by its host name or FQDN",
				d.Name(), host))
			continue
		}
		// MS-DAG-MANAGE, MS-DAG-CREATE: "The witness server can't be a member
		// of the DAG."
		if m := witnessMember(d, host); m != nil {
			p.Report(w, fmt.Sprintf("the witness server of DAG %s, %s, is a member of the DAG, and the witness can't be one: "+
				"use a server outside the DAG, such as a file server", d.Name(), m.Value), related(m, m.Value+" in the DAG's members"))
			continue
		}
		// MS-DAG-AZURE-WITNESS: a file share witness on a domain controller
		// "will result in an unnecessary elevation of privileges. Therefore,
		// it is not a recommended configuration."
		if dcs == nil {
			dcs = domainControllerHosts(p.Topology)
		}
		if at, name := dcs.find(host); at != nil {
			p.ReportAs(lint.Warning, w, fmt.Sprintf("the witness server of DAG %s, %s, is a domain controller, which Microsoft does not recommend "+
				"(an unnecessary elevation of privileges): use a member server, such as a file server, as the witness", d.Name(), name),
				related(at, name+" is a domain controller"))
		} else if p.Coverage() {
			// An Exchange server as the witness, not saying whether it is on
			// a domain controller.
			if servers == nil {
				servers = unstatedDCHosts(p.Topology)
			}
			if at, _ := servers.find(host); at != nil {
				p.UnknownFor(w, at.(*schema.Block), "on_domain_controller")
			}
		}
	}
}

// witnessMember returns the DAG's member entry that names the witness host,
// or nil.
func witnessMember(d *schema.DAG, host string) *schema.Ref[*schema.Server] {
	if d.Members == nil {
		return nil
	}
	for _, it := range d.Members.Items {
		if it.Resolved() && sameHost(host, it.Target.Name()) {
			return it
		}
	}
	return nil
}

// hostIndex finds computers by name as sameHost compares them, without
// comparing a name with every other.
type hostIndex struct {
	byLabel map[string][]hostEntry // by lower-case first label, in source order
}

type hostEntry struct {
	name string
	at   schema.Node
}

// domainControllerHosts indexes the computers the topology says are domain
// controllers: the domain_controller blocks, and the Exchange servers
// installed on a domain controller, each at what says so.
func domainControllerHosts(top *schema.Topology) *hostIndex {
	ix := &hostIndex{byLabel: map[string][]hostEntry{}}
	add := func(name string, at schema.Node) {
		l := firstLabel(name)
		ix.byLabel[l] = append(ix.byLabel[l], hostEntry{name, at})
	}
	for _, dc := range top.DomainControllers {
		add(dc.Name(), dc)
	}
	for _, s := range top.Servers {
		if s.OnDomainController.IsTrue() {
			add(s.Name(), s.OnDomainController)
		}
	}
	return ix
}

// unstatedDCHosts indexes the Exchange servers that do not say whether
// they are installed on a domain controller, each at its block.
func unstatedDCHosts(top *schema.Topology) *hostIndex {
	ix := &hostIndex{byLabel: map[string][]hostEntry{}}
	for _, s := range top.Servers {
		if s.OnDomainController == nil {
			l := firstLabel(s.Name())
			ix.byLabel[l] = append(ix.byLabel[l], hostEntry{s.Name(), &s.Block})
		}
	}
	return ix
}

// find returns the first computer of the index that names host, and its
// name; nil when none does.
func (ix *hostIndex) find(host string) (schema.Node, string) {
	for _, e := range ix.byLabel[firstLabel(host)] {
		if sameHost(host, e.name) {
			return e.at, e.name
		}
	}
	return nil, ""
}

func firstLabel(name string) string {
	l, _, _ := strings.Cut(strings.ToLower(name), ".")
	return l
}

// sameHost reports whether two names name one computer, ignoring case: the
// same name, or, when either is a host name without a domain, the same first
// label ("fs01" and "FS01.contoso.com"). Two different FQDNs are two hosts.
func sameHost(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b {
		return true
	}
	if strings.Contains(a, ".") && strings.Contains(b, ".") {
		return false
	}
	return firstLabel(a) == firstLabel(b)
}
