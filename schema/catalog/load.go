package catalog

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
)

//go:embed data/*.csv
var dataFS embed.FS

// table is one CSV file: a header naming the columns, then rows. Lines that
// start with '#' are comments.
type table struct {
	name string
	cols map[string]int
	rows [][]string
	line []int // line number of each row, for error messages
}

func (c *Catalog) readTable(name string) (*table, error) {
	f, err := c.data.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = -1
	t := &table{name: name, cols: map[string]int{}}
	header := true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		line, _ := r.FieldPos(0)
		if header {
			for i, c := range rec {
				t.cols[strings.TrimSpace(c)] = i
			}
			header = false
			continue
		}
		if len(rec) != len(t.cols) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(rec), len(t.cols))
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		t.rows = append(t.rows, rec)
		t.line = append(t.line, line)
	}
	return t, nil
}

// get returns column col of row i; a missing column is a defect in the data.
func (t *table) get(i int, col string) string {
	c, ok := t.cols[col]
	if !ok {
		panic(fmt.Sprintf("%s: no column %q", t.name, col))
	}
	return t.rows[i][c]
}

// rowVersion returns the version a row's "version" column names, or an
// error naming the row.
func (c *Catalog) rowVersion(t *table, i int) (*Version, error) {
	if v := c.byID[t.get(i, "version")]; v != nil {
		return v, nil
	}
	return nil, t.errorf(i, "unknown version %q", t.get(i, "version"))
}

// rowRelease returns the release a row's "version" and "release" columns
// name, or an error naming the row.
func (c *Catalog) rowRelease(t *table, i int) (*Release, error) {
	v, err := c.rowVersion(t, i)
	if err != nil {
		return nil, err
	}
	if r := v.byName[t.get(i, "release")]; r != nil {
		return r, nil
	}
	return nil, t.errorf(i, "unknown release %s %q", v.ID, t.get(i, "release"))
}

func (t *table) errorf(i int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", t.name, t.line[i], fmt.Sprintf(format, args...))
}

func load() (*Catalog, error) {
	data, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, err
	}
	return loadFrom(data)
}

// loadFrom reads and checks the catalogue's tables from data, a directory
// of the files of data/.
func loadFrom(data fs.FS) (*Catalog, error) { return loadWith(data, nil) }

// loadWith is loadFrom with release rows from outside the tables merged
// in (Extend).
func loadWith(data fs.FS, extra []Row) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Version{}, sources: map[string]*Source{}, aliases: map[[2]string]string{},
		alternates: map[Build]*Release{}, altDates: map[*Release][]Date{}, extra: extra, data: data}
	steps := []func(*Catalog) error{loadSources, loadVersions, loadReleases, loadAliases, loadAlternates, loadAlternateDates, mergeRows,
		loadServiced, loadWindows, loadFFL, loadDotNet, loadOutlook, loadLimits, loadSyncTools, loadWizard, loadSubjects, loadSupport}
	for _, step := range steps {
		if err := step(c); err != nil {
			return nil, err
		}
	}
	c.computeHorizon()
	c.indexRows()
	c.data, c.extra = nil, nil
	return c, nil
}

func (c *Catalog) sourceList(t *table, i int) ([]*Source, error) {
	var out []*Source
	for _, k := range strings.Split(t.get(i, "source"), ";") {
		k = strings.TrimSpace(k)
		s := c.sources[k]
		if s == nil {
			return nil, t.errorf(i, "unknown source %q", k)
		}
		out = append(out, s)
	}
	return out, nil
}

func optionalDate(t *table, i int, col string) (Date, error) {
	s := t.get(i, col)
	if s == "" {
		return Date{}, nil
	}
	d, err := ParseDate(s)
	if err != nil {
		return Date{}, t.errorf(i, "%s: %v", col, err)
	}
	return d, nil
}

func loadSources(c *Catalog) error {
	t, err := c.readTable("sources.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		s := &Source{Key: t.get(i, "key"), Title: t.get(i, "title"), URL: t.get(i, "url")}
		if s.Key == "" || s.Title == "" {
			return t.errorf(i, "a source needs a key and a title")
		}
		if c.sources[s.Key] != nil {
			return t.errorf(i, "duplicate source %q", s.Key)
		}
		c.sources[s.Key] = s
	}
	return nil
}

