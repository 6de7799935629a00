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
