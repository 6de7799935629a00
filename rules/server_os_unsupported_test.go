package rules

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/schema/catalog"
)

// The Windows Server versions each Exchange version runs on (MS-MATRIX,
// MS-SYSREQ and the system requirements of each version), written out
// independently of the catalogue's rows:
// for each version, each Windows Server version it supports with the first
// level that supports it ("" = every level), and, where sources conflict,
// the lower level some sources accept. Every other Windows Server version of
// the catalogue is unsupported with every level.
type hostOSFact struct{ min, disputed string }

var hostOSFacts = map[string]map[string]hostOSFact{
	"2003": {"2000": {}, "2003": {}},
	"2007": {"2003": {}, "2008": {min: "SP1"}, "2008R2": {min: "SP3"}},
	"2010": {"2008": {}, "2008R2": {}, "2012": {min: "SP3"}, "2012R2": {min: "SP3 RU5", disputed: "SP3"}},
	"2013": {"2008R2": {}, "2012": {}, "2012R2": {min: "CU4"}},
	"2016": {"2012": {}, "2012R2": {}, "2016": {min: "CU3"}},
	"2019": {"2019": {}, "2022": {min: "CU12"}, "2025": {min: "CU15", disputed: "CU14"}},
	"SE":   {"2019": {}, "2022": {}, "2025": {}},
}

func hostOSServer(version, level, os string) string {
	return org(srv("EX", version, level, fmt.Sprintf("os = %q", os)))
}

// Every cell of the table: every version against every Windows Server version,
// at the version's first and last levels and with an unknown level.
func TestServerOSMatrix(t *testing.T) {
	cat := catalog.Default()
	for version, facts := range hostOSFacts {
		levels := hostLevelsOf(t, version)
		for _, w := range cat.Windows {
			fact, listed := facts[w.ID]
			for _, level := range []string{levels[0], levels[len(levels)-1], hostUnknownLevel} {
				what := fmt.Sprintf("Exchange %s %s on %s", version, level, w.Name)
				fs := check(t, serverOSUnsupported{}, today, hostOSServer(version, level, w.ID))
				switch {
				case !listed:
					hostExpectOne(t, what, fs, lint.Error, "server.EX.os", "EX runs", "on "+w.Name, "which Exchange Server", "does not support")
				case level == hostUnknownLevel && fact.min != "":
					hostExpectNone(t, what+" (unknown level: the version alone does not decide)", fs)
				case fact.min == "" || hostInRange(t, version, level, fact.min, ""):
					hostExpectNone(t, what, fs)
				case fact.disputed != "" && hostInRange(t, version, level, fact.disputed, ""):
					hostExpectOne(t, what, fs, lint.Warning, "server.EX.os", "sources conflict")
				default:
					hostExpectOne(t, what, fs, lint.Error, "server.EX.os", "supports", "from")
				}
			}
		}
	}
}

