package config

import (
	"strings"

	"github.com/exlint/exlint/schema/catalog"
)

// DateProblem says what is wrong with a date that does not parse: the month
// or day out of range when it is written YYYY-MM-DD ("2026-13-01"), else how
// to write it.
func DateProblem(s string) string {
	if p := catalog.DateRangeProblem(s); p != "" && strings.Count(s, "-") == 2 {
		return p + " (YYYY-MM-DD)"
	}
	return "write the date as YYYY-MM-DD"
}
