package schema

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func decodeFiles(files map[string]string) (*Topology, []Problem) {
	var fs []*File
	for name, src := range files {
		fs = append(fs, &File{Name: name, Src: []byte(src), JSON: strings.HasSuffix(name, ".json")})
	}
	return Decode(".", fs, DefaultLimits)
}

func rangeString(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d-%d:%d", r.Filename, r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// fullTopology uses every block type and every attribute of the language.
// The organization block opens the string, so that its native_mode line
// keeps every later line where the range tests expect it.
const fullTopology = `organization "Contoso" {
  forest_functional_level = "2012R2"
  split_permissions       = false
  native_mode             = true
}

site "HQ" {}

domain_controller "DC01" {
  site           = "HQ"
  os             = "2019"
  global_catalog = true
  read_only      = false
}

server "EX01" {
  site                 = "HQ"
  version              = "2019"
  update               = "CU15"
  build                = "15.2.1748.24"
  roles                = ["mailbox"]
  os                   = "2022"
  core                 = false
  dotnet               = "4.8.1"
  network              = "internal"
  tls                  = ["1.2"]
  on_domain_controller = false
}

server "EX02" {
  version = "2019"
  update  = "CU15"
}

dag "DAG01" {
  members = ["EX01", "EX02"]
  witness = "FS01"
}

domain "contoso.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  autodiscover = "on_premises"
  mailboxes    = "both"
  mx_hosts     = ["contoso-com.mail.protection.outlook.com"]
}

certificate "mail-2026" {
  issuer   = "public_ca"
  subject  = "mail.contoso.com"
  names    = ["mail.contoso.com", "autodiscover.contoso.com"]
  expires  = "2027-03-01"
  servers  = ["EX01", "EX02"]
  services = ["iis", "smtp"]
}

namespace "mail.contoso.com" {
  services    = ["owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync"]
  certificate = "mail-2026"
  port        = 443
  scope       = "external"
  legacy      = false
}

connector "send" "Outbound to Office 365" {
  servers             = ["EX01"]
  address_spaces      = ["contoso.mail.onmicrosoft.com"]
  smart_hosts         = ["contoso-com.mail.protection.outlook.com"]
  tls_certificate     = "mail-2026"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
  require_tls         = true
}

tenant "contoso.onmicrosoft.com" {
  plan               = "E3"
  eop_filtering      = true
  enhanced_filtering = false
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2019"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

adfs "FS-FARM" {
  os          = "2019"
  certificate = "mail-2026"
}

hybrid {
  topology                  = "classic_full"
  servers                   = ["EX01", "EX02"]
  edge_servers              = []
  domains                   = ["contoso.com"]
  tenants                   = ["contoso.onmicrosoft.com"]
  certificate               = "mail-2026"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = false
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
  features                  = ["free_busy", "mailtips", "multi_mailbox_search"]
  exchange_organizations    = 1
  migration_endpoints       = 1
}

migration {
  method    = "hybrid"
  mailboxes = 2400
  timeframe = "slow"
  complete  = false
}

outlook_anywhere {
  enabled       = true
  external_host = "mail.contoso.com"
  port          = 443
  certificate   = "mail-2026"
  rpc_ports     = [6001, 6002, 6004]
}

clients {
  outlook = ["2016", "2019", "365", "2010 SP2"]
}

server "EDGE01" {
  version        = "2019"
  update         = "CU15"
  roles          = ["edge_transport"]
  network        = "perimeter"
  edge_sync      = true
  edge_sync_site = "HQ"
  mailboxes      = 0
  databases      = 0
  public_folders = false
}

certificate "edge-2026" {
  issuer      = "public_ca"
  subject     = "mail.contoso.com"
  servers     = ["EDGE01"]
  services    = ["smtp"]
  issuer_name = "Contoso Public TLS CA 2026"
}
`

func TestDecodeEveryBlock(t *testing.T) {
	top, probs := decodeFiles(map[string]string{"t.exchange.hcl": fullTopology})
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %+v", probs)
	}
	checkFullTopology(t, top)
}

