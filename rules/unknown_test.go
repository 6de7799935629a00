package rules

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// unknowns runs rule r over src with coverage and returns what it could not
// judge: each attribute's address, with " for " and the thing it could not
// judge when that is not the attribute's block.
func unknowns(t *testing.T, r lint.Rule, asOf, src string) []string {
	t.Helper()
	top, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("test topology has structural problems: %+v\n%s", probs, src)
	}
	st := &schema.State{Topology: top}
	fs, us, ran, err := lint.CheckStateCoverage(nil, st, nil, []lint.Rule{r}, catalog.Default(), catalog.MustDate(asOf))
	if err != nil || !ran {
		t.Fatalf("check: %v (ran %v)", err, ran)
	}
	plain, _, _ := lint.Check(top, nil, []lint.Rule{r}, catalog.Default(), catalog.MustDate(asOf))
	if !reflect.DeepEqual(fs, plain) {
		t.Errorf("coverage changed the findings:\n%s\nwant\n%s", summary(fs), summary(plain))
	}
	out := []string{}
	for _, u := range us {
		s := u.Attribute
		if u.What != u.Attribute[:strings.LastIndexByte(u.Attribute, '.')] {
			s += " for " + u.What
		}
		out = append(out, s)
	}
	return out
}

// everything is a topology that states every attribute of every block the
// rules read, the way a careful architect would; each test below leaves
// some out.
const everything = `organization "T" {
  forest_functional_level = "2016"
  split_permissions       = false
  native_mode             = true
}
site "HQ" {}
domain_controller "DC01" {
  site           = "HQ"
  os             = "2022"
  global_catalog = true
  read_only      = false
}
server "EX01" {
  site                 = "HQ"
  version              = "SE"
  update               = "RTM"
  roles                = ["mailbox"]
  os                   = "2022"
  core                 = false
  dotnet               = "4.8.1"
  network              = "internal"
  tls                  = ["1.2"]
  on_domain_controller = false
}
server "EX02" {
  site                 = "HQ"
  version              = "SE"
  update               = "RTM"
  roles                = ["mailbox"]
  os                   = "2022"
  core                 = false
  dotnet               = "4.8.1"
  network              = "internal"
  tls                  = ["1.2"]
  on_domain_controller = false
}
dag "DAG01" {
  members = ["EX01", "EX02"]
  witness = "FS01"
}
domain "contoso.com" {
  accepted     = "authoritative"
  verified     = true
  mx           = "exchange_online"
  mx_hosts     = ["contoso-com.mail.protection.outlook.com"]
  autodiscover = "on_premises"
  mailboxes    = "both"
}
certificate "mail" {
  issuer      = "public_ca"
  issuer_name = "DigiCert Global G2 TLS RSA SHA256 2020 CA1"
  subject     = "mail.contoso.com"
  names       = ["mail.contoso.com", "autodiscover.contoso.com"]
  expires     = "2027-09-01"
  servers     = ["EX01", "EX02"]
  services    = ["iis", "smtp"]
}
namespace "mail.contoso.com" {
  services    = ["owa", "ews", "autodiscover", "outlook_anywhere", "mapi", "activesync"]
  certificate = "mail"
  port        = 443
  scope       = "external"
}
connector "send" "Outbound to Office 365" {
  servers             = ["EX01", "EX02"]
  address_spaces      = ["contoso.mail.onmicrosoft.com"]
  smart_hosts         = ["contoso-com.mail.protection.outlook.com"]
  tls_certificate     = "mail"
  tls_auth            = "domain_validation"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
  require_tls         = true
}
connector "receive" "Inbound from Office 365" {
  servers             = ["EX01", "EX02"]
  tls_certificate     = "mail"
  tls_domain          = "mail.protection.outlook.com"
  cloud_services_mail = true
}
tenant "contoso.onmicrosoft.com" {
  plan               = "E3"
  eop_filtering      = true
  enhanced_filtering = true
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
  servers                   = ["EX01", "EX02"]
  domains                   = ["contoso.com"]
  tenants                   = ["contoso.onmicrosoft.com"]
  certificate               = "mail"
  federation_trust          = true
  organization_relationship = true
  oauth                     = true
  modern_auth               = false
  dedicated_app             = true
  inbound_ports             = [25, 443]
  outbound_ports            = [25, 443, 80]
  features                  = ["free_busy", "mailtips"]
}
clients {
  outlook = ["365"]
}
`

