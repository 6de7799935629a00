package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/timeline"
)

type planFlags struct {
	format, out, asOf, failOn, config string
	failOnPlanned                     bool
	catalog                           []string
}

func newPlan(stdout io.Writer, getenv env) *cobra.Command {
	var f planFlags
	cmd := &cobra.Command{
		Use:   "plan [PATH]",
		Short: "Show the timeline of a migration plan: each state's changes, versions, findings and verdict",
		Long: `Show the timeline of the plan in PATH (a topology's directory, default: the
current one, or one of its files): for each state, the current one and then
the state after each stage in date order, its date, the changes of its stage
(+ add, ~ change, - remove), the Exchange versions present with their
servers, the findings exlint check reports in it by severity (planned ones
said so), and whether it passes; then the verdict of the whole plan, which is
exlint check's. A topology without stages has one state.

--format json writes the same for programs (docs/json-format.md); --format
mermaid writes a Gantt chart of each server's life across the states, which
GitHub draws in Markdown.

Exit codes: 0 the plan passes; 1 it fails (as exlint check would, with the
same --fail-on and --fail-on-planned); 2 usage or configuration error.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := "."
			if len(args) == 1 {
				path = args[0]
			}
			return runPlan(cmd, stdout, getenv, f, path)
		},
	}
	cmd.Flags().StringVar(&f.format, "format", "text", "text, json or mermaid (a Gantt chart)")
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().StringVar(&f.asOf, "as-of", "", "check on this date, YYYY-MM-DD, as exlint check (default: today)")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "", "the lowest severity that fails a state and the plan: error, warning or info (default: fail_on of the configuration, else error)")
	cmd.Flags().BoolVar(&f.failOnPlanned, "fail-on-planned", false, failOnPlannedHelp)
	cmd.Flags().StringVar(&f.config, "config", "", "the configuration file, as for check")
	cmd.Flags().StringArrayVar(&f.catalog, "catalog", nil, catalogHelp)
	return cmd
}

func runPlan(cmd *cobra.Command, stdout io.Writer, getenv env, f planFlags, path string) error {
	switch f.format {
	case "text", "json", "mermaid":
	default:
		return usageErr("--format %q: use text, json or mermaid", f.format)
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
	dir, files, err := readTopology(path, cfg.Limits(), "exlint plan shows one topology")
	if err != nil {
		return err
	}
	// The findings are exlint check's for the topology; the plan's states,
	// decoded again, give the timeline its changes and servers.
	findings, err := runner.CheckFiles(dir, files, runner.Options{Rules: allRules(), Catalog: cat, AsOf: asOf, Limits: cfg.Limits(), Config: cfg})
	if err != nil {
		return internalErr(err)
	}
	plan, _ := schema.DecodePlan(dir, files, cfg.Limits())
	_, maxListed := cfg.FindingLimits()
	t := timeline.Build(plan, findings, timeline.Options{Catalog: cat, AsOf: asOf, FailOn: failOn, FailOnPlanned: failOnPlanned, MaxListed: maxListed})
	var buf bytes.Buffer
	switch f.format {
	case "text":
		err = timeline.WriteText(&buf, t)
	case "json":
		err = timeline.WriteJSON(&buf, t)
	case "mermaid":
		err = graph.WriteGantt(&buf, timeline.Gantt(t))
	}
	if err != nil {
		return internalErr(err)
	}
	if err := writeResult(stdout, f.out, buf.Bytes()); err != nil {
		return err
	}
	if t.Verdict == timeline.Fails {
		return &exitError{code: exitFindings}
	}
	return nil
}
