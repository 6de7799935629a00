package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/escape"
	"github.com/exlint/exlint/internal/progress"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/baseline"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/report"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/rules"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// Exit codes, the same for every command (docs/cli.md).
const (
	exitOK       = 0
	exitFindings = 1
	exitUsage    = 2
	exitInternal = 3
)

// allRules is the rule set; a variable so that tests can add a faulty rule.
var allRules = rules.All

// version is set at build time with -ldflags "-X main.version=v1.2.3"; a
// `go install` build reports its module version instead.
var version = "dev"

// commit is the commit a build is made from, set at build time with
// -ldflags "-X main.commit=<full hash>" where Go cannot record it: the
// GitHub Action pinned to a commit builds from a checkout without .git.
// The commit Go records (vcs.revision) wins over it.
var commit = ""

// exitError carries an exit code out of a command. internal marks a defect
// in exlint (exit 3), which fmt --check's exit 3 is not.
type exitError struct {
	code     int
	err      error
	internal bool
}

func (e *exitError) Error() string { return e.err.Error() }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// internalReport is the short report of a defect in exlint: what failed,
// and where the stack trace went. The trace goes to a file in the temporary
// directory, not to the terminal; if it cannot be written, it is left out.
func internalReport(what string, stack []byte, input string) string {
	msg := what + "\nThis is a bug in exlint; please report it with " + input
	if f, err := os.CreateTemp("", "exlint-crash-*.txt"); err == nil {
		fmt.Fprintf(f, "exlint %s (%s, %s/%s)\n%s\n\n%s", toolVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH, what, stack)
		if f.Close() == nil {
			msg += " and " + f.Name()
		}
	}
	return msg + ".\n"
}

// env reads an environment variable; tests pass their own.
type env func(string) string

// run is the whole program: it parses args, runs the command and returns the
// exit code. A panic anywhere becomes exit code 3 with a short report. A
// failed write to standard output (a full disk, a closed pipe, /dev/full)
// is exit code 2, whatever the command was going to return, unless exlint
// failed itself (3).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) (code int) {
	out := &checkedWriter{w: stdout}
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "exlint: %s", escape.Lines(internalReport(fmt.Sprintf("internal error: %v", v), debug.Stack(), "the input that caused it")))
			code = exitInternal
			return
		}
		if out.err != nil {
			fmt.Fprintf(stderr, "exlint: writing to standard output: %s\n", escape.Text(out.err.Error()))
			code = exitUsage
		}
	}()
	root := newRoot(stdin, out, stderr, getenv)
	root.SetArgs(args)
	root.SetIn(stdin)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.code != exitFindings && !(out.err != nil && !ee.internal) {
			fmt.Fprintf(stderr, "exlint: %s\n", escape.Lines(ee.err.Error()))
		}
		if ee.internal {
			out.err = nil // reported as what it is
		}
		return ee.code
	}
	// A command that returns the error of a failed write to standard
	// output (rules' table) is no usage error: the deferred report says
	// what failed, once, without a usage hint.
	if out.err != nil {
		return exitUsage
	}
	// cobra's own errors: unknown command or flag, wrong argument count.
	fmt.Fprintf(stderr, "exlint: %s\nRun 'exlint --help' for usage.\n", escape.Lines(err.Error()))
	return exitUsage
}

