// Package catalogdoc renders the catalogue's support matrices as the
// Markdown tables of the rule pages, so that a page never states a fact the
// data does not hold. A page asks for a table with a marker line,
//
//	<!-- exlint-table: SUBJECT LAYOUT -->
//	...the table, written by Rewrite...
//	<!-- exlint-table-end -->
//
// where LAYOUT is one of:
//
//	versions  a row per Exchange version, a column per value
//	values    a row per value, a column per Exchange version
//	ranges    a row per value, a column per range of updates of a version
//	          that the subject's rows never split
//	levels    a row per range of updates, a column per value
//	features  a row per Exchange version, what it supports (subjects without values)
//	choices   a row per range of updates, the value the rows name for it
//	          (with the Windows Server versions a row is limited to)
//	notes     a row per row of the subject: its versions, values and note
//	members   a row per Exchange version (versions alike share one): the
//	          values it has and the values it lacks, with why (the note)
//
// and three tables that are not support matrices: "dirsync tools" (the
// directory synchronization tools), "windows lifecycle" (the Windows Server
// versions' end of support) and "hybrid-wizard options" (what each option of
// the Hybrid Configuration Wizard sets up).
//
// go generate (tools/gentables) rewrites every table; a test fails when a
// page and the data disagree.
package catalogdoc

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/exlint/exlint/schema/catalog"
)

var (
	startMarker = regexp.MustCompile(`^<!-- exlint-table: ([a-z0-9-]+) ([a-z]+) -->$`)
	endMarker   = "<!-- exlint-table-end -->"
)

// Rewrite returns page with every table between markers rendered anew from
// cat.
func Rewrite(cat *catalog.Catalog, page string) (string, error) {
	lines := strings.Split(page, "\n")
	var out []string
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		m := startMarker.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		end := i + 1
		for end < len(lines) && lines[end] != endMarker {
			end++
		}
		if end == len(lines) {
			return "", fmt.Errorf("line %d: %s without %s", i+1, m[0], endMarker)
		}
		table, err := Table(cat, m[1], m[2])
		if err != nil {
			return "", fmt.Errorf("line %d: %v", i+1, err)
		}
		out = append(out, strings.Split(strings.TrimSuffix(table, "\n"), "\n")...)
		out = append(out, endMarker)
		i = end
	}
	return strings.Join(out, "\n"), nil
}

// Table renders one subject in one layout; "dirsync tools" renders the
// directory synchronization tools (data/dirsync.csv), "windows lifecycle"
// the Windows Server versions' end of support (data/windows.csv) and
// "hybrid-wizard options" the wizard's options (data/hybridwizard.csv).
func Table(cat *catalog.Catalog, subject, layout string) (string, error) {
	if subject == "dirsync" && layout == "tools" {
		return syncTools(cat), nil
	}
	if subject == "windows" && layout == "lifecycle" {
		return windowsLifecycle(cat), nil
	}
	if subject == "hybrid-wizard" && layout == "options" {
		return wizardOptions(cat), nil
	}
	s := cat.Subject(subject)
	if s == nil {
		return "", fmt.Errorf("no subject %q in the catalogue", subject)
	}
	m := matrix{cat: cat, s: s}
	switch layout {
	case "versions":
		return m.byVersion(), nil
	case "values":
		return m.byValue(), nil
	case "ranges":
		return m.byRange(), nil
	case "levels":
		return m.byLevels(), nil
	case "features":
		return m.features(), nil
	case "choices":
		return m.choices(), nil
	case "notes":
		return m.rowNotes(), nil
	case "members":
		return m.members(), nil
	}
	return "", fmt.Errorf("unknown layout %q", layout)
}

type matrix struct {
	cat *catalog.Catalog
	s   *catalog.Subject
}

// versions are the Exchange versions the subject's rows hold for, newest
// first.
func (m matrix) versions() []*catalog.Version {
	vs := m.cat.Versions()
	var out []*catalog.Version
	for i := len(vs) - 1; i >= 0; i-- {
		if len(m.cat.VersionRows(m.s.Name, vs[i])) > 0 {
			out = append(out, vs[i])
		}
	}
	return out
}

