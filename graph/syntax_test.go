package graph

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

// hostileNames are names a topology may hold that would break a diagram's
// syntax, or do something, if written as they are.
var hostileNames = []string{
	`EX01`,
	`"]; click n1 call alert(1); n2["`,
	`x" -> "y`,
	`a\nb\"c\\`,
	"line\nbreak\r\n}",
	`%%{init: {"theme": "dark"}}%%`,
	`<script>alert(1)</script><br/>`,
	`&amp; &#35; &lt; #35; #quot;`,
	"noncharacters \uFFFE \uFFFF",
	"##vso[task.setvariable variable=x]1 ##[group]",
	"\x1b[31mred\x1b[0m \u202eexe.txt \u200b",
	"\xff\xfe not UTF-8",
	"end", "subgraph", "graph", "digraph", "node", "edge", "style", "classDef", "click",
	"`code` *bold* _it_ |pipe| [x] {y} (z) ; -- --> -.- ==> o x",
	"Zürich 東京 Αθήνα עברית",
	strings.Repeat("long name ", 20),
	"",
}

// hostileTopology is a topology whose every name is name.
func hostileTopology(name string) *schema.Topology {
	blk := func(typ string, labels ...string) schema.Block { return schema.Block{Type: typ, Labels: labels} }
	site := &schema.Site{Block: blk("site", name)}
	server := &schema.Server{Block: blk("server", name), Site: &schema.Ref[*schema.Site]{Target: site},
		Version: &schema.String{Value: name}, Update: &schema.String{Value: name},
		Roles: &schema.StringList{Items: []*schema.String{{Value: name}}}, OS: &schema.String{Value: name}}
	edge := &schema.Server{Block: blk("server", name+" edge"), Roles: &schema.StringList{Items: []*schema.String{{Value: "edge_transport"}}}}
	tenant := &schema.Tenant{Block: blk("tenant", name), Plan: &schema.String{Value: name}}
	cert := &schema.Certificate{Block: blk("certificate", name), Issuer: &schema.String{Value: name}, Expires: &schema.String{Value: name}}
	return &schema.Topology{
		Organization: &schema.Organization{Block: blk("organization", name), ForestFunctionalLevel: &schema.String{Value: name}},
		Sites:        []*schema.Site{site},
		DomainControllers: []*schema.DomainController{{Block: blk("domain_controller", name),
			Site: &schema.Ref[*schema.Site]{Target: site}, OS: &schema.String{Value: name}}},
		Servers:      []*schema.Server{server, edge},
		DAGs:         []*schema.DAG{{Block: blk("dag", name), Members: &schema.RefList[*schema.Server]{Items: []*schema.Ref[*schema.Server]{{Target: server}}}, Witness: &schema.String{Value: name}}},
		Domains:      []*schema.Domain{{Block: blk("domain", name), MX: &schema.String{Value: "on_premises"}, Accepted: &schema.String{Value: name}}},
		Certificates: []*schema.Certificate{cert},
		Namespaces: []*schema.Namespace{{Block: blk("namespace", name), Services: &schema.StringList{Items: []*schema.String{{Value: name}}},
			Certificate: &schema.Ref[*schema.Certificate]{Target: cert}}},
		Connectors: []*schema.Connector{{Block: blk("connector", "send", name),
			Servers:       &schema.RefList[*schema.Server]{Items: []*schema.Ref[*schema.Server]{{Target: server}}},
			AddressSpaces: &schema.StringList{Items: []*schema.String{{Value: name}}}, TLSAuth: &schema.String{Value: name}}},
		Tenants:       []*schema.Tenant{tenant},
		DirectorySync: &schema.DirectorySync{Block: blk("directory_sync"), Tool: &schema.String{Value: name}},
		ADFS:          []*schema.ADFS{{Block: blk("adfs", name)}},
		Hybrid: &schema.Hybrid{Block: blk("hybrid"), Topology: &schema.String{Value: name},
			Tenants: &schema.RefList[*schema.Tenant]{Items: []*schema.Ref[*schema.Tenant]{{Target: tenant}}}},
		Migration:       &schema.Migration{Block: blk("migration"), Method: &schema.String{Value: name}},
		OutlookAnywhere: &schema.OutlookAnywhere{Block: blk("outlook_anywhere"), ExternalHost: &schema.String{Value: name}},
		Clients:         &schema.Clients{Block: blk("clients"), Outlook: &schema.StringList{Items: []*schema.String{{Value: name}}}},
	}
}