func checkFullTopology(t *testing.T, top *Topology) {
	t.Helper()
	eq := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	o := top.Organization
	eq("organization", o.Name(), "Contoso")
	eq("ffl", o.ForestFunctionalLevel.Value, "2012R2")
	eq("split", o.SplitPermissions.IsFalse(), true)
	eq("native mode", o.NativeMode.IsTrue(), true)
	eq("sites", len(top.Sites), 1)
	dc := top.DomainControllers[0]
	eq("dc site", dc.Site.Target.Name(), "HQ")
	eq("dc os", dc.OS.Value, "2019")
	eq("dc gc", dc.GlobalCatalog.IsTrue(), true)
	eq("dc ro", dc.ReadOnly.IsFalse(), true)
	s := top.Servers[0]
	eq("server", s.Name(), "EX01")
	eq("server site", s.Site.Target.Name(), "HQ")
	eq("version", s.Version.Value, "2019")
	eq("update", s.Update.Value, "CU15")
	eq("build", s.Build.Value, "15.2.1748.24")
	eq("roles", s.Roles.Values(), []string{"mailbox"})
	eq("os", s.OS.Value, "2022")
	eq("core", s.Core.IsFalse(), true)
	eq("dotnet", s.DotNet.Value, "4.8.1")
	eq("network", s.Network.Value, "internal")
	eq("tls", s.TLS.Values(), []string{"1.2"})
	eq("on dc", s.OnDomainController.IsFalse(), true)
	eq("server 2 site absent", s.Site != nil && top.Servers[1].Site == nil, true)
	d := top.DAGs[0]
	eq("dag members", len(d.Members.Targets()), 2)
	eq("dag member 2", d.Members.Items[1].Target.Name(), "EX02")
	eq("witness", d.Witness.Value, "FS01")
	dom := top.Domains[0]
	eq("domain", dom.Name(), "contoso.com")
	eq("accepted", dom.Accepted.Value, "authoritative")
	eq("verified", dom.Verified.IsTrue(), true)
	eq("mx", dom.MX.Value, "exchange_online")
	eq("autodiscover", dom.Autodiscover.Value, "on_premises")
	eq("mailboxes", dom.Mailboxes.Value, "both")
	eq("mx hosts", dom.MXHosts.Values(), []string{"contoso-com.mail.protection.outlook.com"})
	c := top.Certificates[0]
	eq("issuer", c.Issuer.Value, "public_ca")
	eq("subject", c.Subject.Value, "mail.contoso.com")
	eq("names", c.Names.Values(), []string{"mail.contoso.com", "autodiscover.contoso.com"})
	eq("expires", c.Expires.Value, "2027-03-01")
	eq("cert servers", len(c.Servers.Targets()), 2)
	eq("services", c.Services.Values(), []string{"iis", "smtp"})
	ns := top.Namespaces[0]
	eq("namespace", ns.Name(), "mail.contoso.com")
	eq("ns services", len(ns.Services.Items), 6)
	eq("ns cert", ns.Certificate.Target.Name(), "mail-2026")
	eq("ns port", ns.Port.Value, 443)
	eq("ns scope", ns.Scope.Value, "external")
	eq("ns legacy", ns.Legacy.IsFalse(), true)
	cn := top.Connectors[0]
	eq("direction", cn.Direction(), "send")
	eq("connector", cn.Name(), "Outbound to Office 365")
	eq("connector address", cn.Address(), `connector.send."Outbound to Office 365"`)
	eq("connector servers", cn.Servers.Items[0].Target.Name(), "EX01")
	eq("address spaces", cn.AddressSpaces.Values(), []string{"contoso.mail.onmicrosoft.com"})
	eq("smart hosts", cn.SmartHosts.Values(), []string{"contoso-com.mail.protection.outlook.com"})
	eq("tls cert", cn.TLSCertificate.Target.Name(), "mail-2026")
	eq("tls auth", cn.TLSAuth.Value, "domain_validation")
	eq("tls domain", cn.TLSDomain.Value, "mail.protection.outlook.com")
	eq("cloud", cn.CloudServicesMail.IsTrue(), true)
	eq("require tls", cn.RequireTLS.IsTrue(), true)
	eq("tenant plan", top.Tenants[0].Plan.Value, "E3")
	eq("eop filtering", top.Tenants[0].EOPFiltering.IsTrue(), true)
	eq("enhanced filtering", top.Tenants[0].EnhancedFiltering.IsFalse(), true)
	ds := top.DirectorySync
	eq("ds", ds.Enabled.IsTrue(), true)
	eq("tool", ds.Tool.Value, "entra_connect")
	eq("host os", ds.HostOS.Value, "2019")
	eq("sign in", ds.SignIn.Value, "password_hash_sync")
	eq("writeback", ds.ExchangeHybridWriteback.IsTrue(), true)
	eq("adfs os", top.ADFS[0].OS.Value, "2019")
	eq("adfs cert", top.ADFS[0].Certificate.Target.Name(), "mail-2026")
	h := top.Hybrid
	eq("hybrid topology", h.Topology.Value, "classic_full")
	eq("hybrid servers", len(h.Servers.Targets()), 2)
	eq("edge servers", len(h.EdgeServers.Items), 0)
	eq("hybrid domains", h.Domains.Items[0].Target.Name(), "contoso.com")
	eq("hybrid tenants", h.Tenants.Items[0].Target.Name(), "contoso.onmicrosoft.com")
	eq("hybrid cert", h.Certificate.Target.Name(), "mail-2026")
	eq("federation", h.FederationTrust.IsTrue(), true)
	eq("org rel", h.OrganizationRelationship.IsTrue(), true)
	eq("oauth", h.OAuth.IsTrue(), true)
	eq("modern auth", h.ModernAuth.IsFalse(), true)
	eq("dedicated", h.DedicatedApp.IsTrue(), true)
	eq("inbound", h.InboundPorts.Has(25) && h.InboundPorts.Has(443) && !h.InboundPorts.Has(80), true)
	eq("outbound", h.OutboundPorts.Has(80), true)
	eq("method", top.Migration.Method.Value, "hybrid")
	eq("mailboxes", top.Migration.Mailboxes.Value, 2400)
	eq("timeframe", top.Migration.Timeframe.Value, "slow")
	oa := top.OutlookAnywhere
	eq("oa", oa.Enabled.IsTrue(), true)
	eq("oa host", oa.ExternalHost.Value, "mail.contoso.com")
	eq("oa port", oa.Port.Value, 443)
	eq("oa cert", oa.Certificate.Target.Name(), "mail-2026")
	eq("oa rpc ports", oa.RPCPorts.Has(6001) && oa.RPCPorts.Has(6002) && oa.RPCPorts.Has(6004) && len(oa.RPCPorts.Items) == 3, true)
	eq("outlook", top.Clients.Outlook.Values(), []string{"2016", "2019", "365", "2010 SP2"})
	edge := top.Servers[2]
	eq("edge", edge.Name(), "EDGE01")
	eq("edge sync", edge.EdgeSync.IsTrue(), true)
	eq("edge sync site", edge.EdgeSyncSite.Target.Name(), "HQ")
	eq("edge mailboxes", edge.Mailboxes.Value, 0)
	eq("edge databases", edge.Databases.Value, 0)
	eq("edge public folders", edge.PublicFolders.IsFalse(), true)
	eq("mailboxes unknown", s.Mailboxes == nil && s.PublicFolders == nil, true)
	eq("migration complete", top.Migration.Complete.IsFalse(), true)
	eq("hybrid features", h.Features.Values(), []string{"free_busy", "mailtips", "multi_mailbox_search"})
	eq("exchange organizations", h.ExchangeOrganizations.Value, 1)
	eq("migration endpoints", h.MigrationEndpoints.Value, 1)
	ec := top.Certificates[1]
	eq("edge cert", ec.Name(), "edge-2026")
	eq("issuer name", ec.IssuerName.Value, "Contoso Public TLS CA 2026")
	eq("issuer name absent", c.IssuerName == nil, true)
}

