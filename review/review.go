// Package review is exlint report: a design review of one topology (or
// plan) for a change board, as one self-contained HTML file or as Markdown
// for a pull request or a wiki. It gathers what the other commands know:
// the organization at a glance (versions, sites, DAGs, hybrid), the
// lifecycle of what runs (from the catalogue), the diagram (package graph),
// the findings of exlint check grouped by severity and by the area of the
// rule index, and for a plan its stages (package timeline). It knows no
// rule: it reads the findings, the rule index's areas and the catalogue.
package review

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/exlint/exlint/docs"
	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
	"github.com/exlint/exlint/timeline"
)

// Bounds on what the review shows of the input, so that its size stays in
// proportion to what a reader can take in, whatever the input holds.
const (
	// maxName is the longest name shown, in characters.
	maxName = 80
	// maxNames is the most names a list shows (DAG members, hybrid
	// servers), followed by how many more there are.
	maxNames = 16
)

// Input is what a review is made of.
type Input struct {
	// Path is the topology's directory as the user named it.
	Path string
	// Tool names the exlint that made the review ("exlint v1.2.0").
	Tool    string
	Catalog *catalog.Catalog
	Plan    *schema.Plan
	// Findings are exlint check's for the topology (runner.CheckFiles),
	// and Timeline the plan's states and verdicts made from them
	// (timeline.Build); the review lists at most MaxListed findings.
	Findings []lint.Finding
	// Unknowns are what the rules could not judge for lack of an attribute
	// (runner.CheckFilesCoverage), sorted by place; the review lists at
	// most MaxListed attributes.
	Unknowns  []lint.Unknown
	Timeline  *timeline.Timeline
	MaxListed int
	FailOn    lint.Severity
	// Diagrams are the states drawn: the current one, and a plan's last.
	Diagrams []Diagram
}

// Diagram is a state of the topology drawn. The caption of a state the
// rules did not run on says so (graph.Diagram.NotChecked).
type Diagram struct {
	Caption string
	Diagram *graph.Diagram
}

// anyStateNotChecked reports whether the rules did not run on a state of
// the plan, whose servers' bars may be grey.
func (r *Review) anyStateNotChecked() bool {
	for _, s := range r.States {
		if s.VerdictNote != "" || s.Verdict == timeline.NotChecked {
			return true
		}
	}
	return false
}

// anyNotChecked reports whether a diagram draws a state the rules did not
// run on, whose things are grey.
func anyNotChecked(ds []Diagram) bool {
	for _, d := range ds {
		if d.Diagram.NotChecked != "" {
			return true
		}
	}
	return false
}

// Review is the design review.
type Review struct {
	Organization string
	Path, Tool   string
	AsOf         catalog.Date
	Horizon      catalog.Date
	FailOn       lint.Severity
	Counts       lint.Counts
	Verdict      timeline.Verdict
	Glance       Glance
	Lifecycle    []Life
	Diagrams     []Diagram
	// Severities groups the findings listed, the worst severity first.
	Severities []SeverityGroup
	// Unlisted counts the findings left out (Input.MaxListed).
	Unlisted int
	// Questions are the attributes the topology leaves out that rules
	// needed, in the order of their place in the files; QuestionsUnlisted
	// counts those left out (Input.MaxListed).
	Questions         []Question
	QuestionsUnlisted int
	// States are the plan's states, and Gantt the chart of its servers'
	// lives (timeline.Gantt); both empty for a topology without stages.
	States []State
	Gantt  *graph.Gantt
}

// State is a state of a plan as the review shows it.
type State struct {
	Name string
	// When is the stage's date as written, or the run's date for the
	// current state; JudgedOn is set when the state is judged on a later
	// date (the run's).
	When, JudgedOn string
	Description    string
	// Changes are the stage's operations: "add server \"EX16-01\"
	// (version, update)".
	Changes  []string
	Servers  string
	Findings string
	Verdict  timeline.Verdict
	// VerdictNote is "not checked" when the rules did not run on the state
	// and its verdict does not say so (a finding of its stage fails it), as
	// exlint plan says both; else "".
	VerdictNote string
}

// SeverityGroup is the findings of one severity, by area.
type SeverityGroup struct {
	Severity lint.Severity
	Areas    []AreaGroup
	Count    int
}

