// Package action tests the GitHub Action (action.yml) and the problem
// matcher (.github/exlint-matcher.json) without GitHub: the composite
// action's scripts run in bash the way the runner runs them, with the
// runner's files (GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY).
package action

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

type step struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	Shell            string            `yaml:"shell"`
	Run              string            `yaml:"run"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
}

type action struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []step `yaml:"steps"`
	} `yaml:"runs"`
}

var repo, _ = filepath.Abs(filepath.Join("..", ".."))

func load(t *testing.T) action {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(repo, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(src, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// The action is composite, has the inputs the docs promise, and splices no
// expression into a script (inputs reach scripts through env only).
func TestActionShape(t *testing.T) {
	a := load(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q", a.Runs.Using)
	}
	for _, in := range []string{"paths", "config", "fail-on", "baseline", "as-of", "sarif-file", "working-directory", "step-summary", "setup-go"} {
		if _, ok := a.Inputs[in]; !ok {
			t.Errorf("input %s missing", in)
		} else if a.Inputs[in].Description == "" {
			t.Errorf("input %s has no description", in)
		}
	}
	if _, ok := a.Outputs["sarif-file"]; !ok {
		t.Error("output sarif-file missing")
	}
	// docs/ci.md documents every input.
	doc, err := os.ReadFile(filepath.Join(repo, "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	for in := range a.Inputs {
		if !strings.Contains(string(doc), "`"+in+"`") {
			t.Errorf("docs/ci.md does not document the input %s", in)
		}
	}
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q splices an expression into its script", s.Name)
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("step %q: composite run steps need shell: bash", s.Name)
		}
	}
}

var expr = regexp.MustCompile(`\$\{\{\s*([a-z._-]+)\s*\}\}`)

// runAction runs the action's run steps in order, as the runner would, the
// action pinned to the tag v1.2.3. It returns the combined output and exit
// code of the last step run.
func runAction(t *testing.T, workspace string, inputs map[string]string) (out string, code int, files map[string]string) {
	t.Helper()
	return runActionAt(t, workspace, "v1.2.3", inputs, "")
}

// runActionAt runs the action as runAction does, pinned to ref (what
// github.action_ref holds), and only up to the step named last when last
// is not "".
func runActionAt(t *testing.T, workspace, ref string, inputs map[string]string, last string) (out string, code int, files map[string]string) {
	t.Helper()
	a := load(t)
	tmp := t.TempDir()
	files = map[string]string{"GITHUB_PATH": filepath.Join(tmp, "path"), "GITHUB_OUTPUT": filepath.Join(tmp, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(tmp, "summary.md")}
	for _, f := range files {
		os.WriteFile(f, nil, 0o644)
	}
	ctx := map[string]string{"github.action_path": repo, "github.action_ref": ref, "github.workspace": workspace}
	for name, in := range a.Inputs {
		ctx["inputs."+name] = in.Default
	}
	for k, v := range inputs {
		ctx["inputs."+k] = v
	}
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			key := expr.FindStringSubmatch(m)[1]
			v, ok := ctx[key]
			if !ok {
				t.Fatalf("unknown expression %s", m)
			}
			return v
		})
	}
	path := os.Getenv("PATH")
	for _, s := range a.Runs.Steps {
		if s.Uses != "" {
			continue // actions/setup-go: the test machine has Go
		}
		dir := workspace
		if s.WorkingDirectory != "" {
			dir = eval(s.WorkingDirectory)
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(workspace, dir)
			}
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
		cmd.Dir = dir
		env := append(os.Environ(), "RUNNER_TEMP="+tmp, "RUNNER_OS=Linux", "PATH="+path, "GOFLAGS=-buildvcs=false")
		for k, f := range files {
			env = append(env, k+"="+f)
		}
		for k, v := range s.Env {
			env = append(env, k+"="+eval(v))
		}
		cmd.Env = env
		b, err := cmd.CombinedOutput()
		out, code = string(b), 0
		if err != nil {
			ee, ok := err.(*exec.ExitError)
			if !ok {
				t.Fatal(err)
			}
			code = ee.ExitCode()
			if s.ID != "check" {
				t.Fatalf("step %q failed (%d):\n%s", s.Name, code, out)
			}
		}
		added, _ := os.ReadFile(files["GITHUB_PATH"])
		for _, p := range strings.Fields(string(added)) {
			path = p + string(os.PathListSeparator) + path
		}
		if s.Name == last {
			break
		}
	}
	return out, code, files
}

func workspace(t *testing.T) string {
	t.Helper()
	ws := t.TempDir()
	src, err := os.ReadFile(filepath.Join(repo, "examples", "small-cutover", "tailspin.exchange.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	// The tests below count the example's two findings (Exchange 2010 past
	// its end of support, an error; a cutover of 180 mailboxes, a warning):
	// blank the lines stating its Windows Server versions, past their end
	// of support too (windows-end-of-support), keeping the others in place.
	src = regexp.MustCompile(`(?m)^ *os +=.*$`).ReplaceAll(src, nil)
	os.MkdirAll(filepath.Join(ws, "topo"), 0o755)
	os.WriteFile(filepath.Join(ws, "topo", "tailspin.exchange.hcl"), src, 0o644)
	os.WriteFile(filepath.Join(ws, ".exlint.hcl"), []byte("as_of = \"2026-11-21\"\n"), 0o644)
	os.Mkdir(filepath.Join(ws, ".git"), 0o755)
	return ws
}

// The action builds exlint, annotates, writes SARIF and the job summary,
// and fails the step on findings.
func TestActionRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exlint")
	}
	ws := workspace(t)
	out, code, files := runAction(t, ws, map[string]string{"paths": "topo"})
	if code != 1 || !strings.Contains(out, "::error file=topo/tailspin.exchange.hcl,line=18,col=13,") || !strings.Contains(out, "::warning file=topo/tailspin.exchange.hcl,line=53,") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	var sarif struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Version string `json:"version"`
				} `json:"driver"`
			} `json:"tool"`
			Results []any `json:"results"`
		} `json:"runs"`
	}
	raw, err := os.ReadFile(filepath.Join(ws, "exlint.sarif"))
	if err != nil || json.Unmarshal(raw, &sarif) != nil || len(sarif.Runs[0].Results) != 2 || sarif.Runs[0].Tool.Driver.Version != "v1.2.3" {
		t.Errorf("SARIF (%v):\n%.300s", err, raw)
	}
	if o, _ := os.ReadFile(files["GITHUB_OUTPUT"]); string(o) != "sarif-file=exlint.sarif\n" {
		t.Errorf("GITHUB_OUTPUT: %q", o)
	}
	// The job summary: the findings table and the topology's diagram.
	s, _ := os.ReadFile(files["GITHUB_STEP_SUMMARY"])
	for _, want := range []string{"### exlint\n", "\n| error | [exchange-end-of-support](", "`topo/tailspin.exchange.hcl:18:13`",
		"\n##### topo: 1 error, 1 warning, 0 info\n\n```mermaid\n%% Drawn by exlint graph.\nflowchart LR\n"} {
		if !strings.Contains(string(s), want) {
			t.Errorf("the summary lacks %q:\n%s", want, s)
		}
	}

	// step-summary: false writes no summary, and changes nothing else; a
	// value other than true or false is refused.
	out2, code2, files2 := runAction(t, ws, map[string]string{"paths": "topo", "step-summary": "false"})
	if s, _ := os.ReadFile(files2["GITHUB_STEP_SUMMARY"]); len(s) != 0 || code2 != 1 || out2 != out {
		t.Errorf("step-summary false: exit %d, summary %q\n%s", code2, s, out2)
	}
	if out, code, _ := runAction(t, ws, map[string]string{"paths": "topo", "step-summary": "no"}); code != 2 || !strings.Contains(out, "step-summary input must be true or false") {
		t.Errorf("step-summary no: exit %d\n%s", code, out)
	}

	// fail-on and config inputs.
	os.WriteFile(filepath.Join(ws, "quiet.hcl"), []byte("as_of = \"2026-11-21\"\nrule \"exchange-end-of-support\" {\n  enabled = false\n}\n"), 0o644)
	if out, code, _ := runAction(t, ws, map[string]string{"paths": "topo", "config": "quiet.hcl"}); code != 0 {
		t.Errorf("config: exit %d\n%s", code, out)
	}
	if out, code, _ := runAction(t, ws, map[string]string{"paths": "topo", "config": "quiet.hcl", "fail-on": "warning"}); code != 1 {
		t.Errorf("fail-on: exit %d\n%s", code, out)
	}

	// as-of: in 2019, Exchange 2010 was still supported; only the warning remains.
	out, code, _ = runAction(t, ws, map[string]string{"paths": "topo", "as-of": "2019-06-01"})
	if code != 0 || strings.Contains(out, "::error ") || !strings.Contains(out, "::warning file=topo/tailspin.exchange.hcl,line=53,") {
		t.Errorf("as-of: exit %d\n%s", code, out)
	}
	if out, code, _ := runAction(t, ws, map[string]string{"paths": "topo", "as-of": "2026-13-01"}); code != 2 || !strings.Contains(out, "the month 13 is out of range") {
		t.Errorf("a bad as-of: exit %d\n%s", code, out)
	}

	// A hostile input is data, not code.
	out, code, _ = runAction(t, ws, map[string]string{"paths": "topo $(touch pwned1); touch pwned2 `touch pwned3`", "sarif-file": "x.sarif"})
	for _, f := range []string{"pwned1", "pwned2", "pwned3"} {
		if _, err := os.Stat(filepath.Join(ws, f)); err == nil {
			t.Errorf("an input ran a command (%s)", f)
		}
	}
	if code != 2 {
		t.Errorf("hostile paths: exit %d, want 2 (no such path)\n%s", code, out)
	}
}