// hostileDiagram draws hostileTopology(name) with a finding on its server,
// a title and an edge label holding the name too.
func hostileDiagram(name string) *Diagram {
	top := hostileTopology(name)
	fs := []lint.Finding{{Severity: lint.Error, Address: top.Servers[0].Address() + ".os"}}
	d := Build(top, fs, Options{Title: name})
	d.Edges = append(d.Edges, &Edge{From: d.Edges[0].From, To: d.Edges[0].To, Label: name})
	return d
}

// wantLabels returns every label d should show, as lines made visible:
// node labels by ID, cluster labels by ID, and edge labels in order.
func wantLabels(d *Diagram) (map[string][]string, []string) {
	ix := d.index()
	labels := map[string][]string{}
	for id, n := range ix.nodes {
		labels[id] = []string{}
		for _, l := range n.Lines {
			labels[id] = append(labels[id], visible(l))
		}
	}
	for id, c := range ix.clusters {
		labels[id] = []string{visible(c.Label)}
		if f := findingsLine(c.Counts); f != "" {
			labels[id] = append(labels[id], f)
		}
	}
	var edges []string
	for _, e := range d.Edges {
		edges = append(edges, visible(e.Label))
	}
	return labels, edges
}

// dotStatements reads the DOT exlint writes with a tokenizer of the DOT
// language: quoted strings (with \" escapes), identifiers, punctuation and
// // comments. It returns the label of every node and cluster by ID, the
// edges' labels in order, and an error for anything outside the grammar.
func dotStatements(src string) (map[string][]string, []string, error) {
	var toks []string
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t':
			i++
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
				if j < len(src) && src[j] == '\n' {
					return nil, nil, fmt.Errorf("a newline inside a string at %d", j)
				}
			}
			if j >= len(src) {
				return nil, nil, fmt.Errorf("unterminated string at %d", i)
			}
			toks = append(toks, src[i:j+1])
			i = j + 1
		case strings.HasPrefix(src[i:], "->"):
			toks = append(toks, "->")
			i += 2
		case strings.ContainsRune("{}[]=;,", rune(c)):
			toks = append(toks, string(c))
			i++
		case c == '_' || c == '.' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
			j := i
			for j < len(src) && (src[j] == '_' || src[j] == '.' || 'a' <= src[j] && src[j] <= 'z' || 'A' <= src[j] && src[j] <= 'Z' || '0' <= src[j] && src[j] <= '9') {
				j++
			}
			toks = append(toks, src[i:j])
			i = j
		default:
			return nil, nil, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	labels := map[string][]string{}
	var edgeLabels []string
	var stack []string // the clusters open
	expect := func(i int, tok string) error {
		if i >= len(toks) || toks[i] != tok {
			return fmt.Errorf("token %d: want %q", i, tok)
		}
		return nil
	}
	// attrs reads [k=v, ...] from toks[i] and returns the label and the
	// index after the list.
	attrs := func(i int) (string, int, error) {
		label := ""
		if err := expect(i, "["); err != nil {
			return "", 0, err
		}
		i++
		for i < len(toks) && toks[i] != "]" {
			if i+2 >= len(toks) || toks[i+1] != "=" {
				return "", 0, fmt.Errorf("bad attribute at token %d", i)
			}
			if toks[i] == "label" {
				label = toks[i+2]
			}
			i += 3
			if toks[i] == "," {
				i++
			}
		}
		return label, i + 1, expect(i, "]")
	}
	if err := expect(0, "digraph"); err != nil {
		return nil, nil, err
	}
	if err := expect(2, "{"); err != nil {
		return nil, nil, err
	}
	i := 3
	for i < len(toks) {
		switch {
		case toks[i] == "}":
			if len(stack) == 0 {
				if i != len(toks)-1 {
					return nil, nil, fmt.Errorf("tokens after the graph")
				}
				return labels, edgeLabels, nil
			}
			stack = stack[:len(stack)-1]
			i++
		case toks[i] == "graph" || toks[i] == "node" || toks[i] == "edge":
			_, next, err := attrs(i + 1)
			if err != nil {
				return nil, nil, err
			}
			i = next + 1
		case toks[i] == "subgraph":
			if err := expect(i+2, "{"); err != nil {
				return nil, nil, err
			}
			stack = append(stack, strings.TrimPrefix(unquoteDOT(toks[i+1]), "cluster_"))
			i += 3
		case i+1 < len(toks) && toks[i+1] == "=":
			if toks[i] == "label" && len(stack) > 0 {
				labels[stack[len(stack)-1]] = splitDOTLabel(toks[i+2])
			}
			i += 4
		case i+1 < len(toks) && toks[i+1] == "->":
			i += 3
			label := ""
			if toks[i] == "[" {
				var err error
				label, i, err = attrs(i)
				if err != nil {
					return nil, nil, err
				}
			}
			edgeLabels = append(edgeLabels, strings.Join(splitDOTLabel(label), "\n"))
			i++
		default:
			id := unquoteDOT(toks[i])
			label, next, err := attrs(i + 1)
			if err != nil {
				return nil, nil, err
			}
			labels[id] = splitDOTLabel(label)
			i = next + 1
		}
		if i > 0 && i <= len(toks) && toks[i-1] != ";" && toks[i-1] != "{" && toks[i-1] != "}" {
			return nil, nil, fmt.Errorf("statement before token %d does not end with ;", i)
		}
	}
	return nil, nil, fmt.Errorf("the graph is not closed")
}