// Every per-level minimum on both sides: exactly the minimum passes, one
// release below fails; a disputed range warns from its first level and fails
// one level below it.
func TestServerOSBoundaries(t *testing.T) {
	cat := catalog.Default()
	for version, facts := range hostOSFacts {
		v := cat.Version(version)
		for os, fact := range facts {
			if fact.min == "" {
				continue
			}
			osName := cat.WindowsByID(os).Name
			min := cat.Release(v, fact.min)
			what := fmt.Sprintf("Exchange %s %s on %s", version, fact.min, osName)
			hostExpectNone(t, what, check(t, serverOSUnsupported{}, today, hostOSServer(version, fact.min, os)))
			// The minimum's build exactly, and one build below it.
			hostExpectNone(t, what+" by build", check(t, serverOSUnsupported{}, today, hostOSServer(version, min.Build.String(), os)))
			below := hostLevelBefore(t, version, fact.min)
			fs := check(t, serverOSUnsupported{}, today, hostOSServer(version, below, os))
			if fact.disputed == "" {
				hostExpectOne(t, fmt.Sprintf("Exchange %s %s on %s", version, below, osName), fs, lint.Error, "server.EX.os",
					"EX runs "+v.Name+" "+below, "on "+osName, "supports only from "+levelRef(cat, min), "install "+levelLabel(cat, min)+" or later on EX")
				continue
			}
			// below the undisputed minimum: the disputed range
			hostExpectOne(t, fmt.Sprintf("Exchange %s %s on %s", version, below, osName), fs, lint.Warning, "server.EX.os",
				"(sources disagree: see the rule page)", "install "+levelRef(cat, min)+" or later on EX")
			disputed := cat.Release(v, fact.disputed)
			hostExpectOne(t, fmt.Sprintf("Exchange %s %s on %s", version, fact.disputed, osName),
				check(t, serverOSUnsupported{}, today, hostOSServer(version, fact.disputed, os)), lint.Warning, "server.EX.os", "(sources disagree: see the rule page)")
			belowDisputed := hostLevelBefore(t, version, fact.disputed)
			hostExpectOne(t, fmt.Sprintf("Exchange %s %s on %s", version, belowDisputed, osName),
				check(t, serverOSUnsupported{}, today, hostOSServer(version, belowDisputed, os)), lint.Error, "server.EX.os",
				"at the earliest from "+levelRef(cat, disputed), "without dispute from "+levelRef(cat, min))
		}
	}
}

// Where sources conflict, the warning says so; what they say is the rule
// page's.
func TestServerOSConflicts(t *testing.T) {
	fs := check(t, serverOSUnsupported{}, today, hostOSServer("2019", "CU14 Apr25HU", "2025"))
	hostExpectOne(t, "2019 CU14 on 2025", fs, lint.Warning, "server.EX.os",
		"EX runs Exchange Server 2019 CU14 Apr25HU (15.2.1544.25) on Windows Server 2025 (sources disagree: see the rule page): install CU15 (15.2.1748.10) or later on EX to be safe")
	fs = check(t, serverOSUnsupported{}, today, hostOSServer("2010", "SP3 RU4", "2012R2"))
	hostExpectOne(t, "2010 SP3 RU4 on 2012 R2", fs, lint.Warning, "server.EX.os",
		"(sources disagree: see the rule page): install SP3 RU5 (14.3.181.6) or later on EX")
}

