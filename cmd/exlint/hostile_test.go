package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode"

	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
)

// Tests of exlint on hostile input, one per attack of docs/security.md,
// through every command that reads the input. Each file is generated here.

// runIn runs exlint in dir with stdin as standard input.
func runIn(t *testing.T, dir, stdin string, getenv env, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb strings.Builder
	code := run(args, strings.NewReader(stdin), &out, &errb, getenv)
	return out.String(), errb.String(), code
}

// Deep nesting in every place hcl's parser could meet it ends in a syntax
// error with exit code 2 (fmt, config) or 1 (check), never in a fatal stack
// overflow (which would end the test binary).
func TestDeepNestingEveryCommand(t *testing.T) {
	deep := "x = " + strings.Repeat("[", 65000) + strings.Repeat("]", 65000) + "\n@\n"
	jsonDeep := `{"clients":{"outlook":["${` + strings.Repeat("-", 400000) + `1}"]}}`

	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(deep), 0o644)
	os.WriteFile(filepath.Join(dir, "b.exchange.hcl.json"), []byte(jsonDeep), 0o644)

	out, _, code := runIn(t, dir, "", noEnv, "check", "--format", "compact", ".")
	if code != 1 || !strings.Contains(out, "a.exchange.hcl:1:") || !strings.Contains(out, "nest more than 128 levels") ||
		!strings.Contains(out, "b.exchange.hcl.json:1:") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	_, stderr, code := runIn(t, dir, "", noEnv, "fmt", "--check", ".")
	if code != 2 || !strings.Contains(stderr, "nest more than 128 levels") {
		t.Errorf("fmt: exit %d\n%s", code, stderr)
	}
	_, stderr, code = runIn(t, dir, deep, noEnv, "fmt", "-")
	if code != 2 || !strings.Contains(stderr, "nest more than 128 levels") {
		t.Errorf("fmt -: exit %d\n%s", code, stderr)
	}
	// A configuration picked up by the upward search, and one named.
	os.WriteFile(filepath.Join(dir, ".exlint.hcl"), []byte(deep), 0o644)
	for _, args := range [][]string{{"config"}, {"check", "."}, {"fmt", "--check", "."}} {
		_, stderr, code = runIn(t, dir, "", noEnv, args...)
		if code != 2 || !strings.Contains(stderr, "nest more than 128 levels") {
			t.Errorf("%v with a deep .exlint.hcl: exit %d\n%s", args, code, stderr)
		}
	}
	os.Remove(filepath.Join(dir, ".exlint.hcl"))
	os.WriteFile(filepath.Join(dir, "deep.hcl"), []byte(deep), 0o644)
	_, stderr, code = runIn(t, dir, "", noEnv, "config", "--config", "deep.hcl")
	if code != 2 || !strings.Contains(stderr, "nest more than 128 levels") {
		t.Errorf("config --config: exit %d\n%s", code, stderr)
	}
}