// unquoteDOT undoes DOT's quoting: \" is a quote; other backslashes stay.
func unquoteDOT(s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
}

// splitDOTLabel reads a label as Graphviz does: \n ends a line, \\ is a
// backslash, and HTML entities are characters. Any other escape or entity
// would be Graphviz's, not the text's, and is kept to fail the comparison.
func splitDOTLabel(quoted string) []string {
	if quoted == "" {
		return nil
	}
	s := unquoteDOT(quoted)
	var lines []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == 'n':
			lines = append(lines, b.String())
			b.Reset()
			i++
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '\\':
			b.WriteByte('\\')
			i++
		case s[i] == '\\':
			b.WriteString("<stray backslash>")
		case s[i] == '&':
			end := strings.IndexByte(s[i:], ';')
			ent := s[i : i+end+1]
			switch {
			case ent == "&amp;":
				b.WriteByte('&')
			case strings.HasPrefix(ent, "&#"):
				n, _ := strconv.Atoi(ent[2 : len(ent)-1])
				b.WriteRune(rune(n))
			default:
				b.WriteString("<entity " + ent + ">")
			}
			i += end
		default:
			b.WriteByte(s[i])
		}
	}
	return append(lines, b.String())
}

// The DOT of a diagram full of hostile names reads back, with a DOT
// tokenizer, as exactly the diagram's nodes, clusters and edges, each label
// as the text it should show.
func TestDOTEscaping(t *testing.T) {
	for _, name := range hostileNames {
		checkDOT(t, hostileDiagram(name))
	}
}

