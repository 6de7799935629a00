package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The .NET Framework table (MS-MATRIX, MS-SYSREQ, E1-NET), written out as
// rows with both ends ("" = the version's last level), independently of the
// catalogue's rows.
type hostDotNetFact struct {
	from, to string
	dotnets  []string
}

var hostDotNetFacts = map[string][]hostDotNetFact{
	"2013": {
		{"RTM", "CU3", []string{"4.5"}},
		{"CU4", "CU12", []string{"4.5", "4.5.1", "4.5.2"}},
		{"CU13", "CU14", []string{"4.5", "4.5.1", "4.5.2", "4.6.1"}},
		{"CU15", "CU15", []string{"4.5.1", "4.5.2", "4.6.1", "4.6.2"}},
		{"CU16", "CU18", []string{"4.6.2"}},
		{"CU19", "CU20", []string{"4.6.2", "4.7.1"}},
		{"CU21", "CU22", []string{"4.7.1", "4.7.2"}},
		{"CU23", "", []string{"4.7.2", "4.8"}},
	},
	"2016": {
		{"RTM", "CU1", []string{"4.5.2"}},
		{"CU2", "CU2", []string{"4.5.2", "4.6.1"}},
		{"CU3", "CU4", []string{"4.5.2", "4.6.1", "4.6.2"}},
		{"CU5", "CU7", []string{"4.6.2"}},
		{"CU8", "CU9", []string{"4.6.2", "4.7.1"}},
		{"CU10", "CU10", []string{"4.7.1"}},
		{"CU11", "CU12", []string{"4.7.1", "4.7.2"}},
		{"CU13", "CU14", []string{"4.7.2", "4.8"}},
		{"CU15", "", []string{"4.8"}},
	},
	"2019": {
		{"RTM", "CU1", []string{"4.7.2"}},
		{"CU2", "CU3", []string{"4.7.2", "4.8"}},
		{"CU4", "CU13", []string{"4.8"}},
		{"CU14", "", []string{"4.8", "4.8.1"}},
	},
	"SE": {
		{"RTM", "", []string{"4.8", "4.8.1"}},
	},
	"2010": {
		{"SP3", "", []string{"3.5", "3.5 SP1", "4.5", "4.5.1", "4.5.2"}},
	},
}

// hostDotNetFactAt returns the row holding a level, or nil.
func hostDotNetFactAt(t *testing.T, version, level string) *hostDotNetFact {
	for i, f := range hostDotNetFacts[version] {
		if hostInRange(t, version, level, f.from, f.to) {
			return &hostDotNetFacts[version][i]
		}
	}
	return nil
}

func hostDotNetServer(version, level, dotnet string, extra ...string) string {
	return org(srv("EX", version, level, append([]string{fmt.Sprintf("dotnet = %q", dotnet)}, extra...)...))
}

// Every level of every version against every .NET Framework version: this
// covers every row and both sides of every row boundary (the first level of a
// row and the last of the row before).
func TestDotNetMatrix(t *testing.T) {
	cat := catalog.Default()
	for _, version := range cat.VersionIDs() {
		for _, level := range hostLevelsOf(t, version) {
			fact := hostDotNetFactAt(t, version, level)
			for _, d := range cat.DotNets {
				what := fmt.Sprintf("Exchange %s %s with %s", version, level, d.Name)
				fs := check(t, dotnetUnsupported{}, today, hostDotNetServer(version, level, d.ID))
				switch {
				case fact == nil:
					// 2007 and earlier, 2010 before SP3: no facts, no verdict
					hostExpectNone(t, what, fs)
				case slices.Contains(fact.dotnets, d.ID):
					hostExpectNone(t, what, fs)
				default:
					hostExpectOne(t, what, fs, lint.Error, "server.EX.dotnet", "EX runs "+cat.Version(version).Name+" "+level, "with "+d.Name+", which it does not support: ")
				}
			}
		}
	}
}

// A security update takes its level's verdict; a build decides by the level it
// resolves to.
func TestDotNetBuilds(t *testing.T) {
	cases := []struct {
		level, dotnet string
		fails         bool
	}{
		{"CU14 Apr25HU", "4.8.1", false},
		{"15.2.1544.4", "4.8.1", false}, // CU14's build
		{"15.2.1544.3", "4.8.1", true},  // one below: a CU13 build
		{"CU13 Nov24SUv2", "4.8.1", true},
	}
	for _, tc := range cases {
		fs := check(t, dotnetUnsupported{}, today, hostDotNetServer("2019", tc.level, tc.dotnet))
		if got := len(fs) == 1; got != tc.fails {
			t.Errorf("2019 %s with %s: finding=%v, want %v\n%s", tc.level, tc.dotnet, got, tc.fails, summary(fs))
		}
	}
}

