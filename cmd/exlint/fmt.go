package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/format"
	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/schema"
)

// Exit codes of exlint fmt, as terraform fmt's: 0 done or nothing to do;
// 2 errors (a file that does not parse, cannot be read or written, a bad
// flag); 3 --check found files to format.
const exitFmtCheck = 3

type fmtFlags struct {
	check, diff, write  bool
	config, maxFileSize string
}

func newFmt(stdin io.Reader, stdout, stderr io.Writer, getenv env) *cobra.Command {
	var f fmtFlags
	cmd := &cobra.Command{
		Use:   "fmt [PATH...]",
		Short: "Rewrite topology files in the canonical layout",
		Long: `Rewrite *.exchange.hcl files in the canonical layout: indentation, spacing,
aligned equals signs, one final newline. Comments are kept. A file that does
not parse is not touched: its syntax error is printed and the exit code is 2.
Directories are searched recursively (default: the current directory); JSON
topology files are left as they are. "-" formats standard input to standard
output. The names of the files that change are printed.

Exit codes: 0 done (or nothing to change); 2 errors; 3 --check found files
to format.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			return runFmt(cmd, stdin, stdout, stderr, getenv, f, args)
		},
	}
	cmd.Flags().BoolVar(&f.check, "check", false, "change no file; list those that need formatting and exit 3 if any does")
	cmd.Flags().BoolVar(&f.diff, "diff", false, "print a unified diff of each change")
	cmd.Flags().BoolVar(&f.write, "write", true, "rewrite the files (--write=false only lists them; --check implies it)")
	cmd.Flags().StringVar(&f.maxFileSize, "max-file-size", "", maxFileSizeHelp)
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file, for its exclude patterns (default: $EXLINT_CONFIG, else .exlint.hcl from the working directory up to the repository root)")
	return cmd
}

func runFmt(cmd *cobra.Command, stdin io.Reader, stdout, stderr io.Writer, getenv env, f fmtFlags, paths []string) error {
	cfg, err := loadConfig(f.config, getenv)
	if err != nil {
		return err
	}
	if err := maxFileSizeFlag(cmd, cfg, f.maxFileSize); err != nil {
		return err
	}
	for _, p := range paths {
		if p == "-" {
			if len(paths) > 1 {
				return usageErr("fmt: \"-\" (standard input) cannot be combined with other paths")
			}
			return fmtStdin(stdin, stdout, stderr, f, cfg.Limits())
		}
	}
	res, err := format.Paths(paths, format.Options{Write: f.write && !f.check, Diff: f.diff, Limits: cfg.Limits(),
		Exclude: func(p string) string { return excludedBy(cfg, p) }})
	if err != nil {
		var pe *schema.PathError
		if errors.As(err, &pe) {
			return usageErr("%v", err)
		}
		return usageErr("%v", err)
	}
	// Names and diff lines come from the files: escaped for the terminal,
	// and never a line a CI runner would read as a command.
	for i, p := range res.Changed {
		fmt.Fprintln(stdout, escape.Name(p))
		if f.diff {
			io.WriteString(stdout, escape.Lines(res.Diffs[i]))
		}
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(stderr, "%s: note: not formatted: %s\n", escape.Name(s.Path), escape.Text(s.Reason))
	}
	failed := len(res.Problems) + len(res.Errors)
	writeProblems(stderr, res.Problems, res.Sources)
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "exlint: %s\n", escape.Lines(e.Error()))
	}
	if failed > 0 {
		return &exitError{code: exitUsage, err: fmt.Errorf("fmt: %d file(s) not formatted because of the errors above", len(res.Problems)+len(res.Errors))}
	}
	if f.check && len(res.Changed) > 0 {
		return &exitError{code: exitFmtCheck, err: fmt.Errorf("fmt --check: %d file(s) need formatting; run exlint fmt", len(res.Changed))}
	}
	return nil
}

// writeProblems prints the problems that stopped files from being
// formatted as exlint check prints findings: file:line:col: error: message
// [syntax], then the line with a ^~~~ marker.
func writeProblems(w io.Writer, probs []schema.Problem, sources map[string][]byte) {
	var fs []lint.Finding
	for _, p := range probs {
		fs = append(fs, lint.Finding{Rule: string(p.Kind), Severity: lint.Error, Message: p.Message, Range: p.Range})
	}
	lint.BoundText(fs)
	rep := &report.Report{Findings: fs, Sources: map[string]*lint.Excerpt{}}
	for name, src := range sources {
		rep.Sources[name] = lint.ExcerptOf(src)
	}
	report.TextFindings(w, rep, report.TextOptions{})
}

func fmtStdin(stdin io.Reader, stdout, stderr io.Writer, f fmtFlags, lim schema.Limits) error {
	src, err := io.ReadAll(io.LimitReader(stdin, lim.MaxFileSize+1))
	if err != nil {
		return usageErr("reading standard input: %v", err)
	}
	out, probs := format.Source("<stdin>", src, lim)
	if len(probs) > 0 {
		writeProblems(stderr, probs, map[string][]byte{"<stdin>": src})
		return &exitError{code: exitUsage, err: errors.New("fmt: standard input not formatted because of the errors above")}
	}
	changed := string(out) != string(src)
	switch {
	case f.diff:
		if changed {
			io.WriteString(stdout, escape.Lines(format.Diff("<stdin>", src, out)))
		}
	case !f.check:
		stdout.Write(out)
	}
	if f.check && changed {
		return &exitError{code: exitFmtCheck, err: errors.New("fmt --check: standard input needs formatting")}
	}
	return nil
}
