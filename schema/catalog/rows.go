package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Release rows from outside the embedded tables: a user's copy of
// Microsoft's ExchangeBuildNumbers.csv (microsoft/Get-ExchangeBuildNumber,
// MS-GEBN) or a file in exlint's own releases.csv shape, named with
// --catalog or the catalog setting. Such a file is untrusted input: it is
// read only up to MaxRowsFileSize, every field is bounded and free of
// control characters, and every problem names its file and line.

// MaxRowsFileSize is the largest release file exlint reads. Microsoft's
// ExchangeBuildNumbers.csv is about 30 KB.
const MaxRowsFileSize = 1 << 20

// maxField bounds a field of a release file (Microsoft's longest, a blog
// address, is about 160 characters).
const maxField = 1024

// maxRowProblems is how many problems of release files are listed before
// the rest are counted.
const maxRowProblems = 20

// Shape is the layout of a release file, told apart by its header.
type Shape string

const (
	// ShapeMicrosoft is Microsoft's ExchangeBuildNumbers.csv: Product
	// Name,Build Number,Date,KB,Blog, with M/D/YYYY dates.
	ShapeMicrosoft Shape = "microsoft"
	// ShapeExlint is exlint's releases.csv: version,name,build,date,kind,source.
	ShapeExlint Shape = "exlint"
)

// MicrosoftHeader and ExlintHeader are the headers of the two shapes.
var (
	MicrosoftHeader = []string{"Product Name", "Build Number", "Date", "KB", "Blog"}
	ExlintHeader    = []string{"version", "name", "build", "date", "kind", "source"}
)

// Origin is where a release row from outside the embedded tables comes from.
type Origin struct {
	File string // the file, as it was named
	Line int
	// Via says how the file was named: "--catalog", or "catalog
	// (.exlint.hcl:3:11)" for the configuration's setting.
	Via string
	// Source is what the row gives as its source (the source column of
	// exlint's shape), or "".
	Source string
}

// String is the row's place: "ExchangeBuildNumbers.csv:12".
func (o *Origin) String() string { return fmt.Sprintf("%s:%d", o.File, o.Line) }

// Row is a release row read from a file (ReadRows), to be merged with the
// embedded releases (Extend).
type Row struct {
	Version string // a version ID: "2019", "SE"
	Name    string // canonical, as releases.csv names releases
	Build   Build
	Date    Date
	Kind    Kind
	Origin  Origin
}

// RowsError lists the problems found in release files, each starting with
// the file and line it is about.
type RowsError struct {
	Problems []string
	// More counts the problems left out of the list.
	More int
}

func (e *RowsError) Error() string {
	s := strings.Join(e.Problems, "\n")
	if e.More > 0 {
		s += fmt.Sprintf("\n... and %d more", e.More)
	}
	return s
}

type problems struct{ RowsError }

func (p *problems) add(format string, args ...any) {
	if len(p.Problems) >= maxRowProblems {
		p.More++
		return
	}
	p.Problems = append(p.Problems, fmt.Sprintf(format, args...))
}

func (p *problems) err() error {
	if len(p.Problems) == 0 {
		return nil
	}
	e := p.RowsError
	return &e
}

// ReadRows reads a release file's rows: Microsoft's ExchangeBuildNumbers.csv
// or exlint's releases.csv shape, told apart by the header. name is how the
// file is named in messages; via says how it was given (Origin.Via). Names
// are made canonical as releases.csv writes them (Microsoft's "SP1 RTM" is
// "SP1", its "Exchange 2013 SP1" is CU4, a note in parentheses such as
// "(2023H1)" is dropped), builds lose their zero padding, and each row's
// kind comes from its name. Its error is a *RowsError.
func (c *Catalog) ReadRows(name string, src []byte, via string) ([]Row, Shape, error) {
	var p problems
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalid(src)], []byte("\n"))
		p.add("%s:%d: the file is not UTF-8 text", name, line)
		return nil, "", p.err()
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var (
		shape Shape
		cols  map[string]int
		ncols int
		rows  []Row
	)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.add("%s:%d: not CSV: %v", name, pe.Line, pe.Err)
			} else {
				p.add("%s: %v", name, err)
			}
			break
		}
		line, _ := r.FieldPos(0)
		if bad := badField(rec); bad != "" {
			p.add("%s:%d: %s", name, line, bad)
			continue
		}
		if shape == "" {
			shape, cols = headerShape(rec)
			if shape == "" {
				p.add("%s:%d: the header is neither Microsoft's ExchangeBuildNumbers.csv (%s) nor exlint's releases.csv (%s)",
					name, line, strings.Join(MicrosoftHeader, ","), strings.Join(ExlintHeader, ","))
				return nil, "", p.err()
			}
			ncols = len(rec)
			continue
		}
		if len(rec) != ncols {
			p.add("%s:%d: %d fields, the header has %d", name, line, len(rec), ncols)
			continue
		}
		field := func(col string) string {
			if i, ok := cols[col]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		row := Row{Origin: Origin{File: name, Line: line, Via: via}}
		var msg string
		if shape == ShapeMicrosoft {
			msg = c.microsoftRow(&row, field("product name"), field("build number"), field("date"))
		} else {
			row.Origin.Source = field("source")
			msg = c.exlintRow(&row, field("version"), field("name"), field("build"), field("date"), field("kind"))
		}
		if msg != "" {
			p.add("%s:%d: %s", name, line, msg)
			continue
		}
		rows = append(rows, row)
	}
	if shape == "" && len(p.Problems) == 0 {
		p.add("%s:1: the file is empty: give Microsoft's ExchangeBuildNumbers.csv or a file in exlint's releases.csv shape", name)
	}
	if err := p.err(); err != nil {
		return nil, shape, err
	}
	return rows, shape, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// badField says what is wrong with a record whose fields are too long or
