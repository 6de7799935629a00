package runner

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var flagEveryServer = ruleFunc{lint.RuleInfo{ID: "every-server", Severity: lint.Warning}, func(p *lint.Pass) {
	for _, s := range p.Topology.Servers {
		p.Report(s, "seen")
	}
}}

// Each directory holding topology files is its own topology; a file argument
// reports that file's findings only, though rules see the whole directory.
func TestRunPaths(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a/org.exchange.hcl":     "organization \"A\" {}\n",
		"a/servers.exchange.hcl": "server \"A1\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
		"a/more.exchange.hcl":    "server \"A2\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
		"b/c/org.exchange.hcl":   "organization \"B\" {}\nserver \"B1\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
		"notes.txt":              "not a topology",
		".hidden/x.exchange.hcl": "this is not read",
	})
	opts := Options{Rules: []lint.Rule{flagEveryServer}, Catalog: catalog.Default(), Limits: schema.DefaultLimits}
	res, err := Run([]string{dir}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Topologies != 2 || res.Files != 4 || len(res.Findings) != 3 {
		t.Fatalf("topologies %d files %d findings %d", res.Topologies, res.Files, len(res.Findings))
	}
	res, err = Run([]string{filepath.Join(dir, "a", "more.exchange.hcl")}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Address != "server.A2" || res.Files != 3 {
		t.Fatalf("a file argument should report only that file: %+v", res.Findings)
	}
}

// When the rules cannot run, the structural errors that stopped them are
// reported even outside the file asked for.
func TestRunFileArgumentShowsBlockingErrors(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"org.exchange.hcl":    "organization \"A\" {\n",
		"server.exchange.hcl": "server \"A1\" {\n  version = \"SE\"\n  update = \"RTM\"\n}\n",
	})
	res, err := Run([]string{filepath.Join(dir, "server.exchange.hcl")}, Options{Rules: []lint.Rule{flagEveryServer}, Catalog: catalog.Default(), Limits: schema.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != "syntax" || len(res.Unchecked) != 1 {
		t.Fatalf("%+v", res)
	}
}

// Paths without a topology file are named each quoted, escaped, and
// separated by commas, not as a Go list ("[a b c]" of two paths).
func TestNoTopologyNamesThePaths(t *testing.T) {
	opts := Options{Catalog: catalog.Default(), Limits: schema.DefaultLimits}
	t.Chdir(t.TempDir())
	dirs, want := []string{"emptydir", "empty dir3"}, `"emptydir", "empty dir3": no topology files found`
	if runtime.GOOS != "windows" { // no control characters in names there
		dirs, want = append(dirs, "esc\x1b]0;x\x07"), `"emptydir", "empty dir3", "esc\x1b]0;x\a": no topology files found`
	}
	for _, d := range dirs {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Run(dirs, opts)
	if !errors.Is(err, ErrNoTopology) || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestRunErrors(t *testing.T) {
	opts := Options{Catalog: catalog.Default(), Limits: schema.DefaultLimits}
	dir := writeTree(t, map[string]string{"readme.md": "x", "x.hcl": "x"})
	cases := []struct {
		path string
		want error
	}{
		{filepath.Join(dir, "missing"), os.ErrNotExist},
		{dir, ErrNoTopology},
		{filepath.Join(dir, "readme.md"), schema.ErrNotTopology},
		{filepath.Join(dir, "x.hcl"), schema.ErrNotTopology},
	}
	for _, tc := range cases {
		if _, err := Run([]string{tc.path}, opts); !errors.Is(err, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.path, err, tc.want)
		}
	}
}
