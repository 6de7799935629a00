package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// mailFlowMX reports domains whose MX record cannot deliver to where their
// mailboxes are, and warns where Exchange Online Protection is relied on
// without receiving the mail first.
type mailFlowMX struct{}

func init() { register(mailFlowMX{}) }

func (mailFlowMX) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "mail-flow-mx",
		Severity: lint.Error,
		Summary:  "an MX record that cannot deliver to where the domain's mailboxes are (warning: EOP filtering relied on with MX on premises, a third-party MX without Enhanced Filtering)",
		Sources: sources("MS-TRANSPORT-ROUTING", "MS-MAILFLOW-MULTI", "MS-HCW-OPTIONS", "MS-TRANSPORT-OPTIONS", "MS-MAILFLOW-3P",
			"MS-PS-DNSSEC", "FT-PHASES", "MS-STAGED"),
	}
}

// mxPaths says which way hybrid mail can flow: from Exchange Online to the
// on-premises servers, and back. The Full options of the Hybrid Configuration
// Wizard create both connectors (MS-HCW-OPTIONS); otherwise a receive
// connector from Exchange Online is the way in, and a send connector to a
// tenant's routing domain the way out (one that relays internet mail through
// Exchange Online carries no mail to its mailboxes).
//
// Without those, mail still reaches mailboxes moved to Exchange Online from
// an MX on premises: a staged or cutover migration, or a Minimal or Express
// hybrid, leaves each moved user a mail user whose target address is the
// Exchange Online mailbox, and mail to it goes out as any internet mail
// ("mail sent to the on-premises mailbox is forwarded", MS-STAGED):
// a send connector for all domains ("*", direct or through a smart host)
// is a way on (forward). Whether one exists is unknown while the topology
// states no send connector (sendStated). The way back from Exchange Online
// to mailboxes on premises, outside the Full options, is an outbound
// connector in Exchange Online, which the language does not describe: it is
// judged only in a hybrid deployment, and as a warning.
type mxPaths struct {
	mode                string // the hybrid mode, "" without hybrid
	in, out, full       bool
	forward, sendStated bool
}

func mxPathsOf(p *lint.Pass) mxPaths {
	mode, _ := p.Facts.HybridMode()
	ps := mxPaths{mode: mode, full: mode == "classic_full" || mode == "modern_full"}
	ps.in, ps.out = ps.full, ps.full
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		if c.Direction() == "receive" {
			ps.in = true
		} else if !c.RelaysInternetMail() {
			ps.out = true
		}
	}
	for _, c := range p.Topology.Connectors {
		if c.Direction() != "send" {
			continue
		}
		ps.sendStated = true
		if c.AddressSpaces != nil {
			for _, a := range c.AddressSpaces.Items {
				ps.forward = ps.forward || a.Value == "*"
			}
		}
	}
	return ps
}

// mxMailboxes says which mailboxes the MX misses: all of them, or some.
func mxMailboxes(where string) string {
	if where == "both" {
		return "some mailboxes are"
	}
	return "the mailboxes are"
}

// noConnectors is why a hybrid mode gives no path: " (express creates
// none)": the wizard's Minimal and Express options create no connectors; or
// "".
func (ps mxPaths) noConnectors() string {
	if ps.mode == "" || ps.full {
		return ""
	}
	return fmt.Sprintf(" (%s creates none)", ps.mode)
}

