package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFmtCommand(t *testing.T) {
	dir := t.TempDir()
	messy := "site   \"A\" {}\n"
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(messy), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.exchange.hcl"), []byte("site \"B\" {}\n"), 0o644)

	// --check: lists, exits 3, writes nothing.
	out, stderr, code := exlintIn(t, dir, noEnv, "fmt", "--check")
	if code != 3 || out != "a.exchange.hcl\n" || !strings.Contains(stderr, "1 file(s) need formatting") {
		t.Errorf("--check: exit %d, out %q, stderr %q", code, out, stderr)
	}
	// --check --diff shows the change.
	out, _, code = exlintIn(t, dir, noEnv, "fmt", "--check", "--diff", ".")
	if code != 3 || !strings.Contains(out, "--- a/a.exchange.hcl\n+++ b/a.exchange.hcl\n") || !strings.Contains(out, "-site   \"A\" {}\n+site \"A\" {}\n") {
		t.Errorf("--diff: exit %d\n%s", code, out)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "a.exchange.hcl")); string(got) != messy {
		t.Error("--check wrote a file")
	}
	// --write=false lists only, exit 0.
	if out, _, code := exlintIn(t, dir, noEnv, "fmt", "--write=false"); code != 0 || out != "a.exchange.hcl\n" {
		t.Errorf("--write=false: exit %d %q", code, out)
	}
	// Default: rewrites and lists; then nothing to do.
	if out, _, code := exlintIn(t, dir, noEnv, "fmt"); code != 0 || out != "a.exchange.hcl\n" {
		t.Errorf("fmt: exit %d %q", code, out)
	}
	if out, _, code := exlintIn(t, dir, noEnv, "fmt", "--check"); code != 0 || out != "" {
		t.Errorf("second run: exit %d %q", code, out)
	}

	// A broken file: exit 2, the error with its place, the file untouched;
	// the other files are still formatted.
	os.WriteFile(filepath.Join(dir, "broken.exchange.hcl"), []byte("site \"C\" {\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(messy), 0o644)
	out, stderr, code = exlintIn(t, dir, noEnv, "fmt")
	if code != 2 || !strings.Contains(stderr, "broken.exchange.hcl:1:10: error: unclosed configuration block") ||
		!strings.Contains(stderr, "1 file(s) not formatted") || out != "a.exchange.hcl\n" {
		t.Errorf("broken: exit %d, out %q, stderr %q", code, out, stderr)
	}
	// Errors win over --check's 3.
	os.WriteFile(filepath.Join(dir, "a.exchange.hcl"), []byte(messy), 0o644)
	if _, _, code := exlintIn(t, dir, noEnv, "fmt", "--check"); code != 2 {
		t.Errorf("errors and changes: exit %d, want 2", code)
	}
	os.Remove(filepath.Join(dir, "broken.exchange.hcl"))

	// JSON files named are left alone, with a note; other files are refused.
	os.WriteFile(filepath.Join(dir, "c.exchange.hcl.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644)
	_, stderr, code = exlintIn(t, dir, noEnv, "fmt", "--check", "c.exchange.hcl.json")
	if code != 0 || !strings.Contains(stderr, "c.exchange.hcl.json: note: not formatted: exlint fmt leaves JSON files as they are") {
		t.Errorf("json: exit %d %q", code, stderr)
	}
	for _, args := range [][]string{{"fmt", "notes.txt"}, {"fmt", "missing"}, {"fmt", "--frob"}, {"fmt", "-", "a.exchange.hcl"}} {
		if _, _, code := exlintIn(t, dir, noEnv, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

func TestFmtStdin(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args []string
		in   string
		out  string
		code int
	}{
		{[]string{"fmt", "-"}, "site   \"A\" {}", "site \"A\" {}\n", 0},
		{[]string{"fmt", "--check", "-"}, "site   \"A\" {}", "", 3},
		{[]string{"fmt", "--check", "-"}, "site \"A\" {}\n", "", 0},
		{[]string{"fmt", "--diff", "-"}, "site   \"A\" {}\n", "--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-site   \"A\" {}\n+site \"A\" {}\n", 0},
		{[]string{"fmt", "-"}, "site \"A\" {", "", 2},
	} {
		var out, errb strings.Builder
		code := run(tc.args, strings.NewReader(tc.in), &out, &errb, noEnv)
		if code != tc.code || out.String() != tc.out {
			t.Errorf("%v %q: exit %d, out %q, stderr %q", tc.args, tc.in, code, out.String(), errb.String())
		}
	}
}

// fmt honours the configuration's exclude patterns.
func TestFmtExclude(t *testing.T) {
	repo := configRepo(t, "exclude = [\"topo/**\"]\n")
	os.WriteFile(filepath.Join(repo, "topo", "x.exchange.hcl"), []byte("site   \"A\" {}\n"), 0o644)
	if out, _, code := exlintIn(t, repo, noEnv, "fmt", "--check"); code != 0 || out != "" {
		t.Errorf("exit %d %q", code, out)
	}
}

// A refusal shows the line and a marker, as exlint check does.
func TestFmtRefusalShowsTheLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.exchange.hcl")
	src := "server \"EX01\" {\n  version = \"SE\"\n  update  = 0.0. 0\n}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := exlint(t, noEnv, "fmt", dir)
	want := p + ":3:13: error: exlint fmt cannot lay out this file without changing what it says"
	if code != 2 || !strings.Contains(stderr, want) || !strings.Contains(stderr, "3 |   update  = 0.0. 0\n  |             ^~~\n") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(p); string(b) != src {
		t.Errorf("the file was changed:\n%s", b)
	}
}
