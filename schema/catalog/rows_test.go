package catalog

import (
	"strings"
	"testing"
)

// microsoftRows are real releases written as Microsoft's
// ExchangeBuildNumbers.csv writes them (MS-GEBN): CRLF line ends, M/D/YYYY
// dates (with and without leading zeros), zero-padded builds, "SP1 RTM" for
// a service pack, Exchange 2013 "SP1" for CU4, a note in parentheses, a
// preview, a re-released rollup, a hotfix update and an update of SE.
var microsoftRows = strings.Join([]string{
	"Product Name,Build Number,Date,KB,Blog",
	"Exchange 2007 RU1,8.0.708.3,4/17/2007,,",
	"Exchange 2007 SP1 RTM,8.1.240.6,11/29/2007,,",
	"Exchange 2007 SP3 RTM,8.3.083.6,6/7/2010,,",
	"Exchange 2007 SP3 RU3v2,8.3.159.2,3/30/2011,KB1,",
	"Exchange 2010 SP3 RU27,14.03.0452.000,4/9/2019,,",
	"Exchange 2013 SP1,15.0.847.32,2/25/2014,,",
	"Exchange 2013 SP1 Mar21SU,15.0.847.64,3/2/2021,,",
	"Exchange 2013 CU7,15.0.1044.25,12/09/2014,,",
	"Exchange 2013 CU23 Feb23SU,15.0.1497.47,02/14/2023,,",
	"Exchange 2016 Preview,15.1.225.16,7/22/2015,,",
	"Exchange 2016 CU13,15.01.1779.002,6/18/2019,,",
	"Exchange 2016 CU23 Apr24HU,15.1.2507.39,4/23/2024,,https://example.com/blog",
	"Exchange 2019 CU13 (2023H1),15.2.1258.12,5/3/2023,,",
	"Exchange SE RTM Aug26SU,15.2.2562.46,8/11/2026,,",
}, "\r\n") + "\r\n"

// Each row reads as the release the embedded catalogue has, and merging
// them adds nothing.
func TestReadMicrosoftRows(t *testing.T) {
	c := Default()
	rows, shape, err := c.ReadRows("ExchangeBuildNumbers.csv", []byte(microsoftRows), "--catalog")
	if err != nil {
		t.Fatal(err)
	}
	if shape != ShapeMicrosoft || len(rows) != 14 {
		t.Fatalf("shape %q, %d rows", shape, len(rows))
	}
	want := []string{"2007 RU1", "2007 SP1", "2007 SP3", "2007 SP3 RU3v2", "2010 SP3 RU27", "2013 CU4", "2013 CU4 Mar21SU",
		"2013 CU7", "2013 CU23 Feb23SU", "2016 Preview", "2016 CU13", "2016 CU23 Apr24HU", "2019 CU13", "SE RTM Aug26SU"}
	for i, row := range rows {
		if got := row.Version + " " + row.Name; got != want[i] {
			t.Errorf("row %d: %s, want %s", i, got, want[i])
			continue
		}
		r := c.Release(c.Version(row.Version), row.Name)
		if r == nil || r.Build.Compare(row.Build) != 0 || r.Date != row.Date || r.Kind != row.Kind {
			t.Errorf("%s: read %s %s %s, the catalogue has %v", want[i], row.Build, row.Date, row.Kind, r)
		}
		if row.Origin.Line != i+2 || row.Origin.File != "ExchangeBuildNumbers.csv" || row.Origin.Via != "--catalog" {
			t.Errorf("%s: origin %+v", want[i], row.Origin)
		}
	}
	ext, err := Extend(rows)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range ext.Versions() {
		if len(v.Releases()) != len(c.Version(v.ID).Releases()) {
			t.Errorf("Exchange %s: %d releases after merging rows the catalogue has, want %d", v.ID, len(v.Releases()), len(c.Version(v.ID).Releases()))
		}
	}
}

