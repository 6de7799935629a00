package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// What a new user types wrong gets a message that says what is wrong and
// what to type instead.
func TestFirstUseMessages(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"--fail-on warn", []string{"check", "--fail-on", "warn", "examples"}, `--fail-on: unknown severity "warn"; did you mean "warning"?`},
		{"--as-of month 13", []string{"check", "--as-of", "2026-13-01", "examples"}, `--as-of "2026-13-01": the month 13 is out of range: months run from 01 to 12`},
		{"--as-of February 29th of 2026", []string{"check", "--as-of", "2026-02-29", "examples"}, "the day 29 is out of range: 2026-02 has 28 days"},
		{"--format to a missing directory", []string{"check", "--format", "sarif=out/x.sarif", "examples"}, "--format sarif=out/x.sarif: the directory out does not exist"},
		{"--format to a path through a file", []string{"check", "--format", "sarif=README.md/x.sarif", "examples"}, "--format sarif=README.md/x.sarif: README.md is not a directory"},
		{"--as-of in another order", []string{"check", "--as-of", "21/11/2026", "examples"}, "write the date as YYYY-MM-DD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := exlint(t, noEnv, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want it to contain %q", code, stderr, tc.want)
			}
		})
	}
}

// -o into a missing directory, or through a file, names the directory the
// way check's --format NAME=FILE does, for every command that takes -o:
// before the command does its work, and again when it writes.
func TestOutputFileDirectory(t *testing.T) {
	topo := "examples/small-cutover"
	for _, cmd := range [][]string{
		{"graph", topo},
		{"report", topo},
		{"plan", topo},
		{"schema"},
	} {
		for _, tc := range []struct{ out, want string }{
			{"out/x.txt", "-o out/x.txt: the directory out does not exist"},
			{"no/such/dir/x.txt", "-o no/such/dir/x.txt: the directory no/such/dir does not exist"},
			{"README.md/x.txt", "-o README.md/x.txt: README.md is not a directory"},
		} {
			t.Run(cmd[0]+" "+tc.out, func(t *testing.T) {
				stdout, stderr, code := exlint(t, noEnv, append(cmd, "-o", tc.out)...)
				if code != exitUsage || stdout != "" || stderr != "exlint: "+tc.want+"\n" {
					t.Errorf("exit %d, stdout %q, stderr %q, want exit 2 and only %q", code, stdout, stderr, tc.want)
				}
			})
		}
	}
}

// -o never writes through a symbolic link inside the working directory:
// not a link to a file, not a file under a linked directory.
func TestOutputFileNotThroughLink(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "target.html"), []byte("keep"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "target.html"), filepath.Join(dir, "link.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(outside, filepath.Join(dir, "linked"))
	topo, _ := filepath.Abs(filepath.Join(repoRoot, "examples", "small-cutover"))
	t.Chdir(dir)
	for _, cmd := range [][]string{{"graph", topo}, {"report", topo}, {"plan", topo}, {"schema"}} {
		for _, out := range []string{"link.html", "linked/new.html"} {
			var stdout, stderr strings.Builder
			code := run(append(cmd, "-o", out), strings.NewReader(""), &stdout, &stderr, noEnv)
			if code != exitUsage || !strings.Contains(stderr.String(), "-o "+out+": ") || !strings.Contains(stderr.String(), "symbolic link") {
				t.Errorf("%s -o %s: exit %d, %q", cmd[0], out, code, stderr.String())
			}
		}
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "target.html")); string(b) != "keep" {
		t.Errorf("the link's target was written: %q", b)
	}
	if _, err := os.Stat(filepath.Join(outside, "new.html")); err == nil {
		t.Error("a file was written in the linked directory")
	}
}

// writeResult names a missing directory too: one that went away while the
// command worked.
func TestWriteResultMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "x.txt")
	err := writeResult(io.Discard, path, []byte("x"))
	want := "-o " + path + ": the directory " + filepath.Dir(path) + " does not exist"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
