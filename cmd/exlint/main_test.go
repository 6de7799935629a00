package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema/catalog"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from exlint's real output")

// asOf pins the evaluation date of every golden file.
const asOf = "2026-11-21"

// goldenDir and repoRoot are absolute: the tests run exlint from the
// repository root, as a user would.
var (
	goldenDir, _ = filepath.Abs(filepath.Join("testdata", "golden"))
	repoRoot, _  = filepath.Abs(filepath.Join("..", ".."))
)

func noEnv(string) string { return "" }

// exlint runs the command in-process from the repository root.
func exlint(t *testing.T, getenv env, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir(repoRoot)
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb, getenv)
	return out.String(), errb.String(), code
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/exlint -update writes it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/exlint -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func examples(t *testing.T) []string {
	entries, err := os.ReadDir(filepath.Join(repoRoot, "examples"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	if len(out) < 4 {
		t.Fatalf("want at least four examples, found %v", out)
	}
	return out
}

// jsonGoldens are the examples whose JSON output is a golden file too: the
// README's example, and one with several topologies and files and findings
// with related locations. The JSON of every other example is checked against
// its text golden (TestExamplesJSONMatchText); the reporters' own goldens
// (lint/report) cover every field of every format.
var jsonGoldens = map[string]bool{"small-cutover": true, "2003-migration-drafts": true}

// One golden per example: its text output, what people read, and its exit
// code.
func TestExamplesGolden(t *testing.T) {
	for _, ex := range examples(t) {
		t.Run(ex, func(t *testing.T) {
			text, stderr, code := exlint(t, noEnv, "check", "examples/"+ex, "--as-of", asOf, "--color", "never")
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			golden(t, ex+".txt", text)
			wantCode := 1
			if ex == "se-classic-hybrid" {
				wantCode = 0
			}
			if code != wantCode {
				t.Errorf("exit code %d, want %d", code, wantCode)
			}
		})
	}
}

// The JSON output of every example reports what its text output does, with
// the same exit code; a few are golden files as well.
func TestExamplesJSONMatchText(t *testing.T) {
	header := regexp.MustCompile(`^(\S+):(\d+):(\d+): (error|warning|info): (.*) \[([a-z0-9-]+)\]$`)
	for _, ex := range examples(t) {
		t.Run(ex, func(t *testing.T) {
			dir := "examples/" + ex
			text, _, code := exlint(t, noEnv, "check", dir, "--as-of", asOf, "--color", "never")
			js, stderr, jcode := exlint(t, noEnv, "check", dir, "--as-of", asOf, "--format", "json")
			if stderr != "" || jcode != code {
				t.Errorf("JSON: exit %d (text %d), stderr %q", jcode, code, stderr)
			}
			if jsonGoldens[ex] {
				golden(t, ex+".json", js)
			}
			var report struct {
				Findings []struct {
					Rule, Severity, Message string
					State                   string
					Range                   struct {
						Filename string
						Start    struct{ Line, Column int }
					}
				}
			}
			if err := json.Unmarshal([]byte(js), &report); err != nil {
				t.Fatal(err)
			}
			var fromText []string
			for _, line := range strings.Split(text, "\n") {
				if header.MatchString(line) {
					fromText = append(fromText, line)
				}
			}
			if len(fromText) == 0 && code != 0 {
				t.Fatalf("no finding read from the text output:\n%s", text)
			}
			if len(fromText) != len(report.Findings) {
				t.Fatalf("%d findings in the text output, %d in the JSON:\n%s\n%s", len(fromText), len(report.Findings), text, js)
			}
			// Of a plan, the text names each finding's state in parentheses
			// before the rule; the JSON has it in fields of its own.
			for i, f := range report.Findings {
				head := fmt.Sprintf("%s:%d:%d: %s: %s", f.Range.Filename, f.Range.Start.Line, f.Range.Start.Column, f.Severity, f.Message)
				tail := " [" + f.Rule + "]"
				line := fromText[i]
				ok := line == head+tail
				if f.State != "" {
					ok = strings.HasPrefix(line, head+" (") && strings.HasSuffix(line, ")"+tail)
				}
				if !ok {
					t.Errorf("finding %d: the JSON says %q (state %q), the text %q", i, head+tail, f.State, line)
				}
			}
		})
	}
}

// Every golden file is one a test writes: a scenario whose golden moved or
// went away leaves no stale file behind. Diagrams are TestGraphExamples';
// the step summary is TestStepSummaryGolden's.
func TestNoStaleGoldens(t *testing.T) {
	want := map[string]bool{}
	for _, ex := range examples(t) {
		want[ex+".txt"] = true
		if jsonGoldens[ex] {
			want[ex+".json"] = true
		}
	}
	for _, tc := range otherDates {
		want[tc.example+"@"+tc.asOf+".txt"] = true
	}
	want[summaryGolden] = true
	want["plan"] = true   // exlint plan's goldens, in three formats (TestPlanExamples)
	want["report"] = true // exlint report's goldens, HTML and Markdown (TestReportExamples)
	for _, ex := range coverageGoldens {
		want["coverage-"+ex+".txt"] = true
	}
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if name := e.Name(); !strings.HasPrefix(name, "graph-") && !want[name] {
			t.Errorf("testdata/golden/%s is written by no test: remove it", name)
		}
	}
	for name := range want {
		if _, err := os.Stat(filepath.Join(goldenDir, name)); err != nil && !*update {
			t.Errorf("%v (go test ./cmd/exlint -update writes it)", err)
		}
	}
}

// otherDates are examples checked on other dates, for the rules that depend
// on it (the end of support approaching).
var otherDates = []struct{ example, asOf string }{
	{"2019-to-se-upgrade", "2025-06-01"},
	{"plan-2007-to-2016", "2015-07-01"},
	{"2010-to-2016-onprem", "2019-06-01"},
}

// The examples checked on other dates (otherDates).
func TestExamplesOnOtherDates(t *testing.T) {
	for _, tc := range otherDates {
		t.Run(tc.example+"@"+tc.asOf, func(t *testing.T) {
			out, stderr, _ := exlint(t, noEnv, "check", "examples/"+tc.example, "--as-of", tc.asOf, "--color", "never")
			if stderr != "" {
				t.Errorf("stderr: %s", stderr)
			}
			golden(t, tc.example+"@"+tc.asOf+".txt", out)
		})
	}
}

// The plan example, checked on the date its architect wrote it, has only
// planned findings: it checks green, and red with --fail-on-planned.
func TestPlanExample(t *testing.T) {
	js, _, code := exlint(t, noEnv, "check", "examples/plan-2007-to-2016", "--as-of", "2015-07-01", "--format", "json")
	var doc struct {
		Findings []struct {
			Rule    string `json:"rule"`
			Planned bool   `json:"planned"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil || code != exitOK || len(doc.Findings) == 0 {
		t.Fatalf("exit %d, %v:\n%s", code, err, js)
	}
	for _, f := range doc.Findings {
		if !f.Planned {
			t.Errorf("%s is not planned", f.Rule)
		}
	}
	// Its planned finding is a warning.
	for _, tc := range []struct {
		args []string
		want int
	}{{[]string{"--fail-on", "warning"}, exitOK}, {[]string{"--fail-on", "warning", "--fail-on-planned"}, exitFindings}} {
		if _, _, code := exlint(t, noEnv, append([]string{"check", "examples/plan-2007-to-2016", "--as-of", "2015-07-01"}, tc.args...)...); code != tc.want {
			t.Errorf("%v: exit %d, want %d", tc.args, code, tc.want)
		}
	}
}

// The clean example stays clean: nothing on the last day exlint's
// catalogue is not stale; on the goldens' date, only catalog-stale, which
// says that the catalogue is more than 90 days old.
func TestCleanExample(t *testing.T) {
	fresh := catalog.Default().Horizon().AddDays(catalog.StaleDays).String()
	out, _, code := exlint(t, noEnv, "check", "examples/se-classic-hybrid", "--as-of", fresh, "--fail-on", "info")
	if code != 0 || !strings.Contains(out, "no problems found") {
		t.Errorf("as of %s: exit %d:\n%s", fresh, code, out)
	}
	out, _, _ = exlint(t, noEnv, "check", "examples/se-classic-hybrid", "--as-of", asOf, "--format", "compact")
	if strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "[catalog-stale]\n") {
		t.Errorf("as of %s:\n%s", asOf, out)
	}
}

// The README shows an example's output; it must be exlint's real output.
func TestReadmeOutput(t *testing.T) {
	readmeBlock(t, "exlint-readme-output", "text", func(dir string) string {
		out, _, _ := exlint(t, noEnv, "check", dir, "--as-of", asOf, "--color", "never")
		return out
	})
}

// readmeBlock checks that README.md's block of language lang after the
// comment <!-- marker: DIR --> is what run(DIR) prints; -update rewrites it.
func readmeBlock(t *testing.T, marker, lang string, run func(dir string) string) {
	t.Helper()
	path := filepath.Join(repoRoot, "README.md")
	readme, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	loc := regexp.MustCompile("(?s)<!-- " + regexp.QuoteMeta(marker) + ": (\\S+) -->\\s*```" + lang + "\\n(.*?)```").FindSubmatchIndex(readme)
	if loc == nil {
		t.Fatalf("README.md has no <!-- %s: DIR --> followed by a %s block", marker, lang)
	}
	dir, block := string(readme[loc[2]:loc[3]]), string(readme[loc[4]:loc[5]])
	out := run(dir)
	if out == block {
		return
	}
	if *update {
		fixed := append(append(readme[:loc[4]:loc[4]], out...), readme[loc[5]:]...)
		if err := os.WriteFile(path, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's %s block for %s is stale (go test ./cmd/exlint -update rewrites it); the real output is:\n%s", lang, dir, out)
}

func writeTopology(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "t.exchange.hcl"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 usage or configuration errors.
func TestExitCodes(t *testing.T) {
	warningOnly := writeTopology(t, "organization \"O\" {}\nserver \"EX\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\nmigration {\n  method = \"cutover\"\n  mailboxes = 180\n}\n")
	broken := writeTopology(t, "organization \"O\" {\n")
	empty := t.TempDir()
	notes := filepath.Join(empty, "notes.txt")
	os.WriteFile(notes, []byte("x"), 0o644)
	dangling := filepath.Join(t.TempDir(), "gone.exchange.hcl")
	os.Symlink(filepath.Join(empty, "missing"), dangling)
	binary := writeTopology(t, "organization \"O\" {}\n\x00\x01\x02\xff\xfe garbage")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"warning below --fail-on", []string{"check", warningOnly}, 0, ""},
		{"warning at --fail-on", []string{"check", warningOnly, "--fail-on", "warning"}, 1, ""},
		{"info threshold", []string{"check", warningOnly, "--fail-on", "info"}, 1, ""},
		{"syntax error", []string{"check", broken}, 1, ""},
		{"findings", []string{"check", "examples/small-cutover"}, 1, ""},
		{"clean", []string{"check", "examples/se-classic-hybrid"}, 0, ""},
		{"missing path", []string{"check", "no/such/dir"}, 2, "no/such/dir: no such file or directory"},
		{"no topology", []string{"check", empty}, 2, "no topology files found"},
		{"not a topology file", []string{"check", notes}, 2, "not a topology file"},
		{"dangling link", []string{"check", dangling}, 2, "gone.exchange.hcl: no such file or directory"},
		{"path through a file", []string{"check", notes + "/x.exchange.hcl"}, 2, "not a directory"},
		{"binary file", []string{"check", binary}, 1, ""},
		{"bad format", []string{"check", "--format", "xml", "examples"}, 2, `--format "xml": use text, json, compact, sarif, junit, checkstyle, github`},
		{"two formats to stdout", []string{"check", "--format", "text", "--format", "json", "examples"}, 2, "both write to standard output"},
		{"two formats to one file", []string{"check", "--format", "sarif=x.sarif", "--format", "json=x.sarif", "examples"}, 2, "another output already writes to x.sarif"},
		{"empty file name", []string{"check", "--format", "sarif=", "examples"}, 2, "name the file after ="},
		{"bad fail-on", []string{"check", "--fail-on", "fatal", "examples"}, 2, `unknown severity "fatal"`},
		{"bad as-of", []string{"check", "--as-of", "21/11/2026", "examples"}, 2, "write the date as YYYY-MM-DD"},
		{"bad color", []string{"check", "--color", "sometimes", "examples"}, 2, "use auto, always or never"},
		{"unknown flag", []string{"check", "--frobnicate"}, 2, "unknown flag: --frobnicate"},
		{"unknown command", []string{"lint"}, 2, `unknown command "lint"`},
		{"rules takes no argument", []string{"rules", "x"}, 2, "unknown command"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := exlint(t, noEnv, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.stderr) {
				t.Errorf("exit %d, want %d; stderr %q, want it to contain %q", code, tc.code, stderr, tc.stderr)
			}
		})
	}
}

type panicRule struct{}

func (panicRule) Info() lint.RuleInfo { return lint.RuleInfo{ID: "panic-rule", Severity: lint.Error} }
func (panicRule) Check(*lint.Pass)    { panic("rule defect") }

// A defect in a rule ends in exit code 3 and a report naming the topology,
// never in a raw crash.
func TestInternalErrorExitCode(t *testing.T) {
	saved := allRules
	t.Cleanup(func() { allRules = saved })
	allRules = func() []lint.Rule { return append(rules.All(), panicRule{}) }
	_, stderr, code := exlint(t, noEnv, "check", "examples/small-cutover")
	if code != 3 || !strings.Contains(stderr, "internal error while checking examples/small-cutover (rule panic-rule): rule defect") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	// A short report: the stack trace goes to a file the report names.
	if strings.Contains(stderr, "goroutine") || strings.Count(stderr, "\n") > 3 {
		t.Errorf("the report should be short, without a stack trace:\n%s", stderr)
	}
	m := regexp.MustCompile(`\S*exlint-crash-\d+\.txt`).FindString(stderr)
	crash, err := os.ReadFile(m)
	if m == "" || err != nil || !strings.Contains(string(crash), "goroutine") || !strings.Contains(string(crash), "rule defect") {
		t.Errorf("crash file %q: %v\n%s", m, err, crash)
	}
	os.Remove(m)
}

func TestColor(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "check", "examples/small-cutover", "--as-of", asOf, "--color", "always")
	if !strings.Contains(out, "\x1b[") || !strings.Contains(out, "^~~") {
		t.Error("--color always should colour and keep the marker")
	}
	for _, args := range [][]string{{"--color", "never"}, {"--color", "auto"}} {
		out, _, _ := exlint(t, noEnv, append([]string{"check", "examples/small-cutover"}, args...)...)
		if strings.Contains(out, "\x1b[") {
			t.Errorf("%v: output to a non-terminal must not be coloured", args)
		}
	}
	for _, e := range []map[string]string{{"NO_COLOR": "1"}, {"TERM": "dumb"}} {
		on, err := colorEnabled("auto", os.Stdout, func(k string) string { return e[k] })
		if err != nil || on {
			t.Errorf("%v: auto must not colour", e)
		}
	}
}

func TestRulesAndVersion(t *testing.T) {
	out, _, code := exlint(t, noEnv, "rules")
	if code != 0 || !strings.Contains(out, "coexistence-unsupported") || !strings.Contains(out, "migration-cutover-size") ||
		!strings.Contains(out, "syntax") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	out, _, code = exlint(t, noEnv, "version")
	if code != 0 || !strings.HasPrefix(out, "exlint ") || !strings.Contains(out, "catalogue: Exchange releases up to") {
		t.Errorf("version: exit %d\n%s", code, out)
	}
}

// A file argument checks its directory's topology and reports that file.
func TestFileArgument(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "check", "examples/2010-to-2016-onprem/exchange2016.exchange.hcl", "--as-of", asOf, "--color", "never")
	if !strings.Contains(out, "exchange2016.exchange.hcl") || strings.Contains(out, "exchange2010.exchange.hcl:") {
		t.Errorf("a file argument reports that file only:\n%s", out)
	}
}

// --whole-topology: a file argument reports every finding of its topology
// (what a pre-commit hook, which passes the changed files, needs).
func TestWholeTopology(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "check", "examples/2010-to-2016-onprem/exchange2016.exchange.hcl", "--whole-topology", "--as-of", asOf, "--color", "never")
	whole, _, _ := exlint(t, noEnv, "check", "examples/2010-to-2016-onprem", "--as-of", asOf, "--color", "never")
	if out != whole || !strings.Contains(out, "exchange2010.exchange.hcl:") {
		t.Errorf("--whole-topology:\n%s\nwant\n%s", out, whole)
	}
}

// --max-file-size (or max_file_size) moves the cap; a file above it is a
// syntax finding, not an error of the run.
func TestMaxFileSizeFlag(t *testing.T) {
	dir := writeTopology(t, "organization \"O\" {}\n# "+strings.Repeat("x", 5000)+"\n")
	out, _, code := exlint(t, noEnv, "check", dir, "--max-file-size", "4KiB", "--format", "compact")
	if code != 1 || !strings.Contains(out, "exlint reads topology files of up to 4096 bytes") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if _, _, code := exlint(t, noEnv, "check", dir); code != 0 {
		t.Errorf("the default 4MiB cap: exit %d", code)
	}
	if _, stderr, code := exlint(t, noEnv, "check", dir, "--max-file-size", "lots"); code != 2 || !strings.Contains(stderr, "--max-file-size") {
		t.Errorf("a bad size is a usage error: %d %s", code, stderr)
	}
	if _, stderr, code := exlint(t, noEnv, "fmt", "--check", dir, "--max-file-size", "4KiB"); code != 2 || !strings.Contains(stderr, "4096 bytes") {
		t.Errorf("fmt honours the cap: %d %s", code, stderr)
	}
}

// exlint version names the build: the version, and the commit when Go
// recorded one that the version does not already name.
func TestDescribeBuild(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	rev := "3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"
	platform := runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		ldflag string
		bi     *debug.BuildInfo
		want   string
		commit string // -X main.commit
	}{
		{"dev", nil, "dev (" + platform + ")", ""},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev (" + platform + ")", ""},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0 (" + platform + ")", ""},
		{"v1.2.0", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "v1.2.0 (commit 3f2c1a9d8e7b; " + platform + ")", ""},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "true")}, "dev (commit 3f2c1a9d8e7b, modified; " + platform + ")", ""},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261206092900-3f2c1a9d8e7b+dirty"}, Settings: vcs(rev, "true")},
			"v0.0.0-20261206092900-3f2c1a9d8e7b+dirty (" + platform + ")", ""},
		// The GitHub Action pinned to a commit: no .git, the commit set at
		// build time.
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev (commit 3f2c1a9d8e7b; " + platform + ")", rev},
		{"dev", nil, "dev (commit 3f2c1a9d8e7b; " + platform + ")", rev},
		// The commit Go records wins.
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs(rev, "false")}, "dev (commit 3f2c1a9d8e7b; " + platform + ")", strings.Repeat("0", 40)},
		// Anything but a full hash in lower case is not taken for a commit.
		{"dev", nil, "dev (" + platform + ")", "3f2c1a9"},
		{"dev", nil, "dev (" + platform + ")", strings.ToUpper(rev)},
		{"dev", nil, "dev (" + platform + ")", rev[:39] + "\x1b"},
		{"dev", nil, "dev (" + platform + ")", rev + "\n"},
	} {
		if got := describeBuild(tc.ldflag, tc.commit, tc.bi); got != tc.want {
			t.Errorf("%s %q %+v:\n got %s\nwant %s", tc.ldflag, tc.commit, tc.bi, got, tc.want)
		}
	}
}

// What exlint writes for other tools names a build without a version by
// its commit, as exlint version does: the SARIF log's driver and a design
// review's footer of the GitHub Action pinned to a commit say which.
func TestToolVersionNamesTheCommit(t *testing.T) {
	defer func(c string) { commit = c }(commit)
	commit = "3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"
	out, stderr, code := exlint(t, noEnv, "check", "--format", "sarif", "--as-of", asOf, "examples/small-cutover")
	if code != 1 || !strings.Contains(out, `"version": "dev (commit 3f2c1a9d8e7b)"`) {
		t.Errorf("sarif: exit %d %s\n%.2000s", code, stderr, out)
	}
	out, stderr, code = exlint(t, noEnv, "report", "--format", "markdown", "--as-of", asOf, "examples/small-cutover")
	if code != 0 || !strings.Contains(out, `Made by exlint dev \(commit 3f2c1a9d8e7b\)`) {
		t.Errorf("report: exit %d %s\n%s", code, stderr, out)
	}
	commit = ""
	if out, _, _ := exlint(t, noEnv, "check", "--format", "sarif", "--as-of", asOf, "examples/small-cutover"); !strings.Contains(out, `"version": "dev"`) {
		t.Errorf("without a commit: %.2000s", out)
	}
}

// A release build (its version set with -ldflags, as GoReleaser and the
// GitHub Action do) built in a git checkout still names its commit.
func TestVersionNamesTheCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("copies the repository into a new git repository and builds exlint")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is needed")
	}
	// The working tree as it is, committed in a repository of its own.
	src := filepath.Join(t.TempDir(), "exlint")
	err := filepath.WalkDir(repoRoot, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(repoRoot, p)
		if d.Name() == ".git" { // a directory, or a worktree's file naming one: never copied
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "examples") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(src, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(src, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = src
		// Git never looks above src for a repository.
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CEILING_DIRECTORIES="+filepath.Dir(src),
			"GIT_DIR="+filepath.Join(src, ".git"), "GIT_WORK_TREE="+src)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "build")
	head := git("rev-parse", "HEAD")
	bin := filepath.Join(t.TempDir(), "exlint")
	build := exec.Command("go", "build", "-buildvcs=true", "-ldflags", "-X main.version=v9.9.9", "-o", bin, "./cmd/exlint")
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "exlint v9.9.9 (commit " + head[:12] + ";"; !strings.HasPrefix(string(out), want) {
		t.Errorf("exlint version:\n%s\nwant it to start with %q", out, want)
	}
}
