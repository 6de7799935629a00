package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// The April 2025 HU of each CU at its boundary: the HU's own build passes,
// one build below fails; later CUs' builds and every SE build pass.
func TestHybridDedicatedAppBuilds(t *testing.T) {
	full := hybridBlock(`topology = "classic_full"`)
	cases := []struct {
		version, level string
		fails          bool
		at, want       string
	}{
		{"2016", "15.1.2507.55", false, "", ""},
		{"2016", "CU23 Apr25HU", false, "", ""},
		{"2016", "CU23 Aug26SU", false, "", ""},
		{"2016", "15.1.2507.54", true, "server.EX.build", "runs Exchange Server 2016 CU23 Nov24SUv2 (15.1.2507.44), below the April 2025 HU the dedicated hybrid app needs"},
		{"2016", "CU23", true, "server.EX.update", ": install CU23 Apr25HU (15.1.2507.55) or later"},
		{"2016", "CU22", true, "server.EX.update", ": install CU23 Apr25HU (15.1.2507.55) or later"},
		{"2019", "15.2.1544.25", false, "", ""},
		{"2019", "15.2.1544.24", true, "server.EX.build", ": install CU14 Apr25HU (15.2.1544.25) or later"},
		{"2019", "CU14 Nov24SUv2", true, "server.EX.update", "CU14 Apr25HU (15.2.1544.25)"},
		{"2019", "15.2.1748.24", false, "", ""},
		{"2019", "15.2.1748.23", true, "server.EX.build", "runs Exchange Server 2019 CU15 (15.2.1748.10), below the April 2025 HU"},
		{"2019", "CU15 Feb26SU", false, "", ""},
		{"2019", "CU13", true, "server.EX.update", ": install CU14 Apr25HU (15.2.1544.25) or CU15 Apr25HU (15.2.1748.24) or later"},
		{"SE", "RTM", false, "", ""},
		{"SE", "15.2.2562.17", false, "", ""},
		{"2013", "CU23", true, "server.EX.version", "runs Exchange Server 2013, which has no update for the dedicated hybrid app, so free/busy and MailTips with Exchange Online fail since 2025-11-01: move its mailboxes to Exchange Online and retire it"},
		{"2010", "SP3 RU32", false, "", ""}, // federation trust, not OAuth
		{"2019", "CU99", false, "", ""},     // unknown level: not guessed
		{"2016", "Preview", false, "", ""},  // a preview has no level: exchange-update-not-current reports it
	}
	for _, tc := range cases {
		fs := check(t, hybridDedicatedApp{}, today, org(srv("EX", tc.version, tc.level), full))
		if !tc.fails {
			if len(fs) != 0 {
				t.Errorf("%s %s: want no finding:\n%s", tc.version, tc.level, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) ||
			!strings.Contains(fs[0].Message, ", so free/busy and MailTips with Exchange Online fail since 2025-11-01: ") {
			t.Errorf("%s %s: want one error at %s with %q:\n%s", tc.version, tc.level, tc.at, tc.want, summary(fs))
		}
	}
}

// The dates: nothing before the April 2025 HU existed, a warning until
// 2025-10-31 (the last day before the permanent block), an error after.
func TestHybridDedicatedAppDates(t *testing.T) {
	src := org(srv("EX", "2019", "CU15"), hybridBlock(`topology = "classic_full"`, `dedicated_app = false`))
	cases := []struct {
		asOf string
		sev  lint.Severity // 0: no finding
		want string
	}{
		{"2025-04-17", 0, ""},
		{"2025-04-18", lint.Warning, "fail from 2025-11-01 (and on 2025-09-16 and 2025-10-07): "},
		{"2025-10-31", lint.Warning, "fail from 2025-11-01 (and on 2025-09-16 and 2025-10-07): "},
		{"2025-11-01", lint.Error, "fail since 2025-11-01: "},
		{today, lint.Error, "fail since 2025-11-01: "},
	}
	for _, tc := range cases {
		fs := check(t, hybridDedicatedApp{}, tc.asOf, src)
		if tc.sev == 0 {
			if len(fs) != 0 {
				t.Errorf("%s: want no finding:\n%s", tc.asOf, summary(fs))
			}
			continue
		}
		if len(fs) != 2 {
			t.Errorf("%s: want 2 findings (app and server):\n%s", tc.asOf, summary(fs))
			continue
		}
		for _, f := range fs {
			if f.Severity != tc.sev || !strings.Contains(f.Message, tc.want) {
				t.Errorf("%s: want %s with %q:\n%s", tc.asOf, tc.sev, tc.want, summary(fs))
			}
		}
		if fs[1].Address != "hybrid.dedicated_app" || !strings.Contains(fs[1].Message, "not configured (dedicated_app = false)") {
			t.Errorf("%s: the app finding:\n%s", tc.asOf, summary(fs))
		}
	}
}

// Which deployments and servers the rule looks at.
func TestHybridDedicatedAppScope(t *testing.T) {
	old := srv("EX", "2016", "CU23")
	cases := []struct {
		name string
		src  string
		n    int
	}{
		{"no hybrid", org(old), 0},
		{"app configured, servers current", org(srv("EX", "SE", "RTM"), hybridBlock(`dedicated_app = true`)), 0},
		{"app unknown, server below the HU", org(old, hybridBlock()), 1},
		{"topology unknown, app off", org(srv("EX", "SE", "RTM"), hybridBlock(`dedicated_app = false`)), 1},
		{"modern full", org(old, hybridBlock(`topology = "modern_full"`, `dedicated_app = false`)), 2},
		{"classic minimal", org(old, hybridBlock(`topology = "classic_minimal"`, `dedicated_app = false`)), 0},
		{"modern minimal", org(old, hybridBlock(`topology = "modern_minimal"`, `dedicated_app = false`)), 0},
		{"express", org(old, hybridBlock(`topology = "express"`, `dedicated_app = false`)), 0},
		{"edge below the HU", org(srv("EX", "SE", "RTM"), srv("EDGE", "2016", "CU23", `roles = ["edge_transport"]`), hybridBlock()), 0},
		{"every server, listed or not", org(old, srv("EX2", "2019", "CU14"), srv("EX3", "SE", "RTM"), hybridBlock(`servers = ["EX3"]`)), 2},
	}
	for _, tc := range cases {
		if fs := check(t, hybridDedicatedApp{}, today, tc.src); len(fs) != tc.n {
			t.Errorf("%s: want %d findings:\n%s", tc.name, tc.n, summary(fs))
		}
	}
}

// Where the newest CU with an April 2025 HU cannot join the organization
// (updateTarget: Exchange 2019 CU15 and later refuse Exchange 2013), the fix
// names the CU that can, with its latest update, and the newest once 2013 is
// gone; without 2013, both HUs.
func TestHybridDedicatedAppJoinableLevel(t *testing.T) {
	full := hybridBlock(`topology = "classic_full"`)
	ex13 := srv("EX13", "2013", "CU23", `roles = ["mailbox", "client_access"]`)
	for _, tc := range []struct {
		name, src, want string
	}{
		{"2019 CU13 beside 2013", org(ex13, srv("EX19", "2019", "CU13", `roles = ["mailbox"]`), full),
			": install CU14 Aug26SU (15.2.1544.44) on EX19 (CU15 Apr25HU or later once Exchange 2013 is gone)"},
		{"2019 CU13 alone", org(srv("EX19", "2019", "CU13", `roles = ["mailbox"]`), full),
			": install CU14 Apr25HU (15.2.1544.25) or CU15 Apr25HU (15.2.1748.24) or later"},
	} {
		var got []string
		for _, f := range check(t, hybridDedicatedApp{}, "2026-12-06", tc.src) {
			if f.Address == "server.EX19.update" {
				got = append(got, f.Message)
			}
		}
		if len(got) != 1 || !strings.HasSuffix(got[0], tc.want) {
			t.Errorf("%s: %q, want …%q", tc.name, got, tc.want)
		}
	}
}