// checkedWriter is standard output: it keeps the first error a write
// returns, and writes nothing more after it, so that run can turn it into
// the exit code whichever command wrote.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	c.err = err
	return n, err
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer, getenv env) *cobra.Command {
	root := &cobra.Command{
		Use:   "exlint",
		Short: "Check Microsoft Exchange topologies against Microsoft's support rules",
		Long: `exlint reads Exchange on-premises and hybrid topologies written in HCL
(*.exchange.hcl, *.exchange.hcl.json) and reports every breach of Microsoft's
support rules, with where, why, how to fix it and Microsoft's source.

Exit codes: 0 no finding at or above --fail-on (planned findings of a plan
aside, unless --fail-on-planned); 1 findings at or above it; 2 usage or
configuration error; 3 internal error.`,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return usageErr("%v", err)
	})
	root.AddCommand(newCheck(stdin, stdout, stderr, getenv), newConfig(stdout, getenv), newFmt(stdin, stdout, stderr, getenv), newExplain(stdout), newRules(stdout), newVersion(stdout))
	root.AddCommand(newGraph(stdout, stderr, getenv), newSchema(stdout, getenv), newCatalog(stdout, getenv))
	root.AddCommand(newPlan(stdout, getenv), newReport(stdout, stderr, getenv))
	root.CompletionOptions.HiddenDefaultCmd = true
	return root
}

type checkFlags struct {
	formats []string
	asOf    string
	color   string
	failOn  string
	config  string
	// failOnPlanned makes planned findings fail (--fail-on-planned).
	failOnPlanned bool
	// baseline and writeBaseline name baseline files (--baseline,
	// --write-baseline).
	baseline, writeBaseline string
	wholeTopology           bool
	maxFileSize             string
	// stdinFilename names the file "-" reads from standard input.
	stdinFilename string
	stdin         io.Reader
	// maxFindingsPerFile and maxFindings cap the findings reported.
	maxFindingsPerFile, maxFindings string
	// catalog names release files to add to the catalogue (--catalog).
	catalog []string
	// noProgress turns the progress line off (--no-progress).
	noProgress bool
	// coverage lists what the rules could not judge (--coverage).
	coverage bool
}

// stdinDefaultName is the name of a topology read from standard input
// without --stdin-filename: a topology on its own.
const stdinDefaultName = "stdin" + schema.NativeSuffix

