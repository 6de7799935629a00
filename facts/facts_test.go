package facts

import (
	"fmt"
	"strings"
	"testing"

	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// of decodes a topology and returns its facts.
func of(t *testing.T, blocks ...string) *Topology {
	t.Helper()
	src := "organization \"T\" {}\n" + strings.Join(blocks, "\n")
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	for _, p := range probs {
		// A server without update or build is a schema finding; its facts
		// are still derived (the rules do not run on such a topology, but
		// the facts must not fail on it).
		if !strings.Contains(p.Message, "has neither update nor build") {
			t.Fatalf("test topology has structural problems: %+v\n%s", probs, src)
		}
	}
	return New(top, catalog.Default())
}

func serverNamed(name, version string, lines ...string) string {
	return "server \"" + name + "\" {\n  version = \"" + version + "\"\n  " + strings.Join(lines, "\n  ") + "\n}\n"
}

func serverNames(ss []Server) string {
	var ns []string
	for _, s := range ss {
		ns = append(ns, s.Name())
	}
	return strings.Join(ns, ",")
}

func TestServers(t *testing.T) {
	f := of(t,
		serverNamed("A", "2019", `update = "CU14"`, `build = "15.2.1748.10"`, `roles = ["mailbox"]`),
		serverNamed("B", "2013", `update = "SP1"`),
		serverNamed("C", "2016", `update = "CU99"`, `roles = ["edge_transport"]`),
		serverNamed("D", "2010"),
		serverNamed("E", "2019", `update = "CU15 Sep26SU"`),
	)
	ss := f.Servers()
	if got := serverNames(ss); got != "A,B,C,D,E" {
		t.Fatalf("servers %s", got)
	}
	a, b, c, d, e := ss[0], ss[1], ss[2], ss[3], ss[4]
	if a.Release.Name != "CU15" || a.Level().Name != "CU15" || a.LevelNode().Address() != "server.A.build" {
		t.Errorf("A: the build decides: %v at %s", a.Release, a.LevelNode().Address())
	}
	if !a.HasRole("mailbox") || a.IsEdge() {
		t.Error("A is a mailbox server")
	}
	if b.Release.Name != "CU4" || b.LevelNode().Address() != "server.B.update" {
		t.Errorf("B: SP1 is CU4: %v", b.Release)
	}
	if c.Release != nil || c.Level() != nil || c.LevelName() != "Exchange Server 2016" || !c.IsEdge() {
		t.Errorf("C: an unknown level: %v %q", c.Release, c.LevelName())
	}
	if d.LevelNode().Address() != "server.D.version" || d.VersionNode().Address() != "server.D.version" {
		t.Errorf("D: no update or build: %s", d.LevelNode().Address())
	}
	if e.Release.Name != "CU15 Aug26SU" {
		t.Errorf("E: an update newer than the catalogue: %v", e.Release)
	}
	if ok, known := a.AtLeast(catalog.Default(), "CU15"); !ok || !known {
		t.Error("A is at CU15")
	}
	if ok, known := a.AtLeast(catalog.Default(), "CU99"); ok || known {
		t.Error("no CU99 is known")
	}
	if below, known := b.Below(a.Release); !below || !known {
		t.Error("B (2013 CU4) is below A's build")
	}
	if _, known := c.Below(b.Release); known {
		t.Error("C's release is unknown")
	}
	if current, known, _ := a.Currency(catalog.MustDate("2026-11-21")); !current || !known {
		t.Error("2019 CU15 is current on 2026-11-21")
	}
	if s, ok := f.Server(ss[2].Server); !ok || s.Name() != "C" {
		t.Error("Server(C)")
	}
	if _, ok := f.Server(nil); ok {
		t.Error("Server(nil)")
	}
	order, groups := f.VersionGroups()
	var ids []string
	for _, v := range order {
		ids = append(ids, v.ID+":"+serverNames(groups[v]))
	}
	if got := strings.Join(ids, " "); got != "2010:D 2013:B 2016:C 2019:A,E" {
		t.Errorf("version groups %s", got)
	}
}

// A server whose version is unknown is left out of every fact.
func TestUnknownVersion(t *testing.T) {
	top, _ := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(
		"server \"X\" {\n  version = \"2019\"\n}\n")}}, schema.DefaultLimits)
	top.Servers[0].Version.Value = "2099"
	if ss := New(top, catalog.Default()).Servers(); len(ss) != 0 {
		t.Errorf("a server of an unknown version: %v", ss)
	}
}

