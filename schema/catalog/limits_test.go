package catalog

import (
	"strings"
	"testing"
)

// The facts of limits.csv load with their kinds, and each accessor returns
// what its row states.
func TestLimits(t *testing.T) {
	c := Default()
	if got := c.Count("hybrid-tenants-max"); got != 5 {
		t.Errorf("hybrid-tenants-max: %d", got)
	}
	if got := c.PlatformID("exchange-2010-dotnet"); got != "3.5 SP1" {
		t.Errorf("exchange-2010-dotnet: %s", got)
	}
	if got := c.Count("cutover-mailboxes-max"); got != 2000 {
		t.Errorf("cutover-mailboxes-max: %d", got)
	}
	if got := c.Count("cutover-mailboxes-recommended"); got != 150 {
		t.Errorf("cutover-mailboxes-recommended: %d", got)
	}
	if got := c.Day("hybrid-app-permanent-block").String(); got != "2025-10-31" {
		t.Errorf("hybrid-app-permanent-block: %s", got)
	}
	if got := c.DaysList("hybrid-app-temporary-blocks"); len(got) != 2 || got[0].String() != "2025-09-16" || got[1].String() != "2025-10-07" {
		t.Errorf("hybrid-app-temporary-blocks: %v", got)
	}
	if got := c.Days("certificate-warning-days"); got != 60 {
		t.Errorf("certificate-warning-days: %d", got)
	}
	if got := c.CU("se-coexistence-blocking-cu"); got != 2 {
		t.Errorf("se-coexistence-blocking-cu: %d", got)
	}
	if got := c.PlatformID("adfs-windows-min"); got != "2012R2" {
		t.Errorf("adfs-windows-min: %s", got)
	}
	if got := c.Ports("migration-rpc-proxy-ports"); len(got) != 3 || got[0] != 6001 || got[1] != 6002 || got[2] != 6004 {
		t.Errorf("migration-rpc-proxy-ports: %v", got)
	}
	if got := c.Build("entra-connect-sync-min-build"); got != "2.5.79.0" {
		t.Errorf("entra-connect-sync-min-build: %s", got)
	}
	if got := c.Day("entra-connect-sync-cutoff").String(); got != "2026-09-30" {
		t.Errorf("entra-connect-sync-cutoff: %s", got)
	}
	for _, l := range c.Limits() {
		if len(l.Sources) == 0 || l.Note == "" {
			t.Errorf("%s: every fact has a source and a note", l.Key)
		}
	}
}

// A build fact loads as written, from two to four numbers.
func TestLimitBuild(t *testing.T) {
	for _, b := range []string{"2.5", "2.5.79", "2.5.79.0", "15.2.1748.39"} {
		c, err := loadFrom(withTables(t, map[string]string{"limits.csv": "+x,build," + b + ",MS-ENTRA,n"}))
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if got := c.Build("x"); got != b {
			t.Errorf("build %s: got %s", b, got)
		}
	}
}

// A fact asked with the wrong kind, or one the data lacks, is a defect.
func TestLimitMisuse(t *testing.T) {
	c := Default()
	for _, f := range []func(){
		func() { c.Count("no-such-limit") },
		func() { c.Day("hybrid-tenants-max") },
		func() { c.Build("hybrid-tenants-max") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("want a panic")
				}
			}()
			f()
		}()
	}
}

// Malformed rows are refused at load, naming the file and line.
func TestLimitsRefused(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"x,count,0,MS-CUTOVER,n", "positive whole number"},
		{"x,count,many,MS-CUTOVER,n", "positive whole number"},
		{"x,date,2025-10,MS-CUTOVER,n", "YYYY-MM-DD"},
		{"x,date,2025-10-01;2025-10-02,MS-CUTOVER,n", "one date"},
		{"x,dates,2025-10-02;2025-10-01,MS-CUTOVER,n", "in order"},
		{"x,windows,2030,MS-CUTOVER,n", "windows.csv"},
		{"x,dotnet,5.0,MS-CUTOVER,n", "dotnet.csv"},
		{"exchange-2010-dotnet,dotnet,3.5 SP1,MS-MATRIX,again", "given twice"},
		{"x,colour,red,MS-CUTOVER,n", "unknown kind"},
		{"x,ports,6001;http,MS-CUTOVER,n", "whole numbers from 1 to 65535"},
		{"x,ports,0,MS-CUTOVER,n", "whole numbers from 1 to 65535"},
		{"x,ports,65536,MS-CUTOVER,n", "whole numbers from 1 to 65535"},
		{"x,ports,6004;6001,MS-CUTOVER,n", "increasing order"},
		{"x,build,2,MS-ENTRA,n", "two to four whole numbers"},
		{"x,build,1.2.3.4.5,MS-ENTRA,n", "two to four whole numbers"},
		{"x,build,2..79,MS-ENTRA,n", "two to four whole numbers"},
		{"x,build,v2.5,MS-ENTRA,n", "two to four whole numbers"},
		{"x,count,3,NO-SUCH-SOURCE,n", "unknown source"},
		{"hybrid-tenants-max,count,3,MS-CUTOVER,n", "given twice"},
	} {
		_, err := loadFrom(withTables(t, map[string]string{"limits.csv": "+" + tc.row}))
		if err == nil || !strings.HasPrefix(err.Error(), "limits.csv:") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want limits.csv:LINE: ...%s", tc.row, err, tc.want)
		}
	}
}
