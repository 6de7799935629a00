package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// The environment exlint runs itself again with: the user's GODEBUG kept
// and gcSetting added; no second start when GODEBUG already names the
// collector's mode or when this is the second process.
func TestGCEnv(t *testing.T) {
	env, ok := gcEnv(envOf(nil))
	if !ok || !slices.Contains(env, "GODEBUG="+gcSetting) || !slices.Contains(env, execEnv+"=1") {
		t.Errorf("no GODEBUG: %v %v", ok, env)
	}
	env, ok = gcEnv(envOf(map[string]string{"GODEBUG": "gctrace=1"}))
	if !ok || !slices.Contains(env, "GODEBUG=gctrace=1,"+gcSetting) {
		t.Errorf("GODEBUG=gctrace=1: %v %v", ok, env)
	}
	for _, vars := range []map[string]string{
		{"GODEBUG": "gcstoptheworld=0"},
		{"GODEBUG": "gctrace=1, gcstoptheworld=2"},
		{execEnv: "1"},
	} {
		if _, ok := gcEnv(envOf(vars)); ok {
			t.Errorf("%v: exlint would start again", vars)
		}
	}
}

// The built program starts again (the runtime's init trace appears twice)
// for a check of 256 KiB or more of topology files, and only then; what it
// prints is the same either way.
func TestReexecLargeCheck(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("builds exlint; it starts again on Linux only")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "exlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	big := filepath.Join(dir, "big")
	os.MkdirAll(big, 0o755)
	size := 0
	for _, f := range topogen.Generate(topogen.Options{Servers: 1000, ServersPerFile: 25}) {
		os.WriteFile(filepath.Join(big, f.Name), f.Src, 0o644)
		size += len(f.Src)
	}
	if size < reexecBytes {
		t.Fatalf("the large topology is %d bytes, under %d", size, reexecBytes)
	}
	starts := func(godebug, path string, extra ...string) (int, string) {
		cmd := exec.Command(bin, "check", "--as-of", asOf, "--format", "compact", path)
		cmd.Env = append(os.Environ(), append([]string{"GODEBUG=" + godebug}, extra...)...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Run()
		return strings.Count(stderr.String(), "init main @"), stdout.String()
	}
	n, again := starts("inittrace=1", big)
	if n != 2 || again == "" {
		t.Errorf("large check: %d starts, output %q", n, again)
	}
	if _, once := starts("inittrace=1", big, execEnv+"=1"); once != again {
		t.Error("the output differs when exlint does not start again")
	}
	if n, _ := starts("inittrace=1,gcstoptheworld=0", big); n != 1 {
		t.Errorf("GODEBUG naming the mode: %d starts", n)
	}
	if n, _ := starts("inittrace=1", "../../examples/small-cutover"); n != 1 {
		t.Errorf("small check: %d starts", n)
	}
	// The first process starts again before it opens any output: an output
	// file is written once, by the second, with nothing left beside it.
	out := filepath.Join(dir, "out", "report.json")
	os.MkdirAll(filepath.Dir(out), 0o755)
	cmd := exec.Command(bin, "check", "--as-of", asOf, "--format", "json="+out, big)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	stderr, _ := cmd.CombinedOutput()
	entries, _ := os.ReadDir(filepath.Dir(out))
	if strings.Count(string(stderr), "init main @") != 2 || len(entries) != 1 || entries[0].Name() != "report.json" {
		t.Errorf("output directory after starting again: %v", entries)
	}
}
