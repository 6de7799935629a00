package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
)

// Each version's TLS 1.2 minimum at its boundary, for a hybrid server.
func TestHybridTLS12Minimum(t *testing.T) {
	cases := []struct {
		version, level string
		at, want       string // "" for no finding
	}{
		{"2016", "CU7", "server.EX.update", "which accepts only TLS 1.2, used from CU8 (15.1.1415.2): install the latest update on EX"},
		{"2016", "CU8", "", ""},
		{"2016", "15.1.1415.1", "server.EX.build", "runs Exchange Server 2016 CU7"},
		{"2016", "15.1.1415.2", "", ""},
		{"2013", "CU18", "server.EX.update", "which accepts only TLS 1.2, used from CU19 (15.0.1365.1): install the latest update on EX"},
		{"2013", "CU19", "", ""},
		{"2010", "SP3 RU18", "server.EX.update", "which accepts only TLS 1.2, used from SP3 RU19 (14.3.382.0): install the latest update on EX"},
		{"2010", "SP3 RU19", "", ""},
		{"2019", "RTM", "", ""},
		{"SE", "RTM", "", ""},
		{"2007", "SP3 RU23", "server.EX.version", "EX runs Exchange Server 2007, which cannot use TLS 1.2, on the hybrid path to Exchange Online (hybrid.servers), which accepts only TLS 1.2: take EX off the hybrid path"},
		{"2003", "SP2", "server.EX.version", "runs Exchange Server 2003"},
		{"2016", "CU99", "", ""}, // unknown level: not guessed
	}
	for _, tc := range cases {
		fs := check(t, hybridTLS12{}, today, org(srv("EX", tc.version, tc.level), hybridBlock(`servers = ["EX"]`)))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s %s: want no finding:\n%s", tc.version, tc.level, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Severity != lint.Error || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) ||
			len(fs[0].Related) != 1 || !strings.Contains(fs[0].Message, "(hybrid.servers)") {
			t.Errorf("%s %s: want one error at %s with %q:\n%s", tc.version, tc.level, tc.at, tc.want, summary(fs))
		}
	}
}

// .NET 4.7.1 for 2013 and 2016; TLS 1.2 on; TLS 1.0 and 1.1 off only from
// 2016 CU9, 2013 CU20, 2010 SP3 RU20.
func TestHybridTLS12Settings(t *testing.T) {
	cases := []struct {
		version, level string
		extra          string
		at, want       string
	}{
		{"2016", "CU9", `dotnet = "4.6.2"`, "server.EX.dotnet", "Exchange Server 2016 needs .NET Framework 4.7.1 or later for TLS 1.2"},
		{"2016", "CU9", `dotnet = "4.7.1"`, "", ""},
		{"2016", "CU23", `dotnet = "4.8"`, "", ""},
		{"2013", "CU19", `dotnet = "4.6.2"`, "server.EX.dotnet", "Exchange Server 2013 needs .NET Framework 4.7.1"},
		{"2013", "CU19", `dotnet = "4.7.1"`, "", ""},
		{"2010", "SP3 RU32", `dotnet = "3.5 SP1"`, "", ""},
		{"2019", "CU15", `tls = ["1.0", "1.1"]`, "server.EX.tls", `has TLS 1.2 turned off (tls = "1.0" and "1.1")`},
		{"2019", "CU15", `tls = ["1.2"]`, "", ""},
		{"2016", "CU8", `tls = ["1.2"]`, "server.EX.tls", "on Exchange Server 2016 CU8 (15.1.1415.2), which runs without them only from CU9 (15.1.1466.3): install it or later on EX first"},
		{"2016", "CU8", `tls = ["1.0", "1.2"]`, "server.EX.tls", "turns off TLS 1.0 or 1.1"},
		{"2016", "CU8", `tls = ["1.0", "1.1", "1.2"]`, "", ""},
		{"2016", "CU9", `tls = ["1.2"]`, "", ""},
		{"2013", "CU19", `tls = ["1.1", "1.2"]`, "server.EX.tls", "only from CU20 (15.0.1367.3)"},
		{"2013", "CU20", `tls = ["1.2"]`, "", ""},
		{"2010", "SP3 RU19", `tls = ["1.2"]`, "server.EX.tls", "only from SP3 RU20 (14.3.389.1)"},
		{"2010", "SP3 RU20", `tls = ["1.2"]`, "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridTLS12{}, today, org(srv("EX", tc.version, tc.level, tc.extra), hybridBlock(`servers = ["EX"]`)))
		if tc.at == "" {
			if len(fs) != 0 {
				t.Errorf("%s %s %s: want no finding:\n%s", tc.version, tc.level, tc.extra, summary(fs))
			}
			continue
		}
		if len(fs) != 1 || fs[0].Address != tc.at || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s %s %s: want one finding at %s with %q:\n%s", tc.version, tc.level, tc.extra, tc.at, tc.want, summary(fs))
		}
	}
}

// The hybrid path: hybrid.servers, hybrid.edge_servers and the servers of
// connectors to or from Exchange Online, each server once; other servers
// are not checked.
func TestHybridTLS12Path(t *testing.T) {
	old := func(name string) string { return srv(name, "2013", "CU18") }
	cases := []struct {
		name string
		src  string
		want []string // "address (related note)"
	}{
		{"not on the path", org(old("EX"), srv("HYB", "SE", "RTM"), hybridBlock(`servers = ["HYB"]`)), nil},
		{"edge server", org(old("EDGE"), hybridBlock(`edge_servers = ["EDGE"]`)), []string{"server.EDGE.update (hybrid.edge_servers)"}},
		{"send connector to EOP", org(old("EX"), `connector "send" "To EXO" {
  servers     = ["EX"]
  smart_hosts = ["contoso-com.mail.protection.outlook.com"]
}
`), []string{`server.EX.update (send connector "To EXO")`}},
		{"send connector elsewhere", org(old("EX"), `connector "send" "Internet" {
  servers        = ["EX"]
  address_spaces = ["*"]
}
`), nil},
		{"receive connector from EXO", org(old("EX"), `connector "receive" "From EXO" {
  servers             = ["EX"]
  cloud_services_mail = true
}
`), []string{`server.EX.update (receive connector "From EXO")`}},
		{"listed twice", org(old("EX"), hybridBlock(`servers = ["EX"]`), `connector "send" "To EXO" {
  servers        = ["EX"]
  address_spaces = ["contoso.mail.onmicrosoft.com"]
}
`), []string{"server.EX.update (hybrid.servers)"}},
	}
	for _, tc := range cases {
		fs := check(t, hybridTLS12{}, today, tc.src)
		var got []string
		for _, f := range fs {
			got = append(got, f.Address+" ("+between(f.Message, "Exchange Online (", "), which")+")")
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// between returns the text of s between the first a and the next b.
func between(s, a, b string) string {
	_, rest, ok := strings.Cut(s, a)
	if !ok {
		return ""
	}
	in, _, _ := strings.Cut(rest, b)
	return in
}
