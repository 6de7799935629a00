package graph

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/exlint/exlint/lint"
)

// mermaidShapes are the opening and closing brackets of each node kind's
// shape in a Mermaid flowchart.
var mermaidShapes = map[Shape][2]string{
	ShapeServer:      {"[", "]"},
	ShapeController:  {"[[", "]]"},
	ShapeWitness:     {"[(", ")]"},
	ShapeInternet:    {"((", "))"},
	ShapeDomain:      {"[/", "/]"},
	ShapeCertificate: {`[\`, `\]`},
	ShapeNamespace:   {"(", ")"},
	ShapeConnector:   {">", "]"},
	ShapeTenant:      {"([", "])"},
	ShapeService:     {"{{", "}}"},
	ShapeMigration:   {"[/", `\]`},
	ShapeClients:     {"(", ")"},
	ShapeExternal:    {"{{", "}}"},
	ShapeNote:        {"[", "]"},
	ShapeSwatch:      {"[", "]"},
}

// WriteMermaid writes d as a Mermaid flowchart, which GitHub draws in
// Markdown (a mermaid code block). IDs are exlint's own (n1, c2); every
// string from the topology is a quoted label whose characters other than
// letters, digits and plain punctuation are written as Mermaid's entity
// codes (#34; for a quote), so that no name can end a label, start a
// directive or a comment, or add a link.
func WriteMermaid(w io.Writer, d *Diagram) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "%% Drawn by exlint graph.")
	fmt.Fprintln(bw, "flowchart LR")
	byLevel := map[Level][]string{}
	var notes []string
	var clusters []*Cluster
	var walk func(c *Cluster, indent string)
	walk = func(c *Cluster, indent string) {
		for _, n := range c.Nodes {
			sh := mermaidShapes[n.Shape]
			fmt.Fprintf(bw, "%s%s%s%s%s\n", indent, n.ID, sh[0], mermaidLabel(n.Lines), sh[1])
			if n.Shape == ShapeNote {
				notes = append(notes, n.ID)
			} else {
				byLevel[n.Level] = append(byLevel[n.Level], n.ID)
			}
		}
		for _, sub := range c.Clusters {
			label := []string{sub.Label}
			if f := findingsLine(sub.Counts); f != "" {
				label = append(label, f)
			}
			fmt.Fprintf(bw, "%ssubgraph %s[%s]\n", indent, sub.ID, mermaidLabel(label))
			walk(sub, indent+"  ")
			fmt.Fprintf(bw, "%send\n", indent)
			clusters = append(clusters, sub)
		}
	}
	walk(d.Root, "  ")
	var dotted []string
	for i, e := range d.Edges {
		arrow := "-->"
		switch {
		case e.Style == Dotted:
			// A line without an arrow: a thing uses another.
			arrow = "-.-"
			dotted = append(dotted, fmt.Sprint(i))
		case e.Style == Dashed && e.Both:
			arrow = "<-.->"
		case e.Style == Dashed:
			arrow = "-.->"
		case e.Both:
			arrow = "<-->"
		}
		if e.Label != "" {
			arrow += "|" + mermaidLabel([]string{e.Label}) + "|"
		}
		fmt.Fprintf(bw, "  %s %s %s\n", e.From, arrow, e.To)
	}
	levels := Levels
	if len(byLevel[Unchecked]) > 0 {
		levels = append(slices.Clone(Levels), Unchecked)
	}
	for _, l := range levels {
		col := colours[l]
		fmt.Fprintf(bw, "  classDef %s fill:%s,stroke:%s,stroke-width:%dpx,color:#000000\n", l, col.fill, col.line, col.width)
	}
	fmt.Fprintln(bw, "  classDef note fill:none,stroke:none,color:#000000")
	for _, l := range levels {
		if ids := byLevel[l]; len(ids) > 0 {
			fmt.Fprintf(bw, "  class %s %s\n", strings.Join(ids, ","), l)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(bw, "  class %s note\n", strings.Join(notes, ","))
	}
	for _, c := range clusters {
		line, width := clusterLine, 1
		if c.Counts != (lint.Counts{}) {
			line, width = colours[c.Level].line, colours[c.Level].width
		}
		fmt.Fprintf(bw, "  style %s fill:none,stroke:%s,stroke-width:%dpx\n", c.ID, line, width)
	}
	if len(dotted) > 0 {
		fmt.Fprintf(bw, "  linkStyle %s stroke-dasharray:2 3\n", strings.Join(dotted, ","))
	}
	return bw.Flush()
}

// mermaidLabel is a quoted label of lines, each made visible and escaped.
func mermaidLabel(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = mermaidEscape(visible(l))
	}
	return `"` + strings.Join(esc, "<br/>") + `"`
}

// mermaidEscape keeps letters, digits, spaces and the punctuation of names
// and versions (. , - _ : / ( ) '), and writes every other character as a
// Mermaid entity code, #NNN; (its decimal code point), which Mermaid shows
// as the character itself.
func mermaidEscape(s string) string { return mermaidEscapeKeeping(s, ".,-_:/()'") }

// mermaidEscapeKeeping is mermaidEscape keeping only the punctuation in
// keep: a diagram whose syntax gives a meaning to one of them (a Gantt
// chart's task ends at ":") keeps fewer.
func mermaidEscapeKeeping(s, keep string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || strings.ContainsRune(keep, r) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "#%d;", r)
	}
	return b.String()
}
