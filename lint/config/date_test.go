package config

import (
	"strings"
	"testing"
)

func TestDateProblem(t *testing.T) {
	for in, want := range map[string]string{
		"2026-13-01": "the month 13 is out of range: months run from 01 to 12",
		"2026-00-10": "the month 00 is out of range",
		"2026-02-29": "the day 29 is out of range: 2026-02 has 28 days",
		"2026-04-31": "2026-04 has 30 days",
		"2026-1-1":   "write the date as YYYY-MM-DD",
		"21/11/2026": "write the date as YYYY-MM-DD",
	} {
		if got := DateProblem(in); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
	// In .exlint.hcl too.
	_, probs := Parse(".exlint.hcl", []byte(`as_of = "2026-13-01"`), testRules)
	if len(probs) != 1 || !strings.Contains(probs[0].String(), `as_of "2026-13-01" is not a date: the month 13 is out of range`) {
		t.Errorf(".exlint.hcl: %v", probs)
	}
}
