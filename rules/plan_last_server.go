package rules

import (
	"fmt"

	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// planLastServer reports a stage that leaves the organization without a
// running Exchange server (it removes the last one, or shuts it down) while
// something still needs one: MX or Autodiscover records that point
// on-premises, a hybrid deployment, public folders on-premises (MS-DECOM), or
// directory synchronization. With directory synchronization on, Microsoft
// says not to uninstall the last server: shut it down, and manage recipients
// with the Management Tools that can (MS-MGMT-TOOLS, the catalogue's
// management-tools rows: Exchange 2019 CU12 or later, and Exchange SE).
type planLastServer struct{}

func init() { register(planLastServer{}) }

const managementToolsMatrix = "management-tools"

func (planLastServer) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:         "plan-last-server",
		Severity:   lint.Error,
		Summary:    "a stage removes or shuts down the last Exchange server while MX or Autodiscover point on-premises, hybrid is configured, public folders are on-premises, or directory sync stays on (keep it shut down, with Management Tools that manage recipients)",
		Sources:    sources("MS-DECOM", "MS-MGMT-TOOLS"),
		Transition: true,
	}
}

// running returns the servers of a state that run Exchange for the
// organization: not shut down, and not Edge Transport servers, which sit
// outside Active Directory.
func running(top *schema.Topology) (run, kept []*schema.Server) {
	for _, s := range top.Servers {
		if isEdgeServer(s) {
			continue
		}
		if s.ShutDown.IsTrue() {
			kept = append(kept, s)
		} else {
			run = append(run, s)
		}
	}
	return run, kept
}

func (planLastServer) Check(p *lint.Pass) {
	if p.Stage == nil || p.Previous == nil {
		return
	}
	before, _ := running(p.Previous)
	after, kept := running(p.Topology)
	if len(before) == 0 || len(after) > 0 {
		return
	}
	// The operation that stops the last running server: the last removal
	// or shutdown of one in the stage.
	var cause *schema.Operation
	var what string
	for _, op := range p.Stage.Operations {
		if op.Skipped || op.Target.Type != "server" {
			continue
		}
		s := p.Previous.ServerByName(op.Target.Name())
		if s == nil || isEdgeServer(s) || s.ShutDown.IsTrue() {
			continue
		}
		switch b, ok := op.Attribute("shut_down").Bool(); {
		case op.Kind == schema.OpRemove:
			cause, what = op, fmt.Sprintf("%s removes %s, the last Exchange server,", p.Stage.Describe(), s.Name())
		case op.Kind == schema.OpChange && ok && b:
			cause, what = op, fmt.Sprintf("%s shuts down %s, the last running Exchange server,", p.Stage.Describe(), s.Name())
		}
	}
	if cause == nil {
		return
	}
	at := func(addr string) schema.Node {
		if a := cause.Attribute("shut_down"); a != nil && cause.Kind == schema.OpChange {
			return opWrite{attr: a, addr: addr}
		}
		return opAbout{cause, addr}
	}
	top := p.Topology
	for _, d := range top.Domains {
		var records []string
		var first schema.Node
		if d.MX.Is("on_premises") {
			records, first = append(records, "MX"), d.MX
		}
		if d.Autodiscover.Is("on_premises") {
			records = append(records, "Autodiscover")
			if first == nil {
				first = d.Autodiscover
			}
		}
		if first == nil {
			continue
		}
		p.Report(at(first.Address()), fmt.Sprintf("%s while the %s %s of %s still point%s on-premises: point %s to Exchange Online, in internal and external DNS, first",
			what, words.And(records), words.Pick(len(records), "record", "records"), d.Name(), words.Pick(len(records), "s", ""),
			words.Pick(len(records), "it", "them")),
			related(first, "on-premises here"))
	}
	if h := top.Hybrid; h != nil {
		p.Report(at(h.Address()), what+" while the hybrid deployment stays: remove the hybrid configuration (the Hybrid Configuration Wizard's connectors and organization relationship) first",
			related(h, "the hybrid deployment"))
	}
	if o := top.Organization; o != nil && o.PublicFolders.Is("on_premises") {
		p.Report(at(o.PublicFolders.Address()), what+" while the organization's public folders are on-premises: migrate them to Exchange Online, or remove them, first",
			related(o.PublicFolders, "on-premises here"))
	}
	ds := top.DirectorySync
	if ds == nil || ds.Enabled.IsFalse() {
		return
	}
	if len(kept) == 0 {
		p.Report(at(ds.Address()), fmt.Sprintf("%s while directory synchronization stays on: keep %s, shut down (shut_down = true), with the Management Tools of %s, or turn directory synchronization off first",
			what, cause.Target.Name(), toolsFrom(p)), related(ds, "directory synchronization"))
		return
	}
	ok, known := managementToolsFit(p.Catalog, top.ManagementTools)
	if !known || ok {
		return
	}
	newest, level := newestTools(p.Catalog)
	mt := top.ManagementTools
	if mt == nil {
		p.Report(at(ds.Address()), fmt.Sprintf("%s while directory synchronization stays on, without the Management Tools of %s to manage recipients: install %s's, and add management_tools { version = %q, update = %q }",
			what, toolsFrom(p), newest.ShortName(), newest.ID, level), related(ds, "directory synchronization"))
		return
	}
	// The block is there, of tools that cannot do the job: a second add
	// would be a plan-structure error, so the fix is its version.
	p.Report(at(mt.Version.Address()), fmt.Sprintf("%s while directory synchronization stays on, and the Management Tools of %s cannot manage recipients without a running server: set management_tools to version = %q, update = %q",
		what, toolsName(p.Catalog, mt), newest.ID, level), related(mt.Version, "the Management Tools"))
}

