package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// AnnotationsPerStep is how many annotations of each kind (error, warning,
// notice) GitHub Actions shows for one step; it drops the rest.
const AnnotationsPerStep = 10

// GitHubOptions controls the GitHub format.
type GitHubOptions struct {
	// StepSummary receives a Markdown summary when not nil: the counts, a
	// table of the findings and the diagrams of the topologies with the
	// most (stepSummary).
	StepSummary io.Writer
	// Diagram draws the topology of a directory as a Mermaid flowchart for
	// the step summary; nil leaves the diagrams out.
	Diagram func(dir string) ([]byte, error)
}

// GitHub writes findings as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff:
//
//	::error file=F,line=L,col=C,endLine=L,endColumn=C,title=exlint: RULE::MESSAGE
//
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per
// step (and 50 per job). The first ten of each kind become annotations;
// the rest are printed as plain "file:line:col: ..." lines, and listed in
// the step summary when one is given. Info findings are notices.
func GitHub(w io.Writer, r *Report, opt GitHubOptions) error {
	bw := bufio.NewWriter(w)
	shown := map[lint.Severity]int{}
	var overflow []lint.Finding
	for _, f := range r.Findings {
		if shown[f.Severity] >= AnnotationsPerStep {
			overflow = append(overflow, f)
			continue
		}
		shown[f.Severity]++
		line, col := start(f.Range)
		endLine, endCol := f.Range.End.Line, f.Range.End.Column
		if endLine < line || (endLine == line && endCol < col) {
			endLine, endCol = line, col
		}
		path, _ := relPath(r.BaseDir, f.Range.Filename)
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			ghCommand(f.Severity), escape.Property(path), line, col, endLine, endCol,
			escape.Property("exlint: "+f.Rule), escape.Data(withState(f)+" ("+lint.DocsBaseURL+f.Rule+".md)"))
	}
	if len(overflow) > 0 {
		fmt.Fprintf(bw, "exlint: %d more finding(s) than GitHub shows as annotations (%d per kind and step):\n", len(overflow), AnnotationsPerStep)
		for _, f := range overflow {
			bw.WriteString(compactLine(f))
			bw.WriteByte('\n')
		}
	}
	if note := r.LeftOutNote(); note != "" {
		fmt.Fprintf(bw, "::warning title=%s::%s\n", escape.Property("exlint"), escape.Data(note))
	}
	fmt.Fprintln(bw, escape.LineStart(summaryLine(r, r.Counts())))
	if err := bw.Flush(); err != nil {
		return err
	}
	if opt.StepSummary != nil {
		return stepSummary(opt.StepSummary, r, len(overflow), opt.Diagram)
	}
	return nil
}

func ghCommand(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}
