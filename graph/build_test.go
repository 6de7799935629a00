package graph

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
)

func decode(t testing.TB, src string) *schema.Topology {
	t.Helper()
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("topology has problems: %+v", probs)
	}
	return top
}

// nodeNamed returns the node whose first line is name.
func nodeNamed(t *testing.T, d *Diagram, name string) *Node {
	t.Helper()
	for _, n := range d.index().nodes {
		if n.Lines[0] == name {
			return n
		}
	}
	t.Fatalf("no node %q", name)
	return nil
}

func clusterNamed(t *testing.T, d *Diagram, label string) *Cluster {
	t.Helper()
	for _, c := range d.index().clusters {
		if c.Label == label {
			return c
		}
	}
	t.Fatalf("no cluster %q", label)
	return nil
}

func TestAddressPrefixes(t *testing.T) {
	for addr, want := range map[string][]string{
		"server.EX01":             {"server", "server.EX01"},
		"server.EX01.roles[1]":    {"server", "server.EX01", "server.EX01.roles", "server.EX01.roles[1]"},
		`domain."contoso.com".mx`: {"domain", `domain."contoso.com"`, `domain."contoso.com".mx`},
		"hybrid.servers[0]":       {"hybrid", "hybrid.servers", "hybrid.servers[0]"},
		`connector.send."To \"EXO\" [1]".tls_auth`: {"connector", "connector.send", `connector.send."To \"EXO\" [1]"`,
			`connector.send."To \"EXO\" [1]".tls_auth`},
		"": nil,
	} {
		if got := addressPrefixes(addr); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("addressPrefixes(%q) = %q, want %q", addr, got, want)
		}
	}
}

const colourTopology = `
organization "Contoso" {
  forest_functional_level = "2016"
}
site "HQ" {}
server "EX01" {
  site    = "HQ"
  version = "SE"
  update  = "RTM"
  roles   = ["mailbox"]
}
server "EX02" {
  site    = "HQ"
  version = "SE"
  update  = "RTM"
  roles   = ["mailbox"]
}
domain "contoso.com" {
  mx = "exchange_online"
}
tenant "contoso.onmicrosoft.com" {}
hybrid {
  servers = ["EX02"]
  tenants = ["contoso.onmicrosoft.com"]
}
`

// Each finding colours the thing its address names, with the worst
// severity winning; a finding on nothing drawn is counted in the legend.
func TestBuildColoursByFindings(t *testing.T) {
	top := decode(t, colourTopology)
	fs := []lint.Finding{
		{Rule: "a", Severity: lint.Info, Address: "server.EX01.update"},
		{Rule: "b", Severity: lint.Error, Address: "server.EX01.version"},
		{Rule: "c", Severity: lint.Warning, Address: `domain."contoso.com".mx`},
		{Rule: "d", Severity: lint.Info, Address: "hybrid.servers[0]"},
		{Rule: "e", Severity: lint.Warning, Address: "organization.Contoso.forest_functional_level"},
		{Rule: "syntax", Severity: lint.Error, Address: ""},
		{Rule: "f", Severity: lint.Warning, Address: "server.GONE.os"},
	}
	d := Build(top, fs, Options{Title: "Contoso"})
	for name, want := range map[string]Level{"EX01": Error, "EX02": Clean, "contoso.com": Warning, "Hybrid": Info,
		"contoso.onmicrosoft.com": Clean, "Internet": Clean} {
		if got := nodeNamed(t, d, name).Level; got != want {
			t.Errorf("%s: level %v, want %v", name, got, want)
		}
	}
	ex01 := nodeNamed(t, d, "EX01")
	if ex01.Counts != (lint.Counts{Errors: 1, Infos: 1}) || ex01.Lines[len(ex01.Lines)-1] != "1 error, 1 info" {
		t.Errorf("EX01: counts %+v, lines %q", ex01.Counts, ex01.Lines)
	}
	org := clusterNamed(t, d, "Organization Contoso, forest 2016")
	if org.Level != Warning {
		t.Errorf("organization cluster: level %v, want warning", org.Level)
	}
	if d.Unplaced != (lint.Counts{Errors: 1, Warnings: 1}) || d.UnplacedWorst != Error {
		t.Errorf("unplaced: %+v (%v)", d.Unplaced, d.UnplacedWorst)
	}
	if d.Findings != lint.Count(fs) {
		t.Errorf("findings: %+v", d.Findings)
	}
	legend := clusterNamed(t, d, "Contoso")
	last := legend.Nodes[len(legend.Nodes)-1]
	if last.Lines[0] != "not on the diagram: 1 error, 1 warning" || last.Level != Error {
		t.Errorf("legend: %q %v", last.Lines, last.Level)
	}
}