// The same topology in JSON syntax decodes to the same model.
func TestDecodeEveryBlockJSON(t *testing.T) {
	top, probs := decodeFiles(map[string]string{"t.exchange.hcl.json": fullTopologyJSON})
	if len(probs) != 0 {
		t.Fatalf("unexpected problems: %+v", probs)
	}
	checkFullTopology(t, top)
}

const fullTopologyJSON = `{
  "organization": {"Contoso": {"forest_functional_level": "2012R2", "split_permissions": false, "native_mode": true}},
  "site": {"HQ": {}},
  "domain_controller": {"DC01": {"site": "HQ", "os": "2019", "global_catalog": true, "read_only": false}},
  "server": {
    "EX01": {"site": "HQ", "version": "2019", "update": "CU15", "build": "15.2.1748.24", "roles": ["mailbox"],
             "os": "2022", "core": false, "dotnet": "4.8.1", "network": "internal", "tls": ["1.2"],
             "on_domain_controller": false},
    "EX02": {"version": "2019", "update": "CU15"},
    "EDGE01": {"version": "2019", "update": "CU15", "roles": ["edge_transport"], "network": "perimeter",
               "edge_sync": true, "edge_sync_site": "HQ", "mailboxes": 0, "databases": 0, "public_folders": false}
  },
  "dag": {"DAG01": {"members": ["EX01", "EX02"], "witness": "FS01"}},
  "domain": {"contoso.com": {"accepted": "authoritative", "verified": true, "mx": "exchange_online", "autodiscover": "on_premises",
    "mailboxes": "both", "mx_hosts": ["contoso-com.mail.protection.outlook.com"]}},
  "certificate": {"mail-2026": {"issuer": "public_ca", "subject": "mail.contoso.com",
    "names": ["mail.contoso.com", "autodiscover.contoso.com"], "expires": "2027-03-01",
    "servers": ["EX01", "EX02"], "services": ["iis", "smtp"]},
    "edge-2026": {"issuer": "public_ca", "subject": "mail.contoso.com", "servers": ["EDGE01"], "services": ["smtp"],
    "issuer_name": "Contoso Public TLS CA 2026"}},
  "namespace": {"mail.contoso.com": {"services": ["owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync"],
    "certificate": "mail-2026", "port": 443, "scope": "external", "legacy": false}},
  "connector": {"send": {"Outbound to Office 365": {"servers": ["EX01"], "address_spaces": ["contoso.mail.onmicrosoft.com"],
    "smart_hosts": ["contoso-com.mail.protection.outlook.com"], "tls_certificate": "mail-2026",
    "tls_auth": "domain_validation", "tls_domain": "mail.protection.outlook.com", "cloud_services_mail": true,
    "require_tls": true}}},
  "tenant": {"contoso.onmicrosoft.com": {"plan": "E3", "eop_filtering": true, "enhanced_filtering": false}},
  "directory_sync": {"enabled": true, "tool": "entra_connect", "host_os": "2019", "sign_in": "password_hash_sync",
    "exchange_hybrid_writeback": true},
  "adfs": {"FS-FARM": {"os": "2019", "certificate": "mail-2026"}},
  "hybrid": {"topology": "classic_full", "servers": ["EX01", "EX02"], "edge_servers": [], "domains": ["contoso.com"],
    "tenants": ["contoso.onmicrosoft.com"], "certificate": "mail-2026", "federation_trust": true,
    "organization_relationship": true, "oauth": true, "modern_auth": false, "dedicated_app": true,
    "inbound_ports": [25, 443], "outbound_ports": [25, 443, 80],
    "features": ["free_busy", "mailtips", "multi_mailbox_search"], "exchange_organizations": 1, "migration_endpoints": 1},
  "migration": {"method": "hybrid", "mailboxes": 2400, "timeframe": "slow", "complete": false},
  "outlook_anywhere": {"enabled": true, "external_host": "mail.contoso.com", "port": 443, "certificate": "mail-2026",
    "rpc_ports": [6001, 6002, 6004]},
  "clients": {"outlook": ["2016", "2019", "365", "2010 SP2"]}
}`

