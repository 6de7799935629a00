package catalog

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The support matrices (data/support.csv): what Microsoft supports of an
// Exchange version and update range with something else, one row a fact:
// a Windows Server version as host or domain controller, a forest
// functional level, a .NET Framework or Outlook version, another Exchange
// version in the same organization, a TLS version, a feature. Each subject
// (data/subjects.csv) says what its values are and what a combination no row
// lists means.

// Verdict is what the sources say of a combination.
type Verdict uint8

// Verdicts, as written in data/support.csv.
const (
	Unknown     Verdict = iota // no row says: the sources say nothing exlint knows
	Supported                  // "supported"
	Unsupported                // "unsupported"
	Disputed                   // "disputed": Microsoft's sources disagree; a warning that says so
)

func (v Verdict) String() string {
	switch v {
	case Supported:
		return "supported"
	case Unsupported:
		return "unsupported"
	case Disputed:
		return "disputed"
	}
	return "unknown"
}

// Roles are the server roles of every Exchange version, as topologies write
// them.
var Roles = []string{"mailbox", "client_access", "hub_transport", "unified_messaging", "edge_transport", "front_end", "back_end"}

// TLSVersions are the TLS protocol versions, as topologies write them.
var TLSVersions = []string{"1.0", "1.1", "1.2", "1.3"}

// MigrationMethods are the methods of a migration to Exchange Online, as
// topologies write them.
var MigrationMethods = []string{"cutover", "staged", "hybrid", "minimal_hybrid", "express", "imap", "third_party"}

// DCRoles are what a domain controller may be that Exchange asks of one in
// its sites: a global catalog server, writable (not read-only).
var DCRoles = []string{"global_catalog", "writable"}

// Subject is a support matrix: what its rows relate Exchange to.
type Subject struct {
	Name   string
	Values string // the value domain: windows, ffl, dotnet, outlook, exchange, tls, role, migration, dc, or none
	// Windows says what a row's Windows Server range qualifies ("the
	// server's", "a domain controller's"); "" when the rows have none.
	Windows string
	// Unlisted is the verdict for a combination no row lists, where a row of
	// the subject covers the Exchange version and release: Unsupported for
	// matrices that say that what they do not list is not supported, else
	// Unknown.
	Unlisted Verdict
	Title    string
	Sources  []*Source
	domain   *domain
	windows  *domain
	rows     []*Support
	// byVersion are the rows of each Exchange version (VersionRows), worked
	// out once the catalogue is loaded.
	byVersion map[*Version][]*Support
}

// Support is one row of a support matrix.
type Support struct {
	Subject *Subject
	// Versions are the Exchange versions the row holds for, oldest first: one,
	// or several for a row without an update range.
	Versions []*Version
	// From and To bound the releases the row holds for, by build: From
	// inclusive, To exclusive; nil leaves that side open.
	From, To *Release
	// FromName and ToName are the bounds as written ("SP1" for CU4).
	FromName, ToName string
	value            span // within Subject's value domain; {-1, -1} for none
	windows          span // {-1, -1}: any Windows Server
	Verdict          Verdict
	Sources          []*Source
	Note             string
	line             int
}

// span is an inclusive range of positions in a value domain.
type span struct{ lo, hi int }

var anySpan = span{-1, -1}

func (s span) has(i int) bool       { return s.lo <= i && i <= s.hi }
func (s span) overlaps(o span) bool { return s.lo <= o.hi && o.lo <= s.hi }

// domain is an ordered list of values a subject's rows name.
type domain struct {
	name string
	ids  []string
	// parse reads one end or a single value of a range: the first and last
	// position it stands for.
	parse func(tok string) (lo, hi int, ok bool)
}

func (d *domain) index(id string) int {
	for i, x := range d.ids {
		if x == id {
			return i
		}
	}
	return -1
}

func exactDomain(name string, ids []string) *domain {
	d := &domain{name: name, ids: ids}
	d.parse = func(tok string) (int, int, bool) {
		i := d.index(tok)
		return i, i, i >= 0
	}
	return d
}

// outlookDomain lists every Outlook level: "2013 RTM", "2013 SP1", "2016"
// (a product without service packs is its one level). A product alone,
// "2013", stands for all its levels.
func (c *Catalog) outlookDomain() *domain {
	d := &domain{name: "outlook"}
	first := map[string][2]int{}
	for _, o := range c.Outlooks {
		lo := len(d.ids)
		for sp := 0; sp <= o.LastSP; sp++ {
			d.ids = append(d.ids, OutlookLevel{Outlook: o, SP: sp}.Key())
		}
		first[o.ID] = [2]int{lo, len(d.ids) - 1}
	}
	d.parse = func(tok string) (int, int, bool) {
		if r, ok := first[tok]; ok {
			return r[0], r[1], true
		}
		i := d.index(tok)
		return i, i, i >= 0
	}
	return d
}

