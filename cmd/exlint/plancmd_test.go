package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// planExamples are the example plans with the date their architect wrote
// them: exlint plan's goldens are taken on it.
var planExamples = map[string]string{
	"plan-2007-to-2016":         "2015-07-01",
	"plan-2010-hybrid-to-cloud": "2022-05-02",
	"plan-2016-2019-to-se":      "2025-07-15",
	"plan-mistakes":             "2016-01-04",
}

// The timeline of every example plan, in each format, on the day it was
// written: the valid journeys pass, the plan with mistakes fails.
func TestPlanCommandGolden(t *testing.T) {
	for _, ex := range examples(t) {
		if strings.HasPrefix(ex, "plan-") && planExamples[ex] == "" {
			t.Errorf("example %s has no date in planExamples (and so no exlint plan goldens)", ex)
		}
	}
	for ex, date := range planExamples {
		t.Run(ex, func(t *testing.T) {
			wantCode := exitOK
			if ex == "plan-mistakes" {
				wantCode = exitFindings
			}
			for _, format := range []string{"text", "json", "mermaid"} {
				out, stderr, code := exlint(t, noEnv, "plan", "examples/"+ex, "--as-of", date, "--format", format)
				if stderr != "" || code != wantCode {
					t.Errorf("%s: exit %d, want %d; stderr: %s", format, code, wantCode, stderr)
				}
				golden(t, "plan/"+ex+"."+map[string]string{"text": "txt", "json": "json", "mermaid": "mmd"}[format], out)
			}
		})
	}
}

// exlint plan's verdict is exlint check's: on the goldens' date, every
// example exits with the same code from both, and a topology without stages
// has one state.
func TestPlanVerdictIsCheck(t *testing.T) {
	for _, dir := range exampleTopologies(t) {
		ex := strings.TrimPrefix(dir, "examples/")
		_, _, checkCode := exlint(t, noEnv, "check", dir, "--as-of", asOf)
		js, stderr, planCode := exlint(t, noEnv, "plan", dir, "--as-of", asOf, "--format", "json")
		if stderr != "" || planCode != checkCode {
			t.Errorf("%s: plan exits %d, check %d; %s", ex, planCode, checkCode, stderr)
		}
		var doc struct {
			Verdict string `json:"verdict"`
			States  []struct {
				Name string `json:"name"`
			} `json:"states"`
		}
		if err := json.Unmarshal([]byte(js), &doc); err != nil {
			t.Fatalf("%s: %v", ex, err)
		}
		if (doc.Verdict == "fails") != (checkCode == exitFindings) {
			t.Errorf("%s: verdict %s, check exits %d", ex, doc.Verdict, checkCode)
		}
		if !strings.HasPrefix(ex, "plan-") && (len(doc.States) != 1 || doc.States[0].Name != "current") {
			t.Errorf("%s has no stages, but %d states", ex, len(doc.States))
		}
	}
}

