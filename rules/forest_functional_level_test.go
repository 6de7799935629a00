package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// orgFFL starts a topology whose organization states its forest functional level.
func orgFFL(ffl string, blocks ...string) string {
	return fmt.Sprintf("organization \"T\" {\n  forest_functional_level = %q\n}\n", ffl) + strings.Join(blocks, "\n")
}

// dc declares a domain controller; extra lines go into the block.
func adDC(name string, extra ...string) string {
	return fmt.Sprintf("domain_controller %q {\n  %s\n}\n", name, strings.Join(extra, "\n  "))
}

// Every row of the forest functional level table, against every forest
// functional level: exactly the minimum passes, the level below fails.
// Exchange 2016 CU2 and earlier: below Windows Server 2003 is an error,
// Windows Server 2003 a warning (sources disagree), 2008 passes; Exchange
// 2016 CU23: below Windows Server 2008 R2 an error, 2008 R2 a warning
// (MS-MATRIX-2025 lists 2012 and higher, MS-MATRIX-2021 2008 R2). Above the
// maximum: Exchange 2013 before SP1 with 2012 R2 or 2016, Exchange 2010 SP3
// RU5 to RU21 with 2016 are errors (exactly the maximum passes, and the
// first update that supports the level); Windows Server 2025, which
// Microsoft's matrix does not list, is a warning for SE, 2019 and 2016, and
// not judged for 2013 and 2010.
func TestForestFunctionalLevelTable(t *testing.T) {
	unlisted := map[string]string{"2025": "warning"}
	rows := []struct {
		version, level string
		min, hard      string            // "" when no level fails
		over           map[string]string // levels above the maximum: "error" or "warning"
		install        string            // the fix of an error above the maximum
	}{
		{"SE", "RTM", "2012R2", "2012R2", unlisted, ""},
		{"SE", "RTM Aug26SU", "2012R2", "2012R2", unlisted, ""},
		{"2019", "CU15", "2012R2", "2012R2", unlisted, ""},
		{"2019", "RTM", "2012R2", "2012R2", unlisted, ""},
		{"2016", "CU23", "2012", "2008R2", unlisted, ""},
		{"2016", "15.1.2507.6", "2012", "2008R2", unlisted, ""},   // CU23 by build
		{"2016", "15.1.2375.7", "2008R2", "2008R2", unlisted, ""}, // CU22
		{"2016", "CU7", "2008R2", "2008R2", unlisted, ""},
		{"2016", "15.1.1261.35", "2008R2", "2008R2", unlisted, ""}, // CU7 by build
		{"2016", "15.1.1261.34", "2008", "2008", unlisted, ""},     // one build below CU7: CU6
		{"2016", "CU6", "2008", "2008", unlisted, ""},
		{"2016", "CU3", "2008", "2008", unlisted, ""},
		{"2016", "15.1.544.27", "2008", "2008", unlisted, ""}, // CU3 by build
		{"2016", "15.1.544.26", "2008", "2003", unlisted, ""}, // one build below CU3: CU2
		{"2016", "CU2", "2008", "2003", unlisted, ""},
		{"2016", "RTM", "2008", "2003", unlisted, ""},
		{"2013", "CU23", "2003", "2003", nil, ""},
		{"2013", "CU4", "2003", "2003", nil, ""},
		{"2013", "15.0.847.32", "2003", "2003", nil, ""}, // CU4 (SP1) by build
		{"2013", "CU3", "2003", "2003", map[string]string{"2012R2": "error", "2016": "error"}, "SP1 (CU4)"},
		{"2013", "RTM", "2003", "2003", map[string]string{"2012R2": "error", "2016": "error"}, "SP1 (CU4)"},
		{"2010", "SP3 RU32", "2003", "2003", nil, ""},
		{"2010", "SP3 RU22", "2003", "2003", nil, ""},
		{"2010", "SP3 RU21", "2003", "2003", map[string]string{"2016": "error"}, "SP3 RU22"},
		{"2010", "SP3 RU5", "2003", "2003", map[string]string{"2016": "error"}, "SP3 RU22"},
		{"2010", "SP3 RU4", "2003", "2003", nil, ""},
		{"2010", "RTM", "2003", "2003", nil, ""},
		{"2007", "SP3 RU23", "", "", nil, ""},
		{"2007", "RTM", "", "", nil, ""},
		{"2003", "SP2", "", "", nil, ""},
		{"2000", "SP3", "", "", nil, ""},
		{"5.5", "SP4", "", "", nil, ""},
	}
	cat := catalog.Default()
	for _, row := range rows {
		for _, f := range cat.FFLs {
			fs := check(t, forestFunctionalLevel{}, today, orgFFL(f.ID, srv("EX", row.version, row.level)))
			want, above := "", row.over[f.ID]
			switch {
			case above != "":
				want = above
			case row.hard != "" && f.Level < cat.FFLByID(row.hard).Level:
				want = "error"
			case row.min != "" && f.Level < cat.FFLByID(row.min).Level:
				want = "warning"
			}
			if want == "" {
				if len(fs) != 0 {
					t.Errorf("Exchange %s %s at FFL %s: want no finding:\n%s", row.version, row.level, f.ID, summary(fs))
				}
				continue
			}
			if len(fs) != 1 {
				t.Errorf("Exchange %s %s at FFL %s: want one %s:\n%s", row.version, row.level, f.ID, want, summary(fs))
				continue
			}
			got := fs[0]
			if got.Severity.String() != want || got.Address != "organization.T.forest_functional_level" {
				t.Errorf("Exchange %s %s at FFL %s: want a %s at the level:\n%s", row.version, row.level, f.ID, want, summary(fs))
			}
			if above != "" {
				prefix := "the forest functional level is " + f.Name + ", which EX (Exchange Server"
				fix := "install " + row.install + " or later on EX"
				if above == "warning" {
					fix = "may not support (sources leave it open: see the rule page): check Microsoft's current supportability matrix before relying on it"
				}
				if !strings.HasPrefix(got.Message, prefix) || !strings.HasSuffix(got.Message, fix) {
					t.Errorf("Exchange %s %s at FFL %s: want %q ... %q:\n%s", row.version, row.level, f.ID, prefix, fix, got.Message)
				}
				continue
			}
			minName := cat.FFLByID(row.min).Name
			if !strings.Contains(got.Message, "the forest functional level is "+f.Name+", but EX (Exchange Server") ||
				!strings.Contains(got.Message, "needs "+minName+" or higher") ||
				!strings.HasSuffix(got.Message, "raise the forest functional level to "+minName+" or higher") {
				t.Errorf("Exchange %s %s at FFL %s: want a %s naming %s:\n%s", row.version, row.level, f.ID, want, minName, summary(fs))
			}
			if want == "warning" && !strings.Contains(got.Message, "sources disagree") {
				t.Errorf("Exchange %s %s at FFL %s: the warning must say sources disagree: %s", row.version, row.level, f.ID, got.Message)
			}
		}
	}
}

