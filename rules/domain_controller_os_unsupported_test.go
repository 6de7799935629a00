package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The domain controller table (MS-MATRIX, "Supported Active Directory
// environments", with the rows of dc-os), written out again for the test: a column per range of Exchange levels, each tried at both
// ends (and by build across the 2019 CU14/CU15 boundary), against every
// Windows Server version. Y supported, N error, C warning (sources
// disagree), ? silent (nothing known).
var dcTestColumns = []struct {
	name   string
	levels [][2]string // version, update or build
}{
	{"SE", [][2]string{{"SE", "RTM"}, {"SE", "RTM Aug26SU"}}},
	{"2019 CU14+", [][2]string{{"2019", "CU14"}, {"2019", "15.2.1544.4"}, {"2019", "CU15"}, {"2019", "CU15 Aug26SU"}}},
	{"2019 CU12-CU13", [][2]string{{"2019", "CU12"}, {"2019", "CU13"}, {"2019", "15.2.1544.3"}}},
	{"2019 RTM-CU11", [][2]string{{"2019", "RTM"}, {"2019", "CU11"}}},
	{"2016 CU23", [][2]string{{"2016", "CU23"}, {"2016", "15.1.2507.6"}, {"2016", "CU23 Aug26SU"}}},
	{"2016 CU12-CU22", [][2]string{{"2016", "CU12"}, {"2016", "CU22"}, {"2016", "15.1.2507.5"}}},
	{"2016 CU7-CU11", [][2]string{{"2016", "CU7"}, {"2016", "CU11"}}},
	{"2016 CU3-CU6", [][2]string{{"2016", "CU3"}, {"2016", "CU6"}}},
	{"2016 RTM-CU2", [][2]string{{"2016", "RTM"}, {"2016", "CU2"}}},
	{"2013 SP1+", [][2]string{{"2013", "SP1"}, {"2013", "CU23"}}},
	{"2013 RTM-CU3", [][2]string{{"2013", "RTM"}, {"2013", "CU3"}}},
	{"2010 SP3 RU22+", [][2]string{{"2010", "SP3 RU22"}, {"2010", "SP3 RU32"}}},
	{"2010 SP3 RU5-RU21", [][2]string{{"2010", "SP3 RU5"}, {"2010", "SP3 RU21"}}},
	{"2010 RTM-SP3 RU4", [][2]string{{"2010", "RTM"}, {"2010", "SP3 RU4"}}},
	{"2007 SP1 RU9+", [][2]string{{"2007", "SP1 RU9"}, {"2007", "SP3 RU23"}}},
	{"2007 RTM-SP1 RU8", [][2]string{{"2007", "RTM"}, {"2007", "SP1 RU8"}}},
	{"2003", [][2]string{{"2003", "SP2"}}},
	{"2000", [][2]string{{"2000", "SP3"}}},
	{"5.5", [][2]string{{"5.5", "SP4"}}},
}

var dcTestRows = map[string]string{
	// MS-MATRIX-2025: Windows Server 2025 DCs from 2019 CU14, 2022 from 2019 CU12 and 2016 CU23; its 2016
	// row stops at Windows Server 2012, where the 2021 text listed 2008 R2 SP1 for 2016 CU12 and later.
	//        SE  19:14+ 12-13 ≤11  16:23 12-22 7-11 3-6 ≤2  13:SP1+ <SP1  10:RU22+ 5-21 <5  07:≥SP1RU9 <  03 00 55
	"2025":   "Y   Y     N     N     N    N     N    N   N    N     N      N     N    N      N     N     N  N  ?",
	"2022":   "Y   Y     Y     N     Y    N     N    N   N    N     N      N     N    N      N     N     N  N  ?",
	"2019":   "Y   Y     Y     Y     Y    Y     N    N   N    N     N      N     N    N      ?     ?     ?  ?  ?",
	"2016":   "Y   Y     Y     Y     Y    Y     Y    Y   Y    Y     N      Y     N    N      ?     ?     ?  ?  ?",
	"2012R2": "Y   Y     Y     Y     Y    Y     Y    Y   Y    Y     N      Y     Y    N      ?     ?     ?  ?  ?",
	"2012":   "N   N     N     N     Y    Y     Y    Y   Y    Y     Y      Y     Y    ?      ?     ?     ?  ?  ?",
	"2008R2": "N   N     N     N     C    Y     Y    Y   Y    Y     Y      Y     Y    ?      Y     N     ?  ?  ?",
	"2008":   "N   N     N     N     N    N     N    Y   Y    Y     Y      Y     Y    ?      ?     ?     ?  ?  ?",
	"2003":   "N   N     N     N     N    N     N    N   Y    Y     Y      Y     Y    Y      Y     Y     ?  ?  ?",
	"2000":   "N   N     N     N     N    N     N    N   N    N     N      N     N    N      ?     ?     ?  ?  ?",
}

func TestDomainControllerOSTable(t *testing.T) {
	cat := catalog.Default()
	if len(dcTestRows) != len(cat.Windows) {
		t.Fatalf("the test table has %d rows, the catalogue %d Windows versions", len(dcTestRows), len(cat.Windows))
	}
	for _, w := range cat.Windows {
		cells := strings.Fields(dcTestRows[w.ID])
		if len(cells) != len(dcTestColumns) {
			t.Fatalf("row %s has %d cells", w.ID, len(cells))
		}
		for ci, col := range dcTestColumns {
			for _, lv := range col.levels {
				src := org(srv("EX", lv[0], lv[1]), adDC("DC1", `os = "`+w.ID+`"`))
				fs := check(t, domainControllerOSUnsupported{}, today, src)
				what := w.ID + " DC with Exchange " + lv[0] + " " + lv[1] + " (" + col.name + ")"
				switch cells[ci] {
				case "Y", "?":
					if len(fs) != 0 {
						t.Errorf("%s: want no finding:\n%s", what, summary(fs))
					}
				case "N", "C":
					sev := lint.Error
					if cells[ci] == "C" {
						sev = lint.Warning
					}
					if len(fs) != 1 || fs[0].Severity != sev || fs[0].Address != "domain_controller.DC1.os" ||
						!strings.HasPrefix(fs[0].Message, "DC1 runs "+w.Name+", which EX (Exchange ") {
						t.Errorf("%s: want one %s at the DC's os:\n%s", what, sev, summary(fs))
					}
					if cells[ci] == "C" && len(fs) == 1 && !strings.Contains(fs[0].Message, "sources disagree") {
						t.Errorf("%s: the warning must say sources disagree: %s", what, fs[0].Message)
					}
				}
			}
		}
	}
}

// A server whose level is unknown is judged only where every column of its
// version agrees.
func TestDomainControllerOSUnknownLevel(t *testing.T) {
	cases := []struct {
		os, version string
		fails       bool
	}{
		{"2025", "2016", true},  // no 2016 CU supports it
		{"2022", "2016", false}, // CU23 does
		{"2019", "2016", false}, // CU12 and later do
		{"2012", "2019", true},  // no 2019 CU supports it
		{"2025", "2019", false}, // CU14 and later do
		{"2019", "2013", true},
		{"2016", "2013", false}, // SP1 and later do
		{"2016", "2010", false}, // SP3 RU22 and later do
		{"2019", "2010", true},
	}
	for _, tc := range cases {
		fs := check(t, domainControllerOSUnsupported{}, today, org(srv("EX", tc.version, "CU99"), adDC("DC1", `os = "`+tc.os+`"`)))
		if got := len(fs) == 1; got != tc.fails || len(fs) > 1 {
			t.Errorf("%s DC with Exchange %s of unknown level: finding=%v, want %v\n%s", tc.os, tc.version, got, tc.fails, summary(fs))
			continue
		}
		if tc.fails && !strings.Contains(fs[0].Message, "EX (Exchange Server "+tc.version+")") {
			t.Errorf("%s DC with Exchange %s of unknown level: %s", tc.os, tc.version, fs[0].Message)
		}
	}
}

func TestDomainControllerOSMessages(t *testing.T) {
	// One finding per domain controller, naming every server that does not support it, with the fix.
	src := org(srv("EX1", "2016", "CU9"), srv("EX2", "2016", "CU11"), srv("EX3", "2016", "CU23"),
		adDC("DC1", `os = "2019"`), adDC("DC2", `os = "2019"`), adDC("DC3", `os = "2016"`), adDC("DC4"))
	fs := check(t, domainControllerOSUnsupported{}, today, src)
	if len(fs) != 2 {
		t.Fatalf("want one finding per 2019 DC:\n%s", summary(fs))
	}
	// Windows Server 2016 ends within a year (windows-end-of-support warns),
	// and 2022 asks EX1 and EX2 for CU23: beside the update, no replacement.
	want := "DC1 runs Windows Server 2019, which EX1 and EX2 (Exchange Server 2016 CU7 to CU11) do not support on domain controllers: " +
		"update EX1 and EX2 to CU12 or later"
	if fs[0].Message != want || len(fs[0].Related) != 1 {
		t.Errorf("got  %s\nwant %s", fs[0].Message, want)
	}
	// The Windows Server versions to replace it with are those that stay in
	// support for more than a year (as windows-end-of-support names):
	// Windows Server 2012 and 2012 R2, whose support ends on 2023-10-10, not
	// on 2022-10-10 (365 days before), nor after; Windows Server 2016 then
	// lasts.
	fs = check(t, domainControllerOSUnsupported{}, "2022-10-10", src)
	want = "DC1 runs Windows Server 2019, which EX1 and EX2 (Exchange Server 2016 CU7 to CU11) do not support on domain controllers: " +
		"update EX1 and EX2 to CU12 or later, or replace it with a domain controller on Windows Server 2016"
	if len(fs) != 2 || fs[0].Message != want {
		t.Errorf("on 2022-10-10:\n%s\nwant %s", summary(fs), want)
	}
	fs = check(t, domainControllerOSUnsupported{}, "2022-10-09", src)
	want = "DC1 runs Windows Server 2019, which EX1 and EX2 (Exchange Server 2016 CU7 to CU11) do not support on domain controllers: " +
		"update EX1 and EX2 to CU12 or later, or replace it with a domain controller on Windows Server 2012, 2012 R2 or 2016"
	if len(fs) != 2 || fs[0].Message != want {
		t.Errorf("on 2022-10-09:\n%s\nwant %s", summary(fs), want)
	}
	fs = check(t, domainControllerOSUnsupported{}, "2023-10-10", src)
	want = "DC1 runs Windows Server 2019, which EX1 and EX2 (Exchange Server 2016 CU7 to CU11) do not support on domain controllers: " +
		"update EX1 and EX2 to CU12 or later, or replace it with a domain controller on Windows Server 2016"
	if len(fs) != 2 || fs[0].Message != want {
		t.Errorf("on 2023-10-10:\n%s\nwant %s", summary(fs), want)
	}
	if fs[1].Address != "domain_controller.DC2.os" {
		t.Errorf("second finding at %s", fs[1].Address)
	}

	// Windows Server 2025 domain controllers: exactly 2019 CU14 passes (MS-MATRIX-2025), CU13 fails.
	fs = check(t, domainControllerOSUnsupported{}, today, org(srv("A", "2019", "CU13"), srv("B", "2019", "CU14"), adDC("DC1", `os = "2025"`)))
	want = "DC1 runs Windows Server 2025, which A (Exchange Server 2019 CU13 (15.2.1258.12)) does not support on domain controllers: " +
		"update A to CU14 or later, or replace it with a domain controller on Windows Server 2019 or 2022"
	if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Message != want {
		t.Errorf("CU13 and CU14 with a 2025 DC:\n%s", summary(fs))
	}
	// Windows Server 2008 R2 domain controllers with Exchange 2016 CU23: Microsoft's matrix of 2021 listed
	// them, its current revision does not: a warning that says so; CU22 passes.
	fs = check(t, domainControllerOSUnsupported{}, today, org(srv("B", "2016", "CU23"), adDC("DC1", `os = "2008R2"`)))
	want = "DC1 runs Windows Server 2008 R2, which B (Exchange Server 2016 CU23 (15.1.2507.6)) may not support on domain controllers " +
		"(sources disagree: see the rule page): replace it with a domain controller on Windows Server 2019 or 2022"
	if len(fs) != 1 || fs[0].Severity != lint.Warning || fs[0].Message != want {
		t.Errorf("2016 CU23 with a 2008 R2 DC:\n%s", summary(fs))
	}
	if fs := check(t, domainControllerOSUnsupported{}, today, org(srv("B", "2016", "CU22"), adDC("DC1", `os = "2008R2"`))); len(fs) != 0 {
		t.Errorf("2016 CU22 with a 2008 R2 DC:\n%s", summary(fs))
	}
	// No version supports it and nothing suits every server: the version
	// the fewest servers stand in the way of, and what they must do first
	// (Exchange 2010 is listed with no version that lasts: retire it).
	fs = check(t, domainControllerOSUnsupported{}, today, org(srv("A", "2019", "CU11"), srv("B", "2010", "SP3 RU4"), adDC("DC1", `os = "2000"`)))
	if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, "do not support on domain controllers: "+
		"replace it with a domain controller on Windows Server 2019 once B (Exchange 2010, which does not support it) is retired") {
		t.Errorf("2000 DC:\n%s", summary(fs))
	}
	// Nothing to judge.
	for _, src := range []string{org(adDC("DC1", `os = "2000"`)), org(srv("EX", "2019", "CU15")), org(srv("EX", "2019", "CU15"), adDC("DC1"))} {
		if fs := check(t, domainControllerOSUnsupported{}, today, src); len(fs) != 0 {
			t.Errorf("want no finding:\n%s", summary(fs))
		}
	}
}

