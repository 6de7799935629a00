package graph

import (
	"bufio"
	"fmt"
	"io"
	"unicode/utf8"
)

// Gantt is a Mermaid Gantt chart: exlint plan draws the life of each server
// of a plan across its states with it. Dates are YYYY-MM-DD, written by the
// caller; every name is text from the topology, escaped here.
type Gantt struct {
	Title string
	// Milestones mark days on the chart: the states of a plan.
	Milestones []Milestone
	Sections   []GanttSection
}

// Milestone is a day with a name.
type Milestone struct {
	Name, Date string
}

// GanttSection is a group of tasks under a heading.
type GanttSection struct {
	Name  string
	Tasks []GanttTask
}

// GanttTask is a bar from Start to End (exclusive).
type GanttTask struct {
	Name       string
	Start, End string
	// Status colours the bar: "" (plain), "active" (findings that do not
	// fail), "crit" (findings that fail) or "done" (grey: no finding in a
	// state the rules did not run on).
	Status string
}

// ganttKeep is the punctuation a Gantt chart's names keep as it is: not
// ":", which ends a task's name, nor "#" and ";", which start and end an
// entity code or a comment.
const ganttKeep = ".,-_/()'"

// WriteGantt writes g as a Mermaid Gantt chart. Names are escaped as the
// flowchart's labels are (entity codes for anything but letters, digits,
// spaces and plain punctuation, ":" included), and a task's name starts with
// an entity code, so that no name can read as one of the chart's keywords
// ("section", "title", "click", a date).
func WriteGantt(w io.Writer, g *Gantt) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "%% Drawn by exlint plan.")
	fmt.Fprintln(bw, "gantt")
	fmt.Fprintf(bw, "  title %s\n", mermaidEscapeKeeping(visible(g.Title), ganttKeep))
	fmt.Fprintln(bw, "  dateFormat YYYY-MM-DD")
	fmt.Fprintln(bw, "  axisFormat %Y-%m")
	fmt.Fprintln(bw, "  todayMarker off")
	id := 0
	if len(g.Milestones) > 0 {
		fmt.Fprintln(bw, "  section States")
		for _, m := range g.Milestones {
			id++
			fmt.Fprintf(bw, "    %s :milestone, m%d, %s, 0d\n", ganttName(m.Name), id, m.Date)
		}
	}
	for _, s := range g.Sections {
		fmt.Fprintf(bw, "  section %s\n", mermaidEscapeKeeping(visible(s.Name), ganttKeep))
		for _, t := range s.Tasks {
			id++
			status := ""
			if t.Status == "active" || t.Status == "crit" || t.Status == "done" {
				status = t.Status + ", "
			}
			fmt.Fprintf(bw, "    %s :%st%d, %s, %s\n", ganttName(t.Name), status, id, t.Start, t.End)
		}
	}
	return bw.Flush()
}

// ganttName escapes a task's name, its first character always as an entity
// code: the chart's keywords are recognized at the start of a line.
func ganttName(s string) string {
	s = visible(s)
	if s == "" {
		return "#8203;" // a zero-width space: a task needs a name
	}
	r, size := utf8.DecodeRuneInString(s)
	return fmt.Sprintf("#%d;", r) + mermaidEscapeKeeping(s[size:], ganttKeep)
}
