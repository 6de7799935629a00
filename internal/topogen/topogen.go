// Package topogen writes realistic Exchange topologies of any size, for
// benchmarks and load tests: sites with domain controllers, Mailbox servers
// in DAGs (mostly Exchange SE, some 2019 still being upgraded), an Edge
// server per site pair, domains, certificates, namespaces, connectors, a
// tenant, directory synchronization, hybrid and a migration. The output is
// a function of the parameters only.
package topogen

import (
	"fmt"
	"strings"
)

// Options shapes a topology.
type Options struct {
	Servers        int // Exchange servers, Edge servers included
	ServersPerFile int // servers per servers-NN.exchange.hcl file (default 25)
	Name           string
	// Stages makes the topology a plan of that many monthly stages, in
	// stages.exchange.hcl: each adds a Mailbox server, upgrades a 2019
	// server in place to SE and retires an Edge server, while there are
	// some left.
	Stages int
	// Legacy makes the Mailbox servers a mix of out-of-support versions on
	// old updates and old Windows (2010, 2013, 2016, 2019, in turn, and one
	// SE in five): a topology with a few findings per server, for timing
	// the output.
	Legacy bool
}

// legacyServers are the Mailbox servers of a Legacy topology, in turn.
var legacyServers = []struct{ version, update, roles, os, dotnet string }{
	{"2010", "SP3 RU30", `"mailbox", "client_access", "hub_transport"`, "2008R2", "4.7.2"},
	{"2013", "CU21", `"mailbox", "client_access"`, "2012R2", "4.7.2"},
	{"2016", "CU20", `"mailbox"`, "2016", "4.8"},
	{"2019", "CU11", `"mailbox"`, "2019", "4.8"},
	{"SE", "RTM Aug26SU", `"mailbox"`, "2025", "4.8.1"},
}

// File is one generated file.
type File struct {
	Name string
	Src  []byte
}

