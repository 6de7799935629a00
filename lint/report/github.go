package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
)

// AnnotationsPerStep is how many annotations of each kind (error, warning,
// notice) GitHub Actions shows for one step; it drops the rest.
const AnnotationsPerStep = 10

// GitHubOptions controls the GitHub format.
type GitHubOptions struct {
	// StepSummary receives a Markdown summary when not nil: the counts, and
	// every finding that did not fit in the annotations.
	StepSummary io.Writer
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
		return stepSummary(opt.StepSummary, r, overflow)
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

// stepSummary writes the Markdown job summary: counts, then a table of the
// findings that did not fit in the annotations.
func stepSummary(w io.Writer, r *Report, overflow []lint.Finding) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "### exlint\n\n%s\n", markdownText(summaryLine(r, r.Counts())))
	if note := r.LeftOutNote(); note != "" {
		fmt.Fprintf(bw, "\n%s\n", markdownText(note))
	}
	if len(overflow) > 0 {
		fmt.Fprintf(bw, "\n%d finding(s) did not fit in GitHub's annotations (%d per kind and step):\n\n", len(overflow), AnnotationsPerStep)
		bw.WriteString("| Severity | Location | Rule | Message |\n|---|---|---|---|\n")
		for _, f := range overflow {
			line, col := start(f.Range)
			path, _ := relPath(r.BaseDir, f.Range.Filename)
			fmt.Fprintf(bw, "| %s | %s | [%s](%s) | %s |\n", f.Severity,
				markdownCode(fmt.Sprintf("%s:%d:%d", path, line, col)), markdownText(f.Rule), lint.DocsBaseURL+f.Rule+".md", markdownText(withState(f)))
		}
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// markdownText escapes text for a Markdown table cell: HTML is neutralised,
// Markdown punctuation is backslash-escaped, and line breaks become spaces,
// so that a name cannot end the cell, the row or the table.
func markdownText(s string) string {
	var b strings.Builder
	for _, r := range escape.Text(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~', '{', '}':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// markdownCode writes s as inline code in a table cell.
func markdownCode(s string) string {
	s = strings.ReplaceAll(escape.Text(s), "`", "'")
	return "`" + strings.ReplaceAll(s, "|", "\\|") + "`"
}
