package main

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/review"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/timeline"
)

type reportFlags struct {
	format, out, asOf, failOn, config string
	failOnPlanned, expand             bool
	catalog                           []string
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
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "evaluate on this date, YYYY-MM-DD, as exlint check (default: today)")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "", "the lowest severity the verdict fails on: error, warning or info (default: fail_on of the configuration, else error)")
	cmd.Flags().BoolVar(&f.failOnPlanned, "fail-on-planned", false, failOnPlannedHelp)
	cmd.Flags().BoolVar(&f.expand, "expand", false, "draw every server on its own in the diagram, without grouping alike ones")
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file, as for check")
	cmd.Flags().StringArrayVar(&f.catalog, "catalog", nil, catalogHelp)
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
	cfg, err := loadConfig(f.config, getenv)
	if err != nil {
		return err
	}
	asOf, failOn, err := settings(cmd, cfg, f.asOf, f.failOn)
	if err != nil {
		return err
	}
	failOnPlanned := failOnPlannedFlag(cmd, cfg, f.failOnPlanned)
	catalogFlag(cmd, cfg, f.catalog)
	cat, _, err := loadCatalog(cfg)
	if err != nil {
		return err
	}
	dir, files, err := readTopology(path, cfg.Limits(), "exlint report reviews one topology")
	if err != nil {
		return err
	}
	// The findings are exlint check's, across the plan's states; the
	// timeline is exlint plan's, made from them.
	findings, unknowns, err := runner.CheckFilesCoverage(dir, files, runner.Options{Rules: allRules(), Catalog: cat, AsOf: asOf, Limits: cfg.Limits(), Config: cfg})
	if err != nil {
		return internalErr(err)
	}
	plan, probs := schema.DecodePlan(dir, files, cfg.Limits())
	_, maxListed := cfg.FindingLimits()
	t := timeline.Build(plan, findings, timeline.Options{Catalog: cat, AsOf: asOf, FailOn: failOn, FailOnPlanned: failOnPlanned, MaxListed: maxListed})
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
		diagrams = append(diagrams, review.Diagram{Caption: caption, Diagram: g})
	}
	r := review.Build(review.Input{Path: filepath.ToSlash(path), Tool: "exlint " + buildVersion(), Catalog: cat, Plan: plan,
		Findings: findings, Unknowns: unknowns, Timeline: t, MaxListed: maxListed, FailOn: failOn, Diagrams: diagrams})
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
