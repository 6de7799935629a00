package review

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Life is the lifecycle of a product the topology runs: an Exchange version
// or a Windows Server version, with the dates of the catalogue.
type Life struct {
	Name string
	// Uses says what runs it in the current state ("2 servers"), or that
	// only a later state of the plan does.
	Uses string
	// GA, MainstreamEnd and ExtendedEnd are zero where the catalogue has no
	// date; Modern marks a product without a fixed end.
	GA, MainstreamEnd, ExtendedEnd catalog.Date
	Modern                         bool
	// Status says where the product stands on the evaluation date, and
	// Level colours it as the diagram would: past its end (error), within
	// the year before it (warning), or in support.
	Status string
	Level  graph.Level
}

// lifecycle lists the Exchange versions, then the Windows Server versions,
// that any state of the plan runs, oldest first, with their dates.
func lifecycle(plan *schema.Plan, cat *catalog.Catalog, asOf catalog.Date) []Life {
	exchange := map[*catalog.Version]bool{}
	windows := map[*catalog.Windows]bool{}
	for _, st := range plan.States {
		top := st.Topology
		for _, s := range top.Servers {
			if id, ok := s.Version.Get(); ok && cat.Version(id) != nil {
				exchange[cat.Version(id)] = true
			}
		}
		for _, os := range windowsOf(top) {
			if w := cat.WindowsByID(os); w != nil {
				windows[w] = true
			}
		}
	}
	soon := cat.Days("end-of-support-warning-days")
	var out []Life
	for _, v := range cat.Versions() {
		if !exchange[v] {
			continue
		}
		n := 0
		for _, s := range plan.Current.Servers {
			if s.Version.Is(v.ID) {
				n++
			}
		}
		l := Life{Name: v.Name, Uses: uses(use{n, "server", "servers"}), GA: v.GA, MainstreamEnd: v.MainstreamEnd, ExtendedEnd: v.ExtendedEnd, Modern: v.Modern}
		l.judge(asOf, soon)
		out = append(out, l)
	}
	ws := make([]*catalog.Windows, 0, len(windows))
	for w := range windows {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b *catalog.Windows) int { return cmp.Compare(a.Rank, b.Rank) })
	for _, w := range ws {
		top := plan.Current
		servers, dcs, farms, sync := 0, 0, 0, 0
		for _, s := range top.Servers {
			if s.OS.Is(w.ID) {
				servers++
			}
		}
		for _, dc := range top.DomainControllers {
			if dc.OS.Is(w.ID) {
				dcs++
			}
		}
		for _, a := range top.ADFS {
			if a.OS.Is(w.ID) {
				farms++
			}
		}
		if ds := top.DirectorySync; ds != nil && ds.HostOS.Is(w.ID) {
			sync++
		}
		l := Life{Name: w.Name, Uses: uses(use{servers, "Exchange server", "Exchange servers"}, use{dcs, "domain controller", "domain controllers"},
			use{farms, "AD FS farm", "AD FS farms"}, use{sync, "directory synchronization server", ""}), MainstreamEnd: w.MainstreamEnd, ExtendedEnd: w.ExtendedEnd}
		l.judge(asOf, soon)
		out = append(out, l)
	}
	return out
}

// windowsOf lists the Windows Server versions a topology names: its
// servers', domain controllers', AD FS farms' and directory
// synchronization server's.
func windowsOf(top *schema.Topology) []string {
	var out []string
	add := func(s *schema.String) {
		if v, ok := s.Get(); ok {
			out = append(out, v)
		}
	}
	for _, s := range top.Servers {
		add(s.OS)
	}
	for _, dc := range top.DomainControllers {
		add(dc.OS)
	}
	for _, a := range top.ADFS {
		add(a.OS)
	}
	if ds := top.DirectorySync; ds != nil {
		add(ds.HostOS)
	}
	return out
}

// use is how many things of a kind run a product.
type use struct {
	n         int
	one, many string
}