// hold what no release file has, or "": control and bidirectional
// characters, line and paragraph separators, and the "##vso[" and "##[" that
// CI logs run as commands. exlint catalog writes the rows back (csv, json):
// refused here, none can reach a terminal or a CI log from there.
func badField(rec []string) string {
	for i, f := range rec {
		if len(f) > maxField {
			return fmt.Sprintf("field %d is %d bytes long; a release file's fields are at most %d", i+1, len(f), maxField)
		}
		for _, r := range f {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
				return fmt.Sprintf("field %d holds the control character %U", i+1, r)
			}
		}
		for _, cmd := range []string{"##vso[", "##["} {
			if strings.Contains(f, cmd) {
				return fmt.Sprintf("field %d holds %q, which CI logs run as a command", i+1, cmd)
			}
		}
	}
	return ""
}

// headerShape recognises a header: the columns of Microsoft's file (KB and
// Blog may be missing), or exlint's (source may be missing), in any case.
func headerShape(rec []string) (Shape, map[string]int) {
	cols := map[string]int{}
	for i, f := range rec {
		cols[strings.ToLower(strings.TrimSpace(f))] = i
	}
	has := func(names ...string) bool {
		for _, n := range names {
			if _, ok := cols[strings.ToLower(n)]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case has(MicrosoftHeader[:3]...):
		return ShapeMicrosoft, cols
	case has(ExlintHeader[:5]...):
		return ShapeExlint, cols
	}
	return "", nil
}

// microsoftRow fills row from a row of Microsoft's file, or says what is
// wrong with it.
func (c *Catalog) microsoftRow(row *Row, product, build, date string) string {
	v, name, err := c.productName(product)
	if err != nil {
		return err.Error()
	}
	row.Version, row.Name, row.Kind = v.ID, name, nameKind(name)
	if row.Kind == "" {
		return fmt.Sprintf("%q: exlint cannot tell the kind of update %q (RTM, SPn, RUn, CUn, or a security or hotfix update such as \"CU15 Aug26SU\")", product, name)
	}
	if row.Build, err = ParseBuild(build); err != nil {
		return err.Error()
	}
	if row.Date, err = parseUSDate(date); err != nil {
		return err.Error()
	}
	return checkBuildOf(v, row.Build)
}

// exlintRow fills row from a row of exlint's shape, or says what is wrong
// with it.
func (c *Catalog) exlintRow(row *Row, version, name, build, date, kind string) string {
	v := c.byID[version]
	if v == nil {
		return fmt.Sprintf("unknown version %q: exlint knows %s", version, strings.Join(c.VersionIDs(), ", "))
	}
	n := NormalizeUpdateName(name)
	if n == "" {
		return "the name is empty"
	}
	if alias, ok := c.aliases[[2]string{v.ID, n}]; ok {
		n = alias
	}
	row.Version, row.Name, row.Kind = v.ID, n, Kind(kind)
	if !row.Kind.valid() {
		return fmt.Sprintf("unknown kind %q: preview, rtm, sp, ru, cu, su or hu", kind)
	}
	switch k := nameKind(n); {
	case k == "" && !(row.Kind == HotfixUpdate && strings.Contains(n, " PostSP")):
		return fmt.Sprintf("exlint cannot tell the kind of update %q (RTM, SPn, RUn, CUn, or a security or hotfix update such as \"CU15 Aug26SU\")", n)
	case k != "" && k != row.Kind:
		return fmt.Sprintf("%s is a release of kind %s by its name, not %s", n, k, row.Kind)
	}
	var err error
	if row.Build, err = ParseBuild(build); err != nil {
		return err.Error()
	}
	if row.Date, err = ParseDate(date); err != nil {
		return err.Error()
	}
	return checkBuildOf(v, row.Build)
}

func checkBuildOf(v *Version, b Build) string {
	if v.BuildFrom.IsZero() || !v.Contains(b) {
		return fmt.Sprintf("build %s is not one of %s's (%s to below %s)", b, v.Name, v.BuildFrom, v.BuildTo)
	}
	return ""
}

func (k Kind) valid() bool {
	switch k {
	case Preview, RTM, ServicePack, UpdateRollup, CumulativeUpd, SecurityUpdate, HotfixUpdate:
		return true
	}
	return false
}

// productName reads Microsoft's "Product Name": "Exchange 2019 CU15
// Aug26SU", "Exchange 2007 SP1 RTM", "Exchange 2019 CU13 (2023H1)",
// "Exchange SE RTM". The version may also be written by its full name
// ("Exchange Server 2019", "Exchange Server Subscription Edition").
func (c *Catalog) productName(s string) (*Version, string, error) {
	text := s
	// Drop notes in parentheses: "CU13 (2023H1)".
	for {
		open := strings.IndexByte(text, '(')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], ')')
		if end < 0 {
			break
		}
		text = text[:open] + " " + text[open+end+1:]
	}
	words := strings.Fields(text)
	if len(words) > 0 && strings.EqualFold(words[0], "Microsoft") {
		words = words[1:]
	}
	if len(words) == 0 || !strings.EqualFold(words[0], "Exchange") {
		return nil, "", fmt.Errorf("product %q does not start with \"Exchange\"", s)
	}
	words = words[1:]
	if len(words) > 0 && strings.EqualFold(words[0], "Server") {
		words = words[1:]
	}
	v, n := c.versionWords(words)
	if v == nil {
		return nil, "", fmt.Errorf("product %q names no Exchange version exlint knows (%s)", s, strings.Join(c.VersionIDs(), ", "))
	}
	name := NormalizeUpdateName(strings.Join(words[n:], " "))
	if name == "" {
		return nil, "", fmt.Errorf("product %q names no update", s)
	}
	// Microsoft writes a service pack itself "SP1 RTM".
	if sp, ok := strings.CutSuffix(name, " RTM"); ok && hasPrefixDigits(strings.ToLower(sp), "sp") && !strings.Contains(sp, " ") {
		name = sp
	}
	if alias, ok := c.aliases[[2]string{v.ID, name}]; ok {
		name = alias
	}
	return v, name, nil
}

