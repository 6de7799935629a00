package rules

import (
	"strings"
	"testing"

	"github.com/exlint/exlint/schema/catalog"
)

const hyEdgeList = "hybrid {\n  edge_servers = [\"EDGE\"]\n}\n"

func hyEdgeSrv(version, level string, extra ...string) string {
	return srv("EDGE", version, level, append([]string{hyRoles("edge_transport")}, extra...)...)
}

// The oldest Edge Transport server hybrid accepts, by the newest internal
// version of the organization.
func TestHybridEdgeVersion(t *testing.T) {
	cases := []struct {
		org, edge, level string
		at               string // "" for no finding
	}{
		{"2013", "2007", "SP3 RU23", "server.EDGE.version"},
		{"2013", "2010", "SP2 RU8", "server.EDGE.update"},
		{"2013", "2010", "SP3", ""},
		{"2013", "2010", "14.3.123.4", ""},                  // SP3 by build
		{"2013", "2010", "14.3.123.3", "server.EDGE.build"}, // just below: SP2 RU8
		{"2013", "2010", "SP3 RU32", ""},
		{"2013", "2013", "CU23", ""},
		{"2013", "2016", "CU23", ""},
		{"2007", "2007", "SP3 RU23", "server.EDGE.version"},
		{"2007", "2010", "SP2", "server.EDGE.update"},
		{"2007", "2010", "SP3", ""},
		{"2016", "2007", "SP3 RU23", "server.EDGE.version"},
		{"2016", "2010", "SP3 RU32", ""},
		{"2016", "2010", "SP1", ""}, // how current: hybrid-server-update
		// 2019 and SE organizations: the versions that coexist with them
		// (the coexistence rows), not "2010 or later" (said of 2016 ones).
		{"2019", "2007", "SP3 RU23", "server.EDGE.version"},
		{"2019", "2010", "SP3 RU32", "server.EDGE.version"},
		{"2019", "2013", "CU20", "server.EDGE.update"},
		{"2019", "2013", "CU21", ""},
		{"2019", "2013", "15.0.1395.4", ""},                  // CU21 by build
		{"2019", "2013", "15.0.1395.3", "server.EDGE.build"}, // just below: CU20
		{"2019", "2013", "CU23", ""},
		{"2019", "2016", "CU10", "server.EDGE.update"},
		{"2019", "2016", "CU11", ""},
		{"2019", "2016", "CU23", ""},
		{"2019", "2019", "CU15", ""},
		{"2019", "SE", "RTM", ""},
		{"SE", "2007", "SP3 RU23", "server.EDGE.version"},
		{"SE", "2010", "SP3 RU32", "server.EDGE.version"},
		{"SE", "2013", "CU23", "server.EDGE.version"},
		{"SE", "2016", "CU22", "server.EDGE.update"},
		{"SE", "2016", "CU23", ""},
		{"SE", "2019", "CU13", "server.EDGE.update"},
		{"SE", "2019", "15.2.1544.3", "server.EDGE.build"}, // just below CU14: CU13
		{"SE", "2019", "15.2.1544.4", ""},                  // CU14 by build
		{"SE", "2019", "CU14", ""},
		{"SE", "2019", "CU15", ""},
		{"SE", "SE", "RTM", ""},
		{"2019", "2016", "CU99", ""},     // unknown level
		{"2010", "2007", "SP3 RU23", ""}, // no documented rule for 2010 organizations
		{"2013", "2010", "SP9", ""},      // unknown level
	}
	for _, tc := range cases {
		src := org(srv("EX", tc.org, someLevel[tc.org], hyRoles("mailbox", "client_access")), hyEdgeSrv(tc.edge, tc.level), hyEdgeList)
		fs := check(t, hybridEdge{}, today, src)
		name := tc.edge + " " + tc.level + " Edge with " + tc.org
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "error"):
			t.Errorf("%s: want one error at %s:\n%s", name, tc.at, summary(fs))
		}
	}
	// The message names the versions accepted, and the fix: a level of the
	// server's own version, or the newest version in support the
	// organization accepts (none for a 2013 organization: its Edge versions
	// are out of support). Which guidance says so is the rule page's.
	for _, tc := range []struct{ org, edge, level, want string }{
		{"2019", "2010", "SP3 RU32", "hybrid Edge Transport server EDGE runs Exchange Server 2010, which an Exchange 2019 organization does not accept for hybrid mail " +
			"(it accepts Exchange 2013 CU21 or Exchange 2016 CU11 or later): replace EDGE with an Exchange SE Edge Transport server"},
		{"SE", "2013", "CU23", "(it accepts Exchange 2016 CU23 or Exchange 2019 CU14 or later): replace EDGE with an Exchange SE Edge Transport server"},
		{"SE", "2016", "CU22", ": install CU23 or later on EDGE"},
		{"2013", "2007", "SP3 RU23", "(it accepts Exchange 2013 or Exchange 2010 SP3): replace EDGE with an Edge Transport server of a version it accepts"},
	} {
		src := org(srv("EX", tc.org, someLevel[tc.org], hyRoles("mailbox")), hyEdgeSrv(tc.edge, tc.level), hyEdgeList)
		fs := check(t, hybridEdge{}, today, src)
		if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.want) {
			t.Errorf("%s %s Edge with %s: want one finding containing %q:\n%s", tc.edge, tc.level, tc.org, tc.want, summary(fs))
		}
	}
	// The newest internal version decides, Edge servers aside.
	src := org(srv("EX07", "2007", "SP3 RU23", hyRoles("mailbox")), srv("EX13", "2013", "CU23", hyRoles("mailbox", "client_access")),
		srv("OLDEDGE", "2019", "CU15", hyRoles("edge_transport")), hyEdgeSrv("2010", "SP2"), hyEdgeList)
	if fs := check(t, hybridEdge{}, today, src); len(fs) != 1 || !strings.Contains(fs[0].Message, "Exchange 2013 or Exchange 2010 SP3") {
		t.Errorf("2007+2013 organization: want the 2013 rule:\n%s", summary(fs))
	}
}