// Ranges and addresses of values: rules point at them.
func TestValueRangesAndAddresses(t *testing.T) {
	top, probs := decodeFiles(map[string]string{"t.exchange.hcl": fullTopology})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	s := top.Servers[0]
	cases := []struct {
		node  Node
		rng   string
		addr  string
		about string
	}{
		{s, "t.exchange.hcl:16:8-16:14", "server.EX01", "block label"},
		{s.Version, "t.exchange.hcl:18:26-18:32", "server.EX01.version", "string value"},
		{s.Roles, "t.exchange.hcl:21:26-21:37", "server.EX01.roles", "list"},
		{s.Roles.Items[0], "t.exchange.hcl:21:27-21:36", `server.EX01.roles["mailbox"]`, "list item"},
		{top.Hybrid, "t.exchange.hcl:96:1-96:7", "hybrid", "unlabelled block"},
		{top.Hybrid.Servers.Items[1], "t.exchange.hcl:98:40-98:46", `hybrid.servers["EX02"]`, "reference item"},
		{top.Hybrid.InboundPorts.Items[1], "t.exchange.hcl:108:36-108:39", `hybrid.inbound_ports["443"]`, "number item"},
		{top.Domains[0], "t.exchange.hcl:40:8-40:21", `domain."contoso.com"`, "quoted label"},
		{top.Migration.Mailboxes, "t.exchange.hcl:117:15-117:19", "migration.mailboxes", "number"},
	}
	for _, tc := range cases {
		if got := rangeString(tc.node.SourceRange()); got != tc.rng {
			t.Errorf("%s: range %s, want %s", tc.about, got, tc.rng)
		}
		if got := tc.node.Address(); got != tc.addr {
			t.Errorf("%s: address %s, want %s", tc.about, got, tc.addr)
		}
	}
}

// A list item is addressed by its value, so that inserting an item leaves
// the others' addresses as they were; its position stays available for
// baselines written before (PositionAddress). Items of the JSON syntax are
// addressed alike.
func TestListItemAddressesByValue(t *testing.T) {
	for name, src := range map[string]string{
		"t.exchange.hcl":      "organization \"O\" {}\nclients {\n  outlook = [\"2016\", \"2019\", \"365\"]\n}\n",
		"t.exchange.hcl.json": `{"organization": {"O": {}}, "clients": {"outlook": ["2016", "2019", "365"]}}`,
	} {
		before, probs := decodeFiles(map[string]string{name: src})
		if len(probs) != 0 {
			t.Fatal(probs)
		}
		insert := strings.Replace(src, `["2016"`, `["2013", "2016"`, 1)
		after, probs := decodeFiles(map[string]string{name: insert})
		if len(probs) != 0 {
			t.Fatal(probs)
		}
		old, inserted := before.Clients.Outlook.Items, after.Clients.Outlook.Items
		if got := inserted[0].Address(); got != `clients.outlook["2013"]` {
			t.Errorf("%s: the new item is at %s", name, got)
		}
		for i, it := range old {
			if got, want := inserted[i+1].Address(), it.Address(); got != want {
				t.Errorf("%s: %s moved to %s when an item was inserted before it", name, want, got)
			}
		}
		if got := inserted[1].PositionAddress(); got != "clients.outlook[1]" {
			t.Errorf("%s: position address %s", name, got)
		}
		if got := after.Clients.Outlook.PositionAddress(); got != "" {
			t.Errorf("%s: a whole list has no position address: %s", name, got)
		}
	}
	// A value that needs escaping is quoted as Go quotes it.
	top, _ := decodeFiles(map[string]string{"t.exchange.hcl": "organization \"O\" {}\nsite \"S\" {}\nserver \"a\\\"b\" {\n  site = \"S\"\n  version = \"SE\"\n  update = \"RTM\"\n}\nhybrid {\n  servers = [\"a\\\"b\"]\n}\n"})
	if got := top.Hybrid.Servers.Items[0].Address(); got != `hybrid.servers["a\"b"]` {
		t.Errorf("escaped item: %s", got)
	}
}