// A release file in exlint's shape reads back what `exlint catalog
// --format csv` writes: names are made canonical and aliases followed.
func TestReadExlintRows(t *testing.T) {
	src := "# a comment\nversion,name,build,date,kind,source\n2013,sp1,15.0.847.32,2014-02-25,cu,MS-BUILDS;CSS-HC\n2000,SP3 PostSP3 Aug08,6.0.6620.7,2008-08,hu,\n"
	rows, shape, err := Default().ReadRows("mine.csv", []byte(src), "catalog (.exlint.hcl:1:1)")
	if err != nil {
		t.Fatal(err)
	}
	if shape != ShapeExlint || len(rows) != 2 {
		t.Fatalf("shape %q, %d rows", shape, len(rows))
	}
	if r := rows[0]; r.Name != "CU4" || r.Kind != CumulativeUpd || r.Origin.Source != "MS-BUILDS;CSS-HC" || r.Origin.Line != 3 {
		t.Errorf("row 0: %+v", r)
	}
	if r := rows[1]; r.Name != "SP3 PostSP3 Aug08" || r.Date != MustDate("2008-08") || r.Kind != HotfixUpdate {
		t.Errorf("row 1: %+v", r)
	}
	if _, err := Extend(rows); err != nil {
		t.Error(err)
	}
}

// Every problem of a release file names its file and line, and quotes
// nothing raw.
func TestReadRowsErrors(t *testing.T) {
	ms := "Product Name,Build Number,Date,KB,Blog\n"
	ex := "version,name,build,date,kind,source\n"
	for _, tc := range []struct{ src, want string }{
		{"", "f.csv:1: the file is empty"},
		{"a,b,c\n", "f.csv:1: the header is neither Microsoft's ExchangeBuildNumbers.csv"},
		{ms + "Exchange 2019 CU15,15.2.1748.10,2/10/2025\n", "f.csv:2: 3 fields, the header has 5"},
		{ms + "Exchange 2031 CU1,15.2.1748.10,2/10/2025,,\n", `f.csv:2: product "Exchange 2031 CU1" names no Exchange version exlint knows`},
		{ms + "Outlook 2019 CU1,15.2.1748.10,2/10/2025,,\n", `does not start with "Exchange"`},
		{ms + "Exchange 2019,15.2.1748.10,2/10/2025,,\n", `names no update`},
		{ms + "Exchange 2019 Beta2,15.2.1748.10,2/10/2025,,\n", `cannot tell the kind of update "Beta2"`},
		{ms + "Exchange 2019 CU15,15.2.x,2/10/2025,,\n", `build "15.2.x" is not a build number`},
		{ms + "Exchange 2019 CU15,15.1.1748.10,2/10/2025,,\n", "f.csv:2: build 15.1.1748.10 is not one of Exchange Server 2019's"},
		{ms + "Exchange 2019 CU15,15.2.1748.10,2025-02-10,,\n", `date "2025-02-10" is not M/D/YYYY`},
		{ms + "Exchange 2019 CU15,15.2.1748.10,2/30/2025,,\n", `date "2/30/2025" does not exist`},
		{ms + "Exchange 2019 CU15,15.2.1748.10,13/1/2025,,\n", `date "13/1/2025" does not exist`},
		{ms + "Exchange 2019 CU15\x1b[31m,15.2.1748.10,2/10/2025,,\n", "f.csv:2: field 1 holds the control character U+001B"},
		{ms + "Exchange 2019 CU15\u202e,15.2.1748.10,2/10/2025,,\n", "field 1 holds the control character U+202E"},
		{ms + "Exchange 2019 CU15,15.2.1748.10,2/10/2025,," + strings.Repeat("x", 2000) + "\n", "f.csv:2: field 5 is 2000 bytes long"},
		{ms + "\"Exchange 2019 CU15,15.2.1748.10\n", "f.csv:2: not CSV"},
		{ms + "Exchange 2019 CU15,15.2.1748.10,2/10/2025,,\n\xff\n", "f.csv:3: the file is not UTF-8 text"},
		{ex + "2031,CU1,15.2.1748.10,2025-02-10,cu,\n", `f.csv:2: unknown version "2031"`},
		{ex + "2019,CU15,15.2.1748.10,2025-02-10,update,\n", `unknown kind "update"`},
		{ex + "2019,CU15,15.2.1748.10,2025-02-10,su,\n", "CU15 is a release of kind cu by its name, not su"},
		{ex + "2019,CU15,15.2.1748.10,10/2/2025,cu,\n", `date "10/2/2025" is not YYYY-MM-DD`},
		{ex + "2019,,15.2.1748.10,2025-02-10,cu,\n", "f.csv:2: the name is empty"},
		{ex + "2019,CU15 Latest,15.2.1748.10,2025-02-10,su,\n", `f.csv:2: exlint cannot tell the kind of update "CU15 Latest"`},
	} {
		_, _, err := Default().ReadRows("f.csv", []byte(tc.src), "--catalog")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b\u202e") {
			t.Errorf("%q: the error holds the raw control character: %q", tc.src, err)
		}
	}
	// Problems are listed up to a bound, then counted.
	_, _, err := Default().ReadRows("f.csv", []byte(ms+strings.Repeat("x,1.2,3\n", 50)), "--catalog")
	if e, ok := err.(*RowsError); !ok || len(e.Problems) != maxRowProblems || e.More != 50-maxRowProblems || !strings.HasSuffix(err.Error(), "... and 30 more") {
		t.Errorf("error %v", err)
	}
}

