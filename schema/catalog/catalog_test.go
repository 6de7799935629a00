package catalog

import (
	"strings"
	"testing"
	"time"
)

// Pins published build numbers and dates (MS-BUILDS, CSS-HC, MS-GEBN). A change to
// the data that moves any of these is a change of fact and must be deliberate.
func TestReleasesPinned(t *testing.T) {
	c := Default()
	cases := []struct{ version, name, build, date string }{
		{"2000", "SP3", "6.0.6249", "2002-07-18"},
		{"2003", "SP2", "6.5.7638", "2005-10-19"},
		{"5.5", "SP4", "5.5.2653", "2000-11-01"},
		{"2016", "CU23 Aug26SU", "15.1.2507.72", "2026-08-11"},
		{"SE", "RTM Aug26SU", "15.2.2562.46", "2026-08-11"},
		{"2003", "SP2 PostSP2 Aug08", "6.5.7654.4", "2008-08"},
		{"2007", "RTM", "8.0.685.25", "2007-03-08"},
		{"2007", "SP2", "8.2.176.2", "2009-08-24"},
		{"2007", "SP3 RU10", "8.3.298.3", "2013-02-11"},
		{"2007", "SP3 RU13", "8.3.348.2", "2014-02-24"},
		{"2007", "SP3 RU23", "8.3.517.0", "2017-03-21"},
		{"2010", "SP3", "14.3.123.4", "2013-02-12"},
		{"2010", "SP3 RU5", "14.3.181.6", "2014-02-24"},
		{"2010", "SP3 RU11", "14.3.266.2", "2015-09-15"},
		{"2010", "SP3 RU19", "14.3.382.0", "2017-12-19"},
		{"2010", "SP3 RU22", "14.3.411.0", "2018-06-19"},
		{"2010", "SP3 RU32", "14.3.513.0", "2021-03-02"},
		{"2013", "RTM", "15.0.516.32", "2012-12-03"},
		{"2013", "CU1", "15.0.620.29", "2013-04-02"},
		{"2013", "CU4", "15.0.847.32", "2014-02-25"},
		{"2013", "CU10", "15.0.1130.7", "2015-09-15"},
		{"2013", "CU19", "15.0.1365.1", "2017-12-19"},
		{"2013", "CU21", "15.0.1395.4", "2018-06-19"},
		{"2013", "CU23", "15.0.1497.2", "2019-06-18"},
		{"2013", "CU23 Mar23SU", "15.0.1497.48", "2023-03-14"},
		{"2016", "RTM", "15.1.225.42", "2015-10-01"},
		{"2016", "CU8", "15.1.1415.2", "2017-12-19"},
		{"2016", "CU11", "15.1.1591.10", "2018-10-16"},
		{"2016", "CU18", "15.1.2106.2", "2020-09-15"},
		{"2016", "CU23", "15.1.2507.6", "2022-04-20"},
		{"2016", "CU23 Apr25HU", "15.1.2507.55", "2025-04-18"},
		{"2019", "RTM", "15.2.221.12", "2018-10-22"},
		{"2019", "CU7", "15.2.721.2", "2020-09-15"},
		{"2019", "CU12", "15.2.1118.7", "2022-04-20"},
		{"2019", "CU14", "15.2.1544.4", "2024-02-13"},
		{"2019", "CU14 Apr25HU", "15.2.1544.25", "2025-04-18"},
		{"2019", "CU15", "15.2.1748.10", "2025-02-10"},
		{"2019", "CU15 Apr25HU", "15.2.1748.24", "2025-04-18"},
		{"SE", "RTM", "15.2.2562.17", "2025-07-01"},
	}
	for _, tc := range cases {
		v := c.Version(tc.version)
		if v == nil {
			t.Fatalf("no version %s", tc.version)
		}
		r := c.Release(v, tc.name)
		if r == nil {
			t.Errorf("%s %s: not in the catalogue", tc.version, tc.name)
			continue
		}
		if got := r.Build.String(); got != tc.build {
			t.Errorf("%s %s: build %s, want %s", tc.version, tc.name, got, tc.build)
		}
		if got := r.Date.String(); got != tc.date {
			t.Errorf("%s %s: date %s, want %s", tc.version, tc.name, got, tc.date)
		}
		if len(r.Sources) == 0 {
			t.Errorf("%s %s: no source", tc.version, tc.name)
		}
	}
}

