package rules

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

var update = flag.Bool("update", false, "rewrite the output blocks of docs/rules/*.md from exlint's real output")

const docsDir = "../docs/rules"

// docsAsOf is the date rule pages are evaluated on unless an example says
// otherwise (<!-- exlint-example: fail as-of=2024-01-01 -->).
const docsAsOf = "2026-11-21"

// exampleFile is the file name rule-page examples are checked as.
const exampleFile = "example.exchange.hcl"

var (
	exampleMarker = regexp.MustCompile(`^<!-- exlint-example: (fail|pass)(?: as-of=(\d{4}-\d{2}-\d{2}))? -->$`)
	outputMarker  = regexp.MustCompile(`^<!-- exlint-output -->$`)
	mdLink        = regexp.MustCompile(`\[[^\]]+\]\((https?://[^)]+)\)`)
)

type docExample struct {
	kind      string // fail or pass
	asOf      string
	src       string
	outStart  int // line index of the output block's first content line (fail)
	outEnd    int // line index of its closing fence
	hasOutput bool
}

// fencedBlock returns the content of the fenced block starting at or after
// line i, and the indexes of its first content line and closing fence.
func fencedBlock(lines []string, i int) (content string, start, end int, err error) {
	for ; i < len(lines) && strings.TrimSpace(lines[i]) == ""; i++ {
	}
	if i >= len(lines) || !strings.HasPrefix(lines[i], "```") {
		return "", 0, 0, fmt.Errorf("line %d: a fenced block must follow the marker", i+1)
	}
	start = i + 1
	for end = start; end < len(lines) && !strings.HasPrefix(lines[end], "```"); end++ {
	}
	if end >= len(lines) {
		return "", 0, 0, fmt.Errorf("line %d: unclosed fenced block", i+1)
	}
	return strings.Join(lines[start:end], "\n") + "\n", start, end, nil
}

func parseExamples(page string) ([]docExample, error) {
	lines := strings.Split(page, "\n")
	var out []docExample
	for i := 0; i < len(lines); i++ {
		if m := exampleMarker.FindStringSubmatch(lines[i]); m != nil {
			src, _, end, err := fencedBlock(lines, i+1)
			if err != nil {
				return nil, err
			}
			ex := docExample{kind: m[1], asOf: m[2], src: src}
			if ex.asOf == "" {
				ex.asOf = docsAsOf
			}
			out = append(out, ex)
			i = end
			continue
		}
		if outputMarker.MatchString(lines[i]) {
			if len(out) == 0 || out[len(out)-1].kind != "fail" {
				return nil, fmt.Errorf("line %d: an output block must follow a failing example", i+1)
			}
			_, start, end, err := fencedBlock(lines, i+1)
			if err != nil {
				return nil, err
			}
			last := &out[len(out)-1]
			last.outStart, last.outEnd, last.hasOutput = start, end, true
			i = end
		}
	}
	return out, nil
}

// runExample checks an example topology with every rule, as the CLI does.
func runExample(src, asOf string) ([]lint.Finding, error) {
	d, err := catalog.ParseDate(asOf)
	if err != nil {
		return nil, err
	}
	return runner.CheckFiles(".", []*schema.File{{Name: exampleFile, Src: []byte(src)}},
		runner.Options{Rules: All(), Catalog: catalog.Default(), AsOf: d, Limits: schema.DefaultLimits})
}

func compact(fs []lint.Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, report.CompactLine(f)) // as exlint check --format compact writes it
		}
	}
	return out
}

func structural(fs []lint.Finding) []string {
	var out []string
	for _, f := range fs {
		for _, k := range schema.Kinds {
			if f.Rule == string(k) {
				out = append(out, f.Message)
			}
		}
	}
	return out
}

