package graph

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/exlint/exlint/internal/escape"
)

// WriteSVG draws d as an SVG picture, laid out by exlint itself, for a
// document that must show the diagram without Graphviz or a script (exlint
// report's HTML). The layout is simple and deterministic: in each cluster,
// its nodes and clusters stand in columns ranked by the edges between them
// (what mail or a relationship reaches first stands left), stacked in
// their order; edges are curves between the sides of the boxes they join.
// Every string from the topology is made visible (as the other writers do)
// and escaped for XML; the SVG has no script, link or external reference.
//
// id names the picture in its document (letters, digits and hyphens: the
// caller's, never the topology's): the arrowheads' marker is id + "-arrow",
// so that two pictures in one document do not share an ID.
func WriteSVG(w io.Writer, d *Diagram, id string) error {
	l := newSVGLayout(d)
	bw := bufio.NewWriter(w)
	l.write(bw, d, id)
	return bw.Flush()
}

// Sizes of the drawing, in SVG user units (pixels at 100%).
const (
	svgFont       = 11.0 // a node's first line
	svgSmallFont  = 10.0 // its other lines
	svgLineHeight = 14.0
	svgPadX       = 9.0
	svgPadY       = 7.0
	svgGap        = 12.0 // between the items of a column
	svgColumnGap  = 36.0 // between columns: room for edges and their labels
	svgClusterPad = 12.0
	svgLabelH     = 20.0 // a cluster's label
	svgMargin     = 10.0
	svgMaxColumn  = 5 // items of one rank stacked before a new column starts
	svgMinWidth   = 64.0
	svgFontFamily = "'Segoe UI','DejaVu Sans','Helvetica Neue',Arial,sans-serif"
)

// svgItem is a node or a cluster placed on the picture.
type svgItem struct {
	node    *Node
	cluster *Cluster
	parent  *svgItem
	items   []*svgItem // a cluster's nodes, then its clusters
	depth   int
	// x and y are relative to the parent's box until place makes them
	// absolute; w and h are the box's size.
	x, y, w, h float64
}

func (it *svgItem) id() string {
	if it.node != nil {
		return it.node.ID
	}
	return it.cluster.ID
}

type svgLayout struct {
	root  *svgItem
	byID  map[string]*svgItem
	edges []*Edge
	// edgesIn lists, for each cluster, the edges between two different
	// items of it: the edges whose ends meet first there.
	edgesIn map[*svgItem][]*Edge
	// legend is the cluster of the legend, drawn in a row below the rest.
	legend *svgItem
	w, h   float64
}

func newSVGLayout(d *Diagram) *svgLayout {
	l := &svgLayout{byID: map[string]*svgItem{}, edges: d.Edges}
	l.root = l.tree(d.Root, nil, 0)
	l.edgesIn = map[*svgItem][]*Edge{}
	for _, e := range d.Edges {
		if meet := l.meet(e.From, e.To); meet != nil {
			l.edgesIn[meet] = append(l.edgesIn[meet], e)
		}
	}
	for _, it := range l.root.items {
		if it.cluster != nil && it.cluster.Legend {
			l.legend = it
		}
	}
	l.measure(l.root)
	l.place(l.root, svgMargin, svgMargin)
	l.w, l.h = l.root.w+2*svgMargin, l.root.h+2*svgMargin
	return l
}

// tree makes the items of a cluster and of everything in it.
func (l *svgLayout) tree(c *Cluster, parent *svgItem, depth int) *svgItem {
	it := &svgItem{cluster: c, parent: parent, depth: depth}
	for _, n := range c.Nodes {
		child := &svgItem{node: n, parent: it, depth: depth + 1}
		l.byID[n.ID] = child
		it.items = append(it.items, child)
	}
	for _, sub := range c.Clusters {
		child := l.tree(sub, it, depth+1)
		l.byID[sub.ID] = child
		it.items = append(it.items, child)
	}
	return it
}