// values are the values some row of the subject names, in order.
func (m matrix) values() []string {
	var out []string
	for _, id := range m.s.ValueIDs() {
		for _, r := range m.s.Rows() {
			if r.HasValue(id) {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// products groups Outlook levels by product: the columns of an Outlook table.
func (m matrix) products() (names []string, levels [][]string) {
	index := map[string]int{}
	for _, id := range m.values() {
		product, _, _ := strings.Cut(id, " ")
		i, ok := index[product]
		if !ok {
			i = len(names)
			index[product] = i
			names = append(names, product)
			levels = append(levels, nil)
		}
		levels[i] = append(levels[i], id)
	}
	return names, levels
}

// columns are the table's value columns: one a value, or, for Outlook, one a
// product with its service pack levels.
func (m matrix) columns() (heads []string, ids [][]string) {
	if m.s.Values == "outlook" {
		names, levels := m.products()
		for i, n := range names {
			heads = append(heads, m.valueName(n))
			ids = append(ids, levels[i])
		}
		return heads, ids
	}
	for _, id := range m.values() {
		heads = append(heads, m.valueName(id))
		ids = append(ids, []string{id})
	}
	return heads, ids
}

// valueName is how a column names a value: "Windows Server 2012 R2",
// "Outlook 2013", ".NET Framework 4.8", "Exchange 2019".
func (m matrix) valueName(id string) string {
	switch m.s.Values {
	case "windows":
		return m.cat.WindowsName(id)
	case "ffl":
		if f := m.cat.FFLByID(id); f != nil {
			return f.Name
		}
	case "dotnet":
		return m.cat.DotNetName(id)
	case "outlook":
		if o := m.cat.OutlookByID(id); o != nil {
			return o.Name
		}
	case "exchange":
		return "Exchange " + id
	case "tls":
		return "TLS " + id
	}
	return id
}

// run is a stretch of releases, or of Outlook levels, with one verdict:
// "yes", "no", "disputed", "?", or, where it depends on Windows Server, what
// it is on which ("yes on Windows Server 2022 or later, no on ...").
type run struct {
	label   string
	verdict string
}

// ranges cuts v at the bounds of the subject's rows, oldest first.
func (m matrix) ranges(v *catalog.Version) []catalog.Range { return m.cat.Ranges(m.s.Name, v) }

// label names a range of updates: "CU3+", "≤ CU6", "CU3–CU6", "CU14".
func (m matrix) label(r catalog.Range) string {
	first := ""
	if r.From != nil && r.From != r.Version.Levels()[0] {
		first = r.From.Name
		if alias := m.cat.LevelAlias(r.From); alias != "" {
			first = alias + " (" + r.From.Name + ")"
		}
	}
	last := ""
	if l := r.Last(); r.To != nil && l != nil {
		last = l.Name
	}
	switch {
	case first == "" && last == "":
		return "all"
	case first == "":
		return "≤ " + last
	case last == "":
		return first + "+"
	case first == last:
		return first
	}
	return first + "–" + last
}

// cell summarizes what the rows say of the values ids with v: the stretches
// of its updates (or, for an Outlook product, of its levels, at any update)
// with their verdicts.
func (m matrix) cell(v *catalog.Version, ids []string) string {
	var runs []run
	if len(ids) > 1 { // an Outlook product's levels: "RTM", "SP1", "SP2"
		type stretch struct {
			first, last int
			verdict     string
		}
		var ss []stretch
		for i, id := range ids {
			verdict, _ := m.cat.SupportsAny(m.s.Name, id, "", v)
			text := verdictText(verdict)
			if n := len(ss); n > 0 && ss[n-1].verdict == text {
				ss[n-1].last = i
				continue
			}
			ss = append(ss, stretch{i, i, text})
		}
		level := func(i int) string { _, l, _ := strings.Cut(ids[i], " "); return l }
		for _, st := range ss {
			label := level(st.first) + "–" + level(st.last)
			switch {
			case st.first == 0 && st.last == len(ids)-1:
				label = "all"
			case st.last == len(ids)-1:
				label = level(st.first) + "+"
			case st.first == 0:
				label = "≤ " + level(st.last)
			case st.first == st.last:
				label = level(st.first)
			}
			runs = append(runs, run{label, st.verdict})
		}
		return summarize(runs)
	}
	var cur catalog.Range
	verdict := ""
	flush := func() { runs = append(runs, run{m.label(cur), verdict}) }
	for _, r := range m.ranges(v) {
		vr := m.verdictAt(ids[0], r.At())
		switch {
		case verdict == "":
			cur, verdict = r, vr
		case vr == verdict:
			cur.To = r.To
		default:
			flush()
			cur, verdict = r, vr
		}
	}
	flush()
	return summarize(runs)
}

// verdictAt is what the rows say of value at release rel: "yes", "no",
// "disputed" or "?", or, where rows limited to some Windows Server versions
// decide, what it is on which.
func (m matrix) verdictAt(value string, rel *catalog.Release) string {
	limited := false
	for _, r := range m.s.Rows() {
		limited = limited || (r.WindowsIDs() != nil && r.Covers(rel) && r.HasValue(value))
	}
	if !limited {
		v, _ := m.cat.Supports(m.s.Name, value, rel)
		return verdictText(v)
	}
	ws := m.cat.Windows
	var parts []string
	for i := 0; i < len(ws); {
		v, _ := m.cat.SupportsOn(m.s.Name, value, ws[i].ID, rel)
		j := i
		for j+1 < len(ws) {
			if next, _ := m.cat.SupportsOn(m.s.Name, value, ws[j+1].ID, rel); next != v {
				break
			}
			j++
		}
		if v != catalog.Unknown {
			var ids []string
			for _, w := range ws[i : j+1] {
				ids = append(ids, w.ID)
			}
			parts = append(parts, verdictText(v)+" on "+m.cat.WindowsRangeName(ids))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// summarize writes the stretches of a cell: "yes", "no", "disputed" or "?"
// for the whole; else the supported stretches ("CU3+") and the disputed and
// unknown ones ("CU14 disputed", "≤ SP3 RU4 ?"), a stretch not supported
// going unsaid.
func summarize(runs []run) string {
	if len(runs) == 1 {
		return runs[0].verdict
	}
	var parts []string
	for _, r := range runs {
		switch r.verdict {
		case "yes":
			parts = append(parts, r.label)
		case "no":
		case "disputed", "?":
			parts = append(parts, r.label+" "+r.verdict)
		default:
			parts = append(parts, r.label+": "+r.verdict)
		}
	}
	if len(parts) == 0 {
		return "no"
	}
	return strings.Join(parts, "; ")
}

func verdictText(v catalog.Verdict) string {
	switch v {
	case catalog.Supported:
		return "yes"
	case catalog.Unsupported:
		return "no"
	case catalog.Disputed:
		return "disputed"
	}
	return "?"
}

// legend explains the cells.
const legend = "\"yes\": at every update; \"CU3+\": from CU3 on; \"≤ CU6\": up to CU6; \"no\": not supported; " +
	"\"disputed\": Microsoft's sources disagree (a warning); \"?\": nothing known (not judged)."

func (m matrix) byVersion() string {
	heads, ids := m.columns()
	var b strings.Builder
	writeRow(&b, append([]string{"Exchange"}, heads...))
	writeRule(&b, len(heads)+1)
	for _, v := range m.versions() {
		cells := []string{v.ID}
		for _, col := range ids {
			cells = append(cells, m.cell(v, col))
		}
		writeRow(&b, cells)
	}
	return m.after(b.String(), true)
}

func (m matrix) byValue() string {
	vs := m.versions()
	var b strings.Builder
	head := []string{m.valueHead()}
	for _, v := range vs {
		head = append(head, "Exchange "+v.ID)
	}
	writeRow(&b, head)
	writeRule(&b, len(head))
	heads, ids := m.columns()
	for i, col := range ids {
		cells := []string{heads[i]}
		for _, v := range vs {
			cells = append(cells, m.cell(v, col))
		}
		writeRow(&b, cells)
	}
	return m.after(b.String(), true)
}

func (m matrix) byRange() string {
	type column struct {
		r    catalog.Range
		head string
	}
	var cols []column
	for _, v := range m.versions() {
		rs := m.ranges(v)
		for i := len(rs) - 1; i >= 0; i-- {
			head := v.ID
			if l := m.label(rs[i]); l != "all" {
				head += " " + l
			}
			cols = append(cols, column{rs[i], head})
		}
	}
	var b strings.Builder
	head := []string{m.valueHead()}
	for _, c := range cols {
		head = append(head, c.head)
	}
	writeRow(&b, head)
	writeRule(&b, len(head))
	values := m.values()
	for i := len(values) - 1; i >= 0; i-- {
		cells := []string{m.valueName(values[i])}
		for _, c := range cols {
			cells = append(cells, emphasize(m.verdictAt(values[i], c.r.At())))
		}
		writeRow(&b, cells)
	}
	return m.after(b.String(), true)
}

func (m matrix) byLevels() string {
	heads, ids := m.columns()
	var b strings.Builder
	writeRow(&b, append([]string{"Exchange"}, heads...))
	writeRule(&b, len(heads)+1)
	for _, v := range m.versions() {
		rs := m.ranges(v)
		for i := len(rs) - 1; i >= 0; i-- {
			name := v.ID
			if l := m.label(rs[i]); l != "all" {
				name += " " + l
			}
			cells := []string{name}
			for _, col := range ids {
				cells = append(cells, emphasize(m.verdictAt(col[0], rs[i].At())))
			}
			writeRow(&b, cells)
		}
	}
	return m.after(b.String(), true)
}

func (m matrix) features() string {
	var b strings.Builder
	writeRow(&b, []string{"Exchange", "Supported"})
	writeRule(&b, 2)
	for _, v := range m.versions() {
		writeRow(&b, []string{v.ID, m.cell(v, []string{""})})
	}
	return m.after(b.String(), true)
}

func (m matrix) choices() string {
	var b strings.Builder
	writeRow(&b, []string{"Exchange", m.valueHead()})
	writeRule(&b, 2)
	for _, v := range m.versions() {
		rs := m.ranges(v)
		for i := len(rs) - 1; i >= 0; i-- {
			var parts []string
			for _, r := range m.cat.VersionRows(m.s.Name, v) {
				if !r.Covers(rs[i].At()) {
					continue
				}
				part := strings.Join(r.ValueIDs(), ", ")
				if ws := r.WindowsIDs(); ws != nil {
					part += " on " + m.cat.WindowsRangeName(ws)
				}
				if r.Verdict == catalog.Disputed {
					part += " (disputed)"
				}
				parts = append(parts, part)
			}
			if len(parts) == 0 {
				continue
			}
			name := v.ID
			if l := m.label(rs[i]); l != "all" {
				name += " " + l
			}
			writeRow(&b, []string{name, strings.Join(parts, "; ")})
		}
	}
	return m.after(b.String(), false)
}

func (m matrix) members() string {
	var b strings.Builder
	writeRow(&b, []string{"Exchange", "Has", "Lacks (why)"})
	writeRule(&b, 3)
	var names []string
	var last []string
	flush := func() {
		if names != nil {
			writeRow(&b, append([]string{strings.Join(names, ", ")}, last...))
		}
	}
	for _, v := range m.versions() {
		var has, lacks []string
		for _, val := range m.cat.SupportedValues(m.s.Name, v) {
			h := "`" + val.ID + "`"
			if val.From != nil {
				h += " from " + m.releaseName(v, val.From)
			}
			has = append(has, h)
		}
		for _, r := range m.cat.VersionRows(m.s.Name, v) {
			if r.Verdict == catalog.Supported {
				continue
			}
			lacks = append(lacks, "`"+strings.Join(r.ValueIDs(), "`, `")+"`: "+r.Note)
		}
		if len(has) == 0 {
			has = []string{"none"}
		}
		cells := []string{strings.Join(has, ", "), strings.Join(lacks, "; ")}
		if slices.Equal(cells, last) {
			names = append(names, v.ID)
			continue
		}
		flush()
		names, last = []string{v.ID}, cells
	}
	flush()
	return m.after(b.String(), false)
}

// releaseName names a release as pages do: "SP1 (CU4)" where the release has
// another name.
func (m matrix) releaseName(v *catalog.Version, r *catalog.Release) string {
	if alias := m.cat.LevelAlias(r); alias != "" {
		return alias + " (" + r.Name + ")"
	}
	return r.Name
}

func (m matrix) rowNotes() string {
	var b strings.Builder
	head := m.valueHead()
	if m.s.Values == "exchange" {
		head = "Other Exchange version"
	}
	writeRow(&b, []string{"Exchange", head, "Note"})
	writeRule(&b, 3)
	for _, r := range m.s.Rows() {
		var ids []string
		for _, v := range r.Versions {
			ids = append(ids, v.ID)
		}
		vs := ids[0]
		if len(ids) > 1 {
			vs += " to " + ids[len(ids)-1]
		}
		writeRow(&b, []string{vs, strings.Join(r.ValueIDs(), ", "), r.Note})
	}
	return m.after(b.String(), false)
}

func (m matrix) valueHead() string {
	switch m.s.Values {
	case "windows":
		return "Windows Server"
	case "ffl":
		return "Forest functional level"
	case "dotnet":
		return ".NET Framework"
	case "outlook":
		return "Outlook"
	case "exchange":
		return "Exchange"
	case "tls":
		return "TLS"
	}
	return "Value"
}

// notes lists what the disputed rows' notes say and the rows' sources, as
// the lines after a table.
// after closes a table: the legend of its cells (when it has one), what the
// disputed rows' notes say, and where the data and its sources are.
func (m matrix) after(table string, withLegend bool) string {
	var paras []string
	if withLegend {
		paras = append(paras, legend)
	}
	var disputed []string
	seen := map[string]bool{}
	for _, r := range m.s.Rows() {
		if r.Verdict != catalog.Disputed || seen[r.Note] {
			continue
		}
		seen[r.Note] = true
		note := strings.NewReplacer("{level}", "this update", "{windows}", "its Windows Server").Replace(r.Note)
		disputed = append(disputed, "- Disputed: "+strings.TrimSuffix(note, ".")+".")
	}
	if len(disputed) > 0 {
		paras = append(paras, strings.Join(disputed, "\n"))
	}
	var keys []string
	seenKey := map[string]bool{}
	for _, src := range m.s.Sources {
		if !seenKey[src.Key] {
			seenKey[src.Key] = true
			keys = append(keys, src.Key)
		}
	}
	for _, r := range m.s.Rows() {
		for _, src := range r.Sources {
			if !seenKey[src.Key] {
				seenKey[src.Key] = true
				keys = append(keys, src.Key)
			}
		}
	}
	paras = append(paras, fmt.Sprintf("From exlint's catalogue (`schema/catalog/data/support.csv`, subject `%s`; sources %s).", m.s.Name, strings.Join(keys, ", ")))
	return table + "\n" + strings.Join(paras, "\n\n") + "\n"
}

// emphasize makes a disputed cell stand out in a table of single verdicts.
func emphasize(verdict string) string {
	if verdict == "disputed" {
		return "**disputed**"
	}
	return verdict
}

func writeRow(b *strings.Builder, cells []string) {
	b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func writeRule(b *strings.Builder, n int) {
	b.WriteString("|" + strings.Repeat("---|", n) + "\n")
}

// syncTools lists each directory synchronization tool with what it needs of
// its server and forest, that it is retired, or the tool of its current name.
func syncTools(cat *catalog.Catalog) string {
	var b strings.Builder
	writeRow(&b, []string{"Tool", "Server (`host_os`)", "Forest (`forest_functional_level`)", "Sources"})
	writeRule(&b, 4)
	var keys []string
	for _, t := range cat.SyncTools() {
		host, forest := "**retired**: not supported", "—"
		switch {
		case t.Renamed:
			host = fmt.Sprintf("as `%s` (its current name)", t.Successor.ID)
			forest = host
		case t.Verdict == catalog.Supported:
			host = cat.WindowsRangeName(t.HostIDs()) + ", domain-joined"
			forest = "none named"
			if t.MinFFL != nil {
				forest = t.MinFFL.Name + " or higher"
			}
		}
		var srcs []string
		for _, s := range t.Sources {
			srcs = append(srcs, s.Key)
			if !slices.Contains(keys, s.Key) {
				keys = append(keys, s.Key)
			}
		}
		writeRow(&b, []string{fmt.Sprintf("`%s` (%s)", t.ID, t.Name), host, forest, strings.Join(srcs, ", ")})
	}
	b.WriteString("\n")
	for _, t := range cat.SyncTools() {
		if t.Note != "" {
			fmt.Fprintf(&b, "- %s: %s.\n", t.Name, t.Note)
		}
	}
	fmt.Fprintf(&b, "\nFrom exlint's catalogue (`schema/catalog/data/dirsync.csv`; sources %s).\n", strings.Join(keys, ", "))
	return b.String()
}

// windowsLifecycle lists each Windows Server version with the last days of
// its mainstream and extended support, or that exlint has no verified date.
func windowsLifecycle(cat *catalog.Catalog) string {
	var b strings.Builder
	writeRow(&b, []string{"Windows Server (`os`, `host_os`)", "Mainstream support ends", "Extended support ends", "Sources"})
	writeRule(&b, 4)
	var keys []string
	for i := len(cat.Windows) - 1; i >= 0; i-- {
		w := cat.Windows[i]
		main, ext := "?", "? (not judged)"
		if !w.ExtendedEnd.IsZero() {
			main, ext = w.MainstreamEnd.String(), w.ExtendedEnd.String()
		}
		var srcs []string
		for _, s := range w.Sources {
			if !strings.HasPrefix(s.Key, "MS-LC-") {
				continue // the rows' other sources name the version, not its dates
			}
			srcs = append(srcs, s.Key)
			keys = append(keys, s.Key)
		}
		writeRow(&b, []string{fmt.Sprintf("`%s` (%s)", w.ID, w.Name), main, ext, strings.Join(srcs, ", ")})
	}
	fmt.Fprintf(&b, "\nFrom exlint's catalogue (`schema/catalog/data/windows.csv`; sources %s).\n", strings.Join(keys, ", "))
	return b.String()
}

// wizardOptions lists each component and feature with the Hybrid
// Configuration Wizard options that set it up, and what a feature relies on.
func wizardOptions(cat *catalog.Catalog) string {
	options := []string{"classic_minimal", "express", "classic_full", "modern_minimal", "modern_full"}
	var b strings.Builder
	head := []string{"Component or feature"}
	for _, o := range options {
		head = append(head, "`"+o+"`")
	}
	writeRow(&b, append(head, "Relies on", "Sources"))
	writeRule(&b, len(head)+2)
	var keys []string
	for _, w := range cat.WizardItems() {
		name := w.Name
		if w.Feature {
			name = fmt.Sprintf("`%s` (%s)", w.ID, w.Name)
		}
		row := []string{name}
		for _, o := range options {
			cell := "no"
			switch {
			case len(w.Topologies) == 0:
				cell = "?"
			case w.SetUpBy(o):
				cell = "yes"
			}
			row = append(row, cell)
		}
		var needs, srcs []string
		for _, n := range w.Needs {
			needs = append(needs, n.Name)
		}
		for _, s := range w.Sources {
			srcs = append(srcs, s.Key)
			if !slices.Contains(keys, s.Key) {
				keys = append(keys, s.Key)
			}
		}
		relies := strings.Join(needs, ", or ")
		if w.Note != "" && w.Feature {
			relies = strings.TrimPrefix(strings.Join([]string{relies, w.Note}, "; "), "; ")
		}
		writeRow(&b, append(row, relies, strings.Join(srcs, ", ")))
	}
	fmt.Fprintf(&b, "\n\"yes\": the option sets it up; \"no\": it does not; \"?\": not judged.\n")
	fmt.Fprintf(&b, "\nFrom exlint's catalogue (`schema/catalog/data/hybridwizard.csv`; sources %s).\n", strings.Join(keys, ", "))
	return b.String()
}
