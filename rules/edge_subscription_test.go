package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// edge declares an Edge Transport server subscribed (or not) to a site.
func edge(name, version, level string, extra ...string) string {
	return srv(name, version, level, append([]string{`roles = ["edge_transport"]`}, extra...)...)
}

// hub declares a Hub Transport server in a site.
func hub(name, version, level, site string) string {
	return srv(name, version, level, `roles = ["mailbox", "client_access", "hub_transport"]`, `site = "`+site+`"`)
}

const sites = "site \"HQ\" {}\nsite \"Branch\" {}\n"

// The Hub Transport minimum for EdgeSync to a 2013 SP1 or later Edge, on both
// sides: exactly the minimum passes, the release below fails.
func TestEdgeSubscriptionHubMinimum(t *testing.T) {
	cases := []struct {
		version, level string
		fails          bool
		want           string
	}{
		{"2007", "SP3 RU13", false, ""},
		{"2007", "8.3.348.1", false, ""}, // an alternate build of SP3 RU13
		{"2007", "SP3 RU12", true, "Hub Transport server HUB runs Exchange Server 2007 SP3 RU12 (8.3.342.4), too old for EdgeSync with EDGE13, subscribed to its site HQ (Exchange 2013 SP1 or later): install SP3 RU13 (8.3.348.2) or later on HUB"},
		{"2007", "SP3 RU23", false, ""},
		{"2010", "SP3 RU5", false, ""},
		{"2010", "SP3 RU4", true, "Hub Transport server HUB runs Exchange Server 2010 SP3 RU4 (14.3.174.1), too old for EdgeSync with EDGE13, subscribed to its site HQ (Exchange 2013 SP1 or later): install SP3 RU5 (14.3.181.6) or later on HUB"},
		{"2010", "SP2 RU8", true, "install SP3 RU5 (14.3.181.6) or later on HUB"},
		{"2010", "SP3 RU99", false, ""}, // unknown level: not guessed at
	}
	for _, tc := range cases {
		src := org(sites, hub("HUB", tc.version, tc.level, "HQ"), edge("EDGE13", "2013", "CU23", `edge_sync = true`, `edge_sync_site = "HQ"`))
		fs := check(t, edgeSubscription{}, today, src)
		var errs []lint.Finding
		for _, f := range fs {
			if f.Severity == lint.Error {
				errs = append(errs, f)
			}
		}
		if got := len(errs) == 1; got != tc.fails || len(errs) > 1 {
			t.Errorf("%s %s hub: %d errors, want error=%v\n%s", tc.version, tc.level, len(errs), tc.fails, summary(fs))
			continue
		}
		if !tc.fails {
			continue
		}
		f := errs[0]
		if (f.Address != "server.HUB.update" && f.Address != "server.HUB.build") || len(f.Related) != 1 || f.Related[0].Range.Start.Line != 17 {
			t.Errorf("%s %s: at %s, related %+v", tc.version, tc.level, f.Address, f.Related)
		}
		if !strings.Contains(f.Message, tc.want) || !strings.Contains(f.Message, "too old for EdgeSync with EDGE13, subscribed to its site HQ (Exchange 2013 SP1 or later)") {
			t.Errorf("%s %s: message lacks %q: %s", tc.version, tc.level, tc.want, f.Message)
		}
	}
}

// Which Edges and hubs the check looks at.
func TestEdgeSubscriptionScope(t *testing.T) {
	oldHub := hub("HUB", "2010", "SP3 RU4", "HQ")
	cases := []struct {
		name, edges string
		hubs        string
		fails       bool
	}{
		{"2013 SP1 (CU4) Edge", edge("E", "2013", "SP1", `edge_sync = true`, `edge_sync_site = "HQ"`), oldHub, true},
		{"2013 CU4 Edge by build", edge("E", "2013", "15.0.847.32", `edge_sync = true`, `edge_sync_site = "HQ"`), oldHub, true},
		{"2013 CU3 Edge (before SP1)", edge("E", "2013", "CU3", `edge_sync = true`, `edge_sync_site = "HQ"`), oldHub, false},
		{"subscription without edge_sync", edge("E", "2013", "CU23", `edge_sync_site = "HQ"`), oldHub, true},
		{"edge_sync = false", edge("E", "2013", "CU23", `edge_sync = false`, `edge_sync_site = "HQ"`), oldHub, false},
		{"site unknown", edge("E", "2013", "CU23", `edge_sync = true`), oldHub, false},
		{"another site", edge("E", "2013", "CU23", `edge_sync = true`, `edge_sync_site = "Branch"`), oldHub, false},
		{"a 2010 Edge", edge("E", "2010", "SP3 RU32", `edge_sync = true`, `edge_sync_site = "HQ"`), oldHub, false},
		{"a mailbox-only 2010 server", edge("E", "2013", "CU23", `edge_sync = true`, `edge_sync_site = "HQ"`),
			srv("MBX", "2010", "SP3 RU4", `roles = ["mailbox"]`, `site = "HQ"`), false},
		{"hub without site", edge("E", "2013", "CU23", `edge_sync = true`, `edge_sync_site = "HQ"`),
			srv("HUB", "2010", "SP3 RU4", `roles = ["hub_transport"]`), false},
	}
	for _, tc := range cases {
		fs := check(t, edgeSubscription{}, today, org(sites, tc.hubs, tc.edges))
		errs := 0
		for _, f := range fs {
			if f.Severity == lint.Error {
				errs++
			}
		}
		if (errs == 1) != tc.fails || errs > 1 {
			t.Errorf("%s: %d errors, want error=%v\n%s", tc.name, errs, tc.fails, summary(fs))
		}
	}
	// Two Edges subscribed to one site: one finding per hub, naming both.
	fs := check(t, edgeSubscription{}, today, org(sites, oldHub, hub("HUB2", "2010", "SP3 RU3", "HQ"),
		edge("E1", "2013", "CU23", `edge_sync = true`, `edge_sync_site = "HQ"`),
		edge("E2", "2013", "CU22", `edge_sync = true`, `edge_sync_site = "HQ"`)))
	if len(fs) != 2 || !strings.Contains(fs[0].Message, "too old for EdgeSync with E1 and E2, subscribed to its site") || fs[1].Address != "server.HUB2.update" {
		t.Errorf("two Edges, two hubs:\n%s", summary(fs))
	}
}