// Mermaid's own parser reads every chart exlint plan draws: the examples on
// their dates and on the goldens' date, and a plan whose names are hostile.
func TestPlanCommandMermaid(t *testing.T) {
	parse := mermaidParser(t)
	dir := t.TempDir()
	var files []string
	write := func(name, out string) {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	for _, dir := range exampleTopologies(t) {
		ex := strings.TrimPrefix(dir, "examples/")
		out, _, _ := exlint(t, noEnv, "plan", dir, "--as-of", asOf, "--format", "mermaid")
		write(strings.ReplaceAll(ex, "/", "-")+".mmd", out)
		if date := planExamples[ex]; date != "" {
			out, _, _ = exlint(t, noEnv, "plan", "examples/"+ex, "--as-of", date, "--format", "mermaid")
			write(ex+"@"+date+".mmd", out)
		}
	}
	hostile := writeTopology(t, `organization "Con%%{init: {}}%%toso: title x" {}
server "section x: click y call z()" {
  version = "SE"
  update  = "RTM"
}
server "2027-01-01" {
  version = "SE"
  update  = "RTM #35; ; :done, x1, 2020-01-01, 1d"
}
stage "title" {
  date = "2027-03"
  remove "server" "2027-01-01" {}
}
stage "section" {
  date = "2027-04"
  add "server" "gantt\u0007\u202e<b>x</b>" {
    version = "SE"
    update  = "RTM"
  }
}
`)
	out, _, _ := exlint(t, noEnv, "plan", hostile, "--as-of", asOf, "--format", "mermaid")
	write("hostile.mmd", out)
	if strings.Count(out, "\n  section ") != 2 || strings.Count(out, "\n  title ") != 1 {
		t.Errorf("a name added a section or a title:\n%s", out)
	}
	// Stages at the first and the last day a stage's date may have, and
	// beyond them (errors, whose stages are not drawn), run on the earliest
	// and the latest day --as-of takes: every date the chart computes (the
	// lead before the first stage, the run past the last) is one Mermaid
	// reads, with four digits to its year.
	bounds := writeTopology(t, `organization "O" {}
server "EX01" {
  version = "SE"
  update  = "RTM"
}
stage "first" {
  date = "1990-01"
  change "server" "EX01" {
    os = "2022"
  }
}
stage "last" {
  date = "2099-12-31"
  change "server" "EX01" {
    os = "2025"
  }
}
stage "never" {
  date = "9999-12-31"
  change "server" "EX01" {
    update = "RTM Aug26SU"
  }
}
stage "ancient" {
  date = "0000-01"
  change "server" "EX01" {
    update = "RTM Aug26SU"
  }
}
`)
	for _, date := range []string{"0000-01-01", "9999-12-31"} {
		out, _, _ := exlint(t, noEnv, "plan", bounds, "--as-of", date, "--format", "mermaid")
		if !strings.Contains(out, ", 1990-01-01, 0d") || !strings.Contains(out, ", 2099-12-31, 0d") {
			t.Errorf("--as-of %s: the stages at the bounds are not drawn:\n%s", date, out)
		}
		write("bounds@"+date+".mmd", out)
	}
	if got, err := parse(append([]string{"--type=gantt"}, files...)...); err != nil {
		t.Errorf("Mermaid's parser: %v\n%s", err, got)
	}
}

// A topology without stages: its one state; usage errors exit 2.
func TestPlanCommandUsage(t *testing.T) {
	out, _, code := exlint(t, noEnv, "plan", "examples/small-cutover", "--as-of", asOf)
	if code != exitFindings || !strings.HasPrefix(out, "Tailspin: 1 state, checked as of 2026-11-21\n\ncurrent (as of 2026-11-21)\n") ||
		!strings.HasSuffix(out, "\nverdict: fails (3 errors, 1 warning, 0 info)\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"plan", "examples/small-cutover", "--format", "svg"}, `--format "svg": use text, json or mermaid`},
		{[]string{"plan", "examples"}, `holds no topology files (the names end in .exchange.hcl or .exchange.hcl.json); exlint plan shows one topology, and these are below it: "examples/2000-cutover-draft"`},
		{[]string{"plan", "examples/small-cutover", "--as-of", "2026-13-01"}, "--as-of"},
		{[]string{"plan", "examples/small-cutover", "--fail-on", "fatal"}, "--fail-on"},
	} {
		_, stderr, code := exlint(t, noEnv, tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, stderr)
		}
	}
	// -o writes the file; --fail-on warning makes warnings fail.
	path := filepath.Join(t.TempDir(), "plan.mmd")
	if _, _, code := exlint(t, noEnv, "plan", "examples/plan-2016-2019-to-se", "--as-of", "2025-07-15", "--format", "mermaid", "-o", path); code != exitOK {
		t.Errorf("-o: exit %d", code)
	}
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%% Drawn by exlint plan.\ngantt\n") {
		t.Errorf("-o wrote %q, %v", b, err)
	}
	if _, _, code := exlint(t, noEnv, "plan", "examples/plan-2016-2019-to-se", "--as-of", "2025-07-15", "--fail-on", "warning", "--fail-on-planned"); code != exitFindings {
		t.Errorf("--fail-on warning --fail-on-planned: exit %d", code)
	}
}

