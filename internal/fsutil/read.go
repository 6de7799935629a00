package fsutil

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file (a
// directory, a FIFO, a device such as /dev/zero).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned for a file larger than the limit it is read
// with.
type TooLargeError struct {
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the file is %d bytes; exlint reads at most %d here", e.Size, e.Limit)
}

// ReadRegular reads the regular file at path, of at most limit bytes. The
// file is opened without blocking (a FIFO would otherwise wait for a writer
// forever) and checked once open: anything but a regular file is
// ErrNotRegular, so that /dev/zero, a FIFO or a directory is refused
// instead of read without end. A file larger than limit (or that grows past
// it while read) is a *TooLargeError; no more than limit+1 bytes are read.
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit)
}

// ReadRegularIn reads the file at name, a path relative to the directory
// root, as ReadRegular does, and only inside root: a name that leads out of
// it (../, an absolute path, or a symbolic link to a place outside, whether
// or not that place exists) is an error and nothing outside root is opened
// or looked at (os.Root); Escapes tells that error.
func ReadRegularIn(root, name string, limit int64) ([]byte, error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	f, err := r.OpenFile(name, os.O_RDONLY|openNonBlocking, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, name, limit)
}

// Escapes reports whether err is os.Root's refusal of a path that leads
// out of its directory. The standard library does not export that error;
// its text is the one of every Go version with os.Root.
func Escapes(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "path escapes from parent"
}

// readOpen reads the open file f (at path, for errors) if it is a regular
// file of at most limit bytes.
func readOpen(f *os.File, path string, limit int64) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))}
	}
	if info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: info.Size(), Limit: limit}}
	}
	src, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(src)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: max(info.Size(), int64(len(src))), Limit: limit}}
	}
	return src, nil
}

// kind names what a non-regular file is.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