// uses says what runs a product in the current state.
func uses(us ...use) string {
	var parts []string
	for _, u := range us {
		if u.n > 0 {
			parts = append(parts, strconv.Itoa(u.n)+" "+pick(u.n, u.one, u.many))
		}
	}
	if len(parts) == 0 {
		return "a later state of the plan"
	}
	return strings.Join(parts, ", ")
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// judge says where the product stands on asOf.
func (l *Life) judge(asOf catalog.Date, soonDays int) {
	switch {
	case l.Modern:
		l.Status, l.Level = "in support (Modern Lifecycle Policy: no fixed end)", graph.Clean
	case l.ExtendedEnd.IsZero():
		l.Status, l.Level = "end of support unknown: exlint's catalogue has no date for it, so it is not judged", graph.Info
	case asOf.After(l.ExtendedEnd):
		l.Status, l.Level = "out of support since "+l.ExtendedEnd.String(), graph.Error
	case asOf.DaysUntil(l.ExtendedEnd) <= soonDays:
		l.Status, l.Level = fmt.Sprintf("support ends on %s, in %d days", l.ExtendedEnd, asOf.DaysUntil(l.ExtendedEnd)), graph.Warning
	case !l.MainstreamEnd.IsZero() && asOf.After(l.MainstreamEnd):
		l.Status, l.Level = "extended support until "+l.ExtendedEnd.String(), graph.Clean
	default:
		l.Status, l.Level = "mainstream support; extended support until "+l.ExtendedEnd.String(), graph.Clean
	}
}

// The lifecycle chart's sizes.
const (
	lifeWidth  = 960.0
	lifeLabel  = 230.0 // the names' column
	lifeRow    = 30.0
	lifeBar    = 14.0
	lifeTop    = 26.0 // the axis
	lifeBottom = 46.0 // the evaluation date, then the legend below it
)

// writeLifecycleSVG draws the lifecycles on a time axis: each product a
// row, mainstream support a dark bar, extended support a light one, in the
// colour of its status; the evaluation date a line across. A start the
// catalogue does not have (Windows Server's) fades in from the axis.
func writeLifecycleSVG(w io.Writer, lives []Life, asOf catalog.Date, id string) {
	first, last := asOf.Year-1, asOf.Year+1
	for _, l := range lives {
		for _, d := range []catalog.Date{l.GA, l.MainstreamEnd, l.ExtendedEnd} {
			if !d.IsZero() {
				first, last = min(first, d.Year), max(last, d.Year+1)
			}
		}
	}
	// Windows Server's mainstream phase starts before the axis.
	first--
	span := float64(last - first)
	plot := lifeWidth - lifeLabel - 16
	x := func(d catalog.Date) float64 {
		return lifeLabel + plot*(float64(d.Year-first)+float64(d.Month-1)/12+float64(max(d.Day, 1)-1)/365)/span
	}
	height := lifeTop + float64(len(lives))*lifeRow + lifeBottom
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="exlint-lifecycle" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="Lifecycle of the products the topology runs, as of %s" font-family="%s">`+"\n",
		id, num(lifeWidth), num(height), num(lifeWidth), num(height), asOf, fontFamily)
	fmt.Fprintf(w, `<defs><linearGradient id="%s-fade"><stop offset="0" stop-color="#ffffff" stop-opacity="1"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></linearGradient></defs>`+"\n", id)
	step := 1
	for span/float64(step) > 16 {
		step++
	}
	for y := first; y <= last; y++ {
		if (y-first)%step != 0 {
			continue
		}
		gx := x(catalog.Date{Year: y, Month: 1, Day: 1})
		fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#e1e4e8"/><text x="%s" y="16" font-size="11" text-anchor="middle" fill="#57606a">%d</text>`+"\n",
			num(gx), num(lifeTop-4), num(gx), num(height-lifeBottom), num(gx), y)
	}
	for i, l := range lives {
		top := lifeTop + float64(i)*lifeRow
		mid := top + lifeRow/2
		fill, line := graph.Colours(l.Level)
		fmt.Fprintf(w, `<text x="0" y="%s" font-size="12" font-weight="bold" fill="#1f2328">%s</text>`+"\n", num(mid+4), escape.HTML(l.Name))
		start, fadeIn := l.GA, false
		if start.IsZero() {
			start, fadeIn = catalog.Date{Year: first, Month: 1, Day: 1}, true
		}
		mainEnd := l.MainstreamEnd
		end := l.ExtendedEnd
		if l.Modern || end.IsZero() {
			end = catalog.Date{Year: last, Month: 1, Day: 1}
		}
		if mainEnd.IsZero() {
			mainEnd = end
		}
		y := num(mid - lifeBar/2)
		fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n",
			num(x(start)), y, num(max(x(mainEnd)-x(start), 1)), num(lifeBar), line, line)
		if mainEnd != end {
			fmt.Fprintf(w, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n",
				num(x(mainEnd)), y, num(max(x(end)-x(mainEnd), 1)), num(lifeBar), fill, line)
		}
		if fadeIn {
			fmt.Fprintf(w, `<rect x="%s" y="%s" width="40" height="%s" fill="url(#%s-fade)"/>`+"\n", num(x(start)-1), num(mid-lifeBar/2-1), num(lifeBar+2), id)
		}
		if l.Modern || l.ExtendedEnd.IsZero() {
			fmt.Fprintf(w, `<rect x="%s" y="%s" width="41" height="%s" fill="url(#%s-fade)" transform="rotate(180 %s %s)"/>`+"\n",
				num(x(end)-40), num(mid-lifeBar/2-1), num(lifeBar+2), id, num(x(end)-20), num(mid))
		}
	}
	ax := x(asOf)
	fmt.Fprintf(w, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#1f2328" stroke-width="1.5" stroke-dasharray="4 3"/>`+"\n", num(ax), num(lifeTop-4), num(ax), num(height-lifeBottom+4))
	// The date under its line, kept inside the picture near either edge
	// (a date is some 70 units wide at this size).
	anchor := "middle"
	switch {
	case ax+36 > lifeWidth:
		anchor = "end"
	case ax-36 < 0:
		anchor = "start"
	}
	fmt.Fprintf(w, `<text x="%s" y="%s" font-size="11" text-anchor="%s" fill="#1f2328" font-weight="bold">%s</text>`+"\n", num(ax), num(height-lifeBottom+16), anchor, asOf)
	// The legend.
	ly := height - 10
	fmt.Fprintf(w, `<rect x="0" y="%s" width="18" height="9" fill="#57606a"/><text x="24" y="%s" font-size="11" fill="#57606a">mainstream support</text>`+"\n", num(ly-8), num(ly))
	fmt.Fprintf(w, `<rect x="140" y="%s" width="18" height="9" fill="#eef1f4" stroke="#57606a"/><text x="164" y="%s" font-size="11" fill="#57606a">extended support (colour: status on the evaluation date)</text>`+"\n", num(ly-8), num(ly))
	fmt.Fprintln(w, "</svg>")
}

const fontFamily = "'Segoe UI','DejaVu Sans','Helvetica Neue',Arial,sans-serif"

// num writes a coordinate with at most one decimal.
func num(f float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(float64(int64(f*10+0.5))/10, 'f', 1, 64), ".0")
}