// Above the maximum: one finding for every range the level is above, an
// error naming each requirement and fix before the warnings; servers of
// unknown level are not guessed at.
func TestForestFunctionalLevelAboveMaximum(t *testing.T) {
	fs := check(t, forestFunctionalLevel{}, today, orgFFL("2016", srv("EX10", "2010", "SP3 RU21"), srv("EX13", "2013", "CU3"), srv("EX16", "2016", "CU23")))
	want := "the forest functional level is Windows Server 2016, which EX13 (Exchange Server 2013 CU3 (15.0.775.38)) and EX10 (Exchange Server 2010 SP3 RU21 (14.3.399.2)) do not support: " +
		"install SP1 (CU4) or later on EX13; install SP3 RU22 or later on EX10"
	if len(fs) != 1 || fs[0].Message != want || fs[0].Severity != lint.Error || len(fs[0].Related) != 2 {
		t.Errorf("got\n%s\nwant %q", summary(fs), want)
	}
	fs = check(t, forestFunctionalLevel{}, today, orgFFL("2025", srv("EX19", "2019", "CU15"), srv("EXSE", "SE", "RTM"), srv("EXSE2", "SE", "CU1")))
	want = "the forest functional level is Windows Server 2025, which EX19 (Exchange Server 2019 CU15 (15.2.1748.10)) and EXSE and EXSE2 (Exchange Server Subscription Edition) may not support " +
		"(sources leave it open: see the rule page): check Microsoft's current supportability matrix before relying on it"
	if len(fs) != 1 || fs[0].Message != want || fs[0].Severity != lint.Warning {
		t.Errorf("got\n%s\nwant %q", summary(fs), want)
	}
	for _, src := range []string{
		orgFFL("2016", srv("EX13", "2013", "CU99")),
		orgFFL("2016", srv("EX10", "2010", "SP3 RU99")),
		orgFFL("2012", srv("EX13", "2013", "CU3")),
		orgFFL("2012R2", srv("EX10", "2010", "SP3 RU21")),
	} {
		if fs := check(t, forestFunctionalLevel{}, today, src); len(fs) != 0 {
			t.Errorf("want none:\n%s", summary(fs))
		}
	}
}