// Key is the level as support.csv names it: "2013 RTM", "2013 SP1", "2016".
func (o OutlookLevel) Key() string {
	switch {
	case o.Outlook.LastSP == 0:
		return o.Outlook.ID
	case o.SP == 0:
		return o.Outlook.ID + " RTM"
	}
	return fmt.Sprintf("%s SP%d", o.Outlook.ID, o.SP)
}

func (c *Catalog) domains() map[string]*domain {
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	return map[string]*domain{
		"windows":   exactDomain("windows", ids(len(c.Windows), func(i int) string { return c.Windows[i].ID })),
		"ffl":       exactDomain("ffl", ids(len(c.FFLs), func(i int) string { return c.FFLs[i].ID })),
		"dotnet":    exactDomain("dotnet", ids(len(c.DotNets), func(i int) string { return c.DotNets[i].ID })),
		"exchange":  exactDomain("exchange", c.VersionIDs()),
		"tls":       exactDomain("tls", TLSVersions),
		"role":      exactDomain("role", Roles),
		"migration": exactDomain("migration", MigrationMethods),
		"dc":        exactDomain("dc", DCRoles),
		"outlook":   c.outlookDomain(),
		"none":      {name: "none"},
	}
}

// parseSpan reads "a", "a..b", "a.." or "..b" in d.
func parseSpan(d *domain, s string) (span, error) {
	if d.name == "none" {
		if s != "" {
			return span{}, fmt.Errorf("this subject has no values, but the row names %q", s)
		}
		return anySpan, nil
	}
	if s == "" {
		return span{}, fmt.Errorf("a %s value is missing", d.name)
	}
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		b = a
	}
	lo, hi := 0, len(d.ids)-1
	if a != "" {
		l, _, ok := d.parse(a)
		if !ok {
			return span{}, fmt.Errorf("unknown %s value %q", d.name, a)
		}
		lo = l
	}
	if b != "" {
		_, h, ok := d.parse(b)
		if !ok {
			return span{}, fmt.Errorf("unknown %s value %q", d.name, b)
		}
		hi = h
	}
	if (a == "" && b == "") || lo > hi {
		return span{}, fmt.Errorf("%q is not a range of %s values, low to high", s, d.name)
	}
	return span{lo, hi}, nil
}

func (d *domain) spanIDs(s span) []string {
	if s.lo < 0 {
		return nil
	}
	return slices.Clone(d.ids[s.lo : s.hi+1])
}

// Subject returns the support matrix of this name, or nil.
func (c *Catalog) Subject(name string) *Subject { return c.subjects[name] }

// Rows returns the subject's rows, in the order of data/support.csv.
func (s *Subject) Rows() []*Support { return s.rows }

// ValueIDs returns the values the row holds for, in the domain's order: the
// IDs of Windows Server versions, forest functional levels, .NET Framework
// versions, Exchange versions, TLS versions or roles, or Outlook levels
// ("2013 SP1"); nil for a subject without values.
func (r *Support) ValueIDs() []string { return r.Subject.domain.spanIDs(r.value) }

// HasValue reports whether the row holds for value id.
func (r *Support) HasValue(id string) bool {
	if r.value.lo < 0 {
		return true
	}
	return r.value.has(r.Subject.domain.index(id))
}

// WindowsIDs returns the Windows Server versions the row is limited to, or
// nil when it holds on any.
func (r *Support) WindowsIDs() []string {
	if r.windows.lo < 0 {
		return nil
	}
	return r.Subject.windows.spanIDs(r.windows)
}

// OnWindows reports whether the row holds on Windows Server id: always, for a
// row not limited to some versions.
func (r *Support) OnWindows(id string) bool {
	if r.windows.lo < 0 {
		return true
	}
	for _, w := range r.WindowsIDs() {
		if w == id {
			return true
		}
	}
	return false
}

// HasVersion reports whether the row holds for some release of v.
func (r *Support) HasVersion(v *Version) bool {
	for _, x := range r.Versions {
		if x == v {
			return true
		}
	}
	return false
}