// An unsupported Windows names the Windows Server versions the version runs
// on that stay in support for more than a year after the evaluation date
// (windowsLasts, as windows-end-of-support), and the newer Exchange versions
// in support that run on it; a level too low names the Windows versions that
// last that the level supports.
func TestServerOSMessages(t *testing.T) {
	for asOf, want := range map[string]string{
		// Windows Server 2012 and 2012 R2 end on 2023-10-10: not named.
		"2023-10-10": "EX runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2019, which Exchange Server 2016 does not support: " +
			"move it to a new server on Windows Server 2016 (from CU3), or to Exchange 2019, which runs on Windows Server 2019",
		// Exchange 2016's last day of support.
		"2025-10-14": "EX runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2019, which Exchange Server 2016 does not support: " +
			"move it to a new server on Windows Server 2016 (from CU3), or to Exchange 2019 or Exchange SE, which run on Windows Server 2019",
		// Out of support: no new 2016 server, its work goes where
		// exchange-end-of-support sends it (TestServerOSOutOfSupportVersion).
		"2025-10-15": "EX runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2019, which Exchange Server 2016 (out of support since 2025-10-14) does not support: " +
			"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025, and retire it",
		today: "EX runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2019, which Exchange Server 2016 (out of support since 2025-10-14) does not support: " +
			"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025, and retire it",
	} {
		fs := check(t, serverOSUnsupported{}, asOf, hostOSServer("2016", "CU23", "2019"))
		hostExpectOne(t, "2016 on 2019 as of "+asOf, fs, lint.Error, "server.EX.os", want)
		if len(fs) == 1 && fs[0].Message != want {
			t.Errorf("2016 on 2019 as of %s: got %s", asOf, fs[0].Message)
		}
	}
	// The audit's case: beside Exchange 2010, Exchange 2019 and SE cannot
	// join; while Exchange 2016 is in support, its own Windows (2016, which
	// lasts) is named; once it is not, its work goes to its successor once
	// Exchange 2010 is gone.
	for asOf, want := range map[string]string{
		"2025-10-14": "EX16 runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2022, which Exchange Server 2016 does not support: " +
			"move it to a new server on Windows Server 2016 (from CU3)",
		"2026-12-06": "EX16 runs Exchange Server 2016 CU23 (15.1.2507.6) on Windows Server 2022, which Exchange Server 2016 (out of support since 2025-10-14) does not support: " +
			"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025 (once Exchange 2010 is gone), and retire it",
	} {
		fs := check(t, serverOSUnsupported{}, asOf, org(srv("EX10", "2010", "SP3 RU32"), srv("EX16", "2016", "CU23", `os = "2022"`)))
		if len(fs) != 1 || fs[0].Address != "server.EX16.os" || fs[0].Message != want {
			t.Errorf("2016 on 2022 beside 2010 as of %s: want\n  %s\ngot\n%s", asOf, want, summary(fs))
		}
	}
	// A level too low: Windows Server 2012 and 2012 R2 (to 2023-10-10) are
	// named 366 days before their end, not 365.
	fs := check(t, serverOSUnsupported{}, "2022-10-09", hostOSServer("2016", "CU2", "2016"))
	hostExpectOne(t, "2016 CU2 on 2016, 366 days before 2012's end", fs, lint.Error, "server.EX.os",
		"which Exchange Server 2016 supports only from CU3 (15.1.544.27): install CU3 or later on EX, or run it on Windows Server 2012 or Windows Server 2012 R2")
	fs = check(t, serverOSUnsupported{}, "2022-10-10", hostOSServer("2016", "CU2", "2016"))
	hostExpectOne(t, "2016 CU2 on 2016, 365 days before 2012's end", fs, lint.Error, "server.EX.os",
		"which Exchange Server 2016 supports only from CU3 (15.1.544.27): install CU3 or later on EX")
	if len(fs) == 1 && !strings.HasSuffix(fs[0].Message, "install CU3 or later on EX") {
		t.Errorf("2016 CU2 on 2016, 365 days before 2012's end: names a Windows Server version: %s", fs[0].Message)
	}
	fs = check(t, serverOSUnsupported{}, "2023-10-10", hostOSServer("2016", "CU2", "2016"))
	hostExpectOne(t, "2016 CU2 on 2016", fs, lint.Error, "server.EX.os",
		"which Exchange Server 2016 supports only from CU3 (15.1.544.27): install CU3 or later on EX")
	fs = check(t, serverOSUnsupported{}, today, hostOSServer("2016", "CU2", "2016"))
	hostExpectOne(t, "2016 CU2 on 2016, 2012 R2 out of support", fs, lint.Error, "server.EX.os",
		"which Exchange Server 2016 supports only from CU3 (15.1.544.27): install CU3 or later on EX")
	fs = check(t, serverOSUnsupported{}, today, hostOSServer("2013", "CU3", "2012R2"))
	hostExpectOne(t, "2013 CU3 on 2012 R2", fs, lint.Error, "server.EX.os", "supports only from SP1 = CU4 (15.0.847.32)", "install SP1 = CU4 or later")
	// SE runs on nothing older than 2019, and no newer version exists to suggest.
	fs = check(t, serverOSUnsupported{}, today, hostOSServer("SE", "RTM", "2016"))
	hostExpectOne(t, "SE on 2016", fs, lint.Error, "server.EX.os",
		"which Exchange Server Subscription Edition does not support: move it to a new server on Windows Server 2019, Windows Server 2022 or Windows Server 2025")
}

