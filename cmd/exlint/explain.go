package main

import (
	"fmt"
	"io"
	"regexp"

	"github.com/spf13/cobra"

	"github.com/exlint/exlint/docs"
	"github.com/exlint/exlint/schema"
)

// pageMarker matches the HTML comments rule pages carry for the test suite.
var pageMarker = regexp.MustCompile(`(?m)^<!-- exlint-[a-z-]+(?::[^>]*)? -->\n`)

func newExplain(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Print a rule's page: what it checks, why, examples and sources",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			var ids []string
			known := false
			for _, r := range allRuleInfos() {
				ids = append(ids, r.ID)
				known = known || r.ID == id
			}
			if !known {
				msg := fmt.Sprintf("unknown rule %q", id)
				if s := schema.Suggest(id, ids); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				return usageErr("%s ('exlint rules' lists them)", msg)
			}
			page, err := docs.Rules.ReadFile("rules/" + id + ".md")
			if err != nil {
				return &exitError{code: exitInternal, internal: true, err: fmt.Errorf("rule %s has no page in this build: %v", id, err)}
			}
			_, err = stdout.Write(pageMarker.ReplaceAll(page, nil))
			return err
		},
	}
}