// A state the rules did not run on: a thing without a finding is grey
// (Unchecked), not green, whatever the writer; one with a finding (a
// structural error) keeps its colour; the legend says the state is not
// checked and why, and has neither a green swatch nor "no findings".
func TestBuildNotChecked(t *testing.T) {
	top := decode(t, colourTopology)
	fs := []lint.Finding{{Rule: "schema", Severity: lint.Error, Address: "server.EX01.version"}}
	d := Build(top, fs, Options{Title: "Contoso", NotChecked: "a stage removed a block this state still names"})
	for name, want := range map[string]Level{"EX01": Error, "EX02": Unchecked, "contoso.com": Unchecked, "Hybrid": Unchecked, "Internet": Unchecked} {
		if got := nodeNamed(t, d, name).Level; got != want {
			t.Errorf("%s: level %v, want %v", name, got, want)
		}
	}
	legend := clusterNamed(t, d, "Contoso")
	var lines []string
	for _, n := range legend.Nodes {
		if n.Level == Clean && n.Shape == ShapeSwatch {
			t.Errorf("the legend has a swatch %q of no finding", n.Lines)
		}
		lines = append(lines, n.Lines...)
	}
	text := strings.Join(lines, "\n")
	for _, want := range []string{"not checked\n", "not checked: the rules did not run\n(a stage removed a block this state still names)\nfindings: 1 error\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("the legend does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "no finding") {
		t.Errorf("the legend of a state not checked says it has no findings:\n%s", text)
	}
	fill, _ := Colours(Clean)
	for name, write := range map[string]func(*bytes.Buffer, *Diagram) error{
		"dot":     func(b *bytes.Buffer, d *Diagram) error { return WriteDOT(b, d) },
		"mermaid": func(b *bytes.Buffer, d *Diagram) error { return WriteMermaid(b, d) },
		"svg":     func(b *bytes.Buffer, d *Diagram) error { return WriteSVG(b, d, "d") },
	} {
		var b bytes.Buffer
		if err := write(&b, d); err != nil {
			t.Fatal(err)
		}
		// Mermaid defines every level's class, and draws a thing green by
		// giving it the class.
		if green := fill; name == "mermaid" && strings.Contains(b.String(), " clean\n") ||
			name != "mermaid" && strings.Contains(strings.ToLower(b.String()), green) {
			t.Errorf("%s: a thing is drawn green:\n%s", name, b.String())
		}
	}
	// Checked, the same topology is green where it has no finding.
	if got := nodeNamed(t, Build(top, fs, Options{Title: "Contoso"}), "EX02").Level; got != Clean {
		t.Errorf("checked: EX02 is %v", got)
	}
}

