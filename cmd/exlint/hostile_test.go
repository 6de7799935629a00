package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
