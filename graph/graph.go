// Package graph draws a topology as a diagram for people who would rather
// look than read: sites holding their domain controllers and Exchange
// servers, DAGs around their members, Edge servers in the perimeter,
// namespaces and certificates, Exchange Online with the hybrid
// configuration, and the paths mail takes, each thing coloured by the worst
// finding on it.
//
// Build turns a decoded topology and its findings into a Diagram, a model
// of nodes, clusters and edges that knows nothing of any output syntax;
// WriteDOT and WriteMermaid write it for Graphviz and for Mermaid, and
// WriteSVG draws it as a picture laid out by exlint itself (for documents
// that cannot run Graphviz or a script), escaping every name the topology
// holds. The same input gives the same bytes.
package graph

import (
	"github.com/exlint/exlint/lint"
)

// Diagram is a topology drawn as nested clusters of nodes, and edges.
type Diagram struct {
	// Title names the organization and what is drawn ("Contoso, state
	// current, as of 2026-11-21").
	Title string
	// Root holds the top-level nodes and clusters; it is not drawn itself.
	Root  *Cluster
	Edges []*Edge
	// Findings counts every finding; Unplaced counts those about nothing
	// drawn (a file that does not parse), which the legend mentions.
	Findings, Unplaced lint.Counts
	// Worst is the worst severity of the unplaced findings.
	UnplacedWorst Level
	// NotChecked says why the rules did not run on the state drawn
	// (Options.NotChecked), or is "".
	NotChecked string
}

// Level is how bad the worst finding on a thing is.
type Level int

// Levels, from no finding to an error, then Unchecked.
const (
	Clean Level = iota
	Info
	Warning
	Error
	// Unchecked is a thing of a state the rules did not run on, without a
	// finding: not that it passes, but that nothing judged it. It is no
	// severity's, and Levels does not list it.
	Unchecked
)

// Levels lists the levels of findings, in the order the legend shows them.
var Levels = []Level{Clean, Info, Warning, Error}

func levelOf(s lint.Severity) Level {
	switch s {
	case lint.Error:
		return Error
	case lint.Warning:
		return Warning
	}
	return Info
}

func (l Level) String() string {
	return [...]string{"clean", "info", "warning", "error", "unchecked"}[l]
}

// Caption is what the legend says of the level.
func (l Level) Caption() string {
	return [...]string{"no finding", "info", "warning", "error", "not checked"}[l]
}

// colours are the fill and line colours of each level: green, blue, amber,
// red, light enough for black text, with a thicker line for errors so that
// they stand out without colour too; grey for a thing nothing judged.
var colours = [...]struct {
	fill, line string
	width      int
}{
	Clean:     {"#e8f5e9", "#2e7d32", 1},
	Info:      {"#e3f2fd", "#1565c0", 1},
	Warning:   {"#fff3cd", "#b26a00", 2},
	Error:     {"#fde0e0", "#c62828", 3},
	Unchecked: {"#eeeeee", "#757575", 1},
}

// Colours returns the fill and line colours of a level, as the legend shows
// them: a document around a diagram uses the same for its severities.
func Colours(l Level) (fill, line string) { return colours[l].fill, colours[l].line }

// LevelOf is the level of a severity.
func LevelOf(s lint.Severity) Level { return levelOf(s) }

// Shape is what a node stands for; each output syntax draws it its way.
type Shape int

// Shapes of nodes.
const (
	ShapeServer      Shape = iota // an Exchange server, or several alike
	ShapeController               // a domain controller
	ShapeWitness                  // a DAG's file share witness
	ShapeInternet                 // the internet
	ShapeDomain                   // an accepted domain
	ShapeCertificate              // a certificate
	ShapeNamespace                // a published host name
	ShapeConnector                // a send or receive connector
	ShapeTenant                   // a Microsoft 365 tenant, or Exchange Online
	ShapeService                  // the hybrid configuration, directory synchronization, AD FS, Outlook Anywhere
	ShapeMigration                // the migration
	ShapeClients                  // the Outlook clients
	ShapeExternal                 // a third-party service mail passes through
	ShapeNote                     // text: a legend entry, a placeholder in an empty cluster
	ShapeSwatch                   // a legend entry in the colour of its level
)

// Node is one thing drawn.
type Node struct {
	ID    string
	Shape Shape
	// Lines are the label, one line each: the name first.
	Lines []string
	// Level is the worst finding on the thing (or on any of the things a
	// grouped node stands for); Counts counts them.
	Level  Level
	Counts lint.Counts
	// Count is how many servers (or domain controllers) a grouped node
	// stands for; 1 otherwise.
	Count int
}

// Cluster is a box around related nodes: the organization, a site, a DAG,
// the perimeter network, Exchange Online.
type Cluster struct {
	ID    string
	Label string
	// Level and Counts are the findings on the cluster's own block (the
	// organization's forest level, say), not on what it holds.
	Level    Level
	Counts   lint.Counts
	Nodes    []*Node
	Clusters []*Cluster
	// Legend marks the legend, which explains the colours and lines.
	Legend bool
}

// Style is how an edge is drawn.
type Style int

// Edge styles.
const (
	Solid  Style = iota // mail flows this way
	Dashed              // a relationship: synchronization, hybrid, migration
	Dotted              // uses: a certificate, a witness
)

// Edge joins two nodes or clusters (by ID).
type Edge struct {
	From, To string
	Label    string
	Style    Style
	// Both draws arrows at both ends: mail or trust both ways.
	Both bool
}

// index maps the IDs of d's nodes and clusters to them, and each cluster's
// ID to the cluster holding it (the root for a top-level one).
type index struct {
	nodes    map[string]*Node
	clusters map[string]*Cluster
}

func (d *Diagram) index() index {
	ix := index{nodes: map[string]*Node{}, clusters: map[string]*Cluster{}}
	var walk func(c *Cluster)
	walk = func(c *Cluster) {
		for _, n := range c.Nodes {
			ix.nodes[n.ID] = n
		}
		for _, sub := range c.Clusters {
			ix.clusters[sub.ID] = sub
			walk(sub)
		}
	}
	walk(d.Root)
	return ix
}

// firstNode returns the first node in c or its clusters, depth first: a
// cluster's anchor for an edge that ends at the cluster.
func (c *Cluster) firstNode() *Node {
	if len(c.Nodes) > 0 {
		return c.Nodes[0]
	}
	for _, sub := range c.Clusters {
		if n := sub.firstNode(); n != nil {
			return n
		}
	}
	return nil
}