// The action's checkout has no .git, so Go records no commit: the ref the
// action is pinned to names the build. A tag vX.Y.Z is the version, a full
// commit hash (as docs/ci.md pins the action until there is a release) the
// commit; any other ref, a hostile one too, stamps nothing and reaches no
// command line.
func TestActionStampsItsRef(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exlint")
	}
	const sha = "3f2c1a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39"
	for _, tc := range []struct{ ref, want string }{
		{"v1.2.3", "exlint v1.2.3 (go"},
		{"v1.3.0-rc.1", "exlint v1.3.0-rc.1 (go"},
		{sha, "exlint dev (commit 3f2c1a9d8e7b; go"},
		{"", "exlint dev (go"},
		{"main", "exlint dev (go"},
		{sha[:12], "exlint dev (go"},                        // GitHub takes full hashes only
		{strings.ToUpper(sha), "exlint dev (go"},            // not the shape GitHub writes
		{sha + "\n", "exlint dev (go"},                      // $ of the pattern is the end of the value
		{sha + " -X main.version=v9.9.9", "exlint dev (go"}, // no flag smuggled into -ldflags
		{"v1.2.3 -X main.commit=" + sha, "exlint dev (go"},
		{"v1.2.3\x1b[31m", "exlint dev (go"},
		{"$(touch pwned)", "exlint dev (go"},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			ws := t.TempDir()
			out, _, _ := runActionAt(t, ws, tc.ref, nil, "Build exlint")
			var version string
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "exlint ") {
					version = line
				}
			}
			if !strings.HasPrefix(version, tc.want) {
				t.Errorf("exlint version printed %q, want %q...\n%s", version, tc.want, out)
			}
			if _, err := os.Stat(filepath.Join(repo, "pwned")); err == nil {
				t.Error("the ref ran a command")
			}
		})
	}
}

