package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/exlint/exlint/lint"
	"github.com/exlint/exlint/lint/runner"
	"github.com/exlint/exlint/schema"
	"github.com/exlint/exlint/schema/catalog"
)

// unknowns runs rule r over src, one topology file, with coverage and
// returns what it could not judge (unknownsIn).
func unknowns(t *testing.T, r lint.Rule, asOf, src string) []string {
	t.Helper()
	return unknownsIn(t, r, asOf, []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}})
}

// unknownsIn runs rule r over a topology's files with coverage and returns
// what it could not judge: each attribute's address, with " for " and the
// thing it could not judge when that is not the attribute's block. The
// findings must be those of a check without coverage.
func unknownsIn(t *testing.T, r lint.Rule, asOf string, files []*schema.File) []string {
	t.Helper()
	top, probs := schema.Decode(".", files, schema.DefaultLimits)
	if len(probs) > 0 {
		t.Fatalf("test topology has structural problems: %+v", probs)
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

// completeDesign is examples/se-classic-hybrid, the design a careful
// architect would commit: it states every attribute the rules read there.
// Each test below leaves some out.
func completeDesign(t *testing.T) []*schema.File {
	t.Helper()
	dir := filepath.Join("..", "examples", "se-classic-hybrid")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*schema.File
	for _, e := range entries {
		if schema.IsTopologyFile(e.Name()) {
			src, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, &schema.File{Name: e.Name(), Src: src, JSON: strings.HasSuffix(e.Name(), schema.JSONSuffix)})
		}
	}
	return files
}

// withFile returns files with one file's text replaced by src.
func withFile(files []*schema.File, i int, src string) []*schema.File {
	out := append([]*schema.File(nil), files...)
	f := *out[i]
	f.Src = []byte(src)
	out[i] = &f
	return out
}

// Every rule judges everything the complete design states: nothing stays
// unknown.
func TestNothingUnknownInACompleteDesign(t *testing.T) {
	files := completeDesign(t)
	for _, r := range All() {
		if got := unknownsIn(t, r, today, files); len(got) > 0 {
			t.Errorf("%s: %v", r.Info().ID, got)
		}
	}
}

var attributeLine = regexp.MustCompile(`(?m)^  ([a-z_]+) += .*\n`)

// Leaving out any one attribute of the complete design, each rule declares
// only optional attributes of the language (schema.OptionalAttribute), and
// its findings are the same with and without coverage (unknownsIn tests
// that). Some rule declares the very attribute left out, unless no rule
// needs it in this design.
func TestUnknownsNameOptionalAttributes(t *testing.T) {
	typeOf := regexp.MustCompile(`^([a-z_]+)(\.|$)`)
	header := regexp.MustCompile(`(?m)^([a-z_]+)[ {]`)
	// What no rule needs in this design, because another attribute settles
	// it or because it matters only elsewhere.
	unread := map[string]bool{
		"organization.split_permissions":   true, // with Exchange on a domain controller only
		"server.site":                      true, // each site has a writable global catalog
		"server.build":                     true, // update names the same release
		"server.update":                    true, // build names the release
		"server.core":                      true, // Exchange SE runs on Server Core
		"domain_controller.site":           true, // one in each site
		"domain.accepted":                  true, // read for a cutover or staged migration
		"domain.mx":                        true, // mx_hosts name EOP
		"domain.mx_hosts":                  true, // mx says where
		"domain.mailboxes":                 true, // connectors go both ways
		"certificate.subject":              true, // names cover every name
		"certificate.services":             true, // hybrid.certificate serves both
		"namespace.port":                   true,
		"namespace.scope":                  true, // a public CA serves inside and out
		"connector.address_spaces":         true, // the smart host names Exchange Online
		"connector.smart_hosts":            true, // the address space names the tenant
		"tenant.eop_filtering":             true, // MX at Exchange Online
		"hybrid.tenants":                   true, // one tenant
		"hybrid.certificate":               true, // the certificates say what they serve, on which servers
		"hybrid.organization_relationship": true, // OAuth serves free/busy and MailTips
		"hybrid.oauth":                     true, // the organization relationship does; modern auth without it is judged
		"hybrid.topology":                  true, // absent, the wizard's default: Classic Full
		"migration.mailboxes":              true, // read for cutover and staged migrations
	}
	files := completeDesign(t)
	for i, f := range files {
		text := string(f.Src)
		for _, loc := range attributeLine.FindAllStringSubmatchIndex(text, -1) {
			changed := withFile(files, i, text[:loc[0]]+text[loc[1]:])
			if _, probs := schema.Decode(".", changed, schema.DefaultLimits); len(probs) > 0 {
				continue // a required attribute
			}
			heads := header.FindAllStringSubmatch(text[:loc[0]], -1)
			left := heads[len(heads)-1][1] + "." + text[loc[2]:loc[3]]
			declared := false
			for _, r := range All() {
				for _, u := range unknownsIn(t, r, today, changed) {
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
}

// Leaving out what a rule needs makes it declare that attribute, at the
// thing it could not judge: the representative rules of each kind of fact.
func TestUnknownsOfRepresentativeRules(t *testing.T) {
	design := completeDesign(t)
	// drop leaves attributes out of the complete design: `server "EX01".os`
	// is the os line of the block whose header starts so.
	drop := func(attrs ...string) []*schema.File {
		files := design
		for _, a := range attrs {
			dot := strings.LastIndexByte(a, '.')
			block, name := a[:dot], a[dot+1:]
			found := false
			for i, f := range files {
				text := string(f.Src)
				at := strings.Index("\n"+text, "\n"+block+" {") // at the block's header
				if at < 0 {
					continue
				}
				loc := regexp.MustCompile(`(?m)^  ` + name + ` += .*\n`).FindStringIndex(text[at:])
				if loc == nil {
					t.Fatalf("no %s in %s", name, block)
				}
				files, found = withFile(files, i, text[:at+loc[0]]+text[at+loc[1]:]), true
				break
			}
			if !found {
				t.Fatalf("no block %s", block)
			}
		}
		return files
	}
	// edit replaces text in the complete design's file that holds it.
	edit := func(files []*schema.File, from, to string) []*schema.File {
		for i, f := range files {
			if strings.Contains(string(f.Src), from) {
				return withFile(files, i, strings.Replace(string(f.Src), from, to, 1))
			}
		}
		t.Fatalf("no %q", from)
		return nil
	}
	one := func(src string) []*schema.File { return []*schema.File{{Name: "t.exchange.hcl", Src: []byte(src)}} }
	adfs := append(drop(), &schema.File{Name: "adfs.exchange.hcl", Src: []byte(
		"adfs \"FS\" {\n  os          = \"2022\"\n  certificate = \"sts\"\n}\ncertificate \"sts\" {\n  names = [\"sts.contoso.com\"]\n}\n")})
	for _, tc := range []struct {
		rule  lint.Rule
		files []*schema.File
		want  []string
	}{
		{serverOSUnsupported{}, drop(`server "EX01".os`), []string{"server.EX01.os"}},
		{dotnetUnsupported{}, drop(`server "EX02".dotnet`), []string{"server.EX02.dotnet"}},
		{domainControllerOSUnsupported{}, drop(`domain_controller "DC01".os`), []string{"domain_controller.DC01.os"}},
		{dagWitness{}, drop(`dag "DAG01".witness`), []string{"dag.DAG01.witness"}},
		{windowsEndOfSupport{}, drop(`server "EX01".os`, `domain_controller "DC01".os`, `directory_sync.host_os`),
			[]string{"directory_sync.host_os", "domain_controller.DC01.os", "server.EX01.os"}}, // by file: hybrid, organization, servers
		{tlsProtocols{}, drop(`server "EX02".tls`), []string{"server.EX02.tls"}},
		{serverOnDomainController{}, drop(`server "EX01".on_domain_controller`), []string{"server.EX01.on_domain_controller"}},
		// An attribute of another block than the thing not judged.
		{dagMixedVersions{}, drop(`server "EX02".os`), []string{"server.EX02.os for dag.DAG01"}},
		{domainControllerReadOnly{}, drop(`domain_controller "DC02".read_only`), []string{"domain_controller.DC02.read_only for site.DR"}},
		{namespaceCertificate{}, drop(`certificate "mail-2027".issuer`), []string{`certificate.mail-2027.issuer for namespace."mail.contoso.com"`}},
		{connectorExchangeOnline{}, drop(`domain "contoso.com".verified`),
			[]string{`domain."contoso.com".verified for connector.send."Outbound to Office 365"`}},
		{adfsRequirements{}, adfs, []string{"certificate.sts.issuer for adfs.FS"}},
		// Free/busy and MailTips pass on the organization relationship
		// when OAuth is not set up: declared once, at the first feature;
		// modern authentication needs OAuth.
		{hybridFeatures{}, drop(`hybrid.organization_relationship`, `hybrid.oauth`),
			[]string{"hybrid.oauth", `hybrid.organization_relationship for hybrid.features["free_busy"]`}},
		{mailFlowMX{}, edit(edit(drop(`tenant "contoso.onmicrosoft.com".eop_filtering`), `mx           = "exchange_online"`, `mx           = "on_premises"`),
			`mx_hosts     = ["contoso-com.mail.protection.outlook.com"]`, `mx_hosts     = ["mail.contoso.com"]`),
			[]string{`tenant."contoso.onmicrosoft.com".eop_filtering for domain."contoso.com"`}},
		// .NET Framework 4.8.1 with Exchange 2019 CU15: the matrix's verdict
		// depends on Windows.
		{dotnetUnsupported{}, one(org(srv("EX01", "2019", "CU15", `dotnet = "4.8.1"`))), []string{"server.EX01.os"}},
		{dotnetUnsupported{}, one(org(srv("EX01", "2016", "CU23", `dotnet = "4.8"`))), []string{}},
	} {
		if got := unknownsIn(t, tc.rule, today, tc.files); !reflect.DeepEqual(got, tc.want) {
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
