package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
)

// Bounds of the GitHub step summary. GitHub refuses a step's summary above
// 1 MiB; a repository of many topologies, or hostile names of a megabyte,
// must not make exlint's summary fail the job, so it keeps to half of that
// whatever the input, and the findings table to a quarter of it, leaving
// room for the diagrams.
const (
	// SummaryBudget is the most bytes the step summary holds.
	SummaryBudget = 512 << 10
	// summaryTableBudget is the most bytes of rows the findings table holds.
	summaryTableBudget = 128 << 10
	// SummaryDiagrams is the most topologies the step summary draws.
	SummaryDiagrams = 10
	// MermaidMaxText is the longest diagram Mermaid draws with its default
	// settings (maxTextSize, in characters); above it Mermaid shows an
	// error instead of the diagram.
	MermaidMaxText = 50000
	// clipMessage and clipPath bound, in characters, a message and a path
	// shown in the summary: a table cell or a heading stays readable.
	clipMessage = 400
	clipPath    = 160
)

// stepSummary writes the Markdown job summary of the github format: the
// counts; a table of the findings, errors first, as far as its budget
// goes; then, when draw is not nil, the diagrams of the topologies with
// findings, the most errors first (at most SummaryDiagrams, within
// SummaryBudget). overflow is how many findings the annotations left out.
// The summary is written in one piece, at the end.
func stepSummary(w io.Writer, r *Report, overflow int, draw func(dir string) ([]byte, error)) error {
	var b bytes.Buffer
	fmt.Fprintf(&b, "### exlint\n\n%s\n", escape.Markdown(summaryLine(r, r.Counts())))
	if note := r.LeftOutNote(); note != "" {
		fmt.Fprintf(&b, "\n%s\n", escape.Markdown(note))
	}
	if overflow > 0 {
		fmt.Fprintf(&b, "\n%d finding(s) did not fit in GitHub's annotations (%d per kind and step): the step's log lists them.\n", overflow, AnnotationsPerStep)
	}
	findingsTable(&b, r)
	if draw != nil {
		diagrams(&b, r, draw)
	}
	b.WriteString("\n")
	_, err := w.Write(b.Bytes())
	return err
}

// findingsTable writes a table of the report's findings, errors first and
// otherwise in the report's order, until the next row would pass
// summaryTableBudget; then it says how many are not in it.
func findingsTable(b *bytes.Buffer, r *Report) {
	if len(r.Findings) == 0 {
		return
	}
	rows := slices.Clone(r.Findings)
	slices.SortStableFunc(rows, func(x, y lint.Finding) int { return cmp.Compare(y.Severity, x.Severity) })
	b.WriteString("\n#### Findings\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n")
	used, shown := 0, 0
	for _, f := range rows {
		line, col := start(f.Range)
		path, _ := relPath(r.BaseDir, f.Range.Filename)
		row := fmt.Sprintf("| %s | %s | %s | %s |\n", f.Severity, ruleLink(f.Rule),
			escape.MarkdownCode(fmt.Sprintf("%s:%d:%d", words.ClipStart(path, clipPath), line, col)), escape.Markdown(words.ClipEnd(withState(f), clipMessage)))
		if used+len(row) > summaryTableBudget {
			break
		}
		b.WriteString(row)
		used += len(row)
		shown++
	}
	if left := len(rows) - shown; left > 0 {
		fmt.Fprintf(b, "\n%s not in this table, which GitHub's limit on the size of a step summary keeps short: the step's log lists every finding.\n",
			plural(left, "more finding is", "more findings are"))
	}
}

// ruleLink is a rule's name linked to its page; a name that is not a rule
// ID (lower-case letters, digits and hyphens) is only text.
func ruleLink(rule string) string {
	if rule == "" || strings.Trim(rule, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return escape.Markdown(words.ClipEnd(rule, 80))
	}
	return "[" + rule + "](" + lint.DocsBaseURL + rule + ".md)"
}

// topologyCounts are the findings of one topology, by severity.
type topologyCounts struct {
	dir    string
	counts lint.Counts
}

// topologiesByFindings groups findings by topology (the directory of their
// file) and orders the topologies by errors, then warnings, then info, most
// first, then by name.
func topologiesByFindings(fs []lint.Finding) []topologyCounts {
	byDir := map[string]*lint.Counts{}
	for i := range fs {
		if fs[i].Range.Filename == "" {
			continue
		}
		dir := filepath.Dir(fs[i].Range.Filename)
		c, ok := byDir[dir]
		if !ok {
			c = &lint.Counts{}
			byDir[dir] = c
		}
		c.Add(lint.Count(fs[i : i+1]))
	}
	out := make([]topologyCounts, 0, len(byDir))
	for dir, c := range byDir {
		out = append(out, topologyCounts{dir: dir, counts: *c})
	}
	slices.SortFunc(out, func(x, y topologyCounts) int {
		return cmp.Or(cmp.Compare(y.counts.Errors, x.counts.Errors), cmp.Compare(y.counts.Warnings, x.counts.Warnings),
			cmp.Compare(y.counts.Infos, x.counts.Infos), strings.Compare(x.dir, y.dir))
	})
	return out
}

// diagrams writes the diagram of each topology with findings, the most
// errors first: at most SummaryDiagrams, and only while the summary stays
// within SummaryBudget. A diagram Mermaid would refuse (MermaidMaxText) or
// one that could not be drawn is named with the reason.
func diagrams(b *bytes.Buffer, r *Report, draw func(dir string) ([]byte, error)) {
	tops := topologiesByFindings(r.Findings)
	if len(tops) == 0 {
		return
	}
	b.WriteString("\n#### Diagrams\n\nThe topologies with findings, the most errors first, as `exlint graph --format mermaid` draws them: " +
		"each thing coloured by the worst finding on it in the topology's current state.\n")
	// The last note needs room too.
	limit := SummaryBudget - 1024
	left, why := 0, ""
	for i, t := range tops {
		if i == SummaryDiagrams {
			left, why = len(tops)-i, fmt.Sprintf("the summary draws %d at most", SummaryDiagrams)
			break
		}
		path, _ := relPath(r.BaseDir, t.dir)
		heading := fmt.Sprintf("\n##### %s: %s\n\n", escape.Markdown(words.ClipStart(path, clipPath)), t.counts.Summary())
		var body string
		src, err := draw(t.dir)
		switch {
		case err != nil:
			body = "Not drawn: " + escape.Markdown(words.ClipEnd(err.Error(), clipMessage)) + "\n"
		case len(src) > MermaidMaxText:
			body = fmt.Sprintf("Not drawn here: its diagram has %d characters, and Mermaid draws at most %s; `exlint graph --format dot` draws it for Graphviz.\n",
				len(src), words.Thousands(MermaidMaxText))
		default:
			fence := escape.CodeFence(src)
			body = fence + "mermaid\n" + strings.TrimSuffix(string(src), "\n") + "\n" + fence + "\n"
		}
		if b.Len()+len(heading)+len(body) > limit {
			left, why = len(tops)-i, "to keep the summary within GitHub's limit on its size"
			break
		}
		b.WriteString(heading)
		b.WriteString(body)
	}
	if left > 0 {
		fmt.Fprintf(b, "\n%s not drawn here (%s): `exlint graph --format mermaid DIR` draws any of them.\n",
			plural(left, "more topology with findings is", "more topologies with findings are"), why)
	}
}
