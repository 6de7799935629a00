package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/schema"
)

// output is one --format: a format and where it goes ("" for standard
// output).
type output struct {
	format string
	path   string
}

// parseOutputs reads --format values, "NAME" or "NAME=PATH". At most one
// output goes to standard output (PATH "-" names it too); two outputs cannot
// share a file.
func parseOutputs(specs []string) ([]output, error) {
	if len(specs) == 0 {
		specs = []string{"text"}
	}
	var outs []output
	stdout := ""
	paths := map[string]bool{}
	for _, spec := range specs {
		name, path, hasPath := strings.Cut(spec, "=")
		if !known(name) {
			return nil, usageErr("--format %q: use %s, optionally with =FILE (--format sarif=results.sarif)", spec, strings.Join(report.Formats, ", "))
		}
		if hasPath && path == "" {
			return nil, usageErr("--format %q: name the file after =, or leave =FILE out for standard output", spec)
		}
		if path == "-" {
			path = ""
		}
		if path == "" {
			if stdout != "" {
				return nil, usageErr("--format %s and --format %s both write to standard output; send one to a file with --format NAME=FILE", stdout, name)
			}
			stdout = name
		} else {
			for other := range paths {
				if samePath(other, path) {
					return nil, usageErr("--format %q: another output already writes to %s", spec, path)
				}
			}
			if err := dirExists(path); err != nil {
				return nil, usageErr("--format %s: %v", spec, err)
			}
			paths[path] = true
		}
		outs = append(outs, output{format: name, path: path})
	}
	return outs, nil
}

// checkOutputPaths refuses, before any work, the files a run would write
// wrongly: one reached through a symbolic link inside the working
// directory (a committed exlint.sarif -> elsewhere would have the report
// written elsewhere), one named like a topology file or the configuration
// file, and one that is also the baseline read or written. The files the
// configuration names and --catalog's are checkOutputsNotRead's, once the
// configuration is read.
func checkOutputPaths(outs []output, baseline, writeBaseline string) error {
	for _, o := range outs {
		if o.path == "" {
			continue
		}
		if err := fsutil.NoLinkInside(o.path); err != nil {
			return usageErr("--format %s=%s: %v", o.format, o.path, unwrapPath(err))
		}
		if err := notInputName("--format "+o.format+"="+o.path, o.path); err != nil {
			return err
		}
		for _, b := range []struct{ flag, path string }{{"--baseline", baseline}, {"--write-baseline", writeBaseline}} {
			if b.path != "" && samePath(o.path, b.path) {
				return usageErr("--format %s=%s and %s %s name the same file; write the report elsewhere", o.format, o.path, b.flag, b.path)
			}
		}
	}
	if writeBaseline != "" {
		if err := fsutil.NoLinkInside(writeBaseline); err != nil {
			return usageErr("--write-baseline %s: %v", writeBaseline, unwrapPath(err))
		}
		if err := notInputName("--write-baseline "+writeBaseline, writeBaseline); err != nil {
			return err
		}
	}
	return nil
}

// checkOutputsNotRead refuses the output files that are files the run
// reads (notRead).
func checkOutputsNotRead(outs []output, cfg *config.Config, catalogs []string) error {
	for _, o := range outs {
		if err := notRead("--format "+o.format+"="+o.path, o.path, cfg, catalogs); err != nil {
			return err
		}
	}
	return nil
}

// notRead refuses to write to path (what names it, for the message) when
// it is a file the run reads: the configuration file, the baseline it names
// (the report would replace it, and the next run would stop on a file that
// is no baseline; refreshing it is --write-baseline's), a release file of
// its catalog, or a release file named with --catalog (catalogs). "" and
// "-", standard output, are not files.
func notRead(what, path string, cfg *config.Config, catalogs []string) error {
	if path == "" || path == "-" {
		return nil
	}
	for _, c := range catalogs {
		if samePath(path, c) {
			return usageErr("%s names %s, a release file named with --catalog; write the output elsewhere", what, c)
		}
	}
	if cfg == nil {
		return nil
	}
	if cfg.Path != "" && samePath(path, cfg.Path) {
		return usageErr("%s names the configuration file %s; write the output elsewhere", what, cfg.Path)
	}
	for _, c := range cfg.CatalogPaths() {
		if samePath(path, c) {
			return usageErr("%s names %s, a release file of the configuration's catalog (%s); write the output elsewhere", what, c, cfg.Catalog.Origin())
		}
	}
	b := cfg.BaselinePath()
	if b == "" || !samePath(path, b) {
		return nil
	}
	return usageErr("%s and the baseline %q of the configuration (%s) name the same file; write the output elsewhere, and refresh the baseline with --write-baseline %s",
		what, cfg.Baseline.Value, cfg.Baseline.Origin(), b)
}

