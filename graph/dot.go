package graph

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/exlint/exlint/lint"
)

// dotShapes are the Graphviz shapes of the node kinds.
var dotShapes = map[Shape]string{
	ShapeServer:      "box",
	ShapeController:  "component",
	ShapeWitness:     "cylinder",
	ShapeInternet:    "oval",
	ShapeDomain:      "folder",
	ShapeCertificate: "note",
	ShapeNamespace:   "tab",
	ShapeConnector:   "cds",
	ShapeTenant:      "oval",
	ShapeService:     "hexagon",
	ShapeMigration:   "parallelogram",
	ShapeClients:     "oval",
	ShapeExternal:    "octagon",
	ShapeNote:        "plaintext",
	ShapeSwatch:      "box",
}

// clusterLine is the line colour of a cluster without findings of its own.
const clusterLine = "#9e9e9e"

// WriteDOT writes d in Graphviz's DOT language (dot -Tsvg draws it). IDs
// are exlint's own (n1, c2); every string from the topology is a quoted
// label, escaped.
func WriteDOT(w io.Writer, d *Diagram) error {
	bw := bufio.NewWriter(w)
	ix := d.index()
	fmt.Fprintln(bw, "// Drawn by exlint graph; draw it with: dot -Tsvg -o topology.svg FILE")
	fmt.Fprintln(bw, "digraph exlint {")
	fmt.Fprintln(bw, `  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.3, ranksep=0.6, fontname="Helvetica", fontsize=12];`)
	fmt.Fprintln(bw, `  node [fontname="Helvetica", fontsize=10, style="filled", penwidth=1];`)
	fmt.Fprintln(bw, `  edge [fontname="Helvetica", fontsize=9, color="#616161", fontcolor="#424242"];`)
	writeDOTCluster(bw, d.Root, "  ", true)
	for _, e := range d.Edges {
		from, to := e.From, e.To
		var attrs []string
		if c := ix.clusters[from]; c != nil {
			from = c.firstNode().ID
			attrs = append(attrs, "ltail="+dotString("cluster_"+c.ID))
		}
		if c := ix.clusters[to]; c != nil {
			to = c.firstNode().ID
			attrs = append(attrs, "lhead="+dotString("cluster_"+c.ID))
		}
		if e.Label != "" {
			attrs = append(attrs, "label="+dotLabel([]string{visible(e.Label)}))
		}
		switch e.Style {
		case Dashed:
			attrs = append(attrs, "style=dashed")
		case Dotted:
			attrs = append(attrs, "style=dotted", "arrowhead=none")
		}
		if e.Both {
			attrs = append(attrs, "dir=both")
		}
		fmt.Fprintf(bw, "  %s -> %s", dotString(from), dotString(to))
		if len(attrs) > 0 {
			fmt.Fprintf(bw, " [%s]", strings.Join(attrs, ", "))
		}
		fmt.Fprintln(bw, ";")
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

func writeDOTCluster(w io.Writer, c *Cluster, indent string, root bool) {
	inner := indent
	if !root {
		fmt.Fprintf(w, "%ssubgraph %s {\n", indent, dotString("cluster_"+c.ID))
		inner = indent + "  "
		line, width := clusterLine, 1
		if c.Counts != (lint.Counts{}) {
			line, width = colours[c.Level].line, colours[c.Level].width
		}
		label := visible(c.Label)
		if f := findingsLine(c.Counts); f != "" {
			label += "\n" + f
		}
		fmt.Fprintf(w, "%slabel=%s; style=\"rounded\"; color=%s; penwidth=%d; fontname=\"Helvetica\"; fontsize=11;\n",
			inner, dotLabel(strings.Split(label, "\n")), dotString(line), width)
	}
	for _, n := range c.Nodes {
		writeDOTNode(w, n, inner)
	}
	for _, sub := range c.Clusters {
		writeDOTCluster(w, sub, inner, false)
	}
	if !root {
		fmt.Fprintf(w, "%s}\n", indent)
	}
}

func writeDOTNode(w io.Writer, n *Node, indent string) {
	lines := make([]string, len(n.Lines))
	for i, l := range n.Lines {
		lines[i] = visible(l)
	}
	attrs := []string{"label=" + dotLabel(lines), "shape=" + dotShapes[n.Shape]}
	switch n.Shape {
	case ShapeNote:
		attrs = append(attrs, `style=""`)
	default:
		col := colours[n.Level]
		attrs = append(attrs, "fillcolor="+dotString(col.fill), "color="+dotString(col.line), fmt.Sprintf("penwidth=%d", col.width))
		if n.Shape == ShapeServer || n.Shape == ShapeSwatch {
			attrs = append(attrs, `style="rounded,filled"`)
		}
		if n.Count > 1 {
			// A stack of pages: several alike things.
			attrs = append(attrs, "peripheries=2")
		}
	}
	fmt.Fprintf(w, "%s%s [%s];\n", indent, dotString(n.ID), strings.Join(attrs, ", "))
}

// dotLabel is a label of lines (already visible), centred.
func dotLabel(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = dotLabelEscaper.Replace(l)
	}
	return `"` + strings.Join(esc, `\n`) + `"`
}

// dotString quotes one of exlint's own strings (an ID, a colour) as a DOT
// string.
func dotString(s string) string { return `"` + dotQuoter.Replace(s) + `"` }

var dotQuoter = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// dotLabelEscaper escapes text from the topology inside a DOT label. A
// backslash is doubled, so that no escape of Graphviz's labels (\n, \N,
// \G, \l...) comes from the text, and a quote is escaped. Graphviz reads
// HTML entities in every label, so "&" is written &amp; to show as itself;
// "#" is written &#35;, which shows the same, so that the DOT text never
// holds a CI log command ("##vso[").
var dotLabelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, `&`, `&amp;`, `#`, `&#35;`)