func newCheck(stdin io.Reader, stdout, stderr io.Writer, getenv env) *cobra.Command {
	f := checkFlags{stdin: stdin}
	cmd := &cobra.Command{
		Use:   "check [PATH...|-]",
		Short: "Check the topologies under each path (default: the current directory)",
		Long: `Check every topology under each PATH. A directory is searched recursively:
every directory holding *.exchange.hcl or *.exchange.hcl.json files is one
topology, its files merged. A file selects the topology of its directory
(rules look across files) and only that file's findings are reported.

"-" reads one topology file from standard input (for editors and scripts):
on its own, named ` + stdinDefaultName + `, or with --stdin-filename FILE
in the place of FILE among the topology files of its directory, reporting
FILE's findings.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			if slices.Contains(args, "-") && len(args) > 1 {
				return usageErr("- (standard input) is one topology file: give it alone, without other paths")
			}
			if f.stdinFilename != "" && args[0] != "-" {
				return usageErr("--stdin-filename names the file read from standard input: give - as the path")
			}
			return runCheck(cmd, stdout, stderr, getenv, f, args)
		},
	}
	cmd.Flags().StringVar(&f.stdinFilename, "stdin-filename", "", "with -, the file standard input stands for: it is checked in that file's place, with the other topology files of its directory (default: a topology on its own named "+stdinDefaultName+")")
	cmd.Flags().StringArrayVar(&f.formats, "format", nil, "output format, repeatable: "+strings.Join(report.Formats, ", ")+
		"; NAME=FILE writes that format to FILE (--format text --format sarif=exlint.sarif) (default text)")
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "evaluate on this date, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVar(&f.color, "color", "auto", "colour the text output: auto, always or never")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above this severity: error, warning or info (default: fail_on of the configuration, else error)")
	cmd.Flags().BoolVar(&f.failOnPlanned, "fail-on-planned", false, failOnPlannedHelp)
	cmd.Flags().BoolVar(&f.wholeTopology, "whole-topology", false, "a file argument reports its directory's whole topology, not only that file's findings (for pre-commit hooks)")
	cmd.Flags().StringVar(&f.baseline, "baseline", "", "report only findings that are not in this baseline file")
	cmd.Flags().StringVar(&f.writeBaseline, "write-baseline", "", "record every current finding in this baseline file, then report as --baseline FILE would")
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file (default: $EXLINT_CONFIG, else .exlint.hcl from the working directory up to the repository root)")
	cmd.Flags().StringVar(&f.maxFileSize, "max-file-size", "", maxFileSizeHelp)
	cmd.Flags().StringVar(&f.maxFindingsPerFile, "max-findings-per-file", "", fmt.Sprintf("report at most this many findings of a file (default: max_findings_per_file of the configuration, else %d); the exit code counts the others", config.DefaultMaxFindingsPerFile))
	cmd.Flags().StringArrayVar(&f.catalog, "catalog", nil, catalogHelp)
	cmd.Flags().BoolVar(&f.noProgress, "no-progress", false, "show no progress line on standard error (it is shown only on a terminal, for a run of several topologies that lasts)")
	cmd.Flags().BoolVar(&f.coverage, "coverage", false, "list what stayed unknown: per rule, the things it could not judge because an attribute is not stated, "+
		"and the attributes that would let it (text: after the findings; json: summary.unknown; sarif: the run's properties)")
	cmd.Flags().StringVar(&f.maxFindings, "max-findings", "", fmt.Sprintf("report at most this many findings in all (default: max_findings of the configuration, else %d); the exit code counts the others", config.DefaultMaxFindings))
	return cmd
}

func runCheck(cmd *cobra.Command, stdout, stderr io.Writer, getenv env, f checkFlags, paths []string) error {
	outs, err := parseOutputs(f.formats)
	if err != nil {
		return err
	}
	if f.baseline != "" && f.writeBaseline != "" && !samePath(f.baseline, f.writeBaseline) {
		return usageErr("--baseline %s and --write-baseline %s: --write-baseline records the findings and then uses that file as the baseline; give one of them", f.baseline, f.writeBaseline)
	}
	if err := checkOutputPaths(outs, f.baseline, f.writeBaseline); err != nil {
		return err
	}
	cfg, err := loadConfig(f.config, getenv)
	if err != nil {
		return err
	}
	if err := checkOutputsNotRead(outs, cfg, f.catalog); err != nil {
		return err
	}
	// base filters the findings; with --write-baseline, it is the file as
	// it is until the run has written it again.
	var base *baseline.Baseline
	switch {
	case f.writeBaseline != "":
		if base, err = readOldBaseline(f.writeBaseline); err != nil {
			return err
		}
	case f.baseline != "":
		if base, err = baseline.Read(f.baseline); err != nil {
			return usageErr("--baseline %s: %v", f.baseline, unwrapPath(err))
		}
	case cfg.Baseline.Set:
		if base, err = configBaseline(cfg); err != nil {
			return err
		}
	}
	if err := maxFileSizeFlag(cmd, cfg, f.maxFileSize); err != nil {
		return err
	}
	if err := findingLimitFlags(cmd, cfg, f.maxFindingsPerFile, f.maxFindings); err != nil {
		return err
	}
	asOf, failOn, err := settings(cmd, cfg, f.asOf, f.failOn)
	if err != nil {
		return err
	}
	catalogFlag(cmd, cfg, f.catalog)
	cat, _, err := loadCatalog(cfg)
	if err != nil {
		return err
	}
	failOnPlanned := failOnPlannedFlag(cmd, cfg, f.failOnPlanned)
	useColor, err := colorEnabled(f.color, stdout, getenv)
	if err != nil {
		return err
	}
	// The progress line is on standard error; what the run prints on that
	// terminal clears it first, so that nothing lands after it.
	line := progressLine(f.noProgress, stderr, getenv)
	defer line.End()
	if isTerminal(stdout) {
		stdout = line.Writer(stdout)
	}
	stderr = line.Writer(stderr)
	head := &report.Report{AsOf: asOf.String(), Rules: allRuleInfos(),
		Tool: report.Tool{Name: "exlint", Version: toolVersion(), InformationURI: "https://github.com/exlint/exlint"}}
	if wd, err := os.Getwd(); err == nil {
		head.BaseDir = wd
	}
	// The GitHub step summary draws the topologies with the most findings
	// as exlint graph --format mermaid does; not a topology read from
	// standard input, which is not on disk to draw.
	var draw func(string) ([]byte, error)
	if paths[0] != "-" {
		d := drawing{write: graph.WriteMermaid, cfg: cfg, cat: cat, asOf: asOf}
		draw = func(dir string) ([]byte, error) { return d.draw(dir, nil) }
	}
	// The outputs are opened before the topologies are read, so that an
	// output that cannot be written stops the run before the work.
	set, err := openOutputs(outs, head, stdout, useColor, getenv, draw)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("writing the report: %w", err)}
	}
	defer set.abort()
	filter := base.NewFilter()
	failed := false
	perFile, perRun := cfg.FindingLimits()
	capped := &runner.Cap{PerFile: perFile, PerRun: perRun}
	// What stayed unknown (--coverage) is capped like findings and listed
	// at the end, grouped by rule.
	unknownCap := &runner.UnknownCap{PerFile: perFile, PerRun: perRun}
	var unknowns []lint.Unknown
	// A file's findings are matched against the baseline and encoded for
	// the outputs on the worker that checked them (prepare), then capped and
	// written in order here (emit), file by file as topologies are checked;
	// only --write-baseline, which must see them all first, keeps them. The
	// caps apply to what the baseline leaves: the worker encodes at most a
	// file's cap, and the writer encodes again only when the run's cap cuts
	// a file shorter.
	prepare := func(ff runner.FileFindings) any {
		p := &preparedFile{}
		p.kept, p.used = filter.Match(ff.Findings)
		p.encodedFor = p.kept
		if perFile > 0 && len(p.encodedFor) > perFile {
			p.encodedFor = p.encodedFor[:perFile:perFile]
		}
		p.encoded, p.err = set.encode(ff.Name, p.encodedFor, ff.Sources)
		return p
	}
	emit := func(ff runner.FileFindings) error {
		p, ok := ff.Prepared.(*preparedFile)
		if !ok {
			p = prepare(ff).(*preparedFile)
		}
		if p.err != nil {
			return &writeError{p.err}
		}
		filter.Commit(p.used)
		unknowns = append(unknowns, unknownCap.Keep(ff.Unknowns)...)
		kept := capped.Keep(ff.Name, p.kept)
		if len(kept) != len(p.encodedFor) {
			if p.encoded, p.err = set.encode(ff.Name, kept, ff.Sources); p.err != nil {
				return &writeError{p.err}
			}
		}
		failed = failed || lint.Count(kept).Fail(failOn, failOnPlanned)
		if err := set.write(ff.Name, kept, ff.Sources, p.encoded); err != nil {
			return &writeError{err}
		}
		return nil
	}
	opts := runner.Options{Rules: allRules(), Catalog: cat, AsOf: asOf, Limits: cfg.Limits(), Config: cfg,
		WholeTopologies: f.wholeTopology, Coverage: f.coverage}
	if line != nil {
		opts.Progress = line.Update
	}
	if paths[0] == "-" {
		if opts.Stdin, err = readStdin(f, cfg.Limits().MaxFileSize); err != nil {
			return err
		}
		opts.StdinAlone = f.stdinFilename == ""
	}
	var res *runner.Result
	if f.writeBaseline == "" {
		opts.Prepare = prepare
		res, err = runner.Stream(paths, opts, emit)
	} else {
		var held []runner.FileFindings
		var all []lint.Finding
		res, err = runner.Stream(paths, opts, func(ff runner.FileFindings) error {
			held = append(held, ff)
			all = append(all, ff.Findings...)
			return nil
		})
		if err == nil {
			if base, err = writeBaseline(stderr, f.writeBaseline, base, all, res, coveredBy(res, paths)); err != nil {
				return err
			}
			filter = base.NewFilter()
			for _, ff := range held {
				if err = emit(ff); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		var ie *lint.InternalError
		var we *writeError
		switch {
		case errors.As(err, &ie):
			return &exitError{code: exitInternal, internal: true, err: errors.New(strings.TrimSuffix(internalReport(ie.Error(), ie.Stack, "the topology that caused it"), "\n"))}
		case errors.As(err, &we):
			return &exitError{code: exitUsage, err: fmt.Errorf("writing the report: %w", we.err)}
		}
		return &exitError{code: exitUsage, err: err}
	}
	rep := *head
	rep.Baselined, rep.BaselineStale = filter.Baselined, filter.StaleIn(coveredBy(res, paths))
	rep.Topologies, rep.Files, rep.Checked, rep.Unchecked, rep.Skipped, rep.Suppressed = res.Topologies, res.Files, res.Checked, res.Unchecked, res.Skipped, res.Suppressed
	if opts.StdinAlone && len(res.Unchecked) > 0 {
		// Standard input on its own is a topology of one file, named by it
		// rather than by the directory its name falls in.
		rep.Unchecked = []string{opts.Stdin.Name}
	}
	rep.MaxFindingsPerFile, rep.MaxFindings = perFile, perRun
	for _, l := range capped.Files {
		rep.LeftOut = append(rep.LeftOut, report.LeftOut{File: l.File, Count: l.Count})
	}
	lint.ByRule(unknowns)
	rep.Coverage, rep.Unknowns, rep.UnknownsLeftOut = f.coverage, unknowns, unknownCap.LeftOut
	if err := set.close(&rep); err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("writing the report: %w", err)}
	}
	// The text format says it among its notes; the others do not all have
	// a place for it.
	if note := rep.LeftOutNote(); note != "" && !hasText(outs) {
		fmt.Fprintf(stderr, "exlint: note: %s\n", note)
	}
	// The formats without a place for what stayed unknown leave it to
	// standard error.
	if f.coverage && !hasFormat(outs, "text", "json", "sarif") {
		report.Coverage(stderr, &rep, report.TextOptions{})
	}
	if failed || capped.LeftOut.Fail(failOn, failOnPlanned) {
		return &exitError{code: exitFindings}
	}
	return nil
}

func hasText(outs []output) bool { return hasFormat(outs, "text") }

// hasFormat reports whether one of outs is in one of formats.
func hasFormat(outs []output, formats ...string) bool {
	for _, o := range outs {
		if slices.Contains(formats, o.format) {
			return true
		}
	}
	return false
}

// readStdin reads the topology file "-" stands for, up to one byte more
// than the largest file exlint reads (a larger one is a syntax finding, as
// on disk).
func readStdin(f checkFlags, limit int64) (*schema.File, error) {
	name := stdinDefaultName
	if f.stdinFilename != "" {
		name = filepath.Clean(f.stdinFilename)
		if !schema.IsTopologyFile(name) {
			return nil, usageErr("--stdin-filename %s: %v", f.stdinFilename, schema.ErrNotTopology)
		}
	}
	src, err := io.ReadAll(io.LimitReader(f.stdin, limit+1))
	if err != nil {
		return nil, usageErr("reading standard input: %v", err)
	}
	return &schema.File{Name: name, Src: src, JSON: strings.HasSuffix(name, schema.JSONSuffix), Stdin: true}, nil
}

// preparedFile is a file's findings made ready to write on the worker that
// checked them: those the baseline does not hide, the baseline entries
// that hid the others, and their bytes for each output that encodes ahead.
type preparedFile struct {
	kept    []lint.Finding
	used    []string
	encoded [][]byte
	// encodedFor are the findings encoded holds: kept, or its first ones
	// when the file's cap cuts it.
	encodedFor []lint.Finding
	err        error
}

// writeError is a failure to write an output while findings stream out.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }

// colorEnabled decides whether text output is coloured. auto colours only a
// terminal, and never when NO_COLOR is set (to anything) or TERM is dumb.
func colorEnabled(mode string, out io.Writer, getenv env) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return terminalFeatures(getenv) && isTerminal(out), nil
	}
	return false, usageErr("--color %q: use auto, always or never", mode)
}

// terminalFeatures reports whether the environment leaves exlint's terminal
// features (colour, the progress line) on: not when NO_COLOR is set (to
// anything), nor when TERM is dumb.
func terminalFeatures(getenv env) bool {
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// terminal is a writer that says whether it is a terminal; a test's fake
// terminal does.
type terminal interface{ IsTerminal() bool }

// isTerminal reports whether w (standard output or error) is a terminal.
func isTerminal(w io.Writer) bool {
	if cw, ok := w.(*checkedWriter); ok {
		w = cw.w
	}
	switch t := w.(type) {
	case terminal:
		return t.IsTerminal()
	case *os.File:
		return term.IsTerminal(int(t.Fd()))
	}
	return false
}

// clock is the progress line's; tests set a fake one.
var clock progress.Clock = progress.System

// progressLine returns the progress line of a check, on standard error,
// or nil when there is none: with --no-progress, when standard error is
// not a terminal (a CI log, a file, a pipe), and where colour is off by the
// environment (NO_COLOR, TERM=dumb).
func progressLine(off bool, stderr io.Writer, getenv env) *progress.Line {
	if off || !terminalFeatures(getenv) || !isTerminal(stderr) {
		return nil
	}
	return progress.New(stderr, clock)
}

// ruleInfos describes every rule: the topology rules, then the structural
// ones.
func ruleInfos() []lint.RuleInfo {
	var out []lint.RuleInfo
	for _, r := range allRules() {
		out = append(out, r.Info())
	}
	return append(out, lint.StructuralRules()...)
}

func newRules(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its default severity and summary",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tSUMMARY")
			for _, r := range allRules() {
				info := r.Info()
				fmt.Fprintf(tw, "%s\t%s\t%s\n", info.ID, info.Severity, info.Summary)
			}
			for _, info := range lint.MetaRules() {
				fmt.Fprintf(tw, "%s\t%s\t%s (cannot itself be suppressed inline)\n", info.ID, info.Severity, info.Summary)
			}
			for _, info := range lint.StructuralRules() {
				fmt.Fprintf(tw, "%s\t%s\t%s (structural: cannot be suppressed)\n", info.ID, info.Severity, info.Summary)
			}
			return tw.Flush()
		},
	}
}

func newVersion(stdout io.Writer) *cobra.Command {
	var asOf string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print exlint's version (or the commit it was built from) and the age of its Exchange catalogue",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// The configuration is not read: version answers whatever the
			// configuration holds.
			on := catalog.DateOf(time.Now())
			if asOf != "" {
				d, err := catalog.ParseDate(asOf)
				if err != nil || d.MonthOnly() {
					return usageErr("--as-of %q: %s", asOf, config.DateProblem(asOf))
				}
				on = d
			}
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintf(stdout, "exlint %s\n", describeBuild(version, commit, bi))
			fmt.Fprint(stdout, catalogueLine(catalog.Default(), on))
			return nil
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "give the catalogue's age on this date, YYYY-MM-DD (default: today)")
	return cmd
}

// catalogueLine says how far the embedded catalogue reaches and how old
// that is on a date, with how to bring it up to date once it is stale.
func catalogueLine(c *catalog.Catalog, on catalog.Date) string {
	line := fmt.Sprintf("catalogue: Exchange releases up to %s, %s (exlint catalog lists them)\n", c.Horizon(), horizonAge(c.Horizon(), on))
	if c.Stale(on) {
		line += fmt.Sprintf("more than %d days: add Microsoft's ExchangeBuildNumbers.csv with --catalog (%s), or update exlint\n", catalog.StaleDays, gebnURL)
	}
	return line
}

// describeBuild says which exlint this is: the version (set at build
// time, else the module version a `go install ...@version` records, else
// "dev"), the commit of a build from a clone (the VCS revision Go records,
// and whether the tree had changes) or else the commit set at build time
// (ldflagCommit, when it is a commit hash), then Go's version and the
// platform:
//
//	v1.2.0 (commit 3f2c1a9d8e7b; go1.26.8, linux/amd64)
//	v0.0.0-20261206092900-3f2c1a9d8e7b+dirty (go1.26.8, linux/amd64)
//	dev (commit 3f2c1a9d8e7b; go1.26.8, linux/amd64)
//	dev (go1.26.8, linux/amd64)
func describeBuild(ldflagVersion, ldflagCommit string, bi *debug.BuildInfo) string {
	v := ldflagVersion
	if bi != nil && v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	commit, modified := buildCommit(ldflagCommit, bi)
	platform := fmt.Sprintf("%s, %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	// A pseudo-version (v0.0.0-20261206092900-3f2c1a9d8e7b+dirty) names
	// the commit and the changes already.
	if commit == "" || strings.Contains(v, commit) {
		return fmt.Sprintf("%s (%s)", v, platform)
	}
	if modified {
		commit += ", modified"
	}
	return fmt.Sprintf("%s (commit %s; %s)", v, commit, platform)
}

// buildCommit is the commit a build is made from, its first 12 digits:
// the VCS revision Go records (and whether the tree had changes), or else
// the commit set at build time (ldflagCommit, when it is a commit hash), or
// "".
func buildCommit(ldflagCommit string, bi *debug.BuildInfo) (commit string, modified bool) {
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if commit == "" && isCommitHash(ldflagCommit) {
		commit = ldflagCommit
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	return commit, modified
}

// toolVersion names this exlint in what it writes for others to read (the
// SARIF log's tool, a design review's footer, a crash report): the version,
// and for a build without one ("dev") the commit it was made from, so that a
// build pinned to a commit says which: "dev (commit 3f2c1a9d8e7b)".
func toolVersion() string {
	v := buildVersion()
	if v != "dev" {
		return v
	}
	bi, _ := debug.ReadBuildInfo()
	if c, modified := buildCommit(commit, bi); c != "" {
		if modified {
			c += ", modified"
		}
		return fmt.Sprintf("%s (commit %s)", v, c)
	}
	return v
}

// isCommitHash reports whether s is a full git commit hash, SHA-1 or
// SHA-256, in lower-case hexadecimal.
func isCommitHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func buildVersion() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// configBaseline reads the baseline the configuration names (baseline =
// "FILE"), or returns nil when it names none.
func configBaseline(cfg *config.Config) (*baseline.Baseline, error) {
	if !cfg.Baseline.Set {
		return nil, nil
	}
	p := cfg.BaselinePath()
	src, err := cfg.ReadFile(p, baseline.MaxSize)
	if err != nil {
		var out *config.OutsideError
		switch {
		case errors.As(err, &out):
			return nil, usageErr("baseline %q (%s): %v; name it with --baseline to use it", cfg.Baseline.Value, cfg.Baseline.Origin(), err)
		case errors.Is(err, fs.ErrNotExist):
			return nil, usageErr("baseline %q (%s): %s: %v; write it with exlint check --write-baseline %s", cfg.Baseline.Value, cfg.Baseline.Origin(), p, unwrapPath(err), p)
		}
		return nil, usageErr("baseline %q (%s): %s: %v", cfg.Baseline.Value, cfg.Baseline.Origin(), p, unwrapPath(err))
	}
	base, err := baseline.Decode(p, src)
	if err != nil {
		return nil, usageErr("baseline %q (%s): %v", cfg.Baseline.Value, cfg.Baseline.Origin(), err)
	}
	return base, nil
}
