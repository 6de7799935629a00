package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/internal/words"
	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/config"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

type graphFlags struct {
	format, out, state, asOf, config string
	expand                           bool
	catalog                          []string
}

func newGraph(stdout, stderr io.Writer, getenv env) *cobra.Command {
	var f graphFlags
	cmd := &cobra.Command{
		Use:   "graph [PATH]",
		Short: "Draw a topology as a diagram (Graphviz DOT or Mermaid), coloured by its findings",
		Long: `Draw the topology of PATH (a directory; default: the current one) as a diagram:
sites holding their domain controllers and Exchange servers, DAGs, Edge
servers in the perimeter, namespaces and certificates, Exchange Online with
the hybrid configuration, and the paths mail takes. Each thing is coloured by
the worst finding exlint check reports on it, with a legend. Alike servers of
a site are drawn as one node with a count unless --expand is given.

For a plan, --state NAME draws the state after that stage (default: the
current state), coloured by that state's findings on the later of the
stage's date and --as-of.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			return runGraph(cmd, stdout, stderr, getenv, f, path)
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "dot", "the diagram language: dot (Graphviz) or mermaid")
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&f.state, "state", "", `the state of a plan to draw: "current" or a stage's name (default current)`)
	cmd.Flags().BoolVar(&f.expand, "expand", false, "draw every server on its own, without grouping alike ones")
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "colour by the findings on this date, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file, as for check")
	cmd.Flags().StringArrayVar(&f.catalog, "catalog", nil, catalogHelp)
	return cmd
}

func runGraph(cmd *cobra.Command, stdout, stderr io.Writer, getenv env, f graphFlags, path string) error {
	write := graph.WriteDOT
	switch f.format {
	case "dot":
	case "mermaid":
		write = graph.WriteMermaid
	default:
		return usageErr("--format %q: use dot or mermaid", f.format)
	}
	if err := checkResultPath(f.out); err != nil {
		return err
	}
	cfg, err := loadConfig(f.config, getenv)
	if err != nil {
		return err
	}
	if err := notRead("-o "+f.out, f.out, cfg, f.catalog); err != nil {
		return err
	}
	asOf, _, err := settings(cmd, cfg, f.asOf, "")
	if err != nil {
		return err
	}
	catalogFlag(cmd, cfg, f.catalog)
	cat, _, err := loadCatalog(cfg)
	if err != nil {
		return err
	}
	d := drawing{write: write, cfg: cfg, cat: cat, asOf: asOf, state: f.state, expand: f.expand}
	out, err := d.draw(path, stderr)
	if err != nil {
		return err
	}
	return writeResult(stdout, f.out, out)
}

// drawing is what a diagram depends on besides the topology: exlint graph
// and the step summary of exlint check draw with it, so that the same
// topology, configuration and date give the same diagram.
type drawing struct {
	write  func(io.Writer, *graph.Diagram) error
	cfg    *config.Config
	cat    *catalog.Catalog
	asOf   catalog.Date
	state  string // a plan's state to draw; "" is the current one
	expand bool
}

// draw reads the topology of path and returns its diagram, coloured by
// the findings of the state drawn. What a reader should know about the
// picture (a state whose rules did not run, structural errors) goes to
// notes, which may be nil.
func (d drawing) draw(path string, notes io.Writer) ([]byte, error) {
	dir, files, err := readTopology(path, d.cfg, "exlint graph draws one topology")
	if err != nil {
		return nil, err
	}
	plan, probs := schema.DecodePlan(dir, files, d.cfg.Limits())
	state, err := pickState(plan, d.state)
	if err != nil {
		return nil, err
	}
	diagram, err := d.diagram(dir, files, plan, probs, state, notes)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := d.write(&buf, diagram); err != nil {
		return nil, internalErr(err)
	}
	return buf.Bytes(), nil
}