// Every rule judges everything a complete design states: nothing stays
// unknown.
func TestNothingUnknownInACompleteDesign(t *testing.T) {
	for _, r := range All() {
		if got := unknowns(t, r, today, everything); len(got) > 0 {
			t.Errorf("%s: %v", r.Info().ID, got)
		}
	}
}

var attributeLine = regexp.MustCompile(`(?m)^  ([a-z_]+) += .*\n`)

// Leaving out any one attribute of the complete design, each rule declares
// only optional attributes of the language (schema.OptionalAttribute), and
// its findings are the same with and without coverage (unknowns tests
// that). Some rule declares the very attribute left out, unless no rule
// needs it in this design.
func TestUnknownsNameOptionalAttributes(t *testing.T) {
	typeOf := regexp.MustCompile(`^([a-z_]+)(\.|$)`)
	header := regexp.MustCompile(`(?m)^([a-z_]+)[ {]`)
	// What no rule needs in this design, because another attribute settles
	// it or because it matters only elsewhere.
	unread := map[string]bool{
		"organization.native_mode":         true, // beside Exchange 2007 or 2010 only
		"organization.split_permissions":   true, // with Exchange on a domain controller only
		"server.site":                      true, // one site, one domain controller with its site
		"server.core":                      true, // Exchange SE runs on Server Core
		"domain_controller.site":           true,
		"domain.accepted":                  true, // read for a cutover or staged migration
		"domain.mx":                        true, // mx_hosts name EOP
		"domain.mx_hosts":                  true, // mx says where
		"domain.mailboxes":                 true, // connectors go both ways
		"certificate.subject":              true, // names cover every name
		"certificate.issuer_name":          true, // one transport certificate
		"certificate.services":             true, // hybrid.certificate serves both
		"namespace.port":                   true,
		"namespace.scope":                  true, // a public CA serves inside and out
		"connector.address_spaces":         true, // the smart host names Exchange Online
		"connector.smart_hosts":            true, // the address space names the tenant
		"tenant.eop_filtering":             true, // MX at Exchange Online
		"tenant.enhanced_filtering":        true, // no third-party MX
		"hybrid.tenants":                   true, // one tenant
		"hybrid.certificate":               true, // the certificates say what they serve, on which servers
		"hybrid.organization_relationship": true, // OAuth serves free/busy and MailTips
		"hybrid.oauth":                     true, // the organization relationship does, without modern auth
		"hybrid.topology":                  true, // absent, the wizard\'s default: Classic Full
	}
	for _, loc := range attributeLine.FindAllStringSubmatchIndex(everything, -1) {
		src := everything[:loc[0]] + everything[loc[1]:]
		if _, probs := schema.Decode(".", []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}}, schema.DefaultLimits); len(probs) > 0 {
			continue // a required attribute
		}
		heads := header.FindAllStringSubmatch(everything[:loc[0]], -1)
		left := heads[len(heads)-1][1] + "." + everything[loc[2]:loc[3]]
		declared := false
		for _, r := range All() {
			for _, u := range unknowns(t, r, today, src) {
				attr, _, _ := strings.Cut(u, " for ")
				typ := typeOf.FindStringSubmatch(attr)[1]
				name := attr[strings.LastIndexByte(attr, '.')+1:]
				if !schema.OptionalAttribute(typ, name) {
					t.Errorf("%s declares %s, not an optional attribute of %s", r.Info().ID, attr, typ)
				}
				declared = declared || typ+"."+name == left
			}
		}
		if !declared && !unread[left] {
			t.Errorf("no rule declares %s when it is left out", left)
		}
	}
}

