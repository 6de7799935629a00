package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/exlint/exlint/internal/topogen"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Graphviz and Mermaid's parser are the tools that read exlint's diagrams.
// A test needing one is skipped where it is absent, unless the variable
// says it must run (.ci/run installs both and sets them).
const (
	graphvizEnv = "EXLINT_TEST_GRAPHVIZ"
	mermaidEnv  = "EXLINT_TEST_MERMAID"
)

// requireTool returns the path of the program, or skips (or fails, when env
// is set) with how to get it.
func requireTool(t *testing.T, env, program, how string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		if os.Getenv(env) != "" {
			t.Fatalf("%s is set but %s is not installed: %s", env, program, how)
		}
		t.Skipf("%s is not installed (%s); set %s to make this an error", program, how, env)
	}
	return path
}

// mermaidParser returns the command that checks Mermaid files with
// Mermaid's own parser (tests/mermaid/parse.mjs under Node).
func mermaidParser(t *testing.T) func(files ...string) (string, error) {
	t.Helper()
	node := requireTool(t, mermaidEnv, "node", "Node.js 18 or later")
	dir := filepath.Join(repoRoot, "tests", "mermaid")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "mermaid", "package.json")); err != nil {
		if os.Getenv(mermaidEnv) != "" {
			t.Fatalf("%s is set but Mermaid is not installed: npm ci --prefix tests/mermaid", mermaidEnv)
		}
		t.Skipf("Mermaid is not installed (npm ci --prefix tests/mermaid); set %s to make this an error", mermaidEnv)
	}
	return func(files ...string) (string, error) {
		cmd := exec.Command(node, append([]string{filepath.Join(dir, "parse.mjs")}, files...)...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
}

// renderDOT runs the real Graphviz on a DOT file and returns the SVG; any
// output on standard error (a warning) fails the test.
func renderDOT(t *testing.T, dot, file string) []byte {
	t.Helper()
	cmd := exec.Command(dot, "-Tsvg", file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 || !bytes.Contains(stdout.Bytes(), []byte("</svg>")) {
		t.Errorf("dot -Tsvg %s: %v\n%s", file, err, stderr.String())
	}
	return stdout.Bytes()
}

// exampleTopologies lists every topology under examples/, as exlint check
// finds them.
func exampleTopologies(t *testing.T) []string {
	t.Chdir(repoRoot)
	targets, _, err := schema.Discover([]string{"examples"})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tg := range targets {
		out = append(out, filepath.ToSlash(tg.Dir))
	}
	if len(out) < 10 {
		t.Fatalf("found only %d example topologies", len(out))
	}
	return out
}

// goldenGraphs are the examples whose diagrams are golden files.
var goldenGraphs = map[string]bool{"small-cutover": true, "multi-tenant-hybrid": true, "se-edge-hybrid-draft": true, "2016-branch-offices": true}

// The diagram of every example: Graphviz draws its DOT without a warning,
// Mermaid's parser accepts its Mermaid, and a few are golden files.
func TestGraphExamples(t *testing.T) {
	dir := t.TempDir()
	var mmds []string
	for _, ex := range exampleTopologies(t) {
		name := strings.ReplaceAll(strings.TrimPrefix(ex, "examples/"), "/", "_")
		for _, format := range []string{"dot", "mermaid"} {
			out, stderr, code := exlint(t, noEnv, "graph", ex, "--format", format, "--as-of", asOf)
			if code != exitOK || stderr != "" {
				t.Fatalf("%s --format %s: exit %d: %s", ex, format, code, stderr)
			}
			ext := map[string]string{"dot": ".dot", "mermaid": ".mmd"}[format]
			if goldenGraphs[name] {
				golden(t, "graph-"+name+ext, out)
			}
			file := filepath.Join(dir, name+ext)
			if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
			if format == "mermaid" {
				mmds = append(mmds, file)
			}
		}
	}
	t.Run("graphviz", func(t *testing.T) {
		dot := requireTool(t, graphvizEnv, "dot", "apt-get install graphviz")
		files, _ := filepath.Glob(filepath.Join(dir, "*.dot"))
		for _, f := range files {
			renderDOT(t, dot, f)
		}
	})
	t.Run("mermaid", func(t *testing.T) {
		parse := mermaidParser(t)
		if out, err := parse(mmds...); err != nil || strings.Count(out, "ok ") != len(mmds) {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})
}

// hostileTopology names everything with what breaks diagrams or terminals:
// quotes, brackets, backslashes, newlines, directives, markup, entities,
// CI log commands, escape sequences and bidirectional overrides.
const hostileTopology = `organization "Evil\"]; click n1 call alert(1) %%{init: {\"theme\":\"dark\"}}%%" {}
site "a\\nb\" -> \"x" {}
site "end" {}
server "EX<script>alert(1)</script>" {
  site    = "a\\nb\" -> \"x"
  version = "2019"
  update  = "CU14"
}
server "##vso[task.setvariable variable=x]1 \u202egnp.exe &amp; #35; \\" {
  version = "2019"
  update  = "CU14"
  roles   = ["edge_transport"]
}
domain "x\n}\ndigraph {" {
  mx = "on_premises"
}
tenant "t` + "`code`" + ` *b* _i_ <br/> |pipe| [x] {y} (z) ;" {}
connector "send" "c\\\\\"\\" {
  servers        = ["EX<script>alert(1)</script>"]
  address_spaces = ["t.mail.onmicrosoft.com"]
}
`

// Hostile names go through both tools: Graphviz draws them without a
// warning and its SVG shows each name as written (control characters as
// their pictures), and Mermaid's parser accepts the Mermaid.
func TestGraphHostileNames(t *testing.T) {
	topo := writeTopology(t, hostileTopology)
	dotOut, stderr, code := exlint(t, noEnv, "graph", topo, "--as-of", asOf)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mmdOut, _, _ := exlint(t, noEnv, "graph", topo, "--format", "mermaid", "--as-of", asOf)
	for _, out := range []string{dotOut, mmdOut} {
		if strings.Contains(out, "##") || strings.ContainsAny(out, "\x1b\u202e\r") {
			t.Errorf("the output holds what a terminal or CI log would act on:\n%s", out)
		}
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "h.dot"), []byte(dotOut), 0o644)
	os.WriteFile(filepath.Join(dir, "h.mmd"), []byte(mmdOut), 0o644)
	t.Run("graphviz", func(t *testing.T) {
		dot := requireTool(t, graphvizEnv, "dot", "apt-get install graphviz")
		svg := renderDOT(t, dot, filepath.Join(dir, "h.dot"))
		texts := svgTexts(t, svg)
		for _, want := range []string{
			`EX<script>alert(1)</script>`,
			"##vso[task.setvariable variable=x]1 \\u202egnp.exe &amp; #35; \\",
			"x␊}␊digraph {",
			"t`code` *b* _i_ <br/> |pipe| [x] {y} (z) ;",
			`c\\"\`,
			`Site a\nb" -> "x`,
			"Site end",
		} {
			if !texts[want] {
				t.Errorf("the SVG does not show %q; it shows %v", want, texts)
			}
		}
	})
	t.Run("mermaid", func(t *testing.T) {
		if out, err := mermaidParser(t)(filepath.Join(dir, "h.mmd")); err != nil {
			t.Errorf("Mermaid's parser: %v\n%s", err, out)
		}
	})
}

// svgTexts returns the text of every <text> element of an SVG.
func svgTexts(t *testing.T, svg []byte) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	var in bool
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "text"
		case xml.CharData:
			if in {
				out[string(tok)] = true
			}
		case xml.EndElement:
			in = false
		}
	}
	if len(out) == 0 {
		t.Fatal("the SVG has no text")
	}
	return out
}

// The command's behaviour: defaults, a file argument, -o, and the usage
// errors, each exit code 2 with a message.
func TestGraphCommand(t *testing.T) {
	ex := "examples/small-cutover"
	dot, _, _ := exlint(t, noEnv, "graph", ex, "--as-of", asOf)
	if !strings.HasPrefix(dot, "// Drawn by exlint graph") || !strings.Contains(dot, "digraph exlint {") {
		t.Fatalf("not DOT:\n%s", dot)
	}
	// A topology with errors still exits 0: the diagram shows them.
	if !strings.Contains(dot, `fillcolor="#fde0e0"`) {
		t.Error("small-cutover has an error, but no node is red")
	}
	if same, _, _ := exlint(t, noEnv, "graph", ex+"/tailspin.exchange.hcl", "--as-of", asOf); same != dot {
		t.Error("a file argument does not draw its directory's topology")
	}
	t.Chdir(filepath.Join(repoRoot, ex))
	var here bytes.Buffer
	if code := run([]string{"graph", "--as-of", asOf}, strings.NewReader(""), &here, &bytes.Buffer{}, noEnv); code != 0 || here.String() != dot {
		t.Errorf("graph without a path does not draw the current directory (exit %d)", code)
	}
	out := filepath.Join(t.TempDir(), "t.mmd")
	if o, e, code := exlint(t, noEnv, "graph", ex, "--format", "mermaid", "-o", out, "--as-of", asOf); code != 0 || o != "" || e != "" {
		t.Errorf("-o: exit %d, stdout %q, stderr %q", code, o, e)
	}
	if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%% Drawn by exlint graph.\nflowchart LR\n") {
		t.Errorf("-o wrote %q (%v)", b, err)
	}

	notes := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notes, []byte("x"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"graph", ex, "--format", "svg"}, `--format "svg": use dot or mermaid`},
		{[]string{"graph", "no/such/dir"}, "no/such/dir: no such file or directory"},
		{[]string{"graph", notes}, "not a topology file"},
		{[]string{"graph", "examples"}, `exlint graph draws one topology, and these are below it: "examples/2000-cutover-draft"`},
		{[]string{"graph", "examples/2003-migration-drafts"}, `"examples/2003-migration-drafts/express-draft", "examples/2003-migration-drafts/staged-draft"`},
		{[]string{"graph", ex, "--state", "target"}, `--state "target": the topology has no such state. It has no stages: its one state is "current"`},
		{[]string{"graph", writeTopology(t, "organization \"O\" {}\nsite \"A\" {}\nstage \"s1\" {\n  date = \"2027-01\"\n  remove \"site\" \"A\" {}\n}\nstage \"later\" {\n  remove \"site\" \"A\" {}\n}\n"), "--state", "later"},
			`--state "later": stage "later" is not applied, so it is no state: stage "later" has no date; add date = "YYYY-MM" (or "YYYY-MM-DD"): stages apply in date order (`},
		{[]string{"graph", ex, "--as-of", "2026-13-01"}, "the month 13 is out of range"},
		{[]string{"graph", ex, "extra"}, "accepts at most 1 arg"},
		{[]string{"graph", ex, "-o", filepath.Join(t.TempDir(), "no", "dir", "x.dot")}, "-o "},
	} {
		_, stderr, code := exlint(t, noEnv, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}

	// A topology with structural errors is drawn as far as it was read,
	// and says so.
	broken := writeTopology(t, "organization \"O\" {}\nserver \"EX\" {\n  version = 2019\n}\n")
	o, stderr, code := exlint(t, noEnv, "graph", broken, "--as-of", asOf)
	if code != exitOK || !strings.Contains(stderr, "has 2 structural error(s)") ||
		!strings.Contains(o, `[label="EX\nExchange (version unknown)\n2 errors", shape=box, fillcolor="#fde0e0"`) {
		t.Errorf("broken topology: exit %d, stderr %q\n%s", code, stderr, o)
	}
}

// A plan: --state draws each state with its own servers and findings, and
// the title names the state and the date it is judged on (the stage's,
// later than --as-of); --expand draws alike servers one by one.
func TestGraphStatesAndGrouping(t *testing.T) {
	dir := t.TempDir()
	for _, f := range topogen.Generate(topogen.Options{Servers: 24, Stages: 3}) {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	states := map[string]string{}
	for _, st := range []string{"current", "step-001", "step-003"} {
		out, stderr, code := exlint(t, noEnv, "graph", dir, "--state", st, "--as-of", asOf)
		if code != exitOK || stderr != "" {
			t.Fatalf("--state %s: exit %d: %s", st, code, stderr)
		}
		states[st] = out
	}
	if def, _, _ := exlint(t, noEnv, "graph", dir, "--as-of", asOf); def != states["current"] {
		t.Error("the default state is not current")
	}
	if !strings.Contains(states["current"], "state current, 1 of 4, as of "+asOf) ||
		!strings.Contains(states["step-003"], "state step-003 (2027-03-01), 4 of 4, as of 2027-03-01") {
		t.Errorf("titles do not name the state:\n%s", states["step-003"])
	}
	// The title fits the diagram's line: a long state name is clipped, the
	// dates and the place are not; the organization, which its own box
	// names, is left out of a plan's state.
	var files []*schema.File
	for _, f := range topogen.Generate(topogen.Options{Servers: 24, Stages: 3}) {
		files = append(files, &schema.File{Name: f.Name, Src: f.Src})
	}
	plan, _ := schema.DecodePlan(".", files, schema.DefaultLimits)
	if title := graphTitle(plan, plan.States[3], catalog.MustDate(asOf)); title != "state step-003 (2027-03-01), 4 of 4, as of 2027-03-01" {
		t.Errorf("title %q", title)
	}
	plan.States[3].Name = strings.Repeat("x", 80)
	if title := graphTitle(plan, plan.States[3], catalog.MustDate(asOf)); utf8.RuneCountInString(title) != graphTitleWidth ||
		!strings.HasSuffix(title, "… (2027-03-01), 4 of 4, as of 2027-03-01") {
		t.Errorf("a long state's title: %q", title)
	}
	if states["step-001"] == states["current"] || states["step-003"] == states["step-001"] {
		t.Error("the states are drawn the same")
	}
	_, stderr, code := exlint(t, noEnv, "graph", dir, "--state", "step-01")
	if code != exitUsage || !strings.Contains(stderr, `did you mean "step-001"?`) || !strings.Contains(stderr, "Its states: current, step-001, step-002, step-003") {
		t.Errorf("unknown state: exit %d, %s", code, stderr)
	}
	expanded, _, _ := exlint(t, noEnv, "graph", dir, "--expand", "--as-of", asOf)
	grouped := states["current"]
	if !strings.Contains(grouped, " servers: EX") || strings.Contains(expanded, " servers: EX") ||
		strings.Count(expanded, "\n") <= strings.Count(grouped, "\n") {
		t.Error("alike servers are not grouped by default, or --expand does not draw them one by one")
	}
	if dot, err := exec.LookPath("dot"); err == nil {
		f := filepath.Join(t.TempDir(), "plan.dot")
		os.WriteFile(f, []byte(states["step-003"]), 0o644)
		renderDOT(t, dot, f)
	}
}

// runner.CheckState, which colours one state of a plan, finds on a
// topology without stages what runner.CheckFiles finds on it: same rules,
// configuration, suppressions and overlap.
func TestCheckStateAgreesWithRunner(t *testing.T) {
	cfg, err := loadConfig("", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	opts := runner.Options{Rules: allRules(), Catalog: catalog.Default(), AsOf: catalog.MustDate(asOf), Limits: cfg.Limits(), Config: cfg}
	total := 0
	// Besides the examples, a topology with suppressions (one used, one
	// not) checked with a configuration that turns a rule off and changes
	// another's severity.
	suppressed := writeTopology(t, `organization "O" {}
server "EX07" {
  # exlint-ignore: exchange-end-of-support -- retired in March
  version = "2010"
  update  = "SP3 RU32"
}
server "EX08" {
  # exlint-ignore: exchange-build-unknown -- nothing to hide here
  version = "SE"
  update  = "RTM"
}
migration {
  method    = "cutover"
  mailboxes = 180
}
`)
	custom, probs := config.Parse(".exlint.hcl", []byte(`rule "migration-cutover-size" {
  severity = "error"
}
rule "exchange-security-update-missing" {
  enabled = false
}
`), allRuleInfos())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, ex := range append(exampleTopologies(t), suppressed) {
		opts := opts
		if ex == suppressed {
			opts.Config = custom
		}
		files, _ := filepath.Glob(filepath.Join(ex, "*.exchange.hcl*"))
		fs, err := schema.ReadFiles(files, schema.DefaultLimits.MaxFileSize)
		if err != nil {
			t.Fatal(err)
		}
		plan, probs := schema.DecodePlan(ex, fs, opts.Limits)
		if len(plan.States) > 1 {
			// A plan's findings are followed across its states; one state
			// of it alone is runner's TestCheckStateOfAPlan.
			continue
		}
		got, err := runner.CheckState(plan, plan.States[0], probs, fs, opts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := runner.CheckFiles(ex, fs, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: CheckState finds %d findings, CheckFiles %d", ex, len(got), len(want))
		}
		total += len(want)
	}
	if total < 50 {
		t.Errorf("the examples have only %d findings", total)
	}
}

// The README shows an example's diagram; it must be exlint's real output.
func TestReadmeGraph(t *testing.T) {
	readmeBlock(t, "exlint-readme-graph", "mermaid", func(dir string) string {
		out, _, _ := exlint(t, noEnv, "graph", dir, "--format", "mermaid", "--as-of", asOf)
		return out
	})
}

// graph, plan and report name the exclude pattern that keeps a path out,
// as check does, rather than find no topology files in a directory and
// list that directory as one below it; a directory whose topology files
// are all excluded says so; the topologies listed below a directory are
// those the configuration leaves in.
func TestOneTopologyExcluded(t *testing.T) {
	repo := configRepo(t, "exclude = [\"archive/**\", \"part/*.exchange.hcl\"]\n")
	src, _ := os.ReadFile(filepath.Join(repo, "topo", "tailspin.exchange.hcl"))
	for _, dir := range []string{"archive", "part"} {
		os.MkdirAll(filepath.Join(repo, dir), 0o755)
		os.WriteFile(filepath.Join(repo, dir, "a.exchange.hcl"), src, 0o644)
	}
	const archive = `not read: excluded by "archive/**" (.exlint.hcl:1:1)`
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"graph", "archive"}, "archive: " + archive},
		{[]string{"plan", "archive/a.exchange.hcl"}, "archive/a.exchange.hcl: " + archive},
		{[]string{"report", "archive", "-o", "r.html"}, "archive: " + archive},
		{[]string{"graph", "part"}, `part: its topology files are not read: excluded by "part/*.exchange.hcl" (.exlint.hcl:1:1)`},
		{[]string{"plan", "part/a.exchange.hcl"}, `part/a.exchange.hcl: not read: excluded by "part/*.exchange.hcl"`},
		{[]string{"graph", "."}, `exlint graph draws one topology, and these are below it: "topo"` + "\n"},
	} {
		_, stderr, code := exlintIn(t, repo, noEnv, append(tc.args, "--as-of", asOf)...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}
