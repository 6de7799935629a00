package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/review"
	"github.com/exlint/exlint/schema"
)

type reportFlags struct {
	verdictFlags
	format string
	expand bool
}

func newReport(stdout, stderr io.Writer, getenv env) *cobra.Command {
	var f reportFlags
	cmd := &cobra.Command{
		Use:   "report [PATH] -o FILE",
		Short: "Write a design review of a topology or plan (HTML or Markdown) for a change board",
		Long: `Write a design review of the topology (or plan) in PATH (a directory; default:
the current one, or one of its files): the organization at a glance, the
lifecycle of the Exchange and Windows Server versions it runs on a timeline,
the diagram, the findings of exlint check by severity and area with their
fixes and rule pages, and for a plan its states and a chart of its servers'
lives.

--format html (the default, or with -o FILE.html) writes one file that needs
nothing else: inline style, the pictures as inline SVG, no script, no
request. --format markdown (the default with -o FILE.md) writes the same for
a pull request or a wiki, with the diagram and the chart as Mermaid.

Exit codes: 0 written (the verdict is in the review); 2 usage or
configuration error, or a file that cannot be written.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			return runReport(cmd, stdout, stderr, getenv, f, path)
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "", "html or markdown (default: markdown when -o ends in .md, else html)")
	cmd.Flags().BoolVar(&f.expand, "expand", false, "draw every server on its own in the diagram, without grouping alike ones")
	f.register(cmd, "the verdict")
	return cmd
}

func runReport(cmd *cobra.Command, stdout, stderr io.Writer, getenv env, f reportFlags, path string) error {
	format := f.format
	if format == "" {
		format = "html"
		if strings.EqualFold(filepath.Ext(f.out), ".md") {
			format = "markdown"
		}
	}
	if format != "html" && format != "markdown" {
		return usageErr("--format %q: use html or markdown", f.format)
	}
	if err := checkResultPath(f.out); err != nil {
		return err
	}
	c, err := checkTopology(cmd, getenv, f.verdictFlags, path, "exlint report reviews one topology", true)
	if err != nil {
		return err
	}
	cfg, cat, asOf, dir, files, plan, probs := c.cfg, c.cat, c.asOf, c.dir, c.files, c.plan, c.probs
	// The current state, and a plan's target: its last state.
	d := drawing{cfg: cfg, cat: cat, asOf: asOf, expand: f.expand}
	states := []*schema.State{plan.States[0]}
	if len(plan.States) > 1 {
		states = append(states, plan.States[len(plan.States)-1])
	}
	var diagrams []review.Diagram
	for i, st := range states {
		var notes io.Writer
		if i == 0 {
			notes = stderr // said once
		}
		g, err := d.diagram(dir, files, plan, probs, st, notes)
		if err != nil {
			return err
		}
		caption := "Today: " + g.Title
		if i > 0 {
			caption = "Target: " + g.Title
		}
		if g.NotChecked != "" {
			// As exlint plan says it: the picture shows no verdict.
			caption += ", not checked: " + g.NotChecked
		}
		diagrams = append(diagrams, review.Diagram{Caption: caption, Diagram: g})
	}
	r := review.Build(review.Input{Path: filepath.ToSlash(path), Tool: "exlint " + toolVersion(), Catalog: cat, Plan: plan,
		Findings: c.findings, Unknowns: c.unknowns, Timeline: c.timeline, MaxListed: c.maxListed, FailOn: c.failOn, Diagrams: diagrams})
	var buf bytes.Buffer
	if format == "html" {
		err = review.WriteHTML(&buf, r)
	} else {
		err = review.WriteMarkdown(&buf, r)
	}
	if err != nil {
		return internalErr(err)
	}
	return writeResult(stdout, f.out, buf.Bytes())
}
