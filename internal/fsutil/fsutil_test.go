package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.txt")
	if err := WriteFileAtomic(p, []byte("new"), 0o640); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o640 {
		t.Errorf("new file mode %v, want 0640", info.Mode().Perm())
	}
	// An existing file keeps its permissions.
	os.Chmod(p, 0o600)
	if err := WriteFileAtomic(p, []byte("again"), 0o644); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	got, _ := os.ReadFile(p)
	if info.Mode().Perm() != 0o600 || string(got) != "again" {
		t.Errorf("mode %v, content %q", info.Mode().Perm(), got)
	}
	// A link is refused: nothing is written through it, and it stays.
	link := filepath.Join(dir, "link.txt")
	os.Symlink(p, link)
	if err := WriteFileAtomic(link, []byte("through"), 0o644); !errors.Is(err, ErrSymlink) {
		t.Errorf("writing through a link: %v", err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(p); string(got) != "again" {
		t.Errorf("target holds %q", got)
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	// A missing directory is an error, not a panic.
	if err := WriteFileAtomic(filepath.Join(dir, "no", "f"), nil, 0o644); err == nil {
		t.Error("want an error")
	}
}

func TestReadRegular(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	os.WriteFile(p, []byte("12345"), 0o644)
	if b, err := ReadRegular(p, 5); err != nil || string(b) != "12345" {
		t.Errorf("at the limit: %q %v", b, err)
	}
	var tl *TooLargeError
	if _, err := ReadRegular(p, 4); !errors.As(err, &tl) || tl.Size != 5 || tl.Limit != 4 {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadRegular(dir, 10); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), "a directory") {
		t.Errorf("a directory: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadRegular("/dev/zero", 10); !errors.Is(err, ErrNotRegular) {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	if _, err := ReadRegular(filepath.Join(dir, "missing"), 10); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
}

// ReadRegularIn reads inside its root only: ../, an absolute path and a
// link that leads out (to a file that exists or not) are refused alike,
// and a link that stays inside is followed.
func TestReadRegularIn(t *testing.T) {
	top := t.TempDir()
	root := filepath.Join(top, "repo")
	os.MkdirAll(filepath.Join(root, "sub"), 0o755)
	os.WriteFile(filepath.Join(top, "secret"), []byte("SECRET"), 0o644)
	os.WriteFile(filepath.Join(root, "sub", "f"), []byte("inside"), 0o644)
	os.Symlink("../secret", filepath.Join(root, "out"))
	os.Symlink(filepath.Join(top, "secret"), filepath.Join(root, "abs"))
	os.Symlink("../nowhere", filepath.Join(root, "dangling"))
	os.Symlink("sub/f", filepath.Join(root, "in"))
	os.Symlink("..", filepath.Join(root, "up"))
	for _, name := range []string{"../secret", filepath.Join(top, "secret"), "out", "abs", "dangling", "up/secret", "sub/../../secret"} {
		if b, err := ReadRegularIn(root, name, 100); !Escapes(err) || b != nil {
			t.Errorf("%s: %q %v", name, b, err)
		}
	}
	for _, name := range []string{"in", "sub/f", "sub/../in"} {
		if b, err := ReadRegularIn(root, name, 100); err != nil || string(b) != "inside" {
			t.Errorf("%s: %q %v", name, b, err)
		}
	}
	if _, err := ReadRegularIn(root, "missing", 100); !errors.Is(err, fs.ErrNotExist) || Escapes(err) {
		t.Errorf("missing: %v", err)
	}
	if _, err := ReadRegularIn(root, "sub", 100); !errors.Is(err, ErrNotRegular) {
		t.Errorf("a directory: %v", err)
	}
	if _, err := ReadRegularIn(root, "sub/f", 3); err == nil {
		t.Error("over the limit")
	}
}

func TestNoLinkInside(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("real", 0o755)
	os.Symlink("real", "dirlink")
	os.Symlink("/etc/passwd", "filelink")
	os.WriteFile("plain", nil, 0o644)
	for path, ok := range map[string]bool{
		"plain": true, "new.sarif": true, "real/new.sarif": true, "missing/dir/x": true,
		"filelink": false, "dirlink/x.sarif": false, "real/../dirlink/x": false,
		filepath.Join(dir, "real", "x"): true, filepath.Join(dir, "filelink"): false,
		filepath.Join(dir, "dirlink", "x"): true, // outside the working directory's view: the user's choice
	} {
		if err := NoLinkInside(path); (err == nil) != ok {
			t.Errorf("%s: %v", path, err)
		}
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) (string, os.FileInfo) {
		p := filepath.Join(dir, name)
		os.Remove(p)
		os.WriteFile(p, []byte(content), 0o600)
		os.Chmod(p, mode)
		info, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		return p, info
	}
	// Mode kept, setgid included; content replaced.
	p, info := write("a", "old", 0o2640)
	if err := Replace(p, info, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "new" {
		t.Errorf("content %q", got)
	}
	if fi, _ := os.Lstat(p); fi.Mode() != info.Mode() {
		t.Errorf("mode %v, want %v", fi.Mode(), info.Mode())
	}
	// Refused, and left as they are.
	p, info = write("ro", "old", 0o444)
	if err := Replace(p, info, []byte("old"), []byte("new")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("read-only: %v", err)
	}
	p, info = write("linked", "old", 0o644)
	os.Link(p, filepath.Join(dir, "other-name"))
	info, _ = os.Lstat(p)
	if err := Replace(p, info, []byte("old"), []byte("new")); !errors.Is(err, ErrHardLinks) {
		t.Errorf("hard link: %v", err)
	}
	// Changed since read: other content, or another file.
	p, info = write("edited", "old", 0o644)
	os.WriteFile(p, []byte("saved meanwhile"), 0o644)
	if err := Replace(p, info, []byte("old"), []byte("new")); !errors.Is(err, ErrChanged) {
		t.Errorf("edited: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "saved meanwhile" {
		t.Errorf("the edit was lost: %q", got)
	}
	p, info = write("moved", "old", 0o644)
	os.Rename(p, p+".bak")
	os.WriteFile(p, []byte("old"), 0o644)
	if err := Replace(p, info, []byte("old"), []byte("new")); !errors.Is(err, ErrChanged) {
		t.Errorf("another file at the path: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// As root, a file keeps its owner and group; for anyone else, a file of
// another user (writable through its group) is refused.
func TestReplaceOwner(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	os.WriteFile(p, []byte("old"), 0o664)
	os.Chown(p, 12345, 23456)
	info, _ := os.Lstat(p)
	if err := Replace(p, info, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	now, _ := os.Lstat(p)
	if o, _ := ownerOf(now); o.uid != 12345 || o.gid != 23456 {
		t.Errorf("owner %d:%d, want 12345:23456", o.uid, o.gid)
	}
}
