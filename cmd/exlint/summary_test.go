package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint/report"
)

// stepSummary runs exlint check with --format github and
// $GITHUB_STEP_SUMMARY set, and returns the summary it wrote.
func stepSummary(t *testing.T, args ...string) string {
	t.Helper()
	summary := filepath.Join(t.TempDir(), "summary.md")
	getenv := func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	}
	if _, stderr, code := exlint(t, getenv, append([]string{"check", "--as-of", asOf, "--format", "github"}, args...)...); code != 1 {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	got, err := os.ReadFile(summary)
	if err != nil {
		t.Fatal(err)
	}
	return string(got)
}

// summaryDiagram is one diagram of a step summary: the topology's
// directory, its error count and the Mermaid.
type summaryDiagram struct {
	dir     string
	errors  int
	mermaid string
}

var diagramBlock = regexp.MustCompile("(?s)\n##### ([^\n]+): (\\d+) errors?[^\n]*\n\n(`{3,})mermaid\n(.*?\n)(`{3,})\n")

func summaryDiagrams(t *testing.T, s string) []summaryDiagram {
	t.Helper()
	var out []summaryDiagram
	for _, m := range diagramBlock.FindAllStringSubmatch(s, -1) {
		if m[3] != m[5] {
			t.Fatalf("the code block of %s opens with %s and closes with %s", m[1], m[3], m[5])
		}
		n, _ := strconv.Atoi(m[2])
		out = append(out, summaryDiagram{dir: strings.ReplaceAll(m[1], `\_`, "_"), errors: n, mermaid: m[4]})
	}
	return out
}

// The step summary of a check of every example: a findings table and the
// diagrams of the ten topologies with the most errors, each exactly what
// exlint graph --format mermaid draws, which Mermaid's own parser accepts.
func TestStepSummaryExamples(t *testing.T) {
	s := stepSummary(t, "examples")
	if len(s) > report.SummaryBudget {
		t.Errorf("summary of %d bytes", len(s))
	}
	if !strings.Contains(s, "\n#### Findings\n\n| Severity | Rule | Location | Message |\n") {
		t.Errorf("no findings table:\n%.2000s", s)
	}
	topologies := len(exampleTopologies(t))
	if !strings.Contains(s, "more topologies with findings are not drawn here (the summary draws 10 at most)") {
		t.Errorf("no note on the %d topologies not drawn", topologies-report.SummaryDiagrams)
	}
	ds := summaryDiagrams(t, s)
	if len(ds) != report.SummaryDiagrams {
		t.Fatalf("%d diagrams, want %d", len(ds), report.SummaryDiagrams)
	}
	dir := t.TempDir()
	var files []string
	for i, d := range ds {
		if i > 0 && d.errors > ds[i-1].errors {
			t.Errorf("%s (%d errors) after %s (%d)", d.dir, d.errors, ds[i-1].dir, ds[i-1].errors)
		}
		want, stderr, code := exlint(t, noEnv, "graph", d.dir, "--format", "mermaid", "--as-of", asOf)
		if code != 0 || d.mermaid != want {
			t.Errorf("%s: the summary's diagram is not what exlint graph draws (exit %d, %s):\n%s", d.dir, code, stderr, d.mermaid)
		}
		f := filepath.Join(dir, strconv.Itoa(i)+".mmd")
		if err := os.WriteFile(f, []byte(d.mermaid), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	t.Run("mermaid", func(t *testing.T) {
		if out, err := mermaidParser(t)(files...); err != nil {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})
}

// summaryGolden is the golden file of TestStepSummaryGolden.
const summaryGolden = "github-summary.md"

// The summary of two examples, a topology and a plan, byte for byte; a
// topology read from standard input is not drawn (it is not on disk).
func TestStepSummaryGolden(t *testing.T) {
	golden(t, summaryGolden, stepSummary(t, "examples/small-cutover", "examples/plan-2007-to-2016"))

	summary := filepath.Join(t.TempDir(), "summary.md")
	src, err := os.ReadFile(filepath.Join(repoRoot, "examples", "small-cutover", "tailspin.exchange.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(repoRoot)
	var out, errb strings.Builder
	code := run([]string{"check", "--as-of", asOf, "--format", "github", "-"}, strings.NewReader(string(src)), &out, &errb, func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	})
	got, _ := os.ReadFile(summary)
	if code != 1 || !strings.Contains(string(got), "#### Findings") || strings.Contains(string(got), "#### Diagrams") {
		t.Errorf("exit %d (%s), summary:\n%s", code, errb.String(), got)
	}
}