func TestLifecyclePinned(t *testing.T) {
	c := Default()
	cases := []struct{ version, ga, end string }{
		{"2003", "2003-09-28", "2014-04-08"},
		{"2007", "2007-03-08", "2017-04-11"},
		{"2010", "2009-11-09", "2020-10-13"},
		{"2013", "2012-12-03", "2023-04-11"},
		{"2016", "2015-10-01", "2025-10-14"},
		{"2019", "2018-10-22", "2025-10-14"},
	}
	for _, tc := range cases {
		v := c.Version(tc.version)
		end, ok := v.EndOfSupport()
		if !ok || end.String() != tc.end {
			t.Errorf("%s: end of support %v %v, want %s", tc.version, end, ok, tc.end)
		}
		if v.GA.String() != tc.ga {
			t.Errorf("%s: GA %s, want %s", tc.version, v.GA, tc.ga)
		}
	}
	if _, ok := c.Version("SE").EndOfSupport(); ok {
		t.Error("SE follows the Modern Lifecycle Policy: no end-of-support date")
	}
}

func TestAliases(t *testing.T) {
	c := Default()
	v := c.Version("2013")
	if r := c.Release(v, "SP1"); r == nil || r.Name != "CU4" {
		t.Fatalf("2013 SP1 = %v, want CU4", r)
	}
	for _, spelling := range []string{"cu23", " CU23 ", "Cu23"} {
		if r := c.Release(v, spelling); r == nil || r.Name != "CU23" {
			t.Errorf("%q did not resolve to CU23", spelling)
		}
	}
	v7 := c.Version("2007")
	for _, spelling := range []string{"sp3 ru10", "SP3  RU10", "SP3-RU10", "sp3_ru10"} {
		if r := c.Release(v7, spelling); r == nil || r.Name != "SP3 RU10" {
			t.Errorf("%q did not resolve to SP3 RU10", spelling)
		}
	}
	if r := c.Release(v7, "SP3 RU8 v2"); r == nil || r.Build.String() != "8.3.279.5" {
		t.Errorf("SP3 RU8 v2 = %v", r)
	}
	if r := c.Release(c.Version("2019"), "cu14 apr25hu"); r == nil || r.Name != "CU14 Apr25HU" {
		t.Errorf("cu14 apr25hu = %v", r)
	}
	for _, a := range [][3]string{{"2013", "SP1 Mar21SU", "CU4 Mar21SU"}, {"2016", "CU12 Feb19SU", "CU12"},
		{"2003", "sp2 postsp2 aug08", "SP2 PostSP2 Aug08"}, {"2019", "CU1 Feb19SU", "CU1"}} {
		if r := c.Release(c.Version(a[0]), a[1]); r == nil || r.Name != a[2] {
			t.Errorf("%s %q = %v, want %s", a[0], a[1], r, a[2])
		}
	}
	if r := c.Release(c.Version("2007"), "RTM RU1"); r == nil || r.Name != "RU1" {
		t.Errorf("RTM RU1 = %v", r)
	}
}