// A file of 1,500 unknown attributes has 1,500 findings: the first 1,000
// are reported, every format says the others were left out (stderr when it
// has no place for it), and the exit code counts them.
func TestFindingsCap(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	var src strings.Builder
	for i := range 1500 {
		fmt.Fprintf(&src, "a%d = 1\n", i)
	}
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(src.String()), 0o644)

	out, stderr, code := runIn(t, dir, "", noEnv, "check", "--format", "compact", ".")
	if code != 1 || strings.Count(out, "\n") != 1000 || !strings.Contains(stderr, "501 findings were not reported: exlint reports at most 1000 per file and 20000 per run") {
		t.Errorf("compact: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), stderr)
	}
	out, stderr, _ = runIn(t, dir, "", noEnv, "check", "--color", "never", ".")
	if !strings.Contains(out, "a.exchange.hcl: note: 501 findings of this file not reported\n") ||
		!strings.Contains(out, "(501 not reported)\n") || stderr != "" {
		t.Errorf("text: %s\nstderr %q", out[max(0, len(out)-600):], stderr)
	}
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "json", ".")
	if !strings.Contains(out, `"left_out_count": 501`) {
		t.Errorf("json: %s", out[max(0, len(out)-400):])
	}
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "sarif", "--max-findings", "10", ".")
	if strings.Count(out, `"ruleId"`) != 10 || !strings.Contains(out, `"toolExecutionNotifications"`) || !strings.Contains(out, "1491 findings were not reported") {
		t.Errorf("sarif: %d results\n%s", strings.Count(out, `"ruleId"`), out[max(0, len(out)-800):])
	}
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "github", "--max-findings-per-file", "3", ".")
	if !strings.Contains(out, "::warning title=exlint::1498 findings were not reported") {
		t.Errorf("github: %s", out)
	}
	// The configuration sets the caps too; flags win.
	os.WriteFile(filepath.Join(dir, ".exlint.hcl"), []byte("max_findings_per_file = 7\nmax_findings = 5\n"), 0o644)
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "compact", ".")
	if strings.Count(out, "\n") != 5 {
		t.Errorf("max_findings = 5: %d findings", strings.Count(out, "\n"))
	}
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "compact", "--max-findings", "100", ".")
	if strings.Count(out, "\n") != 7 {
		t.Errorf("max_findings_per_file = 7: %d findings", strings.Count(out, "\n"))
	}
	out, _, _ = runIn(t, dir, "", noEnv, "config")
	if !strings.Contains(out, "max_findings_per_file = 7            # .exlint.hcl:1:1") || !strings.Contains(out, "max_findings          = 5            # .exlint.hcl:2:1") {
		t.Errorf("config: %s", out)
	}
	for _, bad := range []string{"0", "-1", "x", "10000001"} {
		if _, stderr, code := runIn(t, dir, "", noEnv, "check", "--max-findings", bad, "."); code != 2 || !strings.Contains(stderr, "--max-findings") {
			t.Errorf("--max-findings %s: exit %d %s", bad, code, stderr)
		}
	}
}

// The exit code counts the findings left out: here the one reported is an
// info and the one left out a warning.
func TestFindingsCapExitCode(t *testing.T) {
	repo := configRepo(t, "rule \"exchange-end-of-support\" {\n  severity = \"info\"\n}\n")
	for _, tc := range []struct {
		failOn string
		code   int
	}{{"warning", 1}, {"error", 0}, {"info", 1}} {
		out, _, code := runIn(t, repo, "", noEnv, "check", "--format", "compact", "--max-findings", "1", "--fail-on", tc.failOn, "--as-of", asOf, "topo")
		if code != tc.code || !strings.Contains(out, ": info: ") || strings.Count(out, "\n") != 1 {
			t.Errorf("--fail-on %s: exit %d, want %d\n%s", tc.failOn, code, tc.code, out)
		}
	}
}

// A file of a million stray characters reports its first 100 syntax errors
// and one more saying how many follow.
func TestSyntaxErrorsCapped(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(strings.Repeat("@\n", 1<<19)), 0o644)
	out, _, code := runIn(t, dir, "", noEnv, "check", "--format", "compact", ".")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 1 || len(lines) != 101 || !strings.Contains(lines[100], "a.exchange.hcl:101:1: error: and 524189 more syntax errors from here on") {
		t.Errorf("exit %d, %d lines, last %q", code, len(lines), lines[len(lines)-1])
	}
}

// forged returns the lines of out that a GitHub runner would read as
// workflow commands (it trims Unicode white space first), apart from the
// annotations the github format writes itself, and the lines holding a
// terminal escape (ESC, or the 8-bit CSI and OSC).
func forged(out string) []string {
	var bad []string
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeftFunc(line, func(r rune) bool { return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) })
		own := strings.HasPrefix(line, "::error file=") || strings.HasPrefix(line, "::warning file=") || strings.HasPrefix(line, "::notice file=")
		if strings.HasPrefix(trimmed, "::") && !own || strings.ContainsAny(line, "\x1b\u009b\u009d") {
			bad = append(bad, line)
		}
	}
	return bad
}

// logUnsafe returns what forged finds, and the lines holding what a CI log
// or a terminal would act on anywhere in a line: "##vso[" or "##[", a C1
// control, a line or paragraph separator, a bidirectional control.
func logUnsafe(out string) []string {
	bad := forged(out)
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "##vso[") || strings.Contains(line, "##[") || strings.ContainsFunc(line, escape.Unsafe) {
			bad = append(bad, line)
		}
	}
	return bad
}

