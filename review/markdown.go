package review

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/schema/catalog"
	"github.com/exlint/exlint/timeline"
)

// marks are the colours of the levels where Markdown has none: the
// diagram's red, amber, blue and green.
var marks = map[graph.Level]string{graph.Error: "🔴", graph.Warning: "🟠", graph.Info: "🔵", graph.Clean: "🟢", graph.Unchecked: "⚪"}

// WriteMarkdown writes the review as Markdown for a pull request or a wiki:
// the same sections as the HTML, the diagram as the Mermaid flowchart
// exlint graph --format mermaid writes, and a plan's chart as the Mermaid
// Gantt chart exlint plan --format mermaid writes, which GitHub draws.
// Every string from the input is escaped for Markdown (escape.Markdown);
// each line starts with the review's own words, so no name starts a
// heading or a list.
func WriteMarkdown(w io.Writer, r *Review) error {
	bw := bufio.NewWriter(w)
	md := escape.Markdown
	fmt.Fprintf(bw, "# Design review: %s\n\n", md(r.Organization))
	plan := ""
	if len(r.States) > 0 {
		plan = fmt.Sprintf(" · a plan of %d states", len(r.States))
	}
	fmt.Fprintf(bw, "Evaluated on **%s** · topology %s%s · %s, Exchange catalogue up to %s\n\n", r.AsOf, escape.MarkdownCode(r.Path), plan, md(r.Tool), r.Horizon)
	word, text := verdictWords(r)
	fmt.Fprintf(bw, "> %s **%s.** %s\\\n> %s\n\n", marks[verdictLevel(r.Verdict)], word, md(text), md(r.Counts.Summary()))

	g := r.Glance
	bw.WriteString("## At a glance\n\n")
	bw.WriteString("| Exchange servers | Exchange versions | Active Directory sites | Domain controllers | DAGs | Domains |\n|---:|---:|---:|---:|---:|---:|\n")
	fmt.Fprintf(bw, "| %d | %d | %d | %d | %d | %d |\n\n", g.Servers, len(g.Versions), len(g.Sites), g.DomainControllers, len(g.DAGs), g.Domains)
	if len(g.Versions) > 0 {
		bw.WriteString("| Exchange version | Servers | Updates |\n|---|---:|---|\n")
		for _, v := range g.Versions {
			fmt.Fprintf(bw, "| %s | %d | %s |\n", md(v.Version), v.Servers, md(v.Updates))
		}
		bw.WriteString("\n")
	}
	if len(g.Sites) > 0 {
		bw.WriteString("| Site | Exchange servers | Domain controllers |\n|---|---:|---:|\n")
		for _, s := range g.Sites {
			fmt.Fprintf(bw, "| %s | %d | %d |\n", md(s.Name), s.Servers, s.DomainControllers)
		}
		bw.WriteString("\n")
	}
	for _, d := range g.DAGs {
		members := d.Members
		if members == "" {
			members = "no members"
		}
		fmt.Fprintf(bw, "- **DAG %s**: %s", md(d.Name), md(members))
		if d.Witness != "" {
			fmt.Fprintf(bw, "; witness %s", md(d.Witness))
		}
		bw.WriteString("\n")
	}
	for _, item := range [][2]string{{"Hybrid", g.Hybrid}, {"Tenants", g.Tenants}, {"Directory synchronization", g.DirectorySync}, {"Migration", g.Migration}} {
		v := item[1]
		if v == "" {
			v = "none"
		}
		fmt.Fprintf(bw, "- **%s**: %s\n", item[0], md(v))
	}

	bw.WriteString("\n## Lifecycle\n\n")
	if len(r.Lifecycle) == 0 {
		bw.WriteString("No Exchange or Windows Server version the catalogue knows.\n")
	} else {
		fmt.Fprintf(bw, "| Product | Used by | Released | Mainstream end | Extended end | On %s |\n|---|---|---|---|---|---|\n", r.AsOf)
		for _, l := range r.Lifecycle {
			ext := dateOr(l.ExtendedEnd)
			if l.Modern {
				ext = "none (Modern Lifecycle Policy)"
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s %s |\n", md(l.Name), md(l.Uses), dateOr(l.GA), dateOr(l.MainstreamEnd), ext, marks[l.Level], md(l.Status))
		}
	}

	if len(r.States) > 0 {
		bw.WriteString("\n## Plan\n\nEach server's life across the plan's states: red (crit) where it has findings that fail the check, highlighted where it has others.")
		if r.anyStateNotChecked() {
			bw.WriteString(" Grey (done) where it has none in a state the rules did not run on (not checked).")
		}
		bw.WriteString("\n\n")
		var buf bytes.Buffer
		if err := graph.WriteGantt(&buf, r.Gantt); err != nil {
			return err
		}
		mermaidBlock(bw, buf.Bytes(), "`exlint plan` lists the states")
		bw.WriteString("\n| State | Date | Changes | Servers | Findings present | Verdict |\n|---|---|---|---|---|---|\n")
		for _, s := range r.States {
			name := "**" + md(s.Name) + "**"
			if s.Description != "" {
				name += "<br>" + md(s.Description)
			}
			when := md(s.When)
			if s.JudgedOn != "" {
				when += "<br>judged on " + s.JudgedOn
			}
			changes := make([]string, len(s.Changes))
			for i, c := range s.Changes {
				changes[i] = md(c)
			}
			ch := strings.Join(changes, "<br>")
			if ch == "" {
				ch = "none"
			}
			verdict := marks[verdictLevel(s.Verdict)] + " " + string(s.Verdict)
			if s.VerdictNote != "" {
				verdict += "<br>" + marks[graph.Unchecked] + " " + s.VerdictNote
			}
			fmt.Fprintf(bw, "| %s | %s | %s | %s | %s | %s |\n", name, when, ch, md(s.Servers), md(s.Findings), verdict)
		}
	}

	bw.WriteString("\n## Diagram\n\nEach thing is coloured by the worst finding on it (red: error, amber: warning, blue: info, green: none).")
	if anyNotChecked(r.Diagrams) {
		bw.WriteString(" A state the rules did not run on is not checked: its things without a finding are grey, not green.")
	}
	bw.WriteString("\n")
	for _, d := range r.Diagrams {
		fmt.Fprintf(bw, "\n**%s**\n\n", md(d.Caption))
		var buf bytes.Buffer
		if err := graph.WriteMermaid(&buf, d.Diagram); err != nil {
			return err
		}
		mermaidBlock(bw, buf.Bytes(), "`exlint graph --format dot` draws it for Graphviz")
	}

	bw.WriteString("\n## Findings\n\n")
	if len(r.Severities) == 0 {
		bw.WriteString("No finding: every rule exlint runs passes on what the topology states.\n")
	}
	for _, sg := range r.Severities {
		fmt.Fprintf(bw, "### %s %s\n", marks[graph.LevelOf(sg.Severity)], countOf(sg.Count, sg.Severity))
		for _, a := range sg.Areas {
			fmt.Fprintf(bw, "\n#### %s\n\n", a.Area)
			for _, f := range a.Findings {
				fmt.Fprintf(bw, "- **%s**\n", md(f.Problem))
				if f.Fix != "" {
					fmt.Fprintf(bw, "  - Fix: %s\n", md(f.Fix))
				}
				var where []string
				if f.DocURL != "" {
					where = append(where, "["+f.Rule+"]("+f.DocURL+")")
				} else {
					where = append(where, md(f.Rule))
				}
				if f.Location != "" {
					where = append(where, escape.MarkdownCode(f.Location))
				}
				if f.State != "" {
					where = append(where, md(f.State))
				}
				fmt.Fprintf(bw, "  - %s\n", strings.Join(where, " · "))
			}
		}
		bw.WriteString("\n")
	}
	if r.Unlisted > 0 {
		fmt.Fprintf(bw, "%s more, the least severe, not listed: the review lists at most `max_findings` of them (`.exlint.hcl`); raise it to list them all.\n", words.Count(r.Unlisted, "finding"))
	}
	bw.WriteString("\n## Open questions\n\n")
	if len(r.Questions) == 0 {
		bw.WriteString("None: every rule could judge what it looks at from what the topology states.\n")
	} else {
		bw.WriteString("What the topology does not state, so that the rules named could not judge it; `exlint check --coverage` lists the same.\n\n| Attribute not stated | Needed by | Where |\n|---|---|---|\n")
		for _, q := range r.Questions {
			attr := md(q.Attribute)
			if q.For != "" {
				attr += "<br>to judge " + md(q.For)
			}
			rules := make([]string, len(q.Rules))
			for i, l := range q.Rules {
				rules[i] = md(l.Rule)
				if l.DocURL != "" {
					rules[i] = "[" + l.Rule + "](" + l.DocURL + ")"
				}
			}
			where := escape.MarkdownCode(q.Location)
			if q.State != "" {
				where += "<br>" + md(q.State)
			}
			fmt.Fprintf(bw, "| %s | %s | %s |\n", attr, strings.Join(rules, ", "), where)
		}
		if r.QuestionsUnlisted > 0 {
			fmt.Fprintf(bw, "\n%s more not listed: the review lists at most `max_findings` of them (`.exlint.hcl`); raise it to list them all.\n", words.Count(r.QuestionsUnlisted, "attribute"))
		}
	}
	fmt.Fprintf(bw, "\n---\nMade by %s on %s. Findings depend on what the files state: a rule that needs an attribute they leave out says nothing, and the open questions list what it would need.\n", md(r.Tool), r.AsOf)
	return bw.Flush()
}

// mermaidBlock writes a Mermaid block, or says why not when Mermaid would
// refuse it (above its default maxTextSize).
func mermaidBlock(bw *bufio.Writer, src []byte, instead string) {
	if len(src) > report.MermaidMaxText {
		fmt.Fprintf(bw, "Not drawn here: it has %s characters, and Mermaid draws at most %s; %s.\n", words.Thousands(len(src)), words.Thousands(report.MermaidMaxText), instead)
		return
	}
	fence := escape.CodeFence(src)
	fmt.Fprintf(bw, "%smermaid\n%s\n%s\n", fence, strings.TrimSuffix(string(src), "\n"), fence)
}

// dateOr is a date, or a dash where the catalogue has none.
func dateOr(d catalog.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}

func verdictLevel(v timeline.Verdict) graph.Level {
	switch v {
	case timeline.Fails:
		return graph.Error
	case timeline.NotChecked:
		return graph.Warning
	}
	return graph.Clean
}
