package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Exchange 2010 hybrid servers: dropped from the wizard's FAQ on 2022-06-16.
func TestHybridWizard2010(t *testing.T) {
	// The fix names Exchange 2016 (what Microsoft advises beside 2010) while
	// it is in support; after, no version in support can be a hybrid server
	// beside 2010.
	cases := []struct {
		version, asOf string
		fails         bool
		fix           string
	}{
		{"2010", "2022-06-15", false, ""},
		{"2010", "2022-06-16", true, "add an Exchange 2016 hybrid server and list it in hybrid.servers"},
		{"2010", "2025-10-14", true, "add an Exchange 2016 hybrid server and list it in hybrid.servers"},
		{"2010", "2025-10-15", true, "retire the 2010 servers first (no version in support can be a hybrid server beside them)"},
		{"2010", today, true, "retire the 2010 servers first (no version in support can be a hybrid server beside them)"},
		{"2013", today, false, ""},
		{"2016", today, false, ""},
		{"2019", today, false, ""},
		{"SE", today, false, ""},
	}
	for _, tc := range cases {
		src := org(srv("HYB", tc.version, someLevel[tc.version]), hybridWith("HYB"))
		fs := check(t, hybridWizardUnsupported{}, tc.asOf, src)
		switch {
		case !tc.fails && len(fs) != 0:
			t.Errorf("%s on %s: want no finding:\n%s", tc.version, tc.asOf, summary(fs))
		case tc.fails && (len(fs) != 1 || fs[0].Address != "hybrid.servers[0]" || fs[0].Severity.String() != "warning" ||
			!strings.HasSuffix(fs[0].Message, "no longer lists (since 2022-06-16) and may not configure or license: "+tc.fix)):
			t.Errorf("%s on %s: want one warning at hybrid.servers[0]:\n%s", tc.version, tc.asOf, summary(fs))
		}
	}
	// A 2010 Edge listed by mistake is not a hybrid server for the wizard.
	src := org(srv("EDGE", "2010", "SP3 RU32", hyRoles("edge_transport")), hybridWith("EDGE"))
	if fs := check(t, hybridWizardUnsupported{}, today, src); len(fs) != 0 {
		t.Errorf("2010 Edge: want no finding:\n%s", summary(fs))
	}
}

// The wizard needs .NET Framework 4.6.2 or later on the computer that runs
// it: reported when no hybrid server has it.
func TestHybridWizardDotNet(t *testing.T) {
	net := func(v string) string { return `dotnet = "` + v + `"` }
	cases := []struct {
		name string
		srvs []string
		at   string
	}{
		{"one at 4.6.1", []string{srv("A", "2016", "CU3", net("4.6.1"))}, "server.A.dotnet"},
		{"one at 4.6.2", []string{srv("A", "2016", "CU3", net("4.6.2"))}, ""},
		{"one at 4.8", []string{srv("A", "2016", "CU23", net("4.8"))}, ""},
		{"one unknown", []string{srv("A", "2016", "CU23")}, ""},
		{"two old", []string{srv("A", "2013", "CU10", net("4.5.2")), srv("B", "2013", "CU10", net("4.5.2"))}, "hybrid.servers"},
		{"one old, one new", []string{srv("A", "2013", "CU10", net("4.5.2")), srv("B", "2013", "CU23", net("4.8"))}, ""},
		{"one old, one unknown", []string{srv("A", "2013", "CU10", net("4.5.2")), srv("B", "2013", "CU23")}, ""},
		{"2010 at 3.5 SP1", []string{srv("A", "2010", "SP3 RU32", net("3.5 SP1"))}, "server.A.dotnet"},
	}
	// Exchange 2010 supports no .NET Framework the wizard runs on: only
	// another computer can run it (dotnet-unsupported would report 4.6.2 on
	// it).
	fix := map[string]string{
		"one at 4.6.1":    ": install it on a hybrid server, or run the wizard on another domain-joined computer that has it",
		"two old":         ": run the wizard on another domain-joined computer that has it", // 2013 CU10 runs on 4.5.2 at most
		"2010 at 3.5 SP1": "(A has .NET Framework 3.5 SP1): run the wizard on another domain-joined computer that has it",
	}
	for _, tc := range cases {
		var list []string
		for _, s := range tc.srvs {
			list = append(list, strings.Fields(s)[1][1:len(strings.Fields(s)[1])-1])
		}
		var fs []lint.Finding
		for _, f := range check(t, hybridWizardUnsupported{}, today, org(append(tc.srvs, hybridWith(list...))...)) {
			if strings.Contains(f.Message, ".NET Framework") {
				fs = append(fs, f)
			}
		}
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "warning" ||
			!strings.Contains(fs[0].Message, ".NET Framework 4.6.2 or later") || !strings.HasSuffix(fs[0].Message, fix[tc.name])):
			t.Errorf("%s: want one warning at %s:\n%s", tc.name, tc.at, summary(fs))
		}
	}
}