// The mail paths: the internet reaches a domain by its MX record, which
// leads to the tenant; the hybrid server talks to the hybrid configuration,
// which talks to the tenant both ways.
func TestBuildFlows(t *testing.T) {
	d := Build(decode(t, colourTopology), nil, Options{})
	has := func(from, to string, style Style, both bool) {
		t.Helper()
		f, tn := nodeNamed(t, d, from), nodeNamed(t, d, to)
		for _, e := range d.Edges {
			if e.From == f.ID && e.To == tn.ID && e.Style == style && e.Both == both {
				return
			}
		}
		t.Errorf("no edge %s -> %s", from, to)
	}
	has("Internet", "contoso.com", Solid, false)
	has("contoso.com", "contoso.onmicrosoft.com", Solid, false)
	has("EX02", "Hybrid", Dashed, false)
	has("Hybrid", "contoso.onmicrosoft.com", Dashed, true)

	// With Edge servers, mail for an on-premises MX enters the perimeter
	// network, and the Edge server passes it to the site it is subscribed to.
	d = Build(decode(t, `organization "C" {}
site "HQ" {}
server "EDGE1" {
  version        = "SE"
  update         = "RTM"
  roles          = ["edge_transport"]
  edge_sync      = true
  edge_sync_site = "HQ"
}
domain "contoso.com" {
  mx = "on_premises"
}
`), nil, Options{})
	perimeter, hq := clusterNamed(t, d, "Perimeter network"), clusterNamed(t, d, "Site HQ")
	domain, edge := nodeNamed(t, d, "contoso.com"), nodeNamed(t, d, "EDGE1")
	want := map[[2]string]string{{domain.ID, perimeter.ID}: "", {edge.ID, hq.ID}: "EdgeSync"}
	for _, e := range d.Edges {
		if label, ok := want[[2]string{e.From, e.To}]; ok && label == e.Label {
			delete(want, [2]string{e.From, e.To})
		}
	}
	if len(want) > 0 {
		t.Errorf("missing edges: %v", want)
	}
}

func serversTopology(n int, extra string) string {
	var b strings.Builder
	b.WriteString("organization \"C\" {}\nsite \"HQ\" {}\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "server \"MBX%02d\" {\n  site = \"HQ\"\n  version = \"SE\"\n  update = \"RTM\"\n  roles = [\"mailbox\"]\n}\n", i)
	}
	return b.String() + extra
}

func serverNodes(d *Diagram) []*Node {
	var out []*Node
	for _, n := range d.index().nodes {
		if n.Shape == ShapeServer {
			out = append(out, n)
		}
	}
	return out
}

