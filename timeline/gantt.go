package timeline

import (
	"sort"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/schema/catalog"
)

// lead is how long before the first stage the chart starts when the run's
// date is not earlier (a plan checked after its stages): the current state
// keeps a bar of its own.
const lead = 30

// Gantt draws the timeline as a Gantt chart: a milestone per state, and per
// Exchange version a section whose bars are its servers' lives, one bar for
// each stretch of states in which a server keeps its version, update and
// verdict. A bar is "crit" where the server has findings that fail,
// "active" where it has others, and "done" (Mermaid's grey) where it has
// none in a state the rules did not run on: nothing judged it there. The last state's bars run on for a tenth of
// the plan (a month at least).
func Gantt(t *Timeline) *graph.Gantt {
	g := &graph.Gantt{Title: t.Organization + ", as of " + t.AsOf.String()}
	if t.Organization == "" {
		g.Title = "as of " + t.AsOf.String()
	}
	starts := make([]catalog.Date, len(t.States))
	for i, s := range t.States {
		starts[i] = s.Start
	}
	if len(starts) > 1 && !starts[0].Before(starts[1]) {
		starts[0] = starts[1].AddDays(-lead)
	}
	span := starts[0].DaysUntil(starts[len(starts)-1])
	end := starts[len(starts)-1].AddDays(max(lead, span/10))
	for i, s := range t.States {
		g.Milestones = append(g.Milestones, graph.Milestone{Name: s.Name, Date: starts[i].String()})
	}

	type bar struct {
		key     string // what must stay the same for the bar to go on
		section *catalog.Version
		task    graph.GanttTask
		last    int // the last state it covers
		server  int // the order in which its server first appears
	}
	var bars []*bar
	open := map[string]*bar{}
	serverOrder := map[string]int{}
	for i, s := range t.States {
		stop := end
		if i+1 < len(starts) {
			stop = starts[i+1]
		}
		for _, sv := range s.Servers {
			status := ""
			switch {
			case sv.Counts.Fail(t.failOn, t.failOnPlanned):
				status = "crit"
			case sv.Counts.Total() > 0:
				status = "active"
			case !s.Checked:
				status = "done"
			}
			name := sv.Name
			if sv.Level != "" {
				name += " " + sv.Level
			}
			if sv.ShutDown {
				name += " (shut down)"
			}
			versionID := ""
			if sv.Version != nil {
				versionID = sv.Version.ID
			}
			key := versionID + "\x00" + name + "\x00" + status
			if b := open[sv.Name]; b != nil && b.key == key && b.last == i-1 {
				b.task.End, b.last = stop.String(), i
				continue
			}
			if _, ok := serverOrder[sv.Name]; !ok {
				serverOrder[sv.Name] = len(serverOrder)
			}
			b := &bar{key: key, section: sv.Version, last: i, server: serverOrder[sv.Name],
				task: graph.GanttTask{Name: name, Start: starts[i].String(), End: stop.String(), Status: status}}
			open[sv.Name] = b
			bars = append(bars, b)
		}
	}
	// Each server's bars together, in the order the servers appear.
	sort.SliceStable(bars, func(i, j int) bool { return bars[i].server < bars[j].server })
	sections := map[*catalog.Version]*graph.GanttSection{}
	var order []*catalog.Version
	for _, b := range bars {
		sec := sections[b.section]
		if sec == nil {
			name := "unknown version"
			if b.section != nil {
				name = b.section.Name
			}
			sec = &graph.GanttSection{Name: name}
			sections[b.section] = sec
			order = append(order, b.section)
		}
		sec.Tasks = append(sec.Tasks, b.task)
	}
	// Sections from the oldest version to the newest, unknown ones last.
	rank := func(v *catalog.Version) int {
		if v == nil {
			return 1 << 30
		}
		return v.Rank
	}
	sort.SliceStable(order, func(i, j int) bool { return rank(order[i]) < rank(order[j]) })
	for _, v := range order {
		g.Sections = append(g.Sections, *sections[v])
	}
	return g
}