// The catalogue's rows cut each Exchange version into the ranges the test
// table above tries, and name them in messages as Microsoft's table does.
func TestDomainControllerOSColumns(t *testing.T) {
	var got []string
	for _, c := range dcColumns(catalog.Default()) {
		got = append(got, c.label())
	}
	want := []string{"Exchange Server Subscription Edition", "Exchange Server 2019 CU14 or later",
		"Exchange Server 2019 CU12 to CU13", "Exchange Server 2019 CU11 or earlier", "Exchange Server 2016 CU23 or later", "Exchange Server 2016 CU12 to CU22",
		"Exchange Server 2016 CU7 to CU11", "Exchange Server 2016 CU3 to CU6", "Exchange Server 2016 CU2 or earlier",
		"Exchange Server 2013 SP1 (CU4) or later", "Exchange Server 2013 CU3 or earlier", "Exchange Server 2010 SP3 RU22 or later",
		"Exchange Server 2010 SP3 RU5 to SP3 RU21", "Exchange Server 2010 SP3 RU4 or earlier", "Exchange Server 2007 SP1 RU9 or later",
		"Exchange Server 2007 SP1 RU8 or earlier", "Exchange Server 2003", "Exchange 2000 Server", "Exchange Server 5.5"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("columns:\n%s\nwant\n%s", strings.Join(got, "; "), strings.Join(want, "; "))
	}
	if len(want) != len(dcTestColumns) {
		t.Errorf("the test table has %d columns, the catalogue %d", len(dcTestColumns), len(want))
	}
}

