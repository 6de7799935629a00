package review

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
	"github.com/exlint/exlint/timeline"
)

//go:embed report.html
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	// text makes a string from the input one safe line (controls and
	// bidirectional overrides as visible escapes, CI log commands broken);
	// html/template then escapes it for where it stands.
	"text": escape.Text,
	"date": func(d catalog.Date) string {
		if d.IsZero() {
			return "—"
		}
		return d.String()
	},
	"level":        func(l graph.Level) string { return l.String() },
	"sevClass":     func(s lint.Severity) string { return s.String() },
	"verdictClass": verdictClass,
	"sevTitle": func(s lint.Severity, n int) string {
		names := map[lint.Severity][2]string{lint.Error: {"error", "errors"}, lint.Warning: {"warning", "warnings"}, lint.Info: {"info", "info"}}
		w := names[s][1]
		if n == 1 {
			w = names[s][0]
		}
		return fmt.Sprintf("%d %s", n, w)
	},
}).Parse(htmlSource))

// htmlView is what the template reads: the review, and the pictures drawn
// for it. The pictures are SVG that exlint's writers escape themselves.
type htmlView struct {
	*Review
	CSS          template.CSS
	Plan         bool
	VerdictClass string
	VerdictWord  string
	VerdictText  string
	Chips        []chip
	LifecycleSVG template.HTML
	GanttSVG     template.HTML
	Diagrams     []htmlDiagram
	// NotChecked is set when a diagram draws a state the rules did not run
	// on, StateNotChecked when the plan has such a state.
	NotChecked, StateNotChecked bool
}

type chip struct{ Class, Text string }

type htmlDiagram struct {
	Caption string
	SVG     template.HTML
}

// WriteHTML writes the review as one HTML document that needs nothing else:
// its style inline, its pictures inline SVG, no script (its Content Security
// Policy forbids any, and any request), printable. Every string from the
// input is escaped by html/template, after escape.Text.
func WriteHTML(w io.Writer, r *Review) error {
	v := htmlView{Review: r, CSS: template.CSS(css()), Plan: len(r.States) > 0, NotChecked: anyNotChecked(r.Diagrams),
		StateNotChecked: r.anyStateNotChecked()}
	v.VerdictClass = verdictClass(r.Verdict)
	v.VerdictWord, v.VerdictText = verdictWords(r)
	for _, c := range []struct {
		sev lint.Severity
		n   int
	}{{lint.Error, r.Counts.Errors}, {lint.Warning, r.Counts.Warnings}, {lint.Info, r.Counts.Infos}} {
		v.Chips = append(v.Chips, chip{c.sev.String(), countOf(c.n, c.sev)})
	}
	var buf bytes.Buffer
	if len(r.Lifecycle) > 0 {
		writeLifecycleSVG(&buf, r.Lifecycle, r.AsOf, "lifecycle-chart")
		v.LifecycleSVG = template.HTML(buf.String())
	}
	for i, d := range r.Diagrams {
		buf.Reset()
		if err := graph.WriteSVG(&buf, withoutLegend(d.Diagram), fmt.Sprintf("diagram-%d", i+1)); err != nil {
			return err
		}
		v.Diagrams = append(v.Diagrams, htmlDiagram{Caption: d.Caption, SVG: template.HTML(buf.String())})
	}
	if r.Gantt != nil {
		buf.Reset()
		if err := graph.WriteGanttSVG(&buf, r.Gantt, "gantt"); err != nil {
			return err
		}
		v.GanttSVG = template.HTML(buf.String())
	}
	return htmlTemplate.Execute(w, v)
}

// withoutLegend is the diagram without its legend, which the document
// gives in its text.
func withoutLegend(d *graph.Diagram) *graph.Diagram {
	out := *d
	root := *d.Root
	root.Clusters = nil
	for _, c := range d.Root.Clusters {
		if !c.Legend {
			root.Clusters = append(root.Clusters, c)
		}
	}
	out.Root = &root
	return &out
}

func verdictClass(v timeline.Verdict) string {
	switch v {
	case timeline.Fails:
		return "error"
	case timeline.NotChecked:
		return "warning"
	}
	return "clean"
}

