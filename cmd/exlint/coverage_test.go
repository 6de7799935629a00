package main

import (
	"strings"
	"testing"
)

// --coverage adds what stayed unknown after the findings and changes
// nothing else; without it the output is what it was.
func TestCoverageFlag(t *testing.T) {
	plain, _, code := exlint(t, noEnv, "check", "--as-of", asOf, "examples/se-classic-hybrid")
	covered, _, codeCovered := exlint(t, noEnv, "check", "--as-of", asOf, "--coverage", "examples/se-classic-hybrid")
	if code != codeCovered {
		t.Errorf("exit code %d with --coverage, %d without", codeCovered, code)
	}
	if strings.Contains(plain, "what stayed unknown") {
		t.Error("the default output lists unknowns")
	}
	head, tail, ok := strings.Cut(covered, "what stayed unknown")
	if !ok || !strings.HasPrefix(plain, head) || !strings.HasSuffix(plain, tail[strings.Index(tail, "\n\n")+2:]) {
		t.Errorf("--coverage changed more than the list of unknowns:\n%s", covered)
	}
}