// Without os, or for versions the reference has no table for, nothing.
func TestServerOSSilent(t *testing.T) {
	hostExpectNone(t, "no os", check(t, serverOSUnsupported{}, today, org(srv("EX", "2016", "CU23"))))
	for _, v := range []string{"5.5", "2000"} {
		for _, w := range catalog.Default().Windows {
			hostExpectNone(t, "Exchange "+v+" on "+w.ID, check(t, serverOSUnsupported{}, today, hostOSServer(v, hostLastLevel(t, v), w.ID)))
		}
	}
}

// One finding per server.
func TestServerOSPerServer(t *testing.T) {
	src := org(srv("A", "2016", "CU23", `os = "2019"`), srv("B", "2016", "CU23", `os = "2016"`), srv("C", "2016", "CU2", `os = "2016"`))
	fs := check(t, serverOSUnsupported{}, today, src)
	if len(fs) != 2 || fs[0].Address != "server.A.os" || fs[1].Address != "server.C.os" {
		t.Errorf("want findings for A and C:\n%s", summary(fs))
	}
}

// A server of an Exchange version out of support on a Windows its version
// never supports goes to no new server of that version: its work goes where
// exchange-end-of-support and windows-end-of-support send it (successor),
// with what must go first, or to Exchange Online. The version's last day of
// support still names a new server of it.
func TestServerOSOutOfSupportVersion(t *testing.T) {
	cases := []struct {
		name, asOf, src, want string
	}{
		{"2019 CU15 on 2016, last day of 2019's support", "2025-10-14", hostOSServer("2019", "CU15", "2016"),
			"EX runs Exchange Server 2019 CU15 (15.2.1748.10) on Windows Server 2016, which Exchange Server 2019 does not support: " +
				"move it to a new server on Windows Server 2019, Windows Server 2022 (from CU12) or Windows Server 2025 (from CU15)"},
		{"2019 CU15 on 2016, the day after", "2025-10-15", hostOSServer("2019", "CU15", "2016"),
			"EX runs Exchange Server 2019 CU15 (15.2.1748.10) on Windows Server 2016, which Exchange Server 2019 (out of support since 2025-10-14) does not support: " +
				"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025, and retire it"},
		{"2019 CU15 on 2016, judged on 2026-12-06", "2026-12-06", hostOSServer("2019", "CU15", "2016"),
			"EX runs Exchange Server 2019 CU15 (15.2.1748.10) on Windows Server 2016, which Exchange Server 2019 (out of support since 2025-10-14) does not support: " +
				"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025, and retire it"},
		{"2019 CU14 on 2016 beside 2013", "2026-12-06", org(srv("EX", "2019", "CU14", `os = "2016"`), srv("EX13", "2013", "CU23")),
			"move its work to Exchange Online or to Exchange SE on Windows Server 2019, Windows Server 2022 or Windows Server 2025 (once Exchange 2013 is gone), and retire it"},
		{"2013 on 2016: no version in support can join", "2026-12-06", hostOSServer("2013", "CU23", "2016"),
			"EX runs Exchange Server 2013 CU23 (15.0.1497.2) on Windows Server 2016, which Exchange Server 2013 (out of support since 2023-04-11) does not support: " +
				"move its work to Exchange Online and retire it"},
	}
	for _, tc := range cases {
		fs := check(t, serverOSUnsupported{}, tc.asOf, tc.src)
		var got []string
		for _, f := range fs {
			if f.Address == "server.EX.os" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) {
			t.Errorf("%s:\n%s\nwant …%s", tc.name, summary(fs), tc.want)
		}
	}
}