func loadVersions(c *Catalog) error {
	t, err := c.readTable("versions.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		v := &Version{ID: t.get(i, "id"), Name: t.get(i, "name"), Rank: i, Modern: t.get(i, "lifecycle") == "modern"}
		if c.byID[v.ID] != nil {
			return t.errorf(i, "duplicate version %q", v.ID)
		}
		if s := t.get(i, "build_from"); s != "" {
			if v.BuildFrom, err = ParseBuild(s); err != nil {
				return t.errorf(i, "%v", err)
			}
			if v.BuildTo, err = ParseBuild(t.get(i, "build_to")); err != nil {
				return t.errorf(i, "%v", err)
			}
		}
		if v.GA, err = optionalDate(t, i, "ga"); err != nil {
			return err
		}
		if v.MainstreamEnd, err = optionalDate(t, i, "mainstream_end"); err != nil {
			return err
		}
		if v.ExtendedEnd, err = optionalDate(t, i, "extended_end"); err != nil {
			return err
		}
		if v.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.versions = append(c.versions, v)
		c.byID[v.ID] = v
	}
	return nil
}

func loadReleases(c *Catalog) error {
	t, err := c.readTable("releases.csv")
	if err != nil {
		return err
	}
	c.releaseAt = map[*Version]map[[4]int]*Release{}
	for i := range t.rows {
		v, err := c.rowVersion(t, i)
		if err != nil {
			return err
		}
		r := &Release{Version: v, Name: t.get(i, "name"), Kind: Kind(t.get(i, "kind")), line: t.line[i]}
		if NormalizeUpdateName(r.Name) != r.Name {
			return t.errorf(i, "name %q is not canonical (%q)", r.Name, NormalizeUpdateName(r.Name))
		}
		if !r.Kind.valid() {
			return t.errorf(i, "unknown kind %q", r.Kind)
		}
		if r.Build, err = ParseBuild(t.get(i, "build")); err != nil {
			return t.errorf(i, "%v", err)
		}
		if !v.Contains(r.Build) {
			return t.errorf(i, "build %s is outside Exchange %s's builds", r.Build, v.ID)
		}
		if r.Date, err = ParseDate(t.get(i, "date")); err != nil {
			return t.errorf(i, "%v", err)
		}
		if r.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		if v.byName == nil {
			v.byName = map[string]*Release{}
			c.releaseAt[v] = map[[4]int]*Release{}
		}
		if v.byName[r.Name] != nil {
			return t.errorf(i, "duplicate release %s %s", v.ID, r.Name)
		}
		if o := c.releaseAt[v][r.Build.parts]; o != nil {
			return t.errorf(i, "%s %s and %s share build %s", v.ID, o.Name, r.Name, r.Build)
		}
		v.releases = append(v.releases, r)
		v.byName[r.Name] = r
		c.releaseAt[v][r.Build.parts] = r
	}
	return c.indexReleases()
}

// indexReleases sorts each version's releases by build and ties each
// security or hotfix update to the level it patches.
func (c *Catalog) indexReleases() error {
	for _, v := range c.versions {
		sort.Slice(v.releases, func(a, b int) bool { return v.releases[a].Build.Compare(v.releases[b].Build) < 0 })
		v.byName = map[string]*Release{}
		v.updates = map[*Release][]*Release{}
		v.levels = &levelCache{on: map[Date][]*Release{}}
		for _, r := range v.releases {
			v.byName[r.Name] = r
		}
		// An update belongs to the nearest servicing level below it.
		var level *Release
		for _, r := range v.releases {
			switch {
			case r.Kind.IsLevel():
				level = r
				r.Level = r
			case r.Kind == SecurityUpdate || r.Kind == HotfixUpdate:
				if level == nil || !strings.HasPrefix(r.Name, level.Name+" ") {
					if r.origin != nil {
						below := "no level"
						if level != nil {
							below = level.Ref()
						}
						return &RowsError{Problems: []string{fmt.Sprintf("%s: %s %s is not named after the servicing level below its build, %s: add the level's row, or correct the name or build",
							r.origin, v.Name, r.Name, below)}}
					}
					return fmt.Errorf("releases.csv: %s %s is not named after the level below it (%v)", v.ID, r.Name, level)
				}
				r.Level = level
				v.updates[level] = append(v.updates[level], r)
			}
		}
	}
	return nil
}

func loadAliases(c *Catalog) error {
	t, err := c.readTable("aliases.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		v, err := c.rowVersion(t, i)
		if err != nil {
			return err
		}
		alias, target := NormalizeUpdateName(t.get(i, "alias")), t.get(i, "release")
		found := false
		for _, r := range v.releases {
			found = found || r.Name == target
		}
		if !found {
			return t.errorf(i, "alias %q names unknown release %s %q", alias, v.ID, target)
		}
		if _, err := c.sourceList(t, i); err != nil {
			return err
		}
		c.aliases[[2]string{v.ID, alias}] = target
	}
	return nil
}