// The messages: the .NET versions the level supports that are still in
// support on the evaluation date, and a later update that supports the
// declared .NET.
func TestDotNetMessages(t *testing.T) {
	cases := []struct {
		version, level, dotnet, asOf string
		message                      string
	}{
		{"2016", "CU23", "4.8.1", today, "EX runs Exchange Server 2016 CU23 (15.1.2507.6) with .NET Framework 4.8.1, which it does not support: install .NET Framework 4.8"},
		{"2016", "CU10", "4.8", today, "EX runs Exchange Server 2016 CU10 (15.1.1531.3) with .NET Framework 4.8, which it does not support: " +
			"install .NET Framework 4.7.1, or update EX to CU13 (15.1.1779.2) or later"},
		// 4.5, 4.5.1 and 4.5.2 are past their end of support: only the update.
		{"2013", "CU4", "4.6.2", today, "EX runs Exchange Server 2013 CU4 (15.0.847.32) with .NET Framework 4.6.2, which it does not support: " +
			"update EX to CU15 (15.0.1263.5) or later"},
		// In 2022, before 4.5.2's end, it is named too.
		{"2013", "CU4", "4.6.2", "2022-04-26", "EX runs Exchange Server 2013 CU4 (15.0.847.32) with .NET Framework 4.6.2, which it does not support: " +
			"install .NET Framework 4.5.2, or update EX to CU15 (15.0.1263.5) or later"},
		{"2019", "RTM", "4.8", today, "EX runs Exchange Server 2019 RTM (15.2.221.12) with .NET Framework 4.8, which it does not support: " +
			"install .NET Framework 4.7.2, or update EX to CU2 (15.2.397.3) or later"},
		{"2019", "CU13", "4.8.1", today, "EX runs Exchange Server 2019 CU13 (15.2.1258.12) with .NET Framework 4.8.1, which it does not support: " +
			"install .NET Framework 4.8, or update EX to CU14 (15.2.1544.4) or later"},
		{"SE", "RTM", "4.7.2", today, "EX runs Exchange Server Subscription Edition RTM (15.2.2562.17) with .NET Framework 4.7.2, which it does not support: " +
			"install .NET Framework 4.8 or 4.8.1 (on Windows Server 2022 or later)"},
		{"2010", "SP3 RU32", "4.8", today, `EX runs Exchange Server 2010 SP3 RU32 (14.3.513.0) with .NET Framework 4.8, which it does not support: install .NET Framework 3.5 SP1 and state dotnet = "3.5 SP1"`},
		// No .NET in support and no later level: say so.
		{"2016", "CU2", "4.8.1", today, "EX runs Exchange Server 2016 CU2 (15.1.466.34) with .NET Framework 4.8.1, which it does not support: " +
			"no .NET Framework in support runs with its update: update EX to the latest CU"},
	}
	for _, tc := range cases {
		fs := check(t, dotnetUnsupported{}, tc.asOf, hostDotNetServer(tc.version, tc.level, tc.dotnet))
		hostExpectOne(t, tc.version+" "+tc.level+" "+tc.dotnet+" on "+tc.asOf, fs, lint.Error, "server.EX.dotnet", tc.message)
		if len(fs) == 1 && fs[0].Message != tc.message {
			t.Errorf("%s %s %s: got\n%s\nwant\n%s", tc.version, tc.level, tc.dotnet, fs[0].Message, tc.message)
		}
	}
}

// With an unknown level only what the version alone decides: a .NET no level
// of the version supports. 2007 and earlier are never judged (the reference
// has no facts for them), nor is 2010 (its facts cover SP3 only).
func TestDotNetUnknownLevel(t *testing.T) {
	cat := catalog.Default()
	for _, version := range cat.VersionIDs() {
		any := map[string]bool{}
		complete := version == "2013" || version == "2016" || version == "2019" || version == "SE"
		for _, f := range hostDotNetFacts[version] {
			for _, d := range f.dotnets {
				any[d] = true
			}
		}
		for _, d := range cat.DotNets {
			what := fmt.Sprintf("Exchange %s at an unknown level with %s", version, d.Name)
			fs := check(t, dotnetUnsupported{}, today, hostDotNetServer(version, hostUnknownLevel, d.ID))
			if complete && !any[d.ID] {
				hostExpectOne(t, what, fs, lint.Error, "server.EX.dotnet", "which no update of "+cat.Version(version).Name+" supports")
				if version == "2016" && len(fs) == 1 && !strings.HasSuffix(fs[0].Message, ": install one its update supports (4.6.2, 4.7.1, 4.7.2 or 4.8, by update)") {
					t.Errorf("%s: the message should list what the version's updates support: %s", what, fs[0].Message)
				}
			} else {
				hostExpectNone(t, what, fs)
			}
		}
	}
	hostExpectNone(t, "no dotnet", check(t, dotnetUnsupported{}, today, org(srv("EX", "2016", "CU23"))))
}