// notInputName refuses to write to path (what names it, for the message)
// when its name is one exlint reads files by: a topology file's, which the
// output would replace (--format sarif=org.exchange.hcl) or which the next
// run would read as a topology, or the configuration's (.exlint.hcl), which
// would replace a configuration (report -o sub/.exlint.hcl), or become one
// for every later run from that directory. Letter case is ignored, as a
// case-insensitive file system ignores it ("ORG.EXCHANGE.HCL" is
// org.exchange.hcl there).
func notInputName(what, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	name := strings.ToLower(filepath.Base(path))
	if name == config.FileName {
		return usageErr("%s: the name of exlint's configuration file (%s); exlint writes no output over a configuration, nor where it would be read as one: name another file",
			what, config.FileName)
	}
	if !schema.IsTopologyFile(name) {
		return nil
	}
	return usageErr("%s: the name of a topology file (*%s, *%s); exlint writes no output over a topology, nor where it would be read as one: name another file",
		what, schema.NativeSuffix, schema.JSONSuffix)
}

// samePath reports whether two paths name the same file: the same path once
// made absolute and cleaned, or the same existing file (a hard link, a link
// in a parent directory).
func samePath(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

func known(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// outputSet is every output of a run, open while findings stream in.
type outputSet struct {
	writers []report.Writer
	files   []*fsutil.AtomicFile // the files being written, renamed into place by close
	bufs    []*bufio.Writer
	summary *os.File // $GITHUB_STEP_SUMMARY, for the github format
}

// openOutputs opens a writer for every output. A file output is written
// whole or not at all: it goes to a temporary file renamed into place when
// the run completes, and removed if it does not. draw, when not nil, draws
// a topology's directory for the GitHub step summary.
func openOutputs(outs []output, head *report.Report, stdout io.Writer, useColor bool, getenv env, draw func(dir string) ([]byte, error)) (*outputSet, error) {
	set := &outputSet{}
	if p := getenv("GITHUB_STEP_SUMMARY"); p != "" {
		for _, o := range outs {
			if o.format == "github" {
				f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					return nil, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
				}
				set.summary = f
				break
			}
		}
	}
	for _, o := range outs {
		opt := report.Options{}
		if set.summary != nil {
			opt.StepSummary, opt.Diagram = set.summary, draw
		}
		w := stdout
		if o.path == "" {
			opt.Color = useColor
		} else {
			f, err := fsutil.CreateAtomic(o.path, 0o644)
			if err != nil {
				set.abort()
				return nil, err
			}
			bw := bufio.NewWriter(f)
			set.files, set.bufs = append(set.files, f), append(set.bufs, bw)
			w = bw
		}
		rw, err := report.NewWriter(o.format, w, head, opt)
		if err != nil {
			set.abort()
			return nil, err
		}
		set.writers = append(set.writers, rw)
	}
	return set, nil
}

// encode turns one file's findings into the bytes of each output that can
// encode them ahead (report.Encoder), for write; safe to call from several
// goroutines at once.
func (s *outputSet) encode(name string, fs []lint.Finding, sources map[string]*lint.Excerpt) ([][]byte, error) {
	encoded := make([][]byte, len(s.writers))
	for i, w := range s.writers {
		if e, ok := w.(report.Encoder); ok {
			b, err := e.Encode(name, fs, sources)
			if err != nil {
				return nil, err
			}
			encoded[i] = b
		}
	}
	return encoded, nil
}

// write hands one file's findings to every output: the bytes encode made
// for those that encode ahead, the findings to the others.
func (s *outputSet) write(name string, fs []lint.Finding, sources map[string]*lint.Excerpt, encoded [][]byte) error {
	for i, w := range s.writers {
		var err error
		if e, ok := w.(report.Encoder); ok {
			err = e.WriteEncoded(encoded[i], fs)
		} else {
			err = w.File(name, fs, sources)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// close finishes every output with the run's totals and puts the files in
// place.
func (s *outputSet) close(r *report.Report) error {
	for _, w := range s.writers {
		if err := w.Close(r); err != nil {
			return err
		}
	}
	for i, f := range s.files {
		if err := s.bufs[i].Flush(); err != nil {
			return err
		}
		if err := f.Commit(); err != nil {
			return err
		}
	}
	s.files = nil
	if s.summary != nil {
		err := s.summary.Close()
		s.summary = nil
		return err
	}
	return nil
}

// abort removes the files of a run that did not complete.
func (s *outputSet) abort() {
	for _, f := range s.files {
		f.Abort()
	}
	s.files = nil
	if s.summary != nil {
		s.summary.Close()
		s.summary = nil
	}
}
