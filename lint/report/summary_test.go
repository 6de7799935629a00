package report

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// summaryOf renders the github format's step summary of r, drawing with
// draw.
func summaryOf(t *testing.T, r *Report, draw func(string) ([]byte, error)) string {
	t.Helper()
	var summary bytes.Buffer
	render(t, "github", r, Options{StepSummary: &summary, Diagram: draw})
	return summary.String()
}

// finding is a finding of sev in file at line.
func finding(file string, sev lint.Severity, line int, msg string) lint.Finding {
	return lint.Finding{Rule: "some-rule", Severity: sev, Message: msg, Range: rng(file, line, 1, 0, line, 2, 1)}
}

// fakeDiagram draws a directory as a small flowchart naming it, and counts
// what it was asked to draw.
func fakeDiagram(asked *[]string) func(string) ([]byte, error) {
	return func(dir string) ([]byte, error) {
		*asked = append(*asked, dir)
		return []byte("%% Drawn by exlint graph.\nflowchart LR\n  n1[\"" + dir + "\"]\n"), nil
	}
}

// The diagrams: one per topology with findings, the most errors (then
// warnings, info, name) first, at most SummaryDiagrams, and a note on those
// left out; a topology without findings is not drawn.
func TestStepSummaryDiagrams(t *testing.T) {
	r := &Report{Topologies: 14, Files: 14}
	// t00 … t11 with 0 … 11 errors; t12 with warnings only; clean has none.
	for i := range 12 {
		for j := range i {
			r.Findings = append(r.Findings, finding(fmt.Sprintf("t%02d/a.exchange.hcl", i), lint.Error, j+1, "e"))
		}
	}
	r.Findings = append(r.Findings, finding("t00/a.exchange.hcl", lint.Warning, 50, "w"), finding("t12/a.exchange.hcl", lint.Warning, 1, "w"),
		finding("t12/a.exchange.hcl", lint.Warning, 2, "w"))
	r.Checked = append(r.Checked, "clean/a.exchange.hcl")
	var asked []string
	s := summaryOf(t, r, fakeDiagram(&asked))
	want := []string{"t11", "t10", "t09", "t08", "t07", "t06", "t05", "t04", "t03", "t02"}
	if strings.Join(asked, " ") != strings.Join(want, " ") {
		t.Errorf("drew %v, want %v", asked, want)
	}
	if n := strings.Count(s, "\n```mermaid\n"); n != SummaryDiagrams {
		t.Errorf("%d diagrams, want %d", n, SummaryDiagrams)
	}
	if !strings.Contains(s, "\n##### t11: 11 errors, 0 warnings, 0 info\n\n```mermaid\n%% Drawn by exlint graph.\nflowchart LR\n  n1[\"t11\"]\n```\n") {
		t.Errorf("first diagram:\n%s", s)
	}
	if !strings.Contains(s, "3 more topologies with findings are not drawn here (the summary draws 10 at most)") {
		t.Errorf("no note on the topologies left out:\n%s", s)
	}
	if again := summaryOf(t, r, fakeDiagram(new([]string))); again != s {
		t.Error("two summaries of the same report differ")
	}

	// Without a way to draw (standard input), there are no diagrams.
	if s := summaryOf(t, r, nil); strings.Contains(s, "Diagrams") || !strings.Contains(s, "#### Findings") {
		t.Errorf("summary without diagrams:\n%s", s)
	}
}

