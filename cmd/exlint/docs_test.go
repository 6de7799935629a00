package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
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

// docFiles are the files that tell users how to install and run exlint.
var docFiles = []string{"README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/ci.md", "docs/cli.md", "docs/configuration.md",
	"docs/performance.md", "docs/security.md", "action.yml", ".pre-commit-hooks.yaml", ".ci/run"}

func readRepoFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The Go version the documentation asks for is go.mod's.
func TestDocumentedGoVersion(t *testing.T) {
	m := regexp.MustCompile(`(?m)^go (\d+\.\d+)(?:\.\d+)?$`).FindStringSubmatch(readRepoFile(t, "go.mod"))
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	want := m[1]
	stated := regexp.MustCompile(`Go (\d+\.\d+)(?:\.\d+)? or later|go-version: "(\d+\.\d+)"|golang:(\d+\.\d+)`)
	n := 0
	for _, name := range docFiles {
		for _, s := range stated.FindAllStringSubmatch(readRepoFile(t, name), -1) {
			n++
			if got := s[1] + s[2] + s[3]; got != want {
				t.Errorf("%s: %q, but go.mod needs Go %s", name, s[0], want)
			}
		}
	}
	if n < 4 {
		t.Errorf("only %d statements of the Go version found", n)
	}
}

// No setup pins a release that does not exist: a version tag in an install
// command, a pre-commit rev or an action reference must be a release of
// CHANGELOG.md.
func TestDocumentedReleasesExist(t *testing.T) {
	released := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^## \[?v?(\d+\.\d+\.\d+)\]?`).FindAllStringSubmatch(readRepoFile(t, "CHANGELOG.md"), -1) {
		released[m[1]] = true
	}
	pin := regexp.MustCompile(`(?:rev:\s*|exlint/exlint@|cmd/exlint@)v(\d+(?:\.\d+)*)`)
	for _, name := range docFiles {
		for _, m := range pin.FindAllStringSubmatch(readRepoFile(t, name), -1) {
			v := m[1]
			for strings.Count(v, ".") < 2 {
				v += ".0"
			}
			if !released[v] && !anyRelease(released, m[1]) {
				t.Errorf("%s: %q names a release CHANGELOG.md does not list", name, m[0])
			}
		}
	}
}

// anyRelease reports whether a major (or major.minor) tag such as v1 has a
// release under it.
func anyRelease(released map[string]bool, prefix string) bool {
	for v := range released {
		if strings.HasPrefix(v, prefix+".") {
			return true
		}
	}
	return false
}

// The README says what the pre-commit hook test needs to run, and .ci/run
// provides it.
func TestPrecommitTestStatement(t *testing.T) {
	src := readRepoFile(t, "tests/precommit/precommit_test.go")
	m := regexp.MustCompile(`os\.Getenv\("([A-Z_]+)"\) == ""`).FindStringSubmatch(src)
	if m == nil {
		t.Fatal("tests/precommit no longer reads a variable to run: update this test and the README")
	}
	if readme := readRepoFile(t, "README.md"); !strings.Contains(readme, "`"+m[1]+"=1`") || !strings.Contains(readme, "tests/precommit") {
		t.Errorf("the README does not say that the pre-commit hook test needs %s=1", m[1])
	}
	if !strings.Contains(readRepoFile(t, ".ci/run"), "export "+m[1]+"=1") {
		t.Errorf(".ci/run does not set %s", m[1])
	}
}

// The release configuration builds this command and stamps the version
// exlint prints (goreleaser check, in .ci/run, checks the rest).
func TestGoReleaserConfig(t *testing.T) {
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main    string   `yaml:"main"`
			Env     []string `yaml:"env"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
	}
	if err := yaml.Unmarshal([]byte(readRepoFile(t, ".goreleaser.yaml")), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Version != 2 || len(cfg.Builds) != 1 || cfg.Builds[0].Main != "./cmd/exlint" ||
		!slices.Contains(cfg.Builds[0].Env, "CGO_ENABLED=0") || !strings.Contains(strings.Join(cfg.Builds[0].Ldflags, " "), "-X main.version=") {
		t.Errorf(".goreleaser.yaml: %+v", cfg)
	}
	if !strings.Contains(readRepoFile(t, ".ci/run"), "goreleaser\" check") {
		t.Error(".ci/run does not run goreleaser check")
	}
}

// The outputs the documentation shows are exlint's. A block after
// <!-- exlint-doc-output: ARGS --> shows its command on its first line
// ("$ exlint ..."), then what `exlint ARGS` writes to standard output; a line
// "..." stands for any lines, and "..." within a line for any text, so that
// a page can show the part that matters. The ARGS pin what the shown
// command leaves to the day (--as-of).
func TestDocOutputs(t *testing.T) {
	marker := regexp.MustCompile("(?s)<!-- exlint-doc-output: ([^\n]*?) -->\\s*```text\\n(.*?)```")
	found := 0
	for _, doc := range []string{"README.md", "docs/cli.md", "docs/language.md", "docs/configuration.md"} {
		raw, err := os.ReadFile(filepath.Join(repoRoot, doc))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range marker.FindAllStringSubmatch(string(raw), -1) {
			found++
			args, block := strings.Fields(m[1]), m[2]
			shown, rest, _ := strings.Cut(block, "\n")
			if !strings.HasPrefix(shown, "$ exlint "+args[0]) {
				t.Errorf("%s: the block for %q does not start with its command: %q", doc, m[1], shown)
				continue
			}
			out, _, _ := exlint(t, noEnv, args...)
			if !elided(rest).MatchString(out) {
				t.Errorf("%s: the output shown for `exlint %s` is not what it writes (edit the page):\n%s", doc, m[1], out)
			}
		}
	}
	if found < 3 {
		t.Errorf("%d outputs checked; the pages mark more", found)
	}
}

// elided is a pattern for a shown output with "..." elisions.
func elided(shown string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`^`)
	for _, line := range strings.SplitAfter(shown, "\n") {
		if line == "" {
			continue
		}
		if strings.TrimSpace(line) == "..." {
			b.WriteString(`(?:[^\n]*\n)*?`)
			continue
		}
		parts := strings.Split(line, "...")
		for i, p := range parts {
			if i > 0 {
				b.WriteString(`[^\n]*?`)
			}
			b.WriteString(regexp.QuoteMeta(p))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}