// nodeSize is the size of a node's box: its lines, the first one bold.
func nodeSize(n *Node) (float64, float64) {
	w := 0.0
	for i, line := range n.Lines {
		w = math.Max(w, textWidth(visible(line), lineFont(i), i == 0))
	}
	w += 2 * svgPadX
	h := float64(len(n.Lines))*svgLineHeight + 2*svgPadY
	switch n.Shape {
	case ShapeInternet, ShapeTenant, ShapeClients:
		w += h / 2 // the round ends
	case ShapeService, ShapeConnector, ShapeMigration, ShapeDomain:
		w += 14 // the slanted or pointed ends
	case ShapeWitness:
		h += 8 // the cylinder's rims
	case ShapeNote:
		w -= svgPadX
	}
	if n.Count > 1 {
		w, h = w+4, h+4 // the stack behind it
	}
	return math.Max(w, svgMinWidth), h
}

func lineFont(i int) float64 {
	if i == 0 {
		return svgFont
	}
	return svgSmallFont
}

// clusterTitle is a cluster's label with its findings.
func clusterTitle(c *Cluster) string {
	label := visible(c.Label)
	if f := findingsLine(c.Counts); f != "" {
		label += " · " + f
	}
	return label
}

// measure sizes every item, laying out each cluster's items relative to it.
func (l *svgLayout) measure(it *svgItem) {
	if it.node != nil {
		it.w, it.h = nodeSize(it.node)
		return
	}
	var body []*svgItem
	for _, child := range it.items {
		l.measure(child)
		if child != l.legend {
			body = append(body, child)
		}
	}
	top := svgLabelH + svgClusterPad/2
	pad := svgClusterPad
	if it == l.root {
		top, pad = 0, 0
	}
	var w, h float64
	if it.cluster.Legend {
		// A row, left to right.
		x := pad
		for _, child := range body {
			child.x, child.y = x, top
			x += child.w + svgGap
			h = math.Max(h, child.h)
		}
		w = x - svgGap + pad
		for _, child := range body {
			child.y += (h - child.h) / 2
		}
	} else {
		w, h = l.columns(body, pad, top, it)
	}
	if it != l.root {
		w = math.Max(w, textWidth(clusterTitle(it.cluster), svgFont+1, true)+2*svgClusterPad)
		h += top + pad
	}
	if it == l.root && l.legend != nil {
		l.legend.x, l.legend.y = 0, h+svgColumnGap/2
		w = math.Max(w, l.legend.w)
		h = l.legend.y + l.legend.h
	}
	it.w, it.h = w, h
}

// columns places items in columns by rank, relative to their cluster, and
// returns the size they take.
func (l *svgLayout) columns(items []*svgItem, pad, top float64, parent *svgItem) (float64, float64) {
	if len(items) == 0 {
		return 2 * pad, 0
	}
	index := map[*svgItem]int{}
	for i, it := range items {
		index[it] = i
	}
	// The edges between the items, each ended at the item of this cluster
	// that holds its end. Dotted edges (a thing uses a certificate, a
	// witness) do not rank: what only they join (the certificates) stands
	// in a row below the columns, out of the way of the paths of mail.
	succ := make([][]int, len(items))
	pred := make([][]int, len(items))
	linked := make([]bool, len(items))
	anyLinked := false
	for _, e := range l.edgesIn[parent] {
		a, b := l.under(e.From, parent), l.under(e.To, parent)
		if a == nil || b == nil || a == b || e.Style == Dotted {
			continue
		}
		i, j := index[a], index[b]
		succ[i] = append(succ[i], j)
		pred[j] = append(pred[j], i)
		linked[i], linked[j], anyLinked = true, true, true
	}
	var footer []*svgItem
	if anyLinked {
		var ranked []*svgItem
		for i, it := range items {
			if linked[i] {
				ranked = append(ranked, it)
			} else {
				footer = append(footer, it)
			}
		}
		if len(footer) > 0 {
			w, h := l.columns(ranked, pad, top, parent)
			return l.footer(footer, pad, top, top+h+svgGap*2, w)
		}
	}
	rank := ranks(succ)
	maxRank := 0
	for _, r := range rank {
		maxRank = max(maxRank, r)
	}
	byRank := make([][]int, maxRank+1)
	for i, r := range rank {
		byRank[r] = append(byRank[r], i)
	}
	// Order each rank by where its predecessors stand (barycentres), so
	// that edges cross less; items without one keep their order.
	pos := make([]float64, len(items))
	for r, col := range byRank {
		for k, i := range col {
			pos[i] = float64(k) / float64(len(col))
			if r == 0 {
				continue
			}
			sum, n := 0.0, 0
			for _, p := range pred[i] {
				if rank[p] < r {
					sum += pos[p]
					n++
				}
			}
			if n > 0 {
				pos[i] = sum / float64(n)
			}
		}
		sort.SliceStable(col, func(a, b int) bool { return pos[col[a]] < pos[col[b]] })
		for k, i := range col {
			pos[i] = float64(k) / float64(len(col))
		}
	}
	// Each rank is one column, or several when it holds many items.
	type column struct {
		items []*svgItem
		w, h  float64
	}
	var cols []column
	for _, col := range byRank {
		for start := 0; start < len(col); start += svgMaxColumn {
			var c column
			for _, i := range col[start:min(start+svgMaxColumn, len(col))] {
				it := items[i]
				c.items = append(c.items, it)
				c.w = math.Max(c.w, it.w)
				c.h += it.h + svgGap
			}
			c.h -= svgGap
			cols = append(cols, c)
		}
	}
	height := 0.0
	for _, c := range cols {
		height = math.Max(height, c.h)
	}
	x := pad
	for _, c := range cols {
		y := top + (height-c.h)/2
		for _, it := range c.items {
			it.x, it.y = x+(c.w-it.w)/2, y
			y += it.h + svgGap
		}
		x += c.w + svgColumnGap
	}
	return x - svgColumnGap + pad, height
}

