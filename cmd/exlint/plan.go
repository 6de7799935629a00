package main

import (
	"bytes"
	"io"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/graph"
	"github.com/exlint/exlint/timeline"
)

type planFlags struct {
	verdictFlags
	format string
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
	f.register(cmd, "a state and the plan")
	return cmd
}

func runPlan(cmd *cobra.Command, stdout io.Writer, getenv env, f planFlags, path string) error {
	switch f.format {
	case "text", "json", "mermaid":
	default:
		return usageErr("--format %q: use text, json or mermaid", f.format)
	}
	if err := checkResultPath(f.out); err != nil {
		return err
	}
	c, err := checkTopology(cmd, getenv, f.verdictFlags, path, "exlint plan shows one topology", false)
	if err != nil {
		return err
	}
	t := c.timeline
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
