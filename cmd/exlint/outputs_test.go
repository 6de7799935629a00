package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/rules"
)

// Several outputs in one run carry the same findings as one run per format,
// byte for byte, and the exit code does not depend on them.
func TestSeveralOutputsAgree(t *testing.T) {
	dir := t.TempDir()
	args := []string{"check", "examples/2010-to-2016-onprem", "--as-of", asOf, "--color", "never", "--format", "text"}
	files := map[string]string{}
	for _, f := range report.Formats {
		if f == "text" {
			continue
		}
		files[f] = filepath.Join(dir, "out."+f)
		args = append(args, "--format", f+"="+files[f])
	}
	text, stderr, code := exlint(t, noEnv, args...)
	if code != 1 || stderr != "" {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	alone, _, _ := exlint(t, noEnv, "check", "examples/2010-to-2016-onprem", "--as-of", asOf, "--color", "never")
	if text != alone {
		t.Error("the text output changed when other outputs were added")
	}
	for f, path := range files {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, _, code := exlint(t, noEnv, "check", "examples/2010-to-2016-onprem", "--as-of", asOf, "--format", f)
		if string(got) != want || code != 1 {
			t.Errorf("%s: the file differs from the standard output of --format %s alone (exit %d)", f, f, code)
		}
		if !strings.Contains(want, "exchange2016.exchange.hcl") {
			t.Errorf("%s: no finding in the output:\n%s", f, want)
		}
	}
}

// The SARIF of an example: relative URIs, every rule listed.
func TestSARIFOfExample(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "check", "examples/small-cutover", "--as-of", asOf, "--format", "sarif")
	for _, want := range []string{`"uri": "examples/small-cutover/tailspin.exchange.hcl"`, `"columnKind": "unicodeCodePoints"`,
		`"id": "migration-cutover-size"`, `"id": "syntax"`, `"exlintFingerprint/v1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("SARIF lacks %s", want)
		}
	}
	// An absolute path on the command line still gives a relative URI.
	abs := filepath.Join(repoRoot, "examples", "small-cutover")
	out2, _, _ := exlint(t, noEnv, "check", abs, "--as-of", asOf, "--format", "sarif")
	if out2 != out {
		t.Error("SARIF URIs must be relative to the working directory whatever the argument")
	}
}

// --format github appends a summary to $GITHUB_STEP_SUMMARY when it is set.
func TestGitHubStepSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	os.WriteFile(summary, []byte("earlier step\n"), 0o644)
	getenv := func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	}
	out, _, code := exlint(t, getenv, "check", "examples/small-cutover", "--as-of", asOf, "--format", "github")
	if code != 1 || !strings.HasPrefix(out, "::error file=examples/small-cutover/tailspin.exchange.hcl,line=12,col=20,") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	got, _ := os.ReadFile(summary)
	if !strings.HasPrefix(string(got), "earlier step\n### exlint\n") {
		t.Errorf("summary not appended:\n%s", got)
	}
	// Without the github format the summary is left alone.
	exlint(t, getenv, "check", "examples/small-cutover", "--as-of", asOf, "--format", "compact")
	if again, _ := os.ReadFile(summary); string(again) != string(got) {
		t.Error("only the github format writes the step summary")
	}
}

// Findings reach the outputs as topologies are checked, but an output file
// is only put in place when the run completes: a run that fails part-way
// leaves the file as it was and no temporary file beside it.
func TestFailedRunLeavesOutputFiles(t *testing.T) {
	saved := allRules
	t.Cleanup(func() { allRules = saved })
	allRules = func() []lint.Rule { return append(rules.All(), panicRule{}) }
	dir := t.TempDir()
	sarif := filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(sarif, []byte("previous run\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := exlint(t, noEnv, "check", "examples", "--format", "text", "--format", "sarif="+sarif, "--format", "json="+filepath.Join(dir, "new.json"))
	if m := regexp.MustCompile(`\S*exlint-crash-\d+\.txt`).FindString(stderr); m != "" {
		os.Remove(m)
	}
	if code != 3 {
		t.Fatalf("exit %d, want 3", code)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the output directory: %v", entries)
	}
	if got, _ := os.ReadFile(sarif); string(got) != "previous run\n" {
		t.Errorf("the existing output was changed: %q", got)
	}
}

// No output replaces the baseline the configuration names, a release file
// (of the configuration's catalog, or named with --catalog), a topology or
// a configuration: --format NAME=FILE, --write-baseline and the -o of every
// command that writes a file refuse them (exit 2) before any work, and
// refuse any file named like a topology or like .exlint.hcl, which the next
// run would read as one.
func TestOutputsSpareTheBaselineAndTopologies(t *testing.T) {
	repo := configRepo(t, "baseline = \"bl.json\"\n")
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--write-baseline", "bl.json", "topo"); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, stderr)
	}
	baseline, _ := os.ReadFile(filepath.Join(repo, "bl.json"))
	topology, _ := os.ReadFile(filepath.Join(repo, "topo", "tailspin.exchange.hcl"))
	config, _ := os.ReadFile(filepath.Join(repo, ".exlint.hcl"))
	entries, _ := os.ReadDir(repo)
	const sameFile, topologyName = "the baseline \"bl.json\" of the configuration (.exlint.hcl:1:1) name the same file", "the name of a topology file"
	const configName, releaseFile = "the name of exlint's configuration file (.exlint.hcl)", "names mine.csv, a release file named with --catalog"
	csv, _, _ := exlintIn(t, repo, noEnv, "catalog", "--format", "csv")
	os.WriteFile(filepath.Join(repo, "mine.csv"), []byte(csv), 0o644)
	subConfig := []byte("fail_on = \"warning\"\n")
	os.WriteFile(filepath.Join(repo, "topo", "sub", ".exlint.hcl"), subConfig, 0o644)
	entries, _ = os.ReadDir(repo)
	for _, tc := range []struct {
		dir  string
		args []string
		want string
	}{
		{".", []string{"check", "--format", "json=bl.json", "topo"}, sameFile},
		{".", []string{"check", "--format", "text", "--format", "sarif=./bl.json", "topo"}, sameFile},
		{"topo", []string{"check", "--format", "json=../bl.json", "."}, "(../.exlint.hcl:1:1) name the same file"},
		{".", []string{"check", "--baseline", "bl.json", "--format", "json=" + filepath.Join(repo, "bl.json"), "topo"}, "name the same file"},
		{".", []string{"plan", "topo", "-o", "bl.json"}, sameFile},
		{".", []string{"report", "topo", "-o", "bl.json"}, sameFile},
		{".", []string{"graph", "topo", "-o", "bl.json"}, sameFile},
		{".", []string{"schema", "-o", "bl.json"}, sameFile},
		{".", []string{"check", "--format", "sarif=topo/tailspin.exchange.hcl", "topo"}, topologyName},
		{".", []string{"check", "--format", "json=new.exchange.hcl.json", "topo"}, topologyName},
		{".", []string{"check", "--format", "json=NEW.Exchange.HCL", "topo"}, topologyName},
		{".", []string{"check", "--write-baseline", "b.exchange.hcl.json", "topo"}, topologyName},
		{".", []string{"plan", "topo", "-o", "topo/tailspin.exchange.hcl"}, topologyName},
		{".", []string{"report", "topo", "-o", "r.exchange.hcl"}, topologyName},
		{".", []string{"graph", "topo", "-o", "g.exchange.hcl"}, topologyName},
		{".", []string{"schema", "-o", "s.exchange.hcl.json"}, topologyName},
		{".", []string{"check", "--format", "json=.exlint.hcl", "topo"}, configName},
		{"topo", []string{"plan", ".", "-o", "../.exlint.hcl"}, configName},
		{".", []string{"report", "topo", "-o", ".exlint.hcl"}, configName},
		// A configuration that is not the one in effect, or none yet.
		{".", []string{"report", "topo", "-o", "topo/sub/.exlint.hcl"}, configName},
		{".", []string{"check", "--format", "sarif=topo/sub/.exlint.hcl", "topo"}, configName},
		{".", []string{"graph", "topo", "-o", "topo/.exlint.hcl"}, configName},
		{"topo", []string{"graph", ".", "-o", ".EXLINT.HCL"}, configName},
		{".", []string{"schema", "-o", "topo/.exlint.hcl"}, configName},
		{".", []string{"check", "--write-baseline", "topo/.exlint.hcl", "topo"}, configName},
		// A release file named with --catalog, in every command.
		{".", []string{"check", "--catalog", "mine.csv", "--format", "json=mine.csv", "topo"}, releaseFile},
		{".", []string{"check", "--catalog", "mine.csv", "--format", "text", "--format", "junit=./mine.csv", "topo"}, releaseFile},
		{".", []string{"report", "--catalog", "mine.csv", "topo", "-o", "mine.csv"}, releaseFile},
		{".", []string{"plan", "--catalog", "mine.csv", "topo", "-o", "mine.csv"}, releaseFile},
		{"topo", []string{"graph", "--catalog", "../mine.csv", ".", "-o", filepath.Join(repo, "mine.csv")}, "a release file named with --catalog"},
	} {
		args := append(tc.args, "--as-of", asOf)
		if tc.args[0] == "schema" {
			args = tc.args
		}
		_, stderr, code := exlintIn(t, filepath.Join(repo, tc.dir), noEnv, args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
		// Each case on the files as they were.
		for name, want := range map[string][]byte{"bl.json": baseline, "topo/tailspin.exchange.hcl": topology, ".exlint.hcl": config,
			"mine.csv": []byte(csv), "topo/sub/.exlint.hcl": subConfig} {
			path := filepath.Join(repo, filepath.FromSlash(name))
			if got, _ := os.ReadFile(path); string(got) != string(want) {
				t.Errorf("%v: %s was written over:\n%.200s", tc.args, name, got)
				os.WriteFile(path, want, 0o644)
			}
		}
		if _, err := os.Stat(filepath.Join(repo, "topo", ".exlint.hcl")); err == nil {
			t.Errorf("%v: topo/.exlint.hcl was created", tc.args)
			os.Remove(filepath.Join(repo, "topo", ".exlint.hcl"))
		}
		if after, _ := os.ReadDir(repo); len(after) != len(entries) {
			t.Errorf("%v: files written: %v", tc.args, after)
			for _, e := range after {
				if !slices.ContainsFunc(entries, func(d os.DirEntry) bool { return d.Name() == e.Name() }) {
					os.Remove(filepath.Join(repo, e.Name()))
				}
			}
		}
	}
	// Standard output, and another file, are still fine.
	if _, stderr, code := exlintIn(t, repo, noEnv, "plan", "topo", "--as-of", asOf, "-o", "plan.txt"); code == 2 {
		t.Errorf("plan -o plan.txt: exit 2: %s", stderr)
	}
	if _, stderr, code := exlintIn(t, repo, noEnv, "schema", "-o", "-"); code != 0 {
		t.Errorf("schema -o -: exit %d: %s", code, stderr)
	}
}
