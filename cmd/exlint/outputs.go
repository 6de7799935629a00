package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/exlint/exlint/internal/fsutil"
	"github.com/exlint/exlint/lint/report"
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
			if paths[path] {
				return nil, usageErr("--format %q: another output already writes to %s", spec, path)
			}
			paths[path] = true
		}
		outs = append(outs, output{format: name, path: path})
	}
	return outs, nil
}

func known(format string) bool {
	for _, f := range report.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// writeOutputs writes the report to every output. A file is written whole
// or not at all: each goes to a temporary file renamed into place.
func writeOutputs(outs []output, rep *report.Report, stdout io.Writer, useColor bool, getenv env) error {
	var summary io.Writer
	if p := getenv("GITHUB_STEP_SUMMARY"); p != "" {
		for _, o := range outs {
			if o.format == "github" {
				f, err := os.OpenFile(p, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
				if err != nil {
					return fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
				}
				defer f.Close()
				summary = f
				break
			}
		}
	}
	for _, o := range outs {
		opt := report.Options{StepSummary: summary}
		if o.path == "" {
			opt.Color = useColor
			if err := report.Write(o.format, stdout, rep, opt); err != nil {
				return err
			}
			continue
		}
		var b bytes.Buffer
		if err := report.Write(o.format, &b, rep, opt); err != nil {
			return err
		}
		if err := fsutil.WriteFileAtomic(o.path, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