func TestResolveBuild(t *testing.T) {
	c := Default()
	cases := []struct {
		build   string
		version string
		release string
		exact   bool
	}{
		{"15.2.2562.17", "SE", "RTM", true},
		{"15.2.2562.30", "SE", "RTM Oct25SU", false},
		{"15.2.2562.47", "SE", "RTM Aug26SU", false},
		{"15.2.2561.0", "2019", "CU15 Aug26SU", false},
		{"15.2.1748.24", "2019", "CU15 Apr25HU", true},
		{"15.02.1748.024", "2019", "CU15 Apr25HU", true}, // long form
		{"15.2.1748.23", "2019", "CU15", false},
		{"15.2.1748.10", "2019", "CU15", true},
		{"15.2.1748.9", "2019", "CU14 Aug26SU", false},
		{"15.0.1497.2", "2013", "CU23", true},
		{"15.0.1497.3", "2013", "CU23 Jul19SU", true},
		{"15.0.1497.49", "2013", "CU23 Mar23SU", false},
		{"15.1.2507.55", "2016", "CU23 Apr25HU", true},
		{"15.1.2507.73", "2016", "CU23 Aug26SU", false},
		{"15.1.2507.54", "2016", "CU23 Nov24SUv2", false},
		{"8.3.298.3", "2007", "SP3 RU10", true},
		{"8.3.298.2", "2007", "SP3 RU9", false},
		{"14.3.266.2", "2010", "SP3 RU11", true},
		{"6.5.7683", "2003", "SP2", true}, // Learn's build, an alternate
		{"6.5.7638", "2003", "SP2", true},
		{"14.3.266.1", "2010", "SP3 RU11", true}, // MS-GEBN's build, an alternate
		{"15.1.1415.8", "2016", "CU8 Mar21SU", true},
	}
	for _, tc := range cases {
		r, exact := c.ResolveBuild(MustBuild(tc.build))
		if r == nil {
			t.Errorf("%s: unresolved", tc.build)
			continue
		}
		if r.Version.ID != tc.version || r.Name != tc.release || exact != tc.exact {
			t.Errorf("%s: %s %s exact=%v, want %s %s exact=%v", tc.build, r.Version.ID, r.Name, exact, tc.version, tc.release, tc.exact)
		}
	}
	for _, b := range []string{"16.0.1.1", "7.0.1.1", "15.0.1.1", "1.2"} {
		if r, _ := c.ResolveBuild(MustBuild(b)); r != nil {
			t.Errorf("%s resolved to %v; it is no known release", b, r)
		}
	}
}

func TestLevels(t *testing.T) {
	c := Default()
	su := c.Release(c.Version("2019"), "CU14 Apr25HU")
	if su.Level == nil || su.Level.Name != "CU14" {
		t.Fatalf("CU14 Apr25HU level = %v", su.Level)
	}
	cu := c.Release(c.Version("2019"), "CU14")
	if cu.Level != cu {
		t.Errorf("a CU is its own level")
	}
	se := c.Release(c.Version("SE"), "RTM Feb26SU")
	if se.Level.Name != "RTM" {
		t.Errorf("SE update level = %s", se.Level.Name)
	}
}

func TestCurrent(t *testing.T) {
	c := Default()
	cases := []struct {
		version, on, latest, previous string
	}{
		{"2019", "2025-02-09", "CU14", "CU13"},
		{"2019", "2025-02-10", "CU15", "CU14"},
		{"2019", "2026-11-21", "CU15", "CU14"},
		{"2016", "2022-04-19", "CU22", "CU21"},
		{"2016", "2022-04-20", "CU23", "CU22"},
		{"2013", "2026-11-21", "CU23", "CU22"},
		// 2007: SP2 RU5 came out after SP3 but ranks below it.
		{"2007", "2010-12-09", "SP3 RU1", "SP3"},
		{"2007", "2010-12-10", "SP3 RU2", "SP3 RU1"},
		{"2010", "2026-11-21", "SP3 RU32", "SP3 RU31"},
		{"SE", "2026-11-21", "RTM", ""},
		// Re-released rollups fold into one level, represented by the
		// highest build released by the date.
		{"2007", "2012-08-12", "SP3 RU7", "SP3 RU6"},
		{"2007", "2012-08-13", "SP3 RU8", "SP3 RU7"},
		{"2007", "2012-10-09", "SP3 RU8v2", "SP3 RU7"},
		{"2007", "2012-11-13", "SP3 RU8v3", "SP3 RU7"},
		{"2007", "2012-12-10", "SP3 RU9", "SP3 RU8v3"},
		{"2010", "2011-04-06", "SP1 RU3v3", "SP1 RU2"},
		{"2010", "2012-11-13", "SP2 RU5", "SP2 RU4v2"},
		{"2010", "2012-12-10", "SP2 RU5v2", "SP2 RU4v2"},
		{"2010", "2014-12-12", "SP3 RU8v2", "SP3 RU7"},
		{"2010", "2015-03-17", "SP3 RU9", "SP3 RU8v2"},
	}
	for _, tc := range cases {
		latest, prev := c.Version(tc.version).Current(MustDate(tc.on))
		got := [2]string{name(latest), name(prev)}
		if got != [2]string{tc.latest, tc.previous} {
			t.Errorf("%s on %s: latest %q previous %q, want %q %q", tc.version, tc.on, got[0], got[1], tc.latest, tc.previous)
		}
	}
	if l, _ := c.Version("2019").Current(MustDate("2018-01-01")); l != nil {
		t.Errorf("2019 had no release in 2018-01: got %v", l)
	}
}