func checkDOT(t *testing.T, d *Diagram) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteDOT(&buf, d); err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(buf.Bytes()) || strings.Contains(buf.String(), "##") || strings.ContainsAny(buf.String(), "\x1b\r\u202e") {
		t.Fatalf("DOT holds bytes a terminal or CI log would act on:\n%s", buf.String())
	}
	labels, edges, err := dotStatements(buf.String())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	wantL, wantE := wantLabels(d)
	compareLabels(t, "DOT", labels, edges, wantL, wantE)
}

func compareLabels(t *testing.T, syntax string, labels map[string][]string, edges []string, wantL map[string][]string, wantE []string) {
	t.Helper()
	if len(labels) != len(wantL) {
		t.Errorf("%s: %d labelled nodes and clusters, want %d", syntax, len(labels), len(wantL))
	}
	for id, want := range wantL {
		if got := labels[id]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: %s is labelled %q, want %q", syntax, id, got, want)
		}
	}
	if strings.Join(edges, "\x00") != strings.Join(wantE, "\x00") {
		t.Errorf("%s: edge labels %q, want %q", syntax, edges, wantE)
	}
}

// mermaidLine is every line WriteMermaid may write; a label is a quoted
// string of plain characters, entity codes and line breaks.
var (
	mermaidText   = `"(?:[\p{L}\p{N} .,\-_:/()']|#[0-9]+;|<br/>)*"`
	mermaidShape  = `(?:\[|\[\[|\[\(|\(\(|\[/|\[\\|\(|>|\(\[|\{\{)` + mermaidText + `(?:\]|\]\]|\)\]|\)\)|/\]|\\\]|\)|\]\)|\}\})`
	mermaidLineRe = regexp.MustCompile(`^(?:` +
		`%% Drawn by exlint graph\.` +
		`|flowchart LR` +
		`|\s*n[0-9]+` + mermaidShape +
		`|\s*subgraph c[0-9]+\[` + mermaidText + `\]` +
		`|\s*end` +
		`|  [nc][0-9]+ (?:-->|-\.->|-\.-|<-->|<-\.->)(?:\|` + mermaidText + `\|)? [nc][0-9]+` +
		`|  classDef [a-z]+ [a-z0-9#:,\-]+` +
		`|  class [nc0-9,]+ [a-z]+` +
		`|  style c[0-9]+ [a-z0-9#:,\-]+` +
		`|  linkStyle [0-9,]+ stroke-dasharray:2 3` +
		`)$`)
	mermaidNodeRe  = regexp.MustCompile(`^\s*(n[0-9]+)[\[\(>{/\\]+("[^"]*")`)
	mermaidClustRe = regexp.MustCompile(`^\s*subgraph (c[0-9]+)\[("[^"]*")\]$`)
	mermaidEdgeRe  = regexp.MustCompile(`^  [nc][0-9]+ \S+?(?:\|("[^"]*")\|)? [nc][0-9]+$`)
	mermaidEntity  = regexp.MustCompile(`#([0-9]+);`)
)

// mermaidLines reads a quoted Mermaid label back into its lines.
func mermaidLines(quoted string) []string {
	lines := strings.Split(quoted[1:len(quoted)-1], "<br/>")
	for i, l := range lines {
		lines[i] = mermaidEntity.ReplaceAllStringFunc(l, func(e string) string {
			n, _ := strconv.Atoi(e[1 : len(e)-1])
			return string(rune(n))
		})
	}
	return lines
}

// The Mermaid of a diagram full of hostile names holds only lines of the
// grammar exlint writes, whose labels read back as the text they should
// show. (tests/mermaid checks the same diagrams with Mermaid's own parser.)
func TestMermaidEscaping(t *testing.T) {
	for _, name := range hostileNames {
		checkMermaid(t, hostileDiagram(name))
	}
}

