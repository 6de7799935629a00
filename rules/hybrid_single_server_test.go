package rules

import (
	"strings"
	"testing"
)

func TestHybridSingleServer(t *testing.T) {
	mbx := hyRoles("mailbox")
	ex07 := srv("EX07", "2007", "SP3 RU23")
	cases := []struct {
		name, src, at string
	}{
		{"one", org(srv("EX01", "SE", "RTM", mbx), hybridWith("EX01")), "hybrid.servers[0]"},
		{"two", org(srv("EX01", "SE", "RTM", mbx), srv("EX02", "SE", "RTM", mbx), hybridWith("EX01", "EX02")), ""},
		{"one listed twice", org(srv("EX01", "SE", "RTM", mbx), hybridWith("EX01", "EX01")), "hybrid.servers[0]"},
		{"one and an Edge", org(srv("EX01", "SE", "RTM", mbx), srv("EDGE", "SE", "RTM", hyRoles("edge_transport")), hybridWith("EX01", "EDGE")), "hybrid.servers[0]"},
		{"empty list", org(srv("EX01", "SE", "RTM", mbx), "hybrid {\n  servers = []\n}\n"), ""},
		{"no list", org(srv("EX01", "SE", "RTM", mbx), "hybrid {}\n"), ""},
		{"2007 org, one 2013", org(ex07, srv("EX13", "2013", "CU23"), "hybrid {}\n"), "server.EX13.version"},
		{"2007 org, two 2013", org(ex07, srv("EX13A", "2013", "CU23"), srv("EX13B", "2013", "CU23"), "hybrid {}\n"), ""},
		{"no hybrid", org(srv("EX01", "SE", "RTM", mbx)), ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridSingleServer{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "info" ||
			!strings.Contains(fs[0].Message, "only hybrid server")):
			t.Errorf("%s: want one info at %s:\n%s", tc.name, tc.at, summary(fs))
		}
	}
}

// The second hybrid server the fix names is of a version in support that
// every version of the organization accepts as hybrid server: the server's
// own when it qualifies, else the newest that does; when none does, the fix
// names the versions to retire first. It never names a version
// hybrid-server-version rejects or one out of support.
func TestHybridSingleServerSecondVersion(t *testing.T) {
	mbx := hyRoles("mailbox")
	cases := []struct {
		name, asOf, src, want string
	}{
		{"SE", today, org(srv("EX01", "SE", "RTM", mbx), hybridWith("EX01")), "add a second Exchange SE server to hybrid.servers"},
		{"2016 in support", "2025-10-14", org(srv("EX01", "2016", "CU23", mbx), hybridWith("EX01")), "add a second Exchange 2016 server to hybrid.servers"},
		{"2016 out of support", today, org(srv("EX01", "2016", "CU23", mbx), hybridWith("EX01")), "add a second Exchange SE server to hybrid.servers"},
		// Exchange 2010 accepts 2010 to 2016 hybrid servers, none in support;
		// 2019 is rejected (hybrid-server-version) and out of support.
		{"2019 beside 2010", today, org(srv("EX10", "2010", "SP3 RU32"), srv("EX19", "2019", "CU15", mbx), hybridWith("EX19")),
			"no version in support can be a second hybrid server beside Exchange 2010; retire those servers first"},
		// Exchange 2007 accepts 2013 only: named while 2013 is in support.
		{"2013 beside 2007", "2023-04-11", org(srv("EX07", "2007", "SP3 RU23"), srv("EX13", "2013", "CU23", mbx), hybridWith("EX13")),
			"add a second Exchange 2013 server to hybrid.servers"},
		{"2013 beside 2007, out of support", today, org(srv("EX07", "2007", "SP3 RU23"), srv("EX13", "2013", "CU23", mbx), hybridWith("EX13")),
			"no version in support can be a second hybrid server beside Exchange 2007 and 2013; retire those servers first"},
		// Exchange 2000 says nothing of hybrid servers, but Exchange SE's
		// setup refuses it: SE once it is gone; 2016's own version while in
		// support (it is beside 2000 already, which coexistence-unsupported
		// reports).
		{"2016 beside 2000, out of support", today, org(srv("EX2K", "2000", "SP3"), srv("EX01", "2016", "CU23", mbx), hybridWith("EX01")),
			"add a second Exchange SE server to hybrid.servers (once Exchange 2000 is gone)"},
		{"2016 beside 2000, in support", "2025-10-14", org(srv("EX2K", "2000", "SP3"), srv("EX01", "2016", "CU23", mbx), hybridWith("EX01")),
			"add a second Exchange 2016 server to hybrid.servers"},
	}
	for _, tc := range cases {
		fs := check(t, hybridSingleServer{}, tc.asOf, tc.src)
		if len(fs) != 1 || !strings.HasSuffix(fs[0].Message, ": "+tc.want) {
			t.Errorf("%s: want %q:\n%s", tc.name, tc.want, summary(fs))
		}
	}
}