// A topology is every file of a directory, merged; references cross files.
func TestFilesMerge(t *testing.T) {
	top, probs := decodeFiles(map[string]string{
		"a.exchange.hcl":      `organization "O" {}` + "\n" + `site "HQ" {}`,
		"b.exchange.hcl":      `server "EX01" {` + "\n" + `site = "HQ"` + "\n" + `version = "SE"` + "\n" + `update = "RTM"` + "\n}",
		"c.exchange.hcl.json": `{"hybrid": {"servers": ["EX01"]}}`,
	})
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if top.Servers[0].Site.Target != top.Sites[0] || top.Hybrid.Servers.Items[0].Target != top.Servers[0] {
		t.Error("references across files did not resolve")
	}
	if len(top.Files) != 3 || top.Files[0].Name != "a.exchange.hcl" {
		t.Errorf("files not sorted: %v", top.Files)
	}
}

type wantProblem struct {
	kind Kind
	rng  string
	msg  string // a substring of the message
}

func TestStructuralProblems(t *testing.T) {
	const org = "organization \"O\" {}\n"
	cases := []struct {
		name  string
		files map[string]string
		want  []wantProblem
	}{
		{"unclosed block", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  version = \"SE\"\n"},
			[]wantProblem{{KindSyntax, "t.exchange.hcl:2:15-2:16", "unclosed configuration block"}}},
		{"invalid character", map[string]string{"t.exchange.hcl": org + "site \"A\" {}\n@\n"},
			[]wantProblem{{KindSyntax, "t.exchange.hcl:3:1-3:2", "invalid character"}}},
		{"number with separators", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = 3,000\n}\n"},
			[]wantProblem{{KindSyntax, "t.exchange.hcl:3:16-3:17", "unexpected comma after argument: Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline; did you mean 3000? Write numbers without separators"}}},
		{"JSON syntax error", map[string]string{"t.exchange.hcl.json": `{"organization": {"O": {}},}`},
			[]wantProblem{{KindSyntax, "t.exchange.hcl.json:1:27-1:28", "trailing comma in object"}}},
		{"UTF-16 file", map[string]string{"t.exchange.hcl": "\xff\xfeo\x00r\x00g\x00"},
			[]wantProblem{{KindSyntax, "t.exchange.hcl:1:1-1:1", "UTF-16"}}},
		{"binary file", map[string]string{"t.exchange.hcl": org + "\x00\x01\xfe\xff\x80"},
			[]wantProblem{{KindSyntax, "t.exchange.hcl:2:3-2:3", "not valid UTF-8"}}},
		{"unknown block type", map[string]string{"t.exchange.hcl": org + "sever \"EX01\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:1-2:6", `unknown block type "sever"; did you mean "server"?`}}},
		{"unknown block type JSON", map[string]string{"t.exchange.hcl.json": `{"organization": {"O": {}}, "hybird": {}}`},
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:1:29-1:37", `unknown block type "hybird"; did you mean "hybrid"?`}}},
		{"unknown attribute", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  verison = \"SE\"\n  update = \"RTM\"\n}\n"},
			[]wantProblem{
				{KindSchema, "t.exchange.hcl:2:8-2:14", "server \"EX01\" has no version"},
				{KindSchema, "t.exchange.hcl:3:3-3:10", `unknown attribute "verison" in server "EX01"; did you mean "version"?`},
			}},
		{"unknown attribute JSON", map[string]string{"t.exchange.hcl.json": `{"organization": {"O": {"ffl": "2016"}}}`},
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:1:25-1:30", `unknown attribute "ffl" in organization "O"`}}},
		{"top-level attribute", map[string]string{"t.exchange.hcl": org + "version = \"SE\"\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:1-2:8", `unknown attribute "version" at the top level`}}},
		{"nested block", map[string]string{"t.exchange.hcl": org + "site \"A\" {\n  server \"X\" {}\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:3-3:9", `unexpected "server" block inside site "A"`}}},
		{"number for string", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  version = 2019\n  update = \"CU15\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:17", `version of server "EX01" must be a string, not a number (2019): write 2019 in quotes`}}},
		{"string for bool", map[string]string{"t.exchange.hcl": "organization \"O\" {\n  split_permissions = \"true\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:23-2:29", "must be true or false, not a string (\"true\"): write split_permissions = true"}}},
		{"string for number", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = \"2400\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:21", "must be a whole number, not a string (\"2400\"): write 2400 without quotes"}}},
		{"fraction", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = 2.5\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:18", "must be a whole number, not 2.5"}}},
		{"out of range", map[string]string{"t.exchange.hcl": org + "outlook_anywhere {\n  port = 0\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:10-3:11", "must be between 1 and 65535, not 0"}}},
		{"string for list", map[string]string{"t.exchange.hcl": org + "clients {\n  outlook = \"2016\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:19", `must be a list, not a string ("2016"): write outlook = ["2016"]`}}},
		{"list for string", map[string]string{"t.exchange.hcl": org + "tenant \"t\" {\n  plan = [\"E3\"]\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:10-3:16", `must be a string, not a list: write "E3", without brackets`}}},
		{"object", map[string]string{"t.exchange.hcl": org + "tenant \"t\" {\n  plan = { name = \"E3\" }\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:10-3:25", "must be a string, not an object"}}},
		{"keyword with suggestion", map[string]string{"t.exchange.hcl": "organization \"O\" {\n  forest_functional_level = \"2012 R2\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:29-2:38", `"2012 R2" is not a forest functional level (forest_functional_level of organization "O"); did you mean "2012R2"? Allowed: "2000", "2003"`}}},
		{"keyword in a list", map[string]string{"t.exchange.hcl": org + "server \"E\" {\n  version = \"SE\"\n  update = \"RTM\"\n  roles = [\"mailbox\", \"Client Access\"]\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:5:23-5:38", `"Client Access" is not a server role (roles[1] of server "E"); did you mean "client_access"?`}}},
		{"outlook service pack", map[string]string{"t.exchange.hcl": org + "clients {\n  outlook = [\"2010 SP3\"]\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:14-3:24", "Outlook 2010 has service packs up to SP2, not SP3"}}},
		{"migration timeframe", map[string]string{"t.exchange.hcl": org + "migration {\n  timeframe = \"Fast\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:21", `"Fast" is not a migration timeframe (timeframe of migration); did you mean "fast"?`}}},
		{"connector direction", map[string]string{"t.exchange.hcl": org + "connector \"sent\" \"X\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:11-2:17", `"sent" is not a connector direction (the direction of a connector block); did you mean "send"?`}}},
		{"missing label", map[string]string{"t.exchange.hcl": org + "server {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:8-2:9", "missing name for server"}}},
		{"extra label", map[string]string{"t.exchange.hcl": org + "hybrid \"x\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:8-2:11", "extraneous label for hybrid"}}},
		{"empty label", map[string]string{"t.exchange.hcl": org + "site \"\" {}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:6-2:8", "the name of a site block must not be empty"}}},
		{"missing version", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  update = \"CU15\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:8-2:14", `server "EX01" has no version; add version = "SE"`}}},
		{"missing update and build", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  version = \"SE\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:2:8-2:14", "has neither update nor build"}}},
		{"malformed build", map[string]string{"t.exchange.hcl": org + "server \"EX01\" {\n  version = \"SE\"\n  build = \"15.2\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:4:11-4:17", `"15.2" is not a build number`}}},
		{"malformed date", map[string]string{"t.exchange.hcl": org + "certificate \"c\" {\n  expires = \"2027-3-1\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:23", `"2027-3-1" is not a date`}}},
		{"month-only date", map[string]string{"t.exchange.hcl": org + "certificate \"c\" {\n  expires = \"2027-03\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:22", `"2027-03" is not a date; write it as YYYY-MM-DD`}}},
		{"month out of range", map[string]string{"t.exchange.hcl": org + "certificate \"c\" {\n  expires = \"2026-13-01\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:25", `"2026-13-01" is not a date: the month 13 is out of range: months run from 01 to 12`}}},
		{"day out of range", map[string]string{"t.exchange.hcl": org + "certificate \"c\" {\n  expires = \"2026-02-30\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:25", `"2026-02-30" is not a date: the day 30 is out of range: 2026-02 has 28 days`}}},
		{"last day of a leap February", map[string]string{"t.exchange.hcl": org + "certificate \"c\" {\n  expires = \"2028-02-29\"\n}\n"}, nil},
		{"reference expression", map[string]string{"t.exchange.hcl": org + "site \"HQ\" {}\nserver \"E\" {\n  site = HQ\n  version = \"SE\"\n  update = \"RTM\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:4:10-4:12", `site of server "E" is a reference to HQ, but topology values are literals: write "HQ" in quotes`}}},
		{"function call", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = max(1, 2)\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:24", "is a function call (max)"}}},
		{"template", map[string]string{"t.exchange.hcl": org + "tenant \"t\" {\n  plan = \"E${3}\"\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:10-3:17", "is a template"}}},
		{"template JSON", map[string]string{"t.exchange.hcl.json": `{"organization": {"O": {}}, "tenant": {"t": {"plan": "E${x}"}}}`},
			[]wantProblem{{KindSchema, "t.exchange.hcl.json:1:54-1:61", "is a template"}}},
		{"operator", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = 1000 + 400\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:25", "is an operator expression"}}},
		{"conditional", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = true ? 1 : 2\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:15-3:27", "is a conditional expression"}}},
		{"for expression", map[string]string{"t.exchange.hcl": org + "clients {\n  outlook = [for v in [\"2016\"] : v]\n}\n"},
			[]wantProblem{{KindSchema, "t.exchange.hcl:3:13-3:36", "is a for expression"}}},
		{"no organization", map[string]string{"b.exchange.hcl": "site \"A\" {}\n", "a.exchange.hcl": "site \"B\" {}\n"},
			[]wantProblem{{KindSchema, "a.exchange.hcl:1:1-1:1", "has no organization block"}}},
		{"duplicate server", map[string]string{"t.exchange.hcl": org + "site \"A\" {}\nsite \"A\" {}\n"},
			[]wantProblem{{KindDuplicate, "t.exchange.hcl:3:6-3:9", `site "A" is defined twice; the first definition is at t.exchange.hcl:2:6`}}},
		{"duplicate across files", map[string]string{"a.exchange.hcl": org + "hybrid {}\n", "b.exchange.hcl": "hybrid {}\n"},
			[]wantProblem{{KindDuplicate, "b.exchange.hcl:1:1-1:7", "the hybrid block is defined twice; the first definition is at a.exchange.hcl:2:1"}}},
		// An unnamed block has no name to change: the message says to merge.
		{"second migration block", map[string]string{"t.exchange.hcl": org + "migration {\n  method = \"cutover\"\n}\nmigration {\n  mailboxes = 100\n}\n"},
			[]wantProblem{{KindDuplicate, "t.exchange.hcl:5:1-5:10", "the migration block is defined twice; the first definition is at t.exchange.hcl:2:1: a topology has one migration block, so merge the two into one"}}},
		{"second organization", map[string]string{"t.exchange.hcl": org + "organization \"P\" {}\n"},
			[]wantProblem{{KindDuplicate, "t.exchange.hcl:2:14-2:17", `a topology has one organization block; organization "P" is a second one`}}},
		{"unknown reference", map[string]string{"t.exchange.hcl": org + "site \"HQ\" {}\nserver \"E\" {\n  site = \"HG\"\n  version = \"SE\"\n  update = \"RTM\"\n}\n"},
			[]wantProblem{{KindReference, "t.exchange.hcl:4:10-4:14", `site "HG" (site of server "E") is not defined in this topology; did you mean "HQ"? Defined: "HQ"`}}},
		{"unknown reference in a list", map[string]string{"t.exchange.hcl": org + "hybrid {\n  servers = [\"EX1\"]\n}\n"},
			[]wantProblem{{KindReference, "t.exchange.hcl:3:14-3:19", `server "EX1" (servers[0] of hybrid) is not defined in this topology; it has no server blocks`}}},
		{"null is absent", map[string]string{"t.exchange.hcl": org + "migration {\n  mailboxes = null\n}\n"}, nil},
		{"empty file", map[string]string{"t.exchange.hcl": "", "o.exchange.hcl": org}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := decodeFiles(tc.files)
			var got []string
			for _, p := range probs {
				got = append(got, fmt.Sprintf("%s %s %s", p.Kind, rangeString(p.Range), p.Message))
			}
			sort.Strings(got)
			if len(probs) != len(tc.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(probs), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				p := probs[i]
				if p.Kind != w.kind || rangeString(p.Range) != w.rng || !strings.Contains(p.Message, w.msg) {
					t.Errorf("problem %d:\n got  %s %s %s\n want %s %s ...%s...", i, p.Kind, rangeString(p.Range), p.Message, w.kind, w.rng, w.msg)
				}
			}
		})
	}
}