// The README's Plans section shows a stage of an example plan as it is
// written, and exlint plan's chart of it as exlint draws it.
func TestReadmePlan(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	src := regexp.MustCompile("(?s)<!-- exlint-readme-plan-source: (\\S+) -->\\s*```hcl\\n(.*?)```").FindSubmatch(readme)
	chart := regexp.MustCompile("(?s)<!-- exlint-readme-plan: (\\S+) (\\S+) -->\\s*```mermaid\\n(.*?)```").FindSubmatch(readme)
	if src == nil || chart == nil {
		t.Fatal("README.md shows no plan (<!-- exlint-readme-plan-source: FILE --> and an hcl block, <!-- exlint-readme-plan: DIR DATE --> and a mermaid block)")
	}
	file, err := os.ReadFile(filepath.Join(repoRoot, string(src[1])))
	if err != nil || !strings.Contains(string(file), string(src[2])) {
		t.Errorf("README.md's plan is not in %s (%v):\n%s", src[1], err, src[2])
	}
	out, _, _ := exlint(t, noEnv, "plan", string(chart[1]), "--as-of", string(chart[2]), "--format", "mermaid")
	if out != string(chart[3]) {
		t.Errorf("README.md's chart of %s is stale; the real output is:\n%s", chart[1], out)
	}
}

