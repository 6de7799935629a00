package schema

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Topology file name suffixes: native syntax and JSON syntax.
const (
	NativeSuffix = ".exchange.hcl"
	JSONSuffix   = ".exchange.hcl.json"
)

// IsTopologyFile reports whether a file name is a topology file.
func IsTopologyFile(name string) bool {
	return strings.HasSuffix(name, NativeSuffix) || strings.HasSuffix(name, JSONSuffix)
}

// Target is one topology to check: the topology files of one directory.
type Target struct {
	Dir   string   // the directory, as reached from the user's argument
	Files []string // its topology files, sorted
	// Only, when not empty, lists the files named on the command line: rules
	// see the whole directory, but only findings in these files are reported.
	Only []string
}

// Skipped is a path discovery did not read, and why.
type Skipped struct {
	Path   string
	Reason string
}

// SkippedNote explains a search that found no topology file to read by what
// it found and did not read (links, special files): "; not read:
// "a/x.exchange.hcl" (a symbolic link); name a link on the command line to
// follow it", at most three paths and how many more. It is "" when nothing
// was skipped. Paths are quoted, as they may hold anything.
func SkippedNote(skipped []Skipped) string {
	if len(skipped) == 0 {
		return ""
	}
	const shown = 3
	var b strings.Builder
	b.WriteString("; not read: ")
	links := false
	for i, s := range skipped {
		kind, _, _ := strings.Cut(s.Reason, ";")
		links = links || strings.HasPrefix(kind, "a symbolic link")
		if i >= shown {
			continue
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s)", strconv.Quote(s.Path), kind)
	}
	if len(skipped) > shown {
		fmt.Fprintf(&b, " and %d more", len(skipped)-shown)
	}
	if links {
		b.WriteString("; name a link on the command line to follow it")
	}
	return b.String()
}

// PathError is a command-line path that cannot be checked.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }

func (e *PathError) Unwrap() error { return e.Err }

// ErrNotTopology is returned for a file argument that is not a topology file.
var ErrNotTopology = errors.New("not a topology file (the names end in " + NativeSuffix + " or " + JSONSuffix + ")")

// Discover turns command-line paths into topologies. A directory is searched
// recursively; every directory holding topology files is one topology.
// Directories whose names start with "." (.git, .terraform...) are not
// entered. Symbolic links are not followed; they are returned as skipped, so
// that nothing outside the given trees is read. A file argument selects its
// directory's topology and limits the report to that file.
func Discover(paths []string) ([]Target, []Skipped, error) {
	d, err := DiscoverWith(paths, nil)
	if err != nil {
		return nil, nil, err
	}
	return d.Targets, d.Skipped, nil
}

// Discovery is what DiscoverWith found.
type Discovery struct {
	Targets []Target
	// Skipped lists links and special files found inside the trees, and the
	// excluded paths named on the command line.
	Skipped []Skipped
	// Excluded counts the paths exclude kept out (files and directories).
	Excluded int
}

// DiscoverWith is Discover with exclusions: exclude returns why a path (a
// file or directory, as reached from the arguments) is excluded, or "". An
// excluded directory is not entered, and an excluded file is not read, as if
// it did not exist; an excluded path named on the command line is listed as
// skipped, with the reason.
func DiscoverWith(paths []string, exclude func(path string) string) (*Discovery, error) {
	if exclude == nil {
		exclude = func(string) string { return "" }
	}
	excluded := 0
	// Topologies are keyed by their directory's real path, so that one
	// directory named twice (".", and its absolute path or a link to it) is
	// one topology, checked once; it keeps the name first reached.
	byDir := map[string]*Target{}
	whole := map[string]bool{}
	var skipped []Skipped
	realDirs := map[string]string{}
	dirKey := func(dir string) string {
		if k, ok := realDirs[dir]; ok {
			return k
		}
		k, err := filepath.Abs(dir)
		if err == nil {
			if r, err := filepath.EvalSymlinks(k); err == nil {
				k = r
			}
		} else {
			k = dir
		}
		realDirs[dir] = k
		return k
	}
	seen := map[string]bool{} // real directory + file name
	target := func(dir string) *Target {
		t := byDir[dirKey(dir)]
		if t == nil {
			t = &Target{Dir: dir}
			byDir[dirKey(dir)] = t
		}
		return t
	}
	// addFile adds file, in dir, to dir's topology, under the topology's
	// name for the directory, and returns that name.
	addFile := func(dir, file string) string {
		t := target(dir)
		name := filepath.Join(t.Dir, filepath.Base(file))
		if key := dirKey(dir) + string(filepath.Separator) + filepath.Base(file); !seen[key] {
			seen[key] = true
			t.Files = append(t.Files, name)
		}
		return name
	}
	markWhole := func(dir string) { whole[dirKey(dir)] = true }
	for _, p := range paths {
		info, err := os.Lstat(p)
		if err != nil {
			return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
		}
		if why := exclude(p); why != "" {
			excluded++
			skipped = append(skipped, Skipped{Path: p, Reason: why})
			continue
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			// A link named on the command line is the user's explicit choice:
			// follow it, but only to a directory or a topology file.
			linked, err := os.Stat(p)
			if err != nil {
				return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
			}
			if linked.IsDir() {
				// filepath.WalkDir does not enter a root that is a link; the
				// link's directory is walked as "p/".
				if err := walk(p+string(filepath.Separator), p, addFile, markWhole, &skipped, exclude, &excluded); err != nil {
					return nil, err
				}
				continue
			}
			if err := addNamedFile(p, addFile, target, exclude, &excluded); err != nil {
				return nil, err
			}
		case info.IsDir():
			if err := walk(p, p, addFile, markWhole, &skipped, exclude, &excluded); err != nil {
				return nil, err
			}
		default:
			if err := addNamedFile(p, addFile, target, exclude, &excluded); err != nil {
				return nil, err
			}
		}
	}
	var out []Target
	for dir, t := range byDir {
		if whole[dir] {
			t.Only = nil
		}
		sort.Strings(t.Files)
		sort.Strings(t.Only)
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	return &Discovery{Targets: out, Skipped: skipped, Excluded: excluded}, nil
}

func addNamedFile(p string, addFile func(dir, file string) string, target func(dir string) *Target, exclude func(string) string, excluded *int) error {
	if !IsTopologyFile(p) {
		return &PathError{Path: p, Err: ErrNotTopology}
	}
	dir := filepath.Dir(p)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return &PathError{Path: dir, Err: unwrapPathErr(err)}
	}
	for _, e := range entries {
		if IsTopologyFile(e.Name()) && e.Type().IsRegular() {
			sibling := filepath.Join(dir, e.Name())
			if exclude(sibling) != "" {
				*excluded++
				continue
			}
			addFile(dir, sibling)
		}
	}
	name := addFile(dir, filepath.Clean(p)) // a named symbolic link is read too
	t := target(dir)
	if !slices.Contains(t.Only, name) {
		t.Only = append(t.Only, name)
	}
	return nil
}