// GroupMin or more alike servers of a site are one node with a count;
// fewer, a different version, another finding, another connection, or
// --expand keep them apart.
func TestGrouping(t *testing.T) {
	cases := []struct {
		name   string
		src    string
		fs     []lint.Finding
		expand bool
		want   []int // the count of each server node, in order
	}{
		{"three alike", serversTopology(3, ""), nil, false, []int{3}},
		{"two alike stay apart", serversTopology(2, ""), nil, false, []int{1, 1}},
		{"expand", serversTopology(4, ""), nil, true, []int{1, 1, 1, 1}},
		{"another version", serversTopology(3, `server "OLD" {
  site = "HQ"
  version = "2019"
  update = "CU15"
  roles = ["mailbox"]
}
`), nil, false, []int{3, 1}},
		{"a finding on one", serversTopology(4, ""), []lint.Finding{{Severity: lint.Error, Address: "server.MBX02.os"}}, false, []int{3, 1}},
		{"a finding on two", serversTopology(4, ""), []lint.Finding{{Severity: lint.Error, Address: "server.MBX02.os"},
			{Severity: lint.Info, Address: "server.MBX04.os"}}, false, []int{1, 1, 1, 1}},
		{"a finding on three of four", serversTopology(4, ""), []lint.Finding{
			{Severity: lint.Warning, Address: "server.MBX01.os"}, {Severity: lint.Warning, Address: "server.MBX02.os"},
			{Severity: lint.Warning, Address: "server.MBX04.os"}}, false, []int{3, 1}},
		{"a connector on one", serversTopology(3, `connector "send" "out" {
  servers = ["MBX03"]
}
`), nil, false, []int{1, 1, 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := Build(decode(t, tc.src), tc.fs, Options{Expand: tc.expand})
			var got []int
			for _, c := range d.Root.Clusters {
				if c.Label != "Organization C" {
					continue
				}
				for _, site := range c.Clusters {
					for _, n := range site.Nodes {
						if n.Shape == ShapeServer {
							got = append(got, n.Count)
						}
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("server nodes %v, want %v", got, tc.want)
			}
		})
	}
	d := Build(decode(t, serversTopology(5, "")), []lint.Finding{{Severity: lint.Info, Address: "server.MBX03.os"}}, Options{})
	for _, n := range serverNodes(d) {
		if n.Count == 4 && (n.Lines[0] != "4 servers: MBX01 … MBX05" || n.Level != Clean) {
			t.Errorf("group label %q, level %v", n.Lines, n.Level)
		}
	}
}

// A DAG is a cluster around its members in their site, holding its
// witness; a DAG across two sites is a cluster in each, and its witness
// stands beside them with a line to each. A server two DAGs list is drawn
// in the first, and the second points at it.
func TestDAGs(t *testing.T) {
	src := serversTopology(2, `site "DR" {}
server "DR01" {
  site = "DR"
  version = "SE"
  update = "RTM"
}
dag "D1" {
  members = ["MBX01", "DR01"]
  witness = "FS01"
}
dag "D2" {
  members = ["MBX02", "MBX01"]
  witness = "FS02"
}
`)
	d := Build(decode(t, src), nil, Options{Expand: true})
	var d1, d2 []*Cluster
	for _, c := range d.index().clusters {
		switch c.Label {
		case "DAG D1":
			d1 = append(d1, c)
		case "DAG D2":
			d2 = append(d2, c)
		}
	}
	witness := nodeNamed(t, d, "witness FS01")
	if len(d1) != 2 || len(d1[0].Nodes) != 1 || len(d1[1].Nodes) != 1 {
		t.Fatalf("DAG D1: %d clusters", len(d1))
	}
	lines := 0
	for _, e := range d.Edges {
		if e.From == witness.ID && (e.To == d1[0].ID || e.To == d1[1].ID) && e.Style == Dotted {
			lines++
		}
	}
	if lines != 2 {
		t.Errorf("the witness of D1 has %d lines to its parts", lines)
	}
	if len(d2) != 1 || len(d2[0].Nodes) != 2 || d2[0].Nodes[0].Lines[0] != "MBX02" || d2[0].Nodes[1].Lines[0] != "witness FS02" {
		t.Fatalf("DAG D2: %+v", d2)
	}
	mbx01 := nodeNamed(t, d, "MBX01")
	found := false
	for _, e := range d.Edges {
		found = found || e.From == d2[0].ID && e.To == mbx01.ID && e.Label == "member"
	}
	if !found {
		t.Error("DAG D2 does not point at its member MBX01, drawn in D1")
	}
}

// The same topology and findings give the same bytes, in both syntaxes.
func TestDeterministic(t *testing.T) {
	src := serversTopology(7, `domain "contoso.com" {
  mx = "on_premises"
}
tenant "contoso.onmicrosoft.com" {}
hybrid {
  servers = ["MBX02"]
}
`)
	fs := []lint.Finding{{Severity: lint.Error, Address: "server.MBX03.os"}, {Severity: lint.Info, Address: "hybrid"}}
	var first [2][]byte
	for i := 0; i < 5; i++ {
		d := Build(decode(t, src), fs, Options{Title: "t"})
		var dot, mmd bytes.Buffer
		if err := WriteDOT(&dot, d); err != nil {
			t.Fatal(err)
		}
		if err := WriteMermaid(&mmd, d); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = [2][]byte{dot.Bytes(), mmd.Bytes()}
			continue
		}
		if !bytes.Equal(first[0], dot.Bytes()) || !bytes.Equal(first[1], mmd.Bytes()) {
			t.Fatal("two runs differ")
		}
	}
}

func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"EX01":                    "EX01",
		"a\nb\tc\x1b[31m\r":       "a␊b␉c␛[31m␍",
		"evil\u202eexe.txt":       `evil\u202eexe.txt`,
		"zero\u200bwidth":         `zero\u200bwidth`,
		"bad \xff byte":           `bad \xff byte`,
		"Zürich 東京":               "Zürich 東京",
		strings.Repeat("x", 70):   strings.Repeat("x", 60) + "…",
		"line\u2028separator\x7f": `line\u2028separator` + "␡",
	} {
		if got := visible(in); got != want {
			t.Errorf("visible(%q) = %q, want %q", in, got, want)
		}
	}
}