func TestHybridRosterAndPath(t *testing.T) {
	base := []string{
		serverNamed("EX13", "2013", `update = "CU23"`, `roles = ["mailbox", "client_access"]`),
		serverNamed("EX07", "2007", `update = "SP3 RU23"`, `roles = ["mailbox"]`),
		serverNamed("EDGE", "2013", `update = "CU23"`, `roles = ["edge_transport"]`),
		serverNamed("EX16", "2016", `update = "CU23"`, `roles = ["mailbox"]`),
	}
	// No list: a 2007 organization's hybrid servers are its non-Edge 2013 servers.
	f := of(t, append(base, "hybrid {}\n")...)
	ms, known := f.HybridRoster()
	if !known || len(ms) != 1 || ms[0].Name() != "EX13" || ms[0].At.Address() != "server.EX13.version" {
		t.Errorf("2007 organization without a list: %v %v", ms, known)
	}
	// Without 2007 and without a list, the hybrid servers are not known.
	f = of(t, base[0], base[3], "hybrid {}\n")
	if _, known := f.HybridRoster(); known {
		t.Error("no list, no 2007: known")
	}
	// A list: each server once, at its first item; the Edge roster likewise.
	f = of(t, append(base, `hybrid {
  servers      = ["EX16", "EX13", "EX16"]
  edge_servers = ["EDGE", "EDGE"]
}
connector "send" "To EXO" {
  servers     = ["EX07", "EX16"]
  smart_hosts = ["contoso-com.mail.protection.outlook.com"]
}
connector "receive" "From EXO" {
  servers    = ["EX07"]
  tls_domain = "mail.protection.outlook.com"
}
connector "send" "Elsewhere" {
  servers     = ["EX07"]
  smart_hosts = ["relay.example.com"]
}
`)...)
	ms, known = f.HybridRoster()
	if !known || serverNames(rosterServers(ms)) != "EX16,EX13" || ms[0].At.Address() != `hybrid.servers["EX16"]` {
		t.Errorf("listed roster: %v", ms)
	}
	if es := f.EdgeRoster(); serverNames(rosterServers(es)) != "EDGE" {
		t.Errorf("edge roster: %v", es)
	}
	var conns []string
	for _, c := range f.ExchangeOnlineConnectors() {
		conns = append(conns, c.Name()+": "+c.Evidence)
	}
	if got := strings.Join(conns, "; "); got != "To EXO: smart host contoso-com.mail.protection.outlook.com; From EXO: TLS domain mail.protection.outlook.com" {
		t.Errorf("connectors to Exchange Online: %s", got)
	}
	var path []string
	for _, p := range f.HybridPathServers() {
		path = append(path, p.Name()+"@"+p.Why)
	}
	if got := strings.Join(path, "; "); got != `EX16@hybrid.servers; EX13@hybrid.servers; EDGE@hybrid.edge_servers; EX07@send connector "To EXO"` {
		t.Errorf("hybrid path: %s", got)
	}
	if got := serverNames(f.HybridServers()); got != "EX16,EX13,EX16" {
		t.Errorf("hybrid servers: %s", got)
	}
	if got := serverNames(f.MigrationSources()); got != "EX13,EX07,EX16" {
		t.Errorf("migration sources: %s", got)
	}
}

func rosterServers(ms []RosterEntry) []Server {
	var out []Server
	for _, m := range ms {
		out = append(out, m.Server)
	}
	return out
}