// HealthChecker's recommended .NET (CSS-HC-OS,
// Invoke-AnalyzerOsInformation.ps1), written out per level; os is the Windows
// the answer depends on ("" when it does not).
func hostExpectedRecommendation(t *testing.T, version, level, os string) (string, bool) {
	in := func(from, to string) bool { return hostInRange(t, version, level, from, to) }
	switch version {
	case "2013":
		switch {
		case in("RTM", "CU3"):
			return "4.5", true
		case in("CU4", "CU12"):
			return "4.5.2", true
		case in("CU13", "CU14"):
			return "4.6.1", true
		case in("CU15", "CU18"):
			return "4.6.2", true
		case in("CU19", "CU20"):
			return "4.7.1", true
		case in("CU21", "CU22"):
			return "4.7.2", true // exlint's departure: HealthChecker says 4.8, unsupported there
		}
		return "4.8", true
	case "2016":
		switch {
		case in("RTM", "CU1"):
			return "4.5.2", true
		case in("CU2", "CU2"):
			return "4.6.1", true
		case in("CU3", "CU3"):
			if os == "" {
				return "", false
			}
			if os == "2016" {
				return "4.6.2", true
			}
			return "4.6.1", true
		case in("CU4", "CU7"):
			return "4.6.2", true
		case in("CU8", "CU10"):
			return "4.7.1", true
		case in("CU11", "CU12"):
			return "4.7.2", true
		}
		return "4.8", true
	case "2019", "SE":
		switch {
		case version == "2019" && in("RTM", "CU1"):
			return "4.7.2", true
		case version == "2019" && in("CU2", "CU13"):
			return "4.8", true
		case os == "":
			return "", false
		case os == "2019":
			return "4.8", true
		}
		return "4.8.1", true
	}
	return "", false
}

// Every level of 2013, 2016, 2019 and SE, on every Windows Server version and
// on an unknown one, with every .NET the level supports: a finding exactly
// when it is not the recommended one. This covers each branch of
// HealthChecker's function, and its OS conditions, on both sides. A
// recommendation is not given where it would advise a .NET past its end of
// support (4.5.2 to 4.6.1) or one the matrix does not support on the
// server's Windows (4.8.1 below Windows Server 2022): the message would
// contradict dotnet-unsupported.
func TestDotNetRecommended(t *testing.T) {
	cat := catalog.Default()
	oses := []string{""}
	for _, w := range cat.Windows {
		oses = append(oses, w.ID)
	}
	for _, version := range []string{"2013", "2016", "2019", "SE"} {
		for _, level := range hostLevelsOf(t, version) {
			fact := hostDotNetFactAt(t, version, level)
			for _, os := range oses {
				want, known := hostExpectedRecommendation(t, version, level, os)
				if known && !slices.Contains(fact.dotnets, want) {
					t.Errorf("Exchange %s %s on %q: the recommended %s is not supported there", version, level, os, want)
				}
				for _, d := range fact.dotnets {
					if d == "4.8.1" && os == "2019" {
						continue // not supported on Windows Server 2019 (MS-MATRIX-2025): TestDotNetOnWindows
					}
					var extra []string
					if os != "" {
						extra = append(extra, fmt.Sprintf("os = %q", os))
					}
					what := fmt.Sprintf("Exchange %s %s on %q with %s", version, level, os, d)
					fs := check(t, dotnetNotRecommended{}, today, hostDotNetServer(version, level, d, extra...))
					advisable := known && !slices.Contains([]string{"4.5.2", "4.6", "4.6.1"}, want) &&
						(want != "4.8.1" || os == "2022" || os == "2025")
					if !advisable || d == want {
						hostExpectNone(t, what, fs)
						continue
					}
					hostExpectOne(t, what, fs, lint.Info, "server.EX.dotnet",
						"EX runs "+cat.Version(version).Name+" "+level, "with "+hostDotNetTestName(d)+", which it supports, but",
						"recommends "+hostDotNetTestName(want), ": install it on EX")
				}
			}
		}
	}
}

func hostDotNetTestName(id string) string { return ".NET Framework " + id }