func (mailFlowMX) Check(p *lint.Pass) {
	paths := mxPathsOf(p)
	receivers := mxCanReceive(p)
	hosting := mxHosting(p)
	eop, enhancedOff := mxTenantFiltering(p.Topology.Tenants)
	var eopFor, enhancedFor *schema.Domain // the first domains whose MX the tenants' filtering concerns
	for _, d := range p.Topology.Domains {
		mx, at := mxTarget(p, d)
		if at == nil {
			if d.MX == nil && d.MXHosts == nil {
				p.Unknown(&d.Block, "mx")
			}
			continue
		}
		where, _ := d.Mailboxes.Get()
		mxMailboxesUnknown(p, d, mx, paths, hosting)
		switch {
		case mx == "on_premises" && eopFor == nil:
			eopFor = d
		case mx == "third_party" && p.Topology.Hybrid != nil && where != "on_premises" && enhancedFor == nil:
			enhancedFor = d
		}
		name := d.Name()
		switch mx {
		case "exchange_online":
			if paths.in || paths.mode == "" {
				break // without hybrid, the way back is Exchange Online's outbound connector
			}
			switch {
			case where == "on_premises" || where == "both":
				p.ReportAs(lint.Warning, at, fmt.Sprintf("MX of %s points to Exchange Online, but %s on premises and no connector "+
					"routes mail back to them%s. Run the wizard's Full option, or add an outbound connector in Exchange Online "+
					"to the on-premises servers", name, mxMailboxes(where), paths.noConnectors()))
			case where == "" && hosting != nil:
				p.ReportAs(lint.Warning, at, fmt.Sprintf("MX of %s points to Exchange Online, but %s hosts %s on premises and no "+
					"connector routes mail back to them%s. Run the wizard's Full option, or add an outbound connector in Exchange "+
					"Online", name, hosting.Name(), mxCount(hosting.Mailboxes.Value), paths.noConnectors()),
					related(hosting.Mailboxes, fmt.Sprintf("%s hosts mailboxes", hosting.Name())))
			}
		case "on_premises":
			if !mxNoReceiver(p, d, at, receivers) && (where == "exchange_online" || where == "both") && !paths.out &&
				!paths.forward && paths.sendStated {
				p.Report(at, fmt.Sprintf("MX of %s points on premises, but %s in Exchange Online and no send connector takes "+
					"mail on to them%s: add one for all domains (*) or to the tenant's routing domain, or run the wizard's Full option",
					name, mxMailboxes(where), paths.noConnectors()))
			}
			if eop != nil {
				p.ReportAs(lint.Warning, at, fmt.Sprintf("MX of %s points on premises, while tenant %q relies on Exchange "+
					"Online Protection: EOP cannot effectively scan mail it does not receive first. Point MX to EOP", name, eop.Name()),
					related(eop.EOPFiltering, "the tenant relies on EOP"))
			}
		case "third_party":
			if p.Topology.Hybrid != nil && where != "on_premises" && enhancedOff != nil {
				p.ReportAs(lint.Warning, at, fmt.Sprintf("MX of %s points to a third-party service that passes mail to Exchange "+
					"Online, and tenant %q has Enhanced Filtering off: EOP sees the service, not the sender. Turn Enhanced "+
					"Filtering on for its connector", name, enhancedOff.Name()),
					related(enhancedOff.EnhancedFiltering, "Enhanced Filtering is off"))
			}
		}
	}
	mxFilteringUnknowns(p, eopFor, enhancedFor)
}

// mxTarget is where a domain's MX points, and where to report about it:
// its mx, else an Exchange Online Protection host among its mx_hosts (which
// names the target as plainly). A stated mx and mx_hosts that disagree are
// reported, and the domain is not judged further (at is nil).
func mxTarget(p *lint.Pass, d *schema.Domain) (mx string, at schema.Node) {
	var eopHost *schema.String
	var hosts []string
	if d.MXHosts != nil {
		for _, h := range d.MXHosts.Items {
			hosts = append(hosts, h.Value)
			if eopHost == nil && facts.IsExchangeOnlineProtectionHost(h.Value) {
				eopHost = h
			}
		}
	}
	mx, ok := d.MX.Get()
	switch {
	case !ok && eopHost != nil:
		return "exchange_online", eopHost
	case !ok:
		return "", nil
	case d.MXHosts == nil || len(hosts) == 0:
		return mx, d.MX
	case mx == "exchange_online" && eopHost == nil:
		p.Report(d.MXHosts, fmt.Sprintf("domain %s has mx = \"exchange_online\", but no MX host (%s) is Exchange Online Protection's. "+
			"Point MX to the domain's *.mail.protection.outlook.com host, or correct mx", d.Name(), words.And(words.Short(hosts))),
			related(d.MX, "mx"))
		return "", nil
	case mx != "exchange_online" && eopHost != nil:
		p.Report(eopHost, fmt.Sprintf("domain %s has mx = %q, but MX host %s is Exchange Online Protection. Set mx = "+
			"\"exchange_online\", or point MX where mx says", d.Name(), mx, eopHost.Value), related(d.MX, "mx"))
		return "", nil
	}
	return mx, d.MX
}