// A topology that cannot be drawn, or whose diagram Mermaid would refuse,
// is named with the reason, and a diagram holding backticks cannot end its
// code block.
func TestStepSummaryDiagramProblems(t *testing.T) {
	r := &Report{Topologies: 3, Files: 3, Findings: []lint.Finding{
		finding("gone/a.exchange.hcl", lint.Error, 1, "e"),
		finding("huge/a.exchange.hcl", lint.Warning, 1, "w"),
		finding("ticks/a.exchange.hcl", lint.Info, 1, "i"),
	}}
	s := summaryOf(t, r, func(dir string) ([]byte, error) {
		switch dir {
		case "gone":
			return nil, errors.New("gone: no such file or directory <!-- | `x`")
		case "huge":
			return bytes.Repeat([]byte("x"), MermaidMaxText+1), nil
		}
		return []byte("flowchart LR\n```\n````x\n"), nil
	})
	for _, want := range []string{
		"##### gone: 1 error, 0 warnings, 0 info\n\nNot drawn: gone: no such file or directory &lt;\\!-- \\| \\`x\\`\n",
		"Not drawn here: its diagram has 50001 characters, and Mermaid draws at most 50,000;",
		"\n`````mermaid\nflowchart LR\n```\n````x\n`````\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
}

// Names and messages from the input cannot break out of a table cell or a
// heading, add markup or comments, or make a row unreadably long.
func TestStepSummaryHostile(t *testing.T) {
	long := strings.Repeat("é", 3000)
	dir := strings.Repeat("d", 500) + " <!-- | `x` [a](http://e)"
	r := &Report{Topologies: 1, Files: 1, Findings: []lint.Finding{
		{Rule: "bad | rule <b>", Severity: lint.Error, Message: hostile + " <!-- </details> ``` " + long, Range: rng(dir+"/a`|.exchange.hcl", 1, 1, 0, 1, 2, 1)},
	}}
	s := summaryOf(t, r, func(string) ([]byte, error) { return []byte("flowchart LR\n"), nil })
	var row string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "| error |") {
			row = l
		}
	}
	// Four cells: five pipes that are not escaped. The location is one
	// code span, in which markup is text.
	borders := regexp.MustCompile(`(^|[^\\])\|`).FindAllStringIndex(row, -1)
	if len(borders) != 5 {
		t.Fatalf("the row has %d cell borders, want 5: %s", len(borders), row)
	}
	location := row[borders[2][1] : borders[3][0]+1]
	if !regexp.MustCompile("^ `[^`]*` $").MatchString(location) {
		t.Errorf("location cell: %s", location)
	}
	for _, bad := range []string{"<!--", "</details>", "<b>", "\x1b", "\u202e", "\n::warning", "](http"} {
		if strings.Contains(strings.Replace(s, location, "", 1), bad) {
			t.Errorf("summary holds %q:\n%s", bad, s)
		}
	}
	if !strings.Contains(row, "é…") || len(row) > 3000 {
		t.Errorf("the message is not clipped (%d bytes): %.300s", len(row), row)
	}
	if !strings.Contains(row, "| `…ddd") || strings.Contains(row, strings.Repeat("d", clipPath)) {
		t.Errorf("the path is not clipped from its start: %.600s", row)
	}
	heading := regexp.MustCompile(`(?m)^##### .*$`).FindString(s)
	if !strings.HasPrefix(heading, "##### …ddd") || regexp.MustCompile("(^|[^\\\\])`").MatchString(heading) || len(heading) > 400 {
		t.Errorf("heading: %s", heading)
	}
}

// However many findings and however large the diagrams, the summary stays
// within SummaryBudget, half of GitHub's 1 MiB, and says what it left out.
func TestStepSummaryBudget(t *testing.T) {
	r := &Report{Topologies: 40, Files: 40}
	msg := strings.Repeat("<|`", lint.MaxMessageBytes/3)
	for i := range 20000 {
		r.Findings = append(r.Findings, finding(fmt.Sprintf("t%02d/a.exchange.hcl", i%40), lint.Error, i+1, msg))
	}
	diagram := []byte("flowchart LR\n" + strings.Repeat("  n1[\"x\"]\n", (MermaidMaxText-20)/10))
	s := summaryOf(t, r, func(string) ([]byte, error) { return diagram, nil })
	if len(s) > SummaryBudget {
		t.Errorf("summary of %d bytes, above %d", len(s), SummaryBudget)
	}
	drawn := strings.Count(s, "```mermaid\n")
	if drawn == 0 || drawn >= SummaryDiagrams {
		t.Errorf("%d diagrams drawn: the budget should leave some out, and room for one", drawn)
	}
	if !regexp.MustCompile(`\n\d+ more findings are not in this table`).MatchString(s) ||
		!strings.Contains(s, fmt.Sprintf("%d more topologies with findings are not drawn here (to keep the summary within GitHub's limit", 40-drawn)) {
		t.Errorf("notes on what was left out are missing:\n%s", s[len(s)-2000:])
	}
}