// AreaGroup is the findings of one area of the rule index.
type AreaGroup struct {
	Area     string
	Findings []Finding
}

// Finding is a finding as the review shows it.
type Finding struct {
	Rule, DocURL string
	// Problem is what is wrong and Fix what to do, the message cut at its
	// first ": " (messages say the problem, then the fix); Fix is empty
	// when the message has no such part.
	Problem, Fix string
	// Location is file:line:column.
	Location string
	// State says, of a plan's finding, where it is and how long it lasts.
	State   string
	Planned bool
}

// Question is an attribute the topology does not state, which rules needed
// to judge something: stating it answers them.
type Question struct {
	// Attribute is its address ("server.EX01.os"), and Location where it
	// would be written (the block's file:line:column).
	Attribute, Location string
	// For lists the things judged for lack of it, when they are not the
	// block it belongs to ("adfs.farm"), and State the plan's state it is
	// missing from first, when not the current one.
	For, State string
	// Rules are the rules that needed it, with their pages.
	Rules []RuleLink
}

// RuleLink is a rule and its page.
type RuleLink struct{ Rule, DocURL string }

// Glance is the organization at a glance: the current state's servers,
// sites, DAGs and its connection to Exchange Online.
type Glance struct {
	Servers, DomainControllers int
	Versions                   []VersionCount
	Sites                      []SiteCount
	DAGs                       []DAGSummary
	Hybrid                     string // the hybrid topology and servers, or ""
	Tenants                    string
	Domains                    int
	DirectorySync              string
	Migration                  string
}

// VersionCount is how many servers run an Exchange version, and on which
// updates.
type VersionCount struct {
	Version string
	Servers int
	Updates string // "CU23 ×2, CU22"
}

// SiteCount is what a site holds.
type SiteCount struct {
	Name                       string
	Servers, DomainControllers int
}

// DAGSummary is a DAG, its members and witness.
type DAGSummary struct {
	Name, Members, Witness string
}

// Build makes the review.
func Build(in Input) *Review {
	t := in.Timeline
	r := &Review{Organization: name(t.Organization), Path: words.ClipEnd(in.Path, 4*maxName), Tool: in.Tool, AsOf: t.AsOf,
		Horizon: in.Catalog.Horizon(), FailOn: in.FailOn, Counts: t.Counts, Verdict: t.Verdict}
	for _, d := range in.Diagrams {
		d.Caption = words.ClipEnd(d.Caption, 2*maxName)
		r.Diagrams = append(r.Diagrams, d)
	}
	r.Glance = glance(in.Plan.Current, in.Catalog)
	r.Lifecycle = lifecycle(in.Plan, in.Catalog, t.AsOf)
	r.Severities, r.Unlisted = group(in.Findings, in.MaxListed, newSplitter(in.Plan))
	r.Questions, r.QuestionsUnlisted = questions(in.Unknowns, in.MaxListed, in.Plan)
	if len(in.Plan.States) > 1 {
		r.Gantt = timeline.Gantt(t)
		for _, st := range t.States {
			r.States = append(r.States, state(st))
		}
	}
	return r
}

// state shows a state of the plan: its date, changes, servers by version,
// the findings present in it and its verdict.
func state(st *timeline.State) State {
	s := State{Name: name(st.Name), When: st.Date, Description: words.ClipEnd(st.Description, 400), Verdict: st.Verdict}
	if !st.Checked && st.Verdict != timeline.NotChecked {
		s.VerdictNote = string(timeline.NotChecked)
	}
	if st.Date == "" {
		s.When = "as of " + st.JudgedOn.String()
	} else if st.JudgedOn != st.Start {
		s.JudgedOn = st.JudgedOn.String()
	}
	for i, c := range st.Changes {
		if i == maxNames*4 {
			s.Changes = append(s.Changes, itoa(len(st.Changes)-i)+" more")
			break
		}
		line := string(c.Kind) + " " + name(c.Block)
		if len(c.Attributes) > 0 {
			line += " (" + names(c.Attributes) + ")"
		}
		if c.Skipped {
			line += ", skipped"
		}
		s.Changes = append(s.Changes, line)
	}
	var vs []string
	for _, v := range st.Versions {
		vs = append(vs, v.Version.ShortName()+" ×"+itoa(v.Servers))
	}
	s.Servers = strings.Join(vs, ", ")
	if s.Servers == "" {
		s.Servers = "none"
	}
	s.Findings = st.Counts.Summary()
	if st.Counts.Total() == 0 {
		s.Findings = "none"
	}
	return s
}

