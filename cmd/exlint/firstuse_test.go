package main

import (
	"strings"
	"testing"
)

// What a new user types wrong gets a message that says what is wrong and
// what to type instead.
func TestFirstUseMessages(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"--fail-on warn", []string{"check", "--fail-on", "warn", "examples"}, `--fail-on: unknown severity "warn"; did you mean "warning"?`},
		{"--as-of month 13", []string{"check", "--as-of", "2026-13-01", "examples"}, `--as-of "2026-13-01": the month 13 is out of range: months run from 01 to 12`},
		{"--as-of February 29th of 2026", []string{"check", "--as-of", "2026-02-29", "examples"}, "the day 29 is out of range: 2026-02 has 28 days"},
		{"--format to a missing directory", []string{"check", "--format", "sarif=out/x.sarif", "examples"}, "--format sarif=out/x.sarif: the directory out does not exist"},
		{"--format to a path through a file", []string{"check", "--format", "sarif=README.md/x.sarif", "examples"}, "--format sarif=README.md/x.sarif: README.md is not a directory"},
		{"--as-of in another order", []string{"check", "--as-of", "21/11/2026", "examples"}, "write the date as YYYY-MM-DD"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := exlint(t, noEnv, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want it to contain %q", code, stderr, tc.want)
			}
		})
	}
}
