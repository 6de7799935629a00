package schema

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// DiscoverWith: excluded directories are not entered, excluded files not
// read (a named file's excluded siblings included), and excluded paths
// named on the command line are listed as skipped.
func TestDiscoverWithExclude(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/x.exchange.hcl", "a/draft.exchange.hcl", "old/y.exchange.hcl", "b/z.exchange.hcl"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("organization \"O\" {}\n"), 0o644)
	}
	exclude := func(p string) string {
		if strings.Contains(p, "old") || strings.HasSuffix(p, "draft.exchange.hcl") || strings.HasSuffix(p, filepath.Join("b", "z.exchange.hcl")) {
			return "excluded"
		}
		return ""
	}
	d, err := DiscoverWith([]string{dir}, exclude)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Targets) != 1 || len(d.Targets[0].Files) != 1 || !strings.HasSuffix(d.Targets[0].Files[0], "x.exchange.hcl") || d.Excluded != 3 || len(d.Skipped) != 0 {
		t.Errorf("walk: %+v", d)
	}
	d, err = DiscoverWith([]string{filepath.Join(dir, "a", "x.exchange.hcl"), filepath.Join(dir, "b", "z.exchange.hcl")}, exclude)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Targets) != 1 || len(d.Targets[0].Files) != 1 || len(d.Skipped) != 1 || d.Skipped[0].Reason != "excluded" {
		t.Errorf("named: %+v", d)
	}
	if _, err := DiscoverWith([]string{filepath.Join(dir, "missing")}, exclude); err == nil {
		t.Error("a missing path is an error even when nothing matches")
	}
}