// Leaving out what a rule needs makes it declare that attribute, at the
// thing it could not judge: the representative rules of each kind of fact.
func TestUnknownsOfRepresentativeRules(t *testing.T) {
	drop := func(attrs ...string) string {
		src := everything
		for _, a := range attrs {
			dot := strings.LastIndexByte(a, '.')
			block, name := a[:dot], a[dot+1:]
			i := strings.Index(src, block)
			if i < 0 {
				t.Fatalf("no block %s", block)
			}
			line := regexp.MustCompile(`(?m)^  ` + name + ` += .*\n`)
			loc := line.FindStringIndex(src[i:])
			if loc == nil {
				t.Fatalf("no %s in %s", name, block)
			}
			src = src[:i+loc[0]] + src[i+loc[1]:]
		}
		return src
	}
	for _, tc := range []struct {
		rule lint.Rule
		src  string
		want []string
	}{
		{serverOSUnsupported{}, drop(`server "EX01".os`), []string{"server.EX01.os"}},
		{dotnetUnsupported{}, drop(`server "EX02".dotnet`), []string{"server.EX02.dotnet"}},
		{domainControllerOSUnsupported{}, drop(`domain_controller "DC01".os`), []string{"domain_controller.DC01.os"}},
		{dagWitness{}, drop(`dag "DAG01".witness`), []string{"dag.DAG01.witness"}},
		{windowsEndOfSupport{}, drop(`server "EX01".os`, `domain_controller "DC01".os`, `directory_sync.host_os`),
			[]string{"domain_controller.DC01.os", "server.EX01.os", "directory_sync.host_os"}},
		{tlsProtocols{}, drop(`server "EX02".tls`), []string{"server.EX02.tls"}},
		{serverOnDomainController{}, drop(`server "EX01".on_domain_controller`), []string{"server.EX01.on_domain_controller"}},
		// An attribute of another block than the thing not judged.
		{dagMixedVersions{}, drop(`server "EX02".os`), []string{"server.EX02.os for dag.DAG01"}},
		{namespaceCertificate{}, drop(`certificate "mail".issuer`), []string{`certificate.mail.issuer for namespace."mail.contoso.com"`}},
		{connectorExchangeOnline{}, drop(`domain "contoso.com".verified`),
			[]string{`domain."contoso.com".verified for connector.send."Outbound to Office 365"`}},
		{adfsRequirements{}, drop() + "adfs \"FS\" {\n  os = \"2022\"\n  certificate = \"sts\"\n}\ncertificate \"sts\" {\n  names = [\"sts.contoso.com\"]\n}\n",
			[]string{"certificate.sts.issuer for adfs.FS"}},
		// Free/busy and MailTips pass on the organization relationship
		// when OAuth is not set up: declared once, at the first feature.
		{hybridFeatures{}, drop(`hybrid.organization_relationship`, `hybrid.oauth`),
			[]string{`hybrid.organization_relationship for hybrid.features["free_busy"]`}},
		{mailFlowMX{}, strings.NewReplacer(`mx           = "exchange_online"`, `mx           = "on_premises"`,
			`contoso-com.mail.protection.outlook.com"]`, `mail.contoso.com"]`).Replace(drop(`tenant "contoso.onmicrosoft.com".eop_filtering`)),
			[]string{`tenant."contoso.onmicrosoft.com".eop_filtering for domain."contoso.com"`}},
		// .NET Framework 4.8.1 with Exchange 2019 CU15: the matrix's verdict
		// depends on Windows.
		{dotnetUnsupported{}, org(srv("EX01", "2019", "CU15", `dotnet = "4.8.1"`)), []string{"server.EX01.os"}},
		{dotnetUnsupported{}, org(srv("EX01", "2016", "CU23", `dotnet = "4.8"`)), []string{}},
	} {
		if got := unknowns(t, tc.rule, today, tc.src); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.rule.Info().ID, got, tc.want)
		}
	}
}

// The examples: coverage never changes what exlint finds in them.
func TestUnknownsLeaveFindingsAlone(t *testing.T) {
	opts := runner.Options{Rules: All(), Catalog: catalog.Default(), AsOf: catalog.MustDate(today), Limits: schema.DefaultLimits}
	plain, err := runner.Run([]string{"../examples"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Coverage = true
	covered, err := runner.Run([]string{"../examples"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain.Findings, covered.Findings) {
		t.Error("coverage changed the examples' findings")
	}
	if len(covered.Unknowns) == 0 {
		t.Error("nothing unknown in any example: the drafts leave much unstated")
	}
}