// The hybrid mode: a stated hybrid.topology wins; else a migration method of
// express or minimal_hybrid means express; else a hybrid block means
// classic_full.
func TestHybridMode(t *testing.T) {
	migration := func(method string) string { return "migration {\n  method = \"" + method + "\"\n}\n" }
	hybrid := func(topology string) string { return "hybrid {\n  topology = \"" + topology + "\"\n}\n" }
	cases := []struct {
		name, src, mode, at, key string
	}{
		{"nothing", "", "", "", ""},
		{"hybrid block only", "hybrid {}\n", "classic_full", "hybrid", ""},
		{"topology stated", hybrid("modern_minimal"), "modern_minimal", "hybrid.topology", "modern_minimal"},
		{"topology classic_full stated", hybrid("classic_full"), "classic_full", "hybrid.topology", "classic_full"},
		{"method express", migration("express"), "express", "migration.method", "express"},
		{"method minimal_hybrid", migration("minimal_hybrid"), "express", "migration.method", "express"},
		{"method minimal_hybrid, hybrid block", migration("minimal_hybrid") + "hybrid {}\n", "express", "migration.method", "express"},
		{"method express, topology classic_minimal", migration("express") + hybrid("classic_minimal"), "classic_minimal", "hybrid.topology", "classic_minimal"},
		{"method hybrid, no hybrid block", migration("hybrid"), "", "", ""},
		{"method cutover, hybrid block", migration("cutover") + "hybrid {}\n", "classic_full", "hybrid", ""},
	}
	for _, tc := range cases {
		f := of(t, tc.src)
		mode, node := f.HybridMode()
		at := ""
		if node != nil {
			at = node.Address()
		}
		if mode != tc.mode || at != tc.at || f.HybridModeKey() != tc.key {
			t.Errorf("%s: mode %q at %q key %q, want %q at %q key %q", tc.name, mode, at, f.HybridModeKey(), tc.mode, tc.at, tc.key)
		}
	}
	for mode, want := range map[string][2]bool{
		"classic_full": {false, false}, "modern_full": {false, false}, "express": {false, true},
		"classic_minimal": {true, true}, "modern_minimal": {true, true},
	} {
		if IsMinimalMode(mode) != want[0] || WithoutHybridMail(mode) != want[1] {
			t.Errorf("%s: minimal %v, without hybrid mail %v", mode, IsMinimalMode(mode), WithoutHybridMail(mode))
		}
	}
}

func TestHybridCertificates(t *testing.T) {
	f := of(t,
		serverNamed("EX", "2019", `update = "CU15"`, `roles = ["mailbox"]`),
		serverNamed("EDGE", "2019", `update = "CU15"`, `roles = ["edge_transport"]`),
		serverNamed("OTHER", "2019", `update = "CU15"`, `roles = ["mailbox"]`),
		`certificate "named" {}`,
		`certificate "web" {
  servers  = ["EX"]
  services = ["iis"]
}`,
		`certificate "edge" {
  servers  = ["EDGE"]
  services = ["smtp", "iis"]
}`,
		`certificate "unrelated" {
  servers  = ["OTHER"]
  services = ["iis", "smtp"]
}`,
		`hybrid {
  servers      = ["EX"]
  edge_servers = ["EDGE"]
  certificate  = "named"
}`)
	var got []string
	for _, c := range f.HybridCertificates() {
		got = append(got, c.Describe())
	}
	want := `the hybrid certificate "named"; certificate "web" (bound to IIS on hybrid servers); certificate "edge" (bound to SMTP on hybrid servers)`
	if strings.Join(got, "; ") != want {
		t.Errorf("hybrid certificates:\n%s\nwant\n%s", strings.Join(got, "; "), want)
	}
	if cs := of(t, `certificate "c" {}`).HybridCertificates(); len(cs) != 0 {
		t.Errorf("no hybrid block: %v", cs)
	}
}

func TestMayHostMailboxes(t *testing.T) {
	f := of(t,
		serverNamed("MBX", "2016", `roles = ["mailbox"]`),
		serverNamed("BE", "2003", `roles = ["back_end"]`),
		serverNamed("FE", "2003", `roles = ["front_end"]`),
		serverNamed("EDGE", "2016", `roles = ["edge_transport"]`),
		serverNamed("ANY", "5.5"),
	)
	if got := serverNames(f.MigrationSources()); got != "MBX,BE,ANY" {
		t.Errorf("migration sources: %s", got)
	}
	if f.MigrationMethod() != "" {
		t.Error("no migration block, a method")
	}
}