// mxMailboxesUnknown declares where a domain's mailboxes are when the rule
// takes its MX as passing for lack of it: the MX points one way and no
// connector goes the other.
func mxMailboxesUnknown(p *lint.Pass, d *schema.Domain, mx string, paths mxPaths, hosting *schema.Server) {
	switch {
	case d.Mailboxes != nil:
	case mx == "exchange_online" && !paths.in && paths.mode != "" && hosting == nil,
		mx == "on_premises" && !paths.out && !paths.forward && paths.sendStated:
		p.Unknown(&d.Block, "mailboxes")
	}
}

// mxFilteringUnknowns declares what the tenants expect of Exchange Online
// Protection, for the first domain whose MX is on premises (eopFor), and
// whether they filter what a third-party MX relays (enhancedFor): a tenant
// that says yes settles it; else those that do not say leave it open.
func mxFilteringUnknowns(p *lint.Pass, eopFor, enhancedFor *schema.Domain) {
	filtering := func(d *schema.Domain, attr string, of func(*schema.Tenant) *schema.Bool) {
		if d == nil {
			return
		}
		for _, t := range p.Topology.Tenants {
			if of(t).IsTrue() {
				return
			}
		}
		for _, t := range p.Topology.Tenants {
			if of(t) == nil {
				p.UnknownFor(d, &t.Block, attr)
			}
		}
	}
	filtering(eopFor, "eop_filtering", func(t *schema.Tenant) *schema.Bool { return t.EOPFiltering })
	filtering(enhancedFor, "enhanced_filtering", func(t *schema.Tenant) *schema.Bool { return t.EnhancedFiltering })
}

// mxCanReceive says whether a server on premises can, or may, receive mail
// from the internet: an Edge Transport server, or one with the role that runs
// receive connectors in its version (transport-roles). A server whose version
// or roles are unknown may be one.
func mxCanReceive(p *lint.Pass) bool {
	if len(p.Facts.Servers()) < len(p.Topology.Servers) {
		return true
	}
	for _, s := range p.Facts.Servers() {
		if yes, known := carriesMail(p.Catalog, s); yes || !known {
			return true
		}
	}
	return false
}

// mxCount is a number of mailboxes: "1 mailbox", "2,400 mailboxes".
func mxCount(n int) string {
	if n == 1 {
		return "1 mailbox"
	}
	return words.Thousands(n) + " mailboxes"
}

// mxHosting returns the first server known to host mailboxes on premises
// (mailboxes > 0), or nil. Where a domain does not say where its mailboxes
// are, such a server says that some are on premises.
func mxHosting(p *lint.Pass) *schema.Server {
	for _, s := range p.Topology.Servers {
		if s.Mailboxes != nil && s.Mailboxes.Value > 0 {
			return s
		}
	}
	return nil
}

// mxNoReceiver reports a domain whose MX points on premises where no server
// can receive its mail, and returns whether it did.
func mxNoReceiver(p *lint.Pass, d *schema.Domain, at schema.Node, receivers bool) bool {
	switch {
	case receivers:
		return false
	case len(p.Topology.Servers) == 0:
		p.Report(at, fmt.Sprintf("MX of %s points on premises, and the organization has no Exchange server there to receive "+
			"the mail. Point MX to where the mailboxes are (Exchange Online: the domain's EOP host)", d.Name()))
	default:
		p.Report(at, fmt.Sprintf("MX of %s points on premises, and no server there can receive mail from the internet: none has a "+
			"transport role (Edge Transport, Mailbox, Client Access in 2013, Hub Transport before). Add one, or point MX elsewhere",
			d.Name()))
	}
	return true
}

// mxTenantFiltering returns the first tenant that relies on Exchange Online
// Protection, and the first that states Enhanced Filtering off when none
// states it on.
func mxTenantFiltering(ts []*schema.Tenant) (eop, enhancedOff *schema.Tenant) {
	on := false
	for _, t := range ts {
		if eop == nil && t.EOPFiltering.IsTrue() {
			eop = t
		}
		if enhancedOff == nil && t.EnhancedFiltering.IsFalse() {
			enhancedOff = t
		}
		on = on || t.EnhancedFiltering.IsTrue()
	}
	if on {
		enhancedOff = nil
	}
	return eop, enhancedOff
}
