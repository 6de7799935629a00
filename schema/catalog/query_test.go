package catalog

import "testing"

func TestHorizon(t *testing.T) {
	c := Default()
	h := c.Horizon()
	for _, v := range c.Versions() {
		for _, r := range v.Releases() {
			if r.Date.After(h) {
				t.Errorf("%s is dated after the horizon %s", r, h)
			}
		}
	}
	// The newest rows of the embedded catalogue (MS-GEBN, August 2026).
	if h != MustDate("2026-08-11") {
		t.Errorf("horizon = %s, want 2026-08-11", h)
	}
}

// The catalogue is stale more than StaleDays past its horizon: exactly 90
// days is not stale, 91 is.
func TestStale(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		on    string
		age   int
		stale bool
	}{
		{"2026-08-11", 0, false},
		{"2026-08-01", -10, false},
		{"2026-11-09", 90, false},
		{"2026-11-10", 91, true},
		{"2027-08-11", 365, true},
	} {
		if age, stale := c.Age(MustDate(tc.on)), c.Stale(MustDate(tc.on)); age != tc.age || stale != tc.stale {
			t.Errorf("on %s: age %d, stale %v; want %d, %v", tc.on, age, stale, tc.age, tc.stale)
		}
	}
}

// On the horizon (2026-08-11), Microsoft was still updating 2016 CU23,
// 2019 CU14 and CU15 (extended security updates) and SE.
func TestUpdated(t *testing.T) {
	c := Default()
	for _, v := range c.Versions() {
		want := v.ID == "2016" || v.ID == "2019" || v.ID == "SE"
		if c.Updated(v) != want {
			t.Errorf("Exchange %s: updated %v, want %v", v.ID, c.Updated(v), want)
		}
	}
}

// A level is live when it is current on the horizon and was updated in the
// 180 days before it; a version is open while in support on the horizon.
func TestLiveAndOpen(t *testing.T) {
	c := Default()
	rel := func(v, n string) *Release { return c.Release(c.Version(v), n) }
	for _, tc := range []struct {
		version, level string
		live           bool
	}{
		{"2019", "CU15", true},
		{"2019", "CU14", true},
		{"2019", "CU13", false},
		{"SE", "RTM", true},
		{"2016", "CU23", true},
		{"2013", "CU23", false}, // last updated in 2023
		{"2010", "SP3 RU32", false},
	} {
		if got := c.Live(rel(tc.version, tc.level)); got != tc.live {
			t.Errorf("Live(%s %s) = %v, want %v", tc.version, tc.level, got, tc.live)
		}
	}
	if c.Live(nil) {
		t.Error("Live(nil)")
	}
	for id, open := range map[string]bool{"SE": true, "2019": false, "2016": false, "2010": false} {
		if got := c.Open(c.Version(id)); got != open {
			t.Errorf("Open(%s) = %v, want %v", id, got, open)
		}
	}
}

func TestCUs(t *testing.T) {
	c := Default()
	for id, uses := range map[string]bool{"2007": false, "2010": false, "2013": true, "2019": true, "SE": true} {
		if got := c.UsesCUs(c.Version(id)); got != uses {
			t.Errorf("UsesCUs(%s) = %v, want %v", id, got, uses)
		}
	}
	for id, n := range map[string]int{"2013": 23, "2016": 23, "2019": 15, "SE": 0, "2010": 0} {
		if got := c.Version(id).NewestCU(); got != n {
			t.Errorf("%s NewestCU = %d, want %d", id, got, n)
		}
	}
	for name, want := range map[string]int{"CU14": 14, "cu14 aug26su": 14, "CU2": 2, "RTM": -1, "SP3 RU10": -1, "CUx": -1} {
		n, ok := CUNumber(name)
		if (want < 0) == ok || (ok && n != want) {
			t.Errorf("CUNumber(%q) = %d, %v; want %d", name, n, ok, want)
		}
	}
}