// Subscription, placement, certificate and role of each hybrid Edge server.
func TestHybridEdgeRequirements(t *testing.T) {
	ex := srv("EX", "SE", "RTM", hyRoles("mailbox"))
	cert := func(servers string) string {
		return "certificate \"C\" {\n  servers = " + servers + "\n}\n"
	}
	withCert := "hybrid {\n  edge_servers = [\"EDGE\"]\n  certificate = \"C\"\n}\n"
	cases := []struct {
		name, src, at, severity string
	}{
		{"all good", org(ex, hyEdgeSrv("SE", "RTM", "edge_sync = true", `network = "perimeter"`), cert(`["EX", "EDGE"]`), withCert), "", ""},
		{"no subscription", org(ex, hyEdgeSrv("SE", "RTM", "edge_sync = false"), hyEdgeList), "server.EDGE.edge_sync", "error"},
		{"internal network", org(ex, hyEdgeSrv("SE", "RTM", `network = "internal"`), hyEdgeList), "server.EDGE.network", "warning"},
		{"certificate missing", org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert), "hybrid.edge_servers[0]", "error"},
		{"certificate servers unknown", org(ex, hyEdgeSrv("SE", "RTM"), "certificate \"C\" {}\n", withCert), "", ""},
		// The Edge server's own certificate, bound to SMTP: hybrid-certificate
		// compares its issuer and subject with the hybrid certificate's.
		{"own SMTP certificate", org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert,
			"certificate \"E\" {\n  servers = [\"EDGE\"]\n  services = [\"smtp\"]\n}\n"), "", ""},
		{"own certificate, IIS only", org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert,
			"certificate \"E\" {\n  servers = [\"EDGE\"]\n  services = [\"iis\"]\n}\n"), "hybrid.edge_servers[0]", "error"},
		{"own certificate, services unknown", org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert,
			"certificate \"E\" {\n  servers = [\"EDGE\"]\n}\n"), "hybrid.edge_servers[0]", "error"},
		{"SMTP certificate on another server", org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert,
			"certificate \"E\" {\n  servers = [\"EX\"]\n  services = [\"smtp\"]\n}\n"), "hybrid.edge_servers[0]", "error"},
		{"not an Edge server", org(ex, srv("EDGE", "SE", "RTM", hyRoles("mailbox"), "edge_sync = false"), cert(`["EX"]`), withCert), "hybrid.edge_servers[0]", "error"},
		{"roles unknown: checked as an Edge", org(ex, srv("EDGE", "SE", "RTM", "edge_sync = false"), hyEdgeList), "server.EDGE.edge_sync", "error"},
		{"no hybrid", org(ex, hyEdgeSrv("SE", "RTM", "edge_sync = false")), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridEdge{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != tc.severity):
			t.Errorf("%s: want one %s at %s:\n%s", tc.name, tc.severity, tc.at, summary(fs))
		}
	}
	fs := check(t, hybridEdge{}, today, org(ex, hyEdgeSrv("SE", "RTM"), cert(`["EX"]`), withCert))
	if len(fs) == 1 && len(fs[0].Related) != 1 {
		t.Errorf("certificate missing: the certificate's servers should be related:\n%s", summary(fs))
	}
}