// File names and file contents cannot forge workflow commands or reach the
// terminal as escape sequences, in any format of check, plan and catalog,
// or in fmt.
func TestNoForgedCommands(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	var many strings.Builder
	for i := range 15 {
		fmt.Fprintf(&many, "a%d = 1\n", i) // 15 errors: more than GitHub's 10 annotations
	}
	for _, name := range []string{"\u00a0::stop-commands::pwned.exchange.hcl", "x\n::error file=y::forged\x1b]0;title\x07.exchange.hcl"} {
		os.WriteFile(filepath.Join(dir, name), []byte(many.String()), 0o644)
	}
	// A topology whose server's name holds line breaks, a forged command
	// of each runner, bidirectional and C1 controls and line separators,
	// in a directory named likewise: every format of check, plan's, and
	// catalog's (a release file named likewise).
	hostile := "X\n##vso[task.setvariable variable=PATH]/tmp/evil\n::error file=a.txt::forged\r\u202e\u0085\u009b31m\u2028::x\u2029##[error]y"
	sub := filepath.Join(dir, "d\u2028##vso[task.complete]\u202e")
	os.Mkdir(sub, 0o755)
	os.WriteFile(filepath.Join(sub, "t.exchange.hcl"), []byte("organization \"O\" {}\nsite \"S\" {}\nserver "+strconv.Quote(hostile)+
		" {\n  site    = \"S\"\n  version = \"2010\"\n  update  = \"SP3 RU32\"\n}\n"), 0o644)
	releases := filepath.Join(dir, "r\n::error::x##vso[y]\u2028.csv")
	os.WriteFile(releases, []byte("version,name,build,date,kind,source\n2019,CU15 Dec99SU,15.2.1748.99,2099-12-08,su,\n"), 0o644)
	for _, args := range [][]string{
		{"check", "--format", "text", "--color", "never", "."}, {"check", "--format", "compact", "."}, {"check", "--format", "github", "."},
		{"check", "--format", "json", "."}, {"check", "--format", "sarif", "."}, {"check", "--format", "junit", "."},
		{"check", "--format", "checkstyle", "."},
		{"plan", sub}, {"plan", "--format", "json", sub},
		{"catalog", "--catalog", releases}, {"catalog", "--format", "json", "--catalog", releases}, {"catalog", "--format", "csv", "--catalog", releases},
	} {
		out, stderr, _ := runIn(t, dir, "", noEnv, args...)
		if !strings.Contains(args[0]+out, "catalog") && !strings.Contains(out, "task.setvariable") {
			t.Errorf("%v: the hostile name is not in the output:\n%s", args, out)
		}
		if bad := logUnsafe(out + "\n" + stderr); len(bad) > 0 {
			t.Errorf("%v: %q", args, bad)
		}
	}
	// The structured formats keep the name as it is, for their parsers.
	out, _, _ := runIn(t, dir, "", noEnv, "check", "--format", "json", ".")
	var doc struct{ Findings []struct{ Message string } }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	kept := false
	for _, f := range doc.Findings {
		kept = kept || strings.Contains(f.Message, hostile)
	}
	if !kept {
		t.Errorf("json: no message holds the name as it is")
	}
	out, _, _ = runIn(t, dir, "", noEnv, "check", "--format", "junit", ".")
	var suites struct {
		Suites []struct {
			Cases []struct {
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &suites); err != nil {
		t.Fatal(err)
	}
	kept = false
	for _, s := range suites.Suites {
		for _, c := range s.Cases {
			kept = kept || c.Failure != nil && strings.Contains(c.Failure.Message, "##vso[task.setvariable") && strings.Contains(c.Failure.Message, "\u202e\u0085")
		}
	}
	if !kept {
		t.Errorf("junit: no failure message holds the name as it is")
	}
	// fmt: the names it lists, its diffs (a heredoc line that reads as a
	// command once trimmed, terminal escapes in a comment), its notes.
	messy := "a   = 1 # \x1b]8;;https://evil\x07link\x1b]8;;\x07 \u009b2J\n" + "b = <<EOT\n ::warning::pwned\nEOT\n"
	os.WriteFile(filepath.Join(dir, "\u00a0::stop-commands::pwned.exchange.hcl"), []byte(messy), 0o644)
	os.WriteFile(filepath.Join(dir, "x\n::error file=y::forged\x1b]0;title\x07.exchange.hcl"), []byte(messy), 0o644)
	for _, args := range [][]string{{"fmt", "--check", "--diff", "."}, {"fmt", "--write=false", "."}} {
		out, stderr, _ := runIn(t, dir, "", noEnv, args...)
		if !strings.Contains(out, "pwned.exchange.hcl\n") {
			t.Fatalf("%v: the files are not listed:\n%s\n%s", args, out, stderr)
		}
		if bad := forged(out + "\n" + stderr); len(bad) > 0 {
			t.Errorf("%v: %q", args, bad)
		}
	}
	_, stderr, _ := runIn(t, dir, "", noEnv, "check", "missing\n::error::x\x1b[2J")
	if bad := forged(stderr); len(bad) > 0 {
		t.Errorf("an error naming a path: %q", bad)
	}
}

// Outputs never go through a symbolic link: a committed exlint.sarif ->
// elsewhere, or a directory link on the way, is refused (exit 2) before any
// work, and what it points to is left alone. Two outputs, or an output and
// the baseline, cannot be one file.
func TestOutputsDoNotFollowLinks(t *testing.T) {
	repo := configRepo(t, "")
	outside := t.TempDir()
	target := filepath.Join(outside, "target")
	os.WriteFile(target, []byte("precious"), 0o644)
	os.Symlink(target, filepath.Join(repo, "exlint.sarif"))
	os.Symlink(outside, filepath.Join(repo, "reports"))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "sarif=exlint.sarif"}, "--format sarif=exlint.sarif: exlint.sarif is a symbolic link; exlint does not write through links"},
		{[]string{"--format", "sarif=reports/x.sarif"}, "--format sarif=reports/x.sarif: reports is a symbolic link"},
		{[]string{"--write-baseline", "exlint.sarif"}, "--write-baseline exlint.sarif: exlint.sarif is a symbolic link"},
		{[]string{"--write-baseline", "reports/b.json"}, "reports is a symbolic link"},
		{[]string{"--write-baseline", "b.json", "--format", "sarif=b.json"}, "--format sarif=b.json and --write-baseline b.json name the same file"},
		{[]string{"--write-baseline", "b.json", "--format", "sarif=./topo/../b.json"}, "name the same file"},
		{[]string{"--format", "sarif=a.json", "--format", "json=" + filepath.Join(repo, "a.json")}, "another output already writes to"},
	} {
		_, stderr, code := runIn(t, repo, "", noEnv, append(append([]string{"check"}, tc.args...), "topo")...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %q", tc.args, code, stderr, tc.want)
		}
	}
	if got, _ := os.ReadFile(target); string(got) != "precious" {
		t.Errorf("the link's target was written: %q", got)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 1 {
		t.Errorf("files written outside the repository: %v", entries)
	}
	if fi, err := os.Lstat(filepath.Join(repo, "exlint.sarif")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link itself was replaced")
	}
	os.WriteFile(filepath.Join(repo, "base.json"), []byte(`{"version": 1, "findings": []}`), 0o644)
	if _, stderr, code := runIn(t, repo, "", noEnv, "check", "--baseline", "base.json", "--format", "sarif=base.json", "topo"); code != 2 || !strings.Contains(stderr, "name the same file") {
		t.Errorf("--baseline and an output: exit %d %s", code, stderr)
	}
}

