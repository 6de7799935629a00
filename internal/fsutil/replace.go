package fsutil

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Why Replace leaves a file as it is.
var (
	ErrReadOnly  = errors.New("the file is read-only; exlint fmt does not rewrite it (make it writable first)")
	ErrHardLinks = errors.New("the file has other hard links, which a rewrite would break; exlint fmt leaves it as it is (format a copy)")
	ErrOwner     = errors.New("the file belongs to another user, and a rewrite would give it to you; exlint fmt leaves it as it is")
	ErrChanged   = errors.New("the file changed since exlint read it; it is left as it is (run exlint fmt again)")
)

// Replace writes data over the regular file at path, which held old when
// it was read and looked as info says just before (os.Lstat). It keeps what
// it does not own:
//
//   - a symbolic link, a file with other hard links, and a read-only file
//     (no write permission for its owner) are refused;
//   - the file keeps its permissions (setuid, setgid and sticky bits too),
//     its owner and its group; a file exlint cannot give back to its owner
//     is refused;
//   - a file that changed since it was read (another file at path, another
//     size or modification time, other content) is left as it is
//     (ErrChanged): an edit saved meanwhile is not lost.
//
// The new content goes to a temporary file beside path, synced, then
// renamed over it: a reader or a crash sees the old file or the new one. A
// change made between the last check and the rename, a window of a few
// system calls, is not detected. Extended attributes and ACLs are not
// copied.
func Replace(path string, info fs.FileInfo, old, data []byte) error {
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		return &fs.PathError{Op: "write", Path: path, Err: ErrSymlink}
	case !info.Mode().IsRegular():
		return &fs.PathError{Op: "write", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))}
	case info.Mode().Perm()&0o200 == 0:
		return &fs.PathError{Op: "write", Path: path, Err: ErrReadOnly}
	}
	own, known := ownerOf(info)
	if known && own.links > 1 {
		return &fs.PathError{Op: "write", Path: path, Err: ErrHardLinks}
	}
	f, err := CreateAtomic(path, info.Mode().Perm())
	if err != nil {
		return err
	}
	f.perm = info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	fail := func(err error) error {
		f.Abort()
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if known {
		if err := f.Chown(own.uid, own.gid); err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fail(ErrOwner)
			}
			return fail(err)
		}
	}
	if err := unchanged(path, info, old); err != nil {
		return fail(err)
	}
	return f.Commit()
}

// unchanged checks that path is still the file described by info, holding
// old.
func unchanged(path string, info fs.FileInfo, old []byte) error {
	now, err := os.Lstat(path)
	if err != nil {
		return ErrChanged
	}
	if !os.SameFile(info, now) || now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) || now.Mode() != info.Mode() {
		return ErrChanged
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cur, err := io.ReadAll(io.LimitReader(f, int64(len(old))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return ErrChanged
	}
	return nil
}
