package graph

import (
	"bytes"
	"encoding/xml"
	"html"
	"io"
	"strings"
	"testing"
	"unicode"

	"github.com/exlint/exlint/internal/escape"
)

// ganttNames adds to the hostile names those of a Gantt chart's syntax.
var ganttNames = []string{"section x", "title x", "gantt", "dateFormat YYYY", "excludes weekends", "click t1 call x()",
	"2027-01-01", "a: b, c", "x :crit, t9, 2020-01-01, 1d", "% comment", "#35; x ;", "accTitle: x", "todayMarker on"}

// checkGantt writes a chart whose every name is name and checks that it
// reads as the chart it is: the header, one section heading per section,
// one line per milestone and bar whose name holds no ":" and starts with an
// entity code, and nothing a terminal or a CI log acts on.
func checkGantt(t *testing.T, name string) {
	t.Helper()
	g := &Gantt{Title: name, Milestones: []Milestone{{Name: name, Date: "2027-01-01"}},
		Sections: []GanttSection{{Name: name, Tasks: []GanttTask{{Name: name, Start: "2027-01-01", End: "2027-02-01", Status: "crit"},
			{Name: name, Start: "2027-02-01", End: "2027-03-01"}}}}}
	var b bytes.Buffer
	if err := WriteGantt(&b, g); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []string{"%% Drawn by exlint plan.", "gantt", "  title ", "  dateFormat YYYY-MM-DD", "  axisFormat %Y-%m", "  todayMarker off",
		"  section States", "    #", "  section ", "    #", "    #"}
	if len(lines) != len(want) {
		t.Fatalf("%q: %d lines, want %d:\n%s", name, len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("%q: line %d is %q, want it to start with %q", name, i+1, lines[i], w)
		}
	}
	for i, data := range map[int]string{7: ":milestone, m1, 2027-01-01, 0d", 9: ":crit, t2, 2027-01-01, 2027-02-01", 10: ":t3, 2027-02-01, 2027-03-01"} {
		task, rest, ok := strings.Cut(strings.TrimPrefix(lines[i], "    "), " :")
		if !ok || ":"+rest != data || strings.ContainsAny(task, ":\n") {
			t.Errorf("%q: line %d is %q", name, i+1, lines[i])
		}
	}
	for _, r := range out {
		if (unicode.IsControl(r) && r != '\n') || unicode.Is(unicode.Cf, r) {
			t.Errorf("%q: the chart holds %U", name, r)
		}
	}
	if strings.Contains(out, "##") {
		t.Errorf("%q: the chart holds ##:\n%s", name, out)
	}
	checkGanttSVG(t, g)
}

// checkGanttSVG draws the chart as SVG and checks that it is XML of the
// elements exlint draws, whose texts hold each name (made visible, cut).
func checkGanttSVG(t *testing.T, g *Gantt) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteGanttSVG(&b, g, "g1"); err != nil {
		t.Fatal(err)
	}
	src := b.String()
	if strings.Contains(src, "##") || strings.ContainsAny(src, "\x1b\r\u202e") {
		t.Fatalf("the SVG holds bytes a terminal or CI log would act on:\n%s", src)
	}
	dec := xml.NewDecoder(strings.NewReader(src))
	var texts []string
	in := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v\n%s", err, src)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "svg", "title", "line", "text", "tspan", "path", "rect":
			default:
				t.Fatalf("element <%s> in the SVG", tok.Name.Local)
			}
			if tok.Name.Local == "text" {
				texts = append(texts, "")
				in++
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				in--
			}
		case xml.CharData:
			if in > 0 {
				texts[len(texts)-1] += string(tok)
			}
		}
	}
	want := html.UnescapeString(escape.HTML(visible(g.Sections[0].Tasks[0].Name)))
	found := false
	for _, tx := range texts {
		found = found || strings.HasPrefix(want, strings.TrimSuffix(tx, "…"))
	}
	if !found {
		t.Errorf("no text of the SVG shows %q: %q", want, texts)
	}
}

func TestGanttNames(t *testing.T) {
	for _, n := range append(append([]string{}, hostileNames...), ganttNames...) {
		checkGantt(t, n)
	}
	var b bytes.Buffer
	WriteGantt(&b, &Gantt{Sections: []GanttSection{{Name: "S", Tasks: []GanttTask{{Start: "2027-01-01", End: "2027-01-02"}}}}})
	if !strings.Contains(b.String(), "    #8203; :t1, 2027-01-01, 2027-01-02\n") {
		t.Errorf("a task without a name:\n%s", b.String())
	}
}
