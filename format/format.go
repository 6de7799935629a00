// Package format gives topology files their canonical layout (exlint fmt):
// hclwrite's formatting (indentation, spacing, aligned equals signs) and one
// final newline. It refuses a file that does not parse, keeps every comment,
// and is idempotent.
package format

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/schema"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// Source formats the text of one native-syntax file. When the file does not
// parse (or breaks exlint's size and nesting limits), it returns the syntax
// problems and no output: formatting broken input would move things around
// in ways that are hard to undo.
func Source(name string, src []byte, lim schema.Limits) ([]byte, []schema.Problem) {
	return source(&schema.File{Name: name, Src: src}, lim)
}

// source is Source for a file read from disk, whose size on disk the
// problem of a file too large gives.
func source(f *schema.File, lim schema.Limits) ([]byte, []schema.Problem) {
	name, src := f.Name, f.Src
	if probs := schema.CheckSyntax(f, lim); len(probs) > 0 {
		return nil, probs
	}
	body, hadBOM := bytes.CutPrefix(src, bom)
	out := hclwrite.Format(body)
	out = trimCommentSpace(out)
	out = finalNewline(out, bytes.Contains(body, []byte("\r\n")))
	if p := changedMeaning(name, body, out); p != nil {
		return nil, []schema.Problem{*p}
	}
	if hadBOM {
		out = append(append([]byte{}, bom...), out...)
	}
	// The layout can add characters (spaces, alignment): the result must
	// stay a file exlint check reads.
	if int64(len(out)) > lim.MaxFileSize && int64(len(src)) <= lim.MaxFileSize {
		return nil, []schema.Problem{{Kind: schema.KindSyntax, Range: hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos},
			Message: fmt.Sprintf("formatted, the file would be %d bytes, more than the %d bytes exlint check reads; it is left as it is (split it, or raise max_file_size)", len(out), lim.MaxFileSize)}}
	}
	return out, nil
}

// changedMeaning guards against hclwrite changing what a file says: it only
// moves spaces, but removing one can join two tokens into a third ("0.0. 0",
// a number and an index, becomes the invalid number "0.0.0"). The output
// must hold the same tokens as the input, line breaks included, in the same
// order (comments compared without their trailing blanks, the blank lines
// at the end aside): then it parses as the input did. Otherwise the file is
// refused, at the first token that differs, and left as it is.
func changedMeaning(name string, in, out []byte) *schema.Problem {
	before, _ := hclsyntax.LexConfig(in, name, hcl.InitialPos)
	after, _ := hclsyntax.LexConfig(out, name, hcl.InitialPos)
	before, after = significant(before), significant(after)
	at := -1
	for i := range max(len(before), len(after)) {
		if i >= len(before) || i >= len(after) || !sameToken(before[i], after[i]) {
			at = i
			break
		}
	}
	if at < 0 {
		// The parser sees the same tokens as in the input, which parsed.
		return nil
	}
	rng := hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
	if at < len(before) {
		rng = before[at].Range
	}
	return &schema.Problem{Kind: schema.KindSyntax, Range: rng,
		Message: "exlint fmt cannot lay out this file without changing what it says: removing the space here would " +
			"join two tokens into one; the file is left as it is (write the value as a literal, which exlint check expects anyway)"}
}

// significant drops the line breaks at the end of a token list, and its end.
func significant(toks hclsyntax.Tokens) hclsyntax.Tokens {
	n := len(toks)
	for n > 0 && (toks[n-1].Type == hclsyntax.TokenNewline || toks[n-1].Type == hclsyntax.TokenEOF) {
		n--
	}
	return toks[:n]
}

func sameToken(a, b hclsyntax.Token) bool {
	if a.Type != b.Type {
		return false
	}
	if a.Type == hclsyntax.TokenComment {
		return bytes.Equal(bytes.TrimRight(a.Bytes, " \t\r\n"), bytes.TrimRight(b.Bytes, " \t\r\n"))
	}
	return bytes.Equal(a.Bytes, b.Bytes)
}

// trimCommentSpace removes the spaces at the end of # and // comments,
// which hclwrite keeps. Heredocs and strings are not comments and keep
// theirs.
func trimCommentSpace(src []byte) []byte {
	if !bytes.Contains(src, []byte(" \n")) && !bytes.Contains(src, []byte("\t\n")) && !bytes.Contains(src, []byte("\r\n")) {
		return src
	}
	toks, diags := hclsyntax.LexConfig(src, "", hcl.InitialPos)
	if diags.HasErrors() {
		return src
	}
	var out []byte
	prev := 0
	for _, t := range toks {
		if t.Type != hclsyntax.TokenComment || bytes.HasPrefix(t.Bytes, []byte("/*")) {
			continue
		}
		text := bytes.TrimRight(t.Bytes, "\r\n")
		eol := t.Bytes[len(text):]
		// A stray \r among the trailing blanks goes too: left before the
		// line break, it would turn an LF line into a CRLF one.
		trimmed := bytes.TrimRight(text, " \t\r")
		if len(trimmed) == len(text) {
			continue
		}
		out = append(out, src[prev:t.Range.Start.Byte]...)
		out = append(out, trimmed...)
		out = append(out, eol...)
		prev = t.Range.End.Byte
	}
	if out == nil {
		return src
	}
	return append(out, src[prev:]...)
}

// finalNewline ends the text with exactly one line break (CRLF when the
// file uses CRLF): trailing blank lines go, a missing newline is added. An
// empty file stays empty.
func finalNewline(b []byte, crlf bool) []byte {
	trimmed := bytes.TrimRight(b, " \t\r\n")
	if len(trimmed) == 0 {
		return []byte{}
	}
	nl := "\n"
	if crlf {
		nl = "\r\n"
	}
	return append(trimmed[:len(trimmed):len(trimmed)], nl...)
}

