package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// Options say how to draw a topology.
type Options struct {
	// Title heads the diagram: the caller knows what it draws (which state
	// of a plan, on which date).
	Title string
	// Expand draws every server and domain controller on its own. By
	// default, GroupMin or more alike in one place (same version, update,
	// roles and Windows, the same worst finding, the same connections) are
	// one node with a count, so that a large topology stays readable.
	Expand bool
	// NotChecked, when set, says why the rules did not run on the state
	// drawn (lint.WhyNotChecked): a thing without a finding is then drawn
	// grey (Unchecked), not green, and the legend says the state is not
	// checked and why, never that it has no findings.
	NotChecked string
}

// GroupMin is the fewest alike servers (or domain controllers) drawn as one
// node.
const GroupMin = 3

// Build draws top with its findings: each finding colours the thing its
// address names (server.EX01.update colours EX01), or, naming nothing
// drawn, is counted in the legend.
func Build(top *schema.Topology, findings []lint.Finding, opts Options) *Diagram {
	b := &builder{
		top:   top,
		opts:  opts,
		d:     &Diagram{Title: opts.Title, Root: &Cluster{}, NotChecked: opts.NotChecked},
		marks: map[string]*mark{},
		drawn: map[string]bool{},
		nodes: map[*schema.Server]*Node{},
		seen:  map[string]bool{},
	}
	b.findings(findings)
	b.layout()
	b.flows()
	if opts.NotChecked != "" {
		unchecked(b.d.Root)
	}
	b.legend()
	return b.d
}

// unchecked draws the things in c that have no finding as Unchecked: the
// rules did not run on their state, so no finding says nothing of them.
func unchecked(c *Cluster) {
	for _, n := range c.Nodes {
		if n.Shape != ShapeNote && n.Level == Clean {
			n.Level = Unchecked
		}
	}
	for _, sub := range c.Clusters {
		unchecked(sub)
	}
}

// mark is the findings on one block.
type mark struct {
	level  Level
	counts lint.Counts
}

func (m *mark) add(f lint.Finding) {
	m.level = max(m.level, levelOf(f.Severity))
	switch f.Severity {
	case lint.Error:
		m.counts.Errors++
	case lint.Warning:
		m.counts.Warnings++
	default:
		m.counts.Infos++
	}
}

func (m *mark) merge(o *mark) {
	m.level = max(m.level, o.level)
	m.counts.Errors += o.counts.Errors
	m.counts.Warnings += o.counts.Warnings
	m.counts.Infos += o.counts.Infos
}

type builder struct {
	top  *schema.Topology
	opts Options
	d    *Diagram
	fs   []lint.Finding
	// marks holds the findings by the addresses of the blocks they may be
	// on; drawn holds the addresses of the blocks drawn.
	marks    map[string]*mark
	drawn    map[string]bool
	nodes    map[*schema.Server]*Node // the node drawing each server
	seen     map[string]bool          // edges drawn
	ids      int
	org      *Cluster
	sites    map[*schema.Site]*Cluster
	edgeNet  *Cluster // the perimeter network
	exo      *Cluster
	tenants  map[*schema.Tenant]*Node
	routing  map[string]*schema.Tenant // a tenant by its routing domain, contoso.mail.onmicrosoft.com
	internet *Node
	thirdPty *Node
	certs    map[*schema.Certificate]*Node
	conns    map[*schema.Connector]*Node
	spaces   *Cluster // namespaces
	hybrid   *Node
}

func (b *builder) id(prefix string) string {
	b.ids++
	return fmt.Sprintf("%s%d", prefix, b.ids)
}

// findings files each finding under every prefix of its address that may
// be a block's address: the address cut where it goes on to a label, an
// attribute or a list index ("server", "server.EX01", "server.EX01.update").
// A block then finds its findings under its own address, and a finding
// filed under no drawn block's address is on nothing drawn (legend).
func (b *builder) findings(fs []lint.Finding) {
	b.d.Findings = lint.Count(fs)
	b.fs = fs
	for _, f := range fs {
		for _, p := range addressPrefixes(f.Address) {
			m := b.marks[p]
			if m == nil {
				m = &mark{}
				b.marks[p] = m
			}
			m.add(f)
		}
	}
}