// footer places items in a row below the columns, from y on, and returns
// the size of the whole from top: at least the columns' width w.
func (l *svgLayout) footer(items []*svgItem, pad, top, y, w float64) (float64, float64) {
	x, h := pad, 0.0
	for _, it := range items {
		it.x, it.y = x, y
		x += it.w + svgColumnGap/2
		h = math.Max(h, it.h)
	}
	width := math.Max(w, x-svgColumnGap/2+pad)
	// Centred under the columns.
	shift := (width - (x - svgColumnGap/2 + pad)) / 2
	for _, it := range items {
		it.x += shift
	}
	return width, y + h - top
}

// meet returns the cluster whose different items hold the two ends, or nil
// when an end is unknown or both are the same item: the deepest cluster
// holding both, found in the depth of the tree.
func (l *svgLayout) meet(from, to string) *svgItem {
	a, b := l.byID[from], l.byID[to]
	if a == nil || b == nil || a == b {
		return nil
	}
	for a.depth > b.depth {
		a = a.parent
	}
	for b.depth > a.depth {
		b = b.parent
	}
	for a.parent != b.parent {
		a, b = a.parent, b.parent
	}
	if a == b {
		return nil // one end holds the other
	}
	return a.parent
}

// under returns the item of parent's items that holds the node or cluster
// id, or nil.
func (l *svgLayout) under(id string, parent *svgItem) *svgItem {
	it := l.byID[id]
	for it != nil && it.parent != parent {
		it = it.parent
	}
	return it
}

// ranks gives each item the length of the longest path of edges leading to
// it, ignoring the edges that close a cycle (found depth first, in the
// items' order, so the same input gives the same ranks).
func ranks(succ [][]int) []int {
	n := len(succ)
	state := make([]int, n) // 0 new, 1 on the path, 2 done
	var order []int         // reverse postorder: a topological order
	var visit func(i int)
	back := map[[2]int]bool{}
	visit = func(i int) {
		state[i] = 1
		for _, j := range succ[i] {
			switch state[j] {
			case 0:
				visit(j)
			case 1:
				back[[2]int{i, j}] = true
			}
		}
		state[i] = 2
		order = append(order, i)
	}
	for i := range n {
		if state[i] == 0 {
			visit(i)
		}
	}
	rank := make([]int, n)
	for k := len(order) - 1; k >= 0; k-- {
		i := order[k]
		for _, j := range succ[i] {
			if !back[[2]int{i, j}] {
				rank[j] = max(rank[j], rank[i]+1)
			}
		}
	}
	return rank
}

// place makes the positions absolute.
func (l *svgLayout) place(it *svgItem, x, y float64) {
	it.x, it.y = x, y
	for _, child := range it.items {
		l.place(child, x+child.x, y+child.y)
	}
}

