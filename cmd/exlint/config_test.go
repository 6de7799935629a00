package main

import (
	"github.com/exlint/exlint/lint/config"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A small repository: a topology with a warning (cutover of 180 mailboxes)
// and an error (Exchange 2010 past its end of support), and a configuration.
// The topology is examples/small-cutover without the Windows Server versions
// of its domain controller and server (windowsUnstated), so that it keeps
// exactly those two findings.
func configRepo(t *testing.T, config string) string {
	t.Helper()
	repo := t.TempDir()
	os.Mkdir(filepath.Join(repo, ".git"), 0o755)
	src, err := os.ReadFile(filepath.Join(repoRoot, "examples", "small-cutover", "tailspin.exchange.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	src = windowsUnstated(t, src)
	os.MkdirAll(filepath.Join(repo, "topo", "sub"), 0o755)
	os.WriteFile(filepath.Join(repo, "topo", "tailspin.exchange.hcl"), src, 0o644)
	if config != "" {
		os.WriteFile(filepath.Join(repo, ".exlint.hcl"), []byte(config), 0o644)
	}
	return repo
}

// windowsUnstated blanks the lines stating a Windows Server version (os =
// "...") of a topology, keeping the other lines where they were: Windows
// Server 2012 R2, past its end of support, is windows-end-of-support's
// finding, which the tests of the configuration, baselines and outputs do
// not need.
func windowsUnstated(t *testing.T, src []byte) []byte {
	t.Helper()
	re := regexp.MustCompile(`(?m)^ *os +=.*\n`)
	if len(re.FindAll(src, -1)) == 0 {
		t.Fatal("the topology states no Windows Server version")
	}
	return re.ReplaceAll(src, []byte("\n"))
}

// exlintIn runs exlint with dir as the working directory.
func exlintIn(t *testing.T, dir string, getenv env, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb strings.Builder
	code := run(args, strings.NewReader(""), &out, &errb, getenv)
	return out.String(), errb.String(), code
}

func TestConfigChangesTheVerdict(t *testing.T) {
	cases := []struct {
		name, config string
		args         []string
		code         int
		want, not    []string
	}{
		{"defaults", "", nil, 1, []string{"error:", "warning:"}, nil},
		{"disable the error", "rule \"exchange-end-of-support\" {\n  enabled = false\n}\n", nil, 0,
			[]string{"warning:"}, []string{"[exchange-end-of-support]"}},
		{"downgrade the error", "rule \"exchange-end-of-support\" {\n  severity = \"warning\"\n}\n", nil, 0,
			[]string{"0 errors, 2 warnings"}, nil},
		{"upgrade the warning", "rule \"exchange-end-of-support\" {\n  enabled = false\n}\nrule \"migration-cutover-size\" {\n  severity = \"error\"\n}\n", nil, 1,
			[]string{"1 error, 0 warnings"}, nil},
		{"fail_on from the file", "fail_on = \"warning\"\nrule \"exchange-end-of-support\" {\n  enabled = false\n}\n", nil, 1, nil, nil},
		{"the flag wins over fail_on", "fail_on = \"warning\"\nrule \"exchange-end-of-support\" {\n  enabled = false\n}\n", []string{"--fail-on", "error"}, 0, nil, nil},
		{"as_of from the file", "as_of = \"2010-01-01\"\n", nil, 0, []string{"0 errors, 1 warning"}, nil},
		{"the flag wins over as_of", "as_of = \"2010-01-01\"\n", []string{"--as-of", asOf}, 1, nil, nil},
		{"exclude", "exclude = [\"topo/**\"]\n", nil, 0, []string{"checked 0 topologies"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			repo := configRepo(t, tc.config)
			args := append([]string{"check", "--color", "never"}, tc.args...)
			if !strings.Contains(tc.config, "as_of") && len(tc.args) == 0 {
				args = append(args, "--as-of", asOf)
			}
			out, stderr, code := exlintIn(t, filepath.Join(repo, "topo"), noEnv, args...)
			if code != tc.code || stderr != "" {
				t.Errorf("exit %d, want %d; stderr %s\n%s", code, tc.code, stderr, out)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q:\n%s", n, out)
				}
			}
		})
	}
}

// Every format reflects the configuration the same way.
func TestConfigInEveryFormat(t *testing.T) {
	repo := configRepo(t, "rule \"exchange-end-of-support\" {\n  enabled = false\n}\nrule \"migration-cutover-size\" {\n  severity = \"info\"\n}\n")
	disabled := map[string]string{"json": `"rule": "exchange-end-of-support"`, "compact": "[exchange-end-of-support]",
		"sarif": `"ruleId": "exchange-end-of-support"`, "junit": `name="exchange-end-of-support:`,
		"checkstyle": `source="exchange-end-of-support"`, "github": "exlint%3A exchange-end-of-support"}
	for f, marker := range disabled {
		out, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--format", f)
		if code != 0 || strings.Contains(out, marker) {
			t.Errorf("%s: exit %d, the disabled rule shows:\n%s", f, code, out)
		}
	}
	want := map[string]string{"json": `"severity": "info"`, "compact": ": info: ", "sarif": `"level": "note"`,
		"junit": `type="info"`, "checkstyle": `severity="info"`, "github": "::notice "}
	for f, w := range want {
		out, _, _ := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--format", f)
		if !strings.Contains(out, w) {
			t.Errorf("%s does not show the overridden severity (%s):\n%s", f, w, out)
		}
	}
}

// Configuration errors exit with 2 and say where.
func TestConfigErrors(t *testing.T) {
	repo := configRepo(t, "rule \"exchange-end-of-suport\" {\n  enabeld = false\n}\n")
	_, stderr, code := exlintIn(t, repo, noEnv, "check", "topo")
	if code != 2 || !strings.Contains(stderr, `.exlint.hcl:1:6: unknown rule "exchange-end-of-suport"; did you mean "exchange-end-of-support"?`) {
		t.Errorf("exit %d:\n%s", code, stderr)
	}
	_, stderr, code = exlintIn(t, repo, noEnv, "check", "--config", "nope.hcl", "topo")
	if code != 2 || !strings.Contains(stderr, "nope.hcl (--config): no such file or directory") {
		t.Errorf("missing --config: exit %d:\n%s", code, stderr)
	}
	_, stderr, code = exlintIn(t, repo, noEnv, "config")
	if code != 2 || !strings.Contains(stderr, "unknown rule") {
		t.Errorf("exlint config on a bad file: exit %d:\n%s", code, stderr)
	}
}

// --config wins over EXLINT_CONFIG, which wins over discovery.
func TestConfigPrecedence(t *testing.T) {
	repo := configRepo(t, "fail_on = \"info\"\n")
	os.WriteFile(filepath.Join(repo, "env.hcl"), []byte("fail_on = \"warning\"\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "flag.hcl"), []byte("fail_on = \"error\"\n"), 0o644)
	getenv := func(k string) string {
		if k == "EXLINT_CONFIG" {
			return "env.hcl"
		}
		return ""
	}
	for _, tc := range []struct {
		getenv env
		args   []string
		want   string
	}{
		{noEnv, nil, `fail_on          = "info"    # .exlint.hcl:1:1`},
		{getenv, nil, `fail_on          = "warning" # env.hcl:1:1`},
		{getenv, []string{"--config", "flag.hcl"}, `fail_on          = "error"   # flag.hcl:1:1`},
		{getenv, []string{"--config", "flag.hcl", "--fail-on", "info"}, `fail_on          = "info"    # --fail-on`},
	} {
		out, stderr, code := exlintIn(t, repo, tc.getenv, append([]string{"config", "--as-of", asOf}, tc.args...)...)
		if code != 0 || !strings.Contains(squeeze(out), squeeze(tc.want)) {
			t.Errorf("%v: exit %d %s; want %q in:\n%s", tc.args, code, stderr, tc.want, out)
		}
	}
}

// exlint config prints HCL that exlint reads back, with every value's origin.
func TestConfigCommand(t *testing.T) {
	repo := configRepo(t, "required_version = \">= 0.1\"\nexclude = [\"old/**\"]\n\nrule \"migration-cutover-size\" {\n  severity  = \"warning\"\n  ignorable = false\n}\n")
	out, _, code := exlintIn(t, filepath.Join(repo, "topo", "sub"), noEnv, "config", "--as-of", asOf)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"# file: ../../.exlint.hcl (found upwards from ",
		`required_version = ">= 0.1"      # ../../.exlint.hcl:1:1; not checked: this is a development build (dev)`,
		`as_of            = "2026-11-21"  # --as-of`,
		`fail_on          = "error"       # default`,
		`fail_on_planned  = false         # default`,
		`exclude          = ["old/**"]    # ../../.exlint.hcl:2:1; relative to ../..`,
		"rule \"migration-cutover-size\" {\n  enabled   = true      # default\n  severity  = \"warning\" # ../../.exlint.hcl:5:3\n  ignorable = false     # ../../.exlint.hcl:6:3\n}",
		"rule \"suppression\" {\n  enabled  = true      # default\n  severity = \"warning\" # default\n}",
		"# syntax, schema, duplicate, reference: structural rules",
	} {
		if !strings.Contains(squeeze(out), squeeze(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The output is a configuration exlint accepts.
	p := filepath.Join(t.TempDir(), "printed.hcl")
	os.WriteFile(p, []byte(out), 0o644)
	if _, stderr, code := exlintIn(t, repo, noEnv, "config", "--config", p); code != 0 {
		t.Errorf("the printed configuration is not accepted: %s", stderr)
	}
	// Without a file, everything is a default.
	out, _, _ = exlintIn(t, t.TempDir(), noEnv, "config")
	if !strings.Contains(out, "# file: none") || strings.Contains(out, ".exlint.hcl:") {
		t.Errorf("no file:\n%s", out)
	}
}

// squeeze collapses runs of spaces, which hclwrite's alignment varies.
func squeeze(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

// required_version is compared with the build's version.
func TestRequiredVersion(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	repo := configRepo(t, "required_version = \">= 9.0\"\n")
	version = "v1.4.0"
	_, stderr, code := exlintIn(t, repo, noEnv, "check", "topo")
	if code != 2 || !strings.Contains(stderr, ".exlint.hcl:1:1: this configuration needs exlint >= 9.0, and this is exlint v1.4.0") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	version = "v9.1.0"
	if _, stderr, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "topo"); code != 1 {
		t.Errorf("a satisfying version: exit %d %s", code, stderr)
	}
	version = "dev"
	if _, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "topo"); code != 1 {
		t.Errorf("a dev build is not checked: exit %d", code)
	}
}

// Inline suppressions through the CLI: the summary counts them, and a file
// argument reports only its own.
func TestSuppressionsCLI(t *testing.T) {
	repo := configRepo(t, "")
	p := filepath.Join(repo, "topo", "tailspin.exchange.hcl")
	src, _ := os.ReadFile(p)
	src = []byte(strings.Replace(string(src), "  version = \"2010\"", "  version = \"2010\" # exlint-ignore: exchange-end-of-support -- retired with the migration", 1))
	os.WriteFile(p, src, 0o644)
	out, _, code := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--color", "never", "topo")
	if code != 0 || !strings.HasSuffix(out, "0 errors, 1 warning, 0 info (1 suppressed)\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	js, _, _ := exlintIn(t, repo, noEnv, "check", "--as-of", asOf, "--format", "json", "topo")
	if !strings.Contains(js, `"suppressed_count": 1`) {
		t.Errorf("json:\n%s", js)
	}
}

// exlint rules lists the suppression rule.
func TestRulesListsSuppression(t *testing.T) {
	out, _, _ := exlint(t, noEnv, "rules")
	if !strings.Contains(out, "suppression") || !strings.Contains(out, "cannot itself be suppressed inline") {
		t.Errorf("rules:\n%s", out)
	}
}

// exlint config --changed shows only what differs from the defaults, as
// HCL exlint reads back; a value set to its default is not a change.
func TestConfigChanged(t *testing.T) {
	repo := configRepo(t, `fail_on = "error"
exclude = ["archive/**"]

rule "exchange-end-of-support" {
  enabled   = true
  ignorable = false
}

rule "migration-cutover-size" {
  severity = "info"
}
`)
	out, _, code := exlintIn(t, repo, noEnv, "config", "--changed")
	if code != 0 || strings.Contains(out, "fail_on") || strings.Contains(out, "enabled") || strings.Contains(out, "as_of") ||
		strings.Contains(out, "max_file_size") || strings.Contains(out, `rule "coexistence-unsupported"`) ||
		!regexp.MustCompile(`exclude += \["archive/\*\*"\]`).MatchString(out) || !strings.Contains(out, "ignorable = false") ||
		!strings.Contains(out, `severity = "info"`) || strings.Count(out, "rule \"") != 2 {
		t.Errorf("config --changed: exit %d\n%s", code, out)
	}
	if _, probs := config.Parse("shown.hcl", []byte(out), allRuleInfos()); len(probs) > 0 {
		t.Errorf("the output does not read back: %v", probs)
	}
	// A flag is a change too; nothing set, nothing shown.
	if out, _, _ := exlintIn(t, repo, noEnv, "config", "--changed", "--fail-on", "warning"); !regexp.MustCompile(`fail_on += "warning" +# --fail-on`).MatchString(out) {
		t.Errorf("--fail-on:\n%s", out)
	}
	// A severity set is a change even when it is the rule's nominal one: it
	// applies to every finding of the rule (a warning becomes an error).
	if out, _, _ := exlintIn(t, configRepo(t, "rule \"migration-cutover-size\" {\n  severity = \"error\"\n}\n"), noEnv, "config", "--changed"); !regexp.MustCompile(`severity += "error" +# \.exlint\.hcl:2:3`).MatchString(out) {
		t.Errorf("a severity set to the rule's own:\n%s", out)
	}
	// Only rule blocks changed: one blank line after the header, not two.
	if out, _, _ := exlintIn(t, configRepo(t, "rule \"migration-cutover-size\" {\n  severity = \"info\"\n}\n"), noEnv, "config", "--changed"); !strings.Contains(out, "every value)\n\nrule \"migration-cutover-size\"") {
		t.Errorf("only a rule changed:\n%q", out)
	}
	// A date, from the file or the flag, is a change: the default is today.
	dated := configRepo(t, `as_of = "2027-01-01"`)
	if out, _, _ := exlintIn(t, dated, noEnv, "config", "--changed"); !regexp.MustCompile(`as_of += "2027-01-01" +# \.exlint\.hcl:1:1`).MatchString(out) {
		t.Errorf("as_of in the file:\n%s", out)
	}
	if out, _, _ := exlintIn(t, dated, noEnv, "config", "--changed", "--as-of", "2027-03-01"); !regexp.MustCompile(`as_of += "2027-03-01" +# --as-of`).MatchString(out) {
		t.Errorf("--as-of:\n%s", out)
	}
	if out, _, _ := exlintIn(t, configRepo(t, ""), noEnv, "config", "--changed"); !strings.Contains(out, "# nothing differs from the defaults") || strings.Contains(out, "rule ") {
		t.Errorf("no configuration:\n%s", out)
	}
}