// addressPrefixes returns addr and its prefixes that end before a "." or
// "[" outside a quoted label (`domain."contoso.com".mx` gives "domain",
// `domain."contoso.com"` and itself).
func addressPrefixes(addr string) []string {
	if addr == "" {
		return nil
	}
	var out []string
	quoted := false
	for i := 0; i < len(addr); i++ {
		switch c := addr[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '.' || c == '['):
			out = append(out, addr[:i])
		}
	}
	return append(out, addr)
}

// unplaced counts the findings filed under no block that was drawn.
func (b *builder) unplaced() *mark {
	m := &mark{}
	for _, f := range b.fs {
		placed := false
		for _, p := range addressPrefixes(f.Address) {
			placed = placed || b.drawn[p]
		}
		if !placed {
			m.add(f)
		}
	}
	return m
}

// markOf returns the findings on a block, which is drawn.
func (b *builder) markOf(bl *schema.Block) *mark {
	addr := bl.Address()
	b.drawn[addr] = true
	if m := b.marks[addr]; m != nil {
		return m
	}
	return &mark{}
}

// node makes a node for one block (nil: for no block), its label lines
// followed by the count of its findings.
func (b *builder) node(shape Shape, bl *schema.Block, lines ...string) *Node {
	n := &Node{ID: b.id("n"), Shape: shape, Count: 1}
	if bl != nil {
		m := b.markOf(bl)
		n.Level, n.Counts = m.level, m.counts
	}
	n.Lines = nonEmpty(append(lines, findingsLine(n.Counts)))
	return n
}

// cluster makes a cluster for one block (nil: a cluster of its own, such
// as the perimeter network).
func (b *builder) cluster(label string, bl *schema.Block) *Cluster {
	c := &Cluster{ID: b.id("c"), Label: label}
	if bl != nil {
		m := b.markOf(bl)
		c.Level, c.Counts = m.level, m.counts
	}
	return c
}

