package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// reportGoldens are the examples whose reviews are golden files, with the
// date each is made on: a topology without stages, and a plan on the day
// its architect wrote it.
var reportGoldens = []struct{ example, asOf string }{
	{"se-classic-hybrid", asOf},
	{"plan-2016-2019-to-se", planExamples["plan-2016-2019-to-se"]},
}

// mermaidBlockRe finds the Mermaid blocks of a Markdown document (their
// fences are three backticks: Mermaid's escaping leaves none inside).
var mermaidBlockRe = regexp.MustCompile("(?ms)^```mermaid\n(.*?)\n```$")

// The reviews of two examples, HTML and Markdown, are golden files; the
// HTML is one document that asks for nothing outside it and runs nothing,
// and the Markdown's diagrams and chart are read by Mermaid's own parser.
func TestReportExamples(t *testing.T) {
	dir := t.TempDir()
	var flowcharts, gantts []string
	for _, g := range reportGoldens {
		base := g.example + "@" + g.asOf
		html, stderr, code := exlint(t, noEnv, "report", "examples/"+g.example, "--as-of", g.asOf)
		if code != exitOK || stderr != "" {
			t.Fatalf("%s: exit %d: %s", g.example, code, stderr)
		}
		golden(t, "report/"+base+".html", html)
		checkSelfContained(t, g.example, html)
		md, stderr, code := exlint(t, noEnv, "report", "examples/"+g.example, "--as-of", g.asOf, "--format", "markdown")
		if code != exitOK || stderr != "" {
			t.Fatalf("%s: exit %d: %s", g.example, code, stderr)
		}
		golden(t, "report/"+base+".md", md)
		// The diagram is what exlint graph draws, the chart what exlint
		// plan draws.
		graphMMD, _, _ := exlint(t, noEnv, "graph", "examples/"+g.example, "--format", "mermaid", "--as-of", g.asOf)
		blocks := mermaidBlockRe.FindAllStringSubmatch(md, -1)
		var charts, diagrams []string
		for _, b := range blocks {
			if strings.HasPrefix(b[1], "%% Drawn by exlint plan.") {
				charts = append(charts, b[1]+"\n")
			} else {
				diagrams = append(diagrams, b[1]+"\n")
			}
		}
		if len(diagrams) == 0 || diagrams[0] != graphMMD {
			t.Errorf("%s: the Markdown's first diagram is not exlint graph's", g.example)
		}
		if strings.HasPrefix(g.example, "plan-") {
			// The current state and the target, and the chart.
			planMMD, _, _ := exlint(t, noEnv, "plan", "examples/"+g.example, "--format", "mermaid", "--as-of", g.asOf)
			if len(diagrams) != 2 || len(charts) != 1 || charts[0] != planMMD {
				t.Errorf("%s: the Markdown has %d diagrams and %d charts, or its chart is not exlint plan's", g.example, len(diagrams), len(charts))
			}
		}
		for i, b := range blocks {
			file := filepath.Join(dir, base+"-"+string(rune('a'+i))+".mmd")
			if err := os.WriteFile(file, []byte(b[1]+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(b[1], "%% Drawn by exlint plan.") {
				gantts = append(gantts, file)
			} else {
				flowcharts = append(flowcharts, file)
			}
		}
	}
	t.Run("mermaid", func(t *testing.T) {
		parse := mermaidParser(t)
		if out, err := parse(flowcharts...); err != nil || strings.Count(out, "ok ") != len(flowcharts) {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
		if out, err := parse(append([]string{"--type=gantt"}, gantts...)...); err != nil || strings.Count(out, "ok ") != len(gantts) {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})
}

// checkSelfContained fails unless html is one document without a script,
// an embedded object, a style or picture loaded from elsewhere, or an event
// handler; links to the rule pages are the only references outside it.
func checkSelfContained(t *testing.T, name, html string) {
	t.Helper()
	lower := strings.ToLower(html)
	for _, bad := range []string{"<script", "<iframe", "<object", "<embed", "<img", "<link", "@import", "javascript:", " src=", "<foreignobject"} {
		if strings.Contains(lower, bad) {
			t.Errorf("%s: the HTML holds %q", name, bad)
		}
	}
	if regexp.MustCompile(`\son[a-z]+=`).MatchString(lower) {
		t.Errorf("%s: the HTML has an event handler", name)
	}
	if !strings.Contains(html, `content="default-src 'none'; style-src 'unsafe-inline'"`) {
		t.Errorf("%s: the HTML has no Content Security Policy forbidding scripts and requests", name)
	}
	for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(m[1], "#") {
			t.Errorf("%s: the HTML refers to %s", name, m[0])
		}
	}
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		if !strings.HasPrefix(m[1], "#") && !strings.HasPrefix(m[1], "https://github.com/exlint/exlint/blob/main/docs/rules/") {
			t.Errorf("%s: the HTML links to %s", name, m[1])
		}
	}
}

// exlint report works on every example, in both formats, and says what
// exlint check finds: the same counts.
func TestReportEveryExample(t *testing.T) {
	for _, ex := range exampleTopologies(t) {
		for _, format := range []string{"html", "markdown"} {
			out, stderr, code := exlint(t, noEnv, "report", ex, "--format", format, "--as-of", asOf)
			if code != exitOK || (stderr != "" && !strings.Contains(stderr, "structural error")) {
				t.Fatalf("%s --format %s: exit %d: %s", ex, format, code, stderr)
			}
			check, _, _ := exlint(t, noEnv, "check", ex, "--as-of", asOf)
			counts := regexp.MustCompile(`: (\d+) errors?(?: \(\d+ planned\))?, (\d+) warnings?(?: \(\d+ planned\))?, (\d+) info`).FindStringSubmatch(check)
			if counts == nil {
				t.Fatalf("%s: no summary in exlint check's output", ex)
			}
			if format == "html" {
				checkSelfContained(t, ex, out)
				for i, sev := range []string{"error", "warning", "info"} {
					chip := regexp.MustCompile(`<span class="chip ` + sev + `">(\d+) `).FindStringSubmatch(out)
					if chip == nil || chip[1] != counts[i+1] {
						t.Errorf("%s: the review counts %v %s findings, exlint check %s", ex, chip, sev, counts[i+1])
					}
				}
			}
		}
	}
}

// Hostile names are text in both formats: no markup, script, log command
// or control character gets through.
func TestReportHostileNames(t *testing.T) {
	topo := writeTopology(t, hostileTopology)
	html, stderr, code := exlint(t, noEnv, "report", topo, "--as-of", asOf)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md, _, _ := exlint(t, noEnv, "report", topo, "--as-of", asOf, "--format", "markdown")
	for name, out := range map[string]string{"HTML": html, "Markdown": md} {
		if strings.Contains(out, "<script>") || strings.Contains(out, "##vso[") || strings.ContainsAny(out, "\x1b\u202e\r") {
			t.Errorf("%s: a hostile name gets through:\n%s", name, out)
		}
	}
	checkSelfContained(t, "hostile", html)
	if !strings.Contains(html, "EX&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the HTML does not show the server's name as text")
	}
	if !strings.Contains(md, `EX&lt;script&gt;alert\(1\)&lt;/script&gt;`) {
		t.Error("the Markdown does not show the server's name as text")
	}
	// The Markdown's lines start with the review's own words.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "#") && !regexp.MustCompile(`^#{1,4} (Design review: |At a glance|Lifecycle|Diagram|Plan|Findings|🔴|🟠|🔵|[A-Z][a-z]+( [a-z]+)*$)`).MatchString(line) {
			t.Errorf("a heading the review did not write: %q", line)
		}
	}
}