// An Edge server of 2007, 2010 or 2013 with a subscription, beside a newer
// version that sets a minimum for it: re-create the subscription once raised.
func TestEdgeSubscriptionResubscribe(t *testing.T) {
	cases := []struct {
		name, servers string
		want          string // "" when no info
		at            string
	}{
		{"2010 Edge beside 2013", edge("EDGE10", "2010", "SP3 RU32", `edge_sync = true`) + srv("EX13", "2013", "CU23"),
			"Edge server EDGE10 runs Exchange Server 2010 SP3 RU32 (14.3.513.0), and Exchange 2013 needs SP3 (14.3.123.4) or later on 2010 servers: once it runs that, re-create its Edge subscription",
			"server.EDGE10.edge_sync"},
		{"2010 Edge beside 2013 and 2016: the higher minimum", edge("EDGE10", "2010", "SP3 RU2", `edge_sync = true`) + srv("EX13", "2013", "CU23") + srv("EX16", "2016", "CU23"),
			"Exchange 2016 needs SP3 RU11 (14.3.266.2) or later on 2010 servers: once it runs that", "server.EDGE10.edge_sync"},
		{"2007 Edge beside 2013", edge("EDGE07", "2007", "SP3 RU9", `edge_sync_site = "HQ"`) + srv("EX13", "2013", "CU23"),
			"Exchange 2013 needs SP3 RU10 (8.3.298.3) or later on 2007 servers", "server.EDGE07.edge_sync_site"},
		{"2013 Edge beside 2016", edge("EDGE13", "2013", "CU23", `edge_sync = true`) + srv("EX16", "2016", "CU23"),
			"Exchange 2016 needs CU10 (15.0.1130.7) or later on 2013 servers", "server.EDGE13.edge_sync"},
		{"2013 Edge of unknown level", edge("EDGE13", "2013", "CU99", `edge_sync = true`) + srv("EX16", "2016", "CU23"),
			"needs CU10 (15.0.1130.7) or later", "server.EDGE13.edge_sync"},
		{"without a subscription", edge("EDGE10", "2010", "SP3 RU32", `edge_sync = false`) + srv("EX13", "2013", "CU23"), "", ""},
		{"subscription unknown", edge("EDGE10", "2010", "SP3 RU32") + srv("EX13", "2013", "CU23"), "", ""},
		{"no newer version", edge("EDGE10", "2010", "SP3 RU32", `edge_sync = true`) + srv("EX10", "2010", "SP3 RU32"), "", ""},
		{"a 2016 Edge beside 2019", edge("EDGE16", "2016", "CU23", `edge_sync = true`) + srv("EX19", "2019", "CU15"), "", ""},
		{"2013 Edge beside 2019 only (not documented)", edge("EDGE13", "2013", "CU23", `edge_sync = true`) + srv("EX19", "2019", "CU14"), "", ""},
		{"2007 Edge beside 2010 only (not documented)", edge("EDGE07", "2007", "SP3 RU23", `edge_sync = true`) + srv("EX10", "2010", "SP3 RU32"), "", ""},
		{"2013 Edge beside 2016 and 2019: 2016's minimum", edge("EDGE13", "2013", "CU23", `edge_sync = true`) + srv("EX16", "2016", "CU23") + srv("EX19", "2019", "CU14"),
			"Exchange 2016 needs CU10 (15.0.1130.7) or later on 2013 servers", "server.EDGE13.edge_sync"},
		{"a mailbox server", srv("EX10", "2010", "SP3 RU32", `edge_sync = true`) + srv("EX13", "2013", "CU23"), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, edgeSubscription{}, today, org(sites, tc.servers))
		if tc.want == "" {
			if len(fs) != 0 {
				t.Errorf("%s:\n%s", tc.name, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Info || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s: want info at %s with %q\n%s", tc.name, tc.at, tc.want, summary(fs))
		}
	}
}