// exlint plan and exlint report read the configuration as exlint check
// does: a stages file it excludes is not part of the plan, and the
// baseline it names hides what it recorded, so that the verdicts agree.
func TestPlanVerdictWithConfiguration(t *testing.T) {
	dir := t.TempDir()
	topo := filepath.Join(dir, "t")
	if err := os.Mkdir(topo, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"t/org.exchange.hcl":    "organization \"O\" {}\nserver \"EX16\" {\n  version = \"2016\"\n  update  = \"CU23\"\n}\n",
		"t/stages.exchange.hcl": "stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX16\" {}\n  add \"server\" \"EXSE\" {\n    version = \"SE\"\n    update  = \"RTM\"\n  }\n}\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	verdicts := func(config string) (check, plan, report int) {
		t.Helper()
		cfg := filepath.Join(dir, ".exlint.hcl")
		if err := os.WriteFile(cfg, []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, check = exlint(t, noEnv, "check", "--config", cfg, "--as-of", asOf, "--no-progress", topo)
		_, _, plan = exlint(t, noEnv, "plan", "--config", cfg, "--as-of", asOf, topo)
		md, _, _ := exlint(t, noEnv, "report", "--config", cfg, "--as-of", asOf, "--format", "markdown", topo)
		report = exitOK
		if strings.Contains(md, "**Does not pass.**") {
			report = exitFindings
		}
		return
	}
	// With the stages, Exchange 2016's end of support is planned: passes.
	if c, p, r := verdicts(""); c != exitOK || p != exitOK || r != exitOK {
		t.Errorf("with the stages: check %d, plan %d, report %d; want all 0", c, p, r)
	}
	// Without them (excluded), it fails everywhere.
	if c, p, r := verdicts("exclude = [\"t/stages.exchange.hcl\"]\n"); c != exitFindings || p != exitFindings || r != exitFindings {
		t.Errorf("stages excluded: check %d, plan %d, report %d; want all 1", c, p, r)
	}
	// A baseline recording that error hides it everywhere.
	base := filepath.Join(dir, "base.json")
	cfg := filepath.Join(dir, ".exlint.hcl")
	if err := os.WriteFile(cfg, []byte("exclude = [\"t/stages.exchange.hcl\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := exlint(t, noEnv, "check", "--config", cfg, "--as-of", asOf, "--no-progress", "--write-baseline", base, topo); code != exitOK {
		t.Fatalf("writing the baseline: exit %d: %s", code, stderr)
	}
	if c, p, r := verdicts("exclude = [\"t/stages.exchange.hcl\"]\nbaseline = \"base.json\"\n"); c != exitOK || p != exitOK || r != exitOK {
		t.Errorf("with the baseline: check %d, plan %d, report %d; want all 0", c, p, r)
	}
}

// A state lasts until the next stage: a domain controller whose Windows
// Server support ends on 2027-01-12 (its last day) and that a stage
// replaces on the day after is a planned warning; replaced a day later, it
// ran a day without support, and the check fails, at the current state
// judged on its last day.
func TestStateJudgedOnItsLastDay(t *testing.T) {
	const plan = `organization "Gap" {}
site "HQ" {}
domain_controller "DC-OLD" {
  site           = "HQ"
  os             = "2016"
  global_catalog = true
}
server "EX01" {
  site    = "HQ"
  version = "SE"
  update  = "RTM Aug26SU"
  os      = "2025"
}
stage "replace-dc" {
  date = "%s"
  add "domain_controller" "DC-NEW" {
    site           = "HQ"
    os             = "2025"
    global_catalog = true
  }
  remove "domain_controller" "DC-OLD" {}
}
`
	for _, tc := range []struct {
		date, want string
		code       int
	}{
		{"2027-01-13", "warning: domain controller DC-OLD runs on Windows Server 2016, whose extended support ends on 2027-01-12 (in 37 days): " +
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 (planned: resolved by stage replace-dc on 2027-01-13)", exitOK},
		{"2027-01-14", "error: domain controller DC-OLD runs on Windows Server 2016, whose extended support ended on 2027-01-12: " +
			"replace it with a domain controller on Windows Server 2019, 2022 or 2025 (current, as of 2027-01-13, until stage replace-dc on 2027-01-14)", exitFindings},
		// A stage that only adds a site, after the date, changes nothing.
		{"2027-09", "(current, as of 2027-08-31, until stage replace-dc on 2027-09)", exitFindings},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, "t.exchange.hcl"), []byte(strings.Replace(plan, "%s", tc.date, 1)), 0o644)
		out, stderr, code := runIn(t, dir, "", noEnv, "check", "--as-of", "2026-12-06", "--format", "compact", "--fail-on", "warning", ".")
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("replaced on %s: exit %d, want %d and %q\n%s%s", tc.date, code, tc.code, tc.want, out, stderr)
		}
		js, _, _ := runIn(t, dir, "", noEnv, "check", "--as-of", "2026-12-06", "--format", "json", ".")
		if judged := strings.Contains(js, `"judged_on": "`); judged != (tc.code == exitFindings) {
			t.Errorf("replaced on %s: judged_on in the JSON %v\n%s", tc.date, judged, js)
		}
	}
	// A severity the configuration lowers changes how the problem is
	// reported, not whether the last day shows it: a warning, not planned.
	dir0 := t.TempDir()
	os.WriteFile(filepath.Join(dir0, "t.exchange.hcl"), []byte(strings.Replace(plan, "%s", "2027-09", 1)), 0o644)
	os.WriteFile(filepath.Join(dir0, ".exlint.hcl"), []byte("rule \"windows-end-of-support\" {\n  severity = \"warning\"\n}\n"), 0o644)
	out, stderr, code := runIn(t, dir0, "", noEnv, "check", "--as-of", "2026-12-06", "--format", "compact", "--fail-on", "warning", ".")
	if want := "warning: domain controller DC-OLD runs on Windows Server 2016, whose extended support ended on 2027-01-12: " +
		"replace it with a domain controller on Windows Server 2019, 2022 or 2025 (current, as of 2027-08-31, until stage replace-dc on 2027-09)"; code != exitFindings || !strings.Contains(out, want) {
		t.Errorf("severity lowered: exit %d\n%s%s", code, out, stderr)
	}

	// An unrelated stage between the date and the replacement does not
	// decide the verdict, nor take the finding.
	dir := t.TempDir()
	src := strings.Replace(plan, "%s", "2027-09", 1) + "stage \"add-branch\" {\n  date = \"2027-03\"\n  add \"site\" \"Branch\" {}\n}\n"
	os.WriteFile(filepath.Join(dir, "t.exchange.hcl"), []byte(src), 0o644)
	out, _, code = runIn(t, dir, "", noEnv, "check", "--as-of", "2026-12-06", "--format", "compact", ".")
	if code != exitFindings || !strings.Contains(out, "(current, as of 2027-02-28, until stage replace-dc on 2027-09)") {
		t.Errorf("with an unrelated stage: exit %d\n%s", code, out)
	}
	// graph --state colours the state as check judges it, its last day
	// included.
	out, _, _ = runIn(t, dir, "", noEnv, "graph", "--as-of", "2026-12-06", "--state", "current", ".")
	if !strings.Contains(out, `findings: 1 error`) {
		t.Errorf("graph --state current does not show the last day's error:\n%s", out)
	}
}