// ResolveServer: the build wins when it resolves within the version; an
// update the catalogue lacks that names a security or hotfix update of a
// level it knows resolves to that level, at the newest release of the level
// known before the update's month; any other unknown update stays unknown.
func TestResolveServer(t *testing.T) {
	c := Default()
	cases := []struct {
		version, update, build string
		release                string // "" when unknown
	}{
		{"2019", "CU15 Aug26SU", "", "CU15 Aug26SU"},
		{"2019", "CU15 Sep26SU", "", "CU15 Aug26SU"}, // newer than the catalogue
		{"2019", "cu15  sep26su", "", "CU15 Aug26SU"},
		{"2019", "CU15 Aug26HU", "", "CU15 Jul26SU"}, // same month as Aug26SU: below it is July's
		{"2019", "CU15 Jul26HU", "", "CU15 Jun26SU"},
		{"2019", "CU14 Sep26SU", "", "CU14 Aug26SU"},
		{"2019", "CU15 Jan25SU", "", "CU15"}, // before any update of CU15
		{"2016", "CU23 Jan27SU", "", "CU23 Aug26SU"},
		{"2013", "CU23 Sep26SU", "", "CU23 Mar23SU"},
		{"2013", "SP1 Sep26SU", "", "CU4 Mar21SU"}, // the alias of the level
		{"SE", "RTM Oct26HU", "", "RTM Aug26SU"},
		{"2019", "CU99 Sep26SU", "", ""}, // no such level
		{"2019", "CU15 Foo26SU", "", ""}, // no month
		{"2019", "CU15 Sep26XU", "", ""}, // neither SU nor HU
		{"2019", "CU16", "", ""},
		{"SE", "CU1 Dec26SU", "", ""},                 // a planned CU: its level is unknown
		{"2019", "CU14", "15.2.1748.10", "CU15"},      // the build decides
		{"2019", "CU14", "15.1.2507.6", "CU14"},       // a build of another version: the update decides
		{"2019", "CU14", "not a build", "CU14"},       // a malformed build: the update decides
		{"2019", "", "15.2.1748.11", "CU15"},          // between releases: the release below
		{"2016", "", "15.1.2507.999", "CU23 Aug26SU"}, // above the newest: the newest
		{"2019", "", "", ""},
	}
	for _, tc := range cases {
		got := c.ResolveServer(c.Version(tc.version), tc.update, tc.build)
		if name(got) != tc.release {
			t.Errorf("%s update %q build %q: %q, want %q", tc.version, tc.update, tc.build, name(got), tc.release)
		}
	}
}

func TestUpdateMonth(t *testing.T) {
	c := Default()
	level, month, ok := c.UpdateMonth(c.Version("2019"), "cu15 sep26su")
	if !ok || level.Name != "CU15" || month != MustDate("2026-09") {
		t.Errorf("CU15 Sep26SU: %v %s %v", level, month, ok)
	}
	for _, n := range []string{"CU15", "CU15 Sep26", "CU99 Sep26SU", "CU15 Xyz26SU", "CU15 Sep26XU"} {
		if _, _, ok := c.UpdateMonth(c.Version("2019"), n); ok {
			t.Errorf("UpdateMonth(%q) ok", n)
		}
	}
}

func TestIncludes(t *testing.T) {
	c := Default()
	rel := func(v, n string) *Release { return c.Release(c.Version(v), n) }
	for _, tc := range []struct {
		version, named, got string
		want                bool
	}{
		{"2019", "CU15", "CU15", true},
		{"2019", "CU15", "CU14", false},
		{"2007", "SP3 RU8", "SP3 RU8v2", true},
		{"2007", "SP3", "SP3 RU10", true},
		{"2007", "SP3", "SP2 RU5", false},
		{"2007", "RTM", "RU3", true},
		{"2007", "RTM", "SP1 RU3", false},
		{"2010", "SP2 RU4", "SP2 RU4v2", true},
	} {
		if got := rel(tc.version, tc.named).Includes(rel(tc.version, tc.got)); got != tc.want {
			t.Errorf("%s %s includes %s: %v, want %v", tc.version, tc.named, tc.got, got, tc.want)
		}
	}
	if rel("2019", "CU15").Includes(nil) {
		t.Error("includes nil")
	}
}