// Who recommends: HealthChecker, except where exlint departs from it.
func TestDotNetRecommendedBy(t *testing.T) {
	fs := check(t, dotnetNotRecommended{}, today, hostDotNetServer("2013", "CU22", "4.7.1"))
	hostExpectOne(t, "2013 CU22", fs, lint.Info, "server.EX.dotnet",
		"but exlint recommends .NET Framework 4.7.2, the newest it supports (sources disagree: see the rule page): install it on EX")
	fs = check(t, dotnetNotRecommended{}, today, hostDotNetServer("2019", "CU15", "4.8", `os = "2022"`))
	hostExpectOne(t, "2019 CU15 on 2022", fs, lint.Info, "server.EX.dotnet",
		"but HealthChecker recommends .NET Framework 4.8.1 on Windows Server 2022: install it on EX")
	// HealthChecker's 4.6.1 for 2016 CU2 ended on 2022-04-26: recommended
	// through that day, not after.
	fs = check(t, dotnetNotRecommended{}, "2022-04-26", hostDotNetServer("2016", "CU2", "4.5.2"))
	hostExpectOne(t, "2016 CU2 on 2022-04-26", fs, lint.Info, "server.EX.dotnet", "but HealthChecker recommends .NET Framework 4.6.1: install it on EX")
	hostExpectNone(t, "2016 CU2 on 2022-04-27", check(t, dotnetNotRecommended{}, "2022-04-27", hostDotNetServer("2016", "CU2", "4.5.2")))
	// 4.8.1 where the matrix does not support it (Windows Server 2016): no
	// recommendation, which dotnet-unsupported would contradict.
	hostExpectNone(t, "2019 CU15 on 2016", check(t, dotnetNotRecommended{}, today, hostDotNetServer("2019", "CU15", "4.8", `os = "2016"`)))
}

// Nothing for an unsupported .NET (dotnet-unsupported's finding), for versions
// HealthChecker does not cover, or with an unknown level.
func TestDotNetRecommendedSilent(t *testing.T) {
	cases := []struct{ name, src string }{
		{"unsupported", hostDotNetServer("2016", "CU23", "4.8.1")},
		{"2010", hostDotNetServer("2010", "SP3 RU32", "3.5")},
		{"2007", hostDotNetServer("2007", "SP3 RU23", "3.5 SP1")},
		{"2019 unknown level", hostDotNetServer("2019", hostUnknownLevel, "4.8", `os = "2022"`)},
		{"2016 unknown level", hostDotNetServer("2016", hostUnknownLevel, "4.6.2")},
		{"SE unknown level", hostDotNetServer("SE", hostUnknownLevel, "4.8", `os = "2025"`)},
		{"no dotnet", org(srv("EX", "2019", "CU15", `os = "2022"`))},
	}
	for _, tc := range cases {
		hostExpectNone(t, tc.name, check(t, dotnetNotRecommended{}, today, tc.src))
	}
}

// The recommendation is one .NET Framework per update and Windows Server
// version: at most one row of dotnet-recommended holds for any of them.
func TestDotNetRecommendedUnique(t *testing.T) {
	cat := catalog.Default()
	for _, v := range cat.Versions() {
		for _, l := range v.Levels() {
			for _, w := range cat.Windows {
				if rows, _ := cat.Rows(dotnetRecommended, l, w.ID); len(rows) > 1 {
					t.Errorf("%s on %s: %d recommendations", l, w.ID, len(rows))
				}
			}
		}
	}
}

// On Windows Server 2019, Exchange 2019 CU14 and later and SE run on .NET
// Framework 4.8 only (MS-MATRIX-2025, MS-DOTNET-WS2019); on Windows Server
// 2022 and later 4.8.1 too; with Windows unknown, 4.8.1 is not judged.
func TestDotNetOnWindows(t *testing.T) {
	for _, tc := range []struct {
		version, level, os, dotnet string
		fails                      bool
	}{
		{"2019", "CU14", "2019", "4.8.1", true},
		{"2019", "CU15 Aug26SU", "2019", "4.8.1", true},
		{"2019", "CU14", "2019", "4.8", false},
		{"2019", "CU14", "2022", "4.8.1", false},
		{"2019", "CU14", "2025", "4.8.1", false},
		{"2019", "CU14", "", "4.8.1", false},
		{"2019", "CU13", "2022", "4.8.1", true}, // 4.8.1 only from CU14
		{"SE", "RTM", "2019", "4.8.1", true},
		{"SE", "RTM", "2019", "4.8", false},
		{"SE", "RTM Aug26SU", "2022", "4.8.1", false},
		{"SE", "RTM", "", "4.8.1", false},
	} {
		extra := []string{fmt.Sprintf("dotnet = %q", tc.dotnet)}
		if tc.os != "" {
			extra = append(extra, fmt.Sprintf("os = %q", tc.os))
		}
		what := fmt.Sprintf("%s %s on %q with %s", tc.version, tc.level, tc.os, tc.dotnet)
		fs := check(t, dotnetUnsupported{}, today, org(srv("EX", tc.version, tc.level, extra...)))
		if !tc.fails {
			hostExpectNone(t, what, fs)
			continue
		}
		parts := []string{"which it does not support", ": install .NET Framework 4.8"}
		if tc.os == "2019" {
			parts = append(parts, "which it does not support on Windows Server 2019: install .NET Framework 4.8")
		}
		hostExpectOne(t, what, fs, lint.Error, "server.EX.dotnet", parts...)
	}
}