func (l *svgLayout) write(w *bufio.Writer, d *Diagram, id string) {
	title := escape.HTML(visible(d.Title))
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="exlint-diagram" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" font-family="%s">`+"\n",
		id, num(l.w), num(l.h), num(l.w), num(l.h), title, svgFontFamily)
	fmt.Fprintf(w, "<title>%s</title>\n", title)
	w.WriteString(`<defs><marker id="` + id + `-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 z" fill="#616161"/></marker></defs>` + "\n")
	// Clusters first, outermost first; then the edges, the nodes over
	// them, and the edges' labels on top.
	var clusters func(it *svgItem)
	clusters = func(it *svgItem) {
		for _, c := range it.items {
			if c.cluster != nil {
				writeCluster(w, c)
				clusters(c)
			}
		}
	}
	clusters(l.root)
	labels := l.writeEdges(w, "url(#"+id+"-arrow)")
	var nodes func(it *svgItem)
	nodes = func(it *svgItem) {
		for _, c := range it.items {
			if c.node != nil {
				writeNode(w, c)
			} else {
				nodes(c)
			}
		}
	}
	nodes(l.root)
	w.WriteString(labels)
	w.WriteString("</svg>\n")
}

// clusterFills alternate with depth, so that nested boxes stand apart.
var clusterFills = [...]string{"#f6f8fa", "#ffffff"}

func writeCluster(w *bufio.Writer, it *svgItem) {
	c := it.cluster
	line, width := clusterLine, 1.0
	if c.Counts.Total() > 0 {
		line, width = colours[c.Level].line, strokeWidth(c.Level)
	}
	fill := clusterFills[(it.depth+1)%2]
	if c.Legend {
		fill = "#ffffff"
	}
	fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" rx="8" fill="%s" stroke="%s" stroke-width="%s"/>`+"\n",
		num(it.x), num(it.y), num(it.w), num(it.h), fill, line, num(width))
	fmt.Fprintf(w, `<text x="%s" y="%s" font-size="%s" font-weight="bold" fill="#37474f">%s</text>`+"\n",
		num(it.x+svgClusterPad), num(it.y+14), num(svgFont+1), escape.HTML(clusterTitle(c)))
}

// strokeWidth is the line of a level: thicker for worse, so that the
// picture says it without colour too.
func strokeWidth(l Level) float64 {
	return [...]float64{1, 1, 1.75, 2.5, 1}[l]
}

func writeNode(w *bufio.Writer, it *svgItem) {
	n := it.node
	x, y, bw, bh := it.x, it.y, it.w, it.h
	if n.Count > 1 {
		bw, bh = bw-4, bh-4
	}
	if n.Shape != ShapeNote {
		col := colours[n.Level]
		style := fmt.Sprintf(` fill="%s" stroke="%s" stroke-width="%s"`, col.fill, col.line, num(strokeWidth(n.Level)))
		if n.Count > 1 {
			// A stack of cards: several alike things.
			fmt.Fprintf(w, "<path d=\"%s\"%s/>\n", shapePath(n.Shape, x+4, y+4, bw, bh), style)
		}
		fmt.Fprintf(w, "<path d=\"%s\"%s/>\n", shapePath(n.Shape, x, y, bw, bh), style)
	}
	top := y + (bh-float64(len(n.Lines))*svgLineHeight)/2
	cx := x + bw/2
	anchor := "middle"
	if n.Shape == ShapeNote {
		cx, anchor = x, "start"
	}
	fmt.Fprintf(w, `<text x="%s" text-anchor="%s" fill="#1b1f23">`, num(cx), anchor)
	for i, line := range n.Lines {
		weight := ""
		if i == 0 && n.Shape != ShapeNote {
			weight = ` font-weight="bold"`
		}
		fmt.Fprintf(w, `<tspan x="%s" y="%s" font-size="%s"%s>%s</tspan>`, num(cx), num(top+float64(i)*svgLineHeight+11), num(lineFont(i)), weight, escape.HTML(visible(line)))
	}
	w.WriteString("</text>\n")
}

