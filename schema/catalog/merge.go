package catalog

import (
	"fmt"
	"io/fs"
	"strings"
)

// Extend returns the embedded catalogue with rows (ReadRows) added to its
// releases. A row the catalogue already has, with the same build (or an
// alternate build of it), date and kind, adds nothing. A row that
// contradicts a release the catalogue has, or an earlier row (the same
// release with another build, date or kind; the same build named another
// release), is an error naming both rows; so is a security or hotfix update
// whose level the catalogue lacks. The error is a *RowsError. Without rows,
// Extend returns Default().
func Extend(rows []Row) (*Catalog, error) {
	if len(rows) == 0 {
		return Default(), nil
	}
	data, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, err
	}
	return loadWith(data, rows)
}

// Load reads a catalogue from data, a directory holding the tables of
// data/ (the repository's copy, for tools/catalogimport), with rows merged
// as Extend merges them.
func Load(data fs.FS, rows []Row) (*Catalog, error) { return loadWith(data, rows) }

// loadAlternateDates reads the dates another Microsoft source gives for a
// release, so that a file from that source (Microsoft's
// ExchangeBuildNumbers.csv) does not contradict the catalogue.
func loadAlternateDates(c *Catalog) error {
	t, err := c.readTable("alternate_dates.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		r, err := c.rowRelease(t, i)
		if err != nil {
			return err
		}
		d, err := ParseDate(t.get(i, "date"))
		if err != nil {
			return t.errorf(i, "%v", err)
		}
		if d == r.Date {
			return t.errorf(i, "%s %s is dated %s in releases.csv already", r.Version.ID, r.Name, d)
		}
		if _, err := c.sourceList(t, i); err != nil {
			return err
		}
		c.altDates[r] = append(c.altDates[r], d)
	}
	return nil
}

// mergeRows adds the rows from outside the tables (c.extra) to the
// releases, in order, after checking each against what is there.
func mergeRows(c *Catalog) error {
	if len(c.extra) == 0 {
		c.releaseAt = nil
		return nil
	}
	altAt := map[*Version]map[[4]int]*Release{}
	for b, r := range c.alternates {
		if altAt[r.Version] == nil {
			altAt[r.Version] = map[[4]int]*Release{}
		}
		altAt[r.Version][b.parts] = r
	}
	var p problems
	added := false
	for i := range c.extra {
		row := &c.extra[i]
		v := c.byID[row.Version]
		if v == nil {
			p.add("%s: unknown version %q", &row.Origin, row.Version)
			continue
		}
		if c.releaseAt[v] == nil {
			c.releaseAt[v] = map[[4]int]*Release{}
		}
		named := v.byName[row.Name]
		atBuild := c.releaseAt[v][row.Build.parts]
		if atBuild == nil {
			atBuild = altAt[v][row.Build.parts]
		}
		switch {
		case named != nil && atBuild != named:
			p.add("%s: %s %s is build %s here, and %s in %s", &row.Origin, v.Name, row.Name, row.Build, named.Build, rowRef(named))
		case named != nil && named.Kind != row.Kind:
			p.add("%s: %s %s is of kind %s here, and %s in %s", &row.Origin, v.Name, row.Name, row.Kind, named.Kind, rowRef(named))
		case named != nil && !c.sameDate(named, row.Date):
			p.add("%s: %s %s is dated %s here, and %s in %s", &row.Origin, v.Name, row.Name, row.Date, named.Date, rowRef(named))
		case named != nil:
			// the catalogue has it already
		case atBuild != nil:
			p.add("%s: build %s is %s %s here, and %s in %s", &row.Origin, row.Build, v.Name, row.Name, atBuild.Name, rowRef(atBuild))
		default:
			o := row.Origin
			r := &Release{Version: v, Name: row.Name, Build: row.Build, Date: row.Date, Kind: row.Kind, origin: &o}
			v.releases = append(v.releases, r)
			v.byName[r.Name] = r
			c.releaseAt[v][r.Build.parts] = r
			added = true
		}
	}
	c.releaseAt = nil
	if err := p.err(); err != nil {
		return err
	}
	if !added {
		return nil
	}
	return c.indexReleases()
}

// sameDate reports whether d agrees with r's date: the same day, a day of
// the month r is dated by (or r's day, when d is only a month), or a date
// another Microsoft source gives for r (alternate_dates.csv).
func (c *Catalog) sameDate(r *Release, d Date) bool {
	if r.Date == d {
		return true
	}
	if (r.Date.MonthOnly() || d.MonthOnly()) && r.Date.Year == d.Year && r.Date.Month == d.Month {
		return true
	}
	for _, a := range c.altDates[r] {
		if a == d {
			return true
		}
	}
	return false
}

// rowRef names the row a release comes from, for a message about a row
// that contradicts it: "exlint's catalogue (releases.csv:434, MS-GEBN)",
// or "fixture.csv:2 (--catalog)".
func rowRef(r *Release) string {
	if o := r.origin; o != nil {
		return fmt.Sprintf("%s (%s)", o, o.Via)
	}
	keys := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		keys[i] = s.Key
	}
	return fmt.Sprintf("exlint's catalogue (releases.csv:%d, %s)", r.line, strings.Join(keys, ";"))
}
