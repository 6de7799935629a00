package rules

import (
	"fmt"

	"github.com/exlint/exlint/facts"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// exoBlocksVulnerableServers warns about on-premises transport servers on the
// hybrid mail path to Exchange Online that are out of support or not on a
// current update level: Exchange Online's Transport-based Enforcement System
// reports, throttles and then blocks their mail.
type exoBlocksVulnerableServers struct{}

func init() { register(exoBlocksVulnerableServers{}) }

func (exoBlocksVulnerableServers) Info() lint.RuleInfo {
	return lint.RuleInfo{
		ID:       "exo-blocks-vulnerable-servers",
		Severity: lint.Warning,
		Summary:  "mail between Exchange Online and out-of-support or unpatched on-premises transport servers (throttling and blocking, 4.7.230 / 5.7.230)",
		Sources:  sources("MS-TBES", "CODETWO-TBES", "MS-HYB-PREREQ", "CSS-HC"),
	}
}

// mailPathServer is a server on the hybrid mail path, with the list item
// that puts it there.
type mailPathServer struct {
	facts.Server
	item  schema.Node
	where string // "hybrid.edge_servers", "connector ..."
}

// hybridMailPath returns the servers that carry mail between the
// organization and Exchange Online, each once, in the order of the topology:
// hybrid.edge_servers when it lists any, else hybrid.servers (when the hybrid
// deployment has mail flow: not a minimal or express one), then the servers
// of connectors with cloud_services_mail = true.
func hybridMailPath(p *lint.Pass) []mailPathServer {
	var out []mailPathServer
	seen := map[*schema.Server]bool{}
	add := func(l *schema.RefList[*schema.Server], where string) {
		if l == nil {
			return
		}
		for _, it := range l.Items {
			if !it.Resolved() || seen[it.Target] || it.Target.ShutDown.IsTrue() {
				continue // a server kept shut down carries no mail
			}
			seen[it.Target] = true
			if s, ok := p.Facts.Server(it.Target); ok {
				out = append(out, mailPathServer{Server: s, item: it, where: where})
			}
		}
	}
	if h := p.Topology.Hybrid; h != nil && !isMinimal(h) {
		if h.EdgeServers != nil && len(h.EdgeServers.Items) > 0 {
			// Hybrid mail flows through the Edge servers; hybrid.servers run
			// the hybrid endpoints only (docs/language.md).
			add(h.EdgeServers, "hybrid.edge_servers")
		} else {
			add(h.Servers, "hybrid.servers")
		}
	}
	for _, c := range p.Topology.Connectors {
		if c.CloudServicesMail.IsTrue() {
			add(c.Servers, fmt.Sprintf("%s connector %q", c.Direction(), c.Name()))
		}
	}
	return out
}

// exoMailPathUnknowns declares what keeps servers off the mail path as
// hybridMailPath finds it: the hybrid servers not listed, and the
// connectors to or from Exchange Online that do not say whether they carry
// hybrid mail, or through which servers.
func exoMailPathUnknowns(p *lint.Pass) {
	if h := p.Topology.Hybrid; h != nil && !isMinimal(h) && h.Servers == nil && (h.EdgeServers == nil || len(h.EdgeServers.Items) == 0) {
		p.Unknown(&h.Block, "servers")
	}
	for _, c := range p.Facts.ExchangeOnlineConnectors() {
		switch {
		case c.CloudServicesMail == nil:
			p.Unknown(&c.Block, "cloud_services_mail")
		case c.CloudServicesMail.IsTrue() && c.Servers == nil:
			p.Unknown(&c.Block, "servers")
		}
	}
}

// isMinimal reports whether a hybrid deployment is a minimal or express one,
// without hybrid mail flow. An absent topology is the wizard's default, full.
func isMinimal(h *schema.Hybrid) bool {
	t, ok := h.Topology.Get()
	return ok && facts.WithoutHybridMail(t)
}

func (exoBlocksVulnerableServers) Check(p *lint.Pass) {
	exoMailPathUnknowns(p)
	for _, m := range hybridMailPath(p) {
		s := m.Server
		var subject, fix string
		var at schema.Node
		if end, ok := s.Exchange.EndOfSupport(); ok && p.AsOf.After(end) {
			subject = fmt.Sprintf("%s (%s, out of support since %s)", s.Name(), s.Exchange.ShortName(), end)
			fix = fmt.Sprintf("take %s off the mail path", s.Name())
			// Where the mail goes is where exchange-end-of-support sends
			// the server's work (successor), with what must go first.
			if next, blockers := successor(p, s.Exchange, p.AsOf); next != nil {
				fix += fmt.Sprintf(" and move that mail to up-to-date %s servers%s", next.ShortName(), onceGoneNote(blockers))
			}
			at = s.VersionNode()
		} else if current, known, levels := s.Currency(p.AsOf); known && !current && s.Level().Build.Compare(levels[len(levels)-1].Build) < 0 {
			subject = fmt.Sprintf("%s runs %s, not on a current update level (%s), and", s.Name(), s.LevelName(), releaseRefs(levels, "or"))
			// The level is the newest current one that can join the
			// organization (updateTarget).
			if t := updateTarget(p, levels); t.blocked() {
				fix = t.install(p, s.Name(), nil, "")
			} else {
				fix = fmt.Sprintf("install %s and its latest security update on %s", t.ideal.Name, s.Name())
			}
			fix += ", or move that mail to up-to-date servers"
			at = s.LevelNode()
		} else {
			continue
		}
		// How far enforcement reaches for each version, and how sure the
		// sources are, is the rule page's.
		msg := fmt.Sprintf("%s carries mail with Exchange Online (%s), which throttles and blocks such servers: %s",
			subject, m.where, fix)
		p.Report(m.item, msg, lint.Related{Range: at.SourceRange(), Message: fmt.Sprintf("%s runs %s", s.Name(), s.LevelName())})
	}
}
