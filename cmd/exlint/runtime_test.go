package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/exlint/exlint/internal/topogen"
)

// exlint runs with Go's defaults and starts no process: no code of the
// program changes the collector's settings, replaces the process or sets
// a runtime variable (GOGC and GOMEMLIMIT are the user's).
func TestNoRuntimeTricks(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.Dir}}{{end}}", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	forbidden := map[string]string{
		"debug.SetGCPercent":   "changes the collector's target",
		"debug.SetMemoryLimit": "changes the memory limit",
		"syscall.Exec":         "replaces the process",
		"syscall.ForkExec":     "starts a process",
		"os.StartProcess":      "starts a process",
	}
	mod, _ := filepath.Abs("../..")
	for _, dir := range strings.Fields(string(out)) {
		if !strings.HasPrefix(dir, mod) {
			continue // a dependency
		}
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, pkg := range pkgs {
			for name, f := range pkg.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.SelectorExpr:
						if id, ok := n.X.(*ast.Ident); ok {
							if why, bad := forbidden[id.Name+"."+n.Sel.Name]; bad {
								t.Errorf("%s: %s.%s %s", fset.Position(n.Pos()), id.Name, n.Sel.Name, why)
							}
						}
					case *ast.BasicLit:
						if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING &&
							(strings.Contains(s, "GODEBUG") || strings.Contains(s, "GOGC") || strings.Contains(s, "GOMEMLIMIT")) {
							t.Errorf("%s: %s reads or sets a runtime variable", fset.Position(n.Pos()), name)
						}
					}
					return true
				})
			}
		}
	}
}

// The built program starts once, whatever the size of the check (the
// runtime's init trace appears once), and prints the same under any
// collector setting the user chooses.
func TestStartsOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds exlint")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "exlint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	big := filepath.Join(dir, "big")
	os.MkdirAll(big, 0o755)
	for _, f := range topogen.Generate(topogen.Options{Servers: 1000, ServersPerFile: 25}) {
		os.WriteFile(filepath.Join(big, f.Name), f.Src, 0o644)
	}
	run := func(env ...string) (int, string) {
		cmd := exec.Command(bin, "check", "--as-of", asOf, "--format", "compact", big)
		cmd.Env = append(os.Environ(), env...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		cmd.Run()
		return strings.Count(stderr.String(), "init main @"), stdout.String()
	}
	n, want := run("GODEBUG=inittrace=1")
	if n != 1 || want == "" {
		t.Fatalf("a large check started %d times (%d bytes of output)", n, len(want))
	}
	for _, env := range [][]string{{"GOGC=50"}, {"GOGC=off", "GOMEMLIMIT=64MiB"}, {"GODEBUG=gcstoptheworld=1"}} {
		if _, got := run(env...); got != want {
			t.Errorf("%v changed the output", env)
		}
	}
}