// Hybrid mail on internal servers while Edge servers are listed: the
// HealthChecker warning about Sending/ReceivingTransportServers.
func TestHybridEdgeBypass(t *testing.T) {
	ex := srv("EX", "SE", "RTM", hyRoles("mailbox"))
	conn := func(dir, servers, cloud string) string {
		return "connector \"" + dir + "\" \"EXO\" {\n  servers = " + servers + "\n  cloud_services_mail = " + cloud + "\n}\n"
	}
	cases := []struct {
		name, src, at, param string
	}{
		{"send on the Edge", org(ex, hyEdgeSrv("SE", "RTM"), conn("send", `["EDGE"]`, "true"), hyEdgeList), "", ""},
		{"send on a Mailbox server", org(ex, hyEdgeSrv("SE", "RTM"), conn("send", `["EDGE", "EX"]`, "true"), hyEdgeList), `connector.send.EXO.servers[1]`, "SendingTransportServers"},
		{"receive on a Mailbox server", org(ex, hyEdgeSrv("SE", "RTM"), conn("receive", `["EX"]`, "true"), hyEdgeList), `connector.receive.EXO.servers[0]`, "ReceivingTransportServers"},
		{"not hybrid mail", org(ex, hyEdgeSrv("SE", "RTM"), conn("send", `["EX"]`, "false"), hyEdgeList), "", ""},
		{"no Edge servers", org(ex, hyEdgeSrv("SE", "RTM"), conn("send", `["EX"]`, "true"), "hybrid {}\n"), "", ""},
		{"roles unknown", org(srv("EX", "SE", "RTM"), hyEdgeSrv("SE", "RTM"), conn("send", `["EX"]`, "true"), hyEdgeList), "", ""},
	}
	for _, tc := range cases {
		fs := check(t, hybridEdge{}, today, tc.src)
		switch {
		case tc.at == "" && len(fs) != 0:
			t.Errorf("%s: want no finding:\n%s", tc.name, summary(fs))
		case tc.at != "" && (len(fs) != 1 || fs[0].Address != tc.at || fs[0].Severity.String() != "warning" ||
			!strings.Contains(fs[0].Message, tc.param)):
			t.Errorf("%s: want one warning at %s naming %s:\n%s", tc.name, tc.at, tc.param, summary(fs))
		}
	}
}