func loadAlternates(c *Catalog) error {
	t, err := c.readTable("alternates.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		rel, err := c.rowRelease(t, i)
		if err != nil {
			return err
		}
		v := rel.Version
		b, err := ParseBuild(t.get(i, "build"))
		if err != nil {
			return t.errorf(i, "%v", err)
		}
		if !v.Contains(b) {
			return t.errorf(i, "build %s is outside Exchange %s's builds", b, v.ID)
		}
		for _, r := range v.releases {
			if r.Build.Compare(b) == 0 {
				return t.errorf(i, "build %s is already %s %s", b, v.ID, r.Name)
			}
		}
		if _, err := c.sourceList(t, i); err != nil {
			return err
		}
		c.alternates[b] = rel
	}
	return nil
}

func loadServiced(c *Catalog) error {
	t, err := c.readTable("serviced.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		v, err := c.rowVersion(t, i)
		if err != nil {
			return err
		}
		r := c.Release(v, t.get(i, "level"))
		if r == nil || !r.Kind.IsLevel() {
			return t.errorf(i, "%s %q is not a servicing level", v.ID, t.get(i, "level"))
		}
		if _, err := c.sourceList(t, i); err != nil {
			return err
		}
		v.serviced = append(v.serviced, r)
	}
	return nil
}

func loadWindows(c *Catalog) error {
	t, err := c.readTable("windows.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		w := &Windows{ID: t.get(i, "id"), Name: t.get(i, "name"), Rank: i}
		if w.MainstreamEnd, err = optionalDate(t, i, "mainstream_end"); err != nil {
			return err
		}
		if w.ExtendedEnd, err = optionalDate(t, i, "extended_end"); err != nil {
			return err
		}
		if w.MainstreamEnd.IsZero() != w.ExtendedEnd.IsZero() || (!w.ExtendedEnd.IsZero() && !w.MainstreamEnd.Before(w.ExtendedEnd)) {
			return t.errorf(i, "mainstream_end and extended_end: both or neither, mainstream first")
		}
		if w.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.Windows = append(c.Windows, w)
	}
	return nil
}

func loadFFL(c *Catalog) error {
	t, err := c.readTable("ffl.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		f := &FFL{ID: t.get(i, "id"), Name: t.get(i, "name")}
		if f.Level, err = strconv.Atoi(t.get(i, "behavior_version")); err != nil {
			return t.errorf(i, "behavior_version: %v", err)
		}
		if s := t.get(i, "newest_for"); s != "" {
			for _, w := range strings.Split(s, ";") {
				if !slices.ContainsFunc(c.Windows, func(x *Windows) bool { return x.ID == w }) {
					return t.errorf(i, "newest_for: %q is not a Windows Server version of windows.csv", w)
				}
				f.NewestFor = append(f.NewestFor, w)
			}
		}
		if n := len(c.FFLs); n > 0 && c.FFLs[n-1].Level >= f.Level {
			return t.errorf(i, "levels must increase")
		}
		if f.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.FFLs = append(c.FFLs, f)
	}
	return nil
}

func loadDotNet(c *Catalog) error {
	t, err := c.readTable("dotnet.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		d := &DotNet{ID: t.get(i, "id"), Name: t.get(i, "name"), Rank: i}
		if s := t.get(i, "release"); s != "" {
			if d.Release, err = strconv.Atoi(s); err != nil {
				return t.errorf(i, "release: %v", err)
			}
		}
		if d.ExtendedEnd, err = optionalDate(t, i, "extended_end"); err != nil {
			return err
		}
		if d.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.DotNets = append(c.DotNets, d)
	}
	return nil
}

func loadOutlook(c *Catalog) error {
	t, err := c.readTable("outlook.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		o := &Outlook{ID: t.get(i, "id"), Name: t.get(i, "name"), Rank: i, Modern: t.get(i, "lifecycle") == "modern"}
		if o.LastSP, err = strconv.Atoi(t.get(i, "last_sp")); err != nil {
			return t.errorf(i, "last_sp: %v", err)
		}
		if o.ExtendedEnd, err = optionalDate(t, i, "extended_end"); err != nil {
			return err
		}
		if o.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.Outlooks = append(c.Outlooks, o)
	}
	return nil
}
