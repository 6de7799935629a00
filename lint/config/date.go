package config

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

var datePattern = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// DateProblem says what is wrong with a date that does not parse: the month
// or day out of range when it is written YYYY-MM-DD ("2026-13-01"), else how
// to write it.
func DateProblem(s string) string {
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return "write the date as YYYY-MM-DD"
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 {
		return fmt.Sprintf("the month %s is out of range: months run from 01 to 12 (YYYY-MM-DD)", m[2])
	}
	// The day before the first of the next month is the month's last.
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > days {
		return fmt.Sprintf("the day %s is out of range: %s-%s has %d days", m[3], m[1], m[2], days)
	}
	return "write the date as YYYY-MM-DD"
}