// Exchange 2010 SP3 RU5 is the minimum for Windows Server 2012 R2 domain
// controllers, SP3 RU22 for Windows Server 2016 ones (MS-MATRIX): one
// release below fails and names the update; exactly it passes.
func TestDomainControllerOS2010Minimums(t *testing.T) {
	cases := []struct {
		os, update, want string // want: "" when it passes
	}{
		{"2012R2", "SP3 RU4", "DC1 runs Windows Server 2012 R2, which EX (Exchange Server 2010 SP3 RU4 (14.3.174.1)) does not support on domain controllers: " +
			"update EX to SP3 RU5 or later"}, // the replacements need an update too, so only the update is named
		{"2012R2", "SP2 RU8", "update EX to SP3 RU5 or later"},
		{"2012R2", "SP3 RU5", ""},
		{"2016", "SP3 RU21", "update EX to SP3 RU22 or later"},
		{"2016", "SP3 RU4", "update EX to SP3 RU22 or later"},
		{"2016", "SP3 RU22", ""},
	}
	for _, tc := range cases {
		// On a day both Windows Server versions stay in support for more
		// than a year, so that keeping the domain controller is a fix.
		fs := check(t, domainControllerOSUnsupported{}, "2022-06-01", org(srv("EX", "2010", tc.update), adDC("DC1", `os = "`+tc.os+`"`)))
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s DC with 2010 %s: want none\n%s", tc.os, tc.update, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "domain_controller.DC1.os" || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s DC with 2010 %s: want an error with %q\n%s", tc.os, tc.update, tc.want, summary(fs))
		}
	}
}