// versionWords finds the version the words start with, by its ID ("2019",
// "SE") or by its name without "Exchange" and "Server" ("Subscription
// Edition"), and how many words name it.
func (c *Catalog) versionWords(words []string) (*Version, int) {
	for _, v := range c.versions {
		var phrase []string
		for _, w := range strings.Fields(v.Name) {
			if !strings.EqualFold(w, "Exchange") && !strings.EqualFold(w, "Server") {
				phrase = append(phrase, w)
			}
		}
		for _, p := range [][]string{{v.ID}, phrase} {
			if len(p) == 0 || len(words) < len(p) {
				continue
			}
			match := true
			for i := range p {
				match = match && strings.EqualFold(words[i], p[i])
			}
			if match {
				return v, len(p)
			}
		}
	}
	return nil, 0
}

// nameKind tells a release's kind by its canonical name, or "" when the
// name does not say (Exchange 2000 and 2003 post-service-pack rollups).
func nameKind(name string) Kind {
	last := name[strings.LastIndex(name, " ")+1:]
	if i := strings.LastIndex(last, "v"); i > 0 && isDigits(last[i+1:]) {
		last = last[:i] // a re-release: "RU8v2", "Aug23SUv2"
	}
	lower := strings.ToLower(last)
	switch {
	case last == "RTM":
		return RTM
	case last == "Preview":
		return Preview
	case hasPrefixDigits(lower, "sp"):
		return ServicePack
	case hasPrefixDigits(lower, "ru"):
		return UpdateRollup
	case hasPrefixDigits(lower, "cu"):
		return CumulativeUpd
	case len(last) == 7 && isLetters(lower[:3]) && isDigits(last[3:5]) && last[5:] == "SU":
		return SecurityUpdate
	case len(last) == 7 && isLetters(lower[:3]) && isDigits(last[3:5]) && last[5:] == "HU":
		return HotfixUpdate
	}
	return ""
}

// parseUSDate reads Microsoft's M/D/YYYY ("8/11/2026", "02/14/2023").
func parseUSDate(s string) (Date, error) {
	parts := strings.Split(s, "/")
	bad := fmt.Errorf("date %q is not M/D/YYYY", s)
	if len(parts) != 3 || len(parts[2]) != 4 {
		return Date{}, bad
	}
	var n [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 || !isDigits(p) {
			return Date{}, bad
		}
		n[i], _ = strconv.Atoi(p)
	}
	if len(parts[0]) > 2 || len(parts[1]) > 2 {
		return Date{}, bad
	}
	d, err := ParseDate(fmt.Sprintf("%04d-%02d-%02d", n[2], n[0], n[1]))
	if err != nil {
		return Date{}, fmt.Errorf("date %q does not exist", s)
	}
	return d, nil
}