// Duplicates point at both definitions.
func TestDuplicateRelated(t *testing.T) {
	_, probs := decodeFiles(map[string]string{"t.exchange.hcl": "organization \"O\" {}\nsite \"A\" {}\nsite \"A\" {}\n"})
	if len(probs) != 1 || len(probs[0].Related) != 1 || rangeString(probs[0].Related[0].Range) != "t.exchange.hcl:2:6-2:9" {
		t.Fatalf("duplicate should relate the first definition: %+v", probs)
	}
}

func TestLimits(t *testing.T) {
	deep := "organization \"O\" {}\nmigration {\n  mailboxes = " + strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200) + "\n}\n"
	unary := "organization \"O\" {}\nmigration {\n  mailboxes = " + strings.Repeat("-", 200) + "1\n}\n"
	ternary := "organization \"O\" {}\nmigration {\n  mailboxes = " + strings.Repeat("true ? 1 : ", 200) + "1\n}\n"
	templ := "organization \"O\" {}\ntenant \"t\" {\n  plan = " + strings.Repeat(`"${`, 200) + "1" + strings.Repeat(`}"`, 200) + "\n}\n"
	jsonDeep := `{"organization": {"O": {}}, "clients": {"outlook": ` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "}}"
	cases := []struct {
		name, file, src, rng string
	}{
		{"parentheses", "t.exchange.hcl", deep, "t.exchange.hcl:3:142-3:143"},
		{"unary operators", "t.exchange.hcl", unary, "t.exchange.hcl:3:142-3:143"},
		{"conditionals", "t.exchange.hcl", ternary, ""},
		{"templates", "t.exchange.hcl", templ, ""},
		{"JSON arrays", "t.exchange.hcl.json", jsonDeep, "t.exchange.hcl.json:1:178-1:179"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := decodeFiles(map[string]string{tc.file: tc.src})
			if len(probs) != 1 || probs[0].Kind != KindSyntax || !strings.Contains(probs[0].Message, "nest more than 128 levels") {
				t.Fatalf("want one nesting problem, got %+v", probs)
			}
			if tc.rng != "" && rangeString(probs[0].Range) != tc.rng {
				t.Errorf("range %s, want %s", rangeString(probs[0].Range), tc.rng)
			}
		})
	}
	// Ordinary nesting passes: a list of 300 negative numbers on one line is
	// 300 expressions, not 300 levels.
	wide := "organization \"O\" {}\nhybrid {\n  inbound_ports = [" + strings.TrimSuffix(strings.Repeat("-1, ", 300), ", ") + "]\n}\n"
	if _, probs := decodeFiles(map[string]string{"t.exchange.hcl": wide}); len(probs) != 300 {
		t.Errorf("a wide list should give one range problem per item, got %d problems", len(probs))
	}
	big := "organization \"O\" {}\n# " + strings.Repeat("x", 5<<20) + "\n"
	_, probs := Decode(".", []*File{{Name: "big.exchange.hcl", Src: []byte(big)}}, DefaultLimits)
	if len(probs) != 1 || !strings.Contains(probs[0].Message, "exlint reads topology files of up to 4194304 bytes") {
		t.Errorf("big file: %+v", probs)
	}
}