func TestBaseName(t *testing.T) {
	c := Default()
	cases := []struct{ version, release, base string }{
		{"2007", "SP3 RU8", "SP3 RU8"},
		{"2007", "SP3 RU8v2", "SP3 RU8"},
		{"2007", "SP3 RU8v3", "SP3 RU8"},
		{"2007", "SP3 RU3v2", "SP3 RU3"},
		{"2010", "SP1 RU3v3", "SP1 RU3"},
		{"2016", "CU23 Aug23SUv2", "CU23 Aug23SU"},
		{"2016", "CU23 Nov24SU", "CU23 Nov24SU"}, // the v of Nov is no suffix
		{"2019", "CU15", "CU15"},
		{"2010", "RTM", "RTM"},
		{"2003", "SP2 PostSP2 Aug08", "SP2 PostSP2 Aug08"},
	}
	for _, tc := range cases {
		r := c.Release(c.Version(tc.version), tc.release)
		if r == nil {
			t.Fatalf("%s %s: no such release", tc.version, tc.release)
		}
		if got := r.BaseName(); got != tc.base {
			t.Errorf("%s %s: base %q, want %q", tc.version, tc.release, got, tc.base)
		}
	}
}

func name(r *Release) string {
	if r == nil {
		return ""
	}
	return r.Name
}

func TestLatestUpdate(t *testing.T) {
	c := Default()
	v := c.Version("2019")
	cu15 := c.Release(v, "CU15")
	if u := v.LatestUpdate(cu15, MustDate("2025-06-01")); u == nil || u.Name != "CU15 May25HU" {
		t.Errorf("latest CU15 update on 2025-06-01 = %v", u)
	}
	// Month-only dates are not taken as released before the month is over.
	if u := v.LatestUpdate(cu15, MustDate("2025-05-15")); u == nil || u.Name != "CU15 Apr25HU" {
		t.Errorf("latest CU15 update on 2025-05-15 = %v", u)
	}
	if u := v.LatestUpdate(cu15, MustDate("2025-03-01")); u != nil {
		t.Errorf("no CU15 update by 2025-03-01, got %v", u)
	}
}

func TestEveryRowHasASourceWithATitle(t *testing.T) {
	c := Default()
	for _, v := range c.Versions() {
		if len(v.Sources) == 0 {
			t.Errorf("version %s has no source", v.ID)
		}
		for _, r := range v.Releases() {
			for _, s := range r.Sources {
				if s.Title == "" {
					t.Errorf("%s: source %s has no title", r, s.Key)
				}
			}
		}
	}
}

func TestPlatformTables(t *testing.T) {
	c := Default()
	if w := c.WindowsByID("2012R2"); w == nil || w.Name != "Windows Server 2012 R2" {
		t.Errorf("2012R2 = %v", w)
	}
	if f := c.FFLByID("2012R2"); f == nil || f.Level != 6 {
		t.Errorf("FFL 2012R2 = %v", f)
	}
	if d := c.DotNetByID("4.8.1"); d == nil || d.Release != 533320 {
		t.Errorf(".NET 4.8.1 = %v", d)
	}
	lvl, err := c.ParseOutlook("2010 SP2")
	if err != nil || lvl.String() != "Outlook 2010 SP2" {
		t.Errorf("2010 SP2 = %v, %v", lvl, err)
	}
	if _, err := c.ParseOutlook("2010 SP3"); err == nil || !strings.Contains(err.Error(), "up to SP2") {
		t.Errorf("2010 SP3 should be refused: %v", err)
	}
	a, _ := c.ParseOutlook("2007 SP3")
	b, _ := c.ParseOutlook("2010")
	if a.Compare(b) >= 0 {
		t.Error("Outlook 2007 SP3 ranks below Outlook 2010")
	}
}

