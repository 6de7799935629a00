package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every exlint command in the CI documentation runs: no flag is misspelt or
// gone. Each runs on a small repository; a finding (exit 1) is fine, a
// usage error (exit 2) is not.
func TestDocsCommands(t *testing.T) {
	cmdLine := regexp.MustCompile(`^\s*(?:- |run: |script: |entry: )*(exlint (?:check|fmt|config|explain|rules|version)\b[^#]*)`)
	for _, doc := range []string{"docs/ci.md", "README.md", "docs/configuration.md", "docs/cli.md"} {
		raw, err := os.ReadFile(filepath.Join(repoRoot, doc))
		if err != nil {
			t.Fatal(err)
		}
		inBlock := false
		n := 0
		// The commands of a page run in order in one repository (a baseline is
		// written before it is used).
		repo := configRepo(t, "")
		os.MkdirAll(filepath.Join(repo, "ci"), 0o755)
		os.WriteFile(filepath.Join(repo, "ci", ".exlint.hcl"), nil, 0o644)
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "```") {
				inBlock = !inBlock
				continue
			}
			m := cmdLine.FindStringSubmatch(line)
			// Synopses ("exlint check [PATH...]", "exlint explain RULE") are not
			// commands.
			if !inBlock || m == nil || strings.ContainsAny(m[1], "<>|[") || regexp.MustCompile(`\b[A-Z]{3,}\b`).MatchString(m[1]) {
				continue
			}
			args := strings.Fields(m[1])[1:]
			if args[0] == "fmt" && len(args) > 1 && args[len(args)-1] == "-" {
				continue // standard input
			}
			n++
			_, stderr, code := exlintIn(t, repo, noEnv, args...)
			if code == exitUsage || code == exitInternal && args[0] != "fmt" {
				t.Errorf("%s: %q exits %d: %s", doc, m[1], code, stderr)
			}
		}
		if doc == "docs/ci.md" && n < 4 {
			t.Errorf("%s: only %d commands found", doc, n)
		}
	}
}