// Exchange 2016 with a Windows Server 2016 domain controller needs Windows
// Server 2008 R2, whatever its CU (MS-FFL-2016).
func TestForestFunctionalLevel2016DomainControllers(t *testing.T) {
	dc16 := adDC("DC16", `os = "2016"`)
	dc12 := adDC("DC12", `os = "2012R2"`)
	cases := []struct {
		name, src string
		sev       string // "" for no finding
		contains  string
	}{
		{"CU6 with a 2016 DC at 2008", orgFFL("2008", srv("EX", "2016", "CU6"), dc16), "error",
			"with Windows Server 2016 domain controllers (DC16), EX (Exchange Server 2016 CU6 (15.1.1034.26)) needs Windows Server 2008 R2 or higher"},
		{"CU6 with a 2016 DC at 2008 R2", orgFFL("2008R2", srv("EX", "2016", "CU6"), dc16), "", ""},
		{"CU6 with a 2012 R2 DC at 2008", orgFFL("2008", srv("EX", "2016", "CU6"), dc12), "", ""},
		{"CU6 with DCs of unknown OS at 2008", orgFFL("2008", srv("EX", "2016", "CU6"), adDC("DC", `global_catalog = true`)), "", ""},
		{"RTM with a 2016 DC at 2003", orgFFL("2003", srv("EX", "2016", "RTM"), dc16), "error", "needs Windows Server 2008 R2 or higher"},
		{"unknown level with a 2016 DC at 2008", orgFFL("2008", srv("EX", "2016", "CU99"), dc16), "error",
			"EX (Exchange Server 2016) needs Windows Server 2008 R2 or higher"},
		{"unknown level without a 2016 DC at 2003", orgFFL("2003", srv("EX", "2016", "CU99"), dc12), "", ""},
		{"unknown level without a 2016 DC at 2000: every update needs 2003", orgFFL("2000", srv("EX", "2016", "CU99"), dc12), "error",
			"EX (Exchange Server 2016) needs Windows Server 2003 or higher at any update"},
		{"CU23 with a 2016 DC at 2008: the CU's own minimum", orgFFL("2008", srv("EX", "2016", "CU23"), dc16), "error",
			"but EX (Exchange Server 2016 CU23 (15.1.2507.6)) needs Windows Server 2012 or higher"},
		{"2019 with a 2016 DC at 2008 R2", orgFFL("2008R2", srv("EX", "2019", "CU15"), dc16), "error", "needs Windows Server 2012 R2 or higher"},
	}
	for _, tc := range cases {
		fs := check(t, forestFunctionalLevel{}, today, tc.src)
		if tc.sev == "" {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity.String() != tc.sev || !strings.Contains(fs[0].Message, tc.contains) {
			t.Errorf("%s: want one %s containing %q:\n%s", tc.name, tc.sev, tc.contains, summary(fs))
		}
	}
}

// With several versions, one finding names the newest version's minimum.
func TestForestFunctionalLevelNewestVersion(t *testing.T) {
	src := orgFFL("2008", srv("EX16", "2016", "CU23"), srv("EX19", "2019", "CU15"), srv("EX19B", "2019", "CU14"))
	fs := check(t, forestFunctionalLevel{}, today, src)
	if len(fs) != 1 {
		t.Fatalf("want one finding:\n%s", summary(fs))
	}
	f := fs[0]
	want := "the forest functional level is Windows Server 2008, but EX19 and EX19B (Exchange Server 2019) need Windows Server 2012 R2 or higher: raise the forest functional level to Windows Server 2012 R2 or higher"
	if f.Message != want || f.Severity != lint.Error || at(f) != "2:29" || len(f.Related) != 1 {
		t.Errorf("got %s %s %q (%d related)\nwant %q", f.Severity, at(f), f.Message, len(f.Related), want)
	}
	// A 2016 CU3 server (error) and a CU2 server (disputed) at 2003: the error names CU3 only.
	fs = check(t, forestFunctionalLevel{}, today, orgFFL("2003", srv("A", "2016", "CU2"), srv("B", "2016", "CU3")))
	if len(fs) != 1 || fs[0].Severity != lint.Error || !strings.Contains(fs[0].Message, "B (Exchange Server 2016 CU3") ||
		strings.Contains(fs[0].Message, "A (") || strings.Contains(fs[0].Message, "disagree") {
		t.Errorf("CU2 and CU3 at 2003:\n%s", summary(fs))
	}
	// Unknown: no forest_functional_level, or no Exchange server.
	if fs := check(t, forestFunctionalLevel{}, today, org(srv("EX", "2019", "CU15"))); len(fs) != 0 {
		t.Errorf("no level stated: %s", summary(fs))
	}
	if fs := check(t, forestFunctionalLevel{}, today, orgFFL("2000")); len(fs) != 0 {
		t.Errorf("no server: %s", summary(fs))
	}
}

// A server whose level is unknown is judged at what every range of its
// version agrees on: every Exchange 2016 update needs Windows Server 2003 at
// least (an error below it); above that the ranges differ and it is not
// guessed at, above its maximum neither. Versions without ranges are judged
// by their version alone.
func TestForestFunctionalLevelUnknownLevel(t *testing.T) {
	cat := catalog.Default()
	cases := []struct {
		version string
		fails   string // the lowest level that passes
		warns   string // a level above the maximum, judged by the version alone
	}{
		{"2016", "2003", ""},
		{"2019", "2012R2", "2025"},
		{"SE", "2012R2", "2025"},
		{"2013", "2003", ""},
		{"2010", "2003", ""},
		{"2007", "2000", ""},
	}
	for _, tc := range cases {
		for _, f := range cat.FFLs {
			fs := check(t, forestFunctionalLevel{}, today, orgFFL(f.ID, srv("EX", tc.version, "CU99")))
			if f.ID == tc.warns {
				if len(fs) != 1 || fs[0].Severity != lint.Warning || !strings.Contains(fs[0].Message, "which EX (Exchange Server") {
					t.Errorf("Exchange %s of unknown level at %s: want a warning\n%s", tc.version, f.ID, summary(fs))
				}
				continue
			}
			if f.Level >= cat.FFLByID(tc.fails).Level {
				if len(fs) != 0 {
					t.Errorf("Exchange %s of unknown level at %s: want none\n%s", tc.version, f.ID, summary(fs))
				}
				continue
			}
			want := "needs " + cat.FFLByID(tc.fails).Name + " or higher"
			if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != "organization.T.forest_functional_level" ||
				!strings.Contains(fs[0].Message, "EX (Exchange Server") || !strings.Contains(fs[0].Message, want) {
				t.Errorf("Exchange %s of unknown level at %s: want an error with %q\n%s", tc.version, f.ID, want, summary(fs))
			}
		}
	}
	fs := check(t, forestFunctionalLevel{}, today, orgFFL("2000", srv("EX1", "2016", "CU99"), srv("EX2", "2016", "CU100"), srv("EX3", "2016", "CU23")))
	want := "the forest functional level is Windows 2000, but EX3 (Exchange Server 2016 CU23 (15.1.2507.6)) needs Windows Server 2012 or higher: " +
		"raise the forest functional level to Windows Server 2012 or higher"
	if len(fs) != 1 || fs[0].Message != want {
		t.Errorf("known and unknown 2016 levels at 2000: want %q\n%s", want, summary(fs))
	}
	fs = check(t, forestFunctionalLevel{}, today, orgFFL("2000", srv("EX1", "2016", "CU99"), srv("EX2", "2016", "CU100")))
	want = "the forest functional level is Windows 2000, but EX1 and EX2 (Exchange Server 2016) need Windows Server 2003 or higher at any update " +
		"(exlint does not know their updates; Exchange Server 2016 CU23 or later needs Windows Server 2012): " +
		"raise the forest functional level to Windows Server 2003 or higher"
	if len(fs) != 1 || fs[0].Message != want || len(fs[0].Related) != 1 {
		t.Errorf("unknown 2016 levels at 2000: want %q\n%s", want, summary(fs))
	}
}