func checkMermaid(t *testing.T, d *Diagram) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMermaid(&buf, d); err != nil {
		t.Fatal(err)
	}
	labels := map[string][]string{}
	var edges []string
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if !mermaidLineRe.MatchString(line) {
			t.Fatalf("line outside the grammar: %q", line)
		}
		if m := mermaidNodeRe.FindStringSubmatch(line); m != nil {
			labels[m[1]] = mermaidLines(m[2])
		} else if m := mermaidClustRe.FindStringSubmatch(line); m != nil {
			labels[m[1]] = mermaidLines(m[2])
		} else if m := mermaidEdgeRe.FindStringSubmatch(line); m != nil {
			label := ""
			if m[1] != "" {
				label = strings.Join(mermaidLines(m[1]), "\n")
			}
			edges = append(edges, label)
		}
	}
	wantL, wantE := wantLabels(d)
	compareLabels(t, "Mermaid", labels, edges, wantL, wantE)
}

// FuzzWriters draws a topology whose every name is the input and checks
// that both outputs read back as the diagram, whatever the name holds.
func FuzzWriters(f *testing.F) {
	for _, n := range hostileNames {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, name string) {
		d := hostileDiagram(name)
		checkDOT(t, d)
		checkMermaid(t, d)
		checkSVG(t, d)
		checkGantt(t, name)
	})
}

// The SVG of a diagram full of hostile names is well-formed XML holding
// only the elements exlint draws, no script, link or reference outside it,
// and its texts read back as the labels the diagram should show.
func TestSVGEscaping(t *testing.T) {
	for _, name := range hostileNames {
		checkSVG(t, hostileDiagram(name))
	}
}

func checkSVG(t *testing.T, d *Diagram) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSVG(&buf, d, "d1"); err != nil {
		t.Fatal(err)
	}
	src := buf.String()
	if !utf8.ValidString(src) || strings.Contains(src, "##") || strings.ContainsAny(src, "\x1b\r\u202e") {
		t.Fatalf("SVG holds bytes a terminal or CI log would act on:\n%s", src)
	}
	allowed := map[string]bool{"svg": true, "title": true, "defs": true, "marker": true, "path": true, "rect": true, "text": true, "tspan": true}
	dec := xml.NewDecoder(strings.NewReader(src))
	var texts []string
	var cur []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, src)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if !allowed[tok.Name.Local] {
				t.Fatalf("element <%s> in the SVG", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Name.Local, "on") || a.Name.Local == "href" || (strings.Contains(a.Value, "url(") && a.Value != "url(#d1-arrow)") {
					t.Fatalf("attribute %s=%q in the SVG", a.Name.Local, a.Value)
				}
			}
			if tok.Name.Local == "text" {
				depth, cur = 1, nil
			}
			if tok.Name.Local == "tspan" {
				cur = append(cur, "")
			}
		case xml.CharData:
			if depth == 1 {
				if len(cur) == 0 {
					cur = append(cur, "")
				}
				cur[len(cur)-1] += string(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				texts = append(texts, strings.Join(cur, "\n"))
				depth = 0
			}
		case xml.ProcInst, xml.Directive:
			t.Fatalf("%T in the SVG", tok)
		}
	}
	wantL, wantE := wantLabels(d)
	ix := d.index()
	var want []string
	for id, lines := range wantL {
		if c := ix.clusters[id]; c != nil {
			lines = []string{strings.Join(lines, " · ")}
		}
		for i, l := range lines {
			lines[i] = html.UnescapeString(escape.HTML(l))
		}
		want = append(want, strings.Join(lines, "\n"))
	}
	for _, l := range wantE {
		if l != "" {
			want = append(want, html.UnescapeString(escape.HTML(l)))
		}
	}
	slices.Sort(texts)
	slices.Sort(want)
	if !slices.Equal(texts, want) {
		t.Errorf("SVG texts:\n%q\nwant:\n%q", texts, want)
	}
	var again bytes.Buffer
	WriteSVG(&again, d, "d1")
	if again.String() != src {
		t.Error("the same diagram gives another SVG")
	}
}