func TestDomains(t *testing.T) {
	if !IsExchangeOnlineRoutingDomain("contoso.mail.onmicrosoft.com") || IsExchangeOnlineRoutingDomain("contoso.com") {
		t.Error("routing domain")
	}
	if !IsExchangeOnlineServiceDomain("Mail.Protection.Outlook.com") || IsExchangeOnlineServiceDomain("x.mail.protection.outlook.com") {
		t.Error("service domain")
	}
	for h, want := range map[string]bool{
		"contoso-com.mail.protection.outlook.com":        true,
		"contoso-com.mail.protection.outlook.com.":       true, // a fully qualified name
		"contoso-com.mail.protection.partner.outlook.cn": true,
		"contoso-com.mail.protection.office365.us":       true,
		"contoso-com.e-v1.mx.microsoft":                  true, // DNSSEC (MS-PS-DNSSEC)
		"mx.microsoft":                                   false,
		"e-v1.mx.microsoft":                              false,
		"a.b.c.mx.microsoft":                             false,
		"mail.protection.outlook.com":                    false, // the service domain, not a host
		"a.b.mail.protection.outlook.com":                false,
		"mail.contoso.com":                               false,
	} {
		if IsExchangeOnlineProtectionHost(h) != want {
			t.Errorf("IsExchangeOnlineProtectionHost(%q) != %v", h, want)
		}
	}
}

func TestRelaysInternetMail(t *testing.T) {
	f := of(t, serverNamed("EX", "SE", `update = "RTM"`), `
connector "send" "Relay" {
  address_spaces = ["*"]
  smart_hosts    = ["contoso-com.mail.protection.outlook.com"]
}
connector "send" "Hybrid" {
  address_spaces = ["*", "contoso.mail.onmicrosoft.com"]
  smart_hosts    = ["contoso-com.mail.protection.outlook.com"]
}
connector "send" "Unstated" {
  smart_hosts = ["contoso-com.mail.protection.outlook.com"]
}
connector "receive" "From EXO" {
  cloud_services_mail = true
}
`)
	var got []string
	for _, c := range f.ExchangeOnlineConnectors() {
		got = append(got, fmt.Sprintf("%s:%v", c.Name(), c.RelaysInternetMail()))
	}
	if s := strings.Join(got, " "); s != "Relay:true Hybrid:false Unstated:false From EXO:false" {
		t.Errorf("relays: %s", s)
	}
}

// Exchange Online's names, matched as the regular expressions
// (?i)^([^.]+\.mail\.protection\.(outlook\.com|partner\.outlook\.cn|office365\.us)|[^.]+\.[^.]+\.mx\.microsoft)$,
// (?i)^[^.]+\.mail\.(onmicrosoft\.com|partner\.onmschina\.cn|onmicrosoft\.us)$ and
// (?i)^mail\.protection\.(outlook\.com|partner\.outlook\.cn|office365\.us)$ would.
func TestExchangeOnlineNames(t *testing.T) {
	for _, tc := range []struct {
		name              string
		host, route, serv bool
	}{
		{"contoso-com.mail.protection.outlook.com", true, false, false},
		{"Contoso-Com.MAIL.Protection.Outlook.com.", true, false, false},
		{"contoso-com.mail.protection.partner.outlook.cn", true, false, false},
		{"contoso-com.mail.protection.office365.us", true, false, false},
		{"a.b.mail.protection.outlook.com", false, false, false},
		{".mail.protection.outlook.com", false, false, false},
		{"mail.protection.outlook.com", false, false, true},
		{"MAIL.protection.outlook.COM", false, false, true},
		{"contoso-com.e-v1.mx.microsoft", true, false, false},
		{"e-v1.mx.microsoft", false, false, false},
		{"a..mx.microsoft", false, false, false},
		{"contoso.mail.onmicrosoft.com", false, true, false},
		{"contoso.mail.partner.onmschina.cn", false, true, false},
		{"contoso.mail.onmicrosoft.us", false, true, false},
		{"x.contoso.mail.onmicrosoft.com", false, false, false},
		{"contoso.onmicrosoft.com", false, false, false},
		{"mail.onmicrosoft.com", false, false, false},
		{"contoso-com.mail.protection.outlook.com.evil.example", false, false, false},
	} {
		if got := IsExchangeOnlineProtectionHost(tc.name); got != tc.host {
			t.Errorf("IsExchangeOnlineProtectionHost(%q) = %v", tc.name, got)
		}
		if got := IsExchangeOnlineRoutingDomain(tc.name); got != tc.route {
			t.Errorf("IsExchangeOnlineRoutingDomain(%q) = %v", tc.name, got)
		}
		if got := IsExchangeOnlineServiceDomain(tc.name); got != tc.serv {
			t.Errorf("IsExchangeOnlineServiceDomain(%q) = %v", tc.name, got)
		}
	}
}