func TestBuildParsing(t *testing.T) {
	for _, bad := range []string{"", "15", "15.2.x.1", "15..2.1", "1.2.3.4.5", "-1.2", "15.2.1748.1234567890"} {
		if _, err := ParseBuild(bad); err == nil {
			t.Errorf("ParseBuild(%q) accepted", bad)
		}
	}
	if MustBuild("15.02.1748.010").String() != "15.2.1748.10" {
		t.Error("long form should print in short form")
	}
	if MustBuild("6.5.7683").String() != "6.5.7683" {
		t.Error("three-part builds print three parts")
	}
}

func TestDates(t *testing.T) {
	for _, bad := range []string{"2025-02-30", "2025-13-01", "25-01-01", "2025/01/01", "2025-1-1", "x"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if MustDate("2025-04").Compare(MustDate("2025-04-30")) <= 0 {
		t.Error("a month-only date sorts after the days of its month")
	}
	if d := MustDate("2025-10-14").AddDays(365); d.String() != "2026-10-14" {
		t.Errorf("AddDays = %s", d)
	}
	if n := MustDate("2025-10-14").DaysUntil(MustDate("2026-10-14")); n != 365 {
		t.Errorf("DaysUntil = %d", n)
	}
}

// The latest and the previous level count as current; after the end of
// support, only the levels Microsoft went on servicing.
func TestCurrentLevels(t *testing.T) {
	c := Default()
	cases := []struct {
		version, on string
		want        string
	}{
		{"2019", "2025-02-09", "CU13 CU14"},
		{"2019", "2025-02-10", "CU14 CU15"},
		{"2019", "2025-10-14", "CU14 CU15"},
		{"2019", "2026-11-21", "CU14 CU15"}, // after end of support: the levels still serviced
		{"2016", "2022-04-20", "CU22 CU23"},
		{"2016", "2025-10-14", "CU22 CU23"},
		{"2016", "2025-10-15", "CU23"},
		{"2013", "2023-04-11", "CU22 CU23"},
		{"2013", "2023-04-12", "CU23"},
		{"2010", "2020-10-13", "SP3 RU29 SP3 RU30"},
		{"2010", "2026-11-21", "SP3 RU32"}, // RU31 and RU32 came out after the end of support
		{"2007", "2026-11-21", "SP3 RU23"},
		{"SE", "2026-11-21", "RTM"},
		{"2010", "2012-12-10", "SP2 RU4v2 SP2 RU5v2"}, // not RU5 and its re-release RU5v2
		{"2007", "2012-11-13", "SP3 RU7 SP3 RU8v3"},
	}
	for _, tc := range cases {
		var got []string
		for _, r := range c.Version(tc.version).CurrentLevels(MustDate(tc.on)) {
			got = append(got, r.Name)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%s on %s: %v, want %s", tc.version, tc.on, got, tc.want)
		}
	}
}

// DaysUntil counts calendar days however far apart the dates are, where a
// time.Duration stops at about 292 years (106,751 days).
func TestDaysUntilFarApart(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     int
	}{
		{"0001-01-01", "9999-12-31", 3652058},
		{"9999-12-31", "0001-01-01", -3652058},
		{"2026-12-06", "2400-01-01", 136261},
		{"0000-01-01", "0001-01-01", 366}, // year 0 is a leap year
		{"2024-02-28", "2024-03-01", 2},
		{"2100-02-28", "2100-03-01", 1}, // 2100 is not
		{"2026-12", "2027-01-01", 31},   // a month-only date is its first day
	} {
		if got := MustDate(tc.from).DaysUntil(MustDate(tc.to)); got != tc.want {
			t.Errorf("%s to %s: %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
	// Where time.Duration is exact, the same as it.
	start := time.Date(1850, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 250*365; i += 97 {
		a := start.AddDate(0, 0, i)
		b := start.AddDate(0, 0, (i*7919)%(250*365))
		want := int(b.Sub(a).Hours() / 24)
		if got := DateOf(a).DaysUntil(DateOf(b)); got != want {
			t.Fatalf("%s to %s: %d, want %d", DateOf(a), DateOf(b), got, want)
		}
	}
}
