package graph

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/words"
)

// The Gantt picture's sizes.
const (
	ganttWidth = 960.0
	ganttLabel = 250.0 // the names' column
	ganttRow   = 22.0
	ganttBar   = 14.0
	ganttAxis  = 24.0
)

// WriteGanttSVG draws g as an SVG picture, for a document that runs no
// script (Mermaid needs one): a row per milestone with its name beside a
// diamond on its date and a guide line down the chart, then each section's
// heading and its bars, coloured as the diagram colours findings (red where
// a bar is "crit", amber where "active", green otherwise). id names the
// picture in its document, as for WriteSVG. Names are made visible, clipped
// and escaped; a date that does not parse puts its bar at the chart's start.
func WriteGanttSVG(w io.Writer, g *Gantt, id string) error {
	bw := bufio.NewWriter(w)
	var dates []time.Time
	parse := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return time.Time{}
		}
		return t
	}
	for _, m := range g.Milestones {
		dates = append(dates, parse(m.Date))
	}
	rows := len(g.Milestones)
	for _, s := range g.Sections {
		rows += 1 + len(s.Tasks)
		for _, t := range s.Tasks {
			dates = append(dates, parse(t.Start), parse(t.End))
		}
	}
	var first, last time.Time
	for _, d := range dates {
		if d.IsZero() {
			continue
		}
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if last.IsZero() || d.After(last) {
			last = d
		}
	}
	if first.IsZero() {
		first = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	// Whole months around the dates.
	first = time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	last = time.Date(last.Year(), last.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	if !last.After(first) {
		last = first.AddDate(0, 1, 0)
	}
	span := last.Sub(first).Hours()
	plot := ganttWidth - ganttLabel - 12
	x := func(s string) float64 {
		d := parse(s)
		if d.IsZero() {
			d = first
		}
		return ganttLabel + plot*d.Sub(first).Hours()/span
	}
	height := ganttAxis + float64(rows)*ganttRow + 8
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="exlint-gantt" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s" font-family="%s">`+"\n",
		id, num(ganttWidth), num(height), num(ganttWidth), num(height), escape.HTML(visible(g.Title)), svgFontFamily)
	fmt.Fprintf(bw, "<title>%s</title>\n", escape.HTML(visible(g.Title)))
	// The axis: months, or quarters or years on a long chart.
	months := int(math.Round(span / 24 / 30.44))
	step := 1
	for _, s := range []int{1, 3, 6, 12, 24} {
		step = s
		if months/s <= 14 {
			break
		}
	}
	for d := first; !d.After(last); d = d.AddDate(0, step, 0) {
		gx := x(d.Format(time.DateOnly))
		if gx > ganttWidth-24 {
			break // its label would not fit
		}
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#eaeef2"/><text x="%s" y="14" font-size="10" text-anchor="middle" fill="#57606a">%s</text>`+"\n",
			num(gx), num(ganttAxis-4), num(gx), num(height-8), num(gx), d.Format("2006-01"))
	}
	row := 0
	y := func() float64 { return ganttAxis + float64(row)*ganttRow }
	for _, m := range g.Milestones {
		mx := x(m.Date)
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#8c959f" stroke-dasharray="3 3"/>`+"\n", num(mx), num(y()+ganttRow/2), num(mx), num(height-8))
		fmt.Fprintf(bw, `<path d="M%s,%s l6,6 l-6,6 l-6,-6 z" fill="#1f2328"/>`+"\n", num(mx), num(y()+ganttRow/2-6))
		fmt.Fprintf(bw, `<text x="%s" y="%s" font-size="11" text-anchor="end" fill="#1f2328"><tspan font-weight="bold">%s</tspan> %s</text>`+"\n",
			num(ganttLabel-8), num(y()+ganttRow/2+4), escape.HTML(words.ClipEnd(visible(m.Name), 28)), m.Date)
		fmt.Fprintf(bw, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d0d7de" stroke-dasharray="1 3"/>`+"\n", num(ganttLabel-4), num(y()+ganttRow/2), num(mx-8), num(y()+ganttRow/2))
		row++
	}
	for _, s := range g.Sections {
		fmt.Fprintf(bw, `<rect x="0" y="%s" width="%s" height="%s" fill="#f6f8fa"/><text x="4" y="%s" font-size="11" font-weight="bold" fill="#1f2328">%s</text>`+"\n",
			num(y()+2), num(ganttWidth), num(ganttRow-4), num(y()+ganttRow/2+4), escape.HTML(words.ClipEnd(visible(s.Name), 60)))
		row++
		for _, t := range s.Tasks {
			level := Clean
			switch t.Status {
			case "crit":
				level = Error
			case "active":
				level = Warning
			case "done":
				level = Unchecked
			}
			col := colours[level]
			x0, x1 := x(t.Start), x(t.End)
			fmt.Fprintf(bw, `<text x="12" y="%s" font-size="11" fill="#1f2328">%s</text>`+"\n", num(y()+ganttRow/2+4), escape.HTML(words.ClipEnd(visible(t.Name), 36)))
			fmt.Fprintf(bw, `<rect x="%s" y="%s" width="%s" height="%s" rx="3" fill="%s" stroke="%s" stroke-width="%s"/>`+"\n",
				num(x0), num(y()+(ganttRow-ganttBar)/2), num(math.Max(x1-x0, 2)), num(ganttBar), col.fill, col.line, num(strokeWidth(level)))
			row++
		}
	}
	fmt.Fprintln(bw, "</svg>")
	return bw.Flush()
}