// fullWriter fails every write, as /dev/full or a full disk does.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

// A failed write to standard output is exit code 2, with the reason said
// once and no usage hint, for every command and format.
func TestWriteErrorsAreErrors(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("site   \"A\" {}\n", 2000) // 28 KB: more than one buffer
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(big), 0o644)
	for _, args := range [][]string{
		{"fmt", "-"}, {"fmt", "--diff", "-"}, {"fmt", "--diff", "--check", "."}, {"fmt", "--write=false", "."},
		{"check", "--format", "text", "."}, {"check", "--format", "json", "."}, {"check", "--format", "sarif", "."}, {"check", "--format", "compact", "."},
		{"check", "--format", "junit", "."}, {"check", "--format", "checkstyle", "."}, {"check", "--format", "github", "."},
		{"config"}, {"rules"}, {"version"}, {"explain", "syntax"}, {"--help"},
	} {
		t.Chdir(dir)
		var errb strings.Builder
		code := run(args, strings.NewReader(big), fullWriter{}, &errb, noEnv)
		if code != 2 || !strings.Contains(errb.String(), "no space left on device") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
		// Said once, and not as a usage error.
		if n := strings.Count(errb.String(), "no space left on device"); n != 1 || strings.Contains(errb.String(), "for usage") {
			t.Errorf("%v: stderr %q", args, errb.String())
		}
	}
}

