// Package fsutil writes files safely.
package fsutil

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes data to path through a temporary file in the same
// directory, renamed over path once complete: a reader (or a crash) never
// sees half a file. An existing file keeps its permissions; a new one gets
// perm. A symbolic link is followed, so that the link stays a link.
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

// CreateAtomic starts writing path the way WriteFileAtomic does.
func CreateAtomic(path string, perm fs.FileMode) (*AtomicFile, error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if info, err := os.Stat(path); err == nil {
		perm = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, err
	}
	return &AtomicFile{File: tmp, path: path, perm: perm}, nil
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
}