// toolsName names the Management Tools of a management_tools block:
// "Exchange 2016 CU23", or "Exchange 2016" without an update.
func toolsName(cat *catalog.Catalog, mt *schema.ManagementTools) string {
	name := "Exchange " + mt.Version.Value
	if v := cat.Version(mt.Version.Value); v != nil {
		name = v.ShortName()
	}
	if u, ok := mt.Update.Get(); ok && u != "" {
		name += " " + u
	}
	return name
}

// managementToolsFit says whether the Management Tools manage recipients
// without a running server (the catalogue's management-tools rows), and
// whether that is known. No tools at all do not.
func managementToolsFit(cat *catalog.Catalog, mt *schema.ManagementTools) (ok, known bool) {
	if mt == nil {
		return false, true
	}
	v := cat.Version(mt.Version.Value)
	if v == nil {
		return false, false
	}
	update, _ := mt.Update.Get()
	var verdict catalog.Verdict
	if rel := cat.ResolveServer(v, update, ""); rel != nil {
		verdict, _ = cat.Supports(managementToolsMatrix, "", rel)
	} else {
		verdict, _ = cat.SupportsAny(managementToolsMatrix, "", "", v)
	}
	switch verdict {
	case catalog.Supported:
		return true, true
	case catalog.Unsupported:
		return false, true
	}
	return false, false
}

// toolsFrom names the Management Tools that manage recipients without a
// running server, from the catalogue, of the versions in support on the
// state's date: "Exchange SE" (2019 CU12 or later too while Exchange 2019
// was in support); all of them when none is.
func toolsFrom(p *lint.Pass) string {
	var all, in []string
	for _, v := range p.Catalog.Versions() {
		from, ok := p.Catalog.FirstSupported(managementToolsMatrix, "", v)
		name := v.ShortName()
		switch {
		case !ok:
			continue
		case from != nil:
			name += " " + from.Name + " or later"
		}
		all = append(all, name)
		if v.InSupport(p.AsOf) {
			in = append(in, name)
		}
	}
	if len(in) == 0 {
		return words.Or(all)
	}
	return words.Or(in)
}

// newestTools is the newest version whose Management Tools manage
// recipients without a running server, and its newest level: what a plan
// adds today.
func newestTools(cat *catalog.Catalog) (*catalog.Version, string) {
	vs := cat.Versions()
	for i := len(vs) - 1; i >= 0; i-- {
		if _, ok := cat.FirstSupported(managementToolsMatrix, "", vs[i]); ok {
			level := "RTM"
			if ls := vs[i].Levels(); len(ls) > 0 {
				level = ls[len(ls)-1].Name
			}
			return vs[i], level
		}
	}
	return vs[len(vs)-1], "RTM"
}