// "Too large" names the file's real size, not what was read of it; from
// standard input, whose size is unknown, it says "more than".
func TestTooLargeNamesTheSize(t *testing.T) {
	dir := t.TempDir()
	f, _ := os.Create(filepath.Join(dir, "big.exchange.hcl"))
	f.Truncate(5 << 20) // sparse: 5 MiB of NUL
	f.Close()
	out, _, code := runIn(t, dir, "", noEnv, "check", "--format", "compact", "--max-file-size", "1KiB", ".")
	if code != 1 || !strings.Contains(out, "the file is 5242880 bytes; exlint reads topology files of up to 1024 bytes") {
		t.Errorf("check: exit %d %s", code, out)
	}
	_, stderr, code := runIn(t, dir, "", noEnv, "fmt", "--check", "--max-file-size", "1KiB", ".")
	if code != 2 || !strings.Contains(stderr, "the file is 5242880 bytes") {
		t.Errorf("fmt: exit %d %s", code, stderr)
	}
	_, stderr, code = runIn(t, dir, strings.Repeat("#\n", 1000), noEnv, "fmt", "--max-file-size", "1KiB", "-")
	if code != 2 || !strings.Contains(stderr, "the file is more than 1024 bytes") {
		t.Errorf("fmt -: exit %d %s", code, stderr)
	}
}