// The problem matcher reads exlint's compact format: file, line, column,
// severity, message and rule, whatever the message holds.
func TestProblemMatcher(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(repo, ".github", "exlint-matcher.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		ProblemMatcher []struct {
			Owner    string `json:"owner"`
			Severity string `json:"severity"`
			Pattern  []struct {
				Regexp                                      string `json:"regexp"`
				File, Line, Column, Severity, Message, Code int
			} `json:"pattern"`
		} `json:"problemMatcher"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	lines := map[string][6]string{
		`topo/a b.exchange.hcl:18:13: error: TS-EX runs Exchange Server 2010: retire it [exchange-end-of-support]`: {"topo/a b.exchange.hcl", "18", "13", "error", "TS-EX runs Exchange Server 2010: retire it", "exchange-end-of-support"},
		`t.exchange.hcl:3:5: warning: server "x [y]" has 50% of ::error:: \n [z] [migration-cutover-size]`:         {"t.exchange.hcl", "3", "5", "warning", `server "x [y]" has 50% of ::error:: \n [z]`, "migration-cutover-size"},
		`t.exchange.hcl:1:1: info: a note [some-rule]`:                                                             {"t.exchange.hcl", "1", "1", "notice", "a note", "some-rule"},
	}
	for line, want := range lines {
		matched := 0
		for _, pm := range m.ProblemMatcher {
			p := pm.Pattern[0]
			g := regexp.MustCompile(p.Regexp).FindStringSubmatch(line)
			if g == nil {
				continue
			}
			matched++
			sev := pm.Severity
			if p.Severity > 0 {
				sev = g[p.Severity]
			}
			got := [6]string{g[p.File], g[p.Line], g[p.Column], sev, g[p.Message], g[p.Code]}
			if got != want {
				t.Errorf("%s (%s):\n got %q\nwant %q", line, pm.Owner, got, want)
			}
		}
		if matched != 1 {
			t.Errorf("%s: %d matchers match, want 1", line, matched)
		}
	}
	// The matcher reads the real compact output of exlint.
	if testing.Short() {
		return
	}
	bin := filepath.Join(t.TempDir(), "exlint")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(repo, "cmd", "exlint")).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	cmd := exec.Command(bin, "check", "--format", "compact", "--as-of", "2026-11-21", "examples")
	cmd.Dir = repo
	out, _ := cmd.Output()
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		ok := false
		for _, pm := range m.ProblemMatcher {
			ok = ok || regexp.MustCompile(pm.Pattern[0].Regexp).MatchString(line)
		}
		if !ok {
			t.Errorf("no matcher reads %q", line)
		}
		n++
	}
	if n < 5 {
		t.Errorf("only %d lines of compact output", n)
	}
}
