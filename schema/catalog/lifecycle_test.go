package catalog

import (
	"slices"
	"strings"
	"testing"
)

// Exchange versions: in support from general availability through the last
// day, not after; SE has no end.
func TestVersionInSupport(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		version, on string
		want        bool
	}{
		{"2019", "2025-10-14", true},
		{"2019", "2025-10-15", false},
		{"2013", "2023-04-11", true},
		{"2013", "2023-04-12", false},
		{"SE", "2099-01-01", true},
		{"SE", "2025-06-30", false}, // before its general availability
		{"SE", "2025-07-01", true},
	} {
		if got := c.Version(tc.version).InSupport(MustDate(tc.on)); got != tc.want {
			t.Errorf("%s on %s: %v, want %v", tc.version, tc.on, got, tc.want)
		}
	}
	var ids []string
	for _, v := range c.SupportedVersions(MustDate("2025-10-14")) {
		ids = append(ids, v.ID)
	}
	if strings.Join(ids, " ") != "2016 2019 SE" {
		t.Errorf("in support on 2025-10-14: %v", ids)
	}
}

// Windows Server: the recorded date decides, through its last day; without
// one, the order of the versions decides where it can, and otherwise it is
// unknown.
func TestWindowsInSupport(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		id, on      string
		in, known   bool
		description string
	}{
		{"2012R2", "2023-10-10", true, true, "the last day"},
		{"2012R2", "2023-10-11", false, true, "the day after"},
		{"2022", "2031-10-14", true, true, "the last day"},
		{"2003", "2015-07-14", true, true, "the last day"},
		{"2003", "2015-07-15", false, true, "the day after"},
		{"2000", "2015-07-15", false, true, "older than 2003, whose support ended on 2015-07-14"},
		{"2000", "2015-07-14", false, false, "no version older than 2000 known in support, none newer known past"},
		{"2025", "2034-11-14", true, true, "the last day"},
		{"2025", "2034-11-15", false, true, "the day after"},
		{"2099", "2026-11-21", false, false, "not a version the catalogue knows"},
	} {
		in, known := c.WindowsInSupport(tc.id, MustDate(tc.on))
		if in != tc.in || known != tc.known {
			t.Errorf("%s on %s (%s): in %v known %v, want %v %v", tc.id, tc.on, tc.description, in, known, tc.in, tc.known)
		}
	}
	all := []string{"2003", "2008R2", "2012R2", "2016", "2019", "2022", "2025"}
	if got := c.SupportedWindows(all, MustDate("2026-11-21")); !slices.Equal(got, []string{"2016", "2019", "2022", "2025"}) {
		t.Errorf("in support on 2026-11-21: %v", got)
	}
	if got := c.SupportedWindows(all, MustDate("2027-01-13")); !slices.Equal(got, []string{"2019", "2022", "2025"}) {
		t.Errorf("in support on 2027-01-13: %v", got)
	}
}

// Outlook and .NET Framework: a recorded end decides; no date is not known
// to be past its end.
func TestPlatformInSupport(t *testing.T) {
	c := Default()
	on := MustDate("2026-11-21")
	for id, want := range map[string]bool{"2016": false, "2021": false, "2024": true, "365": true} {
		if got := c.OutlookByID(id).InSupport(on); got != want {
			t.Errorf("Outlook %s on %s: %v, want %v", id, on, got, want)
		}
	}
	if !c.OutlookByID("2016").InSupport(MustDate("2025-10-14")) {
		t.Error("Outlook 2016 is in support on its last day")
	}
	for id, want := range map[string]bool{"4.5": false, "4.5.1": false, "4.5.2": false, "4.6": false, "4.6.1": false, "4.6.2": true, "4.8": true, "3.5 SP1": true} {
		if got := c.DotNetByID(id).InSupport(on); got != want {
			t.Errorf(".NET Framework %s on %s: %v, want %v", id, on, got, want)
		}
	}
	if !c.DotNetByID("4.6.1").InSupport(MustDate("2022-04-26")) || c.DotNetByID("4.6.1").InSupport(MustDate("2022-04-27")) {
		t.Error(".NET Framework 4.6.1: supported through 2022-04-26, not after")
	}
	if !c.DotNetByID("4.5.1").InSupport(MustDate("2016-01-12")) || c.DotNetByID("4.5.1").InSupport(MustDate("2016-01-13")) {
		t.Error(".NET Framework 4.5.1: supported through 2016-01-12, not after")
	}
	_, err := loadFrom(withTables(t, map[string]string{"dotnet.csv": "+4.9,.NET Framework 4.9,600000,2040-13-01,CSS-HC-NET"}))
	if err == nil || !strings.HasPrefix(err.Error(), "dotnet.csv:") || !strings.Contains(err.Error(), "extended_end") {
		t.Errorf("a malformed extended_end: %v", err)
	}
}
