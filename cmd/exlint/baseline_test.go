package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A baseline hides today's findings; edits elsewhere do not bring them back;
// a new finding is reported; every format and the exit code agree.
func TestBaselineCLI(t *testing.T) {
	repo := configRepo(t, "")
	p := filepath.Join(repo, "topo", "tailspin.exchange.hcl")
	out, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--color", "never", "--write-baseline", "exlint-baseline.json", "topo")
	if code != 0 || !strings.Contains(stderr, "wrote 2 finding(s) to the baseline exlint-baseline.json") ||
		!strings.HasSuffix(out, "no problems found (2 in the baseline)\n") {
		t.Fatalf("write: exit %d, stderr %s\n%s", code, stderr, out)
	}
	b, _ := os.ReadFile(filepath.Join(repo, "exlint-baseline.json"))
	if !strings.Contains(string(b), `"file": "topo/tailspin.exchange.hcl"`) || !strings.Contains(string(b), `"address": "server.TS-EX.version"`) ||
		strings.Contains(string(b), `"line"`) {
		t.Errorf("baseline:\n%s", b)
	}

	// Lines move: still nothing new.
	src, _ := os.ReadFile(p)
	os.WriteFile(p, append([]byte("# a new comment\n\n\n"), src...), 0o644)
	for _, f := range []string{"text", "json", "compact", "sarif", "junit", "checkstyle", "github"} {
		out, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--baseline", "exlint-baseline.json", "--format", f, "--fail-on", "info", "topo")
		if code != 0 || (f != "sarif" && strings.Contains(out, "exchange-end-of-support]")) || strings.Contains(out, `"ruleId"`) || strings.Contains(out, "<failure") || strings.Contains(out, "<error ") {
			t.Errorf("%s after moving lines: exit %d\n%s", f, code, out)
		}
	}
	// From another directory, the same baseline works.
	if _, _, code := exlintIn(t, filepath.Join(repo, "topo"), noEnv, "check", "--as-of", asOf, "--baseline", "../exlint-baseline.json", "--fail-on", "info", "."); code != 0 {
		t.Errorf("from topo/: exit %d", code)
	}

	// A new finding is reported, the old ones are not.
	src, _ = os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(src), "mailboxes = 180", "mailboxes = 2400", 1)+"\nserver \"TS-EX2\" {\n  site    = \"Office\"\n  version = \"2010\"\n  update  = \"SP3 RU32\"\n}\n"), 0o644)
	out, _, code = exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--color", "never", "--baseline", "exlint-baseline.json", "topo")
	if code != 1 || !strings.Contains(out, "TS-EX2 runs Exchange Server 2010") || strings.Contains(out, "TS-EX runs") ||
		!strings.Contains(out, "1 baseline entry no longer matches") || !strings.Contains(out, "(1 in the baseline)") {
		t.Errorf("new findings: exit %d\n%s", code, out)
	}
	js, _, _ := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--format", "json", "--baseline", "exlint-baseline.json", "topo")
	if !strings.Contains(js, `"baselined_count": 1`) {
		t.Errorf("json:\n%s", js)
	}
}

func TestBaselineErrors(t *testing.T) {
	repo := configRepo(t, "")
	os.WriteFile(filepath.Join(repo, "bad.json"), []byte("[]"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--baseline", "missing.json"}, "--baseline missing.json: no such file or directory"},
		{[]string{"--baseline", "bad.json"}, "bad.json is not an exlint baseline"},
		{[]string{"--baseline", "a.json", "--write-baseline", "b.json"}, "give one of them"},
		{[]string{"--write-baseline", "no/dir/b.json"}, "--write-baseline:"},
	} {
		_, stderr, code := exlintIn(t, repo, noEnv, append([]string{"check", "topo"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %s", tc.args, code, stderr)
		}
	}
	// --baseline and --write-baseline naming the same file: refresh it.
	if _, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "topo", "--baseline", "b.json", "--write-baseline", "b.json"); code != 0 {
		t.Errorf("refresh: exit %d", code)
	}
}