// Covers reports whether the row's versions and update range hold release rel.
func (r *Support) Covers(rel *Release) bool {
	return rel != nil && r.HasVersion(rel.Version) && r.inRange(rel.Build)
}

func (r *Support) inRange(b Build) bool {
	return (r.From == nil || b.Compare(r.From.Build) >= 0) && (r.To == nil || b.Compare(r.To.Build) < 0)
}

// Whole reports whether the row holds for every release of its versions.
func (r *Support) Whole() bool { return r.From == nil && r.To == nil }

// Rows returns the rows of subject that hold for release rel on Windows
// Server windows ("" when unknown or not relevant): those whose versions and
// update range cover rel and, for a row limited to some Windows Server
// versions, whose range holds windows. undecided is true when windows is ""
// and a row limited to some Windows Server versions covers rel.
func (c *Catalog) Rows(subject string, rel *Release, windows string) (rows []*Support, undecided bool) {
	for _, r := range c.mustSubject(subject).rows {
		if !r.Covers(rel) {
			continue
		}
		if r.windows.lo >= 0 {
			if windows == "" {
				undecided = true
				continue
			}
			if !r.OnWindows(windows) {
				continue
			}
		}
		rows = append(rows, r)
	}
	return rows, undecided
}

// VersionRows returns the rows of subject that hold for some release of v,
// in file order.
func (c *Catalog) VersionRows(subject string, v *Version) []*Support {
	return c.mustSubject(subject).byVersion[v]
}

// indexRows works out each subject's rows by Exchange version, for
// VersionRows, whose callers only read them: each list is clipped, so that
// an append makes a copy.
func (c *Catalog) indexRows() {
	for _, s := range c.subjects {
		s.byVersion = map[*Version][]*Support{}
		for _, v := range c.versions {
			var rows []*Support
			for _, r := range s.rows {
				if r.HasVersion(v) {
					rows = append(rows, r)
				}
			}
			if rows != nil {
				s.byVersion[v] = slices.Clip(rows)
			}
		}
	}
}

// Supports says what the sources say of value with release rel (on any
// Windows Server: rows limited to some are left out) and the row that decided
// it, nil when none did (Unknown, or Unsupported by a subject's rule for what
// it does not list).
func (c *Catalog) Supports(subject, value string, rel *Release) (Verdict, *Support) {
	return c.SupportsOn(subject, value, "", rel)
}

// SupportsOn is Supports on Windows Server windows, "" when unknown: the
// verdict is Unknown when a row limited to some Windows Server versions would
// decide and windows is unknown.
func (c *Catalog) SupportsOn(subject, value, windows string, rel *Release) (Verdict, *Support) {
	s := c.mustSubject(subject)
	if rel == nil {
		return Unknown, nil
	}
	rows := s.byVersion[rel.Version] // the rows that can cover rel, in order
	for _, r := range rows {
		if !r.Covers(rel) || !r.HasValue(value) {
			continue
		}
		switch {
		case r.windows.lo < 0 || (windows != "" && r.OnWindows(windows)):
			return r.Verdict, r
		case windows == "":
			return Unknown, nil // a row limited to some Windows Server versions would decide
		}
	}
	if s.Unlisted == Unsupported {
		for _, r := range rows {
			if r.Covers(rel) {
				return Unsupported, nil
			}
		}
	}
	return Unknown, nil
}

// SupportsAny says what the sources say of value with v on Windows Server
// windows ("" when unknown) whatever v's release: the verdict every servicing
// level of v shares (and the row, when one row decides for all), or Unknown
// when they differ.
func (c *Catalog) SupportsAny(subject, value, windows string, v *Version) (Verdict, *Support) {
	levels := v.Levels()
	if len(levels) == 0 {
		return Unknown, nil
	}
	verdict, row := c.SupportsOn(subject, value, windows, levels[0])
	for _, l := range levels[1:] {
		vl, rl := c.SupportsOn(subject, value, windows, l)
		if vl != verdict {
			return Unknown, nil
		}
		if rl != row {
			row = nil
		}
	}
	return verdict, row
}

// FirstSupported returns the first release of v from which the subject's
// rows support value (nil when every release does); ok is false when no
// release does, or the catalogue says nothing of v.
func (c *Catalog) FirstSupported(subject, value string, v *Version) (from *Release, ok bool) {
	for _, r := range c.VersionRows(subject, v) {
		if r.Verdict == Supported && r.HasValue(value) {
			return r.From, true
		}
	}
	return nil, false
}