// server-os-unsupported and windows-end-of-support send the work of a
// server of an Exchange version out of support to the same version, with
// the same versions to go first.
func TestServerOSAgreesWithWindowsEndOfSupport(t *testing.T) {
	where := regexp.MustCompile(`to Exchange Online or to (Exchange \S+|Exchange Server Subscription Edition) on [^(]*?(\(once [^)]*\))?, and retire`)
	cat := catalog.Default()
	compared := 0
	for _, other := range []string{"", srv("EX13", "2013", "CU23"), srv("EX10", "2010", "SP3 RU32")} {
		src := org(srv("EX", "2019", "CU14", `os = "2016"`), other)
		for _, asOf := range []string{"2026-12-06", "2027-02-01"} {
			a := check(t, serverOSUnsupported{}, asOf, src)
			b := check(t, windowsEndOfSupport{}, asOf, src)
			if len(a) == 0 || len(b) == 0 {
				continue
			}
			ma, mb := where.FindStringSubmatch(a[0].Message), where.FindStringSubmatch(b[0].Message)
			if ma == nil || mb == nil {
				t.Errorf("%s on %s: no successor in\n%s\n%s", other, asOf, a[0].Message, b[0].Message)
				continue
			}
			na, nb := ma[1], mb[1]
			for _, v := range cat.Versions() {
				if na == v.Name {
					na = v.ShortName()
				}
				if nb == v.Name {
					nb = v.ShortName()
				}
			}
			if na != nb || ma[2] != mb[2] {
				t.Errorf("%s on %s: server-os-unsupported sends the work to %s %s, windows-end-of-support to %s %s", other, asOf, na, ma[2], nb, mb[2])
			}
			compared++
		}
	}
	if compared == 0 {
		t.Error("nothing compared")
	}
}

// The update the fix names is one that can join the organization
// (updateTarget): beside Exchange 2013, which 2019 CU15 and later refuse, a
// 2019 server below CU12 on Windows Server 2022 goes to CU14 with its latest
// update (CU15 once 2013 is gone), and one on Windows Server 2025, which
// only CU15 supports without dispute, needs 2013 gone first.
func TestServerOSJoinableUpdate(t *testing.T) {
	ex13 := srv("EX13", "2013", "CU23")
	for _, tc := range []struct {
		name, level, os, other string
		sev                    lint.Severity
		want                   string
	}{
		{"CU14 on 2025 beside 2013", "CU14", "2025", ex13, lint.Warning,
			"EX19 runs Exchange Server 2019 CU14 (15.2.1544.4) on Windows Server 2025 (sources disagree: see the rule page): " +
				"remove the Exchange 2013 servers, then install CU15 (15.2.1748.10) or later on EX19 to be safe"},
		{"CU14 on 2025 alone", "CU14", "2025", "", lint.Warning,
			"EX19 runs Exchange Server 2019 CU14 (15.2.1544.4) on Windows Server 2025 (sources disagree: see the rule page): " +
				"install CU15 (15.2.1748.10) or later on EX19 to be safe"},
		{"CU13 on 2025 beside 2013", "CU13", "2025", ex13, lint.Error,
			"remove the Exchange 2013 servers, then install CU15 or later on EX19, or run it on Windows Server 2019 or Windows Server 2022"},
		{"CU10 on 2022 beside 2013", "CU10", "2022", ex13, lint.Error,
			"EX19 runs Exchange Server 2019 CU10 (15.2.922.7) on Windows Server 2022, which Exchange Server 2019 supports only from CU12 (15.2.1118.7): " +
				"install CU14 Aug26SU on EX19 (CU15 or later once Exchange 2013 is gone), or run it on Windows Server 2019"},
		{"CU10 on 2022 alone", "CU10", "2022", "", lint.Error,
			"which Exchange Server 2019 supports only from CU12 (15.2.1118.7): install CU12 or later on EX19, or run it on Windows Server 2019"},
	} {
		fs := check(t, serverOSUnsupported{}, "2026-12-06", org(tc.other, srv("EX19", "2019", tc.level, fmt.Sprintf("os = %q", tc.os))))
		if len(fs) != 1 || fs[0].Severity != tc.sev || !strings.HasSuffix(fs[0].Message, tc.want) {
			t.Errorf("%s: want a %s ending %q:\n%s", tc.name, tc.sev, tc.want, summary(fs))
		}
	}
}
