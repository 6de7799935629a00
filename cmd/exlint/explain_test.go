package main

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/docs"
	"github.com/exlint/exlint/lint"
)

// Every rule exlint knows has a page that explain prints, without the
// markers the test suite reads.
func TestExplain(t *testing.T) {
	for _, r := range allRuleInfos() {
		out, stderr, code := exlint(t, noEnv, "explain", r.ID)
		if code != 0 || !strings.HasPrefix(out, "# "+r.ID+"\n") || !strings.Contains(out, "| Default severity | "+r.Severity.String()+" |") {
			t.Errorf("%s: exit %d %s\n%.200s", r.ID, code, stderr, out)
		}
		if strings.Contains(out, "<!-- exlint-") {
			t.Errorf("%s: markers left in the page", r.ID)
		}
	}
	_, stderr, code := exlint(t, noEnv, "explain", "exchange-end-of-suport")
	if code != 2 || !strings.Contains(stderr, `unknown rule "exchange-end-of-suport"; did you mean "exchange-end-of-support"?`) {
		t.Errorf("unknown rule: exit %d %s", code, stderr)
	}
	if _, _, code := exlint(t, noEnv, "explain"); code != 2 {
		t.Errorf("no rule: exit %d", code)
	}
}

// Every rule has one area, the section of the rule index it is in, by
// which exlint report groups findings.
func TestEveryRuleHasAnArea(t *testing.T) {
	seen := map[string]int{}
	for _, a := range docs.Areas() {
		for _, r := range a.Rules {
			seen[r]++
		}
	}
	infos := append(ruleInfos(), lint.MetaRules()...)
	for _, info := range infos {
		if seen[info.ID] != 1 {
			t.Errorf("rule %s is in %d sections of docs/rules/README.md", info.ID, seen[info.ID])
		}
	}
	if len(seen) != len(infos) {
		t.Errorf("the index lists %d rules, exlint has %d", len(seen), len(infos))
	}
}
