package schema

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, src := range files {
		p := filepath.Join(root, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDiscover(t *testing.T) {
	root := tree(t, map[string]string{
		"a/one.exchange.hcl":       "",
		"a/two.exchange.hcl.json":  "{}",
		"a/b/three.exchange.hcl":   "",
		"a/notes.md":               "",
		".git/x.exchange.hcl":      "",
		"a/.hidden/y.exchange.hcl": "",
		"c/readme.txt":             "",
	})
	targets, skipped, err := Discover([]string{root})
	if err != nil || len(skipped) != 0 {
		t.Fatal(err, skipped)
	}
	var got []string
	for _, tg := range targets {
		rel, _ := filepath.Rel(root, tg.Dir)
		got = append(got, rel+":"+strings.Join(base(tg.Files), ","))
	}
	if want := "a:one.exchange.hcl,two.exchange.hcl.json a/b:three.exchange.hcl"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
	// A file argument selects its directory and reports only itself; a
	// directory named too reports the whole directory.
	targets, _, _ = Discover([]string{filepath.Join(root, "a", "one.exchange.hcl")})
	if len(targets) != 1 || len(targets[0].Files) != 2 || len(targets[0].Only) != 1 {
		t.Errorf("file argument: %+v", targets)
	}
	targets, _, _ = Discover([]string{filepath.Join(root, "a", "one.exchange.hcl"), filepath.Join(root, "a")})
	if len(targets) != 2 || len(targets[0].Only) != 0 {
		t.Errorf("file and its directory: %+v", targets)
	}
}

func base(ps []string) []string {
	var out []string
	for _, p := range ps {
		out = append(out, filepath.Base(p))
	}
	return out
}

// Links inside a checked tree are not followed, so nothing outside the tree
// is read; those that could matter are reported.
func TestDiscoverSymlinks(t *testing.T) {
	outside := tree(t, map[string]string{"secret.exchange.hcl": "organization \"X\" {}", "dir/z.exchange.hcl": ""})
	root := tree(t, map[string]string{"t/org.exchange.hcl": ""})
	os.Symlink(filepath.Join(outside, "secret.exchange.hcl"), filepath.Join(root, "t", "link.exchange.hcl"))
	os.Symlink(filepath.Join(outside, "dir"), filepath.Join(root, "t", "linked-dir"))
	os.Symlink(filepath.Join(outside, "secret.exchange.hcl"), filepath.Join(root, "t", "other-name.txt"))
	targets, skipped, err := Discover([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if len(targets) != 1 || len(targets[0].Files) != 1 {
		t.Fatalf("links were followed: %+v", targets)
	}
	if len(skipped) != 2 || !strings.HasSuffix(skipped[0].Path, "link.exchange.hcl") || !strings.HasSuffix(skipped[1].Path, "linked-dir") ||
		!strings.Contains(skipped[1].Reason, "to a directory") {
		t.Errorf("skipped: %+v", skipped)
	}
	// A link named on the command line is the user's explicit choice.
	targets, _, err = Discover([]string{filepath.Join(root, "t", "link.exchange.hcl")})
	if err != nil || len(targets) != 1 {
		t.Errorf("a named link should be checked: %v %+v", err, targets)
	}
}

func TestDiscoverErrors(t *testing.T) {
	root := tree(t, map[string]string{"x.txt": ""})
	for _, tc := range []struct {
		path string
		want error
	}{
		{filepath.Join(root, "missing"), os.ErrNotExist},
		{filepath.Join(root, "x.txt"), ErrNotTopology},
	} {
		_, _, err := Discover([]string{tc.path})
		var pe *PathError
		if !errors.Is(err, tc.want) || !errors.As(err, &pe) {
			t.Errorf("%s: %v", tc.path, err)
		}
	}
}

// ReadFiles reads a file whole, or only limit+1 bytes of a larger one, at
// every size around the limit and around the read buffer's first size.
func TestReadFilesSizes(t *testing.T) {
	const limit = 1024
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, limit - 1, limit, limit + 1, limit + 2, 10 * limit} {
		p := filepath.Join(dir, "f.exchange.hcl")
		src := []byte(strings.Repeat("x", size))
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files, err := ReadFiles([]string{p}, limit)
		if err != nil {
			t.Fatal(err)
		}
		want := src[:min(size, limit+1)]
		if got := files[0].Src; string(got) != string(want) {
			t.Errorf("size %d: read %d bytes, want %d", size, len(got), len(want))
		}
	}
	if _, err := ReadFiles([]string{filepath.Join(dir, "missing.exchange.hcl")}, limit); err == nil {
		t.Error("a missing file must be an error")
	}
}

// SkippedNote names at most three paths, quoted, each with the first part
// of its reason, counts the rest, and says how to follow a link only when
// one was skipped.
func TestSkippedNote(t *testing.T) {
	if got := SkippedNote(nil); got != "" {
		t.Errorf("nothing skipped: %q", got)
	}
	fifo := Skipped{Path: "a/f.exchange.hcl", Reason: "not a regular file"}
	if got, want := SkippedNote([]Skipped{fifo}), `; not read: "a/f.exchange.hcl" (not a regular file)`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	link := Skipped{Path: "a/\x1b[2Jx.exchange.hcl", Reason: "a symbolic link; exlint does not follow links"}
	got := SkippedNote([]Skipped{link, fifo, fifo, fifo, fifo})
	want := `; not read: "a/\x1b[2Jx.exchange.hcl" (a symbolic link), "a/f.exchange.hcl" (not a regular file), "a/f.exchange.hcl" (not a regular file) and 2 more; name a link on the command line to follow it`
	if got != want {
		t.Errorf("got %q,\nwant %q", got, want)
	}
}