// A state the rules do not run on is not said to be judged on its last
// day, and graph names why it is not checked as plan does: stages of the
// same date are not a removed block.
func TestNotCheckedStatesSayWhy(t *testing.T) {
	const head = "organization \"O\" {}\nsite \"HQ\" {}\nserver \"EX01\" {\n  site    = \"HQ\"\n  version = \"SE\"\n  update  = \"RTM\"\n  roles   = [\"mailbox\"]\n}\n"
	removed := t.TempDir()
	os.WriteFile(filepath.Join(removed, "t.exchange.hcl"), []byte(head+
		"server \"EX02\" {\n  site    = \"HQ\"\n  version = \"SE\"\n  update  = \"RTM\"\n  roles   = [\"mailbox\"]\n}\n"+
		"dag \"D\" {\n  members = [\"EX01\", \"EX02\"]\n}\n"+
		"stage \"s1\" {\n  date = \"2027-01\"\n  remove \"server\" \"EX01\" {}\n}\n"+
		"stage \"s2\" {\n  date = \"2027-06\"\n  change \"server\" \"EX02\" {\n    update = \"RTM\"\n  }\n}\n"), 0o644)
	out, _, _ := runIn(t, removed, "", noEnv, "plan", "--as-of", "2026-01-01", ".")
	if !strings.Contains(out, "\nstage s1, 2027-01\n") || !strings.Contains(out, "current (as of 2026-01-01, and on 2026-12-31, its last day)") {
		t.Errorf("plan:\n%s", out)
	}
	same := t.TempDir()
	change := "  change \"server\" \"EX01\" {\n    update = \"RTM\"\n  }\n"
	os.WriteFile(filepath.Join(same, "t.exchange.hcl"), []byte(head+
		"stage \"a\" {\n  date = \"2027-01\"\n"+change+"}\nstage \"b\" {\n  date = \"2027-01\"\n"+change+"}\n"), 0o644)
	_, stderr, _ := runIn(t, same, "", noEnv, "graph", "--as-of", "2026-01-01", "--state", "b", ".")
	if want := `state "b": two stages share a date, whose order is unknown, so its rules do not run`; !strings.Contains(stderr, want) {
		t.Errorf("graph --state b: %q, want %q", stderr, want)
	}
}

// A plan in JSON says what the same plan in HCL says: the stage that adds
// Exchange 2007 beside 2016 is told not to add it (a JSON stage's block
// covers its body, so the versions it writes are known to be its own).
func TestJSONPlanLikeHCL(t *testing.T) {
	hclDir, jsonDir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(hclDir, "t.exchange.hcl"), []byte(`organization "O" {}
site "HQ" {}
server "EX16" {
  site    = "HQ"
  version = "2016"
  update  = "CU23"
  roles   = ["mailbox"]
}
stage "bring-2007" {
  date = "2030-01"
  add "server" "EX07" {
    site    = "HQ"
    version = "2007"
    update  = "SP3 RU23"
    roles   = ["mailbox"]
  }
}
`), 0o644)
	os.WriteFile(filepath.Join(jsonDir, "t.exchange.hcl.json"), []byte(`{
  "organization": {"O": {}},
  "site": {"HQ": {}},
  "server": {"EX16": {"site": "HQ", "version": "2016", "update": "CU23", "roles": ["mailbox"]}},
  "stage": {"bring-2007": {"date": "2030-01", "add": {"server": {"EX07": {"site": "HQ", "version": "2007", "update": "SP3 RU23", "roles": ["mailbox"]}}}}}
}
`), 0o644)
	const want = "error: Exchange Server 2007 (EX07) cannot join an organization with Exchange Server 2016 (EX16): do not add EX07"
	for _, dir := range []string{hclDir, jsonDir} {
		out, _, _ := runIn(t, dir, "", noEnv, "check", "--as-of", "2025-01-01", "--format", "compact", ".")
		if !strings.Contains(out, want) {
			t.Errorf("%s:\n%s", dir, out)
		}
	}
}
