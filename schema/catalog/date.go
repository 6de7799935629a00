package catalog

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var dateShape = regexp.MustCompile(`^(\d{4})-(\d{2})(?:-(\d{2}))?$`)

// DateRangeProblem says what is wrong with s when it has the shape of a date,
// YYYY-MM-DD or YYYY-MM, and is not one: its month or its day out of range
// ("2026-13-01", "2026-02-30"). It returns "" for a date, and for text of
// another shape, where the caller says how to write one.
func DateRangeProblem(s string) string {
	m := dateShape.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	if month < 1 || month > 12 {
		return fmt.Sprintf("the month %s is out of range: months run from 01 to 12", m[2])
	}
	if m[3] == "" {
		return ""
	}
	day, _ := strconv.Atoi(m[3])
	// The day before the first of the next month is the month's last.
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > days {
		return fmt.Sprintf("the day %s is out of range: %s-%s has %d days", m[3], m[1], m[2], days)
	}
	return ""
}

// Date is a calendar date without a time zone. Microsoft publishes release and
// lifecycle dates as days; some security updates are only known by their month
// (the name "Feb26SU"), so Day may be zero, meaning "some day in that month".
type Date struct {
	Year, Month, Day int
}

// ParseDate reads YYYY-MM-DD, or YYYY-MM for a date known only to the month.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "-")
	if len(parts) != 2 && len(parts) != 3 {
		return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	if len(parts[0]) != 4 || len(parts[1]) != 2 || (len(parts) == 3 && len(parts[2]) != 2) {
		return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, fmt.Errorf("date %q is not YYYY-MM-DD", s)
		}
		nums[i] = n
	}
	d := Date{Year: nums[0], Month: nums[1]}
	if len(nums) == 3 {
		d.Day = nums[2]
	}
	if d.Month < 1 || d.Month > 12 {
		return Date{}, fmt.Errorf("date %q has no month %d", s, d.Month)
	}
	if len(nums) == 3 {
		// Round-trip through time.Date to reject 2025-02-30 and friends.
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, fmt.Errorf("date %q does not exist", s)
		}
	}
	return d, nil
}

// MustDate is ParseDate for literals in code and tests.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar date of t in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// IsZero reports whether d is the zero Date (no date known).
func (d Date) IsZero() bool { return d == Date{} }

// MonthOnly reports whether only the year and month are known.
func (d Date) MonthOnly() bool { return d.Day == 0 && !d.IsZero() }

func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	if d.Day == 0 {
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// key orders dates; a month-only date sorts after every day of its month, so
// that "released on or before D" never claims more than the source says.
func (d Date) key() int {
	day := d.Day
	if day == 0 {
		day = 32
	}
	return d.Year*10000 + d.Month*100 + day
}

// Compare returns -1, 0 or +1 as d is before, equal to or after o.
func (d Date) Compare(o Date) int {
	a, b := d.key(), o.key()
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AddDays returns the date n days after d (before, when n is negative). A
// month-only date is taken as the first of its month.
func (d Date) AddDays(n int) Date {
	day := d.Day
	if day == 0 {
		day = 1
	}
	t := time.Date(d.Year, time.Month(d.Month), day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	return DateOf(t)
}

// DaysUntil returns the number of days from d to o (negative when o is
// earlier). It counts calendar days, not a time.Duration, which ends about
// 292 years out: 0001-01-01 to 9999-12-31 is 3,652,058 days.
func (d Date) DaysUntil(o Date) int {
	return o.dayNumber() - d.dayNumber()
}

// dayNumber is the number of days from 0001-01-01 (day 0) to d in the
// proleptic Gregorian calendar, the first day of its month when Day is 0.
func (d Date) dayNumber() int {
	t := time.Date(d.Year, time.Month(d.Month), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
	y := t.Year() - 1 // whole years before t's, and the leap days in them
	return y*365 + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) + t.YearDay() - 1
}

// floorDiv divides rounding down, for the years before year 1 too.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