// The fast path reads literals exactly as hcl's evaluator does.
func TestNativeValueMatchesEvaluator(t *testing.T) {
	src := `a = "x\ny\"z"
b = 42
c = -3
d = true
e = null
f = ["a", "b", 1.5]
g = []
h = <<EOT
two
lines
EOT
i = "$${not} a template"
`
	f, diags := hclsyntax.ParseConfig([]byte(src), "t", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	attrs, _ := f.Body.JustAttributes()
	for name, a := range attrs {
		want, d := a.Expr.Value(nil)
		got, nl := literal(a.Expr)
		if d.HasErrors() || nl != nil || !got.RawEquals(want) {
			t.Errorf("%s: literal %#v, evaluator %#v", name, got, want)
		}
	}
}

// A panic while reading a file names the file: the command reports it as an
// internal error about that file.
func TestFilePanicNamesTheFile(t *testing.T) {
	d := &decoder{seen: map[string]*Block{}} // no topology: adding a block panics
	defer func() {
		fp, ok := recover().(*FilePanic)
		if !ok || fp.File != "boom.exchange.hcl" || len(fp.Stack) == 0 {
			t.Fatalf("want a FilePanic naming the file, got %#v", fp)
		}
	}()
	d.decodeFile(&File{Name: "boom.exchange.hcl", Src: []byte("site \"A\" {}\n")}, DefaultLimits)
	t.Fatal("no panic")
}

// The blocks a reference may name come from the attribute specifications
// (ref=TYPE): each is a block type of the language with a name, and a
// reference to each resolves.
func TestRefTargetsFromSpecs(t *testing.T) {
	want := map[string]bool{"site": true, "server": true, "domain": true, "tenant": true, "certificate": true}
	got := refTargets()
	for typ := range got {
		spec := blockSpecByName(typ)
		if spec == nil || len(spec.labels) == 0 || spec.singleton {
			t.Errorf("ref=%s names no block type with a name", typ)
		}
	}
	for typ := range want {
		if !got[typ] {
			t.Errorf("no attribute names a %s", typ)
		}
	}
}

// An unknown block type that resembles one gets the suggestion alone, in a
// topology or in a stage's operation, and one that resembles none the list
// of every type; either stays near the 200 characters a message may take.
func TestUnknownBlockTypeMessage(t *testing.T) {
	const org = "organization \"O\" {}\n"
	for _, tc := range []struct {
		name, src, want string
	}{
		{"top level", org + "sever \"EX01\" {}\n", `unknown block type "sever"; did you mean "server"?`},
		{"in a stage", org + "stage \"s1\" {\n  date = \"2027-06\"\n  add \"sever\" \"EX02\" {}\n}\n", `unknown block type "sever"; did you mean "server"?`},
		{"JSON stage", "", `unknown block type "hybird"; did you mean "hybrid"?`},
		{"no suggestion", org + "zzz {}\n", `unknown block type "zzz"; the types are ` + strings.Join(blockTypeNames(), ", ")},
	} {
		files := map[string]string{"t.exchange.hcl": tc.src}
		if tc.src == "" {
			files = map[string]string{"t.exchange.hcl.json": `{"organization": {"O": {}}, "stage": {"s1": {"date": "2027-06", "remove": {"hybird": {}}}}}`}
		}
		_, probs := decodePlanFiles(files)
		if len(probs) != 1 || probs[0].Message != tc.want {
			t.Errorf("%s: %+v\nwant %q", tc.name, probs, tc.want)
			continue
		}
		if n := len(probs[0].Message); n > 230 {
			t.Errorf("%s: the message has %d characters", tc.name, n)
		}
	}
}

// An unknown attribute that resembles a known one gets the "did you mean"
// alone; one that resembles none gets the list of what the block takes.
func TestUnknownAttributeMessage(t *testing.T) {
	const head = "organization \"O\" {}\nsite \"HQ\" {}\nserver \"EX1\" {\n  site = \"HQ\"\n  version = \"SE\"\n  update = \"RTM\"\n"
	for _, tc := range []struct{ attr, want string }{
		{"upate", `unknown attribute "upate" in server "EX1"; did you mean "update"?`},
		{"colour", `unknown attribute "colour" in server "EX1". A server block takes: site, version, update, build, roles, os,`},
	} {
		_, probs := decodePlanFiles(map[string]string{"t.exchange.hcl": head + "  " + tc.attr + " = \"x\"\n}\n"})
		if len(probs) != 1 || !strings.HasPrefix(probs[0].Message, tc.want) || strings.HasSuffix(tc.want, "?") && probs[0].Message != tc.want {
			t.Errorf("%s: %+v\nwant %q", tc.attr, probs, tc.want)
		}
	}
}