// shapePath outlines a node of a shape in the box x, y, w, h.
func shapePath(s Shape, x, y, w, h float64) string {
	r, b := x+w, y+h
	p := func(pts ...float64) string {
		var sb strings.Builder
		for i := 0; i < len(pts); i += 2 {
			if i == 0 {
				sb.WriteString("M")
			} else {
				sb.WriteString(" L")
			}
			sb.WriteString(num(pts[i]) + "," + num(pts[i+1]))
		}
		return sb.String() + " Z"
	}
	round := func(rad float64) string {
		rad = math.Min(rad, h/2)
		return fmt.Sprintf("M%s,%s H%s A%s,%s 0 0 1 %s,%s V%s A%s,%s 0 0 1 %s,%s H%s A%s,%s 0 0 1 %s,%s V%s A%s,%s 0 0 1 %s,%s Z",
			num(x+rad), num(y), num(r-rad), num(rad), num(rad), num(r), num(y+rad), num(b-rad), num(rad), num(rad), num(r-rad), num(b),
			num(x+rad), num(rad), num(rad), num(x), num(b-rad), num(y+rad), num(rad), num(rad), num(x+rad), num(y))
	}
	switch s {
	case ShapeServer, ShapeSwatch:
		return round(6)
	case ShapeInternet, ShapeTenant, ShapeClients:
		return round(h / 2)
	case ShapeController:
		// A box with the tabs of a component.
		return p(x, y, r, y, r, b, x, b) + " " + p(x-3, y+6, x+5, y+6, x+5, y+12, x-3, y+12) + " " + p(x-3, y+16, x+5, y+16, x+5, y+22, x-3, y+22)
	case ShapeWitness:
		return fmt.Sprintf("M%s,%s A%s,4 0 0 1 %s,%s V%s A%s,4 0 0 1 %s,%s Z M%s,%s A%s,4 0 0 0 %s,%s",
			num(x), num(y+4), num(w/2), num(r), num(y+4), num(b-4), num(w/2), num(x), num(b-4), num(x), num(y+4), num(w/2), num(r), num(y+4))
	case ShapeDomain:
		// A folder.
		return p(x, y+4, x+4, y, x+w*0.3, y, x+w*0.3+4, y+4, r, y+4, r, b, x, b)
	case ShapeCertificate:
		// A page with a folded corner.
		return p(x, y, r-9, y, r, y+9, r, b, x, b) + fmt.Sprintf(" M%s,%s V%s H%s", num(r-9), num(y), num(y+9), num(r))
	case ShapeNamespace:
		return round(3)
	case ShapeConnector:
		return p(x, y, r-10, y, r, y+h/2, r-10, b, x, b)
	case ShapeService, ShapeExternal:
		return p(x+8, y, r-8, y, r, y+h/2, r-8, b, x+8, b, x, y+h/2)
	case ShapeMigration:
		return p(x+10, y, r, y, r-10, b, x, b)
	}
	return round(0)
}

// svgEnd is where an edge leaves or reaches a box.
type svgEnd struct {
	item *svgItem
	side byte // 'l', 'r', 't' or 'b'
	x, y float64
}

