package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func exlintStdin(t *testing.T, dir, input string, args ...string) (string, string, int) {
	t.Helper()
	t.Chdir(dir)
	var out, errb strings.Builder
	code := run(args, strings.NewReader(input), &out, &errb, noEnv)
	return out.String(), errb.String(), code
}

// exlint check - reads one topology file from standard input: on its own,
// or with --stdin-filename in that file's place in its directory's
// topology (the editor's unsaved buffer), reporting that file.
func TestCheckStdin(t *testing.T) {
	repo := configRepo(t, "")
	src, _ := os.ReadFile(filepath.Join(repo, "topo", "tailspin.exchange.hcl"))
	check := func(input string, args ...string) (string, string, int) {
		return exlintStdin(t, repo, input, append([]string{"check", "--as-of", asOf, "--format", "compact"}, args...)...)
	}
	out, _, code := check(string(src), "-")
	if code != 1 || !strings.HasPrefix(out, "stdin.exchange.hcl:18:13: error: TS-EX runs Exchange Server 2010") || strings.Count(out, "\n") != 2 {
		t.Errorf("alone: exit %d\n%s", code, out)
	}

	// Without an organization block, alone: standard input is named, not
	// the directory its default name falls in.
	out, _, code = exlintStdin(t, repo, "site \"A\" {}\n", "check", "--as-of", asOf, "-")
	if code != 1 || !strings.Contains(out, "error: standard input (stdin.exchange.hcl) has no organization block") ||
		!strings.Contains(out, "stdin.exchange.hcl: note: the rules did not run") || strings.Contains(out, "topology in .") {
		t.Errorf("alone, no organization: exit %d\n%s", code, out)
	}

	// In the place of a file of a topology: its other files are read from
	// disk, the named file is not.
	os.WriteFile(filepath.Join(repo, "topo", "site.exchange.hcl"), []byte("site \"Branch\" {}\n"), 0o644)
	buffer := strings.Replace(string(src), "mailboxes = 180", "mailboxes = 100", 1) +
		"\nserver \"TS-EX2\" {\n  site    = \"Branch\"\n  version = \"SE\"\n  update  = \"RTM\"\n}\n"
	out, _, code = check(buffer, "-", "--stdin-filename", "topo/tailspin.exchange.hcl")
	if code != 1 || !strings.Contains(out, "topo/tailspin.exchange.hcl:18:13: error: TS-EX runs") || !strings.Contains(out, "TS-EX2") ||
		strings.Contains(out, "migration-cutover-size") || strings.Contains(out, "reference") || strings.Contains(out, "site.exchange.hcl") {
		t.Errorf("in place of topo/tailspin.exchange.hcl: exit %d\n%s", code, out)
	}
	// A name that is not there yet is a new file of that topology.
	out, _, code = check("server \"NEW\" {\n  site = \"Nowhere\"\n  version = \"SE\"\n  update = \"RTM\"\n}\n", "-", "--stdin-filename", "topo/new.exchange.hcl")
	if code != 1 || !strings.Contains(out, `topo/new.exchange.hcl:2:10: error: site "Nowhere"`) || strings.Contains(out, "topo/tailspin") {
		t.Errorf("a new file: exit %d\n%s", code, out)
	}
	// JSON, by its name.
	os.MkdirAll(filepath.Join(repo, "json"), 0o755)
	if out, _, code := check(`{"organization": {"O": {}}, "migration": {"method": "cutover", "mailboxes": 180}}`, "-", "--stdin-filename", "json/x.exchange.hcl.json"); code != 0 ||
		!strings.Contains(out, "json/x.exchange.hcl.json:1:") || !strings.Contains(out, "migration-cutover-size") {
		t.Errorf("JSON: exit %d\n%s", code, out)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-", "topo"}, "give it alone, without other paths"},
		{[]string{"topo", "--stdin-filename", "topo/x.exchange.hcl"}, "--stdin-filename names the file read from standard input: give - as the path"},
		{[]string{"-", "--stdin-filename", "notes.txt"}, "--stdin-filename notes.txt: not a topology file"},
		{[]string{"-", "--stdin-filename", "missing/x.exchange.hcl"}, "missing: no such file or directory"},
	} {
		if _, stderr, code := check("", tc.args...); code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %s", tc.args, code, stderr)
		}
	}
}