// group sorts the findings, the first max of them (0: all), by severity
// (worst first) and by area in the rule index's order, each area's in the
// order exlint check reports them.
func group(fs []lint.Finding, limit int, split *splitter) ([]SeverityGroup, int) {
	unlisted := 0
	if limit > 0 && len(fs) > limit {
		// The worst are listed: errors first, in check's order within a
		// severity.
		fs = slices.Clone(fs)
		slices.SortStableFunc(fs, func(a, b lint.Finding) int { return cmp.Compare(b.Severity, a.Severity) })
		unlisted = len(fs) - limit
		fs = fs[:limit]
	}
	areas := docs.Areas()
	type key struct {
		sev  lint.Severity
		area int
	}
	byKey := map[key][]Finding{}
	for _, f := range fs {
		area, ok := docs.AreaOf(f.Rule)
		if !ok {
			area = len(areas) // not in the index: last
		}
		k := key{f.Severity, area}
		byKey[k] = append(byKey[k], shown(f, split))
	}
	var out []SeverityGroup
	for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		g := SeverityGroup{Severity: sev}
		for i := 0; i <= len(areas); i++ {
			list := byKey[key{sev, i}]
			if len(list) == 0 {
				continue
			}
			name := "Other"
			if i < len(areas) {
				name = areas[i].Name
			}
			g.Areas = append(g.Areas, AreaGroup{Area: name, Findings: list})
			g.Count += len(list)
		}
		if g.Count > 0 {
			out = append(out, g)
		}
	}
	return out, unlisted
}

// questions gathers the unknowns by attribute, each with the rules that
// needed it, in the order of their first place; the first limit of them
// (0: all).
func questions(us []lint.Unknown, limit int, plan *schema.Plan) ([]Question, int) {
	// A plan's states in order: a question names the first it is open in.
	order := map[string]int{}
	if plan != nil {
		for i, st := range plan.States {
			order[st.Name] = i
		}
	}
	rank := func(st lint.State) int {
		if st.IsZero() || st.Name == lint.CurrentState {
			return 0
		}
		return order[st.Name]
	}
	var out []Question
	var fors [][]string // the things judged, by question
	var first []int     // the first state it is open in, by question
	at := map[string]int{}
	for _, u := range us {
		i, ok := at[u.Attribute]
		if !ok {
			i = len(out)
			at[u.Attribute] = i
			q := Question{Attribute: name(u.Attribute)}
			if u.Range.Filename != "" {
				q.Location = u.Range.Filename + ":" + itoa(u.Range.Start.Line) + ":" + itoa(u.Range.Start.Column)
			}
			out = append(out, q)
			fors = append(fors, nil)
			first = append(first, -1)
		}
		if r := rank(u.State); first[i] < 0 || r < first[i] {
			first[i] = r
			out[i].State = ""
			if r > 0 {
				out[i].State = u.State.Describe()
			}
		}
		if u.What != "" && !strings.HasPrefix(u.Attribute, u.What+".") && !slices.Contains(fors[i], u.What) {
			fors[i] = append(fors[i], u.What)
		}
		if q := &out[i]; !slices.ContainsFunc(q.Rules, func(l RuleLink) bool { return l.Rule == u.Rule }) {
			q.Rules = append(q.Rules, link(u.Rule))
		}
	}
	for i := range out {
		out[i].For = names(fors[i])
	}
	if limit > 0 && len(out) > limit {
		return out[:limit], len(out) - limit
	}
	return out, 0
}

// link is a rule with its page, when its name is an ID.
func link(rule string) RuleLink {
	l := RuleLink{Rule: rule}
	if isRuleID(rule) {
		l.DocURL = lint.DocsBaseURL + rule + ".md"
	}
	return l
}