func TestCurrency(t *testing.T) {
	c := Default()
	cases := []struct {
		version, level, asOf string
		current, known       bool
	}{
		{"2019", "CU15 Aug26SU", "2026-11-21", true, true},
		{"2019", "CU14", "2026-11-21", true, true},
		{"2019", "CU13", "2026-11-21", false, true},
		{"2019", "CU13", "2025-02-09", true, true},
		{"2016", "CU22", "2026-11-21", false, true},
		{"SE", "RTM", "2026-11-21", true, true},
		// A re-released rollup is the same level as the rollup it re-releases.
		{"2007", "SP3 RU8", "2012-11-13", true, true}, // RU8v3 is the latest
		{"2007", "SP3 RU8v2", "2012-11-13", true, true},
		{"2007", "SP3 RU7", "2012-11-13", true, true}, // the previous level
		{"2007", "SP3 RU6", "2012-11-13", false, true},
		{"2007", "SP3 RU7", "2012-12-10", false, true},
		{"2010", "SP2 RU4", "2012-12-10", true, true},
		{"2010", "SP2 RU3", "2012-12-10", false, true},
		{"2019", "CU15", "2018-01-01", false, false}, // nothing released yet
	}
	for _, tc := range cases {
		v := c.Version(tc.version)
		got, known, _ := v.Currency(c.Release(v, tc.level).Level, MustDate(tc.asOf))
		if got != tc.current || known != tc.known {
			t.Errorf("%s %s on %s: current=%v known=%v", tc.version, tc.level, tc.asOf, got, known)
		}
	}
	if _, known, _ := c.Version("2019").Currency(nil, MustDate("2026-11-21")); known {
		t.Error("an unknown level is known to be current or not")
	}
	if l := c.Version("2019").LatestLevel(MustDate("2026-11-21")); name(l) != "CU15" {
		t.Errorf("2019 latest level %q", name(l))
	}
}

func TestNamesAndSmallQueries(t *testing.T) {
	c := Default()
	v13 := c.Version("2013")
	if got := c.LevelAlias(c.Release(v13, "CU4")); got != "SP1" {
		t.Errorf("2013 CU4 alias %q", got)
	}
	if got := c.LevelAlias(c.Release(v13, "CU22")); got != "" {
		t.Errorf("2013 CU22 level alias %q (CU22 Feb19SU names an update, not a level)", got)
	}
	if got := c.WindowsName("2012R2"); got != "Windows Server 2012 R2" {
		t.Errorf("WindowsName: %q", got)
	}
	if got := c.WindowsName("1999"); got != "1999" {
		t.Errorf("WindowsName of an unknown ID: %q", got)
	}
	if got := c.DotNetName("4.8"); got != ".NET Framework 4.8" {
		t.Errorf("DotNetName: %q", got)
	}
	if below, known := c.WindowsBelow("2016", "2022"); !below || !known {
		t.Errorf("2016 below 2022: %v %v", below, known)
	}
	if below, known := c.WindowsBelow("2022", "2022"); below || !known {
		t.Errorf("2022 below 2022: %v %v", below, known)
	}
	if _, known := c.WindowsBelow("1999", "2022"); known {
		t.Error("an unknown Windows is known")
	}
	cu15 := c.Release(c.Version("2019"), "CU15")
	if got := cu15.Ref(); got != "CU15 (15.2.1748.10)" {
		t.Errorf("Ref: %q", got)
	}
	if got := c.Version("SE").ShortName(); got != "Exchange SE" {
		t.Errorf("ShortName: %q", got)
	}
	if n := c.Version("2019").Next(cu15); name(n) != "CU15 Apr25HU" {
		t.Errorf("Next(CU15) = %v", n)
	}
	if got := c.Version("2019").NewestOf(cu15); got.Name != "CU15 Aug26SU" {
		t.Errorf("NewestOf(CU15) = %s", got.Name)
	}
	if !MustBuild("15.2.1748.10").SameFamily(MustBuild("15.2.1748.49")) || MustBuild("15.2.1748.10").SameFamily(MustBuild("15.2.1544.10")) {
		t.Error("SameFamily")
	}
}