// ValueFrom is a value a subject supports for a version, from a release on
// (nil: at every release).
type ValueFrom struct {
	ID   string
	From *Release
}

// SupportedValues lists the values the subject's rows support for some
// release of v, in file order, each from the first release that supports it.
func (c *Catalog) SupportedValues(subject string, v *Version) []ValueFrom {
	var out []ValueFrom
	seen := map[string]bool{}
	for _, r := range c.VersionRows(subject, v) {
		if r.Verdict != Supported {
			continue
		}
		for _, id := range r.ValueIDs() {
			if !seen[id] {
				seen[id] = true
				out = append(out, ValueFrom{ID: id, From: r.From})
			}
		}
	}
	return out
}

// Bounds returns the releases at which the subject's rows for v start or
// end, by build.
func (c *Catalog) Bounds(subject string, v *Version) []*Release {
	seen := map[*Release]bool{}
	var out []*Release
	for _, r := range c.VersionRows(subject, v) {
		for _, b := range []*Release{r.From, r.To} {
			if b != nil && !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Build.Compare(out[j].Build) < 0 })
	return out
}

func (c *Catalog) mustSubject(name string) *Subject {
	s := c.subjects[name]
	if s == nil {
		panic("catalog: no support matrix " + name)
	}
	return s
}

func parseVerdict(s string) (Verdict, bool) {
	for _, v := range []Verdict{Supported, Unsupported, Disputed} {
		if v.String() == s {
			return v, true
		}
	}
	return Unknown, false
}

func loadSubjects(c *Catalog) error {
	t, err := c.readTable("subjects.csv")
	if err != nil {
		return err
	}
	domains := c.domains()
	c.subjects = map[string]*Subject{}
	for i := range t.rows {
		s := &Subject{Name: t.get(i, "subject"), Values: t.get(i, "values"), Windows: t.get(i, "windows"), Title: t.get(i, "title"),
			windows: domains["windows"]}
		if s.Name == "" || s.Title == "" {
			return t.errorf(i, "a subject needs a name and a title")
		}
		if c.subjects[s.Name] != nil {
			return t.errorf(i, "duplicate subject %q", s.Name)
		}
		if s.domain = domains[s.Values]; s.domain == nil {
			return t.errorf(i, "unknown kind of values %q", s.Values)
		}
		switch t.get(i, "unlisted") {
		case "unsupported":
			s.Unlisted = Unsupported
		case "unknown":
			s.Unlisted = Unknown
		default:
			return t.errorf(i, "unlisted must be unsupported or unknown, not %q", t.get(i, "unlisted"))
		}
		if s.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		c.subjects[s.Name] = s
		c.subjectOrder = append(c.subjectOrder, s)
	}
	return nil
}

func loadSupport(c *Catalog) error {
	t, err := c.readTable("support.csv")
	if err != nil {
		return err
	}
	for i := range t.rows {
		s := c.subjects[t.get(i, "subject")]
		if s == nil {
			return t.errorf(i, "unknown subject %q", t.get(i, "subject"))
		}
		r := &Support{Subject: s, FromName: t.get(i, "from"), ToName: t.get(i, "to"), Note: t.get(i, "note"), line: t.line[i]}
		if err := c.supportVersions(r, t.get(i, "version")); err != nil {
			return t.errorf(i, "%v", err)
		}
		if r.value, err = parseSpan(s.domain, t.get(i, "value")); err != nil {
			return t.errorf(i, "%v", err)
		}
		r.windows = anySpan
		if w := t.get(i, "windows"); w != "" {
			if s.Windows == "" {
				return t.errorf(i, "subject %s has no Windows Server column, but the row names %q", s.Name, w)
			}
			if r.windows, err = parseSpan(s.windows, w); err != nil {
				return t.errorf(i, "windows: %v", err)
			}
		}
		var ok bool
		if r.Verdict, ok = parseVerdict(t.get(i, "verdict")); !ok {
			return t.errorf(i, "verdict must be supported, unsupported or disputed, not %q", t.get(i, "verdict"))
		}
		if r.Verdict == Disputed && r.Note == "" {
			return t.errorf(i, "a disputed row needs a note that says how the sources disagree")
		}
		if r.Sources, err = c.sourceList(t, i); err != nil {
			return err
		}
		for _, o := range s.rows {
			if o.overlaps(r) {
				return t.errorf(i, "overlaps the %s row of line %d: one combination would have two verdicts", s.Name, o.line)
			}
		}
		s.rows = append(s.rows, r)
	}
	return nil
}