// diagram draws a state of a plan read from dir, coloured by its findings;
// a state the rules did not run on (lint.RulesRun, as exlint plan says it)
// is drawn as not checked. notes are as for draw.
func (d drawing) diagram(dir string, files []*schema.File, plan *schema.Plan, probs []schema.Problem, state *schema.State, notes io.Writer) (*graph.Diagram, error) {
	opts := runner.Options{Rules: allRules(), Catalog: d.cat, AsOf: d.asOf, Limits: d.cfg.Limits(), Config: d.cfg}
	findings, err := runner.CheckState(plan, state, probs, files, opts)
	if notes == nil {
		notes = io.Discard
	}
	if why := lint.WhyNotChecked(state, probs); why != "" && why != lint.NotCheckedStructural {
		fmt.Fprintf(notes, "exlint: state %q: %s, so its rules do not run; the diagram draws it as not checked\n", state.Name, why)
	}
	if err != nil {
		return nil, internalErr(err)
	}
	if len(probs) > 0 {
		fmt.Fprintf(notes, "exlint: %q has %d structural error(s), so the rules do not run; it is drawn as not checked, as far as it could be read; exlint check shows them\n",
			dir, len(probs))
	}
	return graph.Build(state.Topology, findings, graph.Options{Title: graphTitle(plan, state, d.asOf), Expand: d.expand,
		NotChecked: lint.WhyNotChecked(state, probs)}), nil
}

// readTopology reads the topology files of the directory path names (or of
// the directory of the topology file it names), but those the configuration
// excludes. A path the configuration excludes is a usage error that names
// the pattern, as is a directory whose topology files it all excludes. A
// directory without topology files of its own is a usage error that lists
// the topologies below it, if any, after one (what the command does with
// one topology).
func readTopology(path string, cfg *config.Config, one string) (string, []*schema.File, error) {
	lim := cfg.Limits()
	info, err := os.Lstat(path)
	if err != nil {
		return "", nil, usageErr("%s: %v", path, unwrapPath(err))
	}
	namedLink := ""
	if info.Mode()&fs.ModeSymlink != 0 {
		// A link named on the command line is the user's explicit choice and
		// is followed, as exlint check follows it: to a directory (read as
		// that directory, under the link's name) or to a topology file (read
		// with the files beside the link). A link that leads nowhere (a
		// loop, a missing target) says so, rather than what a link is not.
		linked, err := os.Stat(path)
		if err != nil {
			return "", nil, usageErr("%s: %v", path, unwrapPath(err))
		}
		if !linked.IsDir() {
			namedLink = filepath.Clean(path)
		}
		info = linked
	}
	if why := excludedBy(cfg, path); why != "" {
		return "", nil, usageErr("%s: not read: %s", path, why)
	}
	dir := path
	if !info.IsDir() {
		if !schema.IsTopologyFile(path) {
			return "", nil, usageErr("%s: %v", path, schema.ErrNotTopology)
		}
		dir = filepath.Dir(path)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", nil, usageErr("%s: %v", dir, unwrapPath(err))
	}
	var names []string
	excluded := ""
	for _, e := range entries {
		// Links and special files are not read, as exlint check does not
		// (but the link named), nor files the configuration excludes.
		name := filepath.Join(dir, e.Name())
		if !schema.IsTopologyFile(e.Name()) || !e.Type().IsRegular() && name != namedLink {
			continue
		}
		if why := excludedBy(cfg, name); why != "" {
			if excluded == "" {
				excluded = why
			}
			continue
		}
		names = append(names, name)
	}
	if len(names) == 0 && excluded != "" {
		return "", nil, usageErr("%s: its topology files are not read: %s", dir, excluded)
	}
	if len(names) == 0 {
		return "", nil, noTopologyErr(dir, one, cfg)
	}
	files, err := schema.ReadFiles(names, lim.MaxFileSize)
	if err != nil {
		var pe *schema.PathError
		if errors.As(err, &pe) {
			return "", nil, usageErr("%v", pe)
		}
		return "", nil, usageErr("%v", err)
	}
	return dir, files, nil
}

// excludedBy says why the configuration excludes path, as exlint check
// says it (excluded by "PATTERN" (.exlint.hcl:2:1)), or "".
func excludedBy(cfg *config.Config, path string) string {
	if pat := cfg.Excluded(path); pat != "" {
		return fmt.Sprintf("excluded by %q (%s)", pat, cfg.Exclude.Origin())
	}
	return ""
}