// verdictWords are the summary's verdict in a word and a sentence.
func verdictWords(r *Review) (string, string) {
	what := "the topology"
	if len(r.States) > 0 {
		what = "the plan"
	}
	switch r.Verdict {
	case timeline.Fails:
		return "Does not pass", fmt.Sprintf("%s has findings at or above %s that exlint check fails on: fix them, or record why they are accepted, before the change goes ahead.", capital(what), r.FailOn)
	case timeline.NotChecked:
		return "Not checked", fmt.Sprintf("exlint could not check all of %s: see the findings.", what)
	}
	if r.Counts.Fail(r.FailOn, true) {
		// Only planned findings reach the severity that fails.
		return "Passes", fmt.Sprintf("%s's findings at or above %s are all planned: a later stage resolves each, and they fail only with --fail-on-planned; review them and the others below.", capital(what), r.FailOn)
	}
	if r.Counts.Total() > 0 {
		return "Passes", fmt.Sprintf("%s has no finding at or above %s; review the others below.", capital(what), r.FailOn)
	}
	return "Passes", fmt.Sprintf("%s has no finding.", capital(what))
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func countOf(n int, s lint.Severity) string {
	switch {
	case s == lint.Info:
		return fmt.Sprintf("%d info", n)
	case n == 1:
		return "1 " + s.String()
	}
	return fmt.Sprintf("%d %ss", n, s)
}

// css is the document's style; the severities' colours are the diagram's.
func css() string {
	var b strings.Builder
	b.WriteString(":root{")
	for _, l := range append(slices.Clone(graph.Levels), graph.Unchecked) {
		fill, line := graph.Colours(l)
		fmt.Fprintf(&b, "--%s-fill:%s;--%s-line:%s;", l, fill, l, line)
	}
	b.WriteString("}\n")
	b.WriteString(style)
	return b.String()
}

const style = `*{box-sizing:border-box}
body{margin:0;font-family:'Segoe UI','DejaVu Sans','Helvetica Neue',Arial,sans-serif;font-size:14.5px;line-height:1.5;color:#1f2328;background:#f6f8fa}
.masthead{background:#1f2a37;color:#fff;padding:28px 40px 24px}
.masthead h1{margin:2px 0 6px;font-size:30px;font-weight:700;letter-spacing:-.01em;overflow-wrap:anywhere}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.12em;font-size:12px;color:#9fb3c8}
.meta{margin:0 0 16px;color:#c9d4df;font-size:13px;overflow-wrap:anywhere}
.meta code{color:#fff;background:rgba(255,255,255,.1)}
.verdict{display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px;padding:12px 16px;border-radius:8px;background:#fff;color:#1f2328;border-left:8px solid var(--clean-line)}
.verdict.error{border-left-color:var(--error-line)}.verdict.warning{border-left-color:var(--warning-line)}
.verdict-word{font-weight:700;font-size:18px}
.verdict.error .verdict-word{color:var(--error-line)}.verdict.clean .verdict-word{color:var(--clean-line)}.verdict.warning .verdict-word{color:var(--warning-line)}
.verdict-text{flex:1 1 360px}
.chip{display:inline-block;margin-left:6px;padding:2px 10px;border-radius:12px;font-size:12.5px;font-weight:600;border:1px solid}
.chip.error{background:var(--error-fill);border-color:var(--error-line);color:#8a1c1c}
.chip.warning{background:var(--warning-fill);border-color:var(--warning-line);color:#6b4100}
.chip.info{background:var(--info-fill);border-color:var(--info-line);color:#0d47a1}
main{max-width:1240px;margin:0 auto;padding:8px 40px 32px}
.toc{display:flex;gap:18px;padding:12px 0;font-size:13px}
.toc a{color:#0969da;text-decoration:none}
section{background:#fff;border:1px solid #d8dee4;border-radius:10px;padding:20px 26px;margin:14px 0}
h2{margin:0 0 8px;font-size:20px}
h3{margin:18px 0 8px;font-size:15px}
h4{margin:16px 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#57606a}
.lead{margin:0 0 12px;color:#57606a}
.cards{display:grid;grid-template-columns:repeat(6,1fr);gap:10px;margin:6px 0 8px}
.card{border:1px solid #d8dee4;border-radius:8px;padding:10px 12px;background:#f6f8fa;font-size:12.5px;color:#57606a}
.card .big{display:block;font-size:24px;font-weight:700;color:#1f2328;line-height:1.2}
.columns{display:grid;grid-template-columns:1fr 1fr;gap:28px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 8px}
th{text-align:left;font-weight:600;color:#57606a;border-bottom:2px solid #d8dee4;padding:6px 8px}
td{border-bottom:1px solid #eaeef2;padding:6px 8px;vertical-align:top;overflow-wrap:anywhere}
.num{text-align:right}.nowrap{white-space:nowrap}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;font-size:13px;margin:4px 0}
dt{font-weight:600;color:#57606a}dd{margin:0;overflow-wrap:anywhere}
.none{color:#8c959f}
.status{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;border:1px solid;white-space:nowrap}
.status.clean{background:var(--clean-fill);border-color:var(--clean-line);color:#1b5e20}
.status.info{background:var(--info-fill);border-color:var(--info-line);color:#0d47a1}
.status.warning{background:var(--warning-fill);border-color:var(--warning-line);color:#6b4100}
.status.error{background:var(--error-fill);border-color:var(--error-line);color:#8a1c1c}
.status.unchecked{background:var(--unchecked-fill);border-color:var(--unchecked-line);color:#424242}
figure{margin:8px 0 12px}
figcaption{font-weight:600;font-size:13px;color:#57606a;margin-bottom:6px}
figure svg{max-width:100%;height:auto;display:block}
.diagram .scroll{border:1px solid #eaeef2;border-radius:8px;padding:8px;background:#fff}
.states .desc{color:#57606a;font-size:12px}
.changes{margin:0;padding-left:16px}
.severity{display:flex;align-items:center;gap:8px;font-size:16px;margin-top:22px}
.severity:before{content:"";width:12px;height:12px;border-radius:3px;border:2px solid}
.severity.error:before{background:var(--error-fill);border-color:var(--error-line)}
.severity.warning:before{background:var(--warning-fill);border-color:var(--warning-line)}
.severity.info:before{background:var(--info-fill);border-color:var(--info-line)}
.finding{border:1px solid #d8dee4;border-left:5px solid var(--info-line);border-radius:6px;padding:8px 14px;margin:8px 0;break-inside:avoid}
.finding.error{border-left-color:var(--error-line)}.finding.warning{border-left-color:var(--warning-line)}
.finding p{margin:3px 0}
.problem{font-weight:600;overflow-wrap:anywhere}
.fix{overflow-wrap:anywhere}
.fix .label{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:#fff;background:#2e7d32;border-radius:4px;padding:0 6px;margin-right:4px}
.where{font-size:12.5px;color:#57606a;overflow-wrap:anywhere}
.where a{color:#0969da}
.state.planned{color:#1565c0}
code{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:12px;background:#f6f8fa;padding:1px 4px;border-radius:4px}
.clean-note{padding:10px 14px;border-radius:6px;background:var(--clean-fill);border:1px solid var(--clean-line)}
.note{color:#57606a}
footer{max-width:1240px;margin:0 auto;padding:0 40px 40px;color:#57606a;font-size:12px}
footer a{color:#0969da}
@media (max-width:900px){.cards{grid-template-columns:repeat(3,1fr)}.columns{grid-template-columns:1fr}main,.masthead{padding-left:16px;padding-right:16px}}
@media print{body{background:#fff;font-size:11pt}.masthead{background:#fff;color:#1f2328;padding:0 0 12px;border-bottom:2px solid #1f2328}.kicker,.meta{color:#57606a}.meta code{color:#1f2328}main{padding:0;max-width:none}.toc{display:none}section{border:none;padding:8px 0;break-inside:auto}h2{break-after:avoid}figure,tr{break-inside:avoid}a{color:inherit}}
`