// writeEdges draws the edges, each between the facing sides of its boxes,
// ends on one side spread along it; it returns their labels, drawn last.
func (l *svgLayout) writeEdges(w *bufio.Writer, arrow string) string {
	type route struct {
		e        *Edge
		from, to *svgEnd
	}
	var routes []route
	bySide := map[[2]any][]*svgEnd{}
	other := map[*svgEnd]*svgEnd{}
	for _, e := range l.edges {
		a, b := l.byID[e.From], l.byID[e.To]
		if a == nil || b == nil || contains(a, b) || contains(b, a) {
			continue
		}
		var sa, sb byte
		switch {
		case b.x >= a.x+a.w+4:
			sa, sb = 'r', 'l'
		case a.x >= b.x+b.w+4:
			sa, sb = 'l', 'r'
		case b.y >= a.y+a.h:
			sa, sb = 'b', 't'
		default:
			sa, sb = 't', 'b'
		}
		from, to := &svgEnd{item: a, side: sa}, &svgEnd{item: b, side: sb}
		other[from], other[to] = to, from
		bySide[[2]any{a, sa}] = append(bySide[[2]any{a, sa}], from)
		bySide[[2]any{b, sb}] = append(bySide[[2]any{b, sb}], to)
		routes = append(routes, route{e, from, to})
	}
	// Spread the ends on each side, in the order of the boxes they lead to.
	keys := make([][2]any, 0, len(bySide))
	for k := range bySide {
		keys = append(keys, k)
	}
	for _, k := range keys {
		ends := bySide[k]
		it, side := k[0].(*svgItem), k[1].(byte)
		vertical := side == 'l' || side == 'r'
		sort.SliceStable(ends, func(i, j int) bool {
			oi, oj := other[ends[i]].item, other[ends[j]].item
			if vertical {
				return oi.y+oi.h/2 < oj.y+oj.h/2
			}
			return oi.x+oi.w/2 < oj.x+oj.w/2
		})
		bw, bh := it.w, it.h
		if it.node != nil && it.node.Count > 1 {
			bw, bh = bw-4, bh-4
		}
		for i, end := range ends {
			f := float64(i+1) / float64(len(ends)+1)
			switch side {
			case 'l':
				end.x, end.y = it.x, it.y+bh*f
			case 'r':
				end.x, end.y = it.x+bw, it.y+bh*f
			case 't':
				end.x, end.y = it.x+bw*f, it.y
			case 'b':
				end.x, end.y = it.x+bw*f, it.y+bh
			}
		}
	}
	var labels strings.Builder
	for _, r := range routes {
		p0x, p0y, p3x, p3y := r.from.x, r.from.y, r.to.x, r.to.y
		c1x, c1y := control(r.from, p3x, p3y)
		c2x, c2y := control(r.to, p0x, p0y)
		attrs := `fill="none" stroke="#616161" stroke-width="1.2"`
		switch r.e.Style {
		case Dashed:
			attrs += ` stroke-dasharray="6 4" marker-end="` + arrow + `"`
		case Dotted:
			attrs = `fill="none" stroke="#9e9e9e" stroke-width="1.2" stroke-dasharray="1.5 3"`
		default:
			attrs += ` marker-end="` + arrow + `"`
		}
		if r.e.Both && r.e.Style != Dotted {
			attrs += ` marker-start="` + arrow + `"`
		}
		fmt.Fprintf(w, "<path d=\"M%s,%s C%s,%s %s,%s %s,%s\" %s/>\n", num(p0x), num(p0y), num(c1x), num(c1y), num(c2x), num(c2y), num(p3x), num(p3y), attrs)
		if r.e.Label != "" {
			mx := (p0x + 3*c1x + 3*c2x + p3x) / 8
			my := (p0y + 3*c1y + 3*c2y + p3y) / 8
			fmt.Fprintf(&labels, `<text x="%s" y="%s" text-anchor="middle" font-size="9" fill="#424242" stroke="#ffffff" stroke-width="3" paint-order="stroke">%s</text>`+"\n",
				num(mx), num(my+3), escape.HTML(visible(r.e.Label)))
		}
	}
	return labels.String()
}

// control is the control point of a curve leaving end toward (tx, ty):
// straight out of its side, by half the distance (at least 20).
func control(end *svgEnd, tx, ty float64) (float64, float64) {
	switch end.side {
	case 'l', 'r':
		d := math.Max(math.Abs(tx-end.x)/2, 20)
		if end.side == 'l' {
			d = -d
		}
		return end.x + d, end.y
	}
	d := math.Max(math.Abs(ty-end.y)/2, 20)
	if end.side == 't' {
		d = -d
	}
	return end.x, end.y + d
}

// contains reports whether cluster item a holds b.
func contains(a, b *svgItem) bool {
	for p := b.parent; p != nil; p = p.parent {
		if p == a {
			return true
		}
	}
	return false
}

// num writes a coordinate with at most one decimal, the same on every
// platform.
func num(f float64) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", math.Round(f*10)/10), ".0")
}

// glyphWidths are the advance widths of the printable ASCII characters, in
// thousandths of an em, of DejaVu Sans (the widest of the fonts the SVG
// names, and the one Debian's browsers fall back to): a label's box is
// sized from them, so that its text fits in any of the fonts.
var glyphWidths = [95]uint16{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space to /
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // 0 to ?
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // @ to O
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // P to _
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` to o
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, // p to ~
}

// textWidth estimates the width of s in a font of size px.
func textWidth(s string, px float64, bold bool) float64 {
	units := 0
	for _, r := range s {
		switch {
		case r >= ' ' && r <= '~':
			units += int(glyphWidths[r-' '])
		case r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xff00 && r <= 0xff60)):
			units += 1000 // wide East Asian characters
		default:
			units += 700
		}
	}
	w := float64(units) / 1000 * px
	if bold {
		w *= 1.1
	}
	return w
}
