package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/schema"
)

func TestSchemaCommand(t *testing.T) {
	out, stderr, code := exlint(t, noEnv, "schema", "--format", "json-schema")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if out != string(schema.JSONSchema()) {
		t.Error("exlint schema does not print schema.JSONSchema()")
	}
	if def, _, _ := exlint(t, noEnv, "schema"); def != out {
		t.Error("json-schema is not the default format")
	}

	path := filepath.Join(t.TempDir(), "exchange.schema.json")
	if out, stderr, code := exlint(t, noEnv, "schema", "-o", path); code != exitOK || out != "" || stderr != "" {
		t.Fatalf("-o: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != string(schema.JSONSchema()) {
		t.Errorf("-o wrote %d bytes (%v)", len(got), err)
	}

	for _, args := range [][]string{
		{"schema", "--format", "yaml"},
		{"schema", "extra"},
		{"schema", "-o", filepath.Join(t.TempDir(), "missing", "dir", "s.json")},
	} {
		_, stderr, code := exlint(t, noEnv, args...)
		if code != exitUsage || !strings.HasPrefix(stderr, "exlint: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
}

// Every exlint schema and exlint graph command in the documentation runs,
// in a working directory of its own that holds a topology and sees the
// examples (a file a command writes lands there), and exits 0. A pipe into
// another program (exlint graph | dot) runs exlint's part.
func TestDocsPictureCommands(t *testing.T) {
	cmdLine := regexp.MustCompile(`^\s*(exlint (?:schema|graph)\b[^#|>]*)`)
	n := 0
	for _, doc := range []string{"README.md", "docs/cli.md", "docs/editors.md"} {
		raw, err := os.ReadFile(filepath.Join(repoRoot, doc))
		if err != nil {
			t.Fatal(err)
		}
		work := t.TempDir()
		if err := os.Symlink(filepath.Join(repoRoot, "examples"), filepath.Join(work, "examples")); err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join(repoRoot, "examples", "small-cutover", "tailspin.exchange.hcl"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(work, "tailspin.exchange.hcl"), src, 0o644)
		inBlock := false
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				inBlock = !inBlock
				continue
			}
			m := cmdLine.FindStringSubmatch(line)
			if !inBlock || m == nil || strings.ContainsAny(m[1], "[") {
				continue
			}
			args := strings.Fields(m[1])[1:]
			// The directories a command writes into exist, as the docs'
			// mkdir -p lines make them.
			for _, a := range args {
				if dir := filepath.Dir(a); strings.Contains(a, "/") && !strings.HasPrefix(a, "examples") {
					os.MkdirAll(filepath.Join(work, dir), 0o755)
				}
			}
			n++
			if _, stderr, code := exlintIn(t, work, noEnv, args...); code != exitOK {
				t.Errorf("%s: %q exits %d: %s", doc, m[1], code, stderr)
			}
		}
	}
	if n < 3 {
		t.Errorf("only %d commands found", n)
	}
}
