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
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, stderr, code := exlint(t, noEnv, tc.args...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q, want it to contain %q", code, stderr, tc.want)
			}
		})
	}
}
