package catalog

import (
	"fmt"
	"strconv"
	"strings"
)

// Limit is one fact of data/limits.csv: a number, a day or a platform
// Microsoft states, with its source.
type Limit struct {
	Key, Kind string
	// The value, by kind: N for count, days and cu; Dates for date (one) and
	// dates; ID for windows and dotnet; Ports for ports; Build for build.
	N       int
	Ports   []int
	Dates   []Date
	ID      string
	Build   string
	Sources []*Source
	Note    string
}

// Limit returns the fact with this key, or nil.
func (c *Catalog) Limit(key string) *Limit { return c.limits[key] }

// Limits returns every fact of limits.csv, in the file's order.
func (c *Catalog) Limits() []*Limit { return c.limitOrder }

// mustLimit returns the fact with this key and kind; a rule asking for one
// the data lacks is a defect of the build, caught by its tests.
func (c *Catalog) mustLimit(key string, kinds ...string) *Limit {
	l := c.limits[key]
	if l == nil {
		panic("catalog: no limit " + key)
	}
	for _, k := range kinds {
		if l.Kind == k {
			return l
		}
	}
	panic(fmt.Sprintf("catalog: limit %s is a %s, not a %s", key, l.Kind, strings.Join(kinds, " or ")))
}

// Count is the number a count fact states ("hybrid-tenants-max": 5).
func (c *Catalog) Count(key string) int { return c.mustLimit(key, "count").N }

// Days is the number of days a days fact states.
func (c *Catalog) Days(key string) int { return c.mustLimit(key, "days").N }

// CU is the number of the cumulative update a cu fact names.
func (c *Catalog) CU(key string) int { return c.mustLimit(key, "cu").N }

// Day is the day a date fact states.
func (c *Catalog) Day(key string) Date { return c.mustLimit(key, "date").Dates[0] }

// DaysList is the days a dates fact states, in order.
func (c *Catalog) DaysList(key string) []Date { return c.mustLimit(key, "dates").Dates }

// Ports is the TCP ports a ports fact names, in order.
func (c *Catalog) Ports(key string) []int { return c.mustLimit(key, "ports").Ports }

// Build is the product build number a build fact names ("2.5.79.0").
func (c *Catalog) Build(key string) string { return c.mustLimit(key, "build").Build }

// PlatformID is the Windows Server or .NET Framework version a windows or
// dotnet fact names, as windows.csv or dotnet.csv writes it ("2012R2").
func (c *Catalog) PlatformID(key string) string { return c.mustLimit(key, "windows", "dotnet").ID }

func loadLimits(c *Catalog) error {
	t, err := c.readTable("limits.csv")
	if err != nil {
		return err
	}
	c.limits = map[string]*Limit{}
	for i := range t.rows {
		l := &Limit{Key: t.get(i, "key"), Kind: t.get(i, "kind"), Note: t.get(i, "note")}
		if l.Key == "" || c.limits[l.Key] != nil {
			return t.errorf(i, "key %q: empty or given twice", l.Key)
		}
		value := t.get(i, "value")
		switch l.Kind {
		case "count", "days", "cu":
			if l.N, err = strconv.Atoi(value); err != nil || l.N <= 0 {
				return t.errorf(i, "value %q: a %s is a positive whole number", value, l.Kind)
			}
		case "date", "dates":
			parts := strings.Split(value, ";")
			if l.Kind == "date" && len(parts) != 1 {
				return t.errorf(i, "value %q: one date", value)
			}
			for _, p := range parts {
				d, err := ParseDate(strings.TrimSpace(p))
				if err != nil || d.MonthOnly() {
					return t.errorf(i, "value %q: write each date as YYYY-MM-DD", value)
				}
				if n := len(l.Dates); n > 0 && !l.Dates[n-1].Before(d) {
					return t.errorf(i, "value %q: dates in order", value)
				}
				l.Dates = append(l.Dates, d)
			}
		case "ports":
			for _, p := range strings.Split(value, ";") {
				n, err := strconv.Atoi(strings.TrimSpace(p))
				if err != nil || n < 1 || n > 65535 {
					return t.errorf(i, "value %q: ports are whole numbers from 1 to 65535, separated by \";\"", value)
				}
				if k := len(l.Ports); k > 0 && l.Ports[k-1] >= n {
					return t.errorf(i, "value %q: ports in increasing order", value)
				}
				l.Ports = append(l.Ports, n)
			}
		case "windows":
			if c.WindowsByID(value) == nil {
				return t.errorf(i, "value %q: not a Windows Server version of windows.csv", value)
			}
			l.ID = value
		case "dotnet":
			if c.DotNetByID(value) == nil {
				return t.errorf(i, "value %q: not a .NET Framework version of dotnet.csv", value)
			}
			l.ID = value
		case "build":
			if !isBuildNumber(value) {
				return t.errorf(i, "value %q: a build is two to four whole numbers separated by \".\"", value)
			}
			l.Build = value
		default:
			return t.errorf(i, "unknown kind %q", l.Kind)
		}
		if l.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.limits[l.Key] = l
		c.limitOrder = append(c.limitOrder, l)
	}
	return nil
}

// isBuildNumber reports whether s is two to four whole numbers separated by
// dots ("2.5.79.0").
func isBuildNumber(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 4 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 9 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}