// The command: the format from -o's extension, -o, and usage errors.
func TestReportCommand(t *testing.T) {
	ex := "examples/small-cutover"
	out := filepath.Join(t.TempDir(), "review.md")
	if o, e, code := exlint(t, noEnv, "report", ex, "-o", out, "--as-of", asOf); code != exitOK || o != "" || e != "" {
		t.Fatalf("-o: exit %d, stdout %q, stderr %q", code, o, e)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "# Design review: Tailspin\n") {
		t.Errorf("-o review.md wrote %.80q (%v)", b, err)
	}
	html, _, code := exlint(t, noEnv, "report", ex, "--as-of", asOf)
	if code != exitOK || !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, "Does not pass") {
		t.Errorf("the default is HTML with the verdict (exit %d)", code)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report", ex, "--format", "pdf"}, `--format "pdf": use html or markdown`},
		{[]string{"report", "examples"}, "exlint report reviews one topology, and these are below it"},
		{[]string{"report", ex, "--fail-on", "fatal"}, "--fail-on"},
		{[]string{"report", ex, "-o", filepath.Join(t.TempDir(), "no", "dir", "r.html")}, "-o "},
	} {
		_, stderr, code := exlint(t, noEnv, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// The review's open questions are what exlint check --coverage lists: each
// rule and attribute it gives is in the review's table, on the attribute's
// row, and nothing else is.
func TestReportQuestionsAreCoverage(t *testing.T) {
	const ex = "examples/plan-2016-2019-to-se"
	check, _, _ := exlint(t, noEnv, "check", ex, "--coverage", "--as-of", "2025-07-15", "--no-progress")
	want := map[string][]string{} // attribute: rules
	rule := ""
	for _, line := range strings.Split(check, "\n") {
		if m := regexp.MustCompile(`^  ([a-z0-9-]+)$`).FindStringSubmatch(line); m != nil {
			rule = m[1]
		} else if m := regexp.MustCompile(`^    \S+:\d+:\d+: (\S+)`).FindStringSubmatch(line); m != nil && rule != "" {
			want[m[1]] = append(want[m[1]], rule)
		}
	}
	if len(want) == 0 {
		t.Fatalf("exlint check --coverage lists nothing for %s:\n%s", ex, check)
	}
	html, stderr, code := exlint(t, noEnv, "report", ex, "--as-of", "2025-07-15")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, table, ok := strings.Cut(html, `<table class="questions">`)
	if !ok {
		t.Fatal("the review has no table of open questions")
	}
	table, _, _ = strings.Cut(table, "</table>")
	rows := strings.Split(table, "<tr>")[2:] // after the head's
	if len(rows) != len(want) {
		t.Errorf("the review asks %d questions, exlint check --coverage lists %d attributes", len(rows), len(want))
	}
	for attr, rules := range want {
		shown := strings.ReplaceAll(attr, `"`, "&#34;")
		i := slices.IndexFunc(rows, func(r string) bool { return strings.HasPrefix(r, "<td><code>"+shown+"</code>") })
		if i < 0 {
			t.Errorf("the review does not ask for %s", attr)
			continue
		}
		for _, r := range rules {
			if !strings.Contains(rows[i], ">"+r+"</a>") {
				t.Errorf("the review's row for %s does not name %s", attr, r)
			}
		}
	}
}