func readRows(t *testing.T, name, src string) []Row {
	t.Helper()
	rows, _, err := Default().ReadRows(name, []byte(src), "--catalog")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The test fixture's future release: a fictitious SE update, after the
// embedded horizon. It is not a real release and never goes into the
// embedded data.
const futureRows = "Product Name,Build Number,Date,KB,Blog\n" +
	"Exchange SE RTM Jan27SU,15.2.2562.90,1/12/2027,,TEST FIXTURE: fictitious release\n"

// A row the catalogue lacks is added: it resolves, counts in the horizon
// and carries where it came from.
func TestExtendAddsRows(t *testing.T) {
	c, err := Extend(readRows(t, "future.csv", futureRows))
	if err != nil {
		t.Fatal(err)
	}
	se := c.Version("SE")
	r := c.Release(se, "RTM Jan27SU")
	if r == nil || r.Kind != SecurityUpdate || r.Level != c.Release(se, "RTM") || r.Where() != "future.csv:2" || r.Origin().Via != "--catalog" {
		t.Fatalf("added release %v", r)
	}
	if got, exact := c.ResolveBuild(MustBuild("15.2.2562.90")); got != r || !exact {
		t.Errorf("ResolveBuild = %v, %v", got, exact)
	}
	if c.ResolveServer(se, "RTM Jan27SU", "") != r {
		t.Error("the update does not resolve")
	}
	if c.Horizon() != MustDate("2027-01-12") || Default().Horizon() != MustDate("2026-08-11") {
		t.Errorf("horizons %s (extended), %s (embedded)", c.Horizon(), Default().Horizon())
	}
	if se.NewestOf(r.Level) != r {
		t.Errorf("the newest update of SE RTM is %v", se.NewestOf(r.Level))
	}
	if Default().Release(Default().Version("SE"), "RTM Jan27SU") != nil {
		t.Error("Extend changed the embedded catalogue")
	}
	if e := c.Release(se, "RTM Aug26SU"); e.Origin() != nil || e.Where() != "releases.csv:444" {
		t.Errorf("embedded release: origin %v, where %s", e.Origin(), e.Where())
	}
}

// A row that contradicts the catalogue or an earlier row is an error naming
// both rows; rows that agree with it (an alternate build or date another
// Microsoft source gives, a day of a month-only date) add nothing.
func TestExtendConflicts(t *testing.T) {
	ms := "Product Name,Build Number,Date,KB,Blog\n"
	for _, tc := range []struct{ src, want string }{
		{ms + "Exchange 2019 CU15 Aug26SU,15.2.1748.50,8/11/2026,,\n",
			"a.csv:2: Exchange Server 2019 CU15 Aug26SU is build 15.2.1748.50 here, and 15.2.1748.49 in exlint's catalogue (releases.csv:434, MS-GEBN)"},
		{ms + "Exchange 2019 CU15 Sep26SU,15.2.1748.49,9/8/2026,,\n",
			"a.csv:2: build 15.2.1748.49 is Exchange Server 2019 CU15 Sep26SU here, and CU15 Aug26SU in exlint's catalogue (releases.csv:434, MS-GEBN)"},
		{ms + "Exchange 2019 CU15 Aug26SU,15.2.1748.49,8/12/2026,,\n",
			"a.csv:2: Exchange Server 2019 CU15 Aug26SU is dated 2026-08-12 here, and 2026-08-11 in exlint's catalogue (releases.csv:434, MS-GEBN)"},
		{"version,name,build,date,kind\n2016,Preview,15.1.225.16,2015-07-22,rtm\n", "Preview is a release of kind preview by its name"},
		{ms + "Exchange 2019 CU15 Sep26SU,15.2.1748.52,9/8/2026,,\nExchange 2019 CU15 Sep26SU,15.2.1748.53,9/8/2026,,\n",
			"a.csv:3: Exchange Server 2019 CU15 Sep26SU is build 15.2.1748.53 here, and 15.2.1748.52 in a.csv:2 (--catalog)"},
		{ms + "Exchange SE CU1 Oct26SU,15.2.2600.5,10/13/2026,,\n",
			"a.csv:2: Exchange Server Subscription Edition CU1 Oct26SU is not named after the servicing level below its build, RTM (15.2.2562.17): add the level's row"},
	} {
		rows, _, err := Default().ReadRows("a.csv", []byte(tc.src), "--catalog")
		if err == nil {
			_, err = Extend(rows)
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
	for _, src := range []string{
		ms + "Exchange 2007 SP3 RU13,8.3.348.1,2/24/2014,,\n",                             // MS-GEBN's build; releases.csv has Learn's (alternates.csv)
		ms + "Exchange 2007 SP1 RU2,8.1.278.2,5/8/2008,,\n",                               // MS-GEBN's day; releases.csv has Learn's (alternate_dates.csv)
		"version,name,build,date,kind\n2003,SP2 PostSP2 Aug08,6.5.7654.4,2008-08-14,hu\n", // a day of the month releases.csv dates it by
		ms + "Exchange 2019 CU15 Sep26SU,15.2.1748.52,9/8/2026,,\nExchange 2019 CU15 Sep26SU,15.2.1748.52,9/8/2026,,\n",
	} {
		if _, err := Extend(readRows(t, "a.csv", src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

// A new level and its updates can come in the same file, in any order.
func TestExtendNewLevel(t *testing.T) {
	c, err := Extend(readRows(t, "a.csv", "Product Name,Build Number,Date,KB,Blog\n"+
		"Exchange SE CU1 Jan27SU,15.2.2600.9,1/12/2027,,TEST FIXTURE\n"+
		"Exchange SE CU1,15.2.2600.5,12/8/2026,,TEST FIXTURE\n"))
	if err != nil {
		t.Fatal(err)
	}
	se := c.Version("SE")
	cu1 := c.Release(se, "CU1")
	if cu1 == nil || cu1.Kind != CumulativeUpd || se.NewestOf(cu1).Name != "CU1 Jan27SU" {
		t.Fatalf("CU1 %v", cu1)
	}
	if latest, previous := se.Current(MustDate("2027-02-01")); latest != cu1 || previous.Name != "RTM" {
		t.Errorf("current levels %v, %v", latest, previous)
	}
}

// alternate_dates.csv names a known release and a date releases.csv does
// not give it already.
func TestAlternateDatesLoadErrors(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"2007,SP9,2008-05-08,MS-GEBN,", `unknown release 2007 "SP9"`},
		{"2007,SP1 RU2,2008-05-09,MS-GEBN,", "2007 SP1 RU2 is dated 2008-05-09 in releases.csv already"},
		{"2007,SP1 RU2,2008-5-8,MS-GEBN,", `date "2008-5-8" is not YYYY-MM-DD`},
		{"2007,SP1 RU2,2008-05-07,NOPE,", `unknown source "NOPE"`},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"alternate_dates.csv": "+" + tc.row}))
		if err == nil || !strings.Contains(err.Error(), "alternate_dates.csv:") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.row, err, tc.want)
		}
	}
}