// walk adds the topology files under root, which is reached as name (root
// is name + "/" for a link to a directory named on the command line).
func walk(root, name string, addFile func(dir, file string) string, markWhole func(dir string), skipped *[]Skipped, exclude func(string) string, excluded *int) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if path == root {
			path = name
		}
		if err != nil {
			return &PathError{Path: path, Err: unwrapPathErr(err)}
		}
		if d.IsDir() {
			if path != name && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if path != name && exclude(path) != "" {
				*excluded++
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// Links are not followed, so nothing outside the given trees is
			// read; links to directories and to topology files are reported,
			// unless the configuration excludes them.
			if exclude(path) != "" {
				return nil
			}
			if info, err := os.Stat(path); err == nil && info.IsDir() && !strings.HasPrefix(d.Name(), ".") {
				*skipped = append(*skipped, Skipped{Path: path, Reason: "a symbolic link to a directory; exlint does not follow links inside the trees it checks (name the directory on the command line to check it)"})
			} else if IsTopologyFile(d.Name()) {
				*skipped = append(*skipped, Skipped{Path: path, Reason: "a symbolic link; exlint does not follow links inside the trees it checks (name the file on the command line to check it)"})
			}
			return nil
		}
		if !IsTopologyFile(d.Name()) {
			return nil
		}
		if exclude(path) != "" {
			*excluded++
			return nil
		}
		if !d.Type().IsRegular() {
			*skipped = append(*skipped, Skipped{Path: path, Reason: "not a regular file"})
			return nil
		}
		dir := filepath.Dir(path)
		addFile(dir, path)
		markWhole(dir)
		return nil
	})
}

// unwrapPathErr drops the *fs.PathError wrapper, whose path the caller
// already names, keeping "no such file or directory" and the like.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFiles reads topology files. A file larger than limit is read only up to
// limit+1 bytes: enough for Decode to report it as too large without holding
// it in memory.
func ReadFiles(paths []string, limit int64) ([]*File, error) {
	out := make([]*File, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
		}
		src, size, err := readLimited(f, limit)
		f.Close()
		if err != nil {
			return nil, &PathError{Path: p, Err: unwrapPathErr(err)}
		}
		out = append(out, &File{Name: p, Src: src, JSON: strings.HasSuffix(p, JSONSuffix), Size: size})
	}
	return out, nil
}

// readLimited reads f to its end, or to limit+1 bytes. The buffer is sized
// from the file's size, so a regular file is read in one call (and one more
// that sees its end) instead of io.ReadAll's growing reads; a file that
// grows meanwhile, or a pipe, still reads whole up to the limit.
// It also returns the file's size, when it is a regular file (else 0).
func readLimited(f *os.File, limit int64) ([]byte, int64, error) {
	size, onDisk := int64(512), int64(0)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
		size = fi.Size() + 1 // one byte more, to see the end in the same read
		onDisk = fi.Size()
	}
	buf := make([]byte, 0, min(size, limit+1))
	r := io.LimitReader(f, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, onDisk, nil
		}
		if err != nil {
			return nil, 0, err
		}
	}
}

// DiscoverFile finds the topology a file belongs to, as a file argument
// does (the topology files of its directory, reporting only that file),
// whether or not the file exists: its content comes from elsewhere
// (exlint check - reads it from standard input). A file exclude names is
// skipped.
func DiscoverFile(name string, exclude func(path string) string) (*Discovery, error) {
	if exclude == nil {
		exclude = func(string) string { return "" }
	}
	if why := exclude(name); why != "" {
		return &Discovery{Skipped: []Skipped{{Path: name, Reason: why}}, Excluded: 1}, nil
	}
	byDir := map[string]*Target{}
	target := func(dir string) *Target {
		t := byDir[dir]
		if t == nil {
			t = &Target{Dir: dir}
			byDir[dir] = t
		}
		return t
	}
	addFile := func(dir, file string) string {
		t := target(dir)
		if !slices.Contains(t.Files, file) {
			t.Files = append(t.Files, file)
		}
		return file
	}
	excluded := 0
	if err := addNamedFile(name, addFile, target, exclude, &excluded); err != nil {
		return nil, err
	}
	t := byDir[filepath.Dir(name)]
	sort.Strings(t.Files)
	return &Discovery{Targets: []Target{*t}, Excluded: excluded}, nil
}