// An Edge server with its own SMTP certificate is hybrid-certificate's: that
// rule compares issuer and subject with the hybrid certificate, so a
// matching certificate passes both rules and a different one gets one
// finding, from hybrid-certificate.
func TestHybridEdgeOwnCertificate(t *testing.T) {
	base := func(issuerName, subject string) string {
		return org(srv("EX", "SE", "RTM", hyRoles("mailbox")), hyEdgeSrv("SE", "RTM"),
			"certificate \"C\" {\n  issuer = \"public_ca\"\n  issuer_name = \"CA One\"\n  subject = \"mail.contoso.com\"\n  servers = [\"EX\"]\n  services = [\"iis\", \"smtp\"]\n}\n",
			"certificate \"E\" {\n  issuer = \"public_ca\"\n  issuer_name = \""+issuerName+"\"\n  subject = \""+subject+"\"\n  servers = [\"EDGE\"]\n  services = [\"smtp\"]\n}\n",
			"hybrid {\n  topology = \"classic_full\"\n  edge_servers = [\"EDGE\"]\n  certificate = \"C\"\n}\n")
	}
	cases := []struct {
		name, src string
		certAt    string // hybrid-certificate's finding, "" for none
	}{
		{"same CA and subject", base("CA One", "mail.contoso.com"), ""},
		{"another CA", base("CA Two", "mail.contoso.com"), "certificate.E.issuer_name"},
		{"another subject", base("CA One", "edge.contoso.com"), "certificate.E.subject"},
	}
	for _, tc := range cases {
		if fs := check(t, hybridEdge{}, today, tc.src); len(fs) != 0 {
			t.Errorf("%s: hybrid-edge: want no finding:\n%s", tc.name, summary(fs))
		}
		fs := check(t, hybridCertificate{}, today, tc.src)
		switch {
		case tc.certAt == "" && len(fs) != 0:
			t.Errorf("%s: hybrid-certificate: want no finding:\n%s", tc.name, summary(fs))
		case tc.certAt != "" && (len(fs) != 1 || fs[0].Address != tc.certAt):
			t.Errorf("%s: hybrid-certificate: want one finding at %s:\n%s", tc.name, tc.certAt, summary(fs))
		}
	}
}

// The minimums the rule reads from the catalogue's hybrid-edge rows reject
// exactly the releases those rows do not support: an Edge server older than
// the oldest version accepted, or of an accepted version below its level.
// A 2007 organization takes 2013's requirement (it goes hybrid through
// Exchange 2013, hybrid-server), and names it so.
func TestHybridEdgeFromCatalogue(t *testing.T) {
	cat := catalog.Default()
	for _, id := range []string{"2013", "2016"} {
		org := cat.Version(id)
		mins, want := hybridEdgeDocumented(cat, org)
		if len(mins) == 0 || want == "" {
			t.Fatalf("%s: no hybrid-edge rows: %v %q", id, mins, want)
		}
		oldest := cat.Version(mins[0].version)
		for _, v := range cat.Versions() {
			for _, rel := range v.Releases() {
				rejected := v.Rank < oldest.Rank
				for _, m := range mins {
					if m.version == v.ID && m.level != "" && rel.Build.Compare(cat.Release(v, m.level).Build) < 0 {
						rejected = true
					}
				}
				verdict, row := cat.Supports(hybridEdgeSubject, id, rel)
				if rejected != (verdict == catalog.Unsupported) || (rejected && (row == nil || row.Note != want)) {
					t.Errorf("%s organization, %s %s Edge: rule rejects %v, catalogue says %s (%v)", id, v.ID, rel.Name, rejected, verdict, row)
				}
			}
		}
	}
	for _, tc := range []struct{ newest, org string }{{"2003", "2010"}, {"2007", "2013"}, {"2010", "2010"}, {"2013", "2013"}, {"SE", "SE"}} {
		if got := hybridEdgeOrg(cat, cat.Version(tc.newest)); got.ID != tc.org {
			t.Errorf("organization of %s: %s, want %s", tc.newest, got.ID, tc.org)
		}
	}
	src := org(srv("EX", "2007", "SP3 RU23", hyRoles("mailbox")), hyEdgeSrv("2010", "SP2"), hyEdgeList)
	if fs := check(t, hybridEdge{}, today, src); len(fs) != 1 || !strings.Contains(fs[0].Message,
		"which an Exchange 2013 organization does not accept for hybrid mail (it accepts Exchange 2013 or Exchange 2010 SP3): install SP3 or later on EDGE") {
		t.Errorf("2007 organization: want 2013's requirement:\n%s", summary(fs))
	}
}