// Every rule, structural and meta ones included, has a page that states its default
// severity, cites its sources, and shows a failing example whose output is
// exlint's real output, and a fixed example that passes.
func TestRuleDocs(t *testing.T) {
	var infos []lint.RuleInfo
	for _, r := range All() {
		infos = append(infos, r.Info())
	}
	infos = append(infos, lint.StructuralRules()...)
	infos = append(infos, lint.MetaRules()...)
	for _, info := range infos {
		t.Run(info.ID, func(t *testing.T) {
			path := filepath.Join(docsDir, info.ID+".md")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("rule %s has no page: %v", info.ID, err)
			}
			page := string(raw)
			if !strings.HasPrefix(page, "# "+info.ID+"\n") {
				t.Errorf("%s must start with the heading \"# %s\"", path, info.ID)
			}
			if !strings.Contains(page, "| Default severity | "+info.Severity.String()+" |") {
				t.Errorf("%s must state \"| Default severity | %s |\"", path, info.Severity)
			}
			checkSources(t, path, page, info)
			exs, err := parseExamples(page)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			var fails, passes int
			lines := strings.Split(page, "\n")
			// Rewrite output blocks from the last one up, so that indexes of
			// earlier blocks stay valid.
			for i := len(exs) - 1; i >= 0; i-- {
				ex := exs[i]
				fs, err := runExample(ex.src, ex.asOf)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				got := compact(fs, info.ID)
				if !info.Structural {
					if s := structural(fs); len(s) > 0 {
						t.Errorf("%s: a %s example has structural errors: %v", path, ex.kind, s)
					}
				}
				switch ex.kind {
				case "pass":
					passes++
					if len(got) > 0 {
						t.Errorf("%s: the fixed example still gets:\n%s", path, strings.Join(got, "\n"))
					}
				case "fail":
					fails++
					if len(got) == 0 {
						t.Errorf("%s: the failing example gets no %s finding", path, info.ID)
					}
					if !ex.hasOutput {
						t.Errorf("%s: a failing example must be followed by <!-- exlint-output --> and its output", path)
						continue
					}
					want := lines[ex.outStart:ex.outEnd]
					if strings.Join(want, "\n") != strings.Join(got, "\n") {
						if *update {
							lines = append(append(append([]string(nil), lines[:ex.outStart]...), got...), lines[ex.outEnd:]...)
							continue
						}
						t.Errorf("%s: the output shown is not what exlint reports (go test ./rules -update rewrites it):\nshown:\n%s\nreal:\n%s",
							path, strings.Join(want, "\n"), strings.Join(got, "\n"))
					}
				}
			}
			if fails == 0 || passes == 0 {
				t.Errorf("%s needs a failing and a fixed example (%d, %d)", path, fails, passes)
			}
			if *update {
				if out := strings.Join(lines, "\n"); out != page {
					if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}

// checkSources: the page lists its sources under "## Sources", and every
// source of the rule appears there (by URL, or by title when it has none).
func checkSources(t *testing.T, path, page string, info lint.RuleInfo) {
	t.Helper()
	_, section, ok := strings.Cut(page, "\n## Sources\n")
	if !ok {
		t.Errorf("%s has no \"## Sources\" section", path)
		return
	}
	if next := strings.Index(section, "\n## "); next >= 0 {
		section = section[:next]
	}
	if !info.Structural && len(mdLink.FindAllString(section, -1)) == 0 {
		t.Errorf("%s names no source with a link", path)
	}
	for _, s := range info.Sources {
		key := s.URL
		if key == "" {
			key = s.Title
		}
		if !strings.Contains(section, key) {
			t.Errorf("%s does not cite %q (%s)", path, s.Title, key)
		}
	}
}

// The rule index lists every rule with its default severity.
func TestRuleIndex(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(docsDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var infos []lint.RuleInfo
	for _, r := range All() {
		infos = append(infos, r.Info())
	}
	infos = append(infos, lint.StructuralRules()...)
	infos = append(infos, lint.MetaRules()...)
	for _, info := range infos {
		row := fmt.Sprintf("| [`%s`](%s.md) | %s |", info.ID, info.ID, info.Severity)
		if !bytes.Contains(raw, []byte(row)) {
			t.Errorf("docs/rules/README.md lacks the row starting %q", row)
		}
	}
}
