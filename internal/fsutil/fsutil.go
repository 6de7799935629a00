// Package fsutil writes files safely.
package fsutil

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// directory, renamed over path once complete: a reader (or a crash) never
// sees half a file. An existing file keeps its permissions; a new one gets
// perm. A symbolic link at path is refused (ErrSymlink): exlint never writes
// through a link, which could lead anywhere.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	f, err := CreateAtomic(path, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// AtomicFile is a file being written in place of another: written to a
// temporary file beside it, it replaces the file at Commit, and Abort
// removes it, leaving the old file as it was.
type AtomicFile struct {
	*os.File
	path string
	perm fs.FileMode
	done bool
}

// ErrSymlink is returned for a path to write that is a symbolic link.
var ErrSymlink = errors.New("a symbolic link; exlint does not write through links (remove the link, or name another file)")

// CreateAtomic starts writing path the way WriteFileAtomic does.
func CreateAtomic(path string, perm fs.FileMode) (*AtomicFile, error) {
	info, err := os.Lstat(path)
	switch {
	case err == nil && info.Mode()&fs.ModeSymlink != 0:
		return nil, &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
	case err == nil && !info.Mode().IsRegular():
		return nil, &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))}
	case err == nil:
		perm = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	if !track(tmp.Name()) {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, errEnding
	}
	return &AtomicFile{File: tmp, path: path, perm: perm}, nil
}

// The temporary files being written, so that a signal that ends exlint
// does not leave them behind.
var inFlight = struct {
	sync.Mutex
	names  map[string]bool
	ending bool // RemoveTemporary was called
}{names: map[string]bool{}}

var errEnding = errors.New("exlint is ending")

// track records a temporary file, and reports false once exlint is ending.
func track(name string) bool {
	inFlight.Lock()
	defer inFlight.Unlock()
	if inFlight.ending {
		return false
	}
	inFlight.names[name] = true
	return true
}

func untrack(name string) {
	inFlight.Lock()
	delete(inFlight.names, name)
	inFlight.Unlock()
}

// RemoveTemporary removes the temporary files of every AtomicFile not yet
// committed or aborted, and keeps any more from being created: exlint calls
// it when a signal ends it. The files being replaced are left as they were.
func RemoveTemporary() {
	inFlight.Lock()
	defer inFlight.Unlock()
	for name := range inFlight.names {
		os.Remove(name)
	}
	inFlight.names = map[string]bool{}
	inFlight.ending = true
}

// Commit makes what was written the file's content. On failure the file is
// left as it was.
func (f *AtomicFile) Commit() error {
	if f.done {
		return errors.New("fsutil: " + f.path + " already committed or aborted")
	}
	f.done = true
	err := f.Chmod(f.perm)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	untrack(f.Name())
	return err
}

// Abort drops what was written; the file is left as it was. It does nothing
// after Commit.
func (f *AtomicFile) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
	untrack(f.Name())
}

// NoLinkInside checks that no directory on the way to path, from the
// working directory down, is a symbolic link, nor path itself: a file to
// write named relative to the working directory (an output named in a CI
// configuration) stays inside the tree, whatever links the tree holds. A
// path that leaves the working directory (absolute, or through "..") is the
// user's explicit choice, and only its last element is checked.
func NoLinkInside(path string) error {
	clean := filepath.Clean(path)
	if filepath.IsAbs(clean) || clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
		if info, err := os.Lstat(clean); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
		}
		return nil
	}
	p := ""
	for _, part := range strings.Split(clean, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%s is %w", p, ErrSymlink)}
		}
	}
	return nil
}