func nonEmpty(lines []string) []string {
	out := lines[:0:0]
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// edge adds an edge once.
func (b *builder) edge(from, to, label string, style Style, both bool) {
	if from == "" || to == "" || from == to {
		return
	}
	key := from + "\x00" + to + "\x00" + label
	if b.seen[key] {
		return
	}
	b.seen[key] = true
	b.d.Edges = append(b.d.Edges, &Edge{From: from, To: to, Label: label, Style: style, Both: both})
}

// layout places every block: the organization with its sites, DAGs,
// servers and domain controllers, the perimeter network, the domains,
// Exchange Online and the services between them.
func (b *builder) layout() {
	t := b.top
	root := b.d.Root
	orgLabel := "Organization"
	var orgBlock *schema.Block
	if o := t.Organization; o != nil {
		orgBlock = &o.Block
		orgLabel += " " + o.Name()
		if v, ok := o.ForestFunctionalLevel.Get(); ok {
			orgLabel += ", forest " + v
		}
	}
	b.org = b.cluster(orgLabel, orgBlock)

	b.sites = map[*schema.Site]*Cluster{}
	for _, s := range t.Sites {
		c := b.cluster("Site "+s.Name(), &s.Block)
		b.sites[s] = c
		b.org.Clusters = append(b.org.Clusters, c)
	}
	b.placeServers()
	b.placeControllers()

	b.conns = map[*schema.Connector]*Node{}
	for _, c := range t.Connectors {
		n := b.connectorNode(c)
		b.conns[c] = n
		b.org.Nodes = append(b.org.Nodes, n)
	}
	if len(t.Certificates) > 0 {
		certs := b.cluster("Certificates", nil)
		b.certs = map[*schema.Certificate]*Node{}
		for _, c := range t.Certificates {
			n := b.certificateNode(c)
			b.certs[c] = n
			certs.Nodes = append(certs.Nodes, n)
		}
		b.org.Clusters = append(b.org.Clusters, certs)
	}
	if len(t.Namespaces) > 0 {
		b.spaces = b.cluster("Namespaces", nil)
		for _, ns := range t.Namespaces {
			n := b.node(ShapeNamespace, &ns.Block, ns.Name(), list(ns.Services.Values(), 4), portLine(ns.Port))
			b.spaces.Nodes = append(b.spaces.Nodes, n)
			if ns.Certificate.Resolved() {
				b.edge(n.ID, b.certs[ns.Certificate.Target].ID, "", Dotted, false)
			}
		}
		b.org.Clusters = append(b.org.Clusters, b.spaces)
	}
	for _, a := range t.ADFS {
		n := b.node(ShapeService, &a.Block, "AD FS "+a.Name(), windowsLine(a.OS))
		b.org.Nodes = append(b.org.Nodes, n)
		if a.Certificate.Resolved() {
			b.edge(n.ID, b.certs[a.Certificate.Target].ID, "", Dotted, false)
		}
	}
	if oa := t.OutlookAnywhere; oa != nil {
		host, _ := oa.ExternalHost.Get()
		n := b.node(ShapeService, &oa.Block, "Outlook Anywhere", host, onOff(oa.Enabled, "", "disabled"))
		b.org.Nodes = append(b.org.Nodes, n)
		if oa.Certificate.Resolved() {
			b.edge(n.ID, b.certs[oa.Certificate.Target].ID, "", Dotted, false)
		}
	}

	if b.edgeNet != nil {
		root.Clusters = append(root.Clusters, b.edgeNet)
	}
	root.Clusters = append(root.Clusters, b.org)
	if len(t.Tenants) > 0 {
		b.cloud()
	}
	b.fillEmpty(root)
}

// cloud returns the Exchange Online cluster, made when first needed.
func (b *builder) cloud() *Cluster {
	if b.exo == nil {
		b.exo = b.cluster("Exchange Online", nil)
		b.tenants = map[*schema.Tenant]*Node{}
		for _, t := range b.top.Tenants {
			plan, _ := t.Plan.Get()
			n := b.node(ShapeTenant, &t.Block, t.Name(), plan)
			b.tenants[t] = n
			b.exo.Nodes = append(b.exo.Nodes, n)
		}
		if len(b.exo.Nodes) == 0 {
			b.exo.Nodes = append(b.exo.Nodes, &Node{ID: b.id("n"), Shape: ShapeTenant, Lines: []string{"Microsoft 365 (no tenant block)"}, Count: 1})
		}
		b.d.Root.Clusters = append(b.d.Root.Clusters, b.exo)
	}
	return b.exo
}

// fillEmpty gives an empty cluster a note, so that every output draws it
// and edges can end at it.
func (b *builder) fillEmpty(c *Cluster) {
	for _, sub := range c.Clusters {
		b.fillEmpty(sub)
		if sub.firstNode() == nil {
			sub.Nodes = append(sub.Nodes, &Node{ID: b.id("n"), Shape: ShapeNote, Lines: []string{"(empty)"}, Count: 1})
		}
	}
}

// isEdge reports whether a server is an Edge Transport server or sits in
// the perimeter network.
func isEdge(s *schema.Server) bool {
	return s.Roles.Has("edge_transport") || s.Network.Is("perimeter")
}

// placeServers puts each server in the perimeter network, in a DAG of its
// site, in its site, or in the organization when its site is unknown; then
// draws each place's servers, alike ones grouped.
func (b *builder) placeServers() {
	t := b.top
	home := map[*schema.Server]*Cluster{}
	for _, s := range t.Servers {
		switch {
		case isEdge(s):
			if b.edgeNet == nil {
				b.edgeNet = b.cluster("Perimeter network", nil)
			}
			home[s] = b.edgeNet
		case s.Site.Resolved():
			home[s] = b.sites[s.Site.Target]
		default:
			home[s] = b.org
		}
	}
	// A DAG is a cluster inside each place holding its members; a server
	// listed by two DAGs is drawn in the first.
	dagOf := map[*schema.Server]*Cluster{}
	type dagPart struct {
		dag   *schema.DAG
		parts []*Cluster
		// elsewhere are members drawn in an earlier DAG.
		elsewhere []*schema.Server
	}
	var dags []dagPart
	for _, d := range t.DAGs {
		dp := dagPart{dag: d}
		parts := map[*Cluster]*Cluster{}
		for _, s := range d.Members.Targets() {
			if dagOf[s] != nil {
				dp.elsewhere = append(dp.elsewhere, s)
				continue
			}
			outer := home[s]
			part := parts[outer]
			if part == nil {
				part = b.cluster("DAG "+d.Name(), &d.Block)
				parts[outer] = part
				outer.Clusters = append(outer.Clusters, part)
				dp.parts = append(dp.parts, part)
			}
			dagOf[s] = part
		}
		if len(dp.parts) == 0 {
			part := b.cluster("DAG "+d.Name(), &d.Block)
			b.org.Clusters = append(b.org.Clusters, part)
			dp.parts = append(dp.parts, part)
		}
		dags = append(dags, dp)
	}
	// The servers of each place, in the order of the files.
	byPlace := map[*Cluster][]*schema.Server{}
	var places []*Cluster
	for _, s := range t.Servers {
		c := home[s]
		if dc := dagOf[s]; dc != nil {
			c = dc
		}
		if byPlace[c] == nil {
			places = append(places, c)
		}
		byPlace[c] = append(byPlace[c], s)
	}
	links := b.serverLinks()
	for _, c := range places {
		key := func(s *schema.Server) string { return b.serverKey(s, links[s]) }
		for _, group := range groupBy(byPlace[c], key, b.opts.Expand) {
			n := b.serverNode(group)
			c.Nodes = append(c.Nodes, n)
			for _, s := range group {
				b.nodes[s] = n
			}
		}
	}
	// The witness: inside the DAG's cluster, or beside the parts of a DAG
	// that spans places, with a line to each.
	for _, dp := range dags {
		for _, s := range dp.elsewhere {
			b.edge(dp.parts[0].ID, b.nodes[s].ID, "member", Dashed, false)
		}
		w, ok := dp.dag.Witness.Get()
		if !ok {
			continue
		}
		n := b.node(ShapeWitness, nil, "witness "+w)
		if len(dp.parts) == 1 {
			dp.parts[0].Nodes = append(dp.parts[0].Nodes, n)
			continue
		}
		b.org.Nodes = append(b.org.Nodes, n)
		for _, p := range dp.parts {
			b.edge(n.ID, p.ID, "witness", Dotted, false)
		}
	}
}

// serverLinks returns, for each server, what names it besides its site and
// DAG (connectors, the hybrid configuration): servers are alike only when
// the same lines lead to them.
func (b *builder) serverLinks() map[*schema.Server]string {
	links := map[*schema.Server][]string{}
	for _, c := range b.top.Connectors {
		for _, s := range c.Servers.Targets() {
			links[s] = append(links[s], c.Address())
		}
	}
	if h := b.top.Hybrid; h != nil {
		for _, s := range h.Servers.Targets() {
			links[s] = append(links[s], "hybrid.servers")
		}
		for _, s := range h.EdgeServers.Targets() {
			links[s] = append(links[s], "hybrid.edge_servers")
		}
	}
	out := map[*schema.Server]string{}
	for s, l := range links {
		out[s] = strings.Join(l, "\x00")
	}
	return out
}

func (b *builder) serverKey(s *schema.Server, links string) string {
	m := b.markOf(&s.Block)
	v, _ := s.Version.Get()
	u, _ := s.Update.Get()
	bd, _ := s.Build.Get()
	o, _ := s.OS.Get()
	return strings.Join([]string{v, u, bd, strings.Join(s.Roles.Values(), ","), o, m.level.String(), links}, "\x00")
}

// groupBy splits items into groups of alike ones (the same key), each
// standing where its first item was. A group of fewer than GroupMin, and
// every group when expand is set, is split into items of their own.
func groupBy[T any](items []T, key func(T) string, expand bool) [][]T {
	var groups [][]int // indexes into items
	index := map[string]int{}
	for i, it := range items {
		k := key(it)
		if g, ok := index[k]; ok && !expand {
			groups[g] = append(groups[g], i)
			continue
		}
		index[k] = len(groups)
		groups = append(groups, []int{i})
	}
	var split [][]int
	for _, g := range groups {
		if len(g) >= GroupMin {
			split = append(split, g)
			continue
		}
		for _, i := range g {
			split = append(split, []int{i})
		}
	}
	sort.SliceStable(split, func(i, j int) bool { return split[i][0] < split[j][0] })
	out := make([][]T, len(split))
	for i, g := range split {
		for _, j := range g {
			out[i] = append(out[i], items[j])
		}
	}
	return out
}

// serverNode draws a server, or several alike: their names, the version and
// update, the roles and Windows version, and how many findings they carry.
func (b *builder) serverNode(group []*schema.Server) *Node {
	s := group[0]
	m, name := b.groupHead(blocksOf(group, func(s *schema.Server) *schema.Block { return &s.Block }), "servers")
	return &Node{ID: b.id("n"), Shape: ShapeServer, Count: len(group), Level: m.level, Counts: m.counts,
		Lines: nonEmpty([]string{name, versionLine(s), rolesLine(s.Roles), windowsLine(s.OS), findingsLine(m.counts)})}
}

// groupHead returns the findings on a group of alike blocks and the name
// the group is drawn under: the block's own for one, else how many they
// are and the first and last names, "5 servers: EX01 … EX05".
func (b *builder) groupHead(blocks []*schema.Block, plural string) (*mark, string) {
	m := &mark{}
	for _, bl := range blocks {
		m.merge(b.markOf(bl))
	}
	first, last := blocks[0], blocks[len(blocks)-1]
	if len(blocks) == 1 {
		return m, first.Name()
	}
	return m, fmt.Sprintf("%d %s: %s … %s", len(blocks), plural, first.Name(), last.Name())
}

func blocksOf[T any](items []T, block func(T) *schema.Block) []*schema.Block {
	out := make([]*schema.Block, len(items))
	for i, it := range items {
		out[i] = block(it)
	}
	return out
}

func versionLine(s *schema.Server) string {
	v, ok := s.Version.Get()
	if !ok {
		v = "(version unknown)"
	}
	line := "Exchange " + v
	if u, ok := s.Update.Get(); ok {
		line += " " + u
	} else if bd, ok := s.Build.Get(); ok {
		line += " " + bd
	}
	return line
}

// roleNames are the short names architects give the server roles.
var roleNames = map[string]string{
	"mailbox": "Mailbox", "client_access": "CAS", "hub_transport": "Hub", "unified_messaging": "UM",
	"edge_transport": "Edge", "front_end": "front-end", "back_end": "back-end",
}

func rolesLine(roles *schema.StringList) string {
	var out []string
	for _, r := range roles.Values() {
		if n, ok := roleNames[r]; ok {
			out = append(out, n)
		} else {
			out = append(out, r)
		}
	}
	return strings.Join(out, ", ")
}

func windowsLine(os *schema.String) string {
	if v, ok := os.Get(); ok {
		return "Windows " + v
	}
	return ""
}

func portLine(p *schema.Int) string {
	if p == nil {
		return ""
	}
	return fmt.Sprintf("port %d", p.Value)
}

// onOff says what a boolean means, or nothing when it is unknown.
func onOff(v *schema.Bool, on, off string) string {
	switch {
	case v.IsTrue():
		return on
	case v.IsFalse():
		return off
	}
	return ""
}

// placeControllers puts each domain controller in its site (or the
// organization), alike ones grouped.
func (b *builder) placeControllers() {
	byPlace := map[*Cluster][]*schema.DomainController{}
	var places []*Cluster
	for _, dc := range b.top.DomainControllers {
		c := b.org
		if dc.Site.Resolved() {
			c = b.sites[dc.Site.Target]
		}
		if byPlace[c] == nil {
			places = append(places, c)
		}
		byPlace[c] = append(byPlace[c], dc)
	}
	for _, c := range places {
		key := func(dc *schema.DomainController) string {
			o, _ := dc.OS.Get()
			return strings.Join([]string{o, onOff(dc.GlobalCatalog, "GC", "-"), onOff(dc.ReadOnly, "RO", "-"),
				b.markOf(&dc.Block).level.String()}, "\x00")
		}
		for _, group := range groupBy(byPlace[c], key, b.opts.Expand) {
			dc := group[0]
			m, name := b.groupHead(blocksOf(group, func(dc *schema.DomainController) *schema.Block { return &dc.Block }), "domain controllers")
			kind := strings.Join(nonEmpty([]string{"domain controller", onOff(dc.GlobalCatalog, "global catalog", ""),
				onOff(dc.ReadOnly, "read-only", "")}), ", ")
			c.Nodes = append(c.Nodes, &Node{ID: b.id("n"), Shape: ShapeController, Count: len(group), Level: m.level, Counts: m.counts,
				Lines: nonEmpty([]string{name, kind, windowsLine(dc.OS), findingsLine(m.counts)})})
		}
	}
}

func (b *builder) connectorNode(c *schema.Connector) *Node {
	tls := ""
	if v, ok := c.TLSAuth.Get(); ok {
		tls = "TLS " + v
	}
	what := "Send connector"
	if c.Direction() == "receive" {
		what = "Receive connector"
	}
	return b.node(ShapeConnector, &c.Block, c.Name(), what, list(c.AddressSpaces.Values(), 2), tls,
		onOff(c.CloudServicesMail, "hybrid mail", ""))
}

func (b *builder) certificateNode(c *schema.Certificate) *Node {
	issuer, _ := c.Issuer.Get()
	expires := ""
	if v, ok := c.Expires.Get(); ok {
		expires = "expires " + v
	}
	return b.node(ShapeCertificate, &c.Block, c.Name(), strings.ReplaceAll(issuer, "_", " "), expires)
}

// legend explains the colours, the lines and the findings that are on
// nothing drawn.
func (b *builder) legend() {
	label := b.d.Title
	if label == "" {
		label = "Legend"
	}
	c := &Cluster{ID: b.id("c"), Label: label, Legend: true}
	levels := Levels
	if b.d.NotChecked != "" {
		// Nothing is green where nothing was judged.
		levels = []Level{Unchecked, Info, Warning, Error}
	}
	for _, l := range levels {
		c.Nodes = append(c.Nodes, &Node{ID: b.id("n"), Shape: ShapeSwatch, Level: l, Lines: []string{l.Caption()}, Count: 1})
	}
	u := b.unplaced()
	b.d.Unplaced, b.d.UnplacedWorst = u.counts, u.level
	total := findingsLine(b.d.Findings)
	var notes []string
	switch {
	case b.d.NotChecked != "":
		// The findings of a state the rules did not run on are those that
		// stopped them, if any: say so, never "no findings".
		notes = append(notes, "not checked: the rules did not run", "("+b.d.NotChecked+")")
		if total != "" {
			notes = append(notes, "findings: "+total)
		}
	case total == "":
		notes = append(notes, "findings: no findings")
	default:
		notes = append(notes, "findings: "+total)
	}
	c.Nodes = append(c.Nodes, &Node{ID: b.id("n"), Shape: ShapeNote, Count: 1,
		Lines: append(notes, "solid arrows: mail", "dashed: sync, hybrid, migration", "dotted: certificate, witness")})
	if u := findingsLine(b.d.Unplaced); u != "" {
		c.Nodes = append(c.Nodes, &Node{ID: b.id("n"), Shape: ShapeSwatch, Count: 1, Level: b.d.UnplacedWorst, Counts: b.d.Unplaced,
			Lines: []string{"not on the diagram: " + u, "(run exlint check)"}})
	}
	b.d.Root.Clusters = append(b.d.Root.Clusters, c)
}