// supportVersions reads a row's version ("2019", "2013..2016", "..2007",
// "2019..") and its update range.
func (c *Catalog) supportVersions(r *Support, s string) error {
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		v := c.Version(s)
		if v == nil {
			return fmt.Errorf("unknown version %q", s)
		}
		r.Versions = []*Version{v}
		for _, bound := range []struct {
			name string
			to   **Release
		}{{r.FromName, &r.From}, {r.ToName, &r.To}} {
			if bound.name == "" {
				continue
			}
			rel := c.Release(v, bound.name)
			if rel == nil {
				return fmt.Errorf("Exchange %s has no release %q", v.ID, bound.name)
			}
			*bound.to = rel
		}
		if r.From != nil && r.To != nil && r.From.Build.Compare(r.To.Build) >= 0 {
			return fmt.Errorf("the update range %s to %s is empty", r.FromName, r.ToName)
		}
		return nil
	}
	if r.FromName != "" || r.ToName != "" {
		return fmt.Errorf("a row for several versions (%s) cannot have an update range", s)
	}
	lo, hi := 0, len(c.versions)-1
	if a != "" {
		if v := c.Version(a); v != nil {
			lo = v.Rank
		} else {
			return fmt.Errorf("unknown version %q", a)
		}
	}
	if b != "" {
		if v := c.Version(b); v != nil {
			hi = v.Rank
		} else {
			return fmt.Errorf("unknown version %q", b)
		}
	}
	if (a == "" && b == "") || lo > hi {
		return fmt.Errorf("%q is not a range of versions, oldest to newest", s)
	}
	r.Versions = c.versions[lo : hi+1]
	return nil
}

// overlaps reports whether two rows of a subject hold for a common
// combination of version, release, value and Windows Server.
func (r *Support) overlaps(o *Support) bool {
	if !r.value.overlaps(o.value) && r.value.lo >= 0 {
		return false
	}
	if r.windows.lo >= 0 && o.windows.lo >= 0 && !r.windows.overlaps(o.windows) {
		return false
	}
	for _, v := range r.Versions {
		if !o.HasVersion(v) {
			continue
		}
		// Intersect [from, to) of both, an open side being unbounded.
		lo, hi := r.From, r.To
		if o.From != nil && (lo == nil || o.From.Build.Compare(lo.Build) > 0) {
			lo = o.From
		}
		if o.To != nil && (hi == nil || o.To.Build.Compare(hi.Build) < 0) {
			hi = o.To
		}
		if lo == nil || hi == nil || lo.Build.Compare(hi.Build) < 0 {
			return true
		}
	}
	return false
}

// Subjects returns every support matrix, in the order of data/subjects.csv.
func (c *Catalog) Subjects() []*Subject { return c.subjectOrder }

// Values returns the values of a subject's domain, in order; nil for a
// subject without values.
func (s *Subject) ValueIDs() []string { return s.domain.ids }

// Range is a stretch of a version's releases that a subject's rows never
// split: from one bound of its rows (inclusive) to the next (exclusive), nil
// leaving a side open.
type Range struct {
	Version  *Version
	From, To *Release
}

// Ranges cuts v at the bounds of the subject's rows: its ranges, oldest
// first. A range that holds no release, or only a preview, is left out.
func (c *Catalog) Ranges(subject string, v *Version) []Range {
	bounds := c.Bounds(subject, v)
	var out []Range
	for j := 0; j <= len(bounds); j++ {
		r := Range{Version: v}
		if j > 0 {
			r.From = bounds[j-1]
		}
		if j < len(bounds) {
			r.To = bounds[j]
		}
		if r.Last() != nil {
			out = append(out, r)
		}
	}
	return out
}

// At is a release of the range, to ask about it: its first bound, or the
// version's first release.
func (r Range) At() *Release {
	if r.From != nil {
		return r.From
	}
	return r.Version.releases[0]
}

// Last is the last servicing level of the range or, for a range of one
// level's updates (from an update to the next level), its last update; nil
// for a range that holds no release, or only a preview.
func (r Range) Last() *Release {
	var level, release *Release
	for _, l := range r.Version.releases {
		if (r.From == nil || l.Build.Compare(r.From.Build) >= 0) && (r.To == nil || l.Build.Compare(r.To.Build) < 0) {
			release = l
			if l.Kind.IsLevel() {
				level = l
			}
		}
	}
	if level == nil && r.From != nil {
		return release
	}
	return level
}