// noTopologyErr says that dir holds no topology files, and names the
// topologies below it that the configuration does not exclude: exlint
// graph and exlint plan take one at a time.
func noTopologyErr(dir, one string, cfg *config.Config) error {
	var below []string
	skipped := ""
	if d, err := schema.DiscoverWith([]string{dir}, func(p string) string { return excludedBy(cfg, p) }); err == nil {
		if len(d.Targets) == 0 {
			skipped = schema.SkippedNote(d.Skipped)
		}
		for _, t := range d.Targets {
			// Quoted: a directory's name may hold anything, a terminal's
			// escape sequences too.
			below = append(below, strconv.Quote(t.Dir))
		}
	}
	msg := fmt.Sprintf("%s holds no topology files (the names end in %s or %s)", dir, schema.NativeSuffix, schema.JSONSuffix)
	if len(below) > 0 {
		shown := below
		if len(shown) > 5 {
			shown = append(shown[:5:5], fmt.Sprintf("and %d more", len(below)-5))
		}
		msg += fmt.Sprintf("; %s, and these are below it: %s", one, strings.Join(shown, ", "))
	}
	msg += skipped
	return &exitError{code: exitUsage, err: errors.New(msg)}
}

// pickState returns the state of the plan named name ("" is the current
// state); an unknown name is a usage error listing the states.
func pickState(plan *schema.Plan, name string) (*schema.State, error) {
	if name == "" {
		return plan.States[0], nil
	}
	var names []string
	for _, s := range plan.States {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	var msg string
	if p := stageProblem(plan, name); p != nil {
		// A stage that is not applied (no date, a duplicate name...) is no
		// state; plan-structure says why.
		msg = fmt.Sprintf("--state %q: stage %q is not applied, so it is no state: %s (%s:%d:%d).", name, name,
			strings.TrimSuffix(p.Message, "."), p.Range.Filename, p.Range.Start.Line, p.Range.Start.Column)
	} else if sug := schema.Suggest(name, names); sug != "" {
		msg = fmt.Sprintf("--state %q: the topology has no such state; did you mean %q?", name, sug)
	} else {
		msg = fmt.Sprintf("--state %q: the topology has no such state.", name)
	}
	if len(names) == 1 {
		msg += ` It has no stages: its one state is "current"`
	} else {
		msg += " Its states: " + strings.Join(names, ", ")
	}
	return nil, &exitError{code: exitUsage, err: errors.New(msg)}
}

// stageProblem returns the first problem of the plan's stage name, or nil.
func stageProblem(plan *schema.Plan, name string) *schema.PlanProblem {
	for i := range plan.Problems {
		if plan.Problems[i].State == name {
			return &plan.Problems[i]
		}
	}
	return nil
}

// graphTitle names what the diagram shows: the organization, the state of a
// plan and its date, and the date findings are evaluated on. It fits the line a diagram draws (graphTitleWidth characters): a plan's
// state is named in full, with its date, its place and the date it is judged
// on, and the organization, which its own box names, is left out; a name too
// long is clipped, never the dates.
func graphTitle(plan *schema.Plan, state *schema.State, asOf catalog.Date) string {
	tail := ", as of " + runner.StateAsOf(state, asOf).String()
	if len(plan.States) <= 1 {
		name := "Topology"
		if o := state.Topology.Organization; o != nil {
			name = o.Name()
		}
		return clipTo(name, graphTitleWidth-utf8.RuneCountInString(tail)) + tail
	}
	place := fmt.Sprintf(", %d of %d", stateIndex(plan, state)+1, len(plan.States))
	if state.Stage != nil {
		place = " (" + state.Date.String() + ")" + place
	}
	const head = "state "
	room := graphTitleWidth - utf8.RuneCountInString(head+place+tail)
	return head + clipTo(state.Name, room) + place + tail
}

// clipTo keeps s within n characters, the ellipsis included.
func clipTo(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return words.ClipEnd(s, max(n-1, 1))
}

// graphTitleWidth is the longest title: the characters of a diagram's line.
const graphTitleWidth = 60

func stateIndex(plan *schema.Plan, state *schema.State) int {
	for i, s := range plan.States {
		if s == state {
			return i
		}
	}
	return 0
}

// internalErr is an exit code 3 for an error that is a defect in exlint.
func internalErr(err error) error {
	var ie *lint.InternalError
	if errors.As(err, &ie) {
		return &exitError{code: exitInternal, err: errors.New(strings.TrimSuffix(internalReport(ie.Error(), ie.Stack, "the topology that caused it"), "\n"))}
	}
	return &exitError{code: exitInternal, err: err}
}