// Generate returns the files of one topology.
func Generate(o Options) []File {
	if o.ServersPerFile <= 0 {
		o.ServersPerFile = 25
	}
	if o.Name == "" {
		o.Name = "Contoso"
	}
	sites := max(1, (o.Servers+7)/8)
	dcOS := "2022"
	if o.Legacy {
		dcOS = "2016" // one every legacy version supports
	}
	var files []File

	var b strings.Builder
	fmt.Fprintf(&b, "# %s: a generated topology of %d Exchange servers in %d sites.\n\n", o.Name, o.Servers, sites)
	fmt.Fprintf(&b, "organization %q {\n  forest_functional_level = \"2016\"\n  split_permissions       = false\n}\n", o.Name)
	for s := 0; s < sites; s++ {
		fmt.Fprintf(&b, "\nsite %q {}\n", siteName(s))
		for d := 0; d < 2; d++ {
			fmt.Fprintf(&b, "\ndomain_controller \"DC%02d-%d\" {\n  site           = %q\n  os             = %q\n  global_catalog = true\n  read_only      = false\n}\n",
				s, d+1, siteName(s), dcOS)
		}
	}
	files = append(files, File{Name: "organization.exchange.hcl", Src: []byte(b.String())})

	var mailbox, edges, upgrades []string
	var chunk strings.Builder
	part := 0
	flush := func() {
		if chunk.Len() > 0 {
			files = append(files, File{Name: fmt.Sprintf("servers-%02d.exchange.hcl", part), Src: []byte(chunk.String())})
			chunk.Reset()
			part++
		}
	}
	for i := 0; i < o.Servers; i++ {
		name := fmt.Sprintf("EX%04d", i+1)
		site := siteName(i / 8)
		switch {
		case i%8 == 7: // one Edge server per site, in the perimeter
			fmt.Fprintf(&chunk, "server %q {\n  site    = %q\n  version = \"SE\"\n  update  = \"RTM Aug26SU\"\n  build   = \"15.2.2562.46\"\n"+
				"  roles   = [\"edge_transport\"]\n  os      = \"2025\"\n  core    = false\n  dotnet  = \"4.8.1\"\n  network = \"perimeter\"\n  tls     = [\"1.2\"]\n}\n\n", name, site)
			edges = append(edges, name)
		case o.Legacy:
			l := legacyServers[i%len(legacyServers)]
			fmt.Fprintf(&chunk, "server %q {\n  site    = %q\n  version = %q\n  update  = %q\n"+
				"  roles   = [%s]\n  os      = %q\n  core    = false\n  dotnet  = %q\n  network = \"internal\"\n  tls     = [\"1.0\", \"1.2\"]\n}\n\n",
				name, site, l.version, l.update, l.roles, l.os, l.dotnet)
			mailbox = append(mailbox, name)
		case i%5 == 4: // a 2019 server not yet upgraded in place
			fmt.Fprintf(&chunk, "server %q {\n  site    = %q\n  version = \"2019\"\n  update  = \"CU15 Aug26SU\"\n  build   = \"15.2.1748.49\"\n"+
				"  roles   = [\"mailbox\"]\n  os      = \"2022\"\n  core    = false\n  dotnet  = \"4.8.1\"\n  network = \"internal\"\n  tls     = [\"1.2\"]\n}\n\n", name, site)
			mailbox = append(mailbox, name)
			upgrades = append(upgrades, name)
		default:
			fmt.Fprintf(&chunk, "server %q {\n  site    = %q\n  version = \"SE\"\n  update  = \"RTM Aug26SU\"\n  build   = \"15.2.2562.46\"\n"+
				"  roles   = [\"mailbox\"]\n  os      = \"2025\"\n  core    = false\n  dotnet  = \"4.8.1\"\n  network = \"internal\"\n  tls     = [\"1.2\"]\n}\n\n", name, site)
			mailbox = append(mailbox, name)
		}
		if (i+1)%o.ServersPerFile == 0 {
			flush()
		}
	}
	flush()

	b.Reset()
	for d := 0; d*8 < len(mailbox); d++ {
		members := mailbox[d*8 : min(len(mailbox), d*8+8)]
		fmt.Fprintf(&b, "dag \"DAG%02d\" {\n  members = [%s]\n  witness = \"FS%02d\"\n}\n\n", d+1, quoteAll(members), d+1)
	}
	domain := strings.ToLower(o.Name) + ".com"
	hybridServers := mailbox[:min(len(mailbox), 4)]
	fmt.Fprintf(&b, `domain %[1]q {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  autodiscover = "on_premises"
}

certificate "mail" {
  issuer   = "public_ca"
  subject  = "mail.%[1]s"
  names    = ["mail.%[1]s", "autodiscover.%[1]s"]
  expires  = "2027-09-30"
  servers  = [%[2]s]
  services = ["iis", "smtp"]
}

namespace "mail.%[1]s" {
  services    = ["owa", "ews", "autodiscover", "mapi", "activesync", "oab"]
  certificate = "mail"
  port        = 443
}

connector "send" "Outbound to Office 365" {
  servers             = [%[3]s]
  address_spaces      = ["%[4]s.mail.onmicrosoft.com"]
  smart_hosts         = ["%[4]s-com.mail.protection.outlook.com"]
  tls_certificate     = "mail"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}

tenant "%[4]s.onmicrosoft.com" {
  plan = "E3"
}

directory_sync {
  enabled                   = true
  tool                      = "entra_connect"
  host_os                   = "2022"
  sign_in                   = "password_hash_sync"
  exchange_hybrid_writeback = true
}

hybrid {
  topology                  = "classic_full"
  servers                   = [%[3]s]
  domains                   = [%[1]q]
  tenants                   = ["%[4]s.onmicrosoft.com"]
  certificate               = "mail"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = true
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
}

migration {
  method    = "hybrid"
  mailboxes = %[5]d
}

clients {
  outlook = ["365", "2024"]
}
`, domain, quoteAll(mailbox), quoteAll(hybridServers), strings.ToLower(o.Name), 250*len(mailbox))
	files = append(files, File{Name: "services.exchange.hcl", Src: []byte(b.String())})
	if o.Stages > 0 {
		files = append(files, File{Name: "stages.exchange.hcl", Src: stages(o.Stages, sites, upgrades, edges)})
	}
	return files
}

// stages writes a plan's stages, one a month from January 2027.
func stages(n, sites int, upgrades, edges []string) []byte {
	var b strings.Builder
	for k := 0; k < n; k++ {
		fmt.Fprintf(&b, "stage \"step-%03d\" {\n  date        = \"%04d-%02d\"\n  description = \"step %d of the refresh\"\n\n",
			k+1, 2027+k/12, k%12+1, k+1)
		fmt.Fprintf(&b, "  add \"server\" \"EXN%04d\" {\n    site      = %q\n    version   = \"SE\"\n    update    = \"RTM Aug26SU\"\n"+
			"    roles     = [\"mailbox\"]\n    os        = \"2025\"\n    mailboxes = 0\n  }\n", k+1, siteName(k%sites))
		if k < len(upgrades) {
			fmt.Fprintf(&b, "  change \"server\" %q {\n    version = \"SE\"\n    update  = \"RTM Aug26SU\"\n    build   = \"15.2.2562.46\"\n  }\n", upgrades[k])
		}
		if k < len(edges) {
			fmt.Fprintf(&b, "  remove \"server\" %q {}\n", edges[k])
		}
		b.WriteString("}\n\n")
	}
	return []byte(b.String())
}

func siteName(i int) string { return fmt.Sprintf("SITE%02d", i+1) }

func quoteAll(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