func shown(f lint.Finding, split *splitter) Finding {
	problem, fix := split.split(f.Message)
	out := Finding{Rule: f.Rule, Problem: problem, Fix: fix, State: f.StateNote(), Planned: f.Planned}
	if isRuleID(f.Rule) {
		out.DocURL = lint.DocsBaseURL + f.Rule + ".md"
	}
	if f.Range.Filename != "" {
		out.Location = f.Range.Filename + ":" + itoa(f.Range.Start.Line) + ":" + itoa(f.Range.Start.Column)
	}
	return out
}

// splitter cuts a message into what is wrong and the fix: messages say the
// problem, then ": " and the fix, and may say ": " inside parentheses
// ("(sources disagree: see the rule page)") or in the names they give.
type splitter struct {
	// names are the names of the plan's blocks that hold ": ".
	names []string
}

func newSplitter(plan *schema.Plan) *splitter {
	sp := &splitter{}
	seen := map[string]bool{}
	add := func(n string) {
		if strings.Contains(n, ": ") && !seen[n] {
			seen[n] = true
			sp.names = append(sp.names, n)
		}
	}
	if plan == nil {
		return sp
	}
	for _, st := range plan.States {
		t := st.Topology
		if t == nil {
			continue
		}
		if t.Organization != nil {
			add(t.Organization.Name())
		}
		eachName(add, t.Sites)
		eachName(add, t.DomainControllers)
		eachName(add, t.Servers)
		eachName(add, t.DAGs)
		eachName(add, t.Domains)
		eachName(add, t.Certificates)
		eachName(add, t.Namespaces)
		eachName(add, t.Connectors)
		eachName(add, t.Tenants)
		eachName(add, t.ADFS)
	}
	// Longer names first, so that one holding another is masked whole; at
	// most maxMasked of them, so that the work stays in proportion to the
	// findings whatever the names (past them, a message may be cut inside
	// a name: it shows, whole, in two parts).
	slices.SortStableFunc(sp.names, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	sp.names = sp.names[:min(len(sp.names), maxMasked)]
	return sp
}

// maxMasked is the most names holding ": " that splitter masks.
const maxMasked = 32

// eachName gives add the name of each block.
func eachName[T interface{ Name() string }](add func(string), blocks []T) {
	for _, b := range blocks {
		add(b.Name())
	}
}

// split cuts msg at its last ": " outside parentheses and outside the
// names: the problem before it, the fix after it ("" when there is none).
func (sp *splitter) split(msg string) (problem, fix string) {
	if !strings.Contains(msg, ": ") {
		return msg, ""
	}
	masked := []byte(msg)
	for _, n := range sp.names {
		for from := 0; ; {
			i := bytes.Index(masked[from:], []byte(n))
			if i < 0 {
				break
			}
			for k := from + i; k < from+i+len(n); k++ {
				masked[k] = 0
			}
			from += i + len(n)
		}
	}
	cut, depth := -1, 0
	for i := 0; i+1 < len(masked); i++ {
		switch masked[i] {
		case '(':
			depth++
		case ')':
			depth = max(0, depth-1)
		case ':':
			if depth == 0 && masked[i+1] == ' ' {
				cut = i
			}
		}
	}
	if cut < 0 {
		return msg, ""
	}
	return msg[:cut], msg[cut+2:]
}

// isRuleID reports whether a rule's name is an ID (lower-case letters,
// digits and hyphens), which a link may hold.
func isRuleID(s string) bool {
	return s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// name clips a name from the topology to what the review shows.
func name(s string) string { return words.ClipEnd(s, maxName) }

// names lists names, clipped, at most maxNames of them.
func names(ns []string) string {
	out := make([]string, 0, min(len(ns), maxNames))
	for _, n := range ns[:min(len(ns), maxNames)] {
		out = append(out, name(n))
	}
	if len(ns) > maxNames {
		out = append(out, itoa(len(ns)-maxNames)+" more")
	}
	return strings.Join(out, ", ")
}

// glance summarises a state's topology.
func glance(top *schema.Topology, cat *catalog.Catalog) Glance {
	g := Glance{Servers: len(top.Servers), DomainControllers: len(top.DomainControllers), Domains: len(top.Domains)}
	type counts struct {
		n       int
		updates map[string]int
		order   []string
	}
	byVersion := map[string]*counts{}
	siteOf := map[*schema.Site]*SiteCount{}
	for _, s := range top.Sites {
		siteOf[s] = &SiteCount{Name: name(s.Name())}
	}
	for _, s := range top.Servers {
		v, _ := s.Version.Get()
		c := byVersion[v]
		if c == nil {
			c = &counts{updates: map[string]int{}}
			byVersion[v] = c
		}
		c.n++
		u, ok := s.Update.Get()
		if !ok {
			u, _ = s.Build.Get()
		}
		if u != "" {
			if c.updates[u] == 0 {
				c.order = append(c.order, u)
			}
			c.updates[u]++
		}
		if s.Site.Resolved() {
			siteOf[s.Site.Target].Servers++
		}
	}
	for _, dc := range top.DomainControllers {
		if dc.Site.Resolved() {
			siteOf[dc.Site.Target].DomainControllers++
		}
	}
	// Versions oldest first, as the catalogue orders them; unknown ones last.
	ids := make([]string, 0, len(byVersion))
	for id := range byVersion {
		ids = append(ids, id)
	}
	rank := func(id string) int {
		if v := cat.Version(id); v != nil {
			return v.Rank
		}
		return 1 << 30
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a, b)) })
	for _, id := range ids {
		c := byVersion[id]
		label := "Exchange " + name(id)
		if id == "" {
			label = "Exchange version not stated"
		}
		if v := cat.Version(id); v != nil {
			label = v.Name
		}
		var ups []string
		for _, u := range c.order[:min(len(c.order), maxNames)] {
			if n := c.updates[u]; n > 1 {
				ups = append(ups, name(u)+" ×"+itoa(n))
			} else {
				ups = append(ups, name(u))
			}
		}
		if len(c.order) > maxNames {
			ups = append(ups, itoa(len(c.order)-maxNames)+" more")
		}
		g.Versions = append(g.Versions, VersionCount{Version: label, Servers: c.n, Updates: strings.Join(ups, ", ")})
	}
	for _, s := range top.Sites {
		g.Sites = append(g.Sites, *siteOf[s])
	}
	for _, d := range top.DAGs {
		var members []string
		for _, s := range d.Members.Targets() {
			members = append(members, s.Name())
		}
		w, _ := d.Witness.Get()
		g.DAGs = append(g.DAGs, DAGSummary{Name: name(d.Name()), Members: names(members), Witness: name(w)})
	}
	var tenants []string
	for _, t := range top.Tenants {
		tenants = append(tenants, t.Name())
	}
	g.Tenants = names(tenants)
	if h := top.Hybrid; h != nil {
		mode, _ := h.Topology.Get()
		var servers []string
		for _, s := range h.Servers.Targets() {
			servers = append(servers, s.Name())
		}
		parts := []string{}
		if mode != "" {
			parts = append(parts, strings.ReplaceAll(mode, "_", " "))
		} else {
			parts = append(parts, "configured")
		}
		if len(servers) > 0 {
			parts = append(parts, "through "+names(servers))
		}
		g.Hybrid = strings.Join(parts, ", ")
	}
	if ds := top.DirectorySync; ds != nil {
		tool, _ := ds.Tool.Get()
		signIn, _ := ds.SignIn.Get()
		parts := []string{}
		for _, p := range []string{tool, signIn} {
			if p != "" {
				parts = append(parts, strings.ReplaceAll(p, "_", " "))
			}
		}
		if ds.Enabled.IsFalse() {
			parts = append(parts, "turned off")
		}
		g.DirectorySync = strings.Join(parts, ", ")
		if g.DirectorySync == "" {
			g.DirectorySync = "configured"
		}
	}
	if m := top.Migration; m != nil {
		method, _ := m.Method.Get()
		parts := []string{}
		if method != "" {
			parts = append(parts, strings.ReplaceAll(method, "_", " "))
		}
		if m.Mailboxes != nil {
			parts = append(parts, words.Thousands(m.Mailboxes.Value)+" "+words.Pick(m.Mailboxes.Value, "mailbox", "mailboxes"))
		}
		if m.Complete.IsTrue() {
			parts = append(parts, "complete")
		}
		g.Migration = strings.Join(parts, ", ")
		if g.Migration == "" {
			g.Migration = "planned"
		}
	}
	return g
}