// Options say what Paths does with a file whose layout differs.
type Options struct {
	// Write rewrites the file, as fsutil.Replace does: atomically, keeping
	// its permissions and owner; a link, a read-only file, a file with other
	// hard links or one changed since it was read is left as it is.
	Write bool
	// Diff adds a unified diff of the change to the result.
	Diff bool
	// Exclude returns why a path is excluded, or "" (the configuration's
	// exclude patterns).
	Exclude func(path string) string
	Limits  schema.Limits
}

// Result is what Paths did.
type Result struct {
	// Changed lists the files whose layout differs; with Write, those
	// rewritten (a file that could not be is in Errors instead).
	Changed []string
	// Diffs holds a unified diff per changed file, with Diff.
	Diffs []string
	// Problems are the syntax errors of the files that were not formatted.
	Problems []schema.Problem
	// Sources holds the text of the files with problems, to show their lines.
	Sources map[string][]byte
	// Skipped lists files named on the command line that fmt leaves alone
	// (JSON files, excluded files), with the reason.
	Skipped []schema.Skipped
	// Errors are files that could not be read or written.
	Errors []error
	// Files counts the files checked.
	Files int
}

// ErrNotHCL is returned for a named file that is not HCL native syntax.
var ErrNotHCL = errors.New("not a file exlint fmt formats (a topology file ending in " + schema.NativeSuffix + ", or another .hcl file such as .exlint.hcl)")

// Paths formats the files under paths. A directory is searched recursively
// for *.exchange.hcl files, as exlint check does (directories starting with
// "." are not entered, symbolic links are not followed, excluded paths are
// skipped); JSON topology files are left as they are. A named file must be
// HCL native syntax (any name ending in .hcl). A path that does not exist is
// an error returned at once.
func Paths(paths []string, opt Options) (*Result, error) {
	if opt.Exclude == nil {
		opt.Exclude = func(string) string { return "" }
	}
	var files []string
	res := &Result{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, &schema.PathError{Path: p, Err: unwrap(err)}
		}
		if why := opt.Exclude(p); why != "" {
			res.Skipped = append(res.Skipped, schema.Skipped{Path: p, Reason: why})
			continue
		}
		if !info.IsDir() {
			switch {
			case strings.HasSuffix(p, schema.JSONSuffix) || strings.HasSuffix(p, ".json"):
				res.Skipped = append(res.Skipped, schema.Skipped{Path: p, Reason: "exlint fmt leaves JSON files as they are"})
			case strings.HasSuffix(p, ".hcl"):
				files = append(files, p)
			default:
				return nil, &schema.PathError{Path: p, Err: ErrNotHCL}
			}
			continue
		}
		// filepath.WalkDir does not enter a root that is a link: a link to a
		// directory named on the command line is walked as "p/".
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			root = p + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if path == root {
				path = p
			}
			if err != nil {
				return &schema.PathError{Path: path, Err: unwrap(err)}
			}
			if path != p && (strings.HasPrefix(d.Name(), ".") && d.IsDir() || opt.Exclude(path) != "") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && strings.HasSuffix(d.Name(), schema.NativeSuffix) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// A file reached twice (a directory named as "." and by its absolute
	// path, or through a link) is formatted once, under the name first
	// reached.
	seen := map[string]bool{}
	unique := files[:0]
	for _, f := range files {
		if key := realPath(f); !seen[key] {
			seen[key] = true
			unique = append(unique, f)
		}
	}
	sort.Strings(unique)
	for _, f := range unique {
		res.Files++
		formatFile(f, opt, res)
	}
	return res, nil
}

func formatFile(path string, opt Options, res *Result) {
	// The file as it is before it is read: Replace checks that it is still
	// so before writing.
	info, err := os.Lstat(path)
	if err != nil {
		res.Errors = append(res.Errors, &schema.PathError{Path: path, Err: unwrap(err)})
		return
	}
	files, err := schema.ReadFiles([]string{path}, opt.Limits.MaxFileSize)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return
	}
	src := files[0].Src
	out, probs := source(files[0], opt.Limits)
	if len(probs) > 0 {
		res.Problems = append(res.Problems, probs...)
		if res.Sources == nil {
			res.Sources = map[string][]byte{}
		}
		res.Sources[path] = src
		return
	}
	if bytes.Equal(src, out) {
		return
	}
	if opt.Write {
		// A file left as it is is an error, not a change.
		if err := fsutil.Replace(path, info, src, out); err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("%s: not rewritten: %w", path, unwrap(err)))
			return
		}
	}
	res.Changed = append(res.Changed, path)
	if opt.Diff {
		res.Diffs = append(res.Diffs, Diff(path, src, out))
	}
}

// realPath is f's directory, made absolute with its links resolved, and
// f's name: the same for every way of reaching one file (a named link to a
// file stays a file of its own directory).
func realPath(f string) string {
	dir, err := filepath.Abs(filepath.Dir(f))
	if err != nil {
		return filepath.Clean(f)
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	return filepath.Join(dir, filepath.Base(f))
}

// Diff is a unified diff from before to after, labelled a/PATH and b/PATH.
func Diff(path string, before, after []byte) string {
	p := filepath.ToSlash(path)
	return udiff.Unified("a/"+p, "b/"+p, string(before), string(after))
}

// readLimited reads a file up to limit+1 bytes: enough for Source to
// report it as too large without holding it in memory.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