// exlint config prints HCL that exlint reads back as the same settings,
// whatever the values and the names in its comments hold: quotes, "${",
// "%{", backslashes, control characters, line breaks, non-ASCII.
func TestConfigRoundTrip(t *testing.T) {
	patterns := []string{"a${b}/**", "c%{d}", "we\"ird/**", "back\\\\slash", "é/**", "tab\there", "esc\x1bcx", "bidi\u202eevil"}
	var quoted []string
	for _, p := range patterns {
		quoted = append(quoted, hclString(p))
	}
	src := "exclude = [" + strings.Join(quoted, ", ") + "]\nfail_on = \"warning\"\nmax_findings = 77\n" +
		"rule \"migration-cutover-size\" {\n  severity = \"info\"\n}\n"
	parent := filepath.Join(t.TempDir(), "odd\n::error::dir\x1b]0;x\x07")
	os.MkdirAll(parent, 0o755)
	cfgPath := filepath.Join(parent, "we\"ird ${x}.hcl")
	if err := os.WriteFile(cfgPath, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runIn(t, parent, "", noEnv, "config", "--config", cfgPath, "--as-of", asOf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if bad := forged(out); len(bad) > 0 {
		t.Errorf("lines a runner or terminal would act on: %q", bad)
	}
	printed, probs := config.Parse("printed.hcl", []byte(out), allRuleInfos())
	if len(probs) > 0 {
		t.Fatalf("the printed configuration does not read back: %v\n%s", probs, out)
	}
	original, _ := config.Parse("original.hcl", []byte(src), allRuleInfos())
	if !slices.Equal(printed.Exclude.Value, original.Exclude.Value) {
		t.Errorf("exclude read back as %q, want %q", printed.Exclude.Value, original.Exclude.Value)
	}
	if printed.FailOn.Value != original.FailOn.Value || printed.MaxFindings.Value != 77 {
		t.Errorf("settings read back: %+v", printed)
	}
	if sev, _ := printed.SeverityOf("migration-cutover-size"); sev != lint.Info {
		t.Errorf("rule severity read back as %v", sev)
	}
	// Printing what was printed gives the same settings again.
	again := filepath.Join(parent, "again.hcl")
	os.WriteFile(again, []byte(out), 0o644)
	if _, stderr, code := runIn(t, parent, "", noEnv, "config", "--config", again); code != 0 {
		t.Errorf("exlint does not accept its own output: %s", stderr)
	}
}

// hclString quotes s the way a person writes it in HCL.
func hclString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\t", `\t`, "${", "$${", "%{", "%%{", "\x1b", `\u001b`, "\u202e", `\u202e`)
	return `"` + r.Replace(s) + `"`
}

// Hostile input through exlint plan: names that would rewrite a terminal or
// forge a CI command are escaped, and a file with more findings than
// max_findings lists that many and counts the others.
func TestPlanCommandHostile(t *testing.T) {
	dir := writeTopology(t, "organization \"O\\u001b[2J\" {}\nserver \"EX\\n::error::forged\" {\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"+
		"stage \"s1\" {\n  date        = \"2027-01\"\n  description = \"\\u202e##vso[task.complete]\"\n  remove \"server\" \"EX\\n::error::forged\" {}\n}\n")
	out, _, _ := exlint(t, noEnv, "plan", dir, "--as-of", asOf)
	if strings.ContainsAny(out, "\x1b\u202e") || strings.Contains(out, "\n::error") || strings.Contains(out, "##vso[") {
		t.Errorf("unescaped:\n%s", out)
	}
	var src strings.Builder
	src.WriteString("organization \"O\" {}\n")
	for i := range 30 {
		src.WriteString("a" + strings.Repeat("x", i) + " = 1\n")
	}
	dir = writeTopology(t, src.String())
	os.WriteFile(filepath.Join(dir, ".exlint.hcl"), []byte("max_findings = 5\n"), 0o644)
	out, _, code := exlint(t, noEnv, "plan", dir, "--as-of", asOf, "--config", filepath.Join(dir, ".exlint.hcl"))
	if code != exitFindings || strings.Count(out, ": error: ") != 5 || !strings.Contains(out, "(25 more findings not listed") ||
		!strings.Contains(out, "verdict: fails (30 errors, 0 warnings, 0 info)") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// What stayed unknown names blocks and files from the input: with
// --coverage, in text and on standard error (compact), neither forges a
// workflow command nor reaches the terminal as an escape sequence.
func TestCoverageNoForgedCommands(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, ".git"), 0o755)
	src := "organization \"O\" {}\nserver \"x\\n::error file=y::forged\\u001b]0;title\\u0007\\u202e\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n"
	os.WriteFile(filepath.Join(dir, "x\n::error file=y::forged\x1b]0;title\x07.exchange.hcl"), []byte(src), 0o644)
	for _, format := range []string{"text", "compact"} {
		out, stderr, _ := runIn(t, dir, "", noEnv, "check", "--coverage", "--format", format, "--color", "never", ".")
		if !strings.Contains(out+stderr, "what stayed unknown: ") || !strings.Contains(out+stderr, `.os`) {
			t.Fatalf("check --coverage --format %s lists nothing:\n%s\n%s", format, out, stderr)
		}
		if bad := forged(out + "\n" + stderr); len(bad) > 0 || strings.Contains(out+stderr, "\u202e") {
			t.Errorf("check --coverage --format %s: %q", format, bad)
		}
	}
}

// An exclude pattern whose braces stand for millions of patterns (185
// bytes: a minute for every path, in every command) is a configuration
// error naming its place, in every command that reads the configuration;
// so is a list of 60,000 patterns.
func TestExcludePatternsBounded(t *testing.T) {
	braces := "exclude = [\"" + strings.Repeat("{*,{*,{*,*}}}", 13) + "b\"]\n"
	var many strings.Builder
	many.WriteString("exclude = [\n")
	for i := range 60000 {
		fmt.Fprintf(&many, "\"z%d/**/*q*\",", i) // 950 KB
	}
	many.WriteString("]\n")
	for _, tc := range []struct{ config, want string }{
		{braces, ".exlint.hcl:1:12: exclude pattern \"{*,{*,{*,*}}}"},
		{many.String(), ".exlint.hcl:"},
	} {
		repo := configRepo(t, tc.config)
		for _, args := range [][]string{
			{"check", "topo"}, {"fmt", "--check", "topo"}, {"report", "topo"}, {"graph", "topo"}, {"plan", "topo"}, {"config"}, {"catalog"},
		} {
			_, stderr, code := runIn(t, repo, "", noEnv, args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "exclude") {
				t.Errorf("%v: exit %d, stderr %.300q", args, code, stderr)
			}
		}
	}
}
