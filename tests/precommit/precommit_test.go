// Package precommit tests exlint's pre-commit hooks (.pre-commit-hooks.yaml)
// with the real pre-commit: "pre-commit try-repo" builds exlint from this
// repository the way users get it, and runs both hooks on a fixture
// repository, once clean and once broken.
//
// The test needs pre-commit, git and go. It runs when EXLINT_TEST_PRECOMMIT
// is set (.ci/run sets it, after installing Debian's pre-commit if it is
// missing), and is skipped otherwise.
package precommit

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runIn(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		code = ee.ExitCode()
	}
	return string(out), code
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hookSetup skips the test unless EXLINT_TEST_PRECOMMIT is set, and returns
// this repository's root and the environment pre-commit runs in: its own
// home, and the Go module and build caches of this machine (no download).
func hookSetup(t *testing.T) (repo string, env []string) {
	t.Helper()
	if os.Getenv("EXLINT_TEST_PRECOMMIT") == "" {
		t.Skip("set EXLINT_TEST_PRECOMMIT=1 to run pre-commit on the hooks (.ci/run does)")
	}
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"pre-commit", "git", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed: %v", tool, err)
		}
	}
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(string(out))
	}
	home := t.TempDir()
	return repo, append(os.Environ(),
		"PRE_COMMIT_HOME="+filepath.Join(home, "pre-commit"),
		"GOMODCACHE="+goEnv("GOMODCACHE"), "GOCACHE="+goEnv("GOCACHE"), "GOFLAGS=-buildvcs=false", "GOTOOLCHAIN=local",
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_CONFIG_GLOBAL="+filepath.Join(home, "gitconfig"), "NO_COLOR=1")
}

func TestHooks(t *testing.T) {
	repo, env := hookSetup(t)

	fixture := t.TempDir()
	if out, code := runIn(t, fixture, env, "git", "init", "-q", "."); code != 0 {
		t.Fatal(out)
	}
	// A clean topology, formatted, with the date pinned so that the verdict
	// does not change as time passes.
	writeFile(t, filepath.Join(fixture, ".exlint.hcl"), "as_of = \"2026-11-21\"\n")
	for _, f := range []string{"organization.exchange.hcl", "servers.exchange.hcl", "hybrid.exchange.hcl", "clients.exchange.hcl.json"} {
		src, err := os.ReadFile(filepath.Join(repo, "examples", "se-classic-hybrid", f))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(fixture, "contoso", f), string(src))
	}
	tryRepo := func() (string, int) {
		t.Helper()
		if out, code := runIn(t, fixture, env, "git", "add", "-A"); code != 0 {
			t.Fatal(out)
		}
		return runIn(t, fixture, env, "pre-commit", "try-repo", repo, "--all-files", "--verbose")
	}

	out, code := tryRepo()
	if code != 0 || !strings.Contains(out, "exlint fmt") || strings.Count(out, "Passed") != 2 {
		t.Fatalf("clean topology: pre-commit exit %d, want 0 and both hooks passed:\n%s", code, out)
	}

	// A second topology, badly formatted and with an error (Exchange 2010,
	// past its end of support): both hooks fail.
	src, err := os.ReadFile(filepath.Join(repo, "examples", "small-cutover", "tailspin.exchange.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	messy := strings.Replace(string(src), "  version = \"2010\"", "      version=\"2010\"", 1)
	writeFile(t, filepath.Join(fixture, "tailspin", "tailspin.exchange.hcl"), messy)
	out, code = tryRepo()
	if code == 0 || strings.Count(out, "Failed") != 2 ||
		!strings.Contains(out, "tailspin/tailspin.exchange.hcl:18:15: error: TS-EX runs Exchange Server 2010") ||
		!strings.Contains(out, "files were modified by this hook") {
		t.Fatalf("broken topology: pre-commit exit %d, want both hooks failed:\n%s", code, out)
	}
	// exlint-fmt fixed the layout; the finding remains.
	fixed, _ := os.ReadFile(filepath.Join(fixture, "tailspin", "tailspin.exchange.hcl"))
	if string(fixed) != string(src) {
		t.Errorf("exlint-fmt did not restore the layout:\n%s", fixed)
	}
	out, code = tryRepo()
	if code == 0 || strings.Count(out, "Failed") != 1 || strings.Count(out, "Passed") != 1 {
		t.Fatalf("after fmt: pre-commit exit %d, want exlint failed and exlint-fmt passed:\n%s", code, out)
	}
}

// The configuration docs/ci.md gives, pinned to a commit as it says (this
// repository's HEAD, reached by its path instead of GitHub), installs and
// runs both hooks.
func TestDocumentedConfigPinned(t *testing.T) {
	repo, env := hookSetup(t)
	doc, err := os.ReadFile(filepath.Join(repo, "docs", "ci.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```yaml\n# .pre-commit-config.yaml\n")
	block, _, _ = strings.Cut(block, "```")
	if !ok || !strings.Contains(block, "rev: <commit>") {
		t.Fatalf("docs/ci.md has no pre-commit configuration pinned to <commit>:\n%s", block)
	}
	head, code := runIn(t, repo, env, "git", "rev-parse", "HEAD")
	if code != 0 {
		t.Skipf("not a git checkout: %s", head)
	}
	config := strings.NewReplacer("https://github.com/exlint/exlint", repo, "<commit>", strings.TrimSpace(head)).Replace(block)

	fixture := t.TempDir()
	if out, code := runIn(t, fixture, env, "git", "init", "-q", "."); code != 0 {
		t.Fatal(out)
	}
	writeFile(t, filepath.Join(fixture, ".pre-commit-config.yaml"), config)
	src, err := os.ReadFile(filepath.Join(repo, "examples", "small-cutover", "tailspin.exchange.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(fixture, "tailspin", "tailspin.exchange.hcl"), string(src))
	runIn(t, fixture, env, "git", "add", "-A")
	out, code := runIn(t, fixture, env, "pre-commit", "run", "--all-files")
	// The example has an error (Exchange 2010): exlint fails, exlint fmt passes.
	if code == 0 || !strings.Contains(out, "TS-EX runs Exchange Server 2010") || strings.Count(out, "Passed") != 1 {
		t.Fatalf("pre-commit run with the documented configuration: exit %d\n%s", code, out)
	}
}
